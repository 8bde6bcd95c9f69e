//! Picking a time (issue 13, item 2): one office's week, Monday to Sunday, each day open
//! with its times (free or taken), closed with the reason (TM-3), or outside the days that
//! may be booked now (BK-3); filtered by meeting app (BK-1); and the next free time.

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc};
use madoguchi_domain::calendar::{Closure, DayStatus, OpenHours};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::office::Office;
use madoguchi_store::Db;
use madoguchi_store::consultations::reservations::{self as store, SlotRow};

use crate::AppError;
use crate::offices;

/// One time on a day: its slot, start, app and the seats left (0: taken).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Time {
    pub slot_id: i64,
    pub starts_at: DateTime<Utc>,
    pub app: String,
    pub remaining: i32,
}

impl Time {
    fn of(s: &SlotRow) -> Self {
        Self {
            slot_id: s.id,
            starts_at: s.starts_at,
            app: s.app.clone(),
            remaining: (s.capacity - s.booked).max(0),
        }
    }
}

/// What a day of the week is for someone booking today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    /// TM-3: a holiday, the year-end, the office's own closure, or a weekday it never opens.
    Closed(Closure),
    /// BK-3: open, but before the cut-off has passed for it or beyond the horizon.
    NotBookable(OpenHours),
    /// Open and bookable: its times (of the chosen app), free or taken.
    Open(OpenHours, Vec<Time>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub kind: DayKind,
}

impl Day {
    /// Open and bookable, with times, every one taken.
    pub fn full(&self) -> bool {
        matches!(&self.kind, DayKind::Open(_, times) if !times.is_empty() && times.iter().all(|t| t.remaining == 0))
    }

    /// The times still free.
    pub fn free(&self) -> impl Iterator<Item = &Time> {
        let times = match &self.kind {
            DayKind::Open(_, times) => times.as_slice(),
            _ => &[],
        };
        times.iter().filter(|t| t.remaining > 0)
    }
}

/// An office's week as the booking page draws it.
#[derive(Debug, Clone)]
pub struct Week {
    pub office: Office,
    /// BK-7: the office takes requests, not bookings; `days` still say when it is open.
    pub takes_requests: bool,
    pub monday: NaiveDate,
    pub days: Vec<Day>,
    /// The apps the office has free times for in its bookable days (for the filter).
    pub apps: Vec<String>,
    /// The first free time from now on (of the chosen app), in any week.
    pub next_free: Option<Time>,
    /// Whether the weeks before and after have bookable days.
    pub earlier: bool,
    pub later: bool,
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(u64::from(d.weekday().num_days_from_monday())))
        .unwrap_or(d)
}

fn midnight(d: NaiveDate) -> Result<DateTime<Utc>, AppError> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| jst().from_local_datetime(&t).single())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::invalid("invalid_range", "week", "that week cannot be shown"))
}

/// The week holding `day` (default: the week of the next free time, else of the first day
/// that may be booked now) at `code`, times of `app` only when one is given.
pub async fn week(
    db: &Db,
    clock: &dyn Clock,
    code: &str,
    day: Option<NaiveDate>,
    app: Option<&str>,
) -> Result<Week, AppError> {
    let policy = offices::booking_policy(db, code).await?;
    let (first, last) = policy.bookable_days(clock.today_jst());
    let office_code = offices::get(db, code).await?.code;
    let wanted = |s: &SlotRow| app.is_none_or(|a| s.app == a);
    // The free times of the whole bookable window: the filter's apps, the next free time, and
    // the week shown when none is asked for (the one holding the next free time).
    let after = |d: NaiveDate| d.checked_add_days(Days::new(1)).unwrap_or(d);
    let free = store::free_slots(db, office_code.as_str(), midnight(first)?, midnight(after(last))?).await?;
    let next_free = free.iter().find(|s| wanted(s)).map(Time::of);
    let shown = day
        .or_else(|| {
            next_free
                .as_ref()
                .map(|t| madoguchi_domain::booking::local_date(t.starts_at))
        })
        .unwrap_or(first);
    let monday = monday_of(shown);
    let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
    let calendar = offices::days(db, clock, code, Some(monday), 7).await?;
    let office = calendar.office;
    let slots = store::office_slots(db, office.code.as_str(), midnight(monday)?, midnight(after(sunday))?).await?;
    let days = calendar
        .days
        .into_iter()
        .map(|(date, status)| {
            let kind = match status {
                DayStatus::Closed(c) => DayKind::Closed(c),
                DayStatus::Open(h) if date < first || date > last => DayKind::NotBookable(h),
                DayStatus::Open(h) => DayKind::Open(
                    h,
                    slots
                        .iter()
                        .filter(|s| s.local_date == date && wanted(s))
                        .map(Time::of)
                        .collect(),
                ),
            };
            Day { date, kind }
        })
        .collect();
    let mut apps: Vec<String> = Vec::new();
    for s in &free {
        if !apps.contains(&s.app) {
            apps.push(s.app.clone());
        }
    }
    apps.sort_by_key(|a| crate::consultations::booking::APPS.iter().position(|k| k == a));
    let takes_requests = crate::consultations::requests::takes_requests(db, office.code.as_str()).await?;
    Ok(Week {
        next_free,
        earlier: monday > first,
        later: sunday < last,
        office,
        takes_requests,
        monday,
        days,
        apps,
    })
}
