//! A closure as typed (the console's form, the CLI's arguments) and the checks it passes
//! before anything is previewed or closed: every problem at once, each at its field.

use chrono::{NaiveDate, NaiveTime};
use madoguchi_domain::calendar::ClosedHours;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::dates::{parse_date, parse_time};

use crate::AppError;
use crate::shared::{FieldProblem, fields};

/// The longest reason (it goes into every notice).
pub const REASON_MAX: usize = 200;

/// What was typed. `whole_day` false means `from`–`until` (HH:MM, JST) of `day`.
#[derive(Debug, Clone, Copy)]
pub struct Draft<'a> {
    pub day: &'a str,
    pub whole_day: bool,
    pub from: &'a str,
    pub until: &'a str,
    pub reason: &'a str,
}

/// A closure that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub day: NaiveDate,
    /// `None`: the whole day.
    pub hours: Option<ClosedHours>,
    pub reason: String,
}

/// The closure, or every problem with it: `required`, `invalid_date`, `date_in_past` (a
/// closure is announced for today or later, TM-3), `invalid_time`, `invalid_range` (until
/// not after from), and the reason's N10 check (`invalid_characters`, `too_long`).
pub fn check(clock: &dyn Clock, d: &Draft<'_>) -> Result<Closing, AppError> {
    let mut problems = Vec::new();
    let day = match d.day.trim() {
        "" => {
            problems.push(FieldProblem::new("day", "required"));
            None
        }
        s => match parse_date(s) {
            None => {
                problems.push(FieldProblem::new("day", "invalid_date"));
                None
            }
            Some(day) if day < clock.today_jst() => {
                problems.push(FieldProblem::new("day", "date_in_past"));
                None
            }
            Some(day) => Some(day),
        },
    };
    let hours = if d.whole_day {
        None
    } else {
        let from = time(&mut problems, "from", d.from);
        let until = time(&mut problems, "until", d.until);
        match (from, until) {
            (Some(f), Some(u)) => match ClosedHours::new(f, u) {
                Some(h) => Some(h),
                None => {
                    problems.push(FieldProblem::new("until", "invalid_range"));
                    None
                }
            },
            _ => None,
        }
    };
    problems.extend(fields::problem(
        "reason",
        d.reason,
        FieldKind::SingleLine,
        REASON_MAX,
        true,
    ));
    match day {
        Some(day) if problems.is_empty() => Ok(Closing {
            day,
            hours,
            reason: d.reason.trim().to_owned(),
        }),
        _ => Err(AppError::Fields(problems)),
    }
}

fn time(problems: &mut Vec<FieldProblem>, field: &'static str, value: &str) -> Option<NaiveTime> {
    match value.trim() {
        "" => {
            problems.push(FieldProblem::new(field, "required"));
            None
        }
        s => {
            let t = parse_time(s);
            if t.is_none() {
                problems.push(FieldProblem::new(field, "invalid_time"));
            }
            t
        }
    }
}

/// `10:00–12:00`, or `None` for the whole day.
pub fn hours_text(hours: Option<ClosedHours>) -> Option<String> {
    hours.map(|h| format!("{}–{}", h.from.format("%H:%M"), h.until.format("%H:%M")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use madoguchi_domain::clock::FixedClock;

    fn clock() -> FixedClock {
        FixedClock::at_jst(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), 10, 0).unwrap()
    }

    fn codes(d: &Draft<'_>) -> Vec<(&'static str, &'static str)> {
        match check(&clock(), d) {
            Err(AppError::Fields(p)) => p.iter().map(|p| (p.field, p.code)).collect(),
            other => panic!("{other:?}"),
        }
    }

    // rule TM-3: a closure is for today or later, its hours run forward, its reason obeys N10;
    // every problem is reported at once, each at its field.
    #[test]
    fn every_problem_at_its_field() {
        let ok = Draft {
            day: "2026-12-01",
            whole_day: false,
            from: "10:00",
            until: "12:00",
            reason: " 停電のため ",
        };
        let c = check(&clock(), &ok).unwrap();
        assert_eq!(hours_text(c.hours).unwrap(), "10:00–12:00");
        assert_eq!(c.reason, "停電のため");
        assert!(
            check(
                &clock(),
                &Draft {
                    whole_day: true,
                    from: "x",
                    ..ok
                }
            )
            .unwrap()
            .hours
            .is_none(),
            "a whole day ignores the hours"
        );
        let bad = Draft {
            day: "2026-11-30",
            whole_day: false,
            from: "12:00",
            until: "10:00",
            reason: "①",
        };
        assert_eq!(
            codes(&bad),
            [
                ("day", "date_in_past"),
                ("until", "invalid_range"),
                ("reason", "invalid_characters")
            ]
        );
        let unreadable = Draft {
            day: "2026-13-01",
            from: "",
            until: "25:00",
            reason: "",
            ..bad
        };
        assert_eq!(
            codes(&unreadable),
            [
                ("day", "invalid_date"),
                ("from", "required"),
                ("until", "invalid_time"),
                ("reason", "required")
            ]
        );
    }
}
