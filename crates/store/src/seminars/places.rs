//! Places in a seminar: register or wait, end a place (a freed seat goes to the first
//! waiting in the same transaction), attendance, no-shows.

use chrono::{DateTime, Utc};

use super::*;
use crate::consultations::reservations::Notice;
use crate::{Db, Result, StoreError, Tx, in_tx, read};

/// Registers the user, or puts them on the waiting list when every seat is taken, with the
/// notice for whichever happens, in one transaction.
pub async fn register(
    db: &Db,
    seminar_id: i64,
    user_ref: i64,
    verify: (&str, &str),
    now: DateTime<Utc>,
    notices: (Option<&Notice>, Option<&Notice>),
) -> Result<Registered> {
    const SEAT: &str = "UPDATE seminars SET registered = registered + 1 WHERE id = $1 AND registered < capacity
        AND cancelled_at IS NULL AND suspended_at IS NULL AND cutoff_at > $2 RETURNING id";
    const PLACE: &str = "UPDATE seminars SET waitlisted = waitlisted + 1 WHERE id = $1 AND registered >= capacity
        AND waitlisted < waitlist_limit AND cancelled_at IS NULL AND suspended_at IS NULL AND cutoff_at > $2
        RETURNING id";
    const STATE: &str = "SELECT registered < capacity, cutoff_at > $2, cancelled_at IS NOT NULL,
        suspended_at IS NOT NULL FROM seminars WHERE id = $1";
    // A seat freed between the two updates sends the attempt round again; a few rounds
    // always settle it, since each one either takes something or sees it full.
    for _ in 0..5 {
        let mut tx = db.begin().await?;
        for (sql, state) in [(SEAT, "registered"), (PLACE, "waitlisted")] {
            let took: Option<(i64,)> = in_tx!(&mut tx, |c| sqlx::query_as(sql)
                .bind(seminar_id)
                .bind(now)
                .fetch_optional(c)
                .await)?;
            if took.is_none() {
                continue;
            }
            let id = match insert(&mut tx, seminar_id, user_ref, state, verify, now).await {
                Ok(id) => id,
                // Dropping the transaction gives the seat or place back.
                Err(e) if e.is_unique_violation() => return Ok(Registered::Already),
                Err(e) => return Err(e),
            };
            let notice = if state == "registered" { notices.0 } else { notices.1 };
            tell(&mut tx, user_ref, notice, now).await?;
            tx.commit().await?;
            return Ok(if state == "registered" {
                Registered::Registered(id)
            } else {
                Registered::Waitlisted(id)
            });
        }
        let state: Option<(bool, bool, bool, bool)> = in_tx!(&mut tx, |c| sqlx::query_as(STATE)
            .bind(seminar_id)
            .bind(now)
            .fetch_optional(c)
            .await)?;
        match state {
            None => return Ok(Registered::Closed),
            Some((_, _, true, _)) => return Ok(Registered::Cancelled),
            Some((_, _, _, true)) => return Ok(Registered::Suspended),
            Some((_, false, _, _)) => return Ok(Registered::Closed),
            Some((false, true, _, _)) => return Ok(Registered::Full),
            Some((true, true, _, _)) => {}
        }
    }
    Ok(Registered::Full)
}

async fn insert(
    tx: &mut Tx,
    seminar_id: i64,
    user_ref: i64,
    state: &str,
    verify: (&str, &str),
    now: DateTime<Utc>,
) -> Result<i64> {
    const SQL: &str = "INSERT INTO seminar_registrations (seminar_id, user_ref, state, verify_name, verify_number,
        created_at, state_changed_at, state_actor) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id";
    let actor = format!("user:{user_ref}");
    let (id,): (i64,) = in_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(seminar_id)
        .bind(user_ref)
        .bind(state)
        .bind(verify.0)
        .bind(verify.1)
        .bind(now)
        .bind(&actor)
        .fetch_one(c)
        .await)?;
    event(tx, id, state, now, &actor, "").await?;
    Ok(id)
}

pub(super) async fn event(
    tx: &mut Tx,
    id: i64,
    state: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
) -> Result<()> {
    const SQL: &str = "INSERT INTO seminar_registration_events (registration_id, at, state, actor, note)
        VALUES ($1, $2, $3, $4, $5)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .bind(state)
        .bind(actor)
        .bind(note)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub(super) async fn tell(tx: &mut Tx, user_ref: i64, notice: Option<&Notice>, now: DateTime<Utc>) -> Result<()> {
    if let Some(n) = notice {
        crate::mail::outbox::enqueue(tx, &n.mail, now).await?;
        crate::mail::inbox::add(tx, user_ref, &n.inbox_subject, &n.inbox_body, now).await?;
    }
    Ok(())
}

/// Moves the first waiting user of a seminar to a seat (SE-3), inside the caller's
/// transaction and under its seminar lock: the registration, its event, `counters` (the
/// caller's update of the seminar's counters) and the promoted user's notice. `None` if
/// nobody is waiting.
pub(super) async fn promote_first(
    tx: &mut Tx,
    seminar_id: i64,
    counters: &'static str,
    now: DateTime<Utc>,
    note: &str,
    promotion_notice: PromotionNotice<'_>,
) -> Result<Option<Promoted>> {
    const FIRST: &str = "SELECT r.id AS registration_id, r.user_ref, u.name, u.email, u.lang
        FROM seminar_registrations r JOIN users u ON u.id = r.user_ref
        WHERE r.seminar_id = $1 AND r.state = 'waitlisted' ORDER BY r.id LIMIT 1";
    const MOVE: &str = "UPDATE seminar_registrations SET state = 'registered', state_changed_at = $2,
        state_actor = 'system' WHERE id = $1 AND state = 'waitlisted'";
    let first: Option<Promoted> = in_tx!(&mut *tx, |c| sqlx::query_as(FIRST)
        .bind(seminar_id)
        .fetch_optional(c)
        .await)?;
    let Some(p) = first else {
        return Ok(None);
    };
    let moved = in_tx!(&mut *tx, |c| {
        let n = sqlx::query(MOVE)
            .bind(p.registration_id)
            .bind(now)
            .execute(&mut *c)
            .await?
            .rows_affected();
        sqlx::query(counters).bind(seminar_id).execute(&mut *c).await?;
        n
    });
    if moved != 1 {
        return Err(StoreError::Corrupt(
            "the waiting list changed under the seminar lock".into(),
        ));
    }
    event(tx, p.registration_id, "registered", now, "system", note).await?;
    tell(tx, p.user_ref, Some(&promotion_notice(&p)), now).await?;
    Ok(Some(p))
}

/// Ends a registration or waiting-list place (SE-4 cancellation by the user, SE-5 removal
/// by staff) as a state change with actor and note. A freed seat goes, before the cut-off,
/// to the first on the waiting list in the same transaction, who is told. `None` if the
/// registration was not live (or, with `owner`, not theirs).
#[allow(clippy::too_many_arguments)] // the parts of one state change, as in `schedule::transition`
pub async fn end(
    db: &Db,
    registration_id: i64,
    owner: Option<i64>,
    to: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    promotion_notice: PromotionNotice<'_>,
    ended_notice: Option<&Notice>,
) -> Result<Option<Option<Promoted>>> {
    let mut tx = db.begin().await?;
    let done = end_in(
        &mut tx,
        registration_id,
        owner,
        to,
        now,
        actor,
        note,
        promotion_notice,
        ended_notice,
    )
    .await?;
    if done.is_some() {
        tx.commit().await?;
    }
    Ok(done)
}

/// `end` inside the caller's transaction (which may add its audit row); on `None` the
/// caller drops it.
#[allow(clippy::too_many_arguments)] // the parts of one state change, as in `schedule::transition`
pub async fn end_in(
    tx: &mut Tx,
    registration_id: i64,
    owner: Option<i64>,
    to: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    promotion_notice: PromotionNotice<'_>,
    ended_notice: Option<&Notice>,
) -> Result<Option<Option<Promoted>>> {
    // A no-op update that takes the seminar's row: every change to this seminar waits here.
    const LOCK: &str = "UPDATE seminars SET registered = registered
        WHERE id = (SELECT seminar_id FROM seminar_registrations WHERE id = $1) RETURNING id, cutoff_at";
    const CURRENT: &str = "SELECT state, user_ref FROM seminar_registrations WHERE id = $1";
    const CHANGE: &str = "UPDATE seminar_registrations SET state = $2, state_changed_at = $3, state_actor = $4
        WHERE id = $1 AND state = $5";
    const LEAVE_LIST: &str = "UPDATE seminars SET waitlisted = waitlisted - 1 WHERE id = $1";
    const FREE_SEAT: &str = "UPDATE seminars SET registered = registered - 1 WHERE id = $1";
    let seminar: Option<(i64, DateTime<Utc>)> = in_tx!(&mut *tx, |c| sqlx::query_as(LOCK)
        .bind(registration_id)
        .fetch_optional(c)
        .await)?;
    let Some((seminar_id, cutoff_at)) = seminar else {
        return Ok(None);
    };
    let current: Option<(String, i64)> = in_tx!(&mut *tx, |c| sqlx::query_as(CURRENT)
        .bind(registration_id)
        .fetch_optional(c)
        .await)?;
    let Some((was, ended_user)) =
        current.filter(|(s, u)| (s == "registered" || s == "waitlisted") && owner.is_none_or(|o| o == *u))
    else {
        return Ok(None);
    };
    let n = in_tx!(&mut *tx, |c| sqlx::query(CHANGE)
        .bind(registration_id)
        .bind(to)
        .bind(now)
        .bind(actor)
        .bind(&was)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(None);
    }
    event(&mut *tx, registration_id, to, now, actor, note).await?;
    tell(&mut *tx, ended_user, ended_notice, now).await?;
    let mut promoted = None;
    if was == "waitlisted" {
        in_tx!(&mut *tx, |c| sqlx::query(LEAVE_LIST)
            .bind(seminar_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    } else {
        // The seat passes straight to the first on the list (`registered` stays), before the
        // cut-off; otherwise it is freed.
        if now < cutoff_at {
            promoted = promote_first(&mut *tx, seminar_id, LEAVE_LIST, now, "promoted", promotion_notice).await?;
        }
        if promoted.is_none() {
            in_tx!(&mut *tx, |c| sqlx::query(FREE_SEAT)
                .bind(seminar_id)
                .execute(c)
                .await
                .map(|r| r.rows_affected()))?;
        }
    }
    Ok(Some(promoted))
}

pub async fn registration(db: &Db, id: i64) -> Result<Option<RegistrationRow>> {
    let sql = format!("SELECT {REG_COLUMNS} FROM seminar_registrations WHERE id = $1");
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_optional(c)
        .await)?)
}

/// Everyone on a seminar's list, in registration order (the waiting list's order too).
pub async fn participants(db: &Db, seminar_id: i64) -> Result<Vec<RegistrationRow>> {
    let sql = format!("SELECT {REG_COLUMNS} FROM seminar_registrations WHERE seminar_id = $1 ORDER BY id");
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(seminar_id)
        .fetch_all(c)
        .await)?)
}

pub async fn for_user(db: &Db, user_ref: i64) -> Result<Vec<RegistrationRow>> {
    let sql = format!("SELECT {REG_COLUMNS} FROM seminar_registrations WHERE user_ref = $1 ORDER BY id DESC");
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(user_ref)
        .fetch_all(c)
        .await)?)
}

/// For consistency checks: seminars whose counters disagree with their rows, and seminars
/// with more registered than seats.
pub async fn consistency(db: &Db) -> Result<(i64, i64)> {
    const MISMATCH: &str = "SELECT COUNT(*) FROM seminars s WHERE s.registered <> (SELECT COUNT(*)
        FROM seminar_registrations r WHERE r.seminar_id = s.id AND r.state IN ('registered', 'attended', 'no_show'))
        OR s.waitlisted <> (SELECT COUNT(*) FROM seminar_registrations r WHERE r.seminar_id = s.id
        AND r.state = 'waitlisted')";
    const OVER: &str = "SELECT COUNT(*) FROM seminars s WHERE s.capacity < (SELECT COUNT(*)
        FROM seminar_registrations r WHERE r.seminar_id = s.id AND r.state IN ('registered', 'attended', 'no_show'))";
    Ok(read!(db, |c| {
        let (m,): (i64,) = sqlx::query_as(MISMATCH).fetch_one(c).await?;
        let (o,): (i64,) = sqlx::query_as(OVER).fetch_one(c).await?;
        (m, o)
    }))
}

/// SE-4 (BK-11): registered participants of seminars that started at or before
/// `started_before`, not marked as joined, become no-shows, each with its event.
pub async fn mark_no_shows(db: &Db, started_before: DateTime<Utc>, now: DateTime<Utc>) -> Result<Vec<(i64, i64)>> {
    const DUE: &str = "SELECT r.id, r.user_ref FROM seminar_registrations r JOIN seminars s ON s.id = r.seminar_id
        WHERE r.state = 'registered' AND r.joined_at IS NULL AND s.starts_at <= $1 ORDER BY r.id";
    let due: Vec<(i64, i64)> = read!(db, |c| sqlx::query_as(DUE).bind(started_before).fetch_all(c).await)?;
    let mut marked = Vec::new();
    for (id, user) in due {
        if change(db, id, "registered", "no_show", now, "system", "").await? {
            marked.push((id, user));
        }
    }
    Ok(marked)
}

/// SE-5: staff record that a participant joined (stops the no-show sweep) or attended.
pub async fn mark(db: &Db, id: i64, to: &str, now: DateTime<Utc>, actor: &str) -> Result<bool> {
    const JOINED: &str = "UPDATE seminar_registrations SET joined_at = COALESCE(joined_at, $2)
        WHERE id = $1 AND state = 'registered'";
    if to == "joined" {
        let n = crate::write!(db, |c| sqlx::query(JOINED)
            .bind(id)
            .bind(now)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        return Ok(n == 1);
    }
    let from = if to == "attended" { "registered" } else { "" };
    change(db, id, from, to, now, actor, "").await
}

/// SE-6 (S6-3, BK-16): staff correct a no-show the sweep recorded, with a reason: the person
/// attended (`attended`), or had a valid reason and told the office (`cancelled_by_user`,
/// which takes the place off the seat count). Either way it no longer counts toward BK-12.
/// The person's notice is written with it, in the caller's transaction (which adds its
/// audit row). `false` if it is no longer a no-show.
pub async fn correct_no_show(
    tx: &mut Tx,
    id: i64,
    to: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    notice: Option<&Notice>,
) -> Result<bool> {
    const LOCK: &str = "UPDATE seminars SET registered = registered
        WHERE id = (SELECT seminar_id FROM seminar_registrations WHERE id = $1) RETURNING id";
    const CHANGE: &str = "UPDATE seminar_registrations SET state = $2, state_changed_at = $3, state_actor = $4
        WHERE id = $1 AND state = 'no_show' RETURNING user_ref";
    const FREE_SEAT: &str = "UPDATE seminars SET registered = registered - 1 WHERE id = $1";
    let seminar: Option<(i64,)> = in_tx!(&mut *tx, |c| sqlx::query_as(LOCK).bind(id).fetch_optional(c).await)?;
    let Some((seminar_id,)) = seminar else {
        return Ok(false);
    };
    let changed: Option<(i64,)> = in_tx!(&mut *tx, |c| sqlx::query_as(CHANGE)
        .bind(id)
        .bind(to)
        .bind(now)
        .bind(actor)
        .fetch_optional(c)
        .await)?;
    let Some((user_ref,)) = changed else {
        return Ok(false);
    };
    if to == "cancelled_by_user" {
        in_tx!(&mut *tx, |c| sqlx::query(FREE_SEAT)
            .bind(seminar_id)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    event(&mut *tx, id, to, now, actor, note).await?;
    tell(&mut *tx, user_ref, notice, now).await?;
    Ok(true)
}

/// A conditional state change (`from` → `to`) with its event, in one transaction.
async fn change(db: &Db, id: i64, from: &str, to: &str, now: DateTime<Utc>, actor: &str, note: &str) -> Result<bool> {
    const SQL: &str = "UPDATE seminar_registrations SET state = $2, state_changed_at = $3, state_actor = $4
        WHERE id = $1 AND state = $5";
    let mut tx = db.begin().await?;
    let n = in_tx!(&mut tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(to)
        .bind(now)
        .bind(actor)
        .bind(from)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n != 1 {
        return Ok(false);
    }
    event(&mut tx, id, to, now, actor, note).await?;
    tx.commit().await?;
    Ok(true)
}
