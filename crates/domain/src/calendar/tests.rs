use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn closures() -> Vec<OfficeClosure> {
    vec![
        OfficeClosure {
            date: d(2026, 12, 4),
            reason: "庁舎設備点検".into(),
            hours: None,
        },
        OfficeClosure {
            date: d(2026, 12, 8),
            reason: "停電".into(),
            hours: ClosedHours::new(t(10, 0), t(12, 0)),
        },
    ]
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

// rule TM-2: the default is Mon–Fri 08:30–17:15, closed at weekends.
#[test]
fn standard_hours() {
    let h = WeeklyHours::standard();
    let mon = h.on(Weekday::Mon).unwrap();
    assert_eq!(mon.opens, NaiveTime::from_hms_opt(8, 30, 0).unwrap());
    assert_eq!(mon.closes, NaiveTime::from_hms_opt(17, 15, 0).unwrap());
    assert!(h.on(Weekday::Sat).is_none());
    assert!(h.on(Weekday::Sun).is_none());
    assert!(OpenHours::new(mon.closes, mon.opens).is_none());
}

// rule TM-3: 12/29–1/3 is closed, 12/28 and 1/4 are not year-end.
#[test]
fn year_end_boundaries() {
    assert!(!is_year_end(d(2026, 12, 28)));
    for day in [d(2026, 12, 29), d(2026, 12, 31), d(2027, 1, 2), d(2027, 1, 3)] {
        assert!(is_year_end(day), "{day}");
    }
    assert!(!is_year_end(d(2027, 1, 4)));
    let c = national_closure(d(2026, 12, 29)).unwrap();
    assert_eq!((c.kind, c.name_ja.as_str()), (ClosureKind::YearEnd, "年末年始"));
}

// rule TM-3: 元日 is inside the year-end period but is named as the holiday.
#[test]
fn new_year_is_named_as_holiday() {
    let c = national_closure(d(2027, 1, 1)).unwrap();
    assert_eq!((c.kind, c.name_ja.as_str()), (ClosureKind::Holiday, "元日"));
}

// rule TM-3: a holiday, the day before it, an office closure and a weekend at one office.
#[test]
fn office_day_status() {
    let hours = WeeklyHours::standard();
    let closures = closures();
    let cal = OfficeCalendar {
        hours: &hours,
        closures: &closures,
    };
    // 2026-11-23 (Mon) 勤労感謝の日; the day before is a Sunday; 11-24 is an ordinary Tuesday.
    match cal.day(d(2026, 11, 23)) {
        DayStatus::Closed(c) => assert_eq!(c.name_ja, "勤労感謝の日"),
        other => panic!("{other:?}"),
    }
    assert!(matches!(cal.day(d(2026, 11, 24)), DayStatus::Open(_)));
    // The day before a holiday is an ordinary working day: 2027-01-08 (Fri) before 成人の日 01-11.
    assert!(matches!(cal.day(d(2027, 1, 8)), DayStatus::Open(_)));
    match cal.day(d(2026, 12, 4)) {
        DayStatus::Closed(c) => assert_eq!((c.kind, c.name_ja.as_str()), (ClosureKind::Office, "庁舎設備点検")),
        other => panic!("{other:?}"),
    }
    match cal.day(d(2026, 11, 28)) {
        DayStatus::Closed(c) => assert_eq!(c.kind, ClosureKind::Weekly),
        other => panic!("{other:?}"),
    }
}

// rule TM-3: the "next closed days" list skips weekends and finds the office closure first.
#[test]
fn next_closures_in_order() {
    let hours = WeeklyHours::standard();
    let closures = closures();
    let cal = OfficeCalendar {
        hours: &hours,
        closures: &closures,
    };
    let next = cal.next_closures(d(2026, 11, 25), 3, 60);
    let names: Vec<_> = next.iter().map(|c| (c.date, c.kind)).collect();
    assert_eq!(
        names,
        vec![
            (d(2026, 12, 4), ClosureKind::Office),
            (d(2026, 12, 29), ClosureKind::YearEnd),
            (d(2026, 12, 30), ClosureKind::YearEnd),
        ]
    );
}

// rule TM-3: a day closed only in part is open, with its closed hours; a window touching
// the closed hours only at its edge does not overlap them; an empty window is refused.
#[test]
fn part_day_closure_leaves_the_day_open() {
    let hours = WeeklyHours::standard();
    let closures = closures();
    let cal = OfficeCalendar {
        hours: &hours,
        closures: &closures,
    };
    assert!(matches!(cal.day(d(2026, 12, 8)), DayStatus::Open(_)));
    let w = cal.closed_hours(d(2026, 12, 8)).unwrap();
    assert_eq!((w.from, w.until), (t(10, 0), t(12, 0)));
    assert!(
        cal.closed_hours(d(2026, 12, 4)).is_none(),
        "a whole-day closure has no hours"
    );
    assert!(w.overlaps(t(9, 45), t(10, 15)));
    assert!(w.overlaps(t(11, 30), t(12, 0)));
    assert!(!w.overlaps(t(9, 30), t(10, 0)), "ends as the closure starts");
    assert!(!w.overlaps(t(12, 0), t(12, 30)), "starts as the closure ends");
    assert!(ClosedHours::new(t(12, 0), t(12, 0)).is_none());
    assert!(ClosedHours::new(t(13, 0), t(12, 0)).is_none());
    // Kept as instants: 10:00 JST is 01:00 UTC; read back, the same JST hours.
    let (from, until) = w.instants(d(2026, 12, 8));
    assert_eq!(from.to_rfc3339(), "2026-12-08T01:00:00+00:00");
    assert_eq!(ClosedHours::from_instants(from, until), Some(w));
    // Not a closed day: the list of next closed days skips it.
    let next = cal.next_closures(d(2026, 12, 5), 1, 10);
    assert!(next.is_empty(), "{next:?}");
}

// rule TM-3: a 100-year range lists every national closure once, in order.
#[test]
fn national_closures_over_a_century() {
    let all: Vec<_> = national_closures(d(1990, 1, 1), d(2089, 12, 31)).collect();
    assert!(all.windows(2).all(|w| w[0].date < w[1].date));
    // Every year has 6 year-end days, at least 3 of them (1/1 and possibly others) named as holidays.
    assert!(all.len() > 100 * (15 + 5));
}
