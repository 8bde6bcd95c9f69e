//! The office's changes to a whole seminar (rule SE-6, S11-1): cancel it (every place ended
//! with the reason, each person told), suspend and resume its registrations, move it to
//! another date or time (each person told). Each runs in the caller's transaction (which
//! adds its audit row and commits) and first takes the seminar's row, so a registration
//! racing it either commits first (and is ended and told here) or finds the seminar
//! cancelled or suspended; the people are read inside it. `None` (or `Gone`) leaves the
//! transaction to be dropped.

use chrono::{DateTime, NaiveDate, Utc};

use super::places::{event, tell};
use crate::consultations::reservations::Notice;
use crate::{Db, Result, Tx, in_tx, read};

/// One person with a place (a seat or on the waiting list), with what a notice needs.
/// `lang` is empty for an account that is no longer active: nobody is told then.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Holder {
    pub registration_id: i64,
    pub user_ref: i64,
    /// `registered` or `waitlisted`.
    pub state: String,
    pub name: String,
    pub email: String,
    pub lang: String,
}

impl Holder {
    fn reachable(&self) -> bool {
        !self.email.is_empty()
    }
}

/// Writes the notice for one holder, given their name, address and language.
pub type HolderNotice<'a> = &'a (dyn Fn(&Holder) -> Notice + Send + Sync);

/// Everyone with a live place, in registration order; contact details only for active
/// accounts.
const HOLDERS: &str = "SELECT r.id AS registration_id, r.user_ref, r.state,
    CASE WHEN u.state = 'active' THEN u.name ELSE '' END AS name,
    CASE WHEN u.state = 'active' THEN u.email ELSE '' END AS email,
    CASE WHEN u.state = 'active' THEN u.lang ELSE '' END AS lang
    FROM seminar_registrations r JOIN users u ON u.id = r.user_ref
    WHERE r.seminar_id = $1 AND r.state IN ('registered', 'waitlisted') ORDER BY r.id";

/// Who holds a place now (for the confirmation page: how many will be told).
pub async fn holders(db: &Db, seminar_id: i64) -> Result<Vec<Holder>> {
    Ok(read!(db, |c| sqlx::query_as(HOLDERS)
        .bind(seminar_id)
        .fetch_all(c)
        .await)?)
}

async fn holders_in(tx: &mut Tx, seminar_id: i64) -> Result<Vec<Holder>> {
    Ok(in_tx!(tx, |c| sqlx::query_as(HOLDERS)
        .bind(seminar_id)
        .fetch_all(c)
        .await)?)
}

async fn seminar_event(
    tx: &mut Tx,
    seminar_id: i64,
    what: &str,
    now: DateTime<Utc>,
    actor: &str,
    note: &str,
    moved_from: Option<DateTime<Utc>>,
) -> Result<()> {
    const SQL: &str = "INSERT INTO seminar_events (seminar_id, at, what, actor, note, moved_from)
        VALUES ($1, $2, $3, $4, $5, $6)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(seminar_id)
        .bind(now)
        .bind(what)
        .bind(actor)
        .bind(note)
        .bind(moved_from)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Tells every reachable holder, each once.
async fn tell_all(tx: &mut Tx, holders: &[Holder], notice: HolderNotice<'_>, now: DateTime<Utc>) -> Result<()> {
    for h in holders.iter().filter(|h| h.reachable()) {
        tell(tx, h.user_ref, Some(&notice(h)), now).await?;
    }
    Ok(())
}

/// SE-6: cancels a seminar that has not started: every place (seat or waiting) ends as
/// `removed_by_office` with the reason, the counters go to zero, and each person is told, in
/// one transaction. `None` if it is already cancelled or has started.
pub async fn cancel(
    tx: &mut Tx,
    seminar_id: i64,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
    notice: HolderNotice<'_>,
) -> Result<Option<Vec<Holder>>> {
    // Taking the row first: registrations wait here, then find it cancelled.
    const CANCEL: &str = "UPDATE seminars SET cancelled_at = $2, cancel_reason = $3
        WHERE id = $1 AND cancelled_at IS NULL AND starts_at > $2 RETURNING id";
    const END: &str = "UPDATE seminar_registrations SET state = 'removed_by_office', state_changed_at = $2,
        state_actor = $3 WHERE seminar_id = $1 AND state IN ('registered', 'waitlisted')";
    const EMPTY: &str = "UPDATE seminars SET registered = registered - $2, waitlisted = waitlisted - $3 WHERE id = $1";
    let taken: Option<(i64,)> = in_tx!(&mut *tx, |c| sqlx::query_as(CANCEL)
        .bind(seminar_id)
        .bind(now)
        .bind(reason)
        .fetch_optional(c)
        .await)?;
    if taken.is_none() {
        return Ok(None);
    }
    let holders = holders_in(&mut *tx, seminar_id).await?;
    let seated = i32::try_from(holders.iter().filter(|h| h.state == "registered").count()).unwrap_or(i32::MAX);
    let waiting = i32::try_from(holders.len()).unwrap_or(i32::MAX) - seated;
    in_tx!(&mut *tx, |c| {
        sqlx::query(END)
            .bind(seminar_id)
            .bind(now)
            .bind(actor)
            .execute(&mut *c)
            .await?;
        sqlx::query(EMPTY)
            .bind(seminar_id)
            .bind(seated)
            .bind(waiting)
            .execute(&mut *c)
            .await?;
    });
    for h in &holders {
        event(&mut *tx, h.registration_id, "removed_by_office", now, actor, reason).await?;
    }
    seminar_event(&mut *tx, seminar_id, "cancelled", now, actor, reason, None).await?;
    tell_all(&mut *tx, &holders, notice, now).await?;
    Ok(Some(holders))
}

/// SE-6 (S11-1): stops new registrations and waiting-list places of a seminar that is
/// neither cancelled nor started; places are kept. With `notice`, every holder is told (and
/// is told again when registrations resume). `None` if it cannot be suspended now.
pub async fn suspend(
    tx: &mut Tx,
    seminar_id: i64,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
    notice: Option<HolderNotice<'_>>,
) -> Result<Option<Vec<Holder>>> {
    const SUSPEND: &str = "UPDATE seminars SET suspended_at = $2, suspend_reason = $3, suspend_told = $4
        WHERE id = $1 AND cancelled_at IS NULL AND suspended_at IS NULL AND starts_at > $2 RETURNING id";
    let taken: Option<(i64,)> = in_tx!(&mut *tx, |c| sqlx::query_as(SUSPEND)
        .bind(seminar_id)
        .bind(now)
        .bind(reason)
        .bind(notice.is_some())
        .fetch_optional(c)
        .await)?;
    if taken.is_none() {
        return Ok(None);
    }
    seminar_event(&mut *tx, seminar_id, "suspended", now, actor, reason, None).await?;
    let mut told = Vec::new();
    if let Some(notice) = notice {
        told = holders_in(&mut *tx, seminar_id).await?;
        tell_all(&mut *tx, &told, notice, now).await?;
    }
    Ok(Some(told))
}

/// SE-6: registrations reopen. Those told of the suspension are told of this too (`notice`).
/// `None` if it was not suspended (or is cancelled).
pub async fn resume(
    tx: &mut Tx,
    seminar_id: i64,
    now: DateTime<Utc>,
    actor: &str,
    notice: HolderNotice<'_>,
) -> Result<Option<Vec<Holder>>> {
    // Taking the row (a no-op update) reads whether the suspension was told.
    const TAKE: &str = "UPDATE seminars SET suspended_at = suspended_at
        WHERE id = $1 AND suspended_at IS NOT NULL AND cancelled_at IS NULL RETURNING suspend_told";
    const RESUME: &str = "UPDATE seminars SET suspended_at = NULL, suspend_reason = '', suspend_told = FALSE
        WHERE id = $1";
    let taken: Option<(bool,)> = in_tx!(&mut *tx, |c| sqlx::query_as(TAKE)
        .bind(seminar_id)
        .fetch_optional(c)
        .await)?;
    let Some((was_told,)) = taken else {
        return Ok(None);
    };
    in_tx!(&mut *tx, |c| sqlx::query(RESUME)
        .bind(seminar_id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    seminar_event(&mut *tx, seminar_id, "resumed", now, actor, "", None).await?;
    let mut told = Vec::new();
    if was_told {
        told = holders_in(&mut *tx, seminar_id).await?;
        tell_all(&mut *tx, &told, notice, now).await?;
    }
    Ok(Some(told))
}

/// Where a seminar moves: its new start and end, JST day and registration cut-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTime {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub cutoff_at: DateTime<Utc>,
}

/// What a move did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Moved {
    /// Moved from this start; these holders were told.
    Done(DateTime<Utc>, Vec<Holder>),
    /// The office closed the new day meanwhile (TM-3).
    ClosedDay,
    /// Cancelled or started meanwhile.
    Gone,
}

/// SE-6: moves a seminar that has not started to `to`; places stay, every holder is told.
pub async fn move_to(
    tx: &mut Tx,
    seminar_id: i64,
    to: &NewTime,
    reason: &str,
    now: DateTime<Utc>,
    actor: &str,
    notice: HolderNotice<'_>,
) -> Result<Moved> {
    // The old start, under the seminar's row (a no-op update takes it).
    const TAKE: &str = "UPDATE seminars SET registered = registered
        WHERE id = $1 AND cancelled_at IS NULL AND starts_at > $2 RETURNING starts_at, office_code";
    // A whole-day closure, or closed hours overlapping the new time (TM-3).
    const CLOSED: &str = "SELECT COUNT(*) FROM office_closures WHERE office_code = $1 AND day = $2
        AND (closed_from IS NULL OR (closed_from < $3 AND closed_until > $4))";
    const MOVE: &str = "UPDATE seminars SET starts_at = $2, ends_at = $3, local_date = $4, cutoff_at = $5
        WHERE id = $1";
    let taken: Option<(DateTime<Utc>, String)> = in_tx!(&mut *tx, |c| sqlx::query_as(TAKE)
        .bind(seminar_id)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    let Some((from, office)) = taken else {
        return Ok(Moved::Gone);
    };
    let (closed,): (i64,) = in_tx!(&mut *tx, |c| sqlx::query_as(CLOSED)
        .bind(&office)
        .bind(to.local_date)
        .bind(to.ends_at)
        .bind(to.starts_at)
        .fetch_one(c)
        .await)?;
    if closed > 0 {
        return Ok(Moved::ClosedDay);
    }
    in_tx!(&mut *tx, |c| sqlx::query(MOVE)
        .bind(seminar_id)
        .bind(to.starts_at)
        .bind(to.ends_at)
        .bind(to.local_date)
        .bind(to.cutoff_at)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    seminar_event(&mut *tx, seminar_id, "moved", now, actor, reason, Some(from)).await?;
    let holders = holders_in(&mut *tx, seminar_id).await?;
    tell_all(&mut *tx, &holders, notice, now).await?;
    Ok(Moved::Done(from, holders))
}

/// One change of a seminar as kept: (time, what, actor, note, start before a move).
pub type SeminarEvent = (DateTime<Utc>, String, String, String, Option<DateTime<Utc>>);

/// The office's changes to a seminar, oldest first.
pub async fn history(db: &Db, seminar_id: i64) -> Result<Vec<SeminarEvent>> {
    const SQL: &str = "SELECT at, what, actor, note, moved_from FROM seminar_events WHERE seminar_id = $1 ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(seminar_id).fetch_all(c).await)?)
}
