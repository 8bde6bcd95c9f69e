//! IV-2, IV-5: a referred job seeker sees their selection days on My Page, the free slots of
//! one, books one (ticking what the employer may see) and cancels it. Capacity and one
//! booking per person and day are the database's (`store::selection::book`).

use madoguchi_domain::clock::Clock;
use madoguchi_domain::selection::Shares;
use madoguchi_store::Db;
use madoguchi_store::selection::book::{self as store, Booked, Cancelled, WhyNot};
use madoguchi_store::selection::{self as days, DayRow, SeekerDay, SlotRow};

use crate::AppError;

/// The days this person was referred to, from today on, with their booking if any.
pub async fn my_days(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<Vec<SeekerDay>, AppError> {
    Ok(days::for_seeker(db, user_ref, clock.today_jst()).await?)
}

/// One day as its page shows it to a referred person: the free slots still to come, and
/// their own booking if they hold one.
#[derive(Debug, Clone)]
pub struct DayForSeeker {
    pub day: DayRow,
    pub free: Vec<SlotRow>,
    pub mine: Option<SeekerDay>,
}

fn not_found(day_id: i64) -> AppError {
    AppError::NotFound {
        what: format!("selection day {day_id}"),
    }
}

pub async fn day(db: &Db, clock: &dyn Clock, user_ref: i64, day_id: i64) -> Result<DayForSeeker, AppError> {
    let day = days::day(db, day_id)
        .await?
        .filter(|d| d.cancelled_at.is_none())
        .ok_or_else(|| not_found(day_id))?;
    if !days::is_referred(db, day_id, user_ref).await? {
        return Err(not_found(day_id));
    }
    let now = clock.now();
    let free = days::slots(db, day_id)
        .await?
        .into_iter()
        .filter(|s| s.booked < s.capacity && s.starts_at > now)
        .collect();
    let mine = days::for_seeker(db, user_ref, day.local_date)
        .await?
        .into_iter()
        .find(|d| d.day_id == day_id && d.interview_id.is_some());
    Ok(DayForSeeker { day, free, mine })
}

fn refused(code: &'static str, message: &str) -> AppError {
    AppError::Refused {
        code,
        message: message.into(),
    }
}

/// IV-2: books the slot for the person with what they agreed to share (IV-5): the interview
/// row, accepted, and the seat in one transaction. Refusals: `not_referred`, `slot_full`,
/// `already_booked` (one per person and day), `already_started`, `not_found`.
pub async fn book(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    day_id: i64,
    slot_id: i64,
    shares: Shares,
) -> Result<i64, AppError> {
    let shares = store::Shares {
        address: shares.address,
        phone: shares.phone,
        number: shares.number,
    };
    // A seat freed between the refusal and its reading is worth one more try.
    for _ in 0..2 {
        let now = clock.now();
        match store::book(db, day_id, slot_id, user_ref, shares, now).await? {
            Booked::Booked(id) => return Ok(id),
            Booked::AlreadyBooked => {
                return Err(refused(
                    "already_booked",
                    "you already hold a time on this selection day",
                ));
            }
            Booked::NoSeat => match store::why_not(db, day_id, slot_id, user_ref, now).await? {
                WhyNot::Free => continue,
                WhyNot::Gone => return Err(not_found(day_id)),
                WhyNot::NotReferred => {
                    return Err(refused("not_referred", "only people the office referred may book"));
                }
                WhyNot::Started => return Err(refused("already_started", "that interview has started")),
                WhyNot::Full => return Err(refused("slot_full", "that time was just taken")),
            },
        }
    }
    Err(refused("slot_full", "that time was just taken"))
}

/// IV-2: the person cancels their booking before it starts; the seat is free again.
pub async fn cancel(db: &Db, clock: &dyn Clock, user_ref: i64, interview_id: i64) -> Result<(), AppError> {
    match store::cancel(db, interview_id, user_ref, clock.now()).await? {
        Cancelled::Cancelled => Ok(()),
        Cancelled::NotFound => Err(AppError::NotFound {
            what: format!("selection booking {interview_id}"),
        }),
        Cancelled::AlreadyCancelled => Err(refused("already_cancelled", "it was already cancelled")),
        Cancelled::Started => Err(refused("already_started", "the interview has started")),
    }
}
