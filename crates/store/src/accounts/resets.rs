//! Self-service password reset requests (rule AC-8), limited per typed user ID and per
//! client address. Like the sign-in limits (`attempts`), a request first takes its keys'
//! rows in `attempt_keys`, then counts its window and records itself, all in the caller's
//! transaction, so requests sent all at once are counted one after another on every backend
//! and replica. The user ID is counted whether or not it exists: a limit reveals nothing.
//! Lock order: the user key before the address, as for sign-ins.

use chrono::{DateTime, Utc};

use crate::{Result, Tx, in_tx};

/// The limits of one request.
#[derive(Debug, Clone, Copy)]
pub struct ResetLimits {
    /// Requests since this instant count.
    pub since: DateTime<Utc>,
    pub per_user: i64,
    pub per_address: i64,
}

/// Whether a request may go on to send a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetAdmission {
    /// Counted; the caller sends the link (if the account exists) in the same transaction.
    Admitted,
    /// This user ID has had its requests for the window.
    UserLimited,
    /// This client address has had its requests for the window.
    AddressLimited,
}

/// Counts a reset request for `user_key` from `client_addr` in `tx`, or refuses it. A
/// refused request is not recorded, so refusals do not extend the wait.
pub async fn admit(
    tx: &mut Tx,
    user_key: &str,
    client_addr: &str,
    now: DateTime<Utc>,
    limits: ResetLimits,
) -> Result<ResetAdmission> {
    const PER_USER: &str = "SELECT COUNT(*) FROM password_reset_requests WHERE user_key = $1 AND at > $2";
    const PER_ADDRESS: &str = "SELECT COUNT(*) FROM password_reset_requests WHERE client_addr = $1 AND at > $2";
    const RECORD: &str = "INSERT INTO password_reset_requests (user_key, client_addr, at) VALUES ($1, $2, $3)";
    super::attempts::take(tx, &format!("reset-user:{user_key}"), now).await?;
    super::attempts::take(tx, &format!("reset-addr:{client_addr}"), now).await?;
    let (by_address,): (i64,) = in_tx!(&mut *tx, |c| sqlx::query_as(PER_ADDRESS)
        .bind(client_addr)
        .bind(limits.since)
        .fetch_one(c)
        .await)?;
    if by_address >= limits.per_address {
        return Ok(ResetAdmission::AddressLimited);
    }
    let (by_user,): (i64,) = in_tx!(&mut *tx, |c| sqlx::query_as(PER_USER)
        .bind(user_key)
        .bind(limits.since)
        .fetch_one(c)
        .await)?;
    if by_user >= limits.per_user {
        return Ok(ResetAdmission::UserLimited);
    }
    in_tx!(&mut *tx, |c| sqlx::query(RECORD)
        .bind(user_key)
        .bind(client_addr)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(ResetAdmission::Admitted)
}

/// Requests counted for a user key since `since` (tests and operators).
pub async fn count(db: &crate::Db, user_key: &str, since: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM password_reset_requests WHERE user_key = $1 AND at > $2";
    let (n,): (i64,) = crate::read!(db, |c| sqlx::query_as(SQL)
        .bind(user_key)
        .bind(since)
        .fetch_one(c)
        .await)?;
    Ok(n)
}
