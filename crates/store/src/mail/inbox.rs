//! The My Page inbox (rule NO-2) and the terms consent history (rule AC-13).

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InboxItem {
    pub id: i64,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// Files a message in the account's inbox, in the same transaction as its email.
pub async fn add(tx: &mut Tx, user_ref: i64, subject: &str, body: &str, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO inbox (user_ref, subject, body, created_at) VALUES ($1, $2, $3, $4)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(subject)
        .bind(body)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Newest first.
pub async fn list(db: &Db, user_ref: i64) -> Result<Vec<InboxItem>> {
    const SQL: &str = "SELECT id, subject, body, created_at FROM inbox WHERE user_ref = $1 ORDER BY id DESC";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Acceptance {
    pub service: String,
    pub version: String,
    pub accepted_at: DateTime<Utc>,
    pub client_addr: String,
}

/// Records that the account accepted a terms version (version, time, client address).
pub async fn accept_terms(tx: &mut Tx, user_ref: i64, a: &Acceptance) -> Result<()> {
    const SQL: &str = "INSERT INTO terms_acceptances (user_ref, service, version, accepted_at, client_addr)
        VALUES ($1, $2, $3, $4, $5)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(&a.service)
        .bind(&a.version)
        .bind(a.accepted_at)
        .bind(&a.client_addr)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The account's acceptances, oldest first.
pub async fn acceptances(db: &Db, user_ref: i64) -> Result<Vec<Acceptance>> {
    const SQL: &str = "SELECT service, version, accepted_at, client_addr FROM terms_acceptances
        WHERE user_ref = $1 ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}
