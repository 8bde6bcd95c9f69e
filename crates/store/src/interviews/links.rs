//! The employer's link (IV-1, IV-5), stored by hash like companions' links: single use
//! (the first browser session that opens it is bound to it; that session may open it
//! again), valid from its issue until the interview's end, revoked when the interview is
//! cancelled. Each time it shows the job seeker's data, a view is written (PV-4).

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read, write};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct LinkRow {
    pub id: i64,
    pub interview_id: i64,
    pub seat: i32,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub session_hash: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

macro_rules! select_links {
    ($where:literal) => {
        concat!(
            "SELECT id, interview_id, seat, issued_at, expires_at, used_at, session_hash, revoked_at ",
            "FROM interview_links WHERE ",
            $where
        )
    };
}

/// A new link for a seat (1: the contact the office named), in the caller's transaction;
/// a seat's earlier link is revoked first.
#[allow(clippy::too_many_arguments)]
pub async fn issue(
    tx: &mut Tx,
    interview_id: i64,
    seat: i32,
    rep_name: &str,
    rep_email: &str,
    token_hash: &str,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<i64> {
    const REVOKE: &str = "UPDATE interview_links SET revoked_at = $3
        WHERE interview_id = $1 AND seat = $2 AND revoked_at IS NULL";
    const SQL: &str = "INSERT INTO interview_links (interview_id, seat, rep_name, rep_email, token_hash, issued_at,
        expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
    in_tx!(&mut *tx, |c| sqlx::query(REVOKE)
        .bind(interview_id)
        .bind(seat)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    let (id,): (i64,) = in_tx!(&mut *tx, |c| sqlx::query_as(SQL)
        .bind(interview_id)
        .bind(seat)
        .bind(rep_name)
        .bind(rep_email)
        .bind(token_hash)
        .bind(now)
        .bind(expires)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

/// The link with this token hash, whatever its standing (the caller tells why it refuses).
pub async fn by_hash(db: &Db, token_hash: &str) -> Result<Option<LinkRow>> {
    const SQL: &str = select_links!("token_hash = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(token_hash)
        .fetch_optional(c)
        .await)?)
}

/// Binds an unused, standing, unexpired link to a browser session, or confirms it is bound
/// to this one. One conditional update: two browsers racing for one link cannot both win.
pub async fn bind(db: &Db, id: i64, session_hash: &str, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE interview_links SET used_at = COALESCE(used_at, $3), session_hash = $2
        WHERE id = $1 AND revoked_at IS NULL AND expires_at > $3 AND issued_at <= $3
          AND (session_hash IS NULL OR session_hash = $2)";
    let n = write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(session_hash)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The standing link of `interview_id` this browser session is bound to, if any.
pub async fn bound(db: &Db, interview_id: i64, session_hash: &str) -> Result<Option<LinkRow>> {
    const SQL: &str = select_links!("interview_id = $1 AND session_hash = $2 AND revoked_at IS NULL");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(interview_id)
        .bind(session_hash)
        .fetch_optional(c)
        .await)?)
}

/// Revokes every standing link of an interview (a cancellation).
pub async fn revoke(tx: &mut Tx, interview_id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE interview_links SET revoked_at = $2 WHERE interview_id = $1 AND revoked_at IS NULL";
    in_tx!(&mut *tx, |c| sqlx::query(SQL)
        .bind(interview_id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// IV-5, PV-4: the employer's page showed the job seeker's data; `shown` names the fields.
pub async fn record_view(
    db: &Db,
    interview_id: i64,
    link_id: i64,
    user_ref: i64,
    shown: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    const SQL: &str =
        "INSERT INTO interview_views (interview_id, link_id, user_ref, at, shown) VALUES ($1, $2, $3, $4, $5)";
    write!(db, |c| sqlx::query(SQL)
        .bind(interview_id)
        .bind(link_id)
        .bind(user_ref)
        .bind(now)
        .bind(shown)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// One employer view of a job seeker's data, for "who viewed my data".
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmployerView {
    pub at: DateTime<Utc>,
    pub interview_id: i64,
    pub employer_name: String,
    pub shown: String,
}

/// PV-4: the employer views of a job seeker's data, newest first.
pub async fn views_of(db: &Db, user_ref: i64, limit: i64) -> Result<Vec<EmployerView>> {
    const SQL: &str = "SELECT v.at, v.interview_id, i.employer_name, v.shown
        FROM interview_views v JOIN interviews i ON i.id = v.interview_id
        WHERE v.user_ref = $1 ORDER BY v.at DESC, v.id DESC LIMIT $2";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(limit)
        .fetch_all(c)
        .await)?)
}
