//! The calendar API: closed days with reasons, nationwide or for one office.

use chrono::{Months, NaiveDate};
use madoguchi_domain::calendar::{Closure, ClosureKind, national_closures};
use madoguchi_store::{Db, offices as store};

use crate::{AppError, offices};

/// The widest range one request may ask for.
pub const MAX_YEARS: u32 = 100;

/// Closed days in `from..=to` (holidays, year-end and, with an office, its own closures).
/// Weekly closures (weekends) are not listed: they follow from the office hours.
pub async fn closed_days(
    db: &Db,
    from: NaiveDate,
    to: NaiveDate,
    office: Option<&str>,
) -> Result<Vec<Closure>, AppError> {
    check_range(from, to)?;
    let mut days: Vec<Closure> = national_closures(from, to).collect();
    if let Some(code) = office {
        let office = offices::get(db, code).await?;
        // A closure of part of a day leaves the day open: it is not a closed day.
        for c in store::closures(db, &office.code, from, to)
            .await?
            .into_iter()
            .filter(|c| c.hours.is_none())
        {
            // A holiday stays a holiday; the office's note does not hide the national reason.
            if days.binary_search_by_key(&c.date, |d| d.date).is_err() {
                days.push(Closure {
                    date: c.date,
                    kind: ClosureKind::Office,
                    holiday: None,
                    name_ja: c.reason.clone(),
                    name_en: c.reason,
                });
            }
        }
        days.sort_by_key(|d| d.date);
    }
    Ok(days)
}

/// `to` must not be before `from`, and the range may span at most 100 years.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(), AppError> {
    if to < from {
        return Err(AppError::invalid("invalid_range", "to", "`to` is before `from`"));
    }
    let limit = from
        .checked_add_months(Months::new(MAX_YEARS * 12))
        .unwrap_or(NaiveDate::MAX);
    if to >= limit {
        return Err(AppError::invalid(
            "range_too_long",
            "to",
            format!("the range may span at most {MAX_YEARS} years"),
        ));
    }
    Ok(())
}
