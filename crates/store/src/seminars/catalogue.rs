//! Seminars as office admins make them: create, list, edit (added seats go to the first
//! waiting), and their meeting details.

use chrono::{DateTime, Utc};

use super::places::promote_first;
use super::*;
use crate::{Db, Result, Tx, in_tx, read};

pub async fn create(db: &Db, s: &NewSeminar, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO seminars (office_code, kind, title, description, starts_at, ends_at, local_date,
        app, recorded_with_consent, cutoff_at, capacity, waitlist_limit, created_at, created_by)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id";
    let (id,): (i64,) = crate::write!(db, |c| sqlx::query_as(SQL)
        .bind(&s.office_code)
        .bind(&s.kind)
        .bind(&s.title)
        .bind(&s.description)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(s.local_date)
        .bind(&s.app)
        .bind(s.recorded_with_consent)
        .bind(s.cutoff_at)
        .bind(s.capacity)
        .bind(s.waitlist_limit)
        .bind(now)
        .bind(&s.created_by)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<SeminarRow>> {
    let sql = format!("SELECT {COLUMNS} FROM seminars WHERE id = $1");
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_optional(c)
        .await)?)
}

/// Seminars in time order, cancelled ones included (they say so: SE-6).
pub async fn list(db: &Db, f: &Filter) -> Result<Vec<SeminarRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM seminars WHERE office_code = COALESCE($1, office_code)
         AND starts_at >= $2 AND starts_at < $3 AND (title LIKE $4 ESCAPE '\\' OR description LIKE $4 ESCAPE '\\')
         ORDER BY starts_at, id LIMIT 500"
    );
    let pattern = match &f.keyword {
        Some(k) => format!("%{}%", k.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")),
        None => "%".to_owned(),
    };
    // Four-digit years: SQLite compares the stored instants as text.
    let from = f.from.unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let to =
        f.to.or_else(|| DateTime::from_timestamp(253_402_300_799, 0))
            .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(f.office.as_deref())
        .bind(from)
        .bind(to)
        .bind(&pattern)
        .fetch_all(c)
        .await)?)
}

/// Applies `e` unless it would drop below the seats or places already taken (`None` then).
/// New seats go at once, before the cut-off, to the first waiting users, who are told.
pub async fn edit(
    db: &Db,
    id: i64,
    e: &Edit,
    now: DateTime<Utc>,
    promotion_notice: PromotionNotice<'_>,
) -> Result<Option<Vec<Promoted>>> {
    const UPDATE: &str = "UPDATE seminars SET title = $2, description = $3, app = $4, recorded_with_consent = $5,
        capacity = $6, waitlist_limit = $7 WHERE id = $1 AND cancelled_at IS NULL AND registered <= $6
        AND waitlisted <= $7 RETURNING capacity - registered, cutoff_at";
    const SEAT: &str = "UPDATE seminars SET registered = registered + 1, waitlisted = waitlisted - 1 WHERE id = $1";
    let mut tx = db.begin().await?;
    let updated: Option<(i32, DateTime<Utc>)> = in_tx!(&mut tx, |c| sqlx::query_as(UPDATE)
        .bind(id)
        .bind(&e.title)
        .bind(&e.description)
        .bind(&e.app)
        .bind(e.recorded_with_consent)
        .bind(e.capacity)
        .bind(e.waitlist_limit)
        .fetch_optional(c)
        .await)?;
    let Some((free, cutoff_at)) = updated else {
        return Ok(None);
    };
    let mut promoted = Vec::new();
    for _ in 0..free.max(0) {
        if now >= cutoff_at {
            break;
        }
        match promote_first(&mut tx, id, SEAT, now, "promoted: more seats", promotion_notice).await? {
            Some(p) => promoted.push(p),
            None => break,
        }
    }
    tx.commit().await?;
    Ok(Some(promoted))
}

/// BK-9 for seminars: staff enter how to join; `true` the first time (participants are told).
pub async fn set_meeting(
    tx: &mut Tx,
    id: i64,
    m: &crate::consultations::schedule::MeetingDetails,
    now: DateTime<Utc>,
) -> Result<bool> {
    const FIRST: &str = "SELECT meeting_set_at IS NULL FROM seminars WHERE id = $1";
    const SQL: &str = "UPDATE seminars SET meeting_id = $2, passkey = $3, join_url = $4, meeting_set_at = $5
        WHERE id = $1";
    let first: Option<(bool,)> = in_tx!(tx, |c| sqlx::query_as(FIRST).bind(id).fetch_optional(c).await)?;
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(&m.meeting_id)
        .bind(&m.passkey)
        .bind(&m.join_url)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(first.is_some_and(|(f,)| f))
}

/// How to join, once staff have entered it; for the registered user's My Page only.
pub async fn meeting(db: &Db, id: i64) -> Result<Option<crate::consultations::schedule::MeetingDetails>> {
    const SQL: &str = "SELECT app, meeting_id, passkey, join_url FROM seminars
        WHERE id = $1 AND meeting_set_at IS NOT NULL";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}
