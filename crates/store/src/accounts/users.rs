//! Job-seeker accounts: provisional until the email is verified (AC-1), locked by the
//! user or staff (AC-8), temporarily locked after failures (AC-5), erased on deletion (AC-9).

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read, write};

/// The personal data a registration carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub user_id: String,
    /// Lower-cased `user_id`: the case-insensitive unique key (AC-2).
    pub user_key: String,
    pub password_hash: String,
    pub name: String,
    pub name_kana: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    /// `ja` or `en`: the language of the mail this account receives.
    pub lang: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub user_id: String,
    pub password_hash: String,
    pub name: String,
    pub name_kana: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub lang: String,
    /// `provisional`, `active` or `deleted`.
    pub state: String,
    pub created_at: DateTime<Utc>,
    pub password_changed_at: DateTime<Utc>,
    pub last_sign_in_at: Option<DateTime<Utc>>,
    pub locked_at: Option<DateTime<Utc>>,
}

/// The columns of `UserRow`, spelled once for the queries below.
macro_rules! user_select {
    ($where:literal) => {
        concat!(
            "SELECT id, user_id, password_hash, name, name_kana, address, email, phone, lang, state, created_at, ",
            "password_changed_at, last_sign_in_at, locked_at FROM users WHERE ",
            $where
        )
    };
}

/// Creates a provisional account. A taken user ID (in any case) is a unique violation.
pub async fn insert_provisional(tx: &mut Tx, u: &NewUser, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO users (user_id, user_key, password_hash, name, name_kana, address, email, phone,
        lang, state, created_at, password_changed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10, 'provisional', $9, $9) RETURNING id";
    let (id,): (i64,) = in_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(&u.user_id)
        .bind(&u.user_key)
        .bind(&u.password_hash)
        .bind(&u.name)
        .bind(&u.name_kana)
        .bind(&u.address)
        .bind(&u.email)
        .bind(&u.phone)
        .bind(now)
        .bind(&u.lang)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

pub async fn by_key(db: &Db, user_key: &str) -> Result<Option<UserRow>> {
    const SQL: &str = user_select!("user_key = $1 AND state <> 'deleted'");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_key)
        .fetch_optional(c)
        .await)?)
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<UserRow>> {
    const SQL: &str = user_select!("id = $1 AND state <> 'deleted'");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// Provisional → active. Returns false if the account was not provisional (already verified).
pub async fn activate(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE users SET state = 'active', verified_at = $2 WHERE id = $1 AND state = 'provisional'";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Deletes provisional accounts created before `before` (AC-1: never verified in 7 days).
pub async fn purge_provisional(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    const SQL: &str = "DELETE FROM users WHERE state = 'provisional' AND created_at < $1";
    Ok(write!(db, |c| sqlx::query(SQL)
        .bind(before)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?)
}

/// A successful sign-in: remember when (AC-10 counts from it).
pub async fn record_sign_in(db: &Db, id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE users SET last_sign_in_at = $2, inactivity_notice_at = NULL WHERE id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Issue 16: the language of the account's pages and mail (a locale's tag); `false` if
/// there is no such active account.
pub async fn set_lang(db: &Db, id: i64, lang: &str) -> Result<bool> {
    const SQL: &str = "UPDATE users SET lang = $2 WHERE id = $1 AND state = 'active'";
    Ok(write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(lang)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?
        == 1)
}

/// AC-8: the user (from a page or an email link) or staff locks the account at once.
pub async fn lock(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE users SET locked_at = COALESCE(locked_at, $2) WHERE id = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Sets a new password; a reset also lifts the lock (AC-8).
pub async fn set_password(tx: &mut Tx, id: i64, hash: &str, now: DateTime<Utc>, unlock: bool) -> Result<()> {
    const SQL: &str = "UPDATE users SET password_hash = $2, password_changed_at = $3,
        locked_at = CASE WHEN $4 THEN NULL ELSE locked_at END WHERE id = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(hash)
        .bind(now)
        .bind(unlock)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
