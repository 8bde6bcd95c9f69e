//! Zoom (rule MT-2, issue 15): an office's Server-to-Server OAuth app with its secrets sealed
//! by the application (this module never sees them in clear), the meeting of each `zoom`
//! reservation with the work still to do on it (`meetings`), and the webhooks already taken
//! (`webhooks`).

pub mod meetings;
pub mod seminars;
pub mod webhooks;

use chrono::{DateTime, Utc};

use crate::{Db, Result, read};

/// An office's Zoom app. `client_secret`, `webhook_secret` and `access_token` are sealed.
#[derive(Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ZoomAccount {
    pub office_code: String,
    pub account_id: String,
    pub client_id: String,
    pub client_secret: String,
    pub secret_tail: String,
    pub webhook_secret: String,
    pub webhook_tail: String,
    pub access_token: Option<String>,
    pub token_expires_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

impl std::fmt::Debug for ZoomAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZoomAccount")
            .field("office_code", &self.office_code)
            .field("account_id", &self.account_id)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// What the office admin enters; the secrets already sealed, with their last four characters.
pub struct NewAccount<'a> {
    pub office_code: &'a str,
    pub account_id: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub secret_tail: &'a str,
    pub webhook_secret: &'a str,
    pub webhook_tail: &'a str,
}

macro_rules! account_select {
    ($rest:literal) => {
        concat!(
            "SELECT office_code, account_id, client_id, client_secret, secret_tail, webhook_secret, webhook_tail, ",
            "access_token, token_expires_at, updated_at FROM zoom_accounts ",
            $rest
        )
    };
}

pub async fn account(db: &Db, office: &str) -> Result<Option<ZoomAccount>> {
    const SQL: &str = account_select!("WHERE office_code = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_optional(c).await)?)
}

pub async fn all(db: &Db) -> Result<Vec<ZoomAccount>> {
    const SQL: &str = account_select!("ORDER BY office_code");
    Ok(read!(db, |c| sqlx::query_as(SQL).fetch_all(c).await)?)
}

/// Saves the office's app in the caller's transaction (with its audit row); a cached token
/// of the old credentials is dropped.
pub async fn put(tx: &mut crate::Tx, a: &NewAccount<'_>, staff_ref: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO zoom_accounts (office_code, account_id, client_id, client_secret, secret_tail,
        webhook_secret, webhook_tail, access_token, token_expires_at, updated_by, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, $8, $9)
        ON CONFLICT (office_code) DO UPDATE SET account_id = excluded.account_id, client_id = excluded.client_id,
        client_secret = excluded.client_secret, secret_tail = excluded.secret_tail,
        webhook_secret = excluded.webhook_secret, webhook_tail = excluded.webhook_tail,
        access_token = NULL, token_expires_at = NULL, updated_by = excluded.updated_by, updated_at = excluded.updated_at";
    crate::in_tx!(tx, |c| sqlx::query(SQL)
        .bind(a.office_code)
        .bind(a.account_id)
        .bind(a.client_id)
        .bind(a.client_secret)
        .bind(a.secret_tail)
        .bind(a.webhook_secret)
        .bind(a.webhook_tail)
        .bind(staff_ref)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Caches a (sealed) access token until it expires; `None` forgets it (after a 401).
pub async fn set_token(db: &Db, office: &str, token: Option<(&str, DateTime<Utc>)>) -> Result<()> {
    const SQL: &str = "UPDATE zoom_accounts SET access_token = $2, token_expires_at = $3 WHERE office_code = $1";
    crate::write!(db, |c| sqlx::query(SQL)
        .bind(office)
        .bind(token.map(|t| t.0))
        .bind(token.map(|t| t.1))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Rotation: the office's secrets sealed again, guarded by the values that were read, so a
/// form saved meanwhile is not overwritten. Returns whether the row was rewritten.
pub async fn reseal(
    db: &Db,
    old: &ZoomAccount,
    client_secret: &str,
    webhook_secret: &str,
    token: Option<&str>,
) -> Result<bool> {
    const SQL: &str = "UPDATE zoom_accounts SET client_secret = $2, webhook_secret = $3, access_token = $4
        WHERE office_code = $1 AND client_secret = $5 AND webhook_secret = $6";
    let n = crate::write!(db, |c| sqlx::query(SQL)
        .bind(&old.office_code)
        .bind(client_secret)
        .bind(webhook_secret)
        .bind(token)
        .bind(&old.client_secret)
        .bind(&old.webhook_secret)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
