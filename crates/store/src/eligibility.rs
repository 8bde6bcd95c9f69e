//! The facts that decide whether an account may book (rules AC-11, AC-12).

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EligibilityRow {
    pub job_seeker_number: Option<String>,
    pub job_seeker_expires: Option<NaiveDate>,
    pub job_seeker_confirmed_at: Option<DateTime<Utc>>,
    pub booking_exempt: bool,
    pub nationality: String,
    pub residence_status: Option<String>,
    pub stay_until: Option<NaiveDate>,
    /// BK-13 / AC-12: set while staff have suspended the account.
    pub suspended_reason: Option<String>,
}

pub async fn get(db: &Db, user_ref: i64) -> Result<Option<EligibilityRow>> {
    const SQL: &str = "SELECT job_seeker_number, job_seeker_expires, job_seeker_confirmed_at, booking_exempt,
        nationality, residence_status, stay_until, suspended_reason FROM users WHERE id = $1 AND state = 'active'";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .fetch_optional(c)
        .await)?)
}

/// Records the number and expiry. Staff confirmed both as they were (AC-11, C2-1): a changed
/// number or expiry needs confirming again; the same values again keep the confirmation.
pub async fn set_job_seeker(tx: &mut Tx, user_ref: i64, number: &str, expires: NaiveDate) -> Result<()> {
    const SQL: &str = "UPDATE users SET job_seeker_confirmed_at =
            CASE WHEN job_seeker_number = $2 AND job_seeker_expires = $3 THEN job_seeker_confirmed_at ELSE NULL END,
        job_seeker_number = $2, job_seeker_expires = $3 WHERE id = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(number)
        .bind(expires)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Staff confirm the recorded number (C2-1).
pub async fn confirm_job_seeker(tx: &mut Tx, user_ref: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE users SET job_seeker_confirmed_at = $2 WHERE id = $1 AND job_seeker_number IS NOT NULL";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn set_residence(
    tx: &mut Tx,
    user_ref: i64,
    nationality: &str,
    status: Option<&str>,
    stay_until: Option<NaiveDate>,
) -> Result<()> {
    const SQL: &str = "UPDATE users SET nationality = $2, residence_status = $3, stay_until = $4 WHERE id = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(nationality)
        .bind(status)
        .bind(stay_until)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Staff grant (or withdraw) an exemption from the registration requirement (N3-3).
pub async fn set_exempt(tx: &mut Tx, user_ref: i64, exempt: bool) -> Result<()> {
    const SQL: &str = "UPDATE users SET booking_exempt = $2 WHERE id = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(exempt)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Staff suspend the account with a reason (BK-13, AC-12), or lift it with `None`.
pub async fn set_suspension(tx: &mut Tx, user_ref: i64, reason: Option<&str>, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE users SET suspended_reason = $2,
        suspended_at = CASE WHEN $2 IS NULL THEN NULL ELSE $3 END WHERE id = $1";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(reason)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// BK-12: the no-show restriction is lifted for `user_ref` from `at` (earlier no-shows stop
/// counting), with who lifted it and why.
pub async fn lift_restriction(tx: &mut Tx, user_ref: i64, at: DateTime<Utc>, actor: &str, reason: &str) -> Result<()> {
    const LIFT: &str = "UPDATE users SET restriction_lifted_at = $2 WHERE id = $1";
    const RECORD: &str = "INSERT INTO restriction_lifts (user_ref, at, actor, reason) VALUES ($1, $2, $3, $4)";
    in_tx!(tx, |c| {
        sqlx::query(LIFT).bind(user_ref).bind(at).execute(&mut *c).await?;
        sqlx::query(RECORD)
            .bind(user_ref)
            .bind(at)
            .bind(actor)
            .bind(reason)
            .execute(&mut *c)
            .await?;
    });
    Ok(())
}

/// A person whose job-seeker number waits for staff to confirm it (AC-11, C2-1).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Pending {
    pub user_ref: i64,
    pub user_id: String,
    pub name: String,
    pub job_seeker_number: String,
    pub job_seeker_expires: Option<NaiveDate>,
}

/// Active accounts whose number carries `office` (every office with `None`) and is not yet
/// confirmed, oldest account first, at most `limit`.
pub async fn pending_confirmation(db: &Db, office: Option<&str>, limit: i64) -> Result<Vec<Pending>> {
    const SQL: &str = "SELECT id AS user_ref, user_id, name, job_seeker_number, job_seeker_expires FROM users
        WHERE state = 'active' AND job_seeker_number IS NOT NULL AND job_seeker_confirmed_at IS NULL
          AND ($1 IS NULL OR substr(job_seeker_number, 1, 5) = $1)
        ORDER BY id LIMIT $2";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(limit)
        .fetch_all(c)
        .await)?)
}
