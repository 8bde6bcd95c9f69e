//! The one place that reads the wall clock (rule TM-4). Everything else takes
//! a `&dyn Clock` or an instant as a parameter, so rules can be tested at any date.

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, TimeZone, Utc};

/// Japan Standard Time: UTC+9, no daylight saving (rule TM-1).
pub fn jst() -> FixedOffset {
    // 9 * 3600 is always within FixedOffset's range of ±86 400 s; the fallback is unreachable.
    FixedOffset::east_opt(9 * 3600).unwrap_or_else(|| Utc.fix())
}

/// A monotonic instant for timing caches and work, never for rules (it has no date).
pub fn monotonic() -> std::time::Instant {
    std::time::Instant::now()
}

/// The source of "now". Instants are UTC; callers convert to JST for display.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in Japan.
    fn today_jst(&self) -> NaiveDate {
        self.now().with_timezone(&jst()).date_naive()
    }
}

/// The real clock, used by `serve` and the CLI.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that always answers the same instant: for tests and for `--today` style tooling.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl FixedClock {
    /// A clock stopped at the given JST wall time.
    pub fn at_jst(date: NaiveDate, hour: u32, minute: u32) -> Option<Self> {
        let local = date.and_hms_opt(hour, minute, 0)?;
        let instant = jst().from_local_datetime(&local).single()?;
        Some(Self(instant.with_timezone(&Utc)))
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The system clock moved forward by an offset that only grows: for `serve --demo
/// --test-clock`, so browser tests reach a consultation's start (and its no-show) without
/// waiting. Time keeps flowing, as it does for the people using the demo.
#[derive(Debug, Default)]
pub struct OffsetClock(std::sync::atomic::AtomicI64);

impl OffsetClock {
    /// Moves the clock forward; a negative or zero step changes nothing.
    pub fn advance(&self, by: chrono::Duration) {
        let secs = by.num_seconds().max(0);
        self.0.fetch_add(secs, std::sync::atomic::Ordering::SeqCst);
    }

    /// How far ahead of the wall clock this clock runs.
    pub fn offset(&self) -> chrono::Duration {
        chrono::Duration::seconds(self.0.load(std::sync::atomic::Ordering::SeqCst))
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset()
    }
}

/// A clock a test moves by hand, shared across tasks.
#[derive(Debug)]
pub struct ManualClock(std::sync::Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self(std::sync::Mutex::new(start))
    }

    pub fn advance(&self, by: chrono::Duration) {
        if let Ok(mut t) = self.0.lock() {
            *t += by;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.0.lock().map(|t| *t).unwrap_or_else(|e| *e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule TM-1: 23:59 and 00:00 JST fall on the JST date, not the UTC one.
    #[test]
    fn jst_day_boundaries() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
        let late = FixedClock::at_jst(d, 23, 59).unwrap();
        assert_eq!(late.today_jst(), d);
        assert_eq!(late.now().date_naive(), d); // 14:59 UTC, same UTC day
        let midnight = FixedClock::at_jst(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), 0, 0).unwrap();
        assert_eq!(midnight.today_jst(), NaiveDate::from_ymd_opt(2027, 1, 1).unwrap());
        assert_eq!(midnight.now().date_naive(), d); // still 31 Dec in UTC
    }
}
