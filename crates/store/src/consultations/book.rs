//! The booking write (rules BK-4, BK-5): a seat, the reservation, its first event and the
//! confirmation, in one statement per backend. Capacity is a conditional `UPDATE`; one
//! consultation per day is the partial unique index `reservations_one_per_day` over
//! (user, day, day_seat), where seat 2 exists only under a staff override (N12-2-1).

use chrono::{DateTime, Utc};
use sqlx::{Execute, Row};

use crate::{Db, Result, StoreError, Tx, in_tx, read};

/// What a reservation records beyond the slot (BK-6).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Details {
    pub topic: String,
    pub verify_name: String,
    pub verify_number: String,
    pub companion: String,
}

/// The outcome of a booking attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booked {
    Confirmed(i64),
    /// BK-5: no seat left (or the slot is gone).
    SlotFull,
    /// BK-4: the user already has a consultation that day (two, with an override).
    DailyLimit,
}

/// A message to the user written with the change that causes it (NO-1, NO-2, NO-3).
#[derive(Debug, Clone)]
pub struct Notice {
    pub mail: crate::mail::outbox::NewMail,
    pub inbox_subject: String,
    pub inbox_body: String,
}

// Take a seat (conditional update; never on a withdrawn slot, a day the office has closed or
// a slot overlapping hours it closed, TM-3), insert the reservation (the partial unique index refuses a second one that day), its
// first event, and the confirmation mail and inbox entry. Each backend does it in as few round
// trips as it can, because on the booking path the writer is the bottleneck: PostgreSQL in
// one statement (data-modifying CTEs, atomic on their own); SQLite in one multi-statement call
// inside a transaction, each statement running only if the one before it changed a row
// (`changes()`).
// The day seat is 2 only when the user holds seat 1 that day and staff allowed a second
// (`day_overrides`); the schema refuses seat 2 without that row, whatever this SQL says.
// Parameters: $1 slot, $2 user, $3 topic, $4 verify_name, $5 verify_number, $6 companion,
// $7 now, $8 actor, $9 the calendar UID (NO-4; empty: none); with a notice also $10
// recipient, $11 subject, $12 body_text, $13 body_html, $14–$16 attachment name, type and
// body, $17 inbox subject, $18 inbox body.
const PG_TAKE: &str = "WITH take AS (UPDATE slots SET booked = booked + 1
      WHERE id = $1 AND booked < capacity AND removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM office_closures oc
        WHERE oc.office_code = slots.office_code AND oc.day = slots.local_date AND (oc.closed_from IS NULL
          OR (oc.closed_from < slots.ends_at AND oc.closed_until > slots.starts_at))) RETURNING office_code, local_date, starts_at),
    ins AS (INSERT INTO reservations (slot_id, user_ref, office_code, local_date, starts_at, state, topic, verify_name,
      verify_number, companion, created_at, state_changed_at, state_actor, day_seat, override_day, calendar_uid)
      SELECT $1, $2, office_code, local_date, starts_at, 'confirmed', $3, $4, $5, $6, $7, $7, $8, seat.n,
        CASE WHEN seat.n = 2 THEN local_date END, NULLIF($9, '')
      FROM take CROSS JOIN LATERAL (SELECT CASE WHEN EXISTS (SELECT 1 FROM day_overrides o
          WHERE o.user_ref = $2 AND o.local_date = take.local_date)
        AND EXISTS (SELECT 1 FROM reservations r WHERE r.user_ref = $2 AND r.local_date = take.local_date
          AND r.day_seat = 1 AND r.state IN ('requested', 'confirmed', 'attended', 'no_show'))
        THEN 2 ELSE 1 END AS n) seat RETURNING id),
    ev AS (INSERT INTO reservation_events (reservation_id, at, state, actor) SELECT id, $7, 'confirmed', $8 FROM ins)";
const PG_TELL: &str = ",
    ob AS (INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, next_attempt_at,
      attachment_name, attachment_type, attachment_body) SELECT $10, $11, $12, $13, $7, $7, $14, $15, $16 FROM ins),
    ib AS (INSERT INTO inbox (user_ref, subject, body, created_at) SELECT $2, $17, $18, $7 FROM ins)";
const SQLITE_TAKE: &str =
    "UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity AND removed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM office_closures oc WHERE oc.office_code = slots.office_code
        AND oc.day = slots.local_date AND (oc.closed_from IS NULL
          OR (oc.closed_from < slots.ends_at AND oc.closed_until > slots.starts_at)));
    INSERT INTO reservations (slot_id, user_ref, office_code, local_date, starts_at, state, topic, verify_name, verify_number,
      companion, created_at, state_changed_at, state_actor, calendar_uid, day_seat)
      SELECT id, $2, office_code, local_date, starts_at, 'confirmed', $3, $4, $5, $6, $7, $7, $8, NULLIF($9, ''),
        CASE WHEN EXISTS (SELECT 1 FROM day_overrides o WHERE o.user_ref = $2 AND o.local_date = slots.local_date)
          AND EXISTS (SELECT 1 FROM reservations r WHERE r.user_ref = $2 AND r.local_date = slots.local_date
            AND r.day_seat = 1 AND r.state IN ('requested', 'confirmed', 'attended', 'no_show'))
        THEN 2 ELSE 1 END
      FROM slots WHERE id = $1 AND changes() = 1 RETURNING id;
    INSERT INTO reservation_events (reservation_id, at, state, actor)
      SELECT last_insert_rowid(), $7, 'confirmed', $8 WHERE changes() = 1;";
const SQLITE_TELL: &str = "
    INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, next_attempt_at, attachment_name,
      attachment_type, attachment_body) SELECT $10, $11, $12, $13, $7, $7, $14, $15, $16 WHERE changes() = 1;
    INSERT INTO inbox (user_ref, subject, body, created_at) SELECT $2, $17, $18, $7 WHERE changes() = 1;";

/// Binds the booking's parameters (see above) to a query of either backend.
macro_rules! bind_booking {
    ($q:expr, $slot:expr, $user:expr, $d:expr, $now:expr, $actor:expr, $uid:expr, $notice:expr) => {{
        let q = $q
            .bind($slot)
            .bind($user)
            .bind(&$d.topic)
            .bind(&$d.verify_name)
            .bind(&$d.verify_number)
            .bind(&$d.companion)
            .bind($now)
            .bind($actor)
            .bind($uid);
        match $notice {
            None => q,
            Some(n) => {
                let a = n.mail.attachment.as_ref();
                q.bind(&n.mail.recipient)
                    .bind(&n.mail.subject)
                    .bind(&n.mail.body_text)
                    .bind(&n.mail.body_html)
                    .bind(a.map(|a| a.name.as_str()))
                    .bind(a.map(|a| a.content_type.as_str()))
                    .bind(a.map(|a| a.body.as_str()))
                    .bind(&n.inbox_subject)
                    .bind(&n.inbox_body)
            }
        }
    }};
}

fn pg_sql(notice: Option<&Notice>) -> String {
    let tell = if notice.is_some() { PG_TELL } else { "" };
    format!("{PG_TAKE}{tell} SELECT id FROM ins")
}

fn sqlite_sql(notice: Option<&Notice>) -> String {
    if notice.is_some() {
        format!("{SQLITE_TAKE}{SQLITE_TELL}")
    } else {
        SQLITE_TAKE.to_owned()
    }
}

fn outcome(inserted: Result<Vec<(i64,)>>) -> Result<Booked> {
    match inserted {
        Ok(rows) => Ok(rows.first().map_or(Booked::SlotFull, |(id,)| Booked::Confirmed(*id))),
        Err(e) if e.is_unique_violation() => Ok(Booked::DailyLimit),
        Err(e) => Err(e),
    }
}

/// Takes a seat and records the reservation as confirmed, atomically, with its notice. Its
/// calendar entries are named by its id (see `book_as`).
pub async fn book(
    db: &Db,
    slot_id: i64,
    user_ref: i64,
    d: &Details,
    now: DateTime<Utc>,
    actor: &str,
    notice: Option<&Notice>,
) -> Result<Booked> {
    book_as(db, slot_id, user_ref, d, now, actor, "", notice).await
}

/// As `book`, with `calendar_uid`: the UID its calendar entries carry for ever, the one the
/// notice's `.ics` already names (NO-4; empty: the reservation's id names it, see
/// `reservations::ReservationRow::calendar_uid`).
#[allow(clippy::too_many_arguments)] // the slot, who books, what, when, and what they are told
pub async fn book_as(
    db: &Db,
    slot_id: i64,
    user_ref: i64,
    d: &Details,
    now: DateTime<Utc>,
    actor: &str,
    calendar_uid: &str,
    notice: Option<&Notice>,
) -> Result<Booked> {
    let first = book_once(db, slot_id, user_ref, d, now, actor, calendar_uid, notice).await?;
    // Racing bookings of one person may all have chosen seat 1; a loser learns only when the
    // winner commits, so with an override it chooses again, once, and may take seat 2.
    if first == Booked::DailyLimit && override_for_slot(db, slot_id, user_ref).await? {
        return book_once(db, slot_id, user_ref, d, now, actor, calendar_uid, notice).await;
    }
    Ok(first)
}

#[allow(clippy::too_many_arguments)]
async fn book_once(
    db: &Db,
    slot_id: i64,
    user_ref: i64,
    d: &Details,
    now: DateTime<Utc>,
    actor: &str,
    calendar_uid: &str,
    notice: Option<&Notice>,
) -> Result<Booked> {
    let inserted = match db {
        Db::Postgres(p) => {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(pg_sql(notice)));
            bind_booking!(q, slot_id, user_ref, d, now, actor, calendar_uid, notice)
                .fetch_all(p)
                .await
                .map_err(StoreError::from)
        }
        Db::Sqlite(s) => {
            // Group commit: bookings queued behind the writer share its next transaction,
            // each in its own savepoint, and are answered after the commit (`writer`).
            let mut q = bind_booking!(
                sqlx::query::<sqlx::Sqlite>(""),
                slot_id,
                user_ref,
                d,
                now,
                actor,
                calendar_uid,
                notice
            );
            let args = q
                .take_arguments()
                .map_err(|e| StoreError::from(sqlx::Error::Encode(e)))?
                .unwrap_or_default();
            s.batches.write(sqlite_sql(notice), args).await.and_then(|rows| {
                let ids = rows.iter().map(|r| r.try_get::<i64, _>(0).map(|id| (id,)));
                ids.collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(StoreError::from)
            })
        }
    };
    outcome(inserted)
}

/// The same write inside the caller's transaction. After `DailyLimit` the transaction is
/// spoilt on PostgreSQL (the failed statement aborted it): the caller must drop it.
#[allow(clippy::too_many_arguments)]
pub async fn book_in(
    tx: &mut Tx,
    slot_id: i64,
    user_ref: i64,
    d: &Details,
    now: DateTime<Utc>,
    actor: &str,
    calendar_uid: &str,
    notice: Option<&Notice>,
) -> Result<Booked> {
    let inserted = match tx {
        Tx::Postgres(t) => {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(pg_sql(notice)));
            bind_booking!(q, slot_id, user_ref, d, now, actor, calendar_uid, notice)
                .fetch_all(&mut **t)
                .await
                .map_err(StoreError::from)
        }
        Tx::Sqlite(t) => {
            let q = sqlx::query_as(sqlx::AssertSqlSafe(sqlite_sql(notice)));
            bind_booking!(q, slot_id, user_ref, d, now, actor, calendar_uid, notice)
                .fetch_all(&mut **t)
                .await
                .map_err(StoreError::from)
        }
    };
    outcome(inserted)
}

/// N12-2-1: whether staff allowed this user a second consultation on the slot's day.
pub async fn override_for_slot(db: &Db, slot_id: i64, user_ref: i64) -> Result<bool> {
    const SQL: &str = "SELECT COUNT(*) FROM day_overrides o JOIN slots s ON s.local_date = o.local_date
        WHERE s.id = $1 AND o.user_ref = $2";
    let (n,): (i64,) = read!(db, |c| sqlx::query_as(SQL)
        .bind(slot_id)
        .bind(user_ref)
        .fetch_one(c)
        .await)?;
    Ok(n > 0)
}

/// N12-2-1: staff allow `user_ref` a second consultation on `day`; `false` if already allowed.
pub async fn allow_second(
    tx: &mut Tx,
    user_ref: i64,
    day: chrono::NaiveDate,
    reason: &str,
    staff_ref: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    const SQL: &str = "INSERT INTO day_overrides (user_ref, local_date, reason, granted_by, granted_at)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_ref, local_date) DO NOTHING";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(day)
        .bind(reason)
        .bind(staff_ref)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// The days on which `user_ref` may have a second consultation, from `from` on.
pub async fn second_days(db: &Db, user_ref: i64, from: chrono::NaiveDate) -> Result<Vec<chrono::NaiveDate>> {
    const SQL: &str =
        "SELECT local_date FROM day_overrides WHERE user_ref = $1 AND local_date >= $2 ORDER BY local_date";
    let rows: Vec<(chrono::NaiveDate,)> =
        read!(db, |c| sqlx::query_as(SQL).bind(user_ref).bind(from).fetch_all(c).await)?;
    Ok(rows.into_iter().map(|(d,)| d).collect())
}
