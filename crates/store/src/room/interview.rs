//! An interview's built-in room (IV-3): the interview seen as a room (`RoomRow`, so the
//! consultation room's phases, grace and signalling apply unchanged), companions' single-use
//! links, the job seeker's checklist, and attendance recorded by each side itself as
//! `interview_events` room_joined / room_left / room_rejoined / room_ended with the actor
//! (`seeker`, `employer:1`, `employer:2`, `staff:ID`) and the first join of each side in
//! `interviews.seeker_joined_at` / `employer_joined_at`.

use chrono::{DateTime, Utc};

use super::RoomRow;
use crate::{Db, Result, in_tx, read, write};

/// The interview's room and whether a counsellor attends (who admits from the waiting room).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InterviewRoom {
    #[sqlx(flatten)]
    pub room: RoomRow,
    pub counsellor_attends: bool,
    pub employer_joined_at: Option<DateTime<Utc>>,
}

/// An accepted interview reads as a confirmed reservation; any other state is kept as is
/// (`proposed`, `declined`, `cancelled_by_*`), which the room treats as not open.
pub async fn room(db: &Db, id: i64) -> Result<Option<InterviewRoom>> {
    const SQL: &str = "SELECT i.id, i.user_ref, i.office_code,
        CASE i.state WHEN 'accepted' THEN 'confirmed' ELSE i.state END AS state, i.app, i.starts_at, i.ends_at,
        COALESCE(u.name, '') AS verify_name, '' AS verify_number, '' AS companion,
        i.seeker_joined_at AS joined_at, i.checklist_at,
        (SELECT MAX(e.at) FROM interview_events e WHERE e.interview_id = i.id AND e.kind = 'room_ended') AS ended_at,
        o.room_grace_minutes AS grace_minutes, i.counsellor_attends, i.employer_joined_at
        FROM interviews i LEFT JOIN users u ON u.id = i.user_ref LEFT JOIN offices o ON o.code = i.office_code
        WHERE i.id = $1";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// BK-14 for an interview: the job seeker confirmed the checklist (the first time counts).
pub async fn confirm_checklist(db: &Db, id: i64, user_ref: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE interviews SET checklist_at = COALESCE(checklist_at, $3) WHERE id = $1 AND user_ref = $2";
    let n = write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(user_ref)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// A companion's single-use link for an interview room, stored by hash.
pub async fn issue_guest(
    db: &Db,
    interview_id: i64,
    token_hash: &str,
    staff_ref: i64,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<()> {
    const SQL: &str = "INSERT INTO interview_guests (interview_id, token_hash, issued_by, issued_at, expires_at)
        VALUES ($1, $2, $3, $4, $5)";
    write!(db, |c| sqlx::query(SQL)
        .bind(interview_id)
        .bind(token_hash)
        .bind(staff_ref)
        .bind(now)
        .bind(expires)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Uses a companion link once for a session (one conditional update); the interview, or
/// `None` when the link is unknown, used or expired.
pub async fn redeem_guest(db: &Db, token_hash: &str, session_hash: &str, now: DateTime<Utc>) -> Result<Option<i64>> {
    const SQL: &str = "UPDATE interview_guests SET used_at = $3, session_hash = $2
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $3 RETURNING interview_id";
    let row: Option<(i64,)> = write!(db, |c| sqlx::query_as(SQL)
        .bind(token_hash)
        .bind(session_hash)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    Ok(row.map(|(id,)| id))
}

/// Whether this session used a companion link of this interview.
pub async fn is_guest(db: &Db, interview_id: i64, session_hash: &str) -> Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM interview_guests WHERE interview_id = $1 AND session_hash = $2";
    let (n,): (i64,) = read!(db, |c| sqlx::query_as(SQL)
        .bind(interview_id)
        .bind(session_hash)
        .fetch_one(c)
        .await)?;
    Ok(n > 0)
}

/// Which side's first join an attendance sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Seeker,
    Employer,
    /// Staff and companions: events only.
    Other,
}

/// IV-3: `actor` is in the room with a connected peer. Its side's first join sets the
/// side's column; the event is `room_joined`, or `room_rejoined` after this actor's
/// `room_left`; `None` when this actor is already in (a second peer of the same person).
pub async fn joined(db: &Db, id: i64, side: Side, actor: &str, now: DateTime<Utc>) -> Result<Option<&'static str>> {
    const SEEKER: &str = "UPDATE interviews SET seeker_joined_at = $2 WHERE id = $1 AND seeker_joined_at IS NULL";
    const EMPLOYER: &str = "UPDATE interviews SET employer_joined_at = $2 WHERE id = $1 AND employer_joined_at IS NULL";
    const LAST: &str = "SELECT kind FROM interview_events WHERE interview_id = $1 AND actor = $2
        AND kind IN ('room_joined', 'room_left', 'room_rejoined') ORDER BY id DESC LIMIT 1";
    let mut tx = db.begin().await?;
    let column = match side {
        Side::Seeker => Some(SEEKER),
        Side::Employer => Some(EMPLOYER),
        Side::Other => None,
    };
    if let Some(sql) = column {
        in_tx!(&mut tx, |c| sqlx::query(sql)
            .bind(id)
            .bind(now)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    let last: Option<(String,)> = in_tx!(&mut tx, |c| sqlx::query_as(LAST)
        .bind(id)
        .bind(actor)
        .fetch_optional(c)
        .await)?;
    let kind = match last.as_ref().map(|(k,)| k.as_str()) {
        None => "room_joined",
        Some("room_left") => "room_rejoined",
        Some(_) => return Ok(None),
    };
    crate::interviews::event(&mut tx, id, kind, actor, "", now).await?;
    tx.commit().await?;
    Ok(Some(kind))
}

/// One room event of an interview (the counsellor ending it: `room_ended`).
pub async fn event(db: &Db, id: i64, kind: &str, actor: &str, now: DateTime<Utc>) -> Result<()> {
    let mut tx = db.begin().await?;
    crate::interviews::event(&mut tx, id, kind, actor, "", now).await?;
    tx.commit().await?;
    Ok(())
}

/// `actor` left the room: a `room_left`, only if their last word was a join (someone who
/// waited and went leaves no trace). Returns whether it was written.
pub async fn left(db: &Db, id: i64, actor: &str, now: DateTime<Utc>) -> Result<bool> {
    const LAST: &str = "SELECT kind FROM interview_events WHERE interview_id = $1 AND actor = $2
        AND kind IN ('room_joined', 'room_left', 'room_rejoined') ORDER BY id DESC LIMIT 1";
    let mut tx = db.begin().await?;
    let last: Option<(String,)> = in_tx!(&mut tx, |c| sqlx::query_as(LAST)
        .bind(id)
        .bind(actor)
        .fetch_optional(c)
        .await)?;
    let inside = matches!(
        last.as_ref().map(|(k,)| k.as_str()),
        Some("room_joined" | "room_rejoined")
    );
    if inside {
        crate::interviews::event(&mut tx, id, "room_left", actor, "", now).await?;
    }
    tx.commit().await?;
    Ok(inside)
}
