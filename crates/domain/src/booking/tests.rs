use chrono::TimeZone;

use super::*;
use crate::calendar::{OfficeClosure, WeeklyHours};
use crate::clock::Clock;
use crate::clock::FixedClock;

fn jst_at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    jst().with_ymd_and_hms(y, m, d, h, min, s).unwrap().with_timezone(&Utc)
}

fn slot(y: i32, m: u32, d: u32, h: u32, min: u32) -> (DateTime<Utc>, DateTime<Utc>) {
    let s = jst_at(y, m, d, h, min, 0);
    (s, s + CONSULTATION)
}

// rule BK-1: 30 minutes, inside office hours, on an open day.
#[test]
fn slots_fit_the_office_calendar() {
    let hours = WeeklyHours::standard();
    let closures = vec![
        OfficeClosure {
            date: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            reason: "点検".into(),
            hours: None,
        },
        OfficeClosure {
            date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
            reason: "停電".into(),
            hours: crate::calendar::ClosedHours::new(
                chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
                chrono::NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            ),
        },
    ];
    let cal = OfficeCalendar {
        hours: &hours,
        closures: &closures,
    };
    let (s, e) = slot(2026, 12, 3, 8, 30);
    assert_eq!(check_slot(&cal, s, e), Ok(()));
    let (s, e) = slot(2026, 12, 3, 16, 45);
    assert_eq!(check_slot(&cal, s, e), Ok(()), "ends at 17:15 exactly");
    let (s, e) = slot(2026, 12, 3, 16, 50);
    assert_eq!(check_slot(&cal, s, e), Err(BookingRefusal::OutsideHours));
    let (s, e) = slot(2026, 12, 3, 8, 0);
    assert_eq!(check_slot(&cal, s, e), Err(BookingRefusal::OutsideHours));
    let (s, _) = slot(2026, 12, 3, 10, 0);
    assert_eq!(
        check_slot(&cal, s, s + Duration::minutes(60)),
        Err(BookingRefusal::WrongLength)
    );
    for (y, m, d) in [
        (2026, 12, 4),
        (2026, 12, 5),
        (2026, 11, 23),
        (2026, 12, 29),
        (2027, 1, 1),
    ] {
        let (s, e) = slot(y, m, d, 10, 0);
        assert_eq!(check_slot(&cal, s, e), Err(BookingRefusal::ClosedDay), "{y}-{m}-{d}");
    }
    // The day after a holiday and the Monday after a 振替休日 are ordinary days.
    let (s, e) = slot(2026, 11, 24, 10, 0);
    assert_eq!(check_slot(&cal, s, e), Ok(()), "the day after 勤労感謝の日");
    let (s, e) = slot(2026, 5, 6, 10, 0);
    assert_eq!(
        check_slot(&cal, s, e),
        Err(BookingRefusal::ClosedDay),
        "2026-05-06 is a 振替休日"
    );
    let (s, e) = slot(2026, 5, 7, 10, 0);
    assert_eq!(check_slot(&cal, s, e), Ok(()), "the day after the 振替休日");
    // 12/28 is open, 12/29 is closed.
    let (s, e) = slot(2026, 12, 28, 10, 0);
    assert_eq!(check_slot(&cal, s, e), Ok(()));
    // rule TM-3: 12/8 is closed 10:00–12:00 only; slots touching the window at its edges fit.
    for (h, m, fits) in [
        (9, 30, true),
        (9, 45, false),
        (10, 0, false),
        (11, 30, false),
        (12, 0, true),
    ] {
        let (s, e) = slot(2026, 12, 8, h, m);
        let want = if fits { Ok(()) } else { Err(BookingRefusal::ClosedHours) };
        assert_eq!(check_slot(&cal, s, e), want, "{h}:{m}");
    }
}

// rule BK-3: until 23:59:59 JST the day before; not from 00:00:00; at most 30 days ahead.
#[test]
fn cutoff_and_horizon() {
    let (start, _) = slot(2026, 12, 25, 9, 0);
    assert_eq!(check_booking_time(start, jst_at(2026, 12, 24, 23, 59, 59), P), Ok(()));
    assert_eq!(
        check_booking_time(start, jst_at(2026, 12, 25, 0, 0, 0), P),
        Err(BookingRefusal::CutoffPassed)
    );
    assert_eq!(
        check_booking_time(start, jst_at(2026, 12, 25, 8, 0, 0), P),
        Err(BookingRefusal::CutoffPassed)
    );
    // 23:59:59 JST is 14:59:59 UTC of the same date: the JST date decides, not the UTC one.
    let clock = FixedClock(jst_at(2026, 12, 24, 23, 59, 59));
    assert_eq!(clock.now().date_naive(), NaiveDate::from_ymd_opt(2026, 12, 24).unwrap());
    assert_eq!(
        check_booking_time(start, jst_at(2026, 11, 25, 0, 0, 0), P),
        Ok(()),
        "exactly 30 days ahead"
    );
    assert_eq!(
        check_booking_time(start, jst_at(2026, 11, 24, 23, 59, 59), P),
        Err(BookingRefusal::OutsideHorizon)
    );
    // Year-end: booking 2027-01-04 (first open day) from 12/28.
    let (jan4, _) = slot(2027, 1, 4, 9, 0);
    assert_eq!(check_booking_time(jan4, jst_at(2026, 12, 28, 17, 0, 0), P), Ok(()));
}

const P: Policy = Policy {
    cutoff_days: 1,
    horizon_days: 30,
};

// rule BK-3: an office may set a stricter cut-off and a shorter horizon, never looser.
#[test]
fn office_policy() {
    assert_eq!(Policy::default(), P);
    let strict = Policy::new(3, 14).unwrap();
    let (start, _) = slot(2026, 12, 25, 9, 0);
    // Three days before: bookings close at 23:59:59 JST on 12/22.
    assert_eq!(
        check_booking_time(start, jst_at(2026, 12, 22, 23, 59, 59), strict),
        Ok(())
    );
    assert_eq!(
        check_booking_time(start, jst_at(2026, 12, 23, 0, 0, 0), strict),
        Err(BookingRefusal::CutoffPassed)
    );
    // 14 days ahead, not 30.
    assert_eq!(check_booking_time(start, jst_at(2026, 12, 11, 0, 0, 0), strict), Ok(()));
    assert_eq!(
        check_booking_time(start, jst_at(2026, 12, 10, 23, 59, 59), strict),
        Err(BookingRefusal::OutsideHorizon)
    );
    assert_eq!(Policy::new(0, 30), None, "same-day booking is looser than the rule");
    assert_eq!(Policy::new(1, 31), None, "past the decided 30 days");
    assert_eq!(Policy::new(15, 30), None);
    assert_eq!(Policy::new(5, 4), None, "nothing would be bookable");
}

// rule BK-3: the window never turns inside out, even at the end of the calendar (found by
// the `dates` fuzz target: the last day fell back to today, before the first).
#[test]
fn bookable_days_at_the_end_of_the_calendar() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    assert_eq!(P.bookable_days(today), (today + Days::new(1), today + Days::new(30)));
    let near_end = NaiveDate::MAX - Days::new(1);
    assert_eq!(P.bookable_days(near_end), (NaiveDate::MAX, NaiveDate::MAX));
}

// rule BK-16: states and transitions; BK-4: which states count for the day.
#[test]
fn states_and_transitions() {
    use State::*;
    assert!(Requested.may_become(Confirmed));
    assert!(Confirmed.may_become(CancelledByUser));
    assert!(Confirmed.may_become(NoShow));
    assert!(NoShow.may_become(Attended), "a mistaken no-show is corrected");
    assert!(!CancelledByUser.may_become(Confirmed), "cancellation is final");
    assert!(!Attended.may_become(NoShow));
    for s in State::ALL {
        assert_eq!(State::parse(s.code()), Some(s));
    }
    let counted: Vec<_> = State::ALL
        .into_iter()
        .filter(|s| s.counts_for_the_day())
        .map(State::code)
        .collect();
    assert_eq!(counted, ["requested", "confirmed", "attended", "no_show"]);
}

// rules BK-10, BK-11, BK-12
#[test]
fn cancel_no_show_and_restriction() {
    let (start, _) = slot(2026, 12, 3, 10, 0);
    assert!(user_may_cancel(State::Confirmed, start, start - Duration::seconds(1)));
    assert!(!user_may_cancel(State::Confirmed, start, start));
    assert!(!is_no_show(
        State::Confirmed,
        false,
        start,
        start + Duration::minutes(9)
    ));
    assert!(is_no_show(
        State::Confirmed,
        false,
        start,
        start + Duration::minutes(10)
    ));
    assert!(!is_no_show(
        State::Confirmed,
        true,
        start,
        start + Duration::minutes(30)
    ));
    let window = Duration::days(90);
    let now = jst_at(2026, 12, 3, 12, 0, 0);
    assert!(!restricted(&[now - Duration::days(10)], now, 2, window));
    assert!(restricted(
        &[now - Duration::days(10), now - Duration::days(89)],
        now,
        2,
        window
    ));
    assert!(!restricted(
        &[now - Duration::days(10), now - Duration::days(91)],
        now,
        2,
        window
    ));
}
