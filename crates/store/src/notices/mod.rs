//! Notices (rule NT-1) and the maintenance switch (NT-2). The switch is one row, read by
//! every replica, so a change takes effect everywhere within the replicas' short cache.

pub mod terms;

use chrono::{DateTime, Utc};

use crate::{Db, Result, read, write};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    /// `None`: a national notice.
    pub office_code: Option<String>,
    /// `information`, `planned_maintenance` or `outage`.
    pub kind: String,
    pub title: String,
    pub body: String,
    pub publish_from: DateTime<Utc>,
    pub publish_until: Option<DateTime<Utc>>,
    /// Planned maintenance: when the service is affected.
    pub window: Option<(DateTime<Utc>, DateTime<Utc>)>,
    pub created_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct NoticeRow {
    pub id: i64,
    pub office_code: Option<String>,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub publish_from: DateTime<Utc>,
    pub publish_until: Option<DateTime<Utc>>,
    pub window_from: Option<DateTime<Utc>>,
    pub window_until: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

pub async fn create(db: &Db, n: &NewNotice, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO notices (office_code, kind, title, body, publish_from, publish_until,
        window_from, window_until, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        RETURNING id";
    let (id,): (i64,) = write!(db, |c| sqlx::query_as(SQL)
        .bind(n.office_code.as_deref())
        .bind(&n.kind)
        .bind(&n.title)
        .bind(&n.body)
        .bind(n.publish_from)
        .bind(n.publish_until)
        .bind(n.window.map(|w| w.0))
        .bind(n.window.map(|w| w.1))
        .bind(now)
        .bind(&n.created_by)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

/// Notices published at `now`, newest first (national and every office's).
pub async fn current(db: &Db, now: DateTime<Utc>) -> Result<Vec<NoticeRow>> {
    const SQL: &str = "SELECT id, office_code, kind, title, body, publish_from, publish_until, window_from,
        window_until, created_at FROM notices
        WHERE publish_from <= $1 AND (publish_until IS NULL OR publish_until > $1)
        ORDER BY publish_from DESC, id DESC LIMIT 100";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(now).fetch_all(c).await)?)
}

/// The system's mode: `open`, `read_only` or `closed`, with the notice that explains it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Maintenance {
    pub mode: String,
    pub notice_id: Option<i64>,
}

pub async fn maintenance(db: &Db) -> Result<Maintenance> {
    const SQL: &str = "SELECT mode, notice_id FROM maintenance WHERE id = 1";
    let row: Option<Maintenance> = read!(db, |c| sqlx::query_as(SQL).fetch_optional(c).await)?;
    Ok(row.unwrap_or(Maintenance {
        mode: "open".into(),
        notice_id: None,
    }))
}

pub async fn set_maintenance(
    db: &Db,
    mode: &str,
    notice_id: Option<i64>,
    now: DateTime<Utc>,
    actor: &str,
) -> Result<()> {
    const SQL: &str = "UPDATE maintenance SET mode = $1, notice_id = $2, changed_at = $3, changed_by = $4 WHERE id = 1";
    write!(db, |c| sqlx::query(SQL)
        .bind(mode)
        .bind(notice_id)
        .bind(now)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Stops showing a notice from `now` (if it was still showing, or not yet). A notice that
/// began this very instant is moved a second back, so its window stays non-empty.
pub async fn end(db: &Db, id: i64, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE notices SET publish_from = CASE WHEN publish_from < $2 THEN publish_from ELSE $3 END,
        publish_until = $2 WHERE id = $1 AND (publish_until IS NULL OR publish_until > $2)";
    write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .bind(now - chrono::Duration::seconds(1))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}
