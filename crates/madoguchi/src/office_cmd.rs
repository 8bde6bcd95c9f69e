//! `madoguchi office …`: the operator's tool for offices and closures until the admin
//! console exists. Text goes through the same use cases (and N10 checks) as the web.

use chrono::{NaiveDate, Weekday};
use clap::Subcommand;
use madoguchi_app::{AppError, closures, offices};
use madoguchi_domain::calendar::{OpenHours, WeeklyHours};
use madoguchi_domain::clock::{Clock, SystemClock};
use madoguchi_domain::office::Office;

use crate::DbArgs;
use crate::serve_cmd::{load, open};

#[derive(Subcommand)]
pub enum OfficeAction {
    /// List offices with their hours.
    List,
    /// Add an office.
    Add {
        /// Five-digit office number, e.g. 28011.
        code: String,
        #[arg(long)]
        name_ja: String,
        #[arg(long)]
        name_en: String,
        #[arg(long, default_value = "")]
        address: String,
        #[arg(long, default_value = "")]
        phone: String,
        /// Weekly hours, e.g. `mon-fri=08:30-17:15,sat=10:00-17:00` (default: rule TM-2's Mon–Fri 08:30–17:15).
        #[arg(long)]
        hours: Option<String>,
    },
    /// Change an office's details or hours.
    Edit {
        code: String,
        #[arg(long)]
        name_ja: Option<String>,
        #[arg(long)]
        name_en: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        /// Days not named keep their hours; `sat=closed` closes a weekday.
        #[arg(long)]
        hours: Option<String>,
        /// `direct` (pick a free slot) or `request` (send preferences; staff schedule), BK-7.
        #[arg(long)]
        booking_mode: Option<String>,
        /// BK-3: bookings for day D close at the end of D minus this many days (1–14; 1 = the day before).
        #[arg(long)]
        cutoff_days: Option<u32>,
        /// BK-3: bookings open this many days ahead (1–30).
        #[arg(long)]
        horizon_days: Option<u32>,
        /// MT-3: how long the built-in room stays open after a consultation's end (0–60).
        #[arg(long)]
        room_grace_minutes: Option<String>,
    },
    /// Add or update offices and their 管轄 (the municipalities and postal codes each serves)
    /// from a CSV file (UTF-8; header in docs/operations.md). Idempotent: a second run of the
    /// same file changes nothing; offices not in the file are left as they are.
    Import {
        /// The CSV file, e.g. offices.csv.
        file: std::path::PathBuf,
    },
    /// Close the office on a date, or part of it (--from/--until): withdraws the slots it
    /// covers, cancels what was booked on them and tells each person (TM-3).
    Close {
        code: String,
        /// YYYY-MM-DD
        date: NaiveDate,
        #[arg(long)]
        reason: String,
        /// Close only from this time (HH:MM, Japan time); needs --until.
        #[arg(long, requires = "until")]
        from: Option<String>,
        /// ... until this time (HH:MM, Japan time); needs --from.
        #[arg(long, requires = "from")]
        until: Option<String>,
    },
    /// Withdraw an announced closure.
    Reopen { code: String, date: NaiveDate },
    /// List an office's announced closures from today (or --from) for a year.
    Closures {
        code: String,
        #[arg(long)]
        from: Option<NaiveDate>,
    },
}

pub async fn run(args: DbArgs, action: OfficeAction) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let site = madoguchi_app::shared::Site {
        base_url: crate::serve_cmd::base_url(&config, config.listen),
    };
    let result = dispatch(&db, &site, action).await;
    db.close().await;
    result.map_err(|e| describe(&url, &e))
}

async fn dispatch(
    db: &madoguchi_app::Db,
    site: &madoguchi_app::shared::Site,
    action: OfficeAction,
) -> Result<(), AppError> {
    match action {
        OfficeAction::List => {
            for o in offices::list(db).await? {
                println!("{}\t{}\t{}\t{}", o.code, o.name_ja, o.name_en, format_hours(&o.hours));
            }
        }
        OfficeAction::Add {
            code,
            name_ja,
            name_en,
            address,
            phone,
            hours,
        } => {
            let mut week = WeeklyHours::standard();
            if let Some(spec) = hours {
                apply_hours(&mut week, &spec)?;
            }
            if offices::get(db, &code).await.is_ok() {
                return Err(AppError::Conflict(format!(
                    "office {code} already exists; use `office edit`"
                )));
            }
            let office = Office {
                code: offices::parse_code(&code)?,
                name_ja,
                name_en,
                address,
                phone,
                hours: week,
            };
            offices::save(db, &office).await?;
            println!("added office {code}");
        }
        OfficeAction::Edit {
            code,
            name_ja,
            name_en,
            address,
            phone,
            hours,
            booking_mode,
            cutoff_days,
            horizon_days,
            room_grace_minutes,
        } => {
            if let Some(typed) = room_grace_minutes {
                let minutes = madoguchi_app::room::grace::set_by_operator(db, &code, &typed).await?;
                println!("the rooms of {code} stay open {minutes} minutes after the end");
            }
            if let Some(mode) = booking_mode {
                offices::set_booking_mode(db, &code, &mode).await?;
            }
            if cutoff_days.is_some() || horizon_days.is_some() {
                let now = offices::booking_policy(db, &code).await?;
                let cutoff = cutoff_days.unwrap_or(now.cutoff_days);
                let horizon = horizon_days.unwrap_or(now.horizon_days);
                offices::set_booking_policy(db, &code, cutoff, horizon).await?;
            }
            let mut office = offices::get(db, &code).await?;
            for (field, value) in [
                (&mut office.name_ja, name_ja),
                (&mut office.name_en, name_en),
                (&mut office.address, address),
                (&mut office.phone, phone),
            ] {
                if let Some(v) = value {
                    *field = v;
                }
            }
            if let Some(spec) = hours {
                apply_hours(&mut office.hours, &spec)?;
            }
            offices::save(db, &office).await?;
            println!("updated office {code}");
        }
        OfficeAction::Import { file } => {
            let text = std::fs::read(&file)
                .map_err(|e| AppError::invalid("invalid_import", "file", format!("{}: {e}", file.display())))?;
            let text = String::from_utf8(text).map_err(|_| {
                AppError::invalid(
                    "invalid_import",
                    "file",
                    format!("{} is not UTF-8: save it as \"CSV UTF-8\"", file.display()),
                )
            })?;
            let report = offices::import::import(db, &text).await?;
            println!(
                "imported {}: {} offices added, {} updated, {} 管轄 rows",
                file.display(),
                report.added,
                report.updated,
                report.areas
            );
        }
        OfficeAction::Close {
            code,
            date,
            reason,
            from,
            until,
        } => {
            // TM-3: the same use case as the console: slots withdrawn, bookings ended, people told.
            let by = closures::Closer::Operator;
            let day = date.to_string();
            let draft = closures::Draft {
                day: &day,
                whole_day: from.is_none(),
                from: from.as_deref().unwrap_or_default(),
                until: until.as_deref().unwrap_or_default(),
                reason: &reason,
            };
            let closing = closures::check(&SystemClock, &draft)?;
            let seen = closures::preview(db, &SystemClock, &by, &code, &closing).await?;
            let told = closures::close(db, &SystemClock, site, &by, &code, &closing).await?;
            let when = match closures::hours_text(closing.hours) {
                Some(h) => format!("{date} {h}"),
                None => date.to_string(),
            };
            println!(
                "office {code} is closed on {when}: {} slots withdrawn, {} consultations and {} seminar places cancelled, {} seminars cancelled, {told} people told",
                seen.slots,
                seen.reservations.len(),
                seen.places.len(),
                seen.seminars.len()
            );
            if !seen.requests.is_empty() {
                println!(
                    "{} open requests prefer that time; decide them in the console",
                    seen.requests.len()
                );
            }
        }
        OfficeAction::Reopen { code, date } => {
            offices::remove_closure(db, &code, date).await?;
            println!("office {code} is no longer closed on {date}");
        }
        OfficeAction::Closures { code, from } => {
            let office = offices::get(db, &code).await?;
            let from = from.unwrap_or_else(|| SystemClock.today_jst());
            for c in offices::upcoming_closures(db, &office, from).await? {
                match closures::hours_text(c.hours) {
                    Some(h) => println!("{} {h}\t{}", c.date, c.reason),
                    None => println!("{}\t{}", c.date, c.reason),
                }
            }
        }
    }
    Ok(())
}

/// One line for the operator, naming each offending character for N10 errors.
fn describe(url: &madoguchi_store::DatabaseUrl, e: &AppError) -> String {
    match e {
        AppError::InvalidCharacters { fields } => {
            let parts: Vec<String> = fields
                .iter()
                .flat_map(|(f, offences)| {
                    offences.iter().map(move |o| {
                        let hint = o.suggestion.map(|s| format!(" → {s}")).unwrap_or_default();
                        format!(
                            "{f}: '{}' U+{:04X} at {} ({}){hint}",
                            o.ch,
                            u32::from(o.ch),
                            o.index + 1,
                            o.reason.code()
                        )
                    })
                })
                .collect();
            format!("characters not accepted: {}", parts.join("; "))
        }
        // A closure's form (`office close`): every problem, each with its field and code.
        AppError::Fields(problems) => {
            let parts: Vec<String> = problems
                .iter()
                .map(|p| {
                    let chars: Vec<String> = p
                        .offences
                        .iter()
                        .map(|o| format!(" '{}' U+{:04X} at {}", o.ch, u32::from(o.ch), o.index + 1))
                        .collect();
                    format!("{}: {}{}", p.field, p.code, chars.join(","))
                })
                .collect();
            format!("not closed: {}", parts.join("; "))
        }
        other => crate::explain::app_error(url, other),
    }
}

const DAYS: [(&str, Weekday); 7] = [
    ("mon", Weekday::Mon),
    ("tue", Weekday::Tue),
    ("wed", Weekday::Wed),
    ("thu", Weekday::Thu),
    ("fri", Weekday::Fri),
    ("sat", Weekday::Sat),
    ("sun", Weekday::Sun),
];

fn format_hours(h: &WeeklyHours) -> String {
    DAYS.iter()
        .filter_map(|(name, d)| {
            h.on(*d)
                .map(|o| format!("{name}={}-{}", o.opens.format("%H:%M"), o.closes.format("%H:%M")))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Applies `mon-fri=08:30-17:15,sat=closed` to `week`.
pub fn apply_hours(week: &mut WeeklyHours, spec: &str) -> Result<(), AppError> {
    let bad = |why: &str| AppError::invalid("invalid_hours", "hours", format!("hours `{spec}`: {why}"));
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (days, times) = part.split_once('=').ok_or_else(|| bad("write DAYS=HH:MM-HH:MM"))?;
        let index = |name: &str| DAYS.iter().position(|(n, _)| n.eq_ignore_ascii_case(name.trim()));
        let (first, last) = match days.split_once('-') {
            Some((a, b)) => (index(a), index(b)),
            None => (index(days), index(days)),
        };
        let (Some(first), Some(last)) = (first, last) else {
            return Err(bad("days are mon, tue, wed, thu, fri, sat, sun"));
        };
        let hours = if times.trim().eq_ignore_ascii_case("closed") {
            None
        } else {
            let (o, c) = times.split_once('-').ok_or_else(|| bad("times are HH:MM-HH:MM"))?;
            let parse = |t: &str| {
                madoguchi_domain::dates::parse_time(t.trim())
                    .ok_or(())
                    .map_err(|_| bad("times are HH:MM-HH:MM"))
            };
            Some(OpenHours::new(parse(o)?, parse(c)?).ok_or_else(|| bad("opening must be before closing"))?)
        };
        if first > last {
            return Err(bad("a day range runs forward, e.g. mon-fri"));
        }
        for (_, day) in &DAYS[first..=last] {
            week.set(*day, hours);
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // rule TM-2: per-weekday hours from the operator's notation.
    #[test]
    fn hours_spec() {
        let mut w = WeeklyHours::standard();
        apply_hours(&mut w, "sat=10:00-17:00, fri=closed").unwrap();
        assert_eq!(
            format_hours(&w),
            "mon=08:30-17:15,tue=08:30-17:15,wed=08:30-17:15,thu=08:30-17:15,sat=10:00-17:00"
        );
        for bad in [
            "mon=9-5",
            "xyz=08:00-09:00",
            "fri-mon=08:00-09:00",
            "mon=17:00-08:00",
            "mon",
        ] {
            assert!(apply_hours(&mut w, bad).is_err(), "{bad}");
        }
    }
}
