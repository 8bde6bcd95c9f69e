//! What the public and the operator do with offices: look at them, add and edit them,
//! announce and withdraw closures.

pub mod apps;
pub mod areas;
pub mod calendar;
pub mod import;

use chrono::{Days, NaiveDate};
use madoguchi_domain::booking::Policy;
use madoguchi_domain::calendar::{Closure, DayStatus, OfficeCalendar, OfficeClosure};
use madoguchi_domain::characters::{self, FieldKind};
use madoguchi_domain::clock::Clock;
use madoguchi_domain::office::{Office, OfficeCode};
use madoguchi_store::{Db, offices as store};

use crate::AppError;

/// How many upcoming closures the top page shows per office, looking this far ahead.
pub const NEXT_CLOSURES: usize = 3;
pub const LOOKAHEAD_DAYS: u32 = 60;

/// An office as the top page shows it: today's status and its next closed days.
#[derive(Debug, Clone)]
pub struct OfficeToday {
    pub office: Office,
    pub today: DayStatus,
    pub next_closures: Vec<Closure>,
}

/// An office and each of the `days` days starting at `from`.
#[derive(Debug, Clone)]
pub struct OfficeDays {
    pub office: Office,
    pub days: Vec<(NaiveDate, DayStatus)>,
    /// The office's closures of part of a day in the range: those days are open, with a
    /// note of the hours (TM-3).
    pub part_closures: Vec<OfficeClosure>,
}

pub fn parse_code(code: &str) -> Result<OfficeCode, AppError> {
    OfficeCode::parse(code).map_err(|e| AppError::invalid("invalid_office_code", "office", e.to_string()))
}

/// The top page: every office with today's hours and next closures (rule TM-3).
pub async fn list_today(db: &Db, clock: &dyn Clock) -> Result<Vec<OfficeToday>, AppError> {
    let mut out = Vec::new();
    for office in store::list(db).await? {
        out.push(today(db, clock, office).await?);
    }
    Ok(out)
}

/// One office with today's status and its next closures, as the office finder lists it.
pub async fn today(db: &Db, clock: &dyn Clock, office: Office) -> Result<OfficeToday, AppError> {
    let today = clock.today_jst();
    let until = horizon_end(today, LOOKAHEAD_DAYS);
    let closures = store::closures(db, &office.code, today, until).await?;
    let cal = OfficeCalendar {
        hours: &office.hours,
        closures: &closures,
    };
    Ok(OfficeToday {
        today: cal.day(today),
        next_closures: cal.next_closures(today, NEXT_CLOSURES, LOOKAHEAD_DAYS),
        office,
    })
}

pub async fn get(db: &Db, code: &str) -> Result<Office, AppError> {
    let code = parse_code(code)?;
    store::get(db, &code).await?.ok_or_else(|| AppError::NotFound {
        what: format!("office {code}"),
    })
}

/// One office's open and closed days from `from` (default today) for `days` days.
pub async fn days(
    db: &Db,
    clock: &dyn Clock,
    code: &str,
    from: Option<NaiveDate>,
    days: u32,
) -> Result<OfficeDays, AppError> {
    let office = get(db, code).await?;
    let from = from.unwrap_or_else(|| clock.today_jst());
    let until = horizon_end(from, days);
    let closures = store::closures(db, &office.code, from, until).await?;
    let cal = OfficeCalendar {
        hours: &office.hours,
        closures: &closures,
    };
    let days = from.iter_days().take(days as usize).map(|d| (d, cal.day(d))).collect();
    let part_closures = closures.iter().filter(|c| c.hours.is_some()).cloned().collect();
    Ok(OfficeDays {
        office,
        days,
        part_closures,
    })
}

/// The office's own announced closures from `from` for a year.
pub async fn upcoming_closures(db: &Db, office: &Office, from: NaiveDate) -> Result<Vec<OfficeClosure>, AppError> {
    Ok(store::closures(db, &office.code, from, horizon_end(from, 366)).await?)
}

pub async fn list(db: &Db) -> Result<Vec<Office>, AppError> {
    Ok(store::list(db).await?)
}

/// Adds or edits an office. Every text field must obey N10 (rule AC-4).
pub async fn save(db: &Db, office: &Office) -> Result<(), AppError> {
    let bad = office.check_text();
    if !bad.is_empty() {
        return Err(AppError::InvalidCharacters {
            fields: bad.into_iter().map(|f| (f.field.to_owned(), f.offences)).collect(),
        });
    }
    if office.name_ja.trim().is_empty() {
        return Err(AppError::invalid(
            "required",
            "name_ja",
            "the Japanese name is required",
        ));
    }
    let mut tx = db.begin().await?;
    store::save(&mut tx, office).await?;
    tx.commit().await?;
    Ok(())
}

/// The office's own closure on `day`, of the whole day or part of it (TM-3).
pub async fn closure_on(db: &Db, code: &str, day: NaiveDate) -> Result<Option<OfficeClosure>, AppError> {
    let office = get(db, code).await?;
    Ok(store::closures(db, &office.code, day, day).await?.pop())
}

/// Records a closure and nothing else: for seeding an office before it has slots. Staff and
/// operators close through `closures::close`, which also ends what was booked (rule TM-3).
pub async fn add_closure(db: &Db, code: &str, closure: &OfficeClosure) -> Result<(), AppError> {
    let office = get(db, code).await?;
    let offences = characters::validate(&closure.reason, FieldKind::SingleLine);
    if !offences.is_empty() {
        return Err(AppError::InvalidCharacters {
            fields: vec![("reason".into(), offences)],
        });
    }
    if closure.reason.trim().is_empty() {
        return Err(AppError::invalid(
            "required",
            "reason",
            "a closure needs a reason people can read",
        ));
    }
    let mut tx = db.begin().await?;
    store::add_closure(&mut tx, &office.code, closure).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn remove_closure(db: &Db, code: &str, date: NaiveDate) -> Result<(), AppError> {
    let office = get(db, code).await?;
    let mut tx = db.begin().await?;
    let removed = store::remove_closure(&mut tx, &office.code, date).await?;
    tx.commit().await?;
    if removed {
        Ok(())
    } else {
        Err(AppError::NotFound {
            what: format!("closure of office {} on {date}", office.code),
        })
    }
}

/// The last day of a `days`-day window starting at `from` (saturating at the calendar's end).
fn horizon_end(from: NaiveDate, days: u32) -> NaiveDate {
    from.checked_add_days(Days::new(u64::from(days.saturating_sub(1))))
        .unwrap_or(NaiveDate::MAX)
}

/// BK-7: whether the office books directly or takes requests.
pub async fn set_booking_mode(db: &Db, code: &str, mode: &str) -> Result<(), AppError> {
    let office = get(db, code).await?;
    if mode != "direct" && mode != "request" {
        return Err(AppError::invalid("invalid_choice", "booking_mode", "direct or request"));
    }
    Ok(madoguchi_store::consultations::requests::set_booking_mode(db, office.code.as_str(), mode).await?)
}

/// BK-3: the office's cut-off and horizon; the decided defaults if the stored pair is odd.
pub async fn booking_policy(db: &Db, code: &str) -> Result<Policy, AppError> {
    let office = get(db, code).await?;
    let (cutoff, horizon) = madoguchi_store::consultations::booking_context::policy(db, office.code.as_str())
        .await?
        .unwrap_or((1, 30));
    Ok(policy_from(cutoff, horizon))
}

/// BK-3 as stored: out-of-range numbers (which the schema refuses anyway) fall back to the rule.
pub fn policy_from(cutoff_days: i32, horizon_days: i32) -> Policy {
    let (c, h) = (u32::try_from(cutoff_days), u32::try_from(horizon_days));
    match (c, h) {
        (Ok(c), Ok(h)) => Policy::new(c, h).unwrap_or_default(),
        _ => Policy::default(),
    }
}

/// BK-3: an office chooses a stricter cut-off or a shorter horizon, never a looser one.
pub async fn set_booking_policy(db: &Db, code: &str, cutoff_days: u32, horizon_days: u32) -> Result<(), AppError> {
    let office = get(db, code).await?;
    let Some(p) = Policy::new(cutoff_days, horizon_days) else {
        return Err(AppError::invalid(
            "invalid_booking_policy",
            "cutoff_days",
            "the cut-off is 1 to 14 days before, the horizon 1 to 30 days ahead and not shorter than the cut-off",
        ));
    };
    // Both are at most 30 after `Policy::new`, so they fit.
    let c = i32::try_from(p.cutoff_days).unwrap_or(i32::MAX);
    let h = i32::try_from(p.horizon_days).unwrap_or(i32::MAX);
    madoguchi_store::consultations::booking_context::set_policy(db, office.code.as_str(), c, h).await?;
    Ok(())
}
