//! Closing an office for a day (rule TM-3) in one transaction: the closure itself, every slot
//! of that day withdrawn, every consultation and seminar place that held a seat ended by the
//! office with the reason, and each seminar of that day cancelled. The booking statements
//! refuse a withdrawn slot and a closed day, so a booking racing the closure either commits
//! first (and is cancelled here) or finds the day closed.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// What a closure of one day would touch, shown before it is added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    /// Slots still open to booking that day (free or booked).
    pub slots: i64,
    /// Consultations holding a seat that day: (reservation, user).
    pub reservations: Vec<(i64, i64)>,
    /// Seminars that day: (seminar, title).
    pub seminars: Vec<(i64, String)>,
    /// Seminar places (seated or waiting) that day: (registration, user).
    pub places: Vec<(i64, i64)>,
    /// Open requests with a preference on that day: (request, user). They stay open for staff.
    pub requests: Vec<(i64, i64)>,
}

/// One person whose booking the closure ended, with what their notice needs. Read inside the
/// transaction: a second pooled connection taken while this one holds the slots' rows could
/// wait for ever behind bookings that wait for those rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub user_ref: i64,
    pub starts_at: DateTime<Utc>,
    /// `consultation` or the seminar's title.
    pub what: String,
    pub name: String,
    pub email: String,
    pub lang: String,
}

const ACTIVE_RESERVATIONS: &str = "SELECT id, user_ref FROM reservations
    WHERE office_code = $1 AND local_date = $2 AND state IN ('requested', 'confirmed') ORDER BY id";
const SEMINARS: &str = "SELECT id, title FROM seminars
    WHERE office_code = $1 AND local_date = $2 AND cancelled_at IS NULL ORDER BY starts_at, id";
const PLACES: &str = "SELECT r.id, r.user_ref FROM seminar_registrations r JOIN seminars s ON s.id = r.seminar_id
    WHERE s.office_code = $1 AND s.local_date = $2 AND s.cancelled_at IS NULL
      AND r.state IN ('registered', 'waitlisted') ORDER BY r.id";
const REQUESTS: &str = "SELECT id, user_ref, preferences FROM reservation_requests
    WHERE office_code = $1 AND state = 'open' ORDER BY id";

/// Whether a request's preferences (RFC 3339 instants, comma-separated) include `day` in JST.
fn prefers(preferences: &str, day: NaiveDate) -> bool {
    preferences
        .split(',')
        .filter_map(|p| DateTime::parse_from_rfc3339(p.trim()).ok())
        .any(|t| t.with_timezone(&madoguchi_domain::clock::jst()).date_naive() == day)
}

pub async fn preview(db: &Db, office: &str, day: NaiveDate) -> Result<Preview> {
    const SLOTS: &str = "SELECT COUNT(*) FROM slots WHERE office_code = $1 AND local_date = $2 AND removed_at IS NULL";
    Ok(read!(db, |c| {
        let (slots,): (i64,) = sqlx::query_as(SLOTS).bind(office).bind(day).fetch_one(c).await?;
        Preview {
            slots,
            reservations: sqlx::query_as(ACTIVE_RESERVATIONS)
                .bind(office)
                .bind(day)
                .fetch_all(c)
                .await?,
            seminars: sqlx::query_as(SEMINARS).bind(office).bind(day).fetch_all(c).await?,
            places: sqlx::query_as(PLACES).bind(office).bind(day).fetch_all(c).await?,
            requests: sqlx::query_as::<_, (i64, i64, String)>(REQUESTS)
                .bind(office)
                .fetch_all(c)
                .await?
                .into_iter()
                .filter(|(_, _, p)| prefers(p, day))
                .map(|(id, user, _)| (id, user))
                .collect(),
        }
    }))
}

/// Adds (or re-words) the closure and ends everything booked that day. Returns who to tell.
pub async fn close(
    tx: &mut Tx,
    office: &str,
    day: NaiveDate,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
) -> Result<Vec<Ended>> {
    const CLOSURE: &str = "INSERT INTO office_closures (office_code, day, reason) VALUES ($1, $2, $3)
        ON CONFLICT (office_code, day) DO UPDATE SET reason = excluded.reason";
    // Withdrawing the slots first takes their rows: a booking statement on one of them waits
    // for this transaction and then finds the slot removed (and the day closed).
    const WITHDRAW: &str = "UPDATE slots SET removed_at = $3
        WHERE office_code = $1 AND local_date = $2 AND removed_at IS NULL";
    const CANCEL: &str = "UPDATE reservations SET state = 'cancelled_by_office', state_changed_at = $3,
        state_actor = $4 WHERE office_code = $1 AND local_date = $2 AND state IN ('requested', 'confirmed')
        RETURNING id, slot_id, user_ref";
    const FREE: &str = "UPDATE slots SET booked = booked - 1 WHERE id = $1 AND booked > 0";
    const EVENT: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor, note)
        VALUES ($1, $2, 'cancelled_by_office', $3, $4)";
    const SLOT_START: &str = "SELECT starts_at FROM slots WHERE id = $1";
    const CANCEL_SEMINARS: &str = "UPDATE seminars SET cancelled_at = $3
        WHERE office_code = $1 AND local_date = $2 AND cancelled_at IS NULL RETURNING id, title, starts_at";
    const END_PLACES: &str = "UPDATE seminar_registrations SET state = 'removed_by_office', state_changed_at = $2,
        state_actor = $3 WHERE seminar_id = $1 AND state IN ('registered', 'waitlisted') RETURNING id, user_ref";
    const EMPTY: &str = "UPDATE seminars SET registered = 0, waitlisted = 0 WHERE id = $1";
    const USER: &str = "SELECT name, email, lang FROM users WHERE id = $1 AND state = 'active'";
    const PLACE_EVENT: &str = "INSERT INTO seminar_registration_events (registration_id, at, state, actor, note)
        VALUES ($1, $2, 'removed_by_office', $3, $4)";

    let mut ended = Vec::new();
    let mut who: Vec<(i64, DateTime<Utc>, String)> = Vec::new();
    in_tx!(tx, |c| {
        sqlx::query(CLOSURE)
            .bind(office)
            .bind(day)
            .bind(reason)
            .execute(&mut *c)
            .await?;
        sqlx::query(WITHDRAW)
            .bind(office)
            .bind(day)
            .bind(now)
            .execute(&mut *c)
            .await?;
        let cancelled: Vec<(i64, i64, i64)> = sqlx::query_as(CANCEL)
            .bind(office)
            .bind(day)
            .bind(now)
            .bind(actor)
            .fetch_all(&mut *c)
            .await?;
        for (id, slot_id, user_ref) in cancelled {
            sqlx::query(FREE).bind(slot_id).execute(&mut *c).await?;
            sqlx::query(EVENT)
                .bind(id)
                .bind(now)
                .bind(actor)
                .bind(reason)
                .execute(&mut *c)
                .await?;
            let (starts_at,): (DateTime<Utc>,) = sqlx::query_as(SLOT_START).bind(slot_id).fetch_one(&mut *c).await?;
            who.push((user_ref, starts_at, "consultation".into()));
        }
        let seminars: Vec<(i64, String, DateTime<Utc>)> = sqlx::query_as(CANCEL_SEMINARS)
            .bind(office)
            .bind(day)
            .bind(now)
            .fetch_all(&mut *c)
            .await?;
        for (seminar, title, starts_at) in seminars {
            let places: Vec<(i64, i64)> = sqlx::query_as(END_PLACES)
                .bind(seminar)
                .bind(now)
                .bind(actor)
                .fetch_all(&mut *c)
                .await?;
            sqlx::query(EMPTY).bind(seminar).execute(&mut *c).await?;
            for (id, user_ref) in places {
                sqlx::query(PLACE_EVENT)
                    .bind(id)
                    .bind(now)
                    .bind(actor)
                    .bind(reason)
                    .execute(&mut *c)
                    .await?;
                who.push((user_ref, starts_at, title.clone()));
            }
        }
        for (user_ref, starts_at, what) in who.drain(..) {
            let user: Option<(String, String, String)> =
                sqlx::query_as(USER).bind(user_ref).fetch_optional(&mut *c).await?;
            if let Some((name, email, lang)) = user {
                ended.push(Ended {
                    user_ref,
                    starts_at,
                    what,
                    name,
                    email,
                    lang,
                });
            }
        }
    });
    Ok(ended)
}
