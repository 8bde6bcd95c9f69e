//! The built-in room (rules MT-3, BK-11, BK-13): what a room needs to know about its
//! reservation, companions' single-use links, and attendance written by the room itself as
//! reservation events with `joined_at`, the column staff set by hand, so both paths agree.
//! `relay` carries signalling between replicas on PostgreSQL.

pub mod grace;
pub mod interview;
pub mod relay;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, in_tx, read};

/// The reservation behind a room, with what the counsellor checks before admitting (C6-2,
/// C12-3): the identity given for verification and the companion declared at booking.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RoomRow {
    pub id: i64,
    pub user_ref: i64,
    pub office_code: String,
    pub state: String,
    pub app: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub verify_name: String,
    pub verify_number: String,
    pub companion: String,
    pub joined_at: Option<DateTime<Utc>>,
    pub checklist_at: Option<DateTime<Utc>>,
    /// When the counsellor ended the consultation in the room, if they did.
    pub ended_at: Option<DateTime<Utc>>,
    /// The office's grace period after the end in minutes, if it set one (MT-3).
    pub grace_minutes: Option<i32>,
}

pub async fn room(db: &Db, id: i64) -> Result<Option<RoomRow>> {
    const SQL: &str = "SELECT r.id, r.user_ref, r.office_code, r.state, s.app, s.starts_at, s.ends_at,
        r.verify_name, r.verify_number, r.companion, r.joined_at, r.checklist_at,
        (SELECT MAX(e.at) FROM reservation_events e WHERE e.reservation_id = r.id AND e.state = 'room_ended') AS ended_at,
        o.room_grace_minutes AS grace_minutes
        FROM reservations r JOIN slots s ON s.id = r.slot_id LEFT JOIN offices o ON o.code = r.office_code
        WHERE r.id = $1";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// MT-3: a companion's single-use link, stored by hash.
pub async fn issue_guest(
    db: &Db,
    reservation_id: i64,
    token_hash: &str,
    staff_ref: i64,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<()> {
    const SQL: &str = "INSERT INTO room_guests (reservation_id, token_hash, issued_by, issued_at, expires_at)
        VALUES ($1, $2, $3, $4, $5)";
    crate::write!(db, |c| sqlx::query(SQL)
        .bind(reservation_id)
        .bind(token_hash)
        .bind(staff_ref)
        .bind(now)
        .bind(expires)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses a companion link once, binding it to the session that used it; the reservation, or
/// `None` when the link is unknown, used or expired (one conditional update, so two
/// browsers racing for one link cannot both win).
pub async fn redeem_guest(db: &Db, token_hash: &str, session_hash: &str, now: DateTime<Utc>) -> Result<Option<i64>> {
    const SQL: &str = "UPDATE room_guests SET used_at = $3, session_hash = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $3 RETURNING reservation_id";
    let row: Option<(i64,)> = crate::write!(db, |c| sqlx::query_as(SQL)
        .bind(token_hash)
        .bind(session_hash)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|(id,)| id))
}

/// Whether this session used a companion link of this reservation.
pub async fn is_guest(db: &Db, reservation_id: i64, session_hash: &str) -> Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM room_guests WHERE reservation_id = $1 AND session_hash = $2";
    let (n,): (i64,) = read!(db, |c| sqlx::query_as(SQL)
        .bind(reservation_id)
        .bind(session_hash)
        .fetch_one(c)
        .await)?;
    Ok(n > 0)
}

/// What the room records, in `reservation_events.state`.
pub const EVENTS: [&str; 5] = [
    "room_waiting",
    "room_joined",
    "room_left",
    "room_rejoined",
    "room_ended",
];

/// Writes one room event with the server's time.
pub async fn event(db: &Db, id: i64, kind: &str, actor: &str, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor) VALUES ($1, $2, $3, $4)";
    crate::write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .bind(kind)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// `event` in the caller's transaction (Zoom's `participant_left`, issue 15).
pub async fn event_in(tx: &mut crate::Tx, id: i64, kind: &str, actor: &str, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor) VALUES ($1, $2, $3, $4)";
    in_tx!(&mut *tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .bind(kind)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// BK-11: the job seeker is in the room with a connected peer. The first time this sets
/// `joined_at` (as staff's "joined" does) with a `room_joined` event; later, after a
/// `room_left`, it is a `room_rejoined`. Returns the event written, if any.
pub async fn joined(db: &Db, id: i64, actor: &str, now: DateTime<Utc>) -> Result<Option<&'static str>> {
    let mut tx = db.begin().await?;
    let kind = joined_in(&mut tx, id, actor, now).await?;
    tx.commit().await?;
    Ok(kind)
}

/// `joined` in the caller's transaction (also Zoom's `participant_joined`, issue 15).
pub async fn joined_in(tx: &mut crate::Tx, id: i64, actor: &str, now: DateTime<Utc>) -> Result<Option<&'static str>> {
    const JOIN: &str = "UPDATE reservations SET joined_at = $2
        WHERE id = $1 AND joined_at IS NULL AND state IN ('confirmed', 'attended')";
    const LAST: &str = "SELECT state FROM reservation_events
        WHERE reservation_id = $1 AND state IN ('room_joined', 'room_left', 'room_rejoined') ORDER BY id DESC LIMIT 1";
    const EVENT: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor) VALUES ($1, $2, $3, $4)";
    let first = in_tx!(&mut *tx, |c| sqlx::query(JOIN)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?
        == 1;
    let last: Option<(String,)> = in_tx!(&mut *tx, |c| sqlx::query_as(LAST).bind(id).fetch_optional(c).await)?;
    let kind = match (first, last.as_ref().map(|(s,)| s.as_str())) {
        (true, _) | (false, None) => "room_joined",
        (false, Some("room_left")) => "room_rejoined",
        // Already in the room (a second peer of the same person): nothing new happened.
        (false, Some(_)) => return Ok(None),
    };
    in_tx!(&mut *tx, |c| sqlx::query(EVENT)
        .bind(id)
        .bind(now)
        .bind(kind)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(Some(kind))
}

/// The room events of a reservation in order: (time, kind, actor).
pub async fn events(db: &Db, id: i64) -> Result<Vec<(DateTime<Utc>, String, String)>> {
    const SQL: &str = "SELECT at, state, actor FROM reservation_events
        WHERE reservation_id = $1 AND state LIKE 'room_%' ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_all(c).await)?)
}

/// The day page's live column: the latest room event of each of an office's reservations
/// on `day` that has one: (reservation, kind).
pub async fn latest_on_day(db: &Db, office: &str, day: NaiveDate) -> Result<Vec<(i64, String)>> {
    const SQL: &str = "SELECT e.reservation_id, e.state FROM reservation_events e
        JOIN reservations r ON r.id = e.reservation_id
        WHERE r.office_code = $1 AND r.local_date = $2 AND e.id = (SELECT MAX(x.id) FROM reservation_events x
          WHERE x.reservation_id = e.reservation_id AND x.state LIKE 'room_%')";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(day)
        .fetch_all(c)
        .await)?)
}

/// After the counsellor ends a joined consultation it took place (BK-16): confirmed →
/// attended, with the event, in one transaction with `room_ended`. `false` if it was not
/// confirmed (e.g. staff had already recorded it).
pub async fn end(db: &Db, id: i64, actor: &str, now: DateTime<Utc>) -> Result<bool> {
    let mut tx = db.begin().await?;
    let attended = end_in(&mut tx, id, actor, now).await?;
    tx.commit().await?;
    Ok(attended)
}

/// `end` in the caller's transaction (also Zoom's `meeting.ended`, issue 15).
pub async fn end_in(tx: &mut crate::Tx, id: i64, actor: &str, now: DateTime<Utc>) -> Result<bool> {
    const ATTENDED: &str = "UPDATE reservations SET state = 'attended', state_changed_at = $2, state_actor = $3
        WHERE id = $1 AND state = 'confirmed' AND joined_at IS NOT NULL";
    const EVENT: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor) VALUES ($1, $2, $3, $4)";
    let n = in_tx!(&mut *tx, |c| sqlx::query(ATTENDED)
        .bind(id)
        .bind(now)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    for kind in (if n == 1 {
        &["attended", "room_ended"][..]
    } else {
        &["room_ended"][..]
    })
    .iter()
    {
        in_tx!(&mut *tx, |c| sqlx::query(EVENT)
            .bind(id)
            .bind(now)
            .bind(*kind)
            .bind(actor)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(n == 1)
}
