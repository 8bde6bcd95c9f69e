//! Interviews with employers (rules IV-1, IV-4): the interview with its events, the job
//! seeker's answer and either side's cancellation, the outcome. Every change is one
//! conditional statement, so two answers racing, or an answer racing a cancellation, leave
//! exactly one standing. `links` holds the employer's link and its views (IV-5), `stats`
//! the counts (PV-5).

pub mod links;
pub mod stats;

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// What staff arrange (IV-1). Selection-day interviews (IV-2) are inserted elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInterview {
    pub office_code: String,
    pub user_ref: i64,
    pub employer_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub job_number: String,
    pub job_title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub app: String,
    pub counsellor_attends: bool,
    pub arranged_by: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InterviewRow {
    pub id: i64,
    pub office_code: String,
    pub user_ref: i64,
    pub employer_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub job_number: String,
    pub job_title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub app: String,
    pub counsellor_attends: bool,
    pub state: String,
    pub share_address: bool,
    pub share_phone: bool,
    pub share_number: bool,
    pub outcome: Option<String>,
    pub outcome_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub state_changed_at: DateTime<Utc>,
}

/// The columns of `InterviewRow`, spelled once for the queries below.
macro_rules! select_interviews {
    ($where:literal) => {
        concat!(
            "SELECT id, office_code, user_ref, employer_name, contact_name, contact_email, job_number, job_title, ",
            "starts_at, ends_at, local_date, app, counsellor_attends, state, share_address, share_phone, share_number, ",
            "outcome, outcome_on, created_at, state_changed_at FROM interviews WHERE ",
            $where
        )
    };
}

/// IV-1: a proposed interview and its `arranged` event, in the caller's transaction.
pub async fn insert(tx: &mut Tx, i: &NewInterview, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO interviews (office_code, user_ref, employer_name, contact_name, contact_email,
        job_number, job_title, starts_at, ends_at, local_date, app, counsellor_attends, state, arranged_by,
        created_at, state_changed_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'proposed', $13, $14, $14) RETURNING id";
    let (id,): (i64,) = in_tx!(&mut *tx, |c| sqlx::query_as(SQL)
        .bind(&i.office_code)
        .bind(i.user_ref)
        .bind(&i.employer_name)
        .bind(&i.contact_name)
        .bind(&i.contact_email)
        .bind(&i.job_number)
        .bind(&i.job_title)
        .bind(i.starts_at)
        .bind(i.ends_at)
        .bind(i.local_date)
        .bind(&i.app)
        .bind(i.counsellor_attends)
        .bind(i.arranged_by)
        .bind(now)
        .fetch_one(c)
        .await)?;
    event(tx, id, "arranged", &format!("staff:{}", i.arranged_by), "", now).await?;
    Ok(id)
}

/// One change of an interview, with its time and actor.
pub async fn event(tx: &mut Tx, id: i64, kind: &str, actor: &str, note: &str, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO interview_events (interview_id, at, kind, actor, note) VALUES ($1, $2, $3, $4, $5)";
    in_tx!(&mut *tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .bind(kind)
        .bind(actor)
        .bind(note)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// An interview's events in order: (time, kind, actor, note).
pub async fn events(db: &Db, id: i64) -> Result<Vec<(DateTime<Utc>, String, String, String)>> {
    const SQL: &str = "SELECT at, kind, actor, note FROM interview_events WHERE interview_id = $1 ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_all(c).await)?)
}

pub async fn interview(db: &Db, id: i64) -> Result<Option<InterviewRow>> {
    const SQL: &str = select_interviews!("id = $1");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(id).fetch_optional(c).await)?)
}

/// A job seeker's interviews, latest start first (My Page).
pub async fn for_user(db: &Db, user_ref: i64) -> Result<Vec<InterviewRow>> {
    const SQL: &str = select_interviews!("user_ref = $1 ORDER BY starts_at DESC, id DESC");
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(user_ref).fetch_all(c).await)?)
}

/// An office's interviews on the JST days `[from, to)`, in start order (the staff list).
pub async fn for_office(db: &Db, office: &str, from: NaiveDate, to: NaiveDate) -> Result<Vec<InterviewRow>> {
    const SQL: &str =
        select_interviews!("office_code = $1 AND local_date >= $2 AND local_date < $3 ORDER BY starts_at, id");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(office)
        .bind(from)
        .bind(to)
        .fetch_all(c)
        .await)?)
}

/// The job seeker's answer to a proposal still to come. Shares are kept only on
/// acceptance. `false` if it was not proposed (already answered or cancelled) or has begun.
pub async fn answer(
    tx: &mut Tx,
    id: i64,
    user_ref: i64,
    accept: bool,
    [address, phone, number]: [bool; 3],
    now: DateTime<Utc>,
) -> Result<bool> {
    const SQL: &str = "UPDATE interviews SET state = $3, share_address = $4, share_phone = $5, share_number = $6,
        state_changed_at = $7 WHERE id = $1 AND user_ref = $2 AND state = 'proposed' AND starts_at > $7";
    let (state, kind) = if accept {
        ("accepted", "accepted")
    } else {
        ("declined", "declined")
    };
    let n = in_tx!(&mut *tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(user_ref)
        .bind(state)
        .bind(accept && address)
        .bind(accept && phone)
        .bind(accept && number)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 1 {
        event(tx, id, kind, &format!("user:{user_ref}"), "", now).await?;
    }
    Ok(n == 1)
}

/// A cancellation of a standing interview that has not begun: `cancelled_by_office` or
/// `cancelled_by_user`. `false` if it no longer stands or has begun.
pub async fn cancel(tx: &mut Tx, id: i64, state: &str, actor: &str, note: &str, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE interviews SET state = $2, state_changed_at = $3
        WHERE id = $1 AND state IN ('proposed', 'accepted') AND starts_at > $3";
    let n = in_tx!(&mut *tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(state)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 1 {
        event(tx, id, state, actor, note, now).await?;
        links::revoke(tx, id, now).await?;
    }
    Ok(n == 1)
}

/// IV-4: the outcome the employer reported, for an accepted interview that has started; a
/// later report replaces an earlier one (選考中 → 採用), each kept as an event.
pub async fn record_outcome(
    tx: &mut Tx,
    id: i64,
    outcome: &str,
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    const SQL: &str = "UPDATE interviews SET outcome = $2, outcome_on = $3
        WHERE id = $1 AND state = 'accepted' AND starts_at <= $4";
    let n = in_tx!(&mut *tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(outcome)
        .bind(on)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    if n == 1 {
        event(tx, id, "outcome", actor, &format!("{outcome} {on}"), now).await?;
    }
    Ok(n == 1)
}

/// PV-6 (AC-9): a deleted job seeker's interviews still to come are cancelled as their own
/// cancellation, their links revoked and their shares withdrawn, so no employer sees
/// anything of them again; the interview keeps the employer's and the job's data.
pub async fn erase_user(tx: &mut Tx, user_ref: i64, now: DateTime<Utc>) -> Result<()> {
    const CANCEL: &str = "UPDATE interviews SET state = 'cancelled_by_user', state_changed_at = $2
        WHERE user_ref = $1 AND state IN ('proposed', 'accepted') AND starts_at > $2";
    const SHARES: &str = "UPDATE interviews SET share_address = FALSE, share_phone = FALSE, share_number = FALSE
        WHERE user_ref = $1";
    const NOTES: &str = "UPDATE interview_events SET note = ''
        WHERE kind <> 'outcome' AND interview_id IN (SELECT id FROM interviews WHERE user_ref = $1)";
    const LINKS: &str = "UPDATE interview_links SET revoked_at = $2
        WHERE revoked_at IS NULL AND interview_id IN (SELECT id FROM interviews WHERE user_ref = $1)";
    in_tx!(&mut *tx, |c| {
        sqlx::query(CANCEL).bind(user_ref).bind(now).execute(&mut *c).await?;
        sqlx::query(SHARES).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(NOTES).bind(user_ref).execute(&mut *c).await?;
        sqlx::query(LINKS).bind(user_ref).bind(now).execute(&mut *c).await?;
    });
    Ok(())
}
