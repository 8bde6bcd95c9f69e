//! The office calendar (rules TM-2, TM-3): which days exist for booking, and why a day is closed.

pub mod holidays;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

pub use holidays::{Holiday, national_holiday};

/// Opening and closing time of one weekday, JST wall time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenHours {
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

impl OpenHours {
    /// `None` unless the office opens before it closes.
    pub fn new(opens: NaiveTime, closes: NaiveTime) -> Option<Self> {
        (opens < closes).then_some(Self { opens, closes })
    }
}

/// Office hours per weekday, Monday first (rule TM-2). `None` means closed that weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyHours(pub [Option<OpenHours>; 7]);

impl WeeklyHours {
    /// The default of rule TM-2: Monday to Friday, 08:30–17:15.
    pub fn standard() -> Self {
        let day = NaiveTime::from_hms_opt(8, 30, 0)
            .zip(NaiveTime::from_hms_opt(17, 15, 0))
            .and_then(|(o, c)| OpenHours::new(o, c));
        Self([day, day, day, day, day, None, None])
    }

    pub fn on(&self, weekday: Weekday) -> Option<OpenHours> {
        self.0[weekday.num_days_from_monday() as usize]
    }

    pub fn set(&mut self, weekday: Weekday, hours: Option<OpenHours>) {
        self.0[weekday.num_days_from_monday() as usize] = hours;
    }
}

impl Default for WeeklyHours {
    fn default() -> Self {
        Self::standard()
    }
}

/// Why a day is closed. The wire names are stable API values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosureKind {
    /// 国民の祝日, 振替休日 or 国民の休日.
    Holiday,
    /// 年末年始, 12/29–1/3.
    YearEnd,
    /// A closure the office itself announced.
    Office,
    /// The office has no hours on this weekday (weekends, usually).
    Weekly,
}

/// A closed day and its reason, named in Japanese and English where the name is ours (the
/// API returns both). Pages name a holiday by its `holiday` code from the locale files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub date: NaiveDate,
    pub kind: ClosureKind,
    /// The holiday's code (`Holiday::code`) when `kind` is `Holiday`.
    pub holiday: Option<&'static str>,
    pub name_ja: String,
    pub name_en: String,
}

/// A day the office announced it is closed, with its own reason (e.g. 庁舎点検): the whole
/// day, or only `hours` of it (rule TM-3: a typhoon's morning, a power cut's afternoon).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeClosure {
    pub date: NaiveDate,
    pub reason: String,
    /// `None`: the whole day. `Some`: the office is open that day except these hours.
    pub hours: Option<ClosedHours>,
}

/// The part of one day an office closed, JST wall time: from `from` (included) until
/// `until` (excluded). A closure ends inside its day; closing to the end of the day is
/// closing the whole day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedHours {
    pub from: NaiveTime,
    pub until: NaiveTime,
}

impl ClosedHours {
    /// `None` unless the window is not empty (`from` before `until`).
    pub fn new(from: NaiveTime, until: NaiveTime) -> Option<Self> {
        (from < until).then_some(Self { from, until })
    }

    /// Whether a session from `start` until `end` (same day) has any minute in the window.
    pub fn overlaps(&self, start: NaiveTime, end: NaiveTime) -> bool {
        start < self.until && end > self.from
    }

    /// The window on `date` as instants, as the database keeps it.
    pub fn instants(&self, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        (jst_instant(date, self.from), jst_instant(date, self.until))
    }

    /// The window from stored instants, in JST wall time (`None` if it is empty).
    pub fn from_instants(from: DateTime<Utc>, until: DateTime<Utc>) -> Option<Self> {
        let jst = crate::clock::jst();
        Self::new(from.with_timezone(&jst).time(), until.with_timezone(&jst).time())
    }
}

/// The instant of a JST wall time (Japan has one fixed offset, so there is exactly one).
fn jst_instant(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let offset = chrono::TimeDelta::seconds(i64::from(crate::clock::jst().local_minus_utc()));
    (date.and_time(time) - offset).and_utc()
}

pub const YEAR_END_JA: &str = "年末年始";
pub const YEAR_END_EN: &str = "Year-end holidays";

/// 12/29 to 1/3 inclusive (rule TM-3).
pub fn is_year_end(date: NaiveDate) -> bool {
    matches!((date.month(), date.day()), (12, 29..=31) | (1, 1..=3))
}

/// The nationwide closure on `date`, if any. A holiday inside the year-end
/// period (元日) is named as the holiday, because that is what people call it.
pub fn national_closure(date: NaiveDate) -> Option<Closure> {
    if let Some(h) = national_holiday(date) {
        return Some(Closure {
            date,
            kind: ClosureKind::Holiday,
            holiday: Some(h.code),
            name_ja: h.name_ja.to_owned(),
            name_en: h.name_en.to_owned(),
        });
    }
    is_year_end(date).then(|| Closure {
        date,
        kind: ClosureKind::YearEnd,
        holiday: None,
        name_ja: YEAR_END_JA.to_owned(),
        name_en: YEAR_END_EN.to_owned(),
    })
}

/// One office's calendar: its weekly hours and its own closures.
#[derive(Debug, Clone, Copy)]
pub struct OfficeCalendar<'a> {
    pub hours: &'a WeeklyHours,
    /// Sorted by date; `closure_on` binary-searches it.
    pub closures: &'a [OfficeClosure],
}

/// What a day looks like at one office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayStatus {
    Open(OpenHours),
    Closed(Closure),
}

impl OfficeCalendar<'_> {
    /// The office's own closure on `date`, if any.
    pub fn office_closure(&self, date: NaiveDate) -> Option<&OfficeClosure> {
        self.closures
            .binary_search_by_key(&date, |c| c.date)
            .ok()
            .map(|i| &self.closures[i])
    }

    /// The hours the office closed on `date` when it closed only part of the day.
    pub fn closed_hours(&self, date: NaiveDate) -> Option<ClosedHours> {
        self.office_closure(date).and_then(|c| c.hours)
    }

    /// Whether the office is open on `date`, and its hours (rule TM-3: national
    /// closures first, then the office's own, then its weekly pattern). A day closed only
    /// in part is open; `closed_hours` says which hours are not.
    pub fn day(&self, date: NaiveDate) -> DayStatus {
        if let Some(c) = national_closure(date) {
            return DayStatus::Closed(c);
        }
        if let Some(c) = self.office_closure(date).filter(|c| c.hours.is_none()) {
            return DayStatus::Closed(Closure {
                date,
                kind: ClosureKind::Office,
                holiday: None,
                name_ja: c.reason.clone(),
                name_en: c.reason.clone(),
            });
        }
        match self.hours.on(date.weekday()) {
            Some(h) => DayStatus::Open(h),
            None => DayStatus::Closed(Closure {
                date,
                kind: ClosureKind::Weekly,
                holiday: None,
                name_ja: "閉庁日".to_owned(),
                name_en: "Closed on this weekday".to_owned(),
            }),
        }
    }

    /// The next `count` closed days on or after `from` that are not just the
    /// weekly pattern, looking at most `horizon` days ahead.
    pub fn next_closures(&self, from: NaiveDate, count: usize, horizon: u32) -> Vec<Closure> {
        from.iter_days()
            .take(horizon as usize)
            .filter_map(|d| match self.day(d) {
                DayStatus::Closed(c) if c.kind != ClosureKind::Weekly => Some(c),
                _ => None,
            })
            .take(count)
            .collect()
    }
}

/// National closures (holidays and year-end) in `from..=to`, in date order.
pub fn national_closures(from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = Closure> {
    from.iter_days()
        .take_while(move |d| *d <= to)
        .filter_map(national_closure)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
