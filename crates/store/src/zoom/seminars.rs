//! The Zoom meeting of each `zoom` seminar (MT-2), as `meetings` does for reservations: a
//! seminar still to come without its meeting needs one, a moved one (its start differs from
//! `synced_start`) a new time, a cancelled one with a meeting its deletion. Claimed by a
//! conditional update; a failure sets the next attempt.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read, write};

/// Adds the missing row of each `zoom` seminar still to come at an office with Zoom.
pub async fn discover(db: &Db, now: DateTime<Utc>) -> Result<u64> {
    const SQL: &str = "INSERT INTO zoom_seminar_meetings (seminar_id, office_code, next_attempt_at, created_at)
        SELECT s.id, s.office_code, $1, $1 FROM seminars s JOIN zoom_accounts a ON a.office_code = s.office_code
        WHERE s.app = 'zoom' AND s.cancelled_at IS NULL AND s.starts_at > $1
          AND NOT EXISTS (SELECT 1 FROM zoom_seminar_meetings m WHERE m.seminar_id = s.id)
        ON CONFLICT (seminar_id) DO NOTHING";
    Ok(write!(db, |c| sqlx::query(SQL)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// One piece of work: the row and what its seminar is now.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeminarWork {
    pub seminar_id: i64,
    pub office_code: String,
    pub meeting_id: Option<String>,
    pub attempts: i32,
    pub title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub cancelled: bool,
    /// Staff entered the details by hand.
    pub by_hand: bool,
}

/// Rows due now whose seminar differs from what Zoom has, each claimed until `lock_until`.
pub async fn claim_due(db: &Db, now: DateTime<Utc>, lock_until: DateTime<Utc>, limit: i64) -> Result<Vec<SeminarWork>> {
    const DUE: &str = "SELECT m.seminar_id, m.office_code, m.meeting_id, m.attempts, s.title, s.starts_at, s.ends_at,
        s.cancelled_at IS NOT NULL AS cancelled, (s.meeting_set_at IS NOT NULL AND m.meeting_id IS NULL) AS by_hand
        FROM zoom_seminar_meetings m JOIN seminars s ON s.id = m.seminar_id
        WHERE m.deleted_at IS NULL AND m.gave_up_at IS NULL AND m.next_attempt_at <= $1
          AND (m.locked_until IS NULL OR m.locked_until <= $1)
          AND (s.cancelled_at IS NOT NULL OR m.meeting_id IS NULL OR m.synced_start <> s.starts_at)
        ORDER BY m.next_attempt_at, m.seminar_id LIMIT $2";
    const CLAIM: &str = "UPDATE zoom_seminar_meetings SET locked_until = $3
        WHERE seminar_id = $1 AND deleted_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= $2
          AND (locked_until IS NULL OR locked_until <= $2)";
    let candidates: Vec<SeminarWork> = read!(db, |c| sqlx::query_as(DUE).bind(now).bind(limit).fetch_all(c).await)?;
    let mut claimed = Vec::new();
    for w in candidates {
        let n = write!(db, |c| sqlx::query(CLAIM)
            .bind(w.seminar_id)
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

/// Created, in the caller's transaction (with the seminar's meeting details); `false` if
/// another round won.
pub async fn created(tx: &mut Tx, seminar_id: i64, meeting_id: &str, start: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE zoom_seminar_meetings SET meeting_id = $2, synced_start = $3, attempts = 0,
        locked_until = NULL, last_error = '' WHERE seminar_id = $1 AND meeting_id IS NULL";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(seminar_id)
        .bind(meeting_id)
        .bind(start)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The meeting has the seminar's start `start`.
pub async fn patched(db: &Db, seminar_id: i64, start: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE zoom_seminar_meetings SET synced_start = $2, attempts = 0, locked_until = NULL,
        last_error = '' WHERE seminar_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(seminar_id)
        .bind(start)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Nothing more to do (deleted at Zoom, or never created).
pub async fn deleted(db: &Db, seminar_id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE zoom_seminar_meetings SET deleted_at = $2, locked_until = NULL WHERE seminar_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(seminar_id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A failed attempt (`attempts` counted) or a wait (`attempts` unchanged), as for reservations.
pub async fn retry(
    db: &Db,
    seminar_id: i64,
    attempts: i32,
    next: DateTime<Utc>,
    gave_up: Option<DateTime<Utc>>,
    error: &str,
) -> Result<()> {
    const SQL: &str = "UPDATE zoom_seminar_meetings SET attempts = $2, next_attempt_at = $3, gave_up_at = $4,
        locked_until = NULL, last_error = $5 WHERE seminar_id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(seminar_id)
        .bind(attempts)
        .bind(next)
        .bind(gave_up)
        .bind(error)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
