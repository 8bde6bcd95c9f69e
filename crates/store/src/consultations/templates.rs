//! Weekly slot templates (rule BK-2) and publishing them into slots.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::{Db, Result, Tx, in_tx, read, write};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Template {
    pub id: i64,
    pub office_code: String,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: i32,
    pub starts: NaiveTime,
    pub app: String,
    pub capacity: i32,
}

pub async fn add(
    db: &Db,
    office: &str,
    weekday: i32,
    starts: NaiveTime,
    app: &str,
    capacity: i32,
    now: DateTime<Utc>,
) -> Result<i64> {
    const SQL: &str = "INSERT INTO slot_templates (office_code, weekday, starts, app, capacity, created_at)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let (id,): (i64,) = write!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(weekday)
        .bind(starts)
        .bind(app)
        .bind(capacity)
        .bind(now)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

pub async fn list(db: &Db, office: &str) -> Result<Vec<Template>> {
    const SQL: &str = "SELECT id, office_code, weekday, starts, app, capacity FROM slot_templates
        WHERE office_code = $1 ORDER BY weekday, starts, id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_all(c).await)?)
}

/// Removes a template; slots already published stay (they may be booked).
pub async fn remove(db: &Db, office: &str, id: i64) -> Result<bool> {
    const DETACH: &str = "UPDATE slots SET template_id = NULL WHERE template_id = $1";
    const SQL: &str = "DELETE FROM slot_templates WHERE id = $1 AND office_code = $2";
    let mut tx = db.begin().await?;
    in_tx!(&mut tx, |c| sqlx::query(DETACH)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    let n = in_tx!(&mut tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(office)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    tx.commit().await?;
    Ok(n == 1)
}

/// Adds the template's slot at `starts_at` unless it exists (`ON CONFLICT DO NOTHING` on the
/// partial unique index). Returns whether a slot was made.
pub async fn publish_one(
    tx: &mut Tx,
    t: &Template,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    local_date: NaiveDate,
) -> Result<bool> {
    const SQL: &str = "INSERT INTO slots (office_code, starts_at, ends_at, local_date, app, capacity, template_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (template_id, starts_at) WHERE template_id IS NOT NULL DO NOTHING";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(&t.office_code)
        .bind(starts_at)
        .bind(ends_at)
        .bind(local_date)
        .bind(&t.app)
        .bind(t.capacity)
        .bind(t.id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
