//! Single-use tokens sent by email (verification, reset, lock). Only a SHA-256 hash is
//! stored, so a database leak does not leak working links.

use chrono::{DateTime, Utc};

use crate::{Result, Tx, in_tx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Verify,
    Reset,
    Lock,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Reset => "reset",
            Self::Lock => "lock",
        }
    }
}

/// What became of a presented token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Consumed {
    /// Valid: it is now used. Carries the account.
    Ok(i64),
    /// Known but past its expiry (the page offers a new one). Carries the account.
    Expired(i64),
    /// Unknown or already used.
    Invalid,
}

pub async fn issue(
    tx: &mut Tx,
    user_ref: i64,
    purpose: Purpose,
    token_hash: &str,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<()> {
    const SQL: &str = "INSERT INTO email_tokens (token_hash, user_ref, purpose, created_at, expires_at)
        VALUES ($1, $2, $3, $4, $5)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(token_hash)
        .bind(user_ref)
        .bind(purpose.as_str())
        .bind(now)
        .bind(expires_at)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses the token in one conditional statement, so two clicks cannot both succeed.
pub async fn consume(tx: &mut Tx, token_hash: &str, purpose: Purpose, now: DateTime<Utc>) -> Result<Consumed> {
    const USE: &str = "UPDATE email_tokens SET used_at = $3
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3 RETURNING user_ref";
    const LOOK: &str = "SELECT user_ref FROM email_tokens
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL";
    let used: Option<(i64,)> = in_tx!(tx, |c| sqlx::query_as(USE)
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(now)
        .fetch_optional(c)
        .await)?;
    if let Some((user,)) = used {
        return Ok(Consumed::Ok(user));
    }
    let expired: Option<(i64,)> = in_tx!(tx, |c| sqlx::query_as(LOOK)
        .bind(token_hash)
        .bind(purpose.as_str())
        .fetch_optional(c)
        .await)?;
    Ok(expired.map_or(Consumed::Invalid, |(u,)| Consumed::Expired(u)))
}

/// Voids the account's unused tokens of one purpose (when a new one is sent).
pub async fn void(tx: &mut Tx, user_ref: i64, purpose: Purpose, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE email_tokens SET used_at = $3 WHERE user_ref = $1 AND purpose = $2 AND used_at IS NULL";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(purpose.as_str())
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
