//! The national data set (issue 17, item 4): `--scenario national-generate` fills an empty
//! database with `--gen-offices` offices (544: every 本所, 出張所 and 分室), `--gen-users`
//! job seekers (2,000,000), `--gen-slots` free or booked slots over the next 30 days
//! (1,000,000, about 30 % booked), a year of finished consultations (`--gen-past-per-day`
//! per office and weekday, each with its slot, its two events and an inbox letter) and a year
//! of usage records (`--gen-usage-per-day` a day in one chain per day, hashed as the server
//! hashes them, so `audit verify` passes). One counsellor per office and a national admin.
//!
//! Rows are made by the database itself (`INSERT … SELECT` over `generate_series` on
//! PostgreSQL, a recursive CTE on SQLite), a day or 200,000 users per statement; the usage
//! record goes through the store's own batched append (400 rows per INSERT). Every account
//! shares one Argon2id hash, computed once. `--gen-dormant` accounts last signed in 340 days
//! ago (due the inactivity notice); the last `--gen-spare` accounts have no bookings, for the
//! booking measurement. The same shape at the size of the 400-user booking run is the small
//! set `scale.rs` compares against.

use std::time::Instant;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeZone, Utc, Weekday};
use madoguchi_domain::clock::{Clock, SystemClock, jst};
use madoguchi_domain::usage::{self, Actor, Entry, Stored};
use madoguchi_store::Db;

/// How big the generated data set is.
#[derive(clap::Args, Clone, Debug)]
pub struct Scale {
    /// Offices (codes 10000, 10001, …).
    #[arg(long = "gen-offices", default_value_t = 544)]
    pub offices: i64,
    /// Job seekers.
    #[arg(long = "gen-users", id = "gen_users", default_value_t = 2_000_000)]
    pub users: i64,
    /// Slots over the next 30 days (weekdays), spread evenly over the offices.
    #[arg(long = "gen-slots", default_value_t = 1_000_000)]
    pub slots: i64,
    /// Finished consultations per office and weekday over the past year.
    #[arg(long = "gen-past-per-day", default_value_t = 15)]
    pub past_per_day: i64,
    /// Usage-record entries per day over the past year.
    #[arg(long = "gen-usage-per-day", default_value_t = 8_000)]
    pub usage_per_day: i64,
    /// Entries of yesterday's chain (the day `audit verify --day` is measured on): the same
    /// in both sets, so the measurement shows what the rest of the table costs.
    #[arg(long = "gen-usage-measured-day", default_value_t = 5_000)]
    pub usage_measured_day: i64,
    /// Accounts idle for 340 days (due the inactivity notice).
    #[arg(long = "gen-dormant", default_value_t = 20)]
    pub dormant: i64,
    /// The last accounts, left without bookings for the booking measurement.
    #[arg(long = "gen-spare", default_value_t = 200)]
    pub spare: i64,
}

type R<T> = Result<T, String>;

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// Whether the database is PostgreSQL (the SQL below differs only in a few spellings).
fn pg(db: &Db) -> bool {
    matches!(db, Db::Postgres(_))
}

/// An instant from seconds since the epoch (`expr` is SQL), stored as the server stores it.
fn ts(pg: bool, expr: &str) -> String {
    if pg {
        format!("to_timestamp({expr})")
    } else {
        format!("strftime('%Y-%m-%dT%H:%M:%S+00:00', {expr}, 'unixepoch')")
    }
}

/// A date literal (a `date` on PostgreSQL, `YYYY-MM-DD` text on SQLite).
fn date(pg: bool, d: NaiveDate) -> String {
    if pg { format!("DATE '{d}'") } else { format!("'{d}'") }
}

/// `INSERT … SELECT … FROM g` with `g(k)` running over `0..n`.
fn with_series(pg: bool, n: i64, insert: &str, select: &str, rest: &str) -> String {
    if pg {
        format!("{insert} {select} FROM generate_series(CAST(0 AS BIGINT), {n} - 1) AS g(k) {rest}")
    } else {
        format!(
            "WITH RECURSIVE g(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM g WHERE k + 1 < {n}) {insert} {select} FROM g {rest}"
        )
    }
}

async fn exec(db: &Db, sql: String) -> R<u64> {
    let q = sqlx::AssertSqlSafe(sql);
    match db {
        Db::Sqlite(s) => sqlx::query(q)
            .execute(&s.write)
            .await
            .map(|r| r.rows_affected())
            .map_err(err),
        Db::Postgres(p) => sqlx::query(q).execute(p).await.map(|r| r.rows_affected()).map_err(err),
    }
}

async fn scalar(db: &Db, sql: &str) -> R<i64> {
    let q = sqlx::AssertSqlSafe(sql.to_owned());
    let v: Option<i64> = match db {
        Db::Sqlite(s) => sqlx::query_scalar(q).fetch_one(&s.read).await.map_err(err)?,
        Db::Postgres(p) => sqlx::query_scalar(q).fetch_one(p).await.map_err(err)?,
    };
    Ok(v.unwrap_or(0))
}

/// The JST instant `h:m` on `day`, in seconds since the epoch.
fn at(day: NaiveDate, h: u32, m: u32) -> R<i64> {
    let local = day.and_hms_opt(h, m, 0).ok_or("time")?;
    Ok(jst().from_local_datetime(&local).single().ok_or("time")?.timestamp())
}

fn weekday(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The office code of office number `i` (SQL), 10000 + i.
fn code(i: &str) -> String {
    format!("CAST(10000 + ({i}) AS TEXT)")
}

/// Fills an empty, migrated database; prints what it wrote and how long each part took.
pub async fn generate(db: &Db, s: &Scale) -> R<()> {
    let pg = pg(db);
    if scalar(db, "SELECT COUNT(*) FROM users").await? > 0 {
        return Err("national-generate needs an empty database".into());
    }
    let started = Instant::now();
    let now = SystemClock.now().timestamp();
    let today = SystemClock.today_jst();
    let hash = madoguchi_domain::password::hash(crate::PASSWORD).map_err(err)?;
    let lit = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let hash = lit(&hash);
    let t = Instant::now();
    offices(db, pg, s, &hash).await?;
    println!(
        "offices, hours, staff: {} in {:.1} s",
        s.offices,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    users(db, pg, s, &hash, now, today).await?;
    println!("users: {} in {:.1} s", s.users, t.elapsed().as_secs_f64());
    let t = Instant::now();
    let (slots, booked) = consultations(db, pg, s, now, today).await?;
    println!(
        "slots: {slots}, reservations: {booked} (with events and inbox letters) in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // Migration 0038: each reservation carries its slot's start, as every serving path writes it.
    let off = scalar(
        db,
        "SELECT COUNT(*) FROM reservations r JOIN slots s ON s.id = r.slot_id WHERE r.starts_at <> s.starts_at",
    )
    .await?;
    if off > 0 {
        return Err(format!("{off} reservations start other than their slot"));
    }
    let t = Instant::now();
    let entries = usage_year(db, s, today).await?;
    println!(
        "usage records: {entries} in 365 chains in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    exec(db, "ANALYZE".into()).await?;
    println!("generated in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}

async fn offices(db: &Db, pg: bool, s: &Scale, hash: &str) -> R<()> {
    let now = ts(pg, &SystemClock.now().timestamp().to_string());
    let c = code("k");
    exec(
        db,
        with_series(
            pg,
            s.offices,
            "INSERT INTO offices (code, name_ja, name_en, address, phone)",
            &format!("SELECT {c}, '第' || {c} || '公共職業安定所', 'Office ' || {c}, '東京都千代田区', '03-0000-0000'"),
            "",
        ),
    )
    .await?;
    for wd in 0..5 {
        exec(
            db,
            format!("INSERT INTO office_hours (office_code, weekday, opens, closes) SELECT code, {wd}, '08:30', '17:15' FROM offices"),
        )
        .await?;
    }
    exec(
        db,
        format!(
            "INSERT INTO staff (user_id, user_key, password_hash, name, role, office_code, totp_secret, created_at)
             SELECT 'c' || code, 'c' || code, {hash}, '相談 員', 'counsellor', code, '', {now} FROM offices"
        ),
    )
    .await?;
    exec(
        db,
        format!(
            "INSERT INTO staff (user_id, user_key, password_hash, name, role, office_code, totp_secret, created_at)
             VALUES ('admin', 'admin', {hash}, '全国 管理', 'national_admin', NULL, '', {now})"
        ),
    )
    .await?;
    Ok(())
}

async fn users(db: &Db, pg: bool, s: &Scale, hash: &str, now: i64, today: NaiveDate) -> R<()> {
    const CHUNK: i64 = 200_000;
    let dormant_every = (s.users / s.dormant.max(1)).max(1);
    let expires = date(pg, today + Days::new(365));
    let mut start = 0;
    while start < s.users {
        let n = CHUNK.min(s.users - start);
        let i = format!("({start} + k + 1)");
        let created = ts(pg, &format!("{now} - 400 * 86400 + ({i} % 30) * 86400"));
        let last = format!(
            "CASE WHEN {i} % {dormant_every} = 0 THEN {} ELSE {} END",
            ts(pg, &format!("{now} - 340 * 86400")),
            ts(pg, &format!("{now} - (({i} * 7919) % 300) * 86400 - 3600"))
        );
        let home = code(&format!("{i} % {}", s.offices));
        let sql = with_series(
            pg,
            n,
            "INSERT INTO users (id, user_id, user_key, password_hash, name, name_kana, address, email, phone, lang,
                state, created_at, verified_at, password_changed_at, last_sign_in_at, job_seeker_number,
                job_seeker_expires, job_seeker_confirmed_at, home_office)",
            &format!(
                "SELECT {i}, 'n' || {i}, 'n' || {i}, {hash}, '全国 太郎', 'ゼンコク タロウ', '東京都千代田区', 'n' || {i} || '@example.jp',
                '03-0000-0000', 'ja', 'active', {created}, {created}, {created}, {last}, '13000-' || {i},
                {expires}, {created}, {home}"
            ),
            "",
        );
        exec(db, sql).await?;
        start += n;
    }
    if pg {
        exec(db, "SELECT setval('users_id_seq', (SELECT MAX(id) FROM users))".into()).await?;
    }
    Ok(())
}

/// A day's slots at every office (`per` each, 16 half-hour times from 09:00, then the next
/// seat), booked by users chosen from the slot's id; finished ones get an outcome. Returns
/// (slots, reservations).
async fn consultations(db: &Db, pg: bool, s: &Scale, now: i64, today: NaiveDate) -> R<(u64, u64)> {
    let future: Vec<NaiveDate> = (1..=30).map(|d| today + Days::new(d)).filter(|d| weekday(*d)).collect();
    let past: Vec<NaiveDate> = (1..=365)
        .map(|d| today - Days::new(d))
        .filter(|d| weekday(*d))
        .collect();
    let per_future = (s.slots + s.offices * future.len() as i64 - 1) / (s.offices * future.len() as i64).max(1);
    let bookable = (s.users - s.spare).max(1);
    let (mut slots, mut booked) = (0, 0);
    let days = past
        .iter()
        .rev()
        .map(|d| (*d, true))
        .chain(future.iter().map(|d| (*d, false)));
    for (day, done) in days {
        let per = if done { s.past_per_day } else { per_future };
        let nine = at(day, 9, 0)?;
        let first_slot = scalar(db, "SELECT MAX(id) FROM slots").await?;
        let first_res = scalar(db, "SELECT MAX(id) FROM reservations").await?;
        let start = ts(pg, &format!("{nine} + (k % 16) * 1800"));
        let end = ts(pg, &format!("{nine} + (k % 16) * 1800 + 1800"));
        slots += exec(
            db,
            with_series(
                pg,
                per,
                "INSERT INTO slots (office_code, starts_at, ends_at, local_date, app, capacity, booked)",
                &format!("SELECT o.code, {start}, {end}, {}, 'zoom', 1, 0", date(pg, day)),
                ", offices o ORDER BY o.code, k",
            ),
        )
        .await?;
        // Finished: mostly attended, some no-shows and cancellations; coming: 30 % booked.
        let (state, filter) = if done {
            (
                "CASE CAST(s.id AS BIGINT) % 20 WHEN 0 THEN 'no_show' WHEN 1 THEN 'cancelled_by_user'
                  WHEN 2 THEN 'cancelled_by_user' WHEN 3 THEN 'cancelled_by_office' ELSE 'attended' END",
                "",
            )
        } else {
            ("'confirmed'", " AND CAST(s.id AS BIGINT) % 10 < 3")
        };
        let created = ts(pg, &format!("{nine} - 7 * 86400"));
        let changed = if done {
            ts(pg, &format!("{nine} + 3600"))
        } else {
            ts(pg, &format!("{now} - 86400"))
        };
        booked += exec(
            db,
            format!(
                "INSERT INTO reservations (slot_id, user_ref, office_code, local_date, starts_at, state, created_at,
                   state_changed_at, state_actor)
                 SELECT s.id, (CAST(s.id AS BIGINT) * 7919) % {bookable} + 1, s.office_code, s.local_date, s.starts_at,
                   {state}, {created}, {changed},
                   CASE WHEN {done} THEN 'staff:1' ELSE 'user' END
                 FROM slots s WHERE s.id > {first_slot}{filter} ON CONFLICT DO NOTHING",
                done = if done { "1 = 1" } else { "1 = 0" },
            ),
        )
        .await?;
        exec(
            db,
            format!(
                "UPDATE slots SET booked = 1 WHERE id IN (SELECT slot_id FROM reservations
                 WHERE id > {first_res} AND state IN ('confirmed', 'attended', 'no_show'))"
            ),
        )
        .await?;
        exec(
            db,
            format!(
                "INSERT INTO reservation_events (reservation_id, at, state, actor)
                 SELECT id, created_at, 'confirmed', 'user' FROM reservations WHERE id > {first_res}
                 UNION ALL SELECT id, state_changed_at, state, state_actor FROM reservations
                 WHERE id > {first_res} AND state <> 'confirmed'"
            ),
        )
        .await?;
        exec(
            db,
            format!(
                "INSERT INTO inbox (user_ref, subject, body, created_at)
                 SELECT user_ref, '面談の予約を受け付けました', 'ご予約の日時は My Page でご確認ください。', created_at
                 FROM reservations WHERE id > {first_res}"
            ),
        )
        .await?;
    }
    Ok((slots, booked))
}

/// A chain per JST day of the past year, as `serve` writes them; yesterday's holds
/// `usage_measured_day` entries.
async fn usage_year(db: &Db, s: &Scale, today: NaiveDate) -> R<i64> {
    let mut total = 0;
    for d in (1..=365).rev() {
        let day = today - Days::new(d);
        let n = if d == 1 { s.usage_measured_day } else { s.usage_per_day };
        total += usage_day(db, s, day, n).await?;
    }
    Ok(total)
}

/// One day's chain of `n` entries, spread over the day, sealed.
pub async fn usage_day(db: &Db, s: &Scale, day: NaiveDate, n: i64) -> R<i64> {
    let chain = format!("{day}/national0");
    let midnight = DateTime::<Utc>::from_timestamp(at(day, 0, 0)?, 0).ok_or("time")?;
    let step = 86_000_000_000_i64 / n.max(1);
    let mut prev = usage::genesis(&chain);
    let mut batch = Vec::new();
    for seq in 1..=n {
        let entry = Entry {
            chain: chain.clone(),
            seq,
            at: midnight + chrono::Duration::microseconds(seq * step),
            actor: Actor::User((seq * 7919) % s.users.max(1) + 1),
            action: if seq % 3 == 0 {
                "GET /me"
            } else {
                "POST /api/v1/reservations"
            }
            .into(),
            outcome: if seq % 3 == 0 { 200 } else { 201 },
            client_addr: format!("192.0.2.{}", seq % 250),
            user_agent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0".into(),
        };
        let hash = usage::link(&prev, &entry);
        batch.push(Stored {
            id: 0,
            entry,
            prev_hash: std::mem::replace(&mut prev, hash.clone()),
            hash,
        });
        if batch.len() == 10_000 || seq == n {
            madoguchi_store::records::usage::append(db, day, midnight, &batch)
                .await
                .map_err(err)?;
            batch.clear();
        }
    }
    let end = midnight + chrono::Duration::days(1);
    madoguchi_store::records::usage::seal(db, &chain, end)
        .await
        .map_err(err)?;
    Ok(n)
}
