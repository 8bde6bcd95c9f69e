//! The "rooms" scenario (MT-3): `--users N` built-in rooms happening now, each with its job
//! seeker and a counsellor connected over the room's WebSocket (2N clients); the counsellor
//! admits, then each job seeker sends signalling messages to its counsellor, who echoes
//! them back, for `--seconds`. Reports the round trip (p50/p99), messages lost (no echo
//! within 5 s) and, with `--server-pid`, the server's RSS and CPU time over the run. With
//! two `--base-url`s (two replicas on PostgreSQL) job seekers use the first and counsellors
//! the second, so every message crosses between processes through LISTEN/NOTIFY.

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use madoguchi_app::accounts::session;
use madoguchi_domain::clock::{Clock, SystemClock};
use madoguchi_store::Db;
use madoguchi_store::accounts::sessions::Owner;
use madoguchi_store::consultations::reservations::{self, Details, NewSlot};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

use crate::{Args, percentile, seed_users};

type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn open(base: &str, id: i64, cookie: &str) -> Result<Ws, String> {
    let url = format!("{}/rooms/{id}/ws", base.replacen("http://", "ws://", 1));
    let mut req = url.into_client_request().map_err(|e| e.to_string())?;
    let value = format!("mdg_session={cookie}").parse().map_err(|_| "cookie")?;
    req.headers_mut().insert("cookie", value);
    // No Nagle: small signalling messages would wait for the previous one's ACK.
    let (ws, _) = tokio_tungstenite::connect_async_with_config(req, None, true)
        .await
        .map_err(|e| e.to_string())?;
    Ok(ws)
}

/// The next message of type `t`.
async fn next(ws: &mut Ws, t: &str) -> Result<Value, String> {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(s))) => {
                let v: Value = serde_json::from_str(&s).map_err(|e| e.to_string())?;
                if v["t"] == t {
                    return Ok(v);
                }
            }
            Some(Ok(_)) => {}
            other => return Err(format!("socket ended waiting for {t}: {other:?}")),
        }
    }
}

async fn say(ws: &mut Ws, m: Value) -> Result<(), String> {
    ws.send(Message::Text(m.to_string().into()))
        .await
        .map_err(|e| e.to_string())
}

/// (RSS in KiB, CPU seconds) of a process, from /proc.
fn usage(pid: u32) -> Option<(u64, f64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some((rss, ticks / 100.0))
}

/// How long a message may take to come back before it counts as lost.
const LOST_AFTER: Duration = Duration::from_secs(5);

/// What one room measured: round trips, messages sent, messages that never came back.
struct Measured {
    trips: Vec<Duration>,
    sent: u64,
    lost: u64,
}

/// One room: connect both (the job seeker to `base`, the counsellor to `staff_base`, which
/// is another replica when two are given), admit, wait for every room to be ready, then
/// ping-pong for `seconds`.
async fn room(
    (base, staff_base): (String, String),
    id: i64,
    seeker: String,
    staff: String,
    ready: Arc<tokio::sync::Barrier>,
    seconds: u64,
) -> Result<Measured, String> {
    let mut s = open(&base, id, &seeker).await?;
    next(&mut s, "welcome").await?;
    let mut k = open(&staff_base, id, &staff).await?;
    let me = next(&mut k, "welcome").await?["id"].clone();
    let peer = next(&mut k, "peer").await?;
    say(&mut k, json!({"t": "admit", "peer": peer["id"]})).await?;
    next(&mut s, "admitted").await?;
    let echo = tokio::spawn(async move {
        while let Ok(m) = next(&mut k, "signal").await {
            let back = json!({"t": "signal", "to": m["from"], "data": m["data"]});
            if say(&mut k, back).await.is_err() {
                break;
            }
        }
    });
    // Steady state only: connecting 1,000 sockets is not what is measured.
    ready.wait().await;
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut out = Measured {
        trips: Vec::new(),
        sent: 0,
        lost: 0,
    };
    let mut n = 0_u64;
    while Instant::now() < until {
        n += 1;
        let sent = Instant::now();
        say(
            &mut s,
            json!({"t": "signal", "to": me, "data": {"candidate": {"n": n, "pad": "x".repeat(200)}}}),
        )
        .await?;
        out.sent += 1;
        // This message's echo (a late echo of an earlier one is skipped).
        let back = tokio::time::timeout(LOST_AFTER, async {
            loop {
                let m = next(&mut s, "signal").await?;
                if m["data"]["candidate"]["n"].as_u64() == Some(n) {
                    return Ok::<(), String>(());
                }
            }
        })
        .await;
        match back {
            Ok(r) => {
                r?;
                out.trips.push(sent.elapsed());
            }
            Err(_) => out.lost += 1,
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = say(&mut s, json!({"t": "leave"})).await;
    echo.abort();
    Ok(out)
}

pub async fn run(a: &Args, db: &Db) -> Result<(), String> {
    let tag = format!("r{}", std::process::id());
    let (_, ids, mut tx) = seed_users(db, a, &tag).await?;
    let e = |e: madoguchi_store::StoreError| e.to_string();
    let now = SystemClock.now();
    // The slot bypasses the office calendar on purpose: the load is the rooms, now.
    let slot = NewSlot {
        office_code: "28011".into(),
        starts_at: now - chrono::Duration::minutes(5),
        ends_at: now + chrono::Duration::minutes(25),
        local_date: SystemClock.today_jst(),
        app: "builtin".into(),
        capacity: i32::try_from(ids.len()).map_err(|e| e.to_string())?,
    };
    let slot = reservations::add_slot(&mut tx, &slot).await.map_err(e)?;
    tx.commit().await.map_err(e)?;
    let staff = madoguchi_app::console::staff::create(
        db,
        &SystemClock,
        &madoguchi_app::accounts::limits::Limits::default(),
        None,
        madoguchi_domain::staff::Role::Counsellor,
        Some("28011"),
        &format!("bench.c{}", std::process::id()),
        "負荷 試験",
    )
    .await
    .map_err(|e| e.to_string())?;
    let key = staff.user_id.to_ascii_lowercase();
    let staff_ref = madoguchi_store::accounts::staff::by_key(db, &key)
        .await
        .map_err(e)?
        .ok_or("the bench counsellor")?
        .id;
    let staff_cookie = session::start(db, &SystemClock, Owner::Staff(staff_ref))
        .await
        .map_err(|e| e.to_string())?
        .id;
    let mut rooms = Vec::new();
    for user in &ids {
        let id = match reservations::book(db, slot, *user, &Details::default(), now, "bench", None)
            .await
            .map_err(e)?
        {
            reservations::Booked::Confirmed(id) => id,
            other => return Err(format!("booking refused: {other:?}")),
        };
        let cookie = session::start(db, &SystemClock, Owner::User(*user))
            .await
            .map_err(|e| e.to_string())?
            .id;
        rooms.push((id, cookie));
    }
    // With two replicas (`--base-url A,B`), job seekers use the first, counsellors the second.
    let bases: Vec<String> = a.base.split(',').map(str::to_owned).collect();
    let base = bases.first().cloned().unwrap_or_default();
    let staff_base = bases.get(1).cloned().unwrap_or_else(|| base.clone());
    let before = a.server_pid.and_then(usage);
    let started = Instant::now();
    let ready = Arc::new(tokio::sync::Barrier::new(rooms.len()));
    let tasks: Vec<_> = rooms
        .into_iter()
        .map(|(id, cookie)| {
            let bases = (base.clone(), staff_base.clone());
            let r = room(bases, id, cookie, staff_cookie.clone(), ready.clone(), a.seconds);
            tokio::spawn(r)
        })
        .collect();
    let mut all = Vec::new();
    let (mut sent, mut lost) = (0_u64, 0_u64);
    let mut failed = 0;
    for t in tasks {
        match t.await {
            Ok(Ok(m)) => {
                all.extend(m.trips);
                sent += m.sent;
                lost += m.lost;
            }
            Ok(Err(err)) => {
                failed += 1;
                eprintln!("room failed: {err}");
            }
            Err(err) => return Err(err.to_string()),
        }
    }
    let after = a.server_pid.and_then(usage);
    all.sort();
    println!(
        "rooms: {}  clients: {}  failed rooms: {failed}  round trips: {}",
        ids.len(),
        ids.len() * 2,
        all.len()
    );
    println!("signalling messages sent {sent}, lost {lost} (no echo within 5 s)");
    println!(
        "round trip p50 {:.2} ms  p99 {:.2} ms",
        percentile(&all, 0.50).as_secs_f64() * 1e3,
        percentile(&all, 0.99).as_secs_f64() * 1e3
    );
    if let (Some((_, cpu0)), Some((rss, cpu1))) = (before, after) {
        println!(
            "server: RSS {:.1} MiB at the end, CPU {:.1} s over {:.1} s (connecting included)",
            rss as f64 / 1024.0,
            cpu1 - cpu0,
            started.elapsed().as_secs_f64()
        );
    }
    if failed == 0 && lost == 0 {
        Ok(())
    } else {
        Err(format!("{failed} rooms failed, {lost} messages lost"))
    }
}
