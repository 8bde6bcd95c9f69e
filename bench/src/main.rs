//! The booking load tool (issue: consultations). It seeds job seekers and slots straight
//! into the database, signs the users in through the public API, then books with `--clients`
//! concurrent clients through `POST /api/v1/reservations` for `--seconds`, and reports
//! bookings per second, latency percentiles, refusals by code and a final consistency check
//! (no slot over capacity, no user with two on one day). `--store-only` runs the same booking
//! use case (eligibility, cut-off, the seat, the reservation and its confirmation mail and
//! inbox entry in one transaction) in-process with no HTTP, as the ceiling for that backend;
//! `--store-only --raw` runs only the bare reservation transaction. `--rate N` paces the
//! attempts at N per second in total (open loop) and measures each latency from its planned
//! start, so a slow answer cannot hide the queue behind it; without it, every client sends
//! its next request as soon as the last is answered (closed loop, the saturation figure).
//!
//! `--scenario seminar-opening [--seats 100] [--waitlist 1000] [--cancel 30]` instead has
//! `--users` users register for one seminar at once, then `--cancel` of the seated cancel at
//! once and as many waiting users must move up, in order (see `seminar.rs`).
//!
//! Usage (`--help` lists every flag): madoguchi-bench --base-url http://127.0.0.1:8080 --database-url sqlite:./data/madoguchi.db
//!        [--clients 64] [--users 400] [--days 20] [--seconds 10] [--rate N] [--store-only [--raw]]
//! `--base-url` may list several servers, comma-separated (replicas sharing one PostgreSQL).

mod http;
mod national;
mod room;
mod scale;
mod seminar;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, TimeZone, Utc};
use madoguchi_app::consultations::booking;
use madoguchi_domain::clock::{Clock, SystemClock, jst};
use madoguchi_store::consultations::reservations::{self, Details, NewSlot};
use madoguchi_store::{Db, PoolSizes, accounts::users, connect, eligibility};

/// The booking load tool: seeds users and slots, then books through the public API (or
/// in-process with `--store-only`) and checks that nothing is over-booked.
#[derive(clap::Parser)]
#[command(name = "madoguchi-bench", about)]
pub(crate) struct Args {
    /// The server(s) to load, comma-separated (replicas sharing one PostgreSQL).
    #[arg(long = "base-url", default_value = "http://127.0.0.1:8080")]
    pub base: String,
    /// The database the server uses (the tool seeds users and slots straight into it).
    #[arg(long = "database-url", default_value = "sqlite:./data/madoguchi.db")]
    db_url: String,
    /// Concurrent clients.
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    /// Job seekers to seed.
    #[arg(long, default_value_t = 400)]
    users: usize,
    /// Days of slots to seed.
    #[arg(long, default_value_t = 20)]
    days: u64,
    /// How long to book.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Run the booking use case in-process, with no HTTP (the backend's ceiling).
    #[arg(long)]
    pub store_only: bool,
    /// With `--store-only`: the bare reservation transaction, without the use case around it.
    #[arg(long, requires = "store_only")]
    raw: bool,
    /// Attempts per second in total (open loop); without it, a closed loop.
    #[arg(long)]
    rate: Option<f64>,
    /// `bookings`, `seminar-opening`, `rooms` (built-in room signalling, MT-3),
    /// `national-generate` (fill an empty database at national size, `national.rs`) or
    /// `national-measure` (the request paths on it against `--small-database-url`, `scale.rs`).
    #[arg(long, default_value = "bookings", value_parser = ["bookings", "seminar-opening", "rooms", "national-generate", "national-measure"])]
    scenario: String,
    /// National scale: the size of the generated data set.
    #[command(flatten)]
    gen_scale: national::Scale,
    /// National measure: the small data set measured against `--database-url`.
    #[arg(long, value_name = "URL")]
    small_database_url: Option<String>,
    /// National measure: rounds (each runs every path on both sets).
    #[arg(long, default_value_t = 5)]
    rounds: usize,
    /// Seminar opening: seats.
    #[arg(long, default_value_t = 100)]
    pub seats: i32,
    /// Seminar opening: waiting-list places.
    #[arg(long, default_value_t = 1000)]
    pub waitlist: i32,
    /// Seminar opening: how many seated users then cancel at once.
    #[arg(long, default_value_t = 30)]
    pub cancel: usize,
    /// Rooms: the server's process id, for its RSS and CPU time.
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Append the id of every booking answered 201 to this file (for the kill -9 check).
    #[arg(long, value_name = "FILE")]
    record: Option<String>,
    /// Check that every id in this file is present and confirmed, then exit.
    #[arg(long, value_name = "FILE")]
    verify: Option<String>,
}

pub(crate) const PASSWORD: &str = "Bench-Load#2026";

/// Seeds `users` active job seekers with confirmed registrations (one shared Argon2id hash)
/// and the demo offices; returns their user IDs, row ids and the open transaction.
pub(crate) async fn seed_users(
    db: &Db,
    a: &Args,
    tag: &str,
) -> Result<(Vec<String>, Vec<i64>, madoguchi_store::Tx), String> {
    let clock = SystemClock;
    madoguchi_app::demo::seed_if_empty(db, &clock)
        .await
        .map_err(|e| e.to_string())?;
    let hash = madoguchi_domain::password::hash(PASSWORD).map_err(|e| e.to_string())?;
    let now = clock.now();
    let today = clock.today_jst();
    let e = |e: madoguchi_store::StoreError| e.to_string();
    let mut tx = db.begin().await.map_err(e)?;
    let mut names = Vec::new();
    let mut ids = Vec::new();
    for i in 0..a.users {
        let name = format!("bench{tag}{i:05}");
        let u = users::NewUser {
            user_id: name.clone(),
            user_key: name.clone(),
            password_hash: hash.clone(),
            name: "負荷 試験".into(),
            name_kana: "フカ シケン".into(),
            address: "神戸市".into(),
            email: format!("{name}@example.jp"),
            phone: "078-231-8609".into(),
            lang: "ja".into(),
        };
        let id = users::insert_provisional(&mut tx, &u, now).await.map_err(e)?;
        users::activate(&mut tx, id, now).await.map_err(e)?;
        eligibility::set_job_seeker(&mut tx, id, "28011-00000001", today + Days::new(365))
            .await
            .map_err(e)?;
        eligibility::confirm_job_seeker(&mut tx, id, now).await.map_err(e)?;
        names.push(name);
        ids.push(id);
    }
    Ok((names, ids, tx))
}

/// Seeds `users` job seekers (one shared Argon2id hash) and one slot per user and day at a
/// fresh office, plus a few contended slots; returns (user ids, slot ids per user, contended).
async fn seed(db: &Db, a: &Args, tag: &str) -> Result<(Vec<String>, Vec<Vec<i64>>, Vec<i64>), String> {
    let (names, ids, mut tx) = seed_users(db, a, tag).await?;
    let today = SystemClock.today_jst();
    let e = |e: madoguchi_store::StoreError| e.to_string();
    // Slots bypass the office-hours check on purpose: the load is about the booking path.
    let mut slots = vec![Vec::new(); a.users];
    let mut contended = Vec::new();
    for d in 1..=a.days {
        let day = today + Days::new(d);
        for (i, per_user) in slots.iter_mut().enumerate() {
            let minute = (i % 480) as u32;
            let local = day.and_hms_opt(8 + minute / 60, minute % 60, 0).ok_or("time")?;
            let starts = jst()
                .from_local_datetime(&local)
                .single()
                .ok_or("time")?
                .with_timezone(&Utc);
            let slot = NewSlot {
                office_code: "28011".into(),
                starts_at: starts,
                ends_at: starts + chrono::Duration::minutes(30),
                local_date: day,
                app: "zoom".into(),
                capacity: 1,
            };
            per_user.push(reservations::add_slot(&mut tx, &slot).await.map_err(e)?);
        }
    }
    let day = today + Days::new(a.days + 1);
    for h in 0..4_u32 {
        let local = day.and_hms_opt(9 + h, 0, 0).ok_or("time")?;
        let starts = jst()
            .from_local_datetime(&local)
            .single()
            .ok_or("time")?
            .with_timezone(&Utc);
        let slot = NewSlot {
            office_code: "28011".into(),
            starts_at: starts,
            ends_at: starts + chrono::Duration::minutes(30),
            local_date: day,
            app: "zoom".into(),
            capacity: 2,
        };
        contended.push(reservations::add_slot(&mut tx, &slot).await.map_err(e)?);
    }
    tx.commit().await.map_err(e)?;
    if a.store_only {
        // The store path needs user refs rather than names.
        return Ok((ids.iter().map(i64::to_string).collect(), slots, contended));
    }
    Ok((names, slots, contended))
}

#[derive(Default)]
struct Tally {
    /// Wall time of the load phase only (not seeding or signing in).
    elapsed: Duration,
    latencies: Vec<Duration>,
    ok: usize,
    refused: BTreeMap<String, usize>,
}

/// When attempt `i` should start: at once in a closed loop, at `i / rate` seconds after the
/// start in an open loop (waiting until then). Latency is measured from this instant.
async fn planned_start(rate: Option<f64>, load_started: Instant, i: usize) -> Instant {
    let Some(rate) = rate.filter(|r| *r > 0.0) else {
        return Instant::now();
    };
    let at = load_started + Duration::from_secs_f64(i as f64 / rate);
    tokio::time::sleep_until(at.into()).await;
    at
}

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Jobs for the clients: each user's slots in day order, then every user at the contended slots.
fn plan(n: usize, slots: &[Vec<i64>], contended: &[i64]) -> Vec<(usize, i64)> {
    let mut jobs = Vec::new();
    let days = slots.first().map_or(0, Vec::len);
    for d in 0..days {
        for (u, s) in slots.iter().enumerate().take(n) {
            jobs.push((u, s[d]));
        }
    }
    for (u, _) in slots.iter().enumerate().take(n) {
        jobs.push((u, contended[u % contended.len()]));
    }
    jobs
}

/// Signs every user in through `POST /api/v1/session`; returns their session cookies.
pub(crate) async fn sign_in_all(addr: &str, names: &[String]) -> Result<Vec<String>, String> {
    println!("signing in {} users…", names.len());
    let mut cookies = Vec::new();
    let mut conn = http::Conn::new(addr);
    for n in names {
        let body = format!("{{\"user_id\":\"{n}\",\"password\":\"{PASSWORD}\"}}");
        let r = conn
            .send("POST", "/api/v1/session", None, &body)
            .await
            .map_err(|e| e.to_string())?;
        cookies.push(
            r.set_cookie
                .ok_or(format!("sign-in of {n} failed: {} {}", r.status, r.body))?,
        );
    }
    Ok(cookies)
}

async fn run_http(a: &Args, db: &Db) -> Result<Tally, String> {
    let (names, slots, contended) = seed(db, a, &format!("{}", std::process::id())).await?;
    // Several comma-separated base URLs spread the clients over several `serve` processes.
    let addrs: Vec<String> = a
        .base
        .split(',')
        .map(|b| b.trim().trim_start_matches("http://").trim_end_matches('/').to_owned())
        .collect();
    let cookies = sign_in_all(addrs.first().ok_or("no --base-url")?, &names).await?;
    let jobs = Arc::new(std::sync::Mutex::new(
        plan(names.len(), &slots, &contended).into_iter().enumerate(),
    ));
    let cookies = Arc::new(cookies);
    let load_started = Instant::now();
    let deadline = load_started + Duration::from_secs(a.seconds);
    let record = match &a.record {
        Some(path) => Some(Arc::new(std::sync::Mutex::new(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|e| e.to_string())?,
        ))),
        None => None,
    };
    let mut tasks = Vec::new();
    for client in 0..a.clients {
        let record = record.clone();
        let (jobs, cookies, addr) = (jobs.clone(), cookies.clone(), addrs[client % addrs.len()].clone());
        let rate = a.rate;
        tasks.push(tokio::spawn(async move {
            let mut conn = http::Conn::new(&addr);
            let mut t = Tally::default();
            while Instant::now() < deadline {
                let Some((i, (u, slot))) = jobs.lock().ok().and_then(|mut j| j.next()) else {
                    break;
                };
                let started = planned_start(rate, load_started, i).await;
                let body = format!("{{\"slot_id\":{slot}}}");
                match conn
                    .send("POST", "/api/v1/reservations", Some(&cookies[u]), &body)
                    .await
                {
                    Ok(r) if r.status == 201 => {
                        t.ok += 1;
                        if let Some(file) = &record {
                            let id = serde_json::from_str::<serde_json::Value>(&r.body)
                                .ok()
                                .and_then(|v| v["id"].as_i64());
                            if let (Some(id), Ok(mut f)) = (id, file.lock()) {
                                use std::io::Write;
                                let _ = writeln!(f, "{id}");
                                let _ = f.flush();
                            }
                        }
                    }
                    Ok(r) => {
                        let code = serde_json::from_str::<serde_json::Value>(&r.body)
                            .ok()
                            .and_then(|v| v["code"].as_str().map(str::to_owned))
                            .unwrap_or_else(|| r.status.to_string());
                        *t.refused.entry(code).or_default() += 1;
                    }
                    Err(e) => *t.refused.entry(format!("io: {e}")).or_default() += 1,
                }
                t.latencies.push(started.elapsed());
            }
            t
        }));
    }
    let mut all = Tally::default();
    for task in tasks {
        let t = task.await.map_err(|e| e.to_string())?;
        all.ok += t.ok;
        all.latencies.extend(t.latencies);
        for (k, v) in t.refused {
            *all.refused.entry(k).or_default() += v;
        }
    }
    all.elapsed = load_started.elapsed();
    Ok(all)
}

async fn run_store(a: &Args, db: &Db) -> Result<Tally, String> {
    let (ids, slots, contended) = seed(db, a, &format!("s{}", std::process::id())).await?;
    let ids: Vec<i64> = ids.iter().filter_map(|s| s.parse().ok()).collect();
    let jobs = Arc::new(std::sync::Mutex::new(
        plan(ids.len(), &slots, &contended).into_iter().enumerate(),
    ));
    let (ids, db) = (Arc::new(ids), Arc::new(db.clone()));
    let load_started = Instant::now();
    let deadline = load_started + Duration::from_secs(a.seconds);
    let mut tasks = Vec::new();
    for _ in 0..a.clients {
        let (jobs, ids, db) = (jobs.clone(), ids.clone(), db.clone());
        let (rate, raw) = (a.rate, a.raw);
        tasks.push(tokio::spawn(async move {
            let mut t = Tally::default();
            while Instant::now() < deadline {
                let Some((i, (u, slot))) = jobs.lock().ok().and_then(|mut j| j.next()) else {
                    break;
                };
                let started = planned_start(rate, load_started, i).await;
                let outcome = if raw {
                    match reservations::book(&db, slot, ids[u], &Details::default(), SystemClock.now(), "bench", None)
                        .await
                    {
                        Ok(reservations::Booked::Confirmed(_)) => Ok(()),
                        Ok(other) => Err(format!("{other:?}")),
                        Err(e) => Err(e.to_string()),
                    }
                } else {
                    booking::book(&db, &SystemClock, ids[u], slot, &Details::default())
                        .await
                        .map(|_| ())
                        .map_err(|e| e.specific_code().to_owned())
                };
                match outcome {
                    Ok(()) => t.ok += 1,
                    Err(code) => *t.refused.entry(code).or_default() += 1,
                }
                t.latencies.push(started.elapsed());
            }
            t
        }));
    }
    let mut all = Tally::default();
    for task in tasks {
        let t = task.await.map_err(|e| e.to_string())?;
        all.ok += t.ok;
        all.latencies.extend(t.latencies);
        for (k, v) in t.refused {
            *all.refused.entry(k).or_default() += v;
        }
    }
    all.elapsed = load_started.elapsed();
    Ok(all)
}

/// Connects to `url` (16 PostgreSQL connections) and applies the migrations.
pub(crate) async fn open_db(url: &str) -> Result<Db, String> {
    let url = url.parse().map_err(|e| format!("{e}"))?;
    let db = connect(
        &url,
        PoolSizes {
            postgres: 16,
            ..PoolSizes::default()
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    Ok(db)
}

async fn run() -> Result<(), String> {
    let a = <Args as clap::Parser>::parse();
    if a.scenario == "national-measure" {
        let small = a
            .small_database_url
            .as_deref()
            .ok_or("national-measure needs --small-database-url")?;
        return scale::run(&a.db_url, small, a.rounds).await;
    }
    let db = open_db(&a.db_url).await?;
    if a.scenario == "national-generate" {
        let r = national::generate(&db, &a.gen_scale).await;
        db.close().await;
        return r;
    }
    if let Some(path) = &a.verify {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let ids: Vec<i64> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
        let mut missing = 0;
        for id in &ids {
            match reservations::reservation(&db, *id).await.map_err(|e| e.to_string())? {
                Some(r) if r.state == "confirmed" => {}
                _ => missing += 1,
            }
        }
        let (over, double) = reservations::consistency(&db).await.map_err(|e| e.to_string())?;
        println!(
            "fault check: {} bookings answered 201, {missing} missing; {over} slots over capacity, {double} users with two on one day",
            ids.len()
        );
        db.close().await;
        return if missing == 0 && over == 0 && double == 0 && !ids.is_empty() {
            Ok(())
        } else {
            Err("fault check failed".into())
        };
    }
    if a.scenario == "rooms" {
        let r = room::run(&a, &db).await;
        db.close().await;
        return r;
    }
    if a.scenario == "seminar-opening" {
        let r = seminar::run(&a, &db).await;
        db.close().await;
        return r;
    }
    let mut t = if a.store_only {
        run_store(&a, &db).await?
    } else {
        run_http(&a, &db).await?
    };
    t.latencies.sort();
    let attempts = t.latencies.len();
    let wall = t.elapsed.max(Duration::from_millis(1));
    let (over, double) = reservations::consistency(&db).await.map_err(|e| e.to_string())?;
    let mode = match (a.store_only, a.raw) {
        (false, _) => "http",
        (true, false) => "store-only (booking use case)",
        (true, true) => "store-only (bare transaction)",
    };
    let pacing = a
        .rate
        .map_or_else(|| "closed loop".to_owned(), |r| format!("open loop at {r:.0}/s"));
    println!(
        "mode: {mode}  backend: {}  clients: {}  {pacing}",
        db.backend(),
        a.clients
    );
    println!(
        "attempts: {attempts} in {:.2} s  booked: {}  bookings/s: {:.0}  attempts/s: {:.0}",
        wall.as_secs_f64(),
        t.ok,
        t.ok as f64 / wall.as_secs_f64(),
        attempts as f64 / wall.as_secs_f64()
    );
    println!(
        "latency p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms",
        percentile(&t.latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&t.latencies, 0.95).as_secs_f64() * 1e3,
        percentile(&t.latencies, 0.99).as_secs_f64() * 1e3
    );
    println!("refusals: {:?}", t.refused);
    println!("consistency: slots over capacity = {over}, users with two on one day = {double}");
    db.close().await;
    if over == 0 && double == 0 {
        Ok(())
    } else {
        Err("consistency check failed".into())
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
