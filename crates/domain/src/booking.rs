//! Booking policy for consultations (rules BK-1, BK-3, BK-12, BK-16): pure functions of
//! the slot, the office calendar and "now". The database enforces capacity (BK-5) and
//! one per day (BK-4); these rules decide everything that needs no count.

pub mod attendance;

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveDateTime, Utc};

use crate::calendar::{DayStatus, OfficeCalendar};
use crate::clock::jst;

/// BK-1: every consultation lasts 30 minutes.
pub const CONSULTATION: Duration = Duration::minutes(30);
/// BK-3: slots open at most this many days ahead (decided); an office may choose fewer.
pub const HORIZON_DAYS: u32 = 30;
/// BK-3: an office may close bookings earlier than the day before, up to this many days.
pub const MAX_CUTOFF_DAYS: u32 = 14;

/// BK-3, per office: bookings for day D close at 23:59:59 JST on D − `cutoff_days`
/// (1 = "the day before", the default), and D is at most `horizon_days` after today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub cutoff_days: u32,
    pub horizon_days: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            cutoff_days: 1,
            horizon_days: HORIZON_DAYS,
        }
    }
}

impl Policy {
    /// The office's choice if it is allowed: a cut-off no earlier than the day before and
    /// a horizon within the decided 30 days that still leaves a bookable day.
    pub fn new(cutoff_days: u32, horizon_days: u32) -> Option<Self> {
        let ok = (1..=MAX_CUTOFF_DAYS).contains(&cutoff_days)
            && (1..=HORIZON_DAYS).contains(&horizon_days)
            && cutoff_days <= horizon_days;
        ok.then_some(Self {
            cutoff_days,
            horizon_days,
        })
    }

    /// The first and last day that may be booked today. At the end of the calendar both stop
    /// at its last day, so the first never comes after the last (the `dates` fuzz target found
    /// `today` itself returned as the last day there, before the first).
    pub fn bookable_days(self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let ahead = |days: u32| today.checked_add_days(Days::new(days.into())).unwrap_or(NaiveDate::MAX);
        (ahead(self.cutoff_days), ahead(self.horizon_days))
    }
}

/// Why a slot cannot be offered or booked. Codes are the API's stable refusal codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BookingRefusal {
    #[error("the office is closed that day")]
    ClosedDay,
    /// TM-3: the office closed part of the day, and the session falls in those hours. Its
    /// own code rather than `closed_day`: the calendar shows such a day as open, so "closed
    /// that day" would contradict it; the person is told the hours are closed instead.
    #[error("the office is closed at that time")]
    ClosedHours,
    #[error("a consultation must fit inside office hours")]
    OutsideHours,
    #[error("a consultation lasts 30 minutes")]
    WrongLength,
    #[error("bookings for a day close at 23:59:59 the day before")]
    CutoffPassed,
    #[error("that day is not open for booking yet")]
    OutsideHorizon,
}

impl BookingRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::ClosedDay => "closed_day",
            Self::ClosedHours => "closed_hours",
            Self::OutsideHours => "outside_hours",
            Self::WrongLength => "invalid_slot",
            Self::CutoffPassed => "cutoff_passed",
            Self::OutsideHorizon => "outside_horizon",
        }
    }
}

/// The JST calendar date of an instant.
pub fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&jst()).date_naive()
}

fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&jst()).naive_local()
}

/// BK-1: a slot is 30 minutes, on an open day, inside that day's office hours (TM-3).
pub fn check_slot(cal: &OfficeCalendar<'_>, starts: DateTime<Utc>, ends: DateTime<Utc>) -> Result<(), BookingRefusal> {
    if ends - starts != CONSULTATION {
        return Err(BookingRefusal::WrongLength);
    }
    check_within_hours(cal, starts, ends)
}

/// TM-3 (BK-1, SE-1): a session of any length lies on an open day inside its office hours.
pub fn check_within_hours(
    cal: &OfficeCalendar<'_>,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> Result<(), BookingRefusal> {
    let (start, end) = (local(starts), local(ends));
    match cal.day(start.date()) {
        DayStatus::Closed(_) => Err(BookingRefusal::ClosedDay),
        DayStatus::Open(h) if start.time() >= h.opens && end.time() <= h.closes && end.date() == start.date() => {
            match cal.closed_hours(start.date()) {
                Some(w) if w.overlaps(start.time(), end.time()) => Err(BookingRefusal::ClosedHours),
                _ => Ok(()),
            }
        }
        DayStatus::Open(_) => Err(BookingRefusal::OutsideHours),
    }
}

/// BK-3: a booking for day D is possible until 23:59:59 JST on D − cut-off (the day
/// before by default), and D is at most the office's horizon after today (JST).
pub fn check_booking_time(
    slot_starts: DateTime<Utc>,
    now: DateTime<Utc>,
    policy: Policy,
) -> Result<(), BookingRefusal> {
    let day = local_date(slot_starts);
    let (first, last) = policy.bookable_days(local_date(now));
    if day < first {
        Err(BookingRefusal::CutoffPassed)
    } else if day > last {
        Err(BookingRefusal::OutsideHorizon)
    } else {
        Ok(())
    }
}

/// BK-16: the life of a reservation. Nothing is ever deleted; every change is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Requested,
    Confirmed,
    Attended,
    NoShow,
    CancelledByUser,
    CancelledByOffice,
    EndedByOffice,
}

impl State {
    pub const ALL: [State; 7] = [
        Self::Requested,
        Self::Confirmed,
        Self::Attended,
        Self::NoShow,
        Self::CancelledByUser,
        Self::CancelledByOffice,
        Self::EndedByOffice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Requested => "requested",
            Self::Confirmed => "confirmed",
            Self::Attended => "attended",
            Self::NoShow => "no_show",
            Self::CancelledByUser => "cancelled_by_user",
            Self::CancelledByOffice => "cancelled_by_office",
            Self::EndedByOffice => "ended_by_office",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// BK-4: these states count toward one consultation per day.
    pub fn counts_for_the_day(self) -> bool {
        matches!(self, Self::Requested | Self::Confirmed | Self::Attended | Self::NoShow)
    }

    /// BK-16: the allowed transitions. A mistaken no-show may be corrected to attended.
    pub fn may_become(self, next: State) -> bool {
        use State::*;
        matches!(
            (self, next),
            (Requested, Confirmed | CancelledByUser | CancelledByOffice)
                | (
                    Confirmed,
                    Attended | NoShow | CancelledByUser | CancelledByOffice | EndedByOffice
                )
                | (Attended, EndedByOffice)
                | (NoShow, Attended)
        )
    }
}

/// BK-10: the user may cancel until the start time.
pub fn user_may_cancel(state: State, slot_starts: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    state.may_become(State::CancelledByUser) && now < slot_starts
}

/// BK-11: a confirmed reservation not joined by start + 10 minutes becomes a no-show.
pub fn is_no_show(state: State, joined: bool, slot_starts: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    state == State::Confirmed && !joined && now >= slot_starts + Duration::minutes(10)
}

/// BK-12: restricted after `limit` no-shows within `window` (2 in 90 days by default).
pub fn restricted(no_show_times: &[DateTime<Utc>], now: DateTime<Utc>, limit: usize, window: Duration) -> bool {
    no_show_times
        .iter()
        .filter(|t| **t > now - window && **t <= now)
        .count()
        >= limit
}

#[cfg(test)]
mod tests;
