//! Interviews with employers (rules IV-1, IV-4, IV-5): the states of an interview, the
//! outcomes the employer reports, its time, and what an employer may see. Pure: the
//! clock's `now` is a parameter.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::booking::{BookingRefusal, check_within_hours, local_date};
use crate::calendar::OfficeCalendar;

/// IV-1: the life of an interview. The job seeker answers a proposal; either side may
/// cancel one that still stands. Nothing is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Proposed,
    Accepted,
    Declined,
    CancelledByOffice,
    CancelledByUser,
}

impl State {
    pub const ALL: [State; 5] = [
        Self::Proposed,
        Self::Accepted,
        Self::Declined,
        Self::CancelledByOffice,
        Self::CancelledByUser,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::CancelledByOffice => "cancelled_by_office",
            Self::CancelledByUser => "cancelled_by_user",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still to happen (or happening): the only states that may change.
    pub fn stands(self) -> bool {
        matches!(self, Self::Proposed | Self::Accepted)
    }

    /// The allowed transitions: the answer only to a proposal, a cancellation of either
    /// standing state.
    pub fn may_become(self, next: State) -> bool {
        use State::*;
        matches!(
            (self, next),
            (Proposed, Accepted | Declined | CancelledByOffice | CancelledByUser)
                | (Accepted, CancelledByOffice | CancelledByUser)
        )
    }
}

/// IV-4: what the employer reported (採用 / 不採用 / 選考中 / 辞退).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Hired,
    NotHired,
    InProgress,
    Withdrawn,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [Self::Hired, Self::NotHired, Self::InProgress, Self::Withdrawn];

    pub fn code(self) -> &'static str {
        match self {
            Self::Hired => "hired",
            Self::NotHired => "not_hired",
            Self::InProgress => "in_progress",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// Why an interview change is refused; codes are stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InterviewRefusal {
    #[error("an interview lasts 15 minutes to 3 hours")]
    WrongLength,
    #[error("an interview is arranged for a time still to come")]
    InThePast,
    #[error("the interview has already been answered or cancelled")]
    AlreadyDecided,
    #[error("an outcome is recorded for an accepted interview once it has started")]
    NotHeldYet,
    #[error("the outcome's date is before the interview or in the future")]
    OutcomeDate,
}

impl InterviewRefusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::WrongLength => "invalid_duration",
            Self::InThePast => "date_in_past",
            Self::AlreadyDecided => "already_decided",
            Self::NotHeldYet => "not_started",
            Self::OutcomeDate => "invalid_date",
        }
    }
}

/// The apps an interview may be held in (IV-1).
pub const APPS: [&str; 2] = ["builtin", "zoom"];

/// IV-1: an interview lies in the future, on an open day inside office hours (TM-3), and
/// lasts 15 minutes to 3 hours.
pub fn check_time(
    cal: &OfficeCalendar<'_>,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    let length = ends - starts;
    if length < Duration::minutes(15) || length > Duration::hours(3) {
        return Err(Refusal::Interview(InterviewRefusal::WrongLength));
    }
    if starts <= now {
        return Err(Refusal::Interview(InterviewRefusal::InThePast));
    }
    check_within_hours(cal, starts, ends).map_err(Refusal::Calendar)
}

/// A refusal of the interview's rules or of the office calendar's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error(transparent)]
    Interview(InterviewRefusal),
    #[error(transparent)]
    Calendar(BookingRefusal),
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::Interview(r) => r.code(),
            Self::Calendar(r) => r.code(),
        }
    }
}

/// IV-4: an outcome is recorded for an accepted interview whose start has passed, dated
/// between the interview's day and today (JST).
pub fn check_outcome(
    state: State,
    starts: DateTime<Utc>,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), InterviewRefusal> {
    if state != State::Accepted || now < starts {
        return Err(InterviewRefusal::NotHeldYet);
    }
    if on < local_date(starts) || on > local_date(now) {
        return Err(InterviewRefusal::OutcomeDate);
    }
    Ok(())
}

/// IV-5: what the job seeker agreed the employer may see, beside their name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shares {
    pub address: bool,
    pub phone: bool,
    pub number: bool,
}

impl Shares {
    /// The names of what is shown, for the record of each view (`name` always): no values.
    pub fn shown(self) -> String {
        let mut out = vec!["name"];
        for (on, what) in [
            (self.address, "address"),
            (self.phone, "phone"),
            (self.number, "number"),
        ] {
            if on {
                out.push(what);
            }
        }
        out.join(",")
    }
}

/// IV-1: the employer's link is valid from its issue until the interview's end.
pub fn link_valid(issued: DateTime<Utc>, ends: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    issued <= now && now < ends
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WeeklyHours;
    use crate::clock::jst;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        jst()
            .with_ymd_and_hms(2026, 12, d, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn cal(hours: &WeeklyHours) -> OfficeCalendar<'_> {
        OfficeCalendar { hours, closures: &[] }
    }

    // IV-1: inside office hours, on an open day, in the future.
    #[test]
    fn time_inside_office_hours() {
        let h = WeeklyHours::standard();
        let now = at(1, 9, 0);
        assert_eq!(check_time(&cal(&h), at(3, 10, 0), at(3, 10, 30), now), Ok(()));
        assert_eq!(
            check_time(&cal(&h), at(3, 17, 0), at(3, 17, 30), now).map_err(Refusal::code),
            Err("outside_hours")
        );
        // 2026-12-05 is a Saturday.
        assert_eq!(
            check_time(&cal(&h), at(5, 10, 0), at(5, 10, 30), now).map_err(Refusal::code),
            Err("closed_day")
        );
        assert_eq!(
            check_time(&cal(&h), at(1, 8, 30), at(1, 9, 0), now).map_err(Refusal::code),
            Err("date_in_past")
        );
        assert_eq!(
            check_time(&cal(&h), at(3, 10, 0), at(3, 10, 5), now).map_err(Refusal::code),
            Err("invalid_duration")
        );
    }

    // IV-1: the job seeker answers only a proposal; cancellations only while it stands.
    #[test]
    fn transitions() {
        use State::*;
        assert!(Proposed.may_become(Accepted));
        assert!(Proposed.may_become(Declined));
        assert!(!Accepted.may_become(Declined));
        assert!(!Declined.may_become(Accepted));
        assert!(Accepted.may_become(CancelledByUser));
        assert!(!CancelledByOffice.may_become(CancelledByUser));
        for s in State::ALL {
            assert_eq!(State::parse(s.code()), Some(s));
        }
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.code()), Some(o));
        }
    }

    // IV-4: an outcome only for an accepted interview that has started, dated sensibly.
    #[test]
    fn outcome_rules() {
        let starts = at(3, 10, 0);
        let day = local_date(starts);
        assert_eq!(
            check_outcome(State::Accepted, starts, day, at(3, 9, 59)),
            Err(InterviewRefusal::NotHeldYet)
        );
        assert_eq!(
            check_outcome(State::Proposed, starts, day, at(3, 11, 0)),
            Err(InterviewRefusal::NotHeldYet)
        );
        assert_eq!(check_outcome(State::Accepted, starts, day, at(3, 10, 0)), Ok(()));
        assert_eq!(
            check_outcome(State::Accepted, starts, day.pred_opt().unwrap(), at(4, 10, 0)),
            Err(InterviewRefusal::OutcomeDate)
        );
        assert_eq!(
            check_outcome(State::Accepted, starts, day.succ_opt().unwrap(), at(3, 12, 0)),
            Err(InterviewRefusal::OutcomeDate)
        );
    }

    // IV-5: the record of a view names the fields shown, never their values.
    #[test]
    fn shown_names_fields() {
        assert_eq!(Shares::default().shown(), "name");
        let all = Shares {
            address: true,
            phone: true,
            number: true,
        };
        assert_eq!(all.shown(), "name,address,phone,number");
    }

    // IV-1: the link is valid from its issue until the interview's end.
    #[test]
    fn link_window() {
        let (issued, ends) = (at(1, 9, 0), at(3, 10, 30));
        assert!(link_valid(issued, ends, at(2, 9, 0)));
        assert!(!link_valid(issued, ends, ends));
        assert!(!link_valid(issued, ends, at(1, 8, 59)));
    }
}
