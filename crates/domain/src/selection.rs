//! 管理選考 (IV-2, IV-5): the interview slots a selection day is published with, and what an
//! employer may see of each booked job seeker. Pure: the calendar check is the caller's
//! (`booking::check_within_hours` over the whole run of slots).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::clock::jst;

/// The shortest and longest interview a selection day offers, and the most slots in one run.
pub const MINUTES: std::ops::RangeInclusive<i64> = 10..=120;
pub const MAX_SLOTS: i64 = 40;

/// Why a run of slots cannot be made. Codes are the stable refusal codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SlotsRefusal {
    #[error("an interview lasts 10 to 120 minutes")]
    Length,
    #[error("1 to 40 interview slots")]
    Count,
    #[error("not a time of that day")]
    Time,
}

impl SlotsRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::Length => "invalid_duration",
            Self::Count => "invalid_seats",
            Self::Time => "invalid_time",
        }
    }

    /// The form field the refusal is about.
    pub fn field(self) -> &'static str {
        match self {
            Self::Length => "minutes",
            Self::Count => "count",
            Self::Time => "start",
        }
    }
}

/// One interview slot: its start and end.
pub type Span = (DateTime<Utc>, DateTime<Utc>);

/// `count` back-to-back interviews of `minutes` from `start` (JST) on `day`, as UTC
/// instants: 10:00, 30 minutes, 3 → 10:00–10:30, 10:30–11:00, 11:00–11:30.
pub fn slots(day: NaiveDate, start: NaiveTime, minutes: i64, count: i64) -> Result<Vec<Span>, SlotsRefusal> {
    if !MINUTES.contains(&minutes) {
        return Err(SlotsRefusal::Length);
    }
    if !(1..=MAX_SLOTS).contains(&count) {
        return Err(SlotsRefusal::Count);
    }
    let first = jst()
        .from_local_datetime(&day.and_time(start))
        .single()
        .ok_or(SlotsRefusal::Time)?
        .with_timezone(&Utc);
    let length = Duration::minutes(minutes);
    Ok((0..count)
        .map(|i| {
            let s = first + length * i32::try_from(i).unwrap_or(0);
            (s, s + length)
        })
        .collect())
}

/// What the job seeker ticked when booking (IV-5): each is shown to the employer only if true.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shares {
    pub address: bool,
    pub phone: bool,
    pub number: bool,
}

impl Shares {
    /// The names of what an employer's view shows, for the record of that view: the name
    /// and the time always, the rest as agreed.
    pub fn shown(self) -> String {
        let mut out = vec!["name", "time"];
        for (on, what) in [
            (self.address, "address"),
            (self.phone, "phone"),
            (self.number, "job_seeker_number"),
        ] {
            if on {
                out.push(what);
            }
        }
        out.join(",")
    }

    /// `value` if the job seeker agreed to share it, else nothing.
    pub fn keep(on: bool, value: String) -> Option<String> {
        on.then_some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    // IV-2: a run of slots back to back, in JST, with the bounds refused.
    #[test]
    fn a_run_of_slots() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap_or_default();
        let s = slots(day, t(10, 0), 30, 10).unwrap_or_default();
        assert_eq!(s.len(), 10);
        assert_eq!(s[0].0.with_timezone(&jst()).format("%H:%M").to_string(), "10:00");
        assert_eq!(s[9].1.with_timezone(&jst()).format("%H:%M").to_string(), "15:00");
        assert_eq!(slots(day, t(10, 0), 5, 1), Err(SlotsRefusal::Length));
        assert_eq!(slots(day, t(10, 0), 30, 0), Err(SlotsRefusal::Count));
        assert_eq!(slots(day, t(10, 0), 30, 41), Err(SlotsRefusal::Count));
    }

    // IV-5: only what was ticked is named as shown.
    #[test]
    fn what_an_employer_sees() {
        assert_eq!(Shares::default().shown(), "name,time");
        let s = Shares {
            address: false,
            phone: true,
            number: true,
        };
        assert_eq!(s.shown(), "name,time,phone,job_seeker_number");
        assert_eq!(Shares::keep(false, "x".into()), None);
    }
}
