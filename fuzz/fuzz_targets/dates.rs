//! Dates: the strict parsers of `domain::dates`, the chrono calls the pages make today
//! (`parse_from_str` after `trim`, in crates/web and crates/app), and the domain's calendar,
//! booking and clock rules on whatever date they produce, however far from today.
#![no_main]

use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use libfuzzer_sys::fuzz_target;
use madoguchi_domain::booking::{Policy, local_date};
use madoguchi_domain::calendar::{
    ClosureKind, DayStatus, OfficeCalendar, WeeklyHours, is_year_end, national_closure, national_closures,
};
use madoguchi_domain::clock::FixedClock;
use madoguchi_domain::dates::{parse_date, parse_date_time, parse_time};

fuzz_target!(|s: &str| {
    // Strict: accepted exactly when it is the canonical text of the value, and chrono agrees.
    if let Some(d) = parse_date(s) {
        assert_eq!(d.format("%Y-%m-%d").to_string(), s);
        assert_eq!(NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(), Some(d));
    }
    if let Some(t) = parse_time(s) {
        assert_eq!(t.format("%H:%M").to_string(), s);
    }
    if let Some(dt) = parse_date_time(s) {
        assert_eq!(dt.format("%Y-%m-%dT%H:%M").to_string(), s);
    }
    // As the pages parse today: lenient, but what comes out must survive the domain.
    let day = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let time = NaiveTime::parse_from_str(s.trim(), "%H:%M").ok();
    let at = NaiveDateTime::parse_from_str(s.trim(), "%Y-%m-%dT%H:%M").ok();
    if let Some(d) = day {
        // chrono's own round trip.
        assert_eq!(
            NaiveDate::parse_from_str(&d.format("%Y-%m-%d").to_string(), "%Y-%m-%d").ok(),
            Some(d)
        );
        rules(d, 9, 0);
    }
    if let Some(t) = time {
        rules(NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(), t.hour(), t.minute());
    }
    if let Some(dt) = at {
        rules(dt.date(), dt.hour(), dt.minute());
    }
});

fn rules(d: NaiveDate, hour: u32, minute: u32) {
    let hours = WeeklyHours::standard();
    let cal = OfficeCalendar {
        hours: &hours,
        closures: &[],
    };
    let national = national_closure(d);
    if let Some(c) = &national {
        assert_eq!(c.date, d);
        if c.kind == ClosureKind::YearEnd {
            assert!(is_year_end(d));
        }
    }
    match cal.day(d) {
        DayStatus::Closed(c) => assert_eq!(c.date, d),
        DayStatus::Open(_) => assert!(national.is_none()),
    }
    let ahead = cal.next_closures(d, 3, 40);
    assert!(ahead.windows(2).all(|w| w[0].date < w[1].date));
    assert!(ahead.iter().all(|c| c.date >= d && (c.date - d).num_days() < 40));
    let to = d.checked_add_days(Days::new(40)).unwrap_or(d);
    let listed: Vec<NaiveDate> = national_closures(d, to).map(|c| c.date).collect();
    assert!(listed.windows(2).all(|w| w[0] < w[1]) && listed.iter().all(|x| *x >= d && *x <= to));
    if let Some(policy) = Policy::new(1, 30) {
        let (first, last) = policy.bookable_days(d);
        assert!(d <= first && first <= last, "{d} {first} {last}");
    }
    if let Some(clock) = FixedClock::at_jst(d, hour, minute) {
        assert_eq!(local_date(clock.0), d);
    }
}
