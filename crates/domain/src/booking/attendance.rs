//! When staff may record what happened at a consultation (rules BK-10, BK-11, BK-16): joined
//! and attended only from its start until the end of its day in Japan time; a correction or
//! an early end only after the start; a cancellation only before the start. Refused by the
//! use case, not only hidden on the page.

use chrono::{DateTime, Days, NaiveTime, TimeZone, Utc};

use super::local_date;
use crate::clock::jst;

/// What staff record, by when it may be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// Joined or attended: during the consultation's day, from its start.
    Presence,
    /// A corrected no-show or an early end (with a reason): any time after the start.
    Correction,
    /// A phone cancellation or a cancellation by the office: before the start.
    Cancellation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RecordRefusal {
    #[error("the consultation has not started yet")]
    NotStarted,
    #[error("the consultation's day is over: record a correction with a reason")]
    DayOver,
    #[error("the consultation has already started")]
    AlreadyStarted,
}

impl RecordRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::DayOver => "day_over",
            Self::AlreadyStarted => "already_started",
        }
    }
}

/// The first instant after the consultation's day (00:00 JST of the next day).
fn end_of_day(starts_at: DateTime<Utc>) -> DateTime<Utc> {
    let next = local_date(starts_at)
        .checked_add_days(Days::new(1))
        .unwrap_or(chrono::NaiveDate::MAX);
    jst()
        .from_local_datetime(&next.and_time(NaiveTime::MIN))
        .single()
        .map_or(DateTime::<Utc>::MAX_UTC, |t| t.with_timezone(&Utc))
}

pub fn may_record(what: Record, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), RecordRefusal> {
    match what {
        Record::Presence if now < starts_at => Err(RecordRefusal::NotStarted),
        Record::Presence if now >= end_of_day(starts_at) => Err(RecordRefusal::DayOver),
        Record::Correction if now < starts_at => Err(RecordRefusal::NotStarted),
        Record::Cancellation if now >= starts_at => Err(RecordRefusal::AlreadyStarted),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jst_at(d: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
        jst()
            .with_ymd_and_hms(2026, 12, d, h, m, s)
            .unwrap()
            .with_timezone(&Utc)
    }

    // rules BK-11, BK-16: at 08:59:59 JST a 09:00 consultation has not started; at 09:00:00 it
    // has; until 23:59:59 that day presence may be recorded, from 00:00:00 the next day not.
    #[test]
    fn presence_from_the_start_until_the_day_ends() {
        let start = jst_at(2, 9, 0, 0);
        let at = |d, h, m, s| may_record(Record::Presence, start, jst_at(d, h, m, s));
        assert_eq!(at(1, 7, 53, 0), Err(RecordRefusal::NotStarted), "the day before");
        assert_eq!(at(2, 8, 59, 59), Err(RecordRefusal::NotStarted));
        assert_eq!(at(2, 9, 0, 0), Ok(()));
        assert_eq!(at(2, 23, 59, 59), Ok(()));
        assert_eq!(at(3, 0, 0, 0), Err(RecordRefusal::DayOver));
        assert_eq!(RecordRefusal::NotStarted.code(), "not_started");
    }

    // rule BK-16: corrections only after the start, but also on later days; rule BK-10:
    // cancellations only before it.
    #[test]
    fn corrections_after_and_cancellations_before_the_start() {
        let start = jst_at(2, 9, 0, 0);
        assert_eq!(
            may_record(Record::Correction, start, jst_at(2, 8, 59, 59)),
            Err(RecordRefusal::NotStarted)
        );
        assert_eq!(may_record(Record::Correction, start, jst_at(9, 12, 0, 0)), Ok(()));
        assert_eq!(may_record(Record::Cancellation, start, jst_at(2, 8, 59, 59)), Ok(()));
        assert_eq!(
            may_record(Record::Cancellation, start, jst_at(2, 9, 0, 0)),
            Err(RecordRefusal::AlreadyStarted)
        );
    }

    // Year-end: a consultation on 12/28 (the last open day) ends with that day.
    #[test]
    fn the_day_ends_at_midnight_jst_across_the_year() {
        let start = jst_at(28, 16, 30, 0);
        assert_eq!(may_record(Record::Presence, start, jst_at(28, 23, 59, 59)), Ok(()));
        assert_eq!(
            may_record(Record::Presence, start, jst_at(29, 0, 0, 0)),
            Err(RecordRefusal::DayOver)
        );
    }
}
