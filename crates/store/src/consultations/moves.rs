//! Moving a reservation to another slot (rule BK-17, N12-2-4) in one transaction: the new
//! seat is taken by the same conditional update as a booking (BK-5), the reservation row
//! itself moves (so it keeps its id, its history and the one-per-day index entry, BK-4,
//! judged as if the old booking were gone), the old seat is freed, and an event names the
//! slot it left. The person's notice is written in the same transaction (NO-1, NO-3).
//!
//! Lock order: the reservation's row first (as a cancellation takes it), then both slots in
//! id order (PostgreSQL), so a move racing a cancellation of the same reservation waits
//! for it, and two people swapping slots never wait for each other.

use chrono::{DateTime, NaiveDate, Utc};

use super::book::Notice;
use crate::{Db, Result, StoreError, Tx, in_tx};

/// A move as the use case checked it: the reservation as it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub reservation_id: i64,
    pub user_ref: i64,
    pub from_slot: i64,
    pub to_slot: i64,
    /// The calendar sequence read with it: a change in between refuses the move.
    pub seen_sequence: i32,
}

/// What became of a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Moved,
    /// BK-5: no free seat in the new slot (or it is withdrawn, or its day closed).
    SlotFull,
    /// BK-4: the person already has a consultation on the new slot's day.
    DailyLimit,
    /// The reservation is no longer confirmed on the slot it was read with (cancelled or
    /// moved meanwhile); nothing changed.
    Changed,
}

// $1 reservation, $2 user, $3 old slot, $4 the sequence that was read.
const HOLD: &str = "UPDATE reservations SET state_changed_at = state_changed_at
    WHERE id = $1 AND user_ref = $2 AND state = 'confirmed' AND slot_id = $3 AND calendar_sequence = $4
    RETURNING id";
const LOCK_SLOTS: &str = "SELECT id FROM slots WHERE id IN ($1, $2) ORDER BY id FOR UPDATE";
const TAKE: &str = "UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity AND removed_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM office_closures oc WHERE oc.office_code = slots.office_code
      AND oc.day = slots.local_date AND (oc.closed_from IS NULL
        OR (oc.closed_from < slots.ends_at AND oc.closed_until > slots.starts_at)))
    RETURNING local_date";
// The day seat on the new day, as the booking chooses it: 2 only where staff allowed a second
// consultation that day and the person holds seat 1 there with another reservation.
// $1 reservation, $2 new slot, $3 new day, $4 user.
const SEAT: &str = "(CASE WHEN EXISTS (SELECT 1 FROM day_overrides o WHERE o.user_ref = $4 AND o.local_date = $3)
      AND EXISTS (SELECT 1 FROM reservations other WHERE other.user_ref = $4 AND other.local_date = $3
        AND other.id <> $1 AND other.day_seat = 1 AND other.state IN ('requested', 'confirmed', 'attended', 'no_show'))
    THEN 2 ELSE 1 END)";
// The new slot's start, copied as stored (the statistics and the no-show sweep read it).
const START: &str = "(SELECT starts_at FROM slots WHERE id = $2)";
const FREE: &str = "UPDATE slots SET booked = booked - 1 WHERE id = $1 AND booked > 0";
// Meeting details belong to the app they were made for: a move to a slot of another app
// drops them (the new app's are made again, by hand or by the Zoom job). $1 reservation,
// $2 the new slot.
const DROP_OTHER_APPS: &str = "DELETE FROM meeting_details WHERE reservation_id = $1
    AND app <> (SELECT app FROM slots WHERE id = $2)";
// A reservation moved back to a Zoom slot after its meeting was deleted gets one again: its
// closed row starts over. $1 reservation, $2 the new slot, $3 now.
const REOPEN_ZOOM: &str = "UPDATE zoom_meetings SET deleted_at = NULL, meeting_id = NULL, synced_sequence = NULL,
    attempts = 0, gave_up_at = NULL, last_error = '', locked_until = NULL, next_attempt_at = $3
    WHERE reservation_id = $1 AND deleted_at IS NOT NULL AND (SELECT app FROM slots WHERE id = $2) = 'zoom'";
const EVENT: &str = "INSERT INTO reservation_events (reservation_id, at, state, actor, note, from_slot_id)
    VALUES ($1, $2, 'confirmed', $3, 'moved', $4)";

fn move_sql(db: &Db) -> String {
    match db {
        // PostgreSQL ties seat 2 to its day with `override_day` (a CHECK and a foreign key).
        Db::Postgres(_) => format!(
            "UPDATE reservations SET slot_id = $2, local_date = $3, starts_at = {START}, day_seat = {SEAT},
               override_day = CASE WHEN {SEAT} = 2 THEN $3 END, calendar_sequence = calendar_sequence + 1
             WHERE id = $1"
        ),
        Db::Sqlite(_) => format!(
            "UPDATE reservations SET slot_id = $2, local_date = $3, starts_at = {START}, day_seat = {SEAT},
               calendar_sequence = calendar_sequence + 1 WHERE id = $1"
        ),
    }
}

/// Moves the reservation, or says why not; on any refusal nothing is written.
pub async fn move_to(db: &Db, m: &Move, now: DateTime<Utc>, actor: &str, notice: Option<&Notice>) -> Result<Moved> {
    // A deadlock with a writer that takes slots before reservations (closing a day) is
    // broken by PostgreSQL aborting one side: that side tries again.
    let mut attempt = 0;
    loop {
        match move_once(db, m, now, actor, notice).await {
            Err(e) if attempt < 3 && retryable(&e) => attempt += 1,
            other => return other,
        }
    }
}

/// PostgreSQL's deadlock and serialization failures (class 40): the transaction did nothing.
fn retryable(e: &StoreError) -> bool {
    matches!(e, StoreError::Sql(sqlx::Error::Database(d))
        if d.code().is_some_and(|c| c == "40P01" || c == "40001"))
}

async fn move_once(db: &Db, m: &Move, now: DateTime<Utc>, actor: &str, notice: Option<&Notice>) -> Result<Moved> {
    let mut tx = db.begin().await?;
    let held: Option<(i64,)> = in_tx!(&mut tx, |c| sqlx::query_as(HOLD)
        .bind(m.reservation_id)
        .bind(m.user_ref)
        .bind(m.from_slot)
        .bind(m.seen_sequence)
        .fetch_optional(c)
        .await)?;
    if held.is_none() {
        return Ok(Moved::Changed);
    }
    if let Tx::Postgres(t) = &mut tx {
        sqlx::query(LOCK_SLOTS)
            .bind(m.from_slot)
            .bind(m.to_slot)
            .fetch_all(&mut **t)
            .await?;
    }
    let took: Option<(NaiveDate,)> = in_tx!(&mut tx, |c| sqlx::query_as(TAKE)
        .bind(m.to_slot)
        .fetch_optional(c)
        .await)?;
    let Some((day,)) = took else {
        return Ok(Moved::SlotFull);
    };
    let sql = move_sql(db);
    let moved = in_tx!(&mut tx, |c| sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(m.reservation_id)
        .bind(m.to_slot)
        .bind(day)
        .bind(m.user_ref)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
    .map_err(StoreError::from);
    match moved {
        Ok(1) => {}
        // The one-per-day index refused the new day; dropping the transaction gives the
        // seat back (on PostgreSQL the failed statement has spoilt it anyway).
        Err(e) if e.is_unique_violation() => return Ok(Moved::DailyLimit),
        Err(e) => return Err(e),
        Ok(_) => return Ok(Moved::Changed),
    }
    in_tx!(&mut tx, |c| {
        sqlx::query(FREE).bind(m.from_slot).execute(&mut *c).await?;
        sqlx::query(DROP_OTHER_APPS)
            .bind(m.reservation_id)
            .bind(m.to_slot)
            .execute(&mut *c)
            .await?;
        sqlx::query(REOPEN_ZOOM)
            .bind(m.reservation_id)
            .bind(m.to_slot)
            .bind(now)
            .execute(&mut *c)
            .await?;
        sqlx::query(EVENT)
            .bind(m.reservation_id)
            .bind(now)
            .bind(actor)
            .bind(m.from_slot)
            .execute(&mut *c)
            .await?;
    });
    super::reservations::tell(&mut tx, m.user_ref, notice, now).await?;
    tx.commit().await?;
    Ok(Moved::Moved)
}

/// BK-16, BK-17: the slots a reservation has left, oldest first: when it left each, the
/// slot, and when that slot started.
pub async fn moves(db: &Db, reservation_id: i64) -> Result<Vec<(DateTime<Utc>, i64, DateTime<Utc>)>> {
    const SQL: &str = "SELECT e.at, e.from_slot_id, s.starts_at FROM reservation_events e
        JOIN slots s ON s.id = e.from_slot_id WHERE e.reservation_id = $1 ORDER BY e.id";
    Ok(crate::read!(db, |c| sqlx::query_as(SQL)
        .bind(reservation_id)
        .fetch_all(c)
        .await)?)
}
