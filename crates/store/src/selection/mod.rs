//! 管理選考 (IV-2, migration 0037): selection days an office runs for one employer, their
//! interview slots and the job seekers referred to them. A booking is an `interviews` row
//! (`book`); the employer's link and what it showed are `links`.

pub mod book;
pub mod links;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DayRow {
    pub id: i64,
    pub office_code: String,
    pub employer_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub job_number: String,
    pub job_title: String,
    pub local_date: NaiveDate,
    pub app: String,
    pub created_at: DateTime<Utc>,
    pub cancelled_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SlotRow {
    pub id: i64,
    pub day_id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub booked: i32,
}

/// A day as staff publish it; `created_by` is the staff member.
#[derive(Debug, Clone)]
pub struct NewDay {
    pub office_code: String,
    pub employer_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub job_number: String,
    pub job_title: String,
    pub local_date: NaiveDate,
    pub app: String,
    pub created_by: i64,
}

/// The columns of `DayRow`, spelled once for the queries below.
macro_rules! day_select {
    ($where:literal) => {
        concat!(
            "SELECT id, office_code, employer_name, contact_name, contact_email, job_number, ",
            "job_title, local_date, app, created_at, cancelled_at FROM selection_days ",
            $where
        )
    };
}

/// The day and its slots, in the caller's transaction (with its audit row).
pub async fn publish(
    tx: &mut Tx,
    day: &NewDay,
    slots: &[(DateTime<Utc>, DateTime<Utc>)],
    now: DateTime<Utc>,
) -> Result<i64> {
    const DAY: &str = "INSERT INTO selection_days (office_code, employer_name, contact_name, contact_email,
        job_number, job_title, local_date, app, created_by, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
    const SLOT: &str = "INSERT INTO selection_slots (day_id, starts_at, ends_at, capacity) VALUES ($1, $2, $3, 1)";
    let (id,): (i64,) = in_tx!(tx, |c| sqlx::query_as(DAY)
        .bind(&day.office_code)
        .bind(&day.employer_name)
        .bind(&day.contact_name)
        .bind(&day.contact_email)
        .bind(&day.job_number)
        .bind(&day.job_title)
        .bind(day.local_date)
        .bind(&day.app)
        .bind(day.created_by)
        .bind(now)
        .fetch_one(c)
        .await)?;
    for (starts, ends) in slots {
        in_tx!(tx, |c| sqlx::query(SLOT)
            .bind(id)
            .bind(starts)
            .bind(ends)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(id)
}

pub async fn day(db: &Db, id: i64) -> Result<Option<DayRow>> {
    const SQL: &str = day_select!("WHERE id = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// An office's days from `from` on (every office's for `None`), soonest first.
pub async fn days(db: &Db, office: Option<&str>, from: NaiveDate) -> Result<Vec<DayRow>> {
    const SQL: &str =
        day_select!("WHERE ($1 IS NULL OR office_code = $1) AND local_date >= $2 ORDER BY local_date, id");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(from)
        .fetch_all(c)
        .await)?)
}

/// The day's slots in time order.
pub async fn slots(db: &Db, day_id: i64) -> Result<Vec<SlotRow>> {
    const SQL: &str = "SELECT id, day_id, starts_at, ends_at, capacity, booked FROM selection_slots
        WHERE day_id = $1 ORDER BY starts_at, id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(day_id).fetch_all(c).await)?)
}

/// Refers a job seeker to a day; false when they already were (nothing changes).
pub async fn refer(tx: &mut Tx, day_id: i64, user_ref: i64, staff_ref: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "INSERT INTO selection_referrals (day_id, user_ref, referred_by, referred_at)
        VALUES ($1, $2, $3, $4) ON CONFLICT (day_id, user_ref) DO NOTHING";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(day_id)
        .bind(user_ref)
        .bind(staff_ref)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

pub async fn is_referred(db: &Db, day_id: i64, user_ref: i64) -> Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM selection_referrals WHERE day_id = $1 AND user_ref = $2";
    let (n,): (i64,) = read!(db, |c| sqlx::query_as(SQL)
        .bind(day_id)
        .bind(user_ref)
        .fetch_one(c)
        .await)?;
    Ok(n > 0)
}

/// A referred person as staff see them on the day's page, with their booking if any.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReferralRow {
    pub user_ref: i64,
    pub user_id: String,
    pub name: String,
    pub referred_at: DateTime<Utc>,
    pub interview_id: Option<i64>,
    pub starts_at: Option<DateTime<Utc>>,
}

pub async fn referrals(db: &Db, day_id: i64) -> Result<Vec<ReferralRow>> {
    const SQL: &str = "SELECT r.user_ref, u.user_id, u.name, r.referred_at, i.id AS interview_id, i.starts_at
        FROM selection_referrals r JOIN users u ON u.id = r.user_ref
        LEFT JOIN interviews i ON i.selection_day_id = r.day_id AND i.user_ref = r.user_ref AND i.state = 'accepted'
        WHERE r.day_id = $1 ORDER BY r.referred_at, r.user_ref";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(day_id).fetch_all(c).await)?)
}

/// A day a job seeker was referred to, with their standing booking if any (My Page).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeekerDay {
    pub day_id: i64,
    pub office_code: String,
    pub employer_name: String,
    pub job_number: String,
    pub job_title: String,
    pub local_date: NaiveDate,
    pub app: String,
    pub interview_id: Option<i64>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
}

/// The days from `from` on that this person was referred to and that still stand.
pub async fn for_seeker(db: &Db, user_ref: i64, from: NaiveDate) -> Result<Vec<SeekerDay>> {
    const SQL: &str = "SELECT d.id AS day_id, d.office_code, d.employer_name, d.job_number, d.job_title,
        d.local_date, d.app, i.id AS interview_id, i.starts_at, i.ends_at
        FROM selection_referrals r JOIN selection_days d ON d.id = r.day_id
        LEFT JOIN interviews i ON i.selection_day_id = d.id AND i.user_ref = r.user_ref AND i.state = 'accepted'
        WHERE r.user_ref = $1 AND d.cancelled_at IS NULL AND d.local_date >= $2
        ORDER BY d.local_date, d.id";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(from)
        .fetch_all(c)
        .await)?)
}

/// The active account holding a job-seeker number, when exactly one does.
pub async fn by_number(db: &Db, number: &str) -> Result<Option<String>> {
    const SQL: &str = "SELECT user_id FROM users WHERE job_seeker_number = $1 AND state = 'active' LIMIT 2";
    let rows: Vec<(String,)> = read!(db, |c| sqlx::query_as(SQL).bind(number).fetch_all(c).await)?;
    Ok(match rows.as_slice() {
        [(one,)] => Some(one.clone()),
        _ => None,
    })
}
