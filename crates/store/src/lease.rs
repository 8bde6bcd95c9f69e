//! Job leases: a background job runs on the replica whose lease row is current, so
//! N replicas never double-send or double-sweep.

use chrono::{DateTime, Duration, Utc};

use crate::{Db, Result, write};

/// Takes or renews the lease `name` for `owner` until `now + ttl`, in one statement.
/// Succeeds when the lease is free, expired, or already held by `owner`.
pub async fn try_acquire(db: &Db, name: &str, owner: &str, ttl: Duration, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "INSERT INTO job_leases (name, owner, expires_at) VALUES ($1, $2, $3)
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE job_leases.owner = excluded.owner OR job_leases.expires_at <= $4
        RETURNING owner";
    let row: Option<(String,)> = write!(db, |c| sqlx::query_as(SQL)
        .bind(name)
        .bind(owner)
        .bind(now + ttl)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    Ok(row.is_some())
}

/// Gives the lease up early (on shutdown), if `owner` still holds it.
pub async fn release(db: &Db, name: &str, owner: &str) -> Result<bool> {
    const SQL: &str = "DELETE FROM job_leases WHERE name = $1 AND owner = $2";
    let done = write!(db, |c| sqlx::query(SQL)
        .bind(name)
        .bind(owner)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The current holder and expiry of a lease, for operators and tests.
pub async fn holder(db: &Db, name: &str) -> Result<Option<(String, DateTime<Utc>)>> {
    const SQL: &str = "SELECT owner, expires_at FROM job_leases WHERE name = $1";
    Ok(crate::read!(db, |c| sqlx::query_as(SQL)
        .bind(name)
        .fetch_optional(c)
        .await)?)
}
