//! The "seminar opening" scenario (issue: seminars): N users register for one seminar at
//! once through `POST /api/v1/seminars/{id}/registrations`, or in-process with
//! `--store-only`. Reports the time until every seat was taken, latency percentiles, the
//! answers by kind, and the seminar's consistency (counters equal to rows, no seat over).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, SystemClock, jst};
use madoguchi_store::Db;
use madoguchi_store::seminars::{self, NewSeminar};

use crate::{Args, http, percentile, seed_users, sign_in_all};

pub async fn run(a: &Args, db: &Db) -> Result<(), String> {
    let tag = format!("m{}", std::process::id());
    let (names, ids, tx) = seed_users(db, a, &tag).await?;
    tx.commit().await.map_err(|e| e.to_string())?;
    // The seminar bypasses the office-hours check on purpose: the load is the opening.
    let day = SystemClock.today_jst() + Days::new(3);
    let start = jst()
        .from_local_datetime(&day.and_hms_opt(13, 30, 0).ok_or("time")?)
        .single()
        .ok_or("time")?
        .with_timezone(&Utc);
    let new = NewSeminar {
        office_code: "28011".into(),
        kind: "seminar".into(),
        title: format!("負荷試験セミナー {tag}"),
        description: String::new(),
        starts_at: start,
        ends_at: start + chrono::Duration::minutes(90),
        local_date: day,
        app: "zoom".into(),
        recorded_with_consent: false,
        cutoff_at: start - chrono::Duration::hours(14),
        capacity: a.seats,
        waitlist_limit: a.waitlist,
        created_by: "bench".into(),
    };
    let seminar = seminars::catalogue::create(db, &new, SystemClock.now())
        .await
        .map_err(|e| e.to_string())?;
    let addrs: Vec<String> = a
        .base
        .split(',')
        .map(|b| b.trim().trim_start_matches("http://").trim_end_matches('/').to_owned())
        .collect();
    let cookies = if a.store_only {
        Vec::new()
    } else {
        sign_in_all(addrs.first().ok_or("no --base-url")?, &names).await?
    };
    let queue = Arc::new(std::sync::Mutex::new(0..ids.len()));
    let (ids, cookies) = (Arc::new(ids), Arc::new(cookies));
    let seats_taken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let full_at = Arc::new(std::sync::Mutex::new(None::<Duration>));
    let mut tasks = Vec::new();
    for client in 0..a.clients {
        let (queue, ids, cookies, taken, full_at) = (
            queue.clone(),
            ids.clone(),
            cookies.clone(),
            seats_taken.clone(),
            full_at.clone(),
        );
        let (addr, db, store_only, seats) = (
            addrs[client % addrs.len()].clone(),
            db.clone(),
            a.store_only,
            usize::try_from(a.seats).unwrap_or(0),
        );
        tasks.push(tokio::spawn(async move {
            let mut conn = http::Conn::new(&addr);
            let mut latencies = Vec::new();
            let mut answers: BTreeMap<String, usize> = BTreeMap::new();
            let mut seated = Vec::new();
            let path = format!("/api/v1/seminars/{seminar}/registrations");
            while let Some(u) = queue.lock().ok().and_then(|mut q| q.next()) {
                let t = Instant::now();
                let answer = if store_only {
                    match madoguchi_app::seminars::attend::register(&db, &SystemClock, ids[u], seminar).await {
                        Ok(seminars::Registered::Registered(id)) => {
                            seated.push((u, id));
                            "201 registered".to_owned()
                        }
                        Ok(seminars::Registered::Waitlisted(_)) => "202 waitlisted".to_owned(),
                        Ok(other) => format!("{other:?}"),
                        Err(e) => e.specific_code().to_owned(),
                    }
                } else {
                    match conn.send("POST", &path, Some(&cookies[u]), "{}").await {
                        Ok(r) if r.status == 201 => {
                            let id = serde_json::from_str::<serde_json::Value>(&r.body)
                                .ok()
                                .and_then(|v| v["id"].as_i64());
                            seated.extend(id.map(|id| (u, id)));
                            "201 registered".to_owned()
                        }
                        Ok(r) if r.status == 202 => "202 waitlisted".to_owned(),
                        Ok(r) => serde_json::from_str::<serde_json::Value>(&r.body)
                            .ok()
                            .and_then(|v| v["code"].as_str().map(str::to_owned))
                            .unwrap_or_else(|| r.status.to_string()),
                        Err(e) => format!("io: {e}"),
                    }
                };
                latencies.push(t.elapsed());
                if answer.starts_with("201")
                    && taken.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1 == seats
                    && let Ok(mut f) = full_at.lock()
                {
                    *f = Some(started.elapsed());
                }
                *answers.entry(answer).or_default() += 1;
            }
            (latencies, answers, seated)
        }));
    }
    let mut latencies = Vec::new();
    let mut answers: BTreeMap<String, usize> = BTreeMap::new();
    let mut seated = Vec::new();
    for t in tasks {
        let (l, a, s) = t.await.map_err(|e| e.to_string())?;
        latencies.extend(l);
        seated.extend(s);
        for (k, v) in a {
            *answers.entry(k).or_default() += v;
        }
    }
    let total = started.elapsed();
    latencies.sort();
    let (mismatched, over) = seminars::places::consistency(db).await.map_err(|e| e.to_string())?;
    let row = seminars::catalogue::get(db, seminar)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("seminar")?;
    let mode = if a.store_only { "store-only (use case)" } else { "http" };
    println!(
        "scenario: seminar opening  mode: {mode}  backend: {}  users: {}  seats: {}  waiting places: {}  clients: {}",
        db.backend(),
        ids.len(),
        a.seats,
        a.waitlist,
        a.clients
    );
    let full = full_at.lock().ok().and_then(|f| *f);
    println!(
        "time to full: {}  all answered in {:.2} s",
        full.map_or("never full".to_owned(), |d| format!("{:.1} ms", d.as_secs_f64() * 1e3)),
        total.as_secs_f64()
    );
    println!(
        "latency p50 {:.2} ms  p95 {:.2} ms  p99 {:.2} ms",
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3
    );
    println!("answers: {answers:?}");
    println!(
        "consistency: registered {} of {}, waiting {}; seminars with counters unlike their rows = {mismatched}, over capacity = {over}",
        row.registered, row.capacity, row.waitlisted
    );
    let promoted_ok = cancel_some(a, db, seminar, &addrs, &cookies, &ids, &seated).await?;
    if mismatched == 0 && over == 0 && promoted_ok {
        Ok(())
    } else {
        Err("seminar consistency check failed".into())
    }
}

/// Then `--cancel` seated users cancel at once (SE-3): exactly as many waiting users must
/// move up, the first in line, and the counters must still match the rows.
async fn cancel_some(
    a: &Args,
    db: &Db,
    seminar: i64,
    addrs: &[String],
    cookies: &Arc<Vec<String>>,
    ids: &Arc<Vec<i64>>,
    seated: &[(usize, i64)],
) -> Result<bool, String> {
    if a.cancel == 0 {
        return Ok(true);
    }
    let before = seminars::places::participants(db, seminar)
        .await
        .map_err(|e| e.to_string())?;
    let first_waiting: Vec<i64> = before
        .iter()
        .filter(|r| r.state == "waitlisted")
        .map(|r| r.id)
        .take(a.cancel)
        .collect();
    let mut tasks = Vec::new();
    for (i, (u, reg)) in seated.iter().copied().take(a.cancel).enumerate() {
        let (addr, cookies, ids, db, store_only) = (
            addrs[i % addrs.len()].clone(),
            cookies.clone(),
            ids.clone(),
            db.clone(),
            a.store_only,
        );
        tasks.push(tokio::spawn(async move {
            if store_only {
                madoguchi_app::seminars::attend::cancel_own(&db, &SystemClock, ids[u], reg)
                    .await
                    .is_ok()
            } else {
                let path = format!("/api/v1/seminar-registrations/{reg}/cancel");
                let mut conn = http::Conn::new(&addr);
                matches!(conn.send("POST", &path, Some(&cookies[u]), "{}").await, Ok(r) if r.status == 200)
            }
        }));
    }
    let mut cancelled = 0;
    for t in tasks {
        cancelled += usize::from(t.await.map_err(|e| e.to_string())?);
    }
    let after = seminars::places::participants(db, seminar)
        .await
        .map_err(|e| e.to_string())?;
    let promoted: Vec<i64> = after
        .iter()
        .filter(|r| r.state == "registered" && first_waiting.contains(&r.id))
        .map(|r| r.id)
        .collect();
    let (mismatched, over) = seminars::places::consistency(db).await.map_err(|e| e.to_string())?;
    let in_order = promoted == first_waiting;
    println!(
        "then {cancelled} cancellations at once: {} promoted, the first in line: {in_order}; counters unlike rows = {mismatched}, over capacity = {over}",
        promoted.len()
    );
    Ok(cancelled == a.cancel && in_order && mismatched == 0 && over == 0)
}
