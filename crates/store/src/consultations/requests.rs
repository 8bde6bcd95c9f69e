//! Reservation requests (rule BK-7): up to three preferred times that staff schedule, or
//! decline with a reason (C6-3), or the person withdraws.

use chrono::{DateTime, Utc};

use super::book::{Booked, Details, Notice, book_in, override_for_slot};
use crate::{Db, Result, in_tx, read, write};

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
    /// C6-3: why staff declined it (told to the person).
    pub decline_reason: String,
    pub created_at: DateTime<Utc>,
}

macro_rules! request_select {
    ($rest:literal) => {
        concat!(
            "SELECT id, user_ref, office_code, preferences, topic, state, reservation_id, decline_reason, ",
            "created_at FROM reservation_requests ",
            $rest
        )
    };
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
    const SQL: &str = request_select!("WHERE office_code = $1 AND state = 'open' ORDER BY id");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_all(c).await)?)
}

pub async fn get(db: &Db, id: i64) -> Result<Option<RequestRow>> {
    const SQL: &str = request_select!("WHERE id = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// The person's requests, newest first (My Page).
pub async fn for_user(db: &Db, user_ref: i64) -> Result<Vec<RequestRow>> {
    const SQL: &str = request_select!("WHERE user_ref = $1 ORDER BY id DESC");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}

/// The person withdraws their own open request; `false` if it is not theirs or not open.
pub async fn withdraw(db: &Db, id: i64, user_ref: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE reservation_requests SET state = 'withdrawn', decided_at = $3, decided_by = $4
        WHERE id = $1 AND user_ref = $2 AND state = 'open'";
    let n = write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(user_ref)
        .bind(now)
        .bind(format!("user:{user_ref}"))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// How scheduling a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheduled {
    Confirmed(i64),
    /// Scheduled, declined or withdrawn already (perhaps a moment ago).
    AlreadyDecided,
    SlotFull,
    DailyLimit,
}

const CLAIM: &str = "UPDATE reservation_requests SET state = 'scheduled', decided_at = $2, decided_by = $3
    WHERE id = $1 AND state = 'open'";
const LINK: &str = "UPDATE reservation_requests SET reservation_id = $2 WHERE id = $1";

/// BK-7: staff schedule an open request into a slot. One transaction claims the request (its
/// row lock makes a second scheduler or the person's withdrawal wait, then find it decided),
/// books the seat with the person's notice and links the two; a refusal undoes the claim.
#[allow(clippy::too_many_arguments)] // the request, the booking's inputs, its calendar UID and the notice
pub async fn schedule(
    db: &Db,
    id: i64,
    slot_id: i64,
    user_ref: i64,
    d: &Details,
    now: DateTime<Utc>,
    actor: &str,
    calendar_uid: &str,
    notice: Option<&Notice>,
) -> Result<Scheduled> {
    for attempt in 0..2 {
        let mut tx = db.begin().await?;
        let claimed = in_tx!(&mut tx, |c| sqlx::query(CLAIM)
            .bind(id)
            .bind(now)
            .bind(actor)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        if claimed != 1 {
            return Ok(Scheduled::AlreadyDecided);
        }
        match book_in(&mut tx, slot_id, user_ref, d, now, actor, calendar_uid, notice).await? {
            Booked::Confirmed(rid) => {
                in_tx!(&mut tx, |c| sqlx::query(LINK)
                    .bind(id)
                    .bind(rid)
                    .execute(c)
                    .await
                    .map(|r| r.rows_affected()))?;
                tx.commit().await?;
                return Ok(Scheduled::Confirmed(rid));
            }
            Booked::SlotFull => return Ok(Scheduled::SlotFull),
            // The transaction is spoilt on PostgreSQL: drop it; with an override a second
            // attempt may take the day's second seat (as `book` does).
            Booked::DailyLimit => {
                drop(tx);
                if attempt > 0 || !override_for_slot(db, slot_id, user_ref).await? {
                    return Ok(Scheduled::DailyLimit);
                }
            }
        }
    }
    Ok(Scheduled::DailyLimit)
}

/// C6-3: staff decline an open request with a reason; the person's notice is written in
/// the same transaction. `false` if it was no longer open.
pub async fn decline(
    db: &Db,
    id: i64,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
    notice: Option<(i64, &Notice)>,
) -> Result<bool> {
    const SQL: &str = "UPDATE reservation_requests SET state = 'declined', decline_reason = $2, decided_at = $3,
        decided_by = $4 WHERE id = $1 AND state = 'open'";
    let mut tx = db.begin().await?;
    let n = in_tx!(&mut tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(reason)
        .bind(now)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(false);
    }
    if let Some((user_ref, n)) = notice {
        crate::mail::outbox::enqueue(&mut tx, &n.mail, now).await?;
        crate::mail::inbox::add(&mut tx, user_ref, &n.inbox_subject, &n.inbox_body, now).await?;
    }
    tx.commit().await?;
    Ok(true)
}
