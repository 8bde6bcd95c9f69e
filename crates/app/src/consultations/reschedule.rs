//! Moving a consultation to another free slot (rule BK-17, N12-2-4): until the old one's
//! cut-off, at the same office, into a slot every booking rule allows as if the old booking
//! were gone (BK-3 cut-off and horizon, BK-4 one per day, BK-5 capacity, and what a booking
//! needs of the person: AC-11, AC-12, AC-13, BK-12). One transaction frees the old seat and
//! takes the new one (`store::consultations::moves`).
//!
//! **Decided:** the reservation keeps its id. The same row moves, an event names the slot
//! it left, and its calendar entry keeps its UID with a higher SEQUENCE; so a later
//! cancellation, the day page and the statistics see one reservation with one history.

use chrono::{Days, TimeZone, Utc};
use madoguchi_domain::booking::{self, BookingRefusal, State};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_store::consultations::moves::{self, Move, Moved};
use madoguchi_store::consultations::reservations::{self as store, ReservationRow, SlotRow};
use madoguchi_store::{Db, consultations::booking_context};

use crate::consultations::booking::{not_cancellable, own};
use crate::consultations::tell::{self, Calendar, Event, Recipient};
use crate::eligibility::restriction;
use crate::shared::Site;
use crate::{AppError, eligibility, offices};

fn refused(code: &'static str, message: &str) -> AppError {
    AppError::Refused {
        code,
        message: message.to_owned(),
    }
}

/// The reservation if its person may still move it: confirmed, and before its own cut-off
/// (the day before, or the office's stricter one, BK-3).
async fn movable(db: &Db, clock: &dyn Clock, user_ref: i64, id: i64) -> Result<ReservationRow, AppError> {
    let r = own(db, user_ref, id).await?;
    let state = State::parse(&r.state).unwrap_or(State::CancelledByUser);
    if state != State::Confirmed {
        return Err(not_cancellable(state));
    }
    let policy = offices::booking_policy(db, &r.office_code).await?;
    if booking::check_booking_time(r.starts_at, clock.now(), policy) == Err(BookingRefusal::CutoffPassed) {
        return Err(refused(
            "cutoff_passed",
            "the time of this consultation can no longer be changed",
        ));
    }
    Ok(r)
}

/// Whether the person may move this reservation now (My Page shows the action).
pub fn may_move(r: &ReservationRow, now: chrono::DateTime<Utc>, policy: booking::Policy) -> bool {
    r.state == "confirmed" && booking::check_booking_time(r.starts_at, now, policy) != Err(BookingRefusal::CutoffPassed)
}

/// The reservation and the free slots it may move to: same office, bookable today (from the
/// cut-off to the horizon), not its own slot; in time order.
pub async fn choices(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    id: i64,
) -> Result<(ReservationRow, Vec<SlotRow>), AppError> {
    let r = movable(db, clock, user_ref, id).await?;
    let policy = offices::booking_policy(db, &r.office_code).await?;
    let (first, last) = policy.bookable_days(clock.today_jst());
    let start = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| jst().from_local_datetime(&t).single())
            .map(|t| t.with_timezone(&Utc))
    };
    let (Some(from), Some(to)) = (start(first), last.checked_add_days(Days::new(1)).and_then(start)) else {
        return Ok((r, Vec::new()));
    };
    let free = store::free_slots(db, &r.office_code, from, to)
        .await?
        .into_iter()
        .filter(|s| s.id != r.slot_id)
        .collect();
    Ok((r, free))
}

/// Moves the person's reservation `id` to `slot_id` and tells them (NO-1, the `.ics` with
/// the same UID and a higher SEQUENCE, NO-4). Returns the moved reservation.
pub async fn reschedule(
    db: &Db,
    clock: &dyn Clock,
    site: Option<&Site>,
    user_ref: i64,
    id: i64,
    slot_id: i64,
) -> Result<ReservationRow, AppError> {
    // A change that lands between the reading and the move (another move of the same
    // reservation) sends the move round again with what is there now.
    for _ in 0..3 {
        let r = movable(db, clock, user_ref, id).await?;
        match move_once(db, clock, site, &r, slot_id).await? {
            Moved::Moved => return own(db, user_ref, id).await,
            Moved::Changed => continue,
            Moved::SlotFull => {
                return Err(match store::slot(db, slot_id).await? {
                    Some(s) => crate::consultations::booking::no_seat(db, &s).await?,
                    None => refused("slot_full", "this slot has no free seat"),
                });
            }
            Moved::DailyLimit => {
                return Err(refused("daily_limit", "you already have a consultation that day"));
            }
        }
    }
    // Still changing under us: tell the person what it is now.
    let r = own(db, user_ref, id).await?;
    Err(not_cancellable(
        State::parse(&r.state).unwrap_or(State::CancelledByUser),
    ))
}

async fn move_once(
    db: &Db,
    clock: &dyn Clock,
    site: Option<&Site>,
    r: &ReservationRow,
    slot_id: i64,
) -> Result<Moved, AppError> {
    let now = clock.now();
    let ctx = booking_context::get(db, r.user_ref, slot_id, "consultation", now - restriction::WINDOW, now)
        .await?
        .ok_or(AppError::Unauthorized {
            code: "not_signed_in",
            message: "please sign in",
        })?;
    // What a booking needs of the person holds for the new time too.
    let restricted = usize::try_from(ctx.recent_no_shows).unwrap_or(usize::MAX) >= restriction::LIMIT;
    eligibility::gate(&eligibility::blockers(&ctx.eligibility, restricted, clock.today_jst()))?;
    crate::notices::terms::gate_counted(usize::try_from(ctx.terms_pending).unwrap_or(usize::MAX))?;
    let slot = ctx.slot.as_ref().ok_or_else(|| AppError::NotFound {
        what: format!("slot {slot_id}"),
    })?;
    if slot.office_code != r.office_code {
        return Err(refused(
            "other_office",
            "a consultation moves to another time at the same office",
        ));
    }
    if slot.id == r.slot_id {
        return Err(refused("same_slot", "the consultation is at that time already"));
    }
    if ctx.day_closed {
        return Err(refused("closed_day", "the office is closed that day"));
    }
    if ctx.hours_closed {
        return Err(refused("closed_hours", "the office is closed at that time"));
    }
    // BK-7: an office that takes requests books nothing directly, moves included.
    if ctx.booking_mode == "request" {
        return Err(refused(
            "request_only",
            "this office takes requests: send up to three preferred times instead",
        ));
    }
    let policy = offices::policy_from(ctx.cutoff_days, ctx.horizon_days);
    booking::check_booking_time(slot.starts_at, now, policy).map_err(|e| refused(e.code(), &e.to_string()))?;
    let to = Recipient {
        name: &ctx.name,
        email: &ctx.email,
        lang: &ctx.lang,
        office: if crate::shared::locales::Lang::of(&ctx.lang).prefers_english() {
            &ctx.office_name_en
        } else {
            &ctx.office_name_ja
        },
    };
    let cal = Calendar {
        uid: &r.calendar_uid,
        sequence: r.calendar_sequence + 1,
        reservation: Some(r.id),
        site,
        now,
    };
    let notice = tell::compose(&to, slot, Event::Moved { was: r.starts_at }, &cal);
    let m = Move {
        reservation_id: r.id,
        user_ref: r.user_ref,
        from_slot: r.slot_id,
        to_slot: slot.id,
        seen_sequence: r.calendar_sequence,
    };
    Ok(moves::move_to(db, &m, now, &format!("user:{}", r.user_ref), Some(&notice)).await?)
}
