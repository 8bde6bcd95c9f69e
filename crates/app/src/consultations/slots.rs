//! What an office admin does to published slots (rule BK-2): see them with their bookings,
//! add a one-off slot, and remove one. Removing a booked slot cancels its reservations by
//! office, each with its recorded reason and a notice to the user (BK-16, NO-1).

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_store::Db;
use madoguchi_store::consultations::reservations::{self as store, SlotRow};

use crate::consultations::schedule::{self, Change};
use crate::consultations::templates::admin_office;
use crate::shared::StaffMember;
use crate::{AppError, consultations::booking, offices};

/// The office's slots from today to its booking horizon, booked or not.
pub async fn upcoming(db: &Db, clock: &dyn Clock, staff: &StaffMember, office: &str) -> Result<Vec<SlotRow>, AppError> {
    admin_office(staff, office)?;
    let today = clock.today_jst();
    let (_, last) = offices::booking_policy(db, office).await?.bookable_days(today);
    let from = start_of(today)?;
    let to = start_of(last.checked_add_days(Days::new(1)).unwrap_or(last))?;
    Ok(store::office_slots(db, office, from, to).await?)
}

fn start_of(day: NaiveDate) -> Result<DateTime<Utc>, AppError> {
    jst()
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::invalid("invalid_date", "date", "no such time"))
}

/// BK-2: a one-off slot at `day` `time` (JST), checked like every slot (BK-1).
pub async fn add_one_off(
    db: &Db,
    staff: &StaffMember,
    office: &str,
    day: NaiveDate,
    time: NaiveTime,
    app: &str,
    capacity: i32,
) -> Result<i64, AppError> {
    admin_office(staff, office)?;
    crate::offices::apps::check_offered(db, office, "consultation", app).await?;
    if !(1..=20).contains(&capacity) {
        return Err(AppError::invalid("invalid_capacity", "capacity", "capacity is 1 to 20"));
    }
    let starts_at = jst()
        .from_local_datetime(&day.and_time(time))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::invalid("invalid_time", "starts", "no such time"))?;
    booking::publish_slot(db, office, starts_at, app, capacity).await
}

/// BK-2: removes a slot. Nobody can book it from this moment; then each reservation that
/// still holds a seat is cancelled by the office with `reason`, and its user is told.
/// A booked slot needs a reason. Returns how many reservations were cancelled.
pub async fn remove(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    office: &str,
    slot_id: i64,
    reason: &str,
) -> Result<usize, AppError> {
    admin_office(staff, office)?;
    let slot = store::slot(db, slot_id)
        .await?
        .filter(|s| s.office_code == office)
        .ok_or_else(|| AppError::NotFound {
            what: format!("slot {slot_id} at your office"),
        })?;
    // The reason the users will be told is checked before anything changes (N10, AC-4): a
    // refused one must not leave the slot removed with its bookings still standing.
    let reason = crate::shared::fields::text(
        "reason",
        reason,
        madoguchi_domain::characters::FieldKind::MultiLine,
        200,
        slot.booked > 0,
    )?;
    if !store::remove_slot(db, slot_id, clock.now()).await? {
        return Err(AppError::NotFound {
            what: format!("slot {slot_id}"),
        });
    }
    // Taking the slot first closes it to new bookings, so the list below is final.
    let mut cancelled = 0;
    for (id, _) in store::active_on_slot(db, slot_id).await? {
        let change = Change::CancelByOffice { reason: reason.clone() };
        match schedule::record(db, clock, staff, id, &change).await {
            Ok(()) => cancelled += 1,
            // Cancelled by the user a moment ago: nothing left to do for this one.
            Err(AppError::Refused {
                code: "invalid_state", ..
            }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(cancelled)
}
