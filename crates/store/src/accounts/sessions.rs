//! Server-side sessions (AC-6). Only hashes of the cookie values are stored; any replica
//! can serve any request. Sign-in failures are counted in `attempts`.

use chrono::{DateTime, Utc};

use crate::{Db, Result, read, write};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRow {
    pub user_ref: Option<i64>,
    pub staff_ref: Option<i64>,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    /// A job seeker's language setting (`users.lang`, issue 16): pages follow it.
    pub lang: Option<String>,
}

/// Who a session belongs to: nobody yet, a job seeker, or a staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Anonymous,
    User(i64),
    Staff(i64),
}

pub async fn create(db: &Db, id_hash: &str, owner: Owner, csrf: &str, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO sessions (id_hash, user_ref, staff_ref, csrf_token, created_at, last_seen_at)
        VALUES ($1, $2, $5, $3, $4, $4)";
    let (user_ref, staff_ref) = match owner {
        Owner::Anonymous => (None, None),
        Owner::User(u) => (Some(u), None),
        Owner::Staff(s) => (None, Some(s)),
    };
    write!(db, |c| sqlx::query(SQL)
        .bind(id_hash)
        .bind(user_ref)
        .bind(csrf)
        .bind(now)
        .bind(staff_ref)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The live session; `None` if unknown or past the idle or absolute limit (checked in the
/// statement, so an expired session is never revived). Using it extends the idle limit, but
/// the row is written at most once a minute: a write per request would put every page view
/// in the single SQLite writer's queue.
pub async fn touch(
    db: &Db,
    id_hash: &str,
    now: DateTime<Utc>,
    idle_since: DateTime<Utc>,
    created_since: DateTime<Utc>,
) -> Result<Option<SessionRow>> {
    const LIVE: &str = "SELECT user_ref, staff_ref, csrf_token, created_at, last_seen_at,
            (SELECT lang FROM users WHERE users.id = sessions.user_ref) AS lang FROM sessions
        WHERE id_hash = $1 AND last_seen_at > $2 AND created_at > $3";
    const TOUCH: &str = "UPDATE sessions SET last_seen_at = $2
        WHERE id_hash = $1 AND last_seen_at > $3 AND created_at > $4
        RETURNING user_ref, staff_ref, csrf_token, created_at, last_seen_at,
            (SELECT lang FROM users WHERE users.id = sessions.user_ref) AS lang";
    let live: Option<SessionRow> = read!(db, |c| sqlx::query_as(LIVE)
        .bind(id_hash)
        .bind(idle_since)
        .bind(created_since)
        .fetch_optional(c)
        .await)?;
    match live {
        Some(row) if row.last_seen_at > now - chrono::Duration::minutes(1) => Ok(Some(row)),
        Some(_) => Ok(write!(db, |c| sqlx::query_as(TOUCH)
            .bind(id_hash)
            .bind(now)
            .bind(idle_since)
            .bind(created_since)
            .fetch_optional(c)
            .await)?),
        None => Ok(None),
    }
}

pub async fn delete(db: &Db, id_hash: &str) -> Result<()> {
    const SQL: &str = "DELETE FROM sessions WHERE id_hash = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(id_hash)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Ends every session of an account (lock, password change, deletion).
pub async fn delete_for_user(db: &Db, user_ref: i64) -> Result<u64> {
    const SQL: &str = "DELETE FROM sessions WHERE user_ref = $1";
    Ok(write!(db, |c| sqlx::query(SQL)
        .bind(user_ref)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// Removes sessions idle since before `idle_since` (a periodic sweep).
pub async fn purge(db: &Db, idle_since: DateTime<Utc>) -> Result<u64> {
    const SQL: &str = "DELETE FROM sessions WHERE last_seen_at <= $1";
    Ok(write!(db, |c| sqlx::query(SQL)
        .bind(idle_since)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?)
}
