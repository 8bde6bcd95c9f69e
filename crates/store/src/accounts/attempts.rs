//! Attempts that a limit counts: sign-ins per user key and per client address (AC-5), and
//! registrations per client address. An attempt is counted before the costly password hash,
//! in one transaction that first takes its key's row in `attempt_keys` (an upsert, which
//! waits for any other transaction holding that row), then counts the window and writes the
//! attempt. Parallel requests, in one process or on many replicas, therefore see each other.
//! Lock order: a user key before an address, so two attempts never wait for each other.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, write};

/// The limits of one sign-in attempt.
#[derive(Debug, Clone, Copy)]
pub struct SignInLimits {
    /// The window: attempts since this instant count.
    pub since: DateTime<Utc>,
    /// Attempts (pending or failed) per user key in the window before it locks.
    pub per_user: i64,
    /// Attempts (pending or failed) per client address in the window before it is refused.
    pub per_address: i64,
    /// When a lock set now ends.
    pub lock_until: DateTime<Utc>,
}

/// Whether a sign-in attempt may go on to the password check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Counted as a failure until `settle` says otherwise; the id names the attempt.
    Admitted(i64),
    /// The user key is locked.
    Locked,
    /// The client address has used up its attempts.
    AddressLimited,
}

/// How a checked attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// The credentials were right and the key was not locked: its failures are cleared.
    SignedIn,
    /// Wrong credentials; the failure stays counted (and may have locked the key).
    Failed,
    /// The key was locked meanwhile (by attempts in parallel): refused, right or wrong.
    Locked,
}

fn user(key: &str) -> String {
    format!("user:{key}")
}

/// Takes the key's row for the rest of the transaction; its lock, if any.
pub(crate) async fn take(tx: &mut Tx, key: &str, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    const SQL: &str = "INSERT INTO attempt_keys (key, touched_at) VALUES ($1, $2)
        ON CONFLICT (key) DO UPDATE SET touched_at = excluded.touched_at RETURNING locked_until";
    let (locked_until,): (Option<DateTime<Utc>>,) =
        in_tx!(tx, |c| sqlx::query_as(SQL).bind(key).bind(now).fetch_one(c).await)?;
    Ok(locked_until)
}

async fn count(tx: &mut Tx, sql: &'static str, value: &str, since: DateTime<Utc>) -> Result<i64> {
    let (n,): (i64,) = in_tx!(tx, |c| sqlx::query_as(sql).bind(value).bind(since).fetch_one(c).await)?;
    Ok(n)
}

const PER_USER: &str = "SELECT COUNT(*) FROM sign_in_failures WHERE user_key = $1 AND at > $2";
const PER_ADDRESS: &str = "SELECT COUNT(*) FROM sign_in_failures WHERE client_addr = $1 AND at > $2";

async fn lock(tx: &mut Tx, key: &str, until: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE attempt_keys SET locked_until = $2 WHERE key = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(key)
        .bind(until)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Counts a sign-in attempt before its password is checked. A user key with `per_user`
/// attempts in the window is locked from now on: the attempts still being checked then
/// find the lock when they settle, so the right password sent among many wrong ones at
/// once is refused like them.
pub async fn admit(
    db: &Db,
    user_key: &str,
    client_addr: &str,
    now: DateTime<Utc>,
    limits: SignInLimits,
) -> Result<Admission> {
    const RECORD: &str = "INSERT INTO sign_in_failures (user_key, client_addr, at) VALUES ($1, $2, $3) RETURNING id";
    let key = user(user_key);
    let mut tx = db.begin().await?;
    let locked_until = take(&mut tx, &key, now).await?;
    take(&mut tx, &format!("addr:{client_addr}"), now).await?;
    let admission = if count(&mut tx, PER_ADDRESS, client_addr, limits.since).await? >= limits.per_address {
        Admission::AddressLimited
    } else if locked_until.is_some_and(|t| t > now) {
        Admission::Locked
    } else if count(&mut tx, PER_USER, user_key, limits.since).await? >= limits.per_user {
        lock(&mut tx, &key, limits.lock_until).await?;
        Admission::Locked
    } else {
        let (id,): (i64,) = in_tx!(&mut tx, |c| sqlx::query_as(RECORD)
            .bind(user_key)
            .bind(client_addr)
            .bind(now)
            .fetch_one(c)
            .await)?;
        Admission::Admitted(id)
    };
    tx.commit().await?;
    Ok(admission)
}

/// Ends an admitted attempt once its credentials are checked. The key's lock decides first,
/// so while it is locked the answer does not depend on whether the password was right.
pub async fn settle(
    db: &Db,
    user_key: &str,
    correct: bool,
    now: DateTime<Utc>,
    limits: SignInLimits,
) -> Result<Settled> {
    const CLEAR: &str = "DELETE FROM sign_in_failures WHERE user_key = $1";
    let key = user(user_key);
    let mut tx = db.begin().await?;
    let settled = if take(&mut tx, &key, now).await?.is_some_and(|t| t > now) {
        Settled::Locked
    } else if correct {
        in_tx!(&mut tx, |c| sqlx::query(CLEAR)
            .bind(user_key)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Settled::SignedIn
    } else {
        if count(&mut tx, PER_USER, user_key, limits.since).await? >= limits.per_user {
            lock(&mut tx, &key, limits.lock_until).await?;
        }
        Settled::Failed
    };
    tx.commit().await?;
    Ok(settled)
}

/// Takes back an admitted attempt whose password was never checked (the server was busy).
pub async fn withdraw(db: &Db, attempt: i64) -> Result<()> {
    const SQL: &str = "DELETE FROM sign_in_failures WHERE id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(attempt)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Clears a user key's failures and lock (a password reset lifts the lock, AC-8).
pub async fn clear(db: &Db, user_key: &str, now: DateTime<Utc>) -> Result<()> {
    const FAILURES: &str = "DELETE FROM sign_in_failures WHERE user_key = $1";
    const UNLOCK: &str = "UPDATE attempt_keys SET locked_until = NULL WHERE key = $1";
    let key = user(user_key);
    let mut tx = db.begin().await?;
    take(&mut tx, &key, now).await?;
    in_tx!(&mut tx, |c| {
        sqlx::query(FAILURES).bind(user_key).execute(&mut *c).await?;
        sqlx::query(UNLOCK).bind(&key).execute(&mut *c).await?.rows_affected()
    });
    tx.commit().await?;
    Ok(())
}

/// Counts a registration from `client_addr` before its password is hashed: the attempt's id,
/// or `None` when `max` registrations since `since` came from there already.
pub async fn admit_registration(
    db: &Db,
    client_addr: &str,
    now: DateTime<Utc>,
    since: DateTime<Utc>,
    max: i64,
) -> Result<Option<i64>> {
    const COUNT: &str = "SELECT COUNT(*) FROM registration_attempts WHERE client_addr = $1 AND at > $2";
    const RECORD: &str = "INSERT INTO registration_attempts (client_addr, at) VALUES ($1, $2) RETURNING id";
    let mut tx = db.begin().await?;
    take(&mut tx, &format!("register:{client_addr}"), now).await?;
    let admitted = if count(&mut tx, COUNT, client_addr, since).await? >= max {
        None
    } else {
        let (id,): (i64,) = in_tx!(&mut tx, |c| sqlx::query_as(RECORD)
            .bind(client_addr)
            .bind(now)
            .fetch_one(c)
            .await)?;
        Some(id)
    };
    tx.commit().await?;
    Ok(admitted)
}

/// Takes back a counted registration that did not happen (taken user ID, busy server).
pub async fn withdraw_registration(db: &Db, attempt: i64) -> Result<()> {
    const SQL: &str = "DELETE FROM registration_attempts WHERE id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(attempt)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Deletes attempts older than `before` and unlocked keys untouched since then
/// (housekeeping; `before` lies beyond every window). Returns how many rows went. On
/// PostgreSQL rows in use by a sign-in are skipped (the next round takes them), so the
/// purge never waits for a sign-in nor a sign-in for it.
pub async fn purge(db: &Db, before: DateTime<Utc>, now: DateTime<Utc>) -> Result<u64> {
    const SQLITE: [&str; 3] = [
        "DELETE FROM sign_in_failures WHERE at <= $1",
        "DELETE FROM registration_attempts WHERE at <= $1",
        "DELETE FROM password_reset_requests WHERE at <= $1",
    ];
    const SQLITE_KEYS: &str =
        "DELETE FROM attempt_keys WHERE touched_at <= $1 AND (locked_until IS NULL OR locked_until <= $2)";
    const POSTGRES: [&str; 3] = [
        "DELETE FROM sign_in_failures WHERE id IN
            (SELECT id FROM sign_in_failures WHERE at <= $1 FOR UPDATE SKIP LOCKED)",
        "DELETE FROM registration_attempts WHERE id IN
            (SELECT id FROM registration_attempts WHERE at <= $1 FOR UPDATE SKIP LOCKED)",
        "DELETE FROM password_reset_requests WHERE id IN
            (SELECT id FROM password_reset_requests WHERE at <= $1 FOR UPDATE SKIP LOCKED)",
    ];
    const POSTGRES_KEYS: &str = "DELETE FROM attempt_keys WHERE key IN (SELECT key FROM attempt_keys
        WHERE touched_at <= $1 AND (locked_until IS NULL OR locked_until <= $2) FOR UPDATE SKIP LOCKED)";
    let (attempts, keys) = match db {
        Db::Sqlite(_) => (SQLITE, SQLITE_KEYS),
        Db::Postgres(_) => (POSTGRES, POSTGRES_KEYS),
    };
    let mut gone = 0;
    for sql in attempts {
        gone += write!(db, |c| sqlx::query(sql)
            .bind(before)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    gone += write!(db, |c| sqlx::query(keys)
        .bind(before)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(gone)
}

/// Failures and the lock of a user key (for tests and operators): (failures since, locked until).
pub async fn state(db: &Db, user_key: &str, since: DateTime<Utc>) -> Result<(i64, Option<DateTime<Utc>>)> {
    const LOCK: &str = "SELECT locked_until FROM attempt_keys WHERE key = $1";
    let (n, lock) = crate::read!(db, |c| {
        let (n,): (i64,) = sqlx::query_as(PER_USER).bind(user_key).bind(since).fetch_one(c).await?;
        let lock: Option<(Option<DateTime<Utc>>,)> =
            sqlx::query_as(LOCK).bind(user(user_key)).fetch_optional(c).await?;
        (n, lock.and_then(|(l,)| l))
    });
    Ok((n, lock))
}
