//! Statistics (rules PV-5, IV-4): the published tables (four of consultations and seminars,
//! two of interviews) built from the store's aggregate rows,
//! each passed through small-cell suppression, and the CSV export of exactly what is
//! published. A hidden cell's number never leaves this module.

use chrono::{Datelike, Days, Months, NaiveDate, Timelike};
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use madoguchi_domain::stats::{Published, Shown, suppress};
use madoguchi_store::{Db, records::stats as store};

use crate::AppError;

/// The outcomes counted, in the order they are published.
pub const OUTCOMES: [&str; 4] = ["attended", "cancelled_by_user", "cancelled_by_office", "no_show"];
pub const SERVICES: [&str; 2] = ["consultation", "seminar"];
pub const CHANNELS: [&str; 2] = ["online", "phone"];
/// IV-4: what became of interviews, in the order they are published: the four outcomes
/// the employer reports, held or proposed without one yet, declined, cancelled.
pub const INTERVIEW_OUTCOMES: [&str; 7] = [
    "hired",
    "not_hired",
    "in_progress",
    "withdrawn",
    "no_outcome",
    "declined",
    "cancelled",
];
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// The hours every weekday table shows (offices open 08:30 at the earliest and close 19:00
/// at the latest), so a missing column never hints at a zero; other hours join when used.
const HOURS: std::ops::RangeInclusive<u32> = 8..=18;
/// A longer period would make the monthly table unreadable; five years is plenty.
const MAX_DAYS: i64 = 5 * 366;

/// The JST dates `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, AppError> {
        if from >= to {
            return Err(AppError::invalid(
                "invalid_period",
                "to",
                "the end of the period must be after its start",
            ));
        }
        if (to - from).num_days() > MAX_DAYS {
            return Err(AppError::invalid(
                "period_too_long",
                "to",
                "a period is at most five years",
            ));
        }
        Ok(Self { from, to })
    }

    /// Two dates written YYYY-MM-DD.
    pub fn parse(from: &str, to: &str) -> Result<Self, AppError> {
        let date = |field: &str, v: &str| {
            madoguchi_domain::dates::parse_date(v.trim())
                .ok_or(())
                .map_err(|_| AppError::invalid("invalid_date", field, format!("{field}: a date is YYYY-MM-DD")))
        };
        Self::new(date("from", from)?, date("to", to)?)
    }

    /// The default: the twelve calendar months up to and including `today`.
    pub fn last_twelve_months(today: NaiveDate) -> Self {
        let first = today.with_day(1).unwrap_or(today);
        let from = first.checked_sub_months(Months::new(11)).unwrap_or(first);
        let to = today.checked_add_days(Days::new(1)).unwrap_or(today);
        Self { from, to }
    }

    /// Every month the period touches, YYYY-MM.
    fn months(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut m = self.from.with_day(1).unwrap_or(self.from);
        while m < self.to {
            out.push(m.format("%Y-%m").to_string());
            let Some(next) = m.checked_add_months(Months::new(1)) else {
                break;
            };
            m = next;
        }
        out
    }
}

/// One published table: row and column keys (stable codes), the published cells with
/// their totals, and the grand total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// `month_outcome`, `office_service`, `weekday_hour`, `outcome_channel`, `month_interview`
    /// or `office_interview`.
    pub id: &'static str,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub published: Published,
    pub grand_total: Shown,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub period: Period,
    pub tables: Vec<Table>,
}

/// One store row in JST terms.
struct Fact {
    office: String,
    month: String,
    weekday: &'static str,
    hour: String,
    service: String,
    outcome: String,
    channel: String,
    count: u64,
}

fn fact(r: &store::StatRow) -> Fact {
    let local = r.starts_at.with_timezone(&jst());
    let weekday = WEEKDAYS[local.weekday().num_days_from_monday() as usize % 7];
    Fact {
        office: r.office_code.clone(),
        month: local.format("%Y-%m").to_string(),
        weekday,
        hour: format!("{:02}", local.hour()),
        service: r.service.clone(),
        outcome: r.outcome.clone(),
        channel: r.channel.clone(),
        count: u64::try_from(r.count).unwrap_or(0),
    }
}

/// The offices a staff member's statistics cover: a national admin all (`None`), office
/// staff only their own.
fn scope(staff: &crate::shared::StaffMember) -> Result<Option<String>, AppError> {
    match (staff.role, &staff.office) {
        (Role::NationalAdmin, _) => Ok(None),
        (_, Some(office)) => Ok(Some(office.clone())),
        (_, None) => Err(AppError::Forbidden {
            code: "forbidden",
            message: "office staff see their own office's statistics",
        }),
    }
}

/// The published tables for what the staff member may see.
pub async fn report(db: &Db, staff: &crate::shared::StaffMember, period: Period) -> Result<Report, AppError> {
    let office = scope(staff)?;
    build(db, office.as_deref(), period).await
}

/// The national view (the operator's export), optionally of one office.
pub async fn national_report(db: &Db, office: Option<&str>, period: Period) -> Result<Report, AppError> {
    let office = match office {
        Some(code) => Some(crate::offices::get(db, code).await?.code.to_string()),
        None => None,
    };
    build(db, office.as_deref(), period).await
}

async fn build(db: &Db, office: Option<&str>, period: Period) -> Result<Report, AppError> {
    let facts: Vec<Fact> = store::counts(db, office, period.from, period.to)
        .await?
        .iter()
        .map(fact)
        .collect();
    let mut offices: Vec<String> = match office {
        Some(code) => vec![code.to_owned()],
        None => crate::offices::list(db)
            .await?
            .into_iter()
            .map(|o| o.code.to_string())
            .collect(),
    };
    add_missing(&mut offices, facts.iter().map(|f| f.office.clone()));
    let interviews: Vec<Fact> = madoguchi_store::interviews::stats::counts(db, office, period.from, period.to)
        .await?
        .iter()
        .map(interview_fact)
        .collect();
    add_missing(&mut offices, interviews.iter().map(|f| f.office.clone()));
    let mut tables = tables(&facts, period.months(), offices.clone());
    // IV-4, PV-5: interviews and their outcomes, with the same suppression.
    tables.push(table(
        "month_interview",
        period.months(),
        owned(&INTERVIEW_OUTCOMES),
        &interviews,
        |f| (f.month.as_str(), f.outcome.as_str()),
    ));
    tables.push(table(
        "office_interview",
        offices,
        owned(&INTERVIEW_OUTCOMES),
        &interviews,
        |f| (f.office.as_str(), f.outcome.as_str()),
    ));
    Ok(Report { period, tables })
}

/// One group of interviews as a fact: its month and what became of it.
fn interview_fact(r: &madoguchi_store::interviews::stats::InterviewCount) -> Fact {
    let outcome = match (r.state.as_str(), r.outcome.as_deref()) {
        ("accepted", Some(o)) => o,
        ("accepted" | "proposed", _) => "no_outcome",
        ("declined", _) => "declined",
        _ => "cancelled",
    };
    Fact {
        office: r.office_code.clone(),
        month: r.local_date.format("%Y-%m").to_string(),
        weekday: "",
        hour: String::new(),
        service: "interview".into(),
        outcome: outcome.to_owned(),
        channel: String::new(),
        count: u64::try_from(r.count).unwrap_or(0),
    }
}

fn add_missing(keys: &mut Vec<String>, seen: impl Iterator<Item = String>) {
    for k in seen {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
}

fn owned(keys: &[&str]) -> Vec<String> {
    keys.iter().map(|k| (*k).to_owned()).collect()
}

fn tables(facts: &[Fact], months: Vec<String>, offices: Vec<String>) -> Vec<Table> {
    let mut hours: Vec<String> = HOURS.map(|h| format!("{h:02}")).collect();
    add_missing(&mut hours, facts.iter().map(|f| f.hour.clone()));
    hours.sort();
    vec![
        table("month_outcome", months, owned(&OUTCOMES), facts, |f| {
            (f.month.as_str(), f.outcome.as_str())
        }),
        table("office_service", offices, owned(&SERVICES), facts, |f| {
            (f.office.as_str(), f.service.as_str())
        }),
        table("weekday_hour", owned(&WEEKDAYS), hours, facts, |f| {
            (f.weekday, f.hour.as_str())
        }),
        table("outcome_channel", owned(&OUTCOMES), owned(&CHANNELS), facts, |f| {
            (f.outcome.as_str(), f.channel.as_str())
        }),
    ]
}

/// Counts the facts into `rows × columns` (a fact whose keys are not listed is not counted)
/// and suppresses the result.
fn table(
    id: &'static str,
    rows: Vec<String>,
    columns: Vec<String>,
    facts: &[Fact],
    key: impl Fn(&Fact) -> (&str, &str),
) -> Table {
    let mut counts = vec![vec![0u64; columns.len()]; rows.len()];
    for f in facts {
        let (r, c) = key(f);
        if let (Some(r), Some(c)) = (rows.iter().position(|k| k == r), columns.iter().position(|k| k == c)) {
            counts[r][c] += f.count;
        }
    }
    let mut published = suppress(&counts);
    // With no rows the domain cannot know the width: every column total is then zero.
    published.column_totals.resize(columns.len(), Shown::Count(0));
    let grand_total = published.grand_total;
    Table {
        id,
        rows,
        columns,
        published,
        grand_total,
    }
}

/// A published value as text: the number, or `x` (秘匿) for every hidden entry. A hidden
/// entry may be a small count or a larger one withheld to protect it, so "<5" would be
/// untrue for some and tell the reader a bound for all.
pub fn shown_text(s: Shown) -> String {
    s.to_string()
}

/// The export: `table,row,column,value`, one line per published cell, totals as the row
/// or column `total`.
pub fn csv(report: &Report) -> String {
    let mut out = String::from("table,row,column,value\n");
    let mut line = |t: &str, r: &str, c: &str, v: Shown| {
        out.push_str(&format!("{t},{},{},{}\n", field(r), field(c), shown_text(v)));
    };
    for t in &report.tables {
        let p = &t.published;
        for (r, row) in t.rows.iter().enumerate() {
            for (c, col) in t.columns.iter().enumerate() {
                line(t.id, row, col, p.cells[r][c]);
            }
            line(t.id, row, "total", p.row_totals[r]);
        }
        for (c, col) in t.columns.iter().enumerate() {
            line(t.id, "total", col, p.column_totals[c]);
        }
        line(t.id, "total", "total", t.grand_total);
    }
    out
}

/// Keys are codes, but quote anything CSV would misread all the same.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
