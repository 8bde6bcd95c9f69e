//! What a booking needs to know, read in one statement (rules AC-11, AC-12, BK-3, BK-12):
//! the user's eligibility and contact details, their recent no-shows (consultations and
//! seminars, SE-4), the slot and its
//! office's booking policy. One read instead of six keeps the booking path short, which
//! matters most on SQLite where every statement crosses to the connection's thread.

use chrono::{DateTime, NaiveDate, Utc};

use crate::consultations::reservations::SlotRow;
use crate::eligibility::EligibilityRow;
use crate::{Db, Result, read, write};

/// The user who books and the slot they asked for; `slot` is `None` if it does not exist
/// or was removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingContext {
    pub name: String,
    pub email: String,
    pub lang: String,
    pub eligibility: EligibilityRow,
    /// No-shows in the window that still count (after any lifted restriction).
    pub recent_no_shows: i64,
    pub slot: Option<SlotRow>,
    pub office_name_ja: String,
    pub office_name_en: String,
    pub cutoff_days: i32,
    pub horizon_days: i32,
    /// TM-3: the slot's office is closed that day (its slot may already be withdrawn).
    pub day_closed: bool,
    /// TM-3: the office closed part of that day, and the slot overlaps those hours.
    pub hours_closed: bool,
    /// BK-7: `direct` or `request`.
    pub booking_mode: String,
    /// AC-13: versions in force of the system terms and the service's that the user has not
    /// accepted (read here so a booking needs no read of its own for them).
    pub terms_pending: i64,
}

#[derive(sqlx::FromRow)]
struct Row {
    name: String,
    email: String,
    lang: String,
    #[sqlx(flatten)]
    eligibility: EligibilityRow,
    recent_no_shows: i64,
    slot_id: Option<i64>,
    office_code: Option<String>,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
    local_date: Option<NaiveDate>,
    app: Option<String>,
    capacity: Option<i32>,
    booked: Option<i32>,
    office_name_ja: Option<String>,
    office_name_en: Option<String>,
    cutoff_days: Option<i32>,
    horizon_days: Option<i32>,
    removed: Option<bool>,
    day_closed: Option<bool>,
    hours_closed: Option<bool>,
    booking_mode: Option<String>,
    terms_pending: i64,
}

/// The context for `user_ref` (active accounts only) booking `slot_id` of a `service` whose
/// terms apply (`consultation`, `seminar`), counting no-shows that started in
/// `(no_shows_after, now]`. `None` if the account is not active.
pub async fn get(
    db: &Db,
    user_ref: i64,
    slot_id: i64,
    service: &str,
    no_shows_after: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<BookingContext>> {
    const SQL: &str = "SELECT u.name, u.email, u.lang, u.job_seeker_number, u.job_seeker_expires,
        u.job_seeker_confirmed_at, u.booking_exempt, u.nationality, u.residence_status, u.stay_until,
        u.suspended_reason,
        (SELECT COUNT(*) FROM reservations r JOIN slots ns ON ns.id = r.slot_id
          WHERE r.user_ref = u.id AND r.state = 'no_show' AND ns.starts_at > $3 AND ns.starts_at <= $4
            AND (u.restriction_lifted_at IS NULL OR ns.starts_at > u.restriction_lifted_at))
        + (SELECT COUNT(*) FROM seminar_registrations sr JOIN seminars sm ON sm.id = sr.seminar_id
          WHERE sr.user_ref = u.id AND sr.state = 'no_show' AND sm.starts_at > $3 AND sm.starts_at <= $4
            AND (u.restriction_lifted_at IS NULL OR sm.starts_at > u.restriction_lifted_at)) AS recent_no_shows,
        s.id AS slot_id, s.office_code, s.starts_at, s.ends_at, s.local_date, s.app, s.capacity, s.booked,
        o.name_ja AS office_name_ja, o.name_en AS office_name_en, o.cutoff_days, o.horizon_days,
        o.booking_mode, s.removed_at IS NOT NULL AS removed,
        EXISTS (SELECT 1 FROM office_closures oc WHERE oc.office_code = s.office_code AND oc.day = s.local_date
          AND oc.closed_from IS NULL) AS day_closed,
        EXISTS (SELECT 1 FROM office_closures oc WHERE oc.office_code = s.office_code AND oc.day = s.local_date
          AND oc.closed_from < s.ends_at AND oc.closed_until > s.starts_at) AS hours_closed,
        (SELECT COUNT(*) FROM terms_versions t WHERE t.service IN ('system', $5) AND t.effective_from <= $4
          AND NOT EXISTS (SELECT 1 FROM terms_versions n WHERE n.service = t.service
            AND n.effective_from <= $4 AND n.effective_from > t.effective_from)
          AND NOT EXISTS (SELECT 1 FROM terms_acceptances a WHERE a.user_ref = u.id
            AND a.service = t.service AND a.version = t.version)) AS terms_pending
        FROM users u
        LEFT JOIN slots s ON s.id = $2
        LEFT JOIN offices o ON o.code = s.office_code
        WHERE u.id = $1 AND u.state = 'active'";
    let row: Option<Row> = read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(slot_id)
        .bind(no_shows_after)
        .bind(now)
        .bind(service)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|r| {
        let day_closed = r.day_closed.unwrap_or(false);
        let live = !r.removed.unwrap_or(false);
        let slot = match (
            r.slot_id.filter(|_| live),
            r.office_code,
            r.starts_at,
            r.ends_at,
            r.local_date,
            r.app,
        ) {
            (Some(id), Some(office_code), Some(starts_at), Some(ends_at), Some(local_date), Some(app)) => {
                Some(SlotRow {
                    id,
                    office_code,
                    starts_at,
                    ends_at,
                    local_date,
                    app,
                    capacity: r.capacity.unwrap_or(0),
                    booked: r.booked.unwrap_or(0),
                })
            }
            _ => None,
        };
        BookingContext {
            name: r.name,
            email: r.email,
            lang: r.lang,
            eligibility: r.eligibility,
            recent_no_shows: r.recent_no_shows,
            slot,
            office_name_ja: r.office_name_ja.unwrap_or_default(),
            office_name_en: r.office_name_en.unwrap_or_default(),
            cutoff_days: r.cutoff_days.unwrap_or(1),
            horizon_days: r.horizon_days.unwrap_or(30),
            day_closed,
            hours_closed: r.hours_closed.unwrap_or(false),
            booking_mode: r.booking_mode.unwrap_or_else(|| "direct".to_owned()),
            terms_pending: r.terms_pending,
        }
    }))
}

/// BK-3: an office's cut-off and horizon in days; `None` if there is no such office.
pub async fn policy(db: &Db, office: &str) -> Result<Option<(i32, i32)>> {
    const SQL: &str = "SELECT cutoff_days, horizon_days FROM offices WHERE code = $1";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_optional(c).await)?)
}

/// BK-3: sets an office's cut-off and horizon (checked by the domain first; the schema
/// refuses anything looser than the rule as well).
pub async fn set_policy(db: &Db, office: &str, cutoff_days: i32, horizon_days: i32) -> Result<bool> {
    const SQL: &str = "UPDATE offices SET cutoff_days = $2, horizon_days = $3 WHERE code = $1";
    let n = write!(db, |c| sqlx::query(SQL)
        .bind(office)
        .bind(cutoff_days)
        .bind(horizon_days)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
