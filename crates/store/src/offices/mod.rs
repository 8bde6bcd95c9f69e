//! Offices, their weekly hours and their own closures; each office's 管轄 in `areas`; the
//! meeting apps each uses per service in `apps` (MT-1).

pub mod apps;
pub mod areas;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use madoguchi_domain::calendar::{ClosedHours, OfficeClosure, OpenHours, WeeklyHours};
use madoguchi_domain::office::{Office, OfficeCode};

use crate::{Db, Result, StoreError, Tx, in_tx, read};

#[derive(sqlx::FromRow)]
struct OfficeRow {
    code: String,
    name_ja: String,
    name_en: String,
    address: String,
    phone: String,
}

#[derive(sqlx::FromRow)]
struct HoursRow {
    office_code: String,
    weekday: i32,
    opens: NaiveTime,
    closes: NaiveTime,
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn assemble(rows: Vec<OfficeRow>, hours: &[HoursRow]) -> Result<Vec<Office>> {
    rows.into_iter()
        .map(|r| {
            let code =
                OfficeCode::parse(&r.code).map_err(|e| StoreError::Corrupt(format!("office {}: {e}", r.code)))?;
            let mut week = WeeklyHours([None; 7]);
            for h in hours.iter().filter(|h| h.office_code == r.code) {
                let day = usize::try_from(h.weekday).ok().and_then(|i| WEEKDAYS.get(i));
                let open = OpenHours::new(h.opens, h.closes);
                if let (Some(day), Some(open)) = (day, open) {
                    week.set(*day, Some(open));
                }
            }
            Ok(Office {
                code,
                name_ja: r.name_ja,
                name_en: r.name_en,
                address: r.address,
                phone: r.phone,
                hours: week,
            })
        })
        .collect()
}

/// Every office, ordered by code.
pub async fn list(db: &Db) -> Result<Vec<Office>> {
    const OFFICES: &str = "SELECT code, name_ja, name_en, address, phone FROM offices ORDER BY code";
    const HOURS: &str = "SELECT office_code, weekday, opens, closes FROM office_hours";
    let (rows, hours) = read!(db, |c| {
        let rows: Vec<OfficeRow> = sqlx::query_as(OFFICES).fetch_all(c).await?;
        let hours: Vec<HoursRow> = sqlx::query_as(HOURS).fetch_all(c).await?;
        (rows, hours)
    });
    assemble(rows, &hours)
}

/// One office by code.
pub async fn get(db: &Db, code: &OfficeCode) -> Result<Option<Office>> {
    const OFFICE: &str = "SELECT code, name_ja, name_en, address, phone FROM offices WHERE code = $1";
    const HOURS: &str = "SELECT office_code, weekday, opens, closes FROM office_hours WHERE office_code = $1";
    let (rows, hours) = read!(db, |c| {
        let rows: Vec<OfficeRow> = sqlx::query_as(OFFICE).bind(code.as_str()).fetch_all(c).await?;
        let hours: Vec<HoursRow> = sqlx::query_as(HOURS).bind(code.as_str()).fetch_all(c).await?;
        (rows, hours)
    });
    Ok(assemble(rows, &hours)?.pop())
}

/// Adds the office, or replaces its details and hours if the code exists.
pub async fn save(tx: &mut Tx, office: &Office) -> Result<()> {
    const UPSERT: &str = "INSERT INTO offices (code, name_ja, name_en, address, phone) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (code) DO UPDATE SET name_ja = excluded.name_ja, name_en = excluded.name_en,
        address = excluded.address, phone = excluded.phone";
    const CLEAR: &str = "DELETE FROM office_hours WHERE office_code = $1";
    const HOURS: &str = "INSERT INTO office_hours (office_code, weekday, opens, closes) VALUES ($1, $2, $3, $4)";
    let code = office.code.as_str();
    in_tx!(tx, |c| {
        sqlx::query(UPSERT)
            .bind(code)
            .bind(&office.name_ja)
            .bind(&office.name_en)
            .bind(&office.address)
            .bind(&office.phone)
            .execute(&mut *c)
            .await?;
        sqlx::query(CLEAR).bind(code).execute(&mut *c).await?;
        for (i, day) in WEEKDAYS.iter().enumerate() {
            if let Some(h) = office.hours.on(*day) {
                sqlx::query(HOURS)
                    .bind(code)
                    .bind(i as i32)
                    .bind(h.opens)
                    .bind(h.closes)
                    .execute(&mut *c)
                    .await?;
            }
        }
    });
    Ok(())
}

/// Announces a closure (nothing else: seeding an office before it has slots); a second
/// closure on the same day replaces the first.
pub async fn add_closure(tx: &mut Tx, code: &OfficeCode, closure: &OfficeClosure) -> Result<()> {
    const SQL: &str = "INSERT INTO office_closures (office_code, day, reason, closed_from, closed_until)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT (office_code, day) DO UPDATE SET reason = excluded.reason,
        closed_from = excluded.closed_from, closed_until = excluded.closed_until";
    let window = closure.hours.map(|h| h.instants(closure.date));
    in_tx!(tx, |c| sqlx::query(SQL)
        .bind(code.as_str())
        .bind(closure.date)
        .bind(&closure.reason)
        .bind(window.map(|w| w.0))
        .bind(window.map(|w| w.1))
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Withdraws a closure. Returns whether there was one.
pub async fn remove_closure(tx: &mut Tx, code: &OfficeCode, date: NaiveDate) -> Result<bool> {
    const SQL: &str = "DELETE FROM office_closures WHERE office_code = $1 AND day = $2";
    let done = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(code.as_str())
        .bind(date)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// The hours of a stored window; a row without one (or an unreadable one) is the whole day.
pub fn hours_of(from: Option<DateTime<Utc>>, until: Option<DateTime<Utc>>) -> Option<ClosedHours> {
    from.zip(until).and_then(|(f, u)| ClosedHours::from_instants(f, u))
}

type ClosureRow = (NaiveDate, String, Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// The office's own closures in `from..=to`, sorted by date, whole days and parts of days.
pub async fn closures(db: &Db, code: &OfficeCode, from: NaiveDate, to: NaiveDate) -> Result<Vec<OfficeClosure>> {
    const SQL: &str = "SELECT day, reason, closed_from, closed_until FROM office_closures
        WHERE office_code = $1 AND day >= $2 AND day <= $3 ORDER BY day";
    let rows: Vec<ClosureRow> = read!(db, |c| sqlx::query_as(SQL)
        .bind(code.as_str())
        .bind(from)
        .bind(to)
        .fetch_all(c)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|(date, reason, f, u)| OfficeClosure {
            date,
            reason,
            hours: hours_of(f, u),
        })
        .collect())
}
