//! Staff accounts and the audit log (SPEC §1, rule PV-4).

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read, write};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStaff {
    pub user_id: String,
    pub user_key: String,
    pub password_hash: String,
    pub name: String,
    pub role: String,
    pub office_code: Option<String>,
    pub totp_secret: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub user_id: String,
    pub password_hash: String,
    pub name: String,
    pub role: String,
    pub office_code: Option<String>,
    pub totp_secret: String,
}

pub async fn insert(db: &Db, s: &NewStaff, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO staff (user_id, user_key, password_hash, name, role, office_code, totp_secret,
        created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
    let (id,): (i64,) = write!(db, |c| sqlx::query_as(SQL)
        .bind(&s.user_id)
        .bind(&s.user_key)
        .bind(&s.password_hash)
        .bind(&s.name)
        .bind(&s.role)
        .bind(&s.office_code)
        .bind(&s.totp_secret)
        .bind(now)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

macro_rules! staff_select {
    ($where:literal) => {
        concat!(
            "SELECT id, user_id, password_hash, name, role, office_code, totp_secret ",
            "FROM staff WHERE ",
            $where
        )
    };
}

pub async fn by_key(db: &Db, user_key: &str) -> Result<Option<StaffRow>> {
    const SQL: &str = staff_select!("user_key = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_key)
        .fetch_optional(c)
        .await)?)
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<StaffRow>> {
    const SQL: &str = staff_select!("id = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

pub async fn any_national_admin(db: &Db) -> Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM staff WHERE role = 'national_admin'";
    let (n,): (i64,) = read!(db, |c| sqlx::query_as(SQL).fetch_one(c).await)?;
    Ok(n > 0)
}

/// Accepts a TOTP time step once: a replayed code (same or older step) changes nothing.
pub async fn use_totp_step(db: &Db, id: i64, step: i64) -> Result<bool> {
    const SQL: &str = "UPDATE staff SET last_totp_step = $2 WHERE id = $1 AND last_totp_step < $2";
    let n = write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(step)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// One audit entry: who did or saw what, about whom.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub staff_ref: i64,
    pub action: String,
    pub user_ref: Option<i64>,
    pub detail: String,
}

pub async fn audit(
    tx: &mut Tx,
    staff_ref: i64,
    action: &str,
    user_ref: Option<i64>,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    const SQL: &str = "INSERT INTO audit_log (at, staff_ref, action, user_ref, detail) VALUES ($1, $2, $3, $4, $5)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(now)
        .bind(staff_ref)
        .bind(action)
        .bind(user_ref)
        .bind(detail)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The audit trail about one job seeker, oldest first.
pub async fn audit_for_user(db: &Db, user_ref: i64) -> Result<Vec<AuditRow>> {
    const SQL: &str = "SELECT at, staff_ref, action, user_ref, detail FROM audit_log WHERE user_ref = $1 ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}
