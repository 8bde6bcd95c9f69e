//! The Zoom meeting of each `zoom` reservation (MT-2) and the work still to do on it. The
//! work is found by comparing with the reservation, never queued by the booking paths: a
//! confirmed reservation without a meeting needs one (create), a moved one a new time
//! (`calendar_sequence` differs from `synced_sequence`: patch), a cancelled one with a
//! meeting its deletion. A round claims rows with `locked_until` (one conditional update per
//! row, so two replicas never call Zoom twice for one), and a failure sets the next attempt.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read, write};

/// Adds the missing row of each confirmed `zoom` reservation still to come at an office with
/// Zoom set up. Returns how many.
pub async fn discover(db: &Db, now: DateTime<Utc>) -> Result<u64> {
    const SQL: &str = "INSERT INTO zoom_meetings (reservation_id, office_code, next_attempt_at, created_at)
        SELECT r.id, r.office_code, $1, $1 FROM reservations r JOIN slots s ON s.id = r.slot_id
        JOIN zoom_accounts a ON a.office_code = r.office_code
        WHERE s.app = 'zoom' AND r.state = 'confirmed' AND s.starts_at > $1
          AND NOT EXISTS (SELECT 1 FROM zoom_meetings m WHERE m.reservation_id = r.id)
        ON CONFLICT (reservation_id) DO NOTHING";
    Ok(write!(db, |c| sqlx::query(SQL)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// One piece of work: the row and what its reservation is now.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Work {
    pub reservation_id: i64,
    pub office_code: String,
    pub meeting_id: Option<String>,
    pub synced_sequence: Option<i32>,
    pub attempts: i32,
    pub state: String,
    pub calendar_sequence: i32,
}

/// Rows whose reservation differs from what Zoom has, due now, not claimed by another round
/// and not given up on: each claimed until `lock_until` by a conditional update.
pub async fn claim_due(db: &Db, now: DateTime<Utc>, lock_until: DateTime<Utc>, limit: i64) -> Result<Vec<Work>> {
    // A confirmed reservation without its meeting or at another time; any other state
    // (cancelled, ended) with a meeting still to delete or a row still to close.
    const DUE: &str = "SELECT m.reservation_id, m.office_code, m.meeting_id, m.synced_sequence, m.attempts, r.state,
        r.calendar_sequence FROM zoom_meetings m JOIN reservations r ON r.id = m.reservation_id
        WHERE m.deleted_at IS NULL AND m.gave_up_at IS NULL AND m.next_attempt_at <= $1
          AND (m.locked_until IS NULL OR m.locked_until <= $1)
          AND ((r.state = 'confirmed' AND (m.meeting_id IS NULL OR m.synced_sequence <> r.calendar_sequence))
            OR r.state IN ('cancelled_by_user', 'cancelled_by_office'))
        ORDER BY m.next_attempt_at, m.reservation_id LIMIT $2";
    const CLAIM: &str = "UPDATE zoom_meetings SET locked_until = $3
        WHERE reservation_id = $1 AND deleted_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $2
          AND (locked_until IS NULL OR locked_until <= $2)";
    let candidates: Vec<Work> = read!(db, |c| sqlx::query_as(DUE).bind(now).bind(limit).fetch_all(c).await)?;
    let mut claimed = Vec::new();
    for w in candidates {
        let n = write!(db, |c| sqlx::query(CLAIM)
            .bind(w.reservation_id)
            .bind(now)
            .bind(lock_until)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        if n == 1 {
            claimed.push(w);
        }
    }
    Ok(claimed)
}

/// The meeting was created (in the caller's transaction, with the meeting details and the
/// "details ready" notice). Guarded by `meeting_id IS NULL`: `false` if another round won.
pub async fn created(tx: &mut Tx, reservation_id: i64, meeting_id: &str, sequence: i32) -> Result<bool> {
    const SQL: &str = "UPDATE zoom_meetings SET meeting_id = $2, synced_sequence = $3, attempts = 0,
        locked_until = NULL, last_error = '' WHERE reservation_id = $1 AND meeting_id IS NULL";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(meeting_id)
        .bind(sequence)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The meeting was deleted at Zoom to be made again (its details were dropped by a move away
/// from Zoom and back): the row waits for a new one, due now.
pub async fn forgotten(db: &Db, reservation_id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE zoom_meetings SET meeting_id = NULL, synced_sequence = NULL, attempts = 0,
        locked_until = NULL, last_error = '', next_attempt_at = $2 WHERE reservation_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The meeting has the reservation's time of `sequence`.
pub async fn patched(db: &Db, reservation_id: i64, sequence: i32) -> Result<()> {
    const SQL: &str =
        "UPDATE zoom_meetings SET synced_sequence = $2, attempts = 0, locked_until = NULL, last_error = ''
        WHERE reservation_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(sequence)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The meeting was deleted (or never existed for a cancelled reservation): nothing more to do.
pub async fn deleted(db: &Db, reservation_id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE zoom_meetings SET deleted_at = $2, locked_until = NULL, last_error = ''
        WHERE reservation_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A failed attempt: the next one at `next` (back-off or Retry-After), or, after the last,
/// given up (`gave_up`), so the counsellor enters the details by hand. `error` is a short
/// reason without secrets (an HTTP status or "timeout").
pub async fn failed(
    db: &Db,
    reservation_id: i64,
    attempts: i32,
    next: DateTime<Utc>,
    gave_up: Option<DateTime<Utc>>,
    error: &str,
) -> Result<()> {
    const SQL: &str = "UPDATE zoom_meetings SET attempts = $2, next_attempt_at = $3, gave_up_at = $4,
        locked_until = NULL, last_error = $5 WHERE reservation_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(attempts)
        .bind(next)
        .bind(gave_up)
        .bind(error)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Gives the claim back without counting an attempt (a 429's wait, a refreshed token).
pub async fn later(db: &Db, reservation_id: i64, next: DateTime<Utc>, error: &str) -> Result<()> {
    const SQL: &str = "UPDATE zoom_meetings SET next_attempt_at = $2, locked_until = NULL, last_error = $3
        WHERE reservation_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(next)
        .bind(error)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The reservation whose Zoom meeting this is, at this office (webhooks).
pub async fn reservation_of(db: &Db, office: &str, meeting_id: &str) -> Result<Option<i64>> {
    const SQL: &str = "SELECT reservation_id FROM zoom_meetings WHERE office_code = $1 AND meeting_id = $2";
    let row: Option<(i64,)> = read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(meeting_id)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|(id,)| id))
}

/// The day page: reservations of an office's day whose meeting Zoom did not create after the
/// last attempt ("create by hand").
pub async fn given_up_on_day(db: &Db, office: &str, day: NaiveDate) -> Result<Vec<i64>> {
    const SQL: &str = "SELECT m.reservation_id FROM zoom_meetings m JOIN reservations r ON r.id = m.reservation_id
        WHERE m.office_code = $1 AND r.local_date = $2 AND m.gave_up_at IS NOT NULL AND m.meeting_id IS NULL";
    let rows: Vec<(i64,)> = read!(db, |c| sqlx::query_as(SQL).bind(office).bind(day).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// A reservation's row, for tests and the day page: (meeting id, attempts, given up).
pub async fn state(db: &Db, reservation_id: i64) -> Result<Option<(Option<String>, i32, bool)>> {
    const SQL: &str =
        "SELECT meeting_id, attempts, gave_up_at IS NOT NULL FROM zoom_meetings WHERE reservation_id = $1";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(reservation_id)
        .fetch_optional(c)
        .await)?)
}
