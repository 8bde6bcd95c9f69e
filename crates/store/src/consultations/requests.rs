//! Reservation requests (rule BK-7): up to three preferred times that staff schedule.

use chrono::{DateTime, Utc};

use crate::{Db, Result, read, write};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub user_ref: i64,
    pub office_code: String,
    /// RFC 3339 instants, comma-separated, in the order the user gave them.
    pub preferences: String,
    pub topic: String,
    pub state: String,
    pub reservation_id: Option<i64>,
}

pub async fn booking_mode(db: &Db, office: &str) -> Result<String> {
    const SQL: &str = "SELECT booking_mode FROM offices WHERE code = $1";
    let row: Option<(String,)> = read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_optional(c).await)?;
    Ok(row.map_or_else(|| "direct".to_owned(), |(m,)| m))
}

pub async fn set_booking_mode(db: &Db, office: &str, mode: &str) -> Result<()> {
    const SQL: &str = "UPDATE offices SET booking_mode = $2 WHERE code = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(office)
        .bind(mode)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn create(
    db: &Db,
    user_ref: i64,
    office: &str,
    preferences: &str,
    topic: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    const SQL: &str = "INSERT INTO reservation_requests (user_ref, office_code, preferences, topic, state, created_at)
        VALUES ($1, $2, $3, $4, 'open', $5) RETURNING id";
    let (id,): (i64,) = write!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(office)
        .bind(preferences)
        .bind(topic)
        .bind(now)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

pub async fn open_for_office(db: &Db, office: &str) -> Result<Vec<RequestRow>> {
    const SQL: &str = "SELECT id, user_ref, office_code, preferences, topic, state, reservation_id
        FROM reservation_requests WHERE office_code = $1 AND state = 'open' ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_all(c).await)?)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<RequestRow>> {
    const SQL: &str = "SELECT id, user_ref, office_code, preferences, topic, state, reservation_id
        FROM reservation_requests WHERE id = $1";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// Closes an open request (scheduled with its reservation, or declined), once.
pub async fn decide(
    db: &Db,
    id: i64,
    state: &str,
    reservation: Option<i64>,
    now: DateTime<Utc>,
    actor: &str,
) -> Result<bool> {
    const SQL: &str =
        "UPDATE reservation_requests SET state = $2, reservation_id = $3, decided_at = $4, decided_by = $5
        WHERE id = $1 AND state = 'open'";
    let n = write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(state)
        .bind(reservation)
        .bind(now)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
