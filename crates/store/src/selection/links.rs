//! IV-2, IV-5: the employer contact's single-use, time-limited link to a selection day's
//! list (migration 0040), stored by hash and spent by one conditional UPDATE that binds it to
//! the browser session that used it (as `room_guests`); and the record of what each view of
//! the list showed of each job seeker, for "who viewed my data" (PV-4).

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// A new link for the day's contact; earlier unspent links of the day stop working.
pub async fn issue(
    tx: &mut Tx,
    day_id: i64,
    token_hash: &str,
    staff_ref: i64,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<()> {
    // An unspent earlier link is spent without a session: nobody can use it any more.
    const VOID: &str = "UPDATE selection_links SET used_at = $2 WHERE day_id = $1 AND used_at IS NULL";
    const SQL: &str = "INSERT INTO selection_links (day_id, token_hash, issued_by, issued_at, expires_at)
        VALUES ($1, $2, $3, $4, $5)";
    in_tx!(tx, |c| sqlx::query(VOID)
        .bind(day_id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(day_id)
        .bind(token_hash)
        .bind(staff_ref)
        .bind(now)
        .bind(expires)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Spends a link for a session: the day it opens, or `None` when unknown, used or expired
/// (one conditional update, so two browsers racing for one link cannot both win).
pub async fn redeem(db: &Db, token_hash: &str, session_hash: &str, now: DateTime<Utc>) -> Result<Option<i64>> {
    const SQL: &str = "UPDATE selection_links SET used_at = $3, session_hash = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $3 RETURNING day_id";
    let row: Option<(i64,)> = crate::write!(db, |c| sqlx::query_as(SQL)
        .bind(token_hash)
        .bind(session_hash)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|(id,)| id))
}

/// The link this session spent for the day, while it has not expired.
pub async fn of_session(db: &Db, day_id: i64, session_hash: &str, now: DateTime<Utc>) -> Result<Option<i64>> {
    const SQL: &str = "SELECT id FROM selection_links WHERE day_id = $1 AND session_hash = $2 AND expires_at > $3
        ORDER BY id DESC LIMIT 1";
    let row: Option<(i64,)> = read!(db, |c| sqlx::query_as(SQL)
        .bind(day_id)
        .bind(session_hash)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|(id,)| id))
}

/// Records that the link's view showed `shown` of the person behind `interview_id`.
pub async fn viewed(
    tx: &mut Tx,
    link_id: i64,
    interview_id: i64,
    user_ref: i64,
    shown: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    const SQL: &str =
        "INSERT INTO selection_views (link_id, interview_id, user_ref, at, shown) VALUES ($1, $2, $3, $4, $5)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(link_id)
        .bind(interview_id)
        .bind(user_ref)
        .bind(now)
        .bind(shown)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// An employer's view of the person (PV-4): when, which employer, what it showed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ViewRow {
    pub at: DateTime<Utc>,
    pub employer_name: String,
    pub shown: String,
}

pub async fn views_of(db: &Db, user_ref: i64) -> Result<Vec<ViewRow>> {
    const SQL: &str = "SELECT v.at, i.employer_name, v.shown FROM selection_views v
        JOIN interviews i ON i.id = v.interview_id WHERE v.user_ref = $1 ORDER BY v.at DESC, v.id DESC";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}
