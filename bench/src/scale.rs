//! Measuring the request paths on the national data set against the small one, in one run
//! (issue 17, item 4): `--scenario national-measure --database-url NATIONAL
//! --small-database-url SMALL`. Each round runs every path a few times on the small set, then
//! on the national one, so both see the same load on this shared machine; the report is the
//! median per path and set, and their ratio. The paths are the use cases the pages call,
//! in-process (no HTTP, whose cost does not depend on the data).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use chrono::{Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};
use madoguchi_app::consultations::{booking, schedule, week};
use madoguchi_app::records::{audit, stats};
use madoguchi_app::shared::{Site, StaffMember};
use madoguchi_domain::clock::{Clock, SystemClock, jst};
use madoguchi_domain::staff::Role;
use madoguchi_store::Db;
use madoguchi_store::consultations::reservations::{self, Details};

type R<T> = Result<T, String>;

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// One data set and what the paths need from it.
struct Set {
    name: &'static str,
    db: Db,
    office: String,
    counsellor: StaffMember,
    admin: StaffMember,
    /// The job seeker whose My Page is read (one with a booking at `office`).
    person: i64,
    /// Accounts without bookings and free slots at `office`, one pair per booking.
    spare: Vec<i64>,
    free: Vec<i64>,
    booked: usize,
}

async fn one_i64(db: &Db, sql: &str, bind: &str) -> R<i64> {
    let q = sqlx::AssertSqlSafe(sql.to_owned());
    let v: Option<i64> = match db {
        Db::Sqlite(s) => sqlx::query_scalar(q).bind(bind).fetch_one(&s.read).await.map_err(err)?,
        Db::Postgres(p) => sqlx::query_scalar(q).bind(bind).fetch_one(p).await.map_err(err)?,
    };
    v.ok_or_else(|| format!("nothing for {sql}"))
}

fn midnight(d: NaiveDate) -> R<chrono::DateTime<Utc>> {
    let t = d.and_hms_opt(0, 0, 0).ok_or("time")?;
    Ok(jst()
        .from_local_datetime(&t)
        .single()
        .ok_or("time")?
        .with_timezone(&Utc))
}

/// The first weekday after `d`.
fn next_weekday(d: NaiveDate) -> NaiveDate {
    let mut d = d + Days::new(1);
    while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
        d = d + Days::new(1);
    }
    d
}

async fn open(name: &'static str, url: &str, spare: i64) -> R<Set> {
    let db = crate::open_db(url).await?;
    let offices = one_i64(&db, "SELECT COUNT(*) FROM offices WHERE code >= $1", "10000").await?;
    let office = (10000 + offices / 2).to_string();
    let staff_id = one_i64(&db, "SELECT MIN(id) FROM staff WHERE office_code = $1", &office).await?;
    let admin_id = one_i64(&db, "SELECT MIN(id) FROM staff WHERE user_key = $1", "admin").await?;
    let person = one_i64(
        &db,
        "SELECT user_ref FROM reservations WHERE office_code = $1 ORDER BY id DESC LIMIT 1",
        &office,
    )
    .await?;
    let users = one_i64(&db, "SELECT MAX(id) FROM users WHERE user_key <> $1", "").await?;
    let today = SystemClock.today_jst();
    let free = reservations::free_slots(
        &db,
        &office,
        midnight(today + Days::new(2))?,
        midnight(today + Days::new(30))?,
    )
    .await
    .map_err(err)?;
    let booked = reservations::for_user(&db, person).await.map_err(err)?.len();
    // Spare accounts a run before did not use.
    let mut unused = Vec::new();
    for id in users - spare + 1..=users {
        if reservations::for_user(&db, id).await.map_err(err)?.is_empty() {
            unused.push(id);
        }
    }
    Ok(Set {
        name,
        db,
        counsellor: StaffMember {
            id: staff_id,
            name: "相談 員".into(),
            role: Role::Counsellor,
            office: Some(office.clone()),
        },
        admin: StaffMember {
            id: admin_id,
            name: "全国 管理".into(),
            role: Role::NationalAdmin,
            office: None,
        },
        office,
        person,
        spare: unused,
        free: free.iter().step_by(3).map(|s| s.id).collect(),
        booked,
    })
}

/// My Page's reads, as `web::seeker::my_page::me` makes them (the gates aside).
async fn my_page(db: &Db, person: i64) -> R<usize> {
    use madoguchi_store::mail::inbox;
    let e = |e: madoguchi_store::StoreError| e.to_string();
    let a = |e: madoguchi_app::AppError| e.to_string();
    madoguchi_store::accounts::users::by_id(db, person).await.map_err(e)?;
    let mut n = inbox::list(db, person).await.map_err(e)?.len();
    n += inbox::acceptances(db, person).await.map_err(e)?.len();
    madoguchi_app::offices::areas::home_office(db, person)
        .await
        .map_err(a)?;
    let mine = reservations::for_user(db, person).await.map_err(e)?;
    let mut seen = Vec::new();
    for r in &mine {
        if !seen.contains(&r.office_code) {
            madoguchi_app::offices::get(db, &r.office_code).await.map_err(a)?;
            madoguchi_app::offices::booking_policy(db, &r.office_code)
                .await
                .map_err(a)?;
            seen.push(r.office_code.clone());
        }
        if r.state == "confirmed" {
            madoguchi_store::consultations::schedule::meeting(db, r.id)
                .await
                .map_err(e)?;
        }
    }
    n += mine.len();
    n += madoguchi_app::seminars::attend::mine(db, person)
        .await
        .map_err(a)?
        .len();
    n += audit::who_viewed(db, person).await.map_err(a)?.len();
    n += madoguchi_app::consultations::requests::mine(db, person)
        .await
        .map_err(a)?
        .len();
    Ok(n)
}

/// Runs path `path` once on `set` (the `i`th time); returns how many rows it handled.
async fn run_path(path: &str, set: &Set, i: usize) -> R<usize> {
    let clock = SystemClock;
    let db = &set.db;
    let a = |e: madoguchi_app::AppError| format!("{path} on {}: {e}", set.name);
    let today = clock.today_jst();
    let year = stats::Period {
        from: today - Days::new(365),
        to: today,
    };
    match path {
        "slot search (an office's week)" => {
            let monday = next_weekday(today + Days::new(7));
            let w = week::week(db, &clock, &set.office, Some(monday), None)
                .await
                .map_err(a)?;
            Ok(w.days.len())
        }
        "booking" => {
            let (user, slot) = (set.spare.get(i), set.free.get(i));
            let (Some(user), Some(slot)) = (user, slot) else {
                return Err(format!("{}: not enough spare users or free slots", set.name));
            };
            booking::book(db, &clock, *user, *slot, &Details::default())
                .await
                .map_err(a)?;
            Ok(1)
        }
        "My Page" => my_page(db, set.person).await,
        "counsellor's day" => {
            let rows = schedule::day(db, &clock, &set.counsellor, next_weekday(today))
                .await
                .map_err(a)?;
            Ok(rows.len())
        }
        "statistics, an office's year" => {
            stats::report(db, &set.counsellor, year).await.map_err(a)?;
            Ok(0)
        }
        "statistics, the country's year" => {
            stats::report(db, &set.admin, year).await.map_err(a)?;
            Ok(0)
        }
        "audit verify, one day" => {
            let v = audit::verify_day(db, today - Days::new(1)).await.map_err(a)?;
            if let Some(p) = v.problem {
                return Err(format!("audit verify on {}: {p}", set.name));
            }
            Ok(v.entries as usize)
        }
        "inactivity housekeeping" => {
            let site = Site {
                base_url: "https://madoguchi.example.go.jp".into(),
            };
            let s = madoguchi_app::accounts::inactivity::sweep(db, &clock, &site)
                .await
                .map_err(a)?;
            Ok(s.noticed + s.deleted)
        }
        "no-show sweep" => {
            let marked = madoguchi_app::consultations::no_show::sweep(db, &clock)
                .await
                .map_err(a)?;
            Ok(marked)
        }
        other => Err(format!("unknown path {other}")),
    }
}

/// The paths with how many times each runs per round; the country's statistics are
/// measured but not held to the 2× bar (their work grows with the country by design).
const PATHS: [(&str, usize); 9] = [
    ("slot search (an office's week)", 5),
    ("booking", 5),
    ("My Page", 5),
    ("counsellor's day", 5),
    ("statistics, an office's year", 3),
    ("audit verify, one day", 2),
    ("inactivity housekeeping", 3),
    ("no-show sweep", 3),
    ("statistics, the country's year", 1),
];

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

pub async fn run(national_url: &str, small_url: &str, rounds: usize) -> R<()> {
    let small = open("small", small_url, 100).await?;
    let national = open("national", national_url, 200).await?;
    for s in [&small, &national] {
        println!(
            "{}: {} — office {}, My Page person {} ({} reservations), {} free slots",
            s.name,
            s.db.backend(),
            s.office,
            s.person,
            s.booked,
            s.free.len()
        );
    }
    let mut times: BTreeMap<(&str, &str), Vec<Duration>> = BTreeMap::new();
    let mut rows: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut count: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for round in 0..rounds {
        for (path, n) in PATHS {
            for set in [&small, &national] {
                for _ in 0..n {
                    let i = count.entry((path, set.name)).or_default();
                    let t = Instant::now();
                    let handled = run_path(path, set, *i).await?;
                    times.entry((path, set.name)).or_default().push(t.elapsed());
                    rows.insert((path, set.name), handled);
                    *i += 1;
                }
            }
        }
        println!("round {} of {rounds} done", round + 1);
    }
    println!("| path | small (median) | national (median) | national / small | rows (small / national) |");
    println!("|---|---:|---:|---:|---|");
    for (path, _) in PATHS {
        let mut s = times.remove(&(path, "small")).unwrap_or_default();
        let mut n = times.remove(&(path, "national")).unwrap_or_default();
        let (ms, mn) = (median(&mut s), median(&mut n));
        println!(
            "| {path} | {:.2} ms | {:.2} ms | {:.2} | {} / {} |",
            ms.as_secs_f64() * 1e3,
            mn.as_secs_f64() * 1e3,
            mn.as_secs_f64() / ms.as_secs_f64().max(1e-9),
            rows.get(&(path, "small")).copied().unwrap_or_default(),
            rows.get(&(path, "national")).copied().unwrap_or_default(),
        );
    }
    small.db.close().await;
    national.db.close().await;
    Ok(())
}
