//! Terms versions per service (rules AC-13, NT-3). The version in force for a service is the
//! one with the latest `effective_from` not after now.

use chrono::{DateTime, Utc};

use crate::{Db, Result, read, write};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TermsRow {
    pub id: i64,
    pub service: String,
    pub version: String,
    pub body: String,
    pub effective_from: DateTime<Utc>,
    pub published_at: DateTime<Utc>,
}

pub async fn publish(
    db: &Db,
    service: &str,
    version: &str,
    body: &str,
    effective_from: DateTime<Utc>,
    now: DateTime<Utc>,
    by: &str,
) -> Result<i64> {
    const SQL: &str = "INSERT INTO terms_versions (service, version, body, effective_from, published_at, published_by)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let (id,): (i64,) = write!(db, |c| sqlx::query_as(SQL)
        .bind(service)
        .bind(version)
        .bind(body)
        .bind(effective_from)
        .bind(now)
        .bind(by)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

/// Every version of a service, newest effective date first (the pages show them all).
pub async fn versions(db: &Db, service: &str) -> Result<Vec<TermsRow>> {
    const SQL: &str = "SELECT id, service, version, body, effective_from, published_at FROM terms_versions
        WHERE service = $1 ORDER BY effective_from DESC, id DESC";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(service).fetch_all(c).await)?)
}

/// The versions in force at `now` of `services` (at most two: the service's and the system
/// terms) that the user has not accepted, as (service, version), in one read. Empty: nothing
/// stands in the way.
pub async fn pending(db: &Db, user_ref: i64, services: &[&str], now: DateTime<Utc>) -> Result<Vec<(String, String)>> {
    const SQL: &str = "SELECT t.service, t.version FROM terms_versions t
        WHERE t.service IN ($2, $3) AND t.effective_from <= $4
          AND NOT EXISTS (SELECT 1 FROM terms_versions n WHERE n.service = t.service
                          AND n.effective_from <= $4 AND n.effective_from > t.effective_from)
          AND NOT EXISTS (SELECT 1 FROM terms_acceptances a WHERE a.user_ref = $1
                          AND a.service = t.service AND a.version = t.version)
        ORDER BY CASE WHEN t.service = 'system' THEN 0 ELSE 1 END";
    let (first, second) = match services {
        [] => return Ok(Vec::new()),
        [one] => (*one, *one),
        [one, two, ..] => (*one, *two),
    };
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(first)
        .bind(second)
        .bind(now)
        .fetch_all(c)
        .await)?)
}

/// Active accounts, for announcing a new version to each (NT-3).
pub async fn active_users(db: &Db) -> Result<Vec<(i64, String, String, String)>> {
    const SQL: &str = "SELECT id, name, email, lang FROM users WHERE state = 'active' ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).fetch_all(c).await)?)
}
