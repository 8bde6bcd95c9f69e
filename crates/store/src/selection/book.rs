//! IV-2: a referred job seeker books one interview slot of a selection day, and cancels it.
//! One transaction takes the seat by a conditional UPDATE (`booked < capacity`, as BK-5) and
//! inserts the interview, which the partial unique index `interviews_one_per_selection`
//! refuses for a second standing booking of the same person that day; a refusal rolls the
//! seat back with it. The day's bookings as staff and as the employer see them (IV-5).

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// What the job seeker ticked for the employer (IV-5).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shares {
    pub address: bool,
    pub phone: bool,
    pub number: bool,
}

/// How a booking ended. Every variant but `Booked` left nothing behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Booked {
    Booked(i64),
    /// The seat was not taken: full, started, not referred, or not this day's slot; the
    /// caller reads why (`why_not`).
    NoSeat,
    /// The person already holds a standing booking that day.
    AlreadyBooked,
}

/// Books `slot_id` of `day_id` for `user_ref`, in one transaction.
pub async fn book(
    db: &Db,
    day_id: i64,
    slot_id: i64,
    user_ref: i64,
    shares: Shares,
    now: DateTime<Utc>,
) -> Result<Booked> {
    // The seat, only for a referred person, on a standing day, before the slot starts.
    const SEAT: &str = "UPDATE selection_slots SET booked = booked + 1
        WHERE id = $1 AND day_id = $2 AND booked < capacity AND starts_at > $4
          AND EXISTS (SELECT 1 FROM selection_referrals r JOIN selection_days d ON d.id = r.day_id
                      WHERE r.day_id = $2 AND r.user_ref = $3 AND d.cancelled_at IS NULL)
        RETURNING starts_at, ends_at";
    const INTERVIEW: &str = "INSERT INTO interviews (office_code, user_ref, employer_name, contact_name,
        contact_email, job_number, job_title, starts_at, ends_at, local_date, app, state,
        share_address, share_phone, share_number, selection_day_id, selection_slot_id,
        created_at, state_changed_at)
        SELECT d.office_code, $2, d.employer_name, d.contact_name, d.contact_email, d.job_number,
            d.job_title, $3, $4, d.local_date, d.app, 'accepted', $5, $6, $7, d.id, $8, $9, $9
        FROM selection_days d WHERE d.id = $1 RETURNING id";
    let mut tx = db.begin().await?;
    let seat: Option<(DateTime<Utc>, DateTime<Utc>)> = in_tx!(&mut tx, |c| sqlx::query_as(SEAT)
        .bind(slot_id)
        .bind(day_id)
        .bind(user_ref)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    let Some((starts, ends)) = seat else {
        return Ok(Booked::NoSeat);
    };
    let inserted: std::result::Result<(i64,), sqlx::Error> = in_tx!(&mut tx, |c| sqlx::query_as(INTERVIEW)
        .bind(day_id)
        .bind(user_ref)
        .bind(starts)
        .bind(ends)
        .bind(shares.address)
        .bind(shares.phone)
        .bind(shares.number)
        .bind(slot_id)
        .bind(now)
        .fetch_one(c)
        .await);
    let id = match inserted.map_err(crate::StoreError::from) {
        Ok((id,)) => id,
        // Dropping the transaction gives the seat back.
        Err(e) if e.is_unique_violation() => return Ok(Booked::AlreadyBooked),
        Err(e) => return Err(e),
    };
    event(&mut tx, id, "booked", &format!("user:{user_ref}"), now).await?;
    tx.commit().await?;
    Ok(Booked::Booked(id))
}

/// Why a seat was not taken, read after the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyNot {
    NotReferred,
    /// No such slot on a standing day.
    Gone,
    Started,
    Full,
    /// Free again by the time it was read (a cancellation in between): try again.
    Free,
}

pub async fn why_not(db: &Db, day_id: i64, slot_id: i64, user_ref: i64, now: DateTime<Utc>) -> Result<WhyNot> {
    const SQL: &str = "SELECT s.starts_at, s.booked, s.capacity,
        (SELECT COUNT(*) FROM selection_referrals r WHERE r.day_id = d.id AND r.user_ref = $3) AS referred
        FROM selection_slots s JOIN selection_days d ON d.id = s.day_id
        WHERE s.id = $1 AND d.id = $2 AND d.cancelled_at IS NULL";
    let row: Option<(DateTime<Utc>, i32, i32, i64)> = read!(db, |c| sqlx::query_as(SQL)
        .bind(slot_id)
        .bind(day_id)
        .bind(user_ref)
        .fetch_optional(c)
        .await)?;
    Ok(match row {
        None => WhyNot::Gone,
        Some((_, _, _, 0)) => WhyNot::NotReferred,
        Some((starts, _, _, _)) if starts <= now => WhyNot::Started,
        Some((_, booked, capacity, _)) if booked >= capacity => WhyNot::Full,
        Some(_) => WhyNot::Free,
    })
}

async fn event(tx: &mut Tx, interview_id: i64, kind: &str, actor: &str, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO interview_events (interview_id, at, kind, actor) VALUES ($1, $2, $3, $4)";
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(interview_id)
        .bind(now)
        .bind(kind)
        .bind(actor)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// How a cancellation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    Cancelled,
    NotFound,
    AlreadyCancelled,
    Started,
}

/// The person cancels their selection booking before it starts: the interview becomes
/// `cancelled_by_user` and the seat is free again, in one transaction.
pub async fn cancel(db: &Db, interview_id: i64, user_ref: i64, now: DateTime<Utc>) -> Result<Cancelled> {
    const END: &str = "UPDATE interviews SET state = 'cancelled_by_user', state_changed_at = $3
        WHERE id = $1 AND user_ref = $2 AND state = 'accepted' AND selection_slot_id IS NOT NULL AND starts_at > $3
        RETURNING selection_slot_id";
    const FREE: &str = "UPDATE selection_slots SET booked = booked - 1 WHERE id = $1 AND booked > 0";
    let mut tx = db.begin().await?;
    let slot: Option<(i64,)> = in_tx!(&mut tx, |c| sqlx::query_as(END)
        .bind(interview_id)
        .bind(user_ref)
        .bind(now)
        .fetch_optional(c)
        .await)?;
    let Some((slot,)) = slot else {
        drop(tx);
        return why_not_cancelled(db, interview_id, user_ref).await;
    };
    in_tx!(&mut tx, |c| sqlx::query(FREE)
        .bind(slot)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    event(
        &mut tx,
        interview_id,
        "cancelled_by_user",
        &format!("user:{user_ref}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Cancelled::Cancelled)
}

async fn why_not_cancelled(db: &Db, interview_id: i64, user_ref: i64) -> Result<Cancelled> {
    const SQL: &str = "SELECT state FROM interviews WHERE id = $1 AND user_ref = $2 AND selection_slot_id IS NOT NULL";
    let row: Option<(String,)> = read!(db, |c| sqlx::query_as(SQL)
        .bind(interview_id)
        .bind(user_ref)
        .fetch_optional(c)
        .await)?;
    Ok(match row {
        None => Cancelled::NotFound,
        Some((state,)) if state == "accepted" => Cancelled::Started,
        Some(_) => Cancelled::AlreadyCancelled,
    })
}

/// One standing booking of a day as staff see it (their own office's job seekers).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BookedRow {
    pub interview_id: i64,
    pub user_ref: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub name: String,
    pub name_kana: String,
    pub share_address: bool,
    pub share_phone: bool,
    pub share_number: bool,
}

pub async fn booked(db: &Db, day_id: i64) -> Result<Vec<BookedRow>> {
    const SQL: &str = "SELECT i.id AS interview_id, i.user_ref, i.starts_at, i.ends_at, u.name, u.name_kana,
        i.share_address, i.share_phone, i.share_number
        FROM interviews i JOIN users u ON u.id = i.user_ref
        WHERE i.selection_day_id = $1 AND i.state = 'accepted' ORDER BY i.starts_at, i.id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(day_id).fetch_all(c).await)?)
}

/// One booking as the employer sees it (IV-5): what was not shared never leaves the database.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SharedRow {
    pub interview_id: i64,
    pub user_ref: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub name: String,
    pub name_kana: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub job_seeker_number: Option<String>,
}

pub async fn shared(db: &Db, day_id: i64) -> Result<Vec<SharedRow>> {
    const SQL: &str = "SELECT i.id AS interview_id, i.user_ref, i.starts_at, i.ends_at, u.name, u.name_kana,
        CASE WHEN i.share_address THEN u.address END AS address,
        CASE WHEN i.share_phone THEN u.phone END AS phone,
        CASE WHEN i.share_number THEN u.job_seeker_number END AS job_seeker_number
        FROM interviews i JOIN users u ON u.id = i.user_ref
        WHERE i.selection_day_id = $1 AND i.state = 'accepted' ORDER BY i.starts_at, i.id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(day_id).fetch_all(c).await)?)
}

/// Seats taken against standing bookings, per slot of every day: `(slots whose count
/// differs, total difference)`, (0, 0) when consistent.
pub async fn consistency(db: &Db) -> Result<(i64, i64)> {
    const SQL: &str = "SELECT COUNT(*), CAST(COALESCE(SUM(ABS(s.booked - (SELECT COUNT(*) FROM interviews i
            WHERE i.selection_slot_id = s.id AND i.state = 'accepted'))), 0) AS BIGINT)
        FROM selection_slots s WHERE s.booked <> (SELECT COUNT(*) FROM interviews i
            WHERE i.selection_slot_id = s.id AND i.state = 'accepted')";
    let (n, d): (i64, i64) = read!(db, |c| sqlx::query_as(SQL).fetch_one(c).await)?;
    Ok((n, d))
}
