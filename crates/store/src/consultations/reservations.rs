//! Slots and reservations (rules BK-2, BK-4, BK-5, BK-10, BK-16). Capacity is taken with a
//! conditional `UPDATE … WHERE booked < capacity`, one-per-day is a partial unique index,
//! and both happen in one transaction with the reservation row (`book`): no read-then-write.

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSlot {
    pub office_code: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// The JST date of `starts_at`.
    pub local_date: NaiveDate,
    pub app: String,
    pub capacity: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SlotRow {
    pub id: i64,
    pub office_code: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub app: String,
    pub capacity: i32,
    pub booked: i32,
}

pub async fn add_slot(tx: &mut Tx, s: &NewSlot) -> Result<i64> {
    const SQL: &str = "INSERT INTO slots (office_code, starts_at, ends_at, local_date, app, capacity)
        VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
    let (id,): (i64,) = in_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(&s.office_code)
        .bind(s.starts_at)
        .bind(s.ends_at)
        .bind(s.local_date)
        .bind(&s.app)
        .bind(s.capacity)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

pub async fn slot(db: &Db, id: i64) -> Result<Option<SlotRow>> {
    const SQL: &str = "SELECT id, office_code, starts_at, ends_at, local_date, app, capacity, booked
        FROM slots WHERE id = $1 AND removed_at IS NULL";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// Slots with a free seat starting in `from..to`, in time order; none on a closed day or in
/// closed hours (TM-3), even if a slot row survived the closure.
pub async fn free_slots(db: &Db, office: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<SlotRow>> {
    const SQL: &str = "SELECT id, office_code, starts_at, ends_at, local_date, app, capacity, booked FROM slots
        WHERE office_code = $1 AND starts_at >= $2 AND starts_at < $3 AND removed_at IS NULL AND booked < capacity
          AND NOT EXISTS (SELECT 1 FROM office_closures oc WHERE oc.office_code = slots.office_code
            AND oc.day = slots.local_date AND (oc.closed_from IS NULL
              OR (oc.closed_from < slots.ends_at AND oc.closed_until > slots.starts_at)))
        ORDER BY starts_at, id";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(from)
        .bind(to)
        .fetch_all(c)
        .await)?)
}

/// An office's slots starting in `from..to`, full or not, in time order (the admin's view).
pub async fn office_slots(db: &Db, office: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<SlotRow>> {
    const SQL: &str = "SELECT id, office_code, starts_at, ends_at, local_date, app, capacity, booked FROM slots
        WHERE office_code = $1 AND starts_at >= $2 AND starts_at < $3 AND removed_at IS NULL ORDER BY starts_at, id";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(from)
        .bind(to)
        .fetch_all(c)
        .await)?)
}

/// BK-2: takes a slot off the calendar so nobody can book it any more; `false` if it was
/// already removed. Its reservations stay and are cancelled one by one by the caller.
pub async fn remove_slot(db: &Db, id: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE slots SET removed_at = $2 WHERE id = $1 AND removed_at IS NULL";
    let n = crate::write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The reservations holding a seat in a slot: (reservation id, user).
pub async fn active_on_slot(db: &Db, slot_id: i64) -> Result<Vec<(i64, i64)>> {
    const SQL: &str = "SELECT id, user_ref FROM reservations
        WHERE slot_id = $1 AND state IN ('requested', 'confirmed') ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(slot_id).fetch_all(c).await)?)
}

pub use super::book::{Booked, Details, Notice, book, book_as};

pub(crate) async fn tell(tx: &mut Tx, user_ref: i64, notice: Option<&Notice>, now: DateTime<Utc>) -> Result<()> {
    if let Some(n) = notice {
        crate::mail::outbox::enqueue(tx, &n.mail, now).await?;
        crate::mail::inbox::add(tx, user_ref, &n.inbox_subject, &n.inbox_body, now).await?;
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReservationRow {
    pub id: i64,
    pub slot_id: i64,
    pub user_ref: i64,
    pub office_code: String,
    pub local_date: NaiveDate,
    pub state: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub app: String,
    pub topic: String,
    /// NO-4: the UID of every calendar entry of this reservation, kept when it moves
    /// (BK-17): the one its confirmation carried, else one named by its id.
    pub calendar_uid: String,
    /// NO-4: raised by every move and by the cancellation, so a calendar takes the newest.
    pub calendar_sequence: i32,
}

/// The columns of a `ReservationRow`, over `reservations r JOIN slots s`.
macro_rules! reservation_select {
    ($rest:literal) => {
        concat!(
            "SELECT r.id, r.slot_id, r.user_ref, r.office_code, r.local_date, r.state, s.starts_at, s.ends_at, ",
            "s.app, r.topic, COALESCE(r.calendar_uid, 'reservation-' || r.id || '@madoguchi') AS calendar_uid, ",
            "r.calendar_sequence FROM reservations r JOIN slots s ON s.id = r.slot_id ",
            $rest
        )
    };
}

pub async fn reservation(db: &Db, id: i64) -> Result<Option<ReservationRow>> {
    const SQL: &str = reservation_select!("WHERE r.id = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

pub async fn for_user(db: &Db, user_ref: i64) -> Result<Vec<ReservationRow>> {
    const SQL: &str = reservation_select!("WHERE r.user_ref = $1 ORDER BY s.starts_at DESC, r.id DESC");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}

/// Cancels (BK-10) as a state change that frees the seat; `false` if it was not active.
/// Also writes `notice` (to its user) in the same transaction. The calendar sequence rises
/// (NO-4): the cancellation supersedes every entry sent before it.
pub async fn cancel(
    db: &Db,
    id: i64,
    state: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    notice: Option<(i64, &Notice)>,
) -> Result<bool> {
    cancel_where(db, id, None, state, now, actor, note, notice).await
}

/// As `cancel`, but only while the reservation is as it was read (its calendar sequence is
/// `seen`): a move that came in between (BK-17) makes it `false`, so the notice written
/// from the old reading (its time, its `.ics`) is never sent for the new one.
#[allow(clippy::too_many_arguments)] // `cancel`'s parts and what was seen
pub async fn cancel_as_seen(
    db: &Db,
    id: i64,
    seen: i32,
    state: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    notice: Option<(i64, &Notice)>,
) -> Result<bool> {
    cancel_where(db, id, Some(seen), state, now, actor, note, notice).await
}

#[allow(clippy::too_many_arguments)]
async fn cancel_where(
    db: &Db,
    id: i64,
    seen: Option<i32>,
    state: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    notice: Option<(i64, &Notice)>,
) -> Result<bool> {
    const CHANGE: &str = "UPDATE reservations SET state = $2, state_changed_at = $3, state_actor = $4,
        calendar_sequence = calendar_sequence + 1
        WHERE id = $1 AND state IN ('requested', 'confirmed') RETURNING slot_id";
    const CHANGE_SEEN: &str = "UPDATE reservations SET state = $2, state_changed_at = $3, state_actor = $4,
        calendar_sequence = calendar_sequence + 1
        WHERE id = $1 AND state IN ('requested', 'confirmed') AND calendar_sequence = $5 RETURNING slot_id";
    const FREE: &str = "UPDATE slots SET booked = booked - 1 WHERE id = $1 AND booked > 0";
    const EVENT: &str =
        "INSERT INTO reservation_events (reservation_id, at, state, actor, note) VALUES ($1, $2, $3, $4, $5)";
    let mut tx = db.begin().await?;
    let sql = if seen.is_some() { CHANGE_SEEN } else { CHANGE };
    let changed: Option<(i64,)> = in_tx!(&mut tx, |c| {
        let q = sqlx::query_as(sql).bind(id).bind(state).bind(now).bind(actor);
        match seen {
            Some(s) => q.bind(s).fetch_optional(c).await,
            None => q.fetch_optional(c).await,
        }
    })?;
    let Some((slot_id,)) = changed else {
        return Ok(false);
    };
    in_tx!(&mut tx, |c| {
        sqlx::query(FREE).bind(slot_id).execute(&mut *c).await?;
        sqlx::query(EVENT)
            .bind(id)
            .bind(now)
            .bind(state)
            .bind(actor)
            .bind(note)
            .execute(&mut *c)
            .await?;
    });
    if let Some((user_ref, n)) = notice {
        tell(&mut tx, user_ref, Some(n), now).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// Counts, for consistency checks: reservations that hold a seat, and slots over capacity.
pub async fn consistency(db: &Db) -> Result<(i64, i64)> {
    const OVER: &str = "SELECT COUNT(*) FROM slots s WHERE s.capacity < (SELECT COUNT(*) FROM reservations r
        WHERE r.slot_id = s.id AND r.state IN ('requested', 'confirmed', 'attended', 'no_show'))";
    // BK-4: more than one that day, or more than two where staff allowed a second.
    const DOUBLE: &str = "SELECT COUNT(*) FROM (SELECT user_ref, local_date FROM reservations r
        WHERE state IN ('requested', 'confirmed', 'attended', 'no_show') GROUP BY user_ref, local_date
        HAVING COUNT(*) > 1 + (SELECT COUNT(*) FROM day_overrides o
          WHERE o.user_ref = r.user_ref AND o.local_date = r.local_date)) d";
    let (over, double) = read!(db, |c| {
        let (o,): (i64,) = sqlx::query_as(OVER).fetch_one(c).await?;
        let (d,): (i64,) = sqlx::query_as(DOUBLE).fetch_one(c).await?;
        (o, d)
    });
    Ok((over, double))
}

/// BK-11: confirmed reservations that started at or before `started_before` and were not
/// joined become no-shows, each with a conditional update and its event. Returns them.
pub async fn mark_no_shows(db: &Db, started_before: DateTime<Utc>, now: DateTime<Utc>) -> Result<Vec<(i64, i64)>> {
    // `reservations_no_show_due`: the coming consultations only, not the whole history.
    // In its order: ordered by id alone, SQLite walks the table to skip a sort.
    const DUE: &str = "SELECT id, user_ref FROM reservations
        WHERE state = 'confirmed' AND joined_at IS NULL AND starts_at <= $1 ORDER BY starts_at, id";
    const MARK: &str = "UPDATE reservations SET state = 'no_show', state_changed_at = $2, state_actor = 'system'
        WHERE id = $1 AND state = 'confirmed' AND joined_at IS NULL";
    const EVENT: &str =
        "INSERT INTO reservation_events (reservation_id, at, state, actor) VALUES ($1, $2, 'no_show', 'system')";
    let due: Vec<(i64, i64)> = read!(db, |c| sqlx::query_as(DUE).bind(started_before).fetch_all(c).await)?;
    let mut marked = Vec::new();
    for (id, user) in due {
        let mut tx = db.begin().await?;
        let n = in_tx!(&mut tx, |c| sqlx::query(MARK)
            .bind(id)
            .bind(now)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        if n == 1 {
            in_tx!(&mut tx, |c| sqlx::query(EVENT)
                .bind(id)
                .bind(now)
                .execute(c)
                .await
                .map(|r| r.rows_affected()))?;
            tx.commit().await?;
            marked.push((id, user));
        }
    }
    Ok(marked)
}

/// BK-12, SE-4: the user's no-shows (consultations and seminars) since `since` that count
/// (after any lifted restriction).
pub async fn no_shows_since(db: &Db, user_ref: i64, since: DateTime<Utc>) -> Result<Vec<DateTime<Utc>>> {
    const SQL: &str = "SELECT s.starts_at FROM reservations r JOIN slots s ON s.id = r.slot_id
        JOIN users u ON u.id = r.user_ref
        WHERE r.user_ref = $1 AND r.state = 'no_show' AND s.starts_at > $2
          AND (u.restriction_lifted_at IS NULL OR s.starts_at > u.restriction_lifted_at)
        UNION ALL
        SELECT sm.starts_at FROM seminar_registrations sr JOIN seminars sm ON sm.id = sr.seminar_id
        JOIN users u ON u.id = sr.user_ref
        WHERE sr.user_ref = $1 AND sr.state = 'no_show' AND sm.starts_at > $2
          AND (u.restriction_lifted_at IS NULL OR sm.starts_at > u.restriction_lifted_at)";
    let rows: Vec<(DateTime<Utc>,)> = read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(since)
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(|(t,)| t).collect())
}

/// BK-11: the counsellor (or a meeting app) records that the user joined.
pub async fn mark_joined(db: &Db, id: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str =
        "UPDATE reservations SET joined_at = COALESCE(joined_at, $2) WHERE id = $1 AND state = 'confirmed'";
    let n = crate::write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
