//! The counsellor's day (rules BK-9, BK-10, BK-11, BK-13, BK-16): an office's reservations
//! for one day, state changes by staff with their reason, and meeting details.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ScheduleRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub state: String,
    pub app: String,
    pub user_ref: i64,
    pub verify_name: String,
    pub verify_number: String,
    pub companion: String,
    pub topic: String,
    pub joined_at: Option<DateTime<Utc>>,
    pub checklist_at: Option<DateTime<Utc>>,
    /// BK-9: the meeting details staff entered, if any (for staff; never in mail or logs).
    pub meeting_id: Option<String>,
    pub passkey: Option<String>,
    pub join_url: Option<String>,
}

pub async fn for_office_day(db: &Db, office: &str, day: NaiveDate) -> Result<Vec<ScheduleRow>> {
    const SQL: &str = "SELECT r.id, s.starts_at, s.ends_at, r.state, s.app, r.user_ref, r.verify_name,
        r.verify_number, r.companion, r.topic, r.joined_at, r.checklist_at, m.meeting_id, m.passkey, m.join_url
        FROM reservations r JOIN slots s ON s.id = r.slot_id
        LEFT JOIN meeting_details m ON m.reservation_id = r.id
        WHERE r.office_code = $1 AND r.local_date = $2 ORDER BY s.starts_at, r.id";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(day)
        .fetch_all(c)
        .await)?)
}

/// Moves a reservation from one of `from` to `to` with one conditional update, records the
/// event with actor and note, and frees the seat when it is a cancellation. `false` if the
/// reservation was not in any of `from`.
// The arguments are the state change's parts (who, from, to, why, whom to tell); a struct
// for them would only be built to be taken apart here.
#[allow(clippy::too_many_arguments)]
pub async fn transition(
    db: &Db,
    id: i64,
    from: &[&str],
    to: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    notice: Option<(i64, &crate::consultations::reservations::Notice)>,
) -> Result<bool> {
    const EVENT: &str =
        "INSERT INTO reservation_events (reservation_id, at, state, actor, note) VALUES ($1, $2, $3, $4, $5)";
    const FREE: &str = "UPDATE slots SET booked = booked - 1
        WHERE id = (SELECT slot_id FROM reservations WHERE id = $1) AND booked > 0";
    // The allowed prior states are fixed strings from the domain, never user input.
    let list = from
        .iter()
        .map(|s| format!("'{}'", s.replace('\'', "")))
        .collect::<Vec<_>>()
        .join(", ");
    let change = format!(
        "UPDATE reservations SET state = $2, state_changed_at = $3, state_actor = $4,
            calendar_sequence = calendar_sequence + 1 WHERE id = $1 AND state IN ({list})"
    );
    let mut tx = db.begin().await?;
    let n = in_tx!(&mut tx, |c| sqlx::query(sqlx::AssertSqlSafe(change.clone()))
        .bind(id)
        .bind(to)
        .bind(now)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(false);
    }
    in_tx!(&mut tx, |c| {
        sqlx::query(EVENT)
            .bind(id)
            .bind(now)
            .bind(to)
            .bind(actor)
            .bind(note)
            .execute(&mut *c)
            .await?;
        if to == "cancelled_by_office" || to == "cancelled_by_user" {
            sqlx::query(FREE).bind(id).execute(&mut *c).await?;
        }
    });
    if let Some((user_ref, n)) = notice {
        crate::mail::outbox::enqueue(&mut tx, &n.mail, now).await?;
        crate::mail::inbox::add(&mut tx, user_ref, &n.inbox_subject, &n.inbox_body, now).await?;
    }
    tx.commit().await?;
    Ok(true)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingDetails {
    pub app: String,
    pub meeting_id: String,
    pub passkey: String,
    pub join_url: String,
}

/// BK-9: staff enter or change how to join.
pub async fn set_meeting(tx: &mut Tx, id: i64, m: &MeetingDetails, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO meeting_details (reservation_id, app, meeting_id, passkey, join_url, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (reservation_id) DO UPDATE SET app = excluded.app,
        meeting_id = excluded.meeting_id, passkey = excluded.passkey, join_url = excluded.join_url,
        updated_at = excluded.updated_at";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(&m.app)
        .bind(&m.meeting_id)
        .bind(&m.passkey)
        .bind(&m.join_url)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn meeting(db: &Db, id: i64) -> Result<Option<MeetingDetails>> {
    const SQL: &str = "SELECT app, meeting_id, passkey, join_url FROM meeting_details WHERE reservation_id = $1";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// A confirmed reservation due its reminder: (reservation, user, office, start).
pub type DueReminder = (i64, i64, String, DateTime<Utc>);

/// NO-1: confirmed reservations on `day` that have not been reminded.
pub async fn due_reminders(db: &Db, day: NaiveDate) -> Result<Vec<DueReminder>> {
    const SQL: &str = "SELECT r.id, r.user_ref, r.office_code, s.starts_at FROM reservations r
        JOIN slots s ON s.id = r.slot_id WHERE r.local_date = $1 AND r.state = 'confirmed' AND r.reminded_at IS NULL
        ORDER BY r.id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(day).fetch_all(c).await)?)
}

/// Marks the reminder sent, once: a second replica's attempt changes nothing.
pub async fn mark_reminded(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE reservations SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Whether meeting details already existed (so "details ready" is sent only the first time).
pub async fn has_meeting(db: &Db, id: i64) -> Result<bool> {
    Ok(meeting(db, id).await?.is_some())
}

/// BK-14: the user confirmed the environment checklist for this reservation.
pub async fn confirm_checklist(db: &Db, id: i64, user_ref: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str =
        "UPDATE reservations SET checklist_at = $3 WHERE id = $1 AND user_ref = $2 AND state = 'confirmed'";
    let n = crate::write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(user_ref)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// BK-14: when the user confirmed the checklist for this reservation, if they have.
pub async fn checklist_at(db: &Db, id: i64) -> Result<Option<DateTime<Utc>>> {
    const SQL: &str = "SELECT checklist_at FROM reservations WHERE id = $1";
    let row: Option<(Option<DateTime<Utc>>,)> = read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?;
    Ok(row.and_then(|(t,)| t))
}
