//! Issue 17 item 2: `madoguchi backup` during a booking load and `madoguchi restore`.
//! Every booking answered 201 before the backup started is in the copy, `audit verify`
//! passes on it, and restore refuses a database in use, an existing target for a backup,
//! and a damaged or foreign copy, leaving the database as it was.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{Days, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, SystemClock, jst};
use madoguchi_store::consultations::reservations::{self, NewSlot};
use madoguchi_store::{Db, PoolSizes, accounts::users, connect, eligibility};

use super::support::{Serve, read, request};
use super::{bin, run, scratch};

pub const PASSWORD: &str = "Backup-Load#2026";
const USERS: usize = 12;
const DAYS: u64 = 25;
const CLIENTS: usize = 4;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

async fn open(url: &str) -> Db {
    connect(&url.parse().unwrap(), PoolSizes::for_tests()).await.unwrap()
}

/// Job seekers who may book, and one slot per user and day at the demo office (the load
/// tool's seeding: slots are added directly, the load is about the booking path).
pub fn seed(url: &str) -> (Vec<String>, Vec<Vec<i64>>) {
    runtime().block_on(async {
        let db = open(url).await;
        db.migrate().await.unwrap();
        let clock = SystemClock;
        madoguchi_app::demo::seed_if_empty(&db, &clock).await.unwrap();
        let hash = madoguchi_domain::password::hash(PASSWORD).unwrap();
        let (now, today) = (clock.now(), clock.today_jst());
        // The days ahead the demo office has not closed (the demo announces a closure about a
        // week ahead, which refuses bookings `closed_day`), so the load never meets one.
        let code = madoguchi_domain::office::OfficeCode::parse("28011").unwrap();
        let closed: Vec<_> = madoguchi_store::offices::closures(&db, &code, today, today + Days::new(3 * DAYS))
            .await
            .unwrap()
            .into_iter()
            .map(|c| c.date)
            .collect();
        let days: Vec<_> = (1..)
            .map(|d| today + Days::new(d))
            .filter(|d| !closed.contains(d))
            .take(DAYS as usize)
            .collect();
        let mut tx = db.begin().await.unwrap();
        let mut names = Vec::new();
        let mut slots = vec![Vec::new(); USERS];
        for (i, per_user) in slots.iter_mut().enumerate() {
            let name = format!("backup{i:03}");
            let user = users::NewUser {
                user_id: name.clone(),
                user_key: name.clone(),
                password_hash: hash.clone(),
                name: "予備 試験".into(),
                name_kana: "ヨビ シケン".into(),
                address: "神戸市".into(),
                email: format!("{name}@example.jp"),
                phone: "078-231-8609".into(),
                lang: "ja".into(),
            };
            let id = users::insert_provisional(&mut tx, &user, now).await.unwrap();
            users::activate(&mut tx, id, now).await.unwrap();
            eligibility::set_job_seeker(&mut tx, id, "28011-00000001", today + Days::new(365))
                .await
                .unwrap();
            eligibility::confirm_job_seeker(&mut tx, id, now).await.unwrap();
            names.push(name);
            for &day in &days {
                let local = day.and_hms_opt(9, u32::try_from(i).unwrap(), 0).unwrap();
                let starts = jst().from_local_datetime(&local).single().unwrap().with_timezone(&Utc);
                let slot = NewSlot {
                    office_code: "28011".into(),
                    starts_at: starts,
                    ends_at: starts + chrono::Duration::minutes(30),
                    local_date: day,
                    app: "zoom".into(),
                    capacity: 1,
                };
                per_user.push(reservations::add_slot(&mut tx, &slot).await.unwrap());
            }
        }
        tx.commit().await.unwrap();
        db.close().await;
        (names, slots)
    })
}

/// Bookings through the API until `stop`, each user its own slots day by day; the id of
/// every booking answered 201 is appended to `acked` when the answer has arrived.
fn load(
    serve: &Serve,
    names: &[String],
    slots: &[Vec<i64>],
    acked: &Arc<Mutex<Vec<i64>>>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<()>> {
    let cookies: Vec<String> = names
        .iter()
        .map(|n| {
            let body = format!(r#"{{"user_id":"{n}","password":"{PASSWORD}"}}"#);
            let r = serve.request("POST", "/api/v1/session", None, Some(&body));
            assert_eq!(r.status, 200, "sign-in of {n}: {}", r.body);
            r.cookies
        })
        .collect();
    (0..CLIENTS)
        .map(|client| {
            let mine: Vec<(String, Vec<i64>)> = (client..names.len())
                .step_by(CLIENTS)
                .map(|u| (cookies[u].clone(), slots[u].clone()))
                .collect();
            let (addr, acked, stop) = (serve.addr.clone(), acked.clone(), stop.clone());
            std::thread::spawn(move || {
                for day in 0..DAYS as usize {
                    for (cookie, slots) in &mine {
                        if stop.load(Ordering::SeqCst) {
                            return;
                        }
                        let body = format!(r#"{{"slot_id":{}}}"#, slots[day]);
                        let r = request(&addr, "POST", "/api/v1/reservations", Some(cookie), Some(&body)).unwrap();
                        assert_eq!(r.status, 201, "{}", r.body);
                        acked.lock().unwrap().push(r.number("id").unwrap());
                    }
                }
            })
        })
        .collect()
}

/// Waits until `acked` holds more than `n` ids or the load has ended.
fn wait_for_more(acked: &Mutex<Vec<i64>>, n: usize, load: &[std::thread::JoinHandle<()>]) -> usize {
    loop {
        let now = acked.lock().unwrap().len();
        if now > n || load.iter().all(std::thread::JoinHandle::is_finished) {
            return now;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Which of `ids` the database at `url` does not hold (opened with the program's own pools).
fn missing(url: &str, ids: &[i64]) -> Vec<i64> {
    runtime().block_on(async {
        let db = open(url).await;
        let mut gone = Vec::new();
        for id in ids {
            if reservations::reservation(&db, *id).await.unwrap().is_none() {
                gone.push(*id);
            }
        }
        db.close().await;
        gone
    })
}

fn madoguchi(args: &[&str], url: &str) -> (bool, String, String) {
    let (out, stdout, stderr) = run(bin().args(args).args(["--database-url", url]));
    (out.status.success(), stdout, stderr)
}

/// A copy of `from` whose third page is overwritten, as a bad disk or a bad copy leaves it.
fn damaged_copy(from: &Path, to: &Path) {
    let mut bytes = std::fs::read(from).unwrap();
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    let page = if page == 1 { 65536 } else { page };
    assert!(bytes.len() >= 3 * page, "the copy has at least three pages");
    bytes[2 * page..3 * page].fill(0xa5);
    std::fs::write(to, bytes).unwrap();
}

// Issue 17 item 2: a backup during a booking load holds every booking answered before it
// started, verifies, and restores; restore refuses what it must.
#[test]
fn backup_during_bookings_restores_with_every_acknowledged_booking() {
    let dir = scratch("backup");
    let db = dir.join("m.db");
    let url = format!("sqlite:{}", db.display());
    let (names, slots) = seed(&url);
    let mut serve = Serve::start_plain(&url, &dir, &[]);
    let (acked, stop) = (Arc::new(Mutex::new(Vec::new())), Arc::new(AtomicBool::new(false)));
    let threads = load(&serve, &names, &slots, &acked, &stop);
    wait_for_more(&acked, 40, &threads);
    // Answered 201 before the backup starts.
    let before: Vec<i64> = acked.lock().unwrap().clone();
    let copy = dir.join("copy.db");
    let (ok, out, err) = madoguchi(&["backup", "--to", copy.to_str().unwrap()], &url);
    assert!(ok, "backup: {err}");
    assert!(out.contains("integrity ok"), "{out}");
    let at_end = acked.lock().unwrap().len();
    let after = wait_for_more(&acked, at_end, &threads);
    stop.store(true, Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    eprintln!(
        "bookings answered 201: {} before the backup, {at_end} when it ended, {after} later",
        before.len()
    );
    assert!(after > at_end, "the load was still running when the backup ended");

    // Never over an existing file.
    let size = std::fs::metadata(&copy).unwrap().len();
    let (ok, _, err) = madoguchi(&["backup", "--to", copy.to_str().unwrap()], &url);
    assert!(!ok && err.contains("already exists"), "{err}");
    assert_eq!(std::fs::metadata(&copy).unwrap().len(), size);

    // Not while serve has the database open (our lock file says so).
    let (ok, _, err) = madoguchi(&["restore", "--from", copy.to_str().unwrap()], &url);
    assert!(!ok && err.contains("in use by a madoguchi process"), "{err}");
    let (_, status) = serve.terminate(Duration::from_secs(60));
    assert!(status.success(), "{}", read(&serve.log));

    // Nor while another program has it open (SQLite's own locks say so).
    runtime().block_on(async {
        let holder = open(&url).await;
        holder.ping().await.unwrap();
        let (ok, _, err) = madoguchi(&["restore", "--from", copy.to_str().unwrap()], &url);
        assert!(!ok && err.contains("another program has it open"), "{err}");
        holder.close().await;
    });

    // A damaged copy and a file that is no database are refused; the database stays.
    let bad = dir.join("bad.db");
    damaged_copy(&copy, &bad);
    let (ok, _, err) = madoguchi(&["restore", "--from", bad.to_str().unwrap()], &url);
    assert!(!ok && err.contains("integrity"), "{err}");
    let text = dir.join("notes.txt");
    std::fs::write(&text, "not a database\n".repeat(400)).unwrap();
    let (ok, _, err) = madoguchi(&["restore", "--from", text.to_str().unwrap()], &url);
    assert!(!ok && err.contains("integrity"), "{err}");
    let names_now: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names_now
            .iter()
            .any(|n| n.contains("restoring") || n.contains("before-restore")),
        "{names_now:?}"
    );
    assert!(missing(&url, &before).is_empty());

    let (ok, out, err) = madoguchi(&["restore", "--from", copy.to_str().unwrap()], &url);
    assert!(ok, "restore: {err}");
    assert!(out.contains("integrity ok") && out.contains("before-restore"), "{out}");
    let gone = missing(&url, &before);
    assert!(
        gone.is_empty(),
        "bookings answered before the backup but not in it: {gone:?}"
    );
    let (ok, out, err) = madoguchi(&["audit", "verify"], &url);
    assert!(ok && out.contains("audit verify: OK"), "{out}{err}");

    // The restored database serves: it can be written, and a user signs in.
    let serve = Serve::start_plain(&url, &dir, &[]);
    let ready = serve.request("GET", "/readyz", None, None);
    assert_eq!(ready.status, 200, "{}", ready.body);
    let body = format!(r#"{{"user_id":"{}","password":"{PASSWORD}"}}"#, names[0]);
    assert_eq!(serve.request("POST", "/api/v1/session", None, Some(&body)).status, 200);
}

// Issue 17 item 2: on PostgreSQL both commands point to its own tools, exit 2, one line.
#[test]
fn backup_and_restore_point_postgresql_to_its_own_tools() {
    let url = "postgres://madoguchi@127.0.0.1:1/madoguchi";
    for (args, tool) in [
        (["backup", "--to", "/nonexistent/x.db"], "pg_dump"),
        (["restore", "--from", "/nonexistent/x.db"], "pg_restore"),
    ] {
        let out = bin().args(args).args(["--database-url", url]).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("error: ") && err.contains(tool), "{err}");
    }
}

// Issue 17 item 2: while a restore holds the lock file, no command opens (or creates) the
// database: the lock is held here the way `restore` holds it.
#[test]
fn no_command_opens_the_database_during_a_restore() {
    let dir = scratch("restore-lock");
    let db = dir.join("m.db");
    let lock = std::fs::File::create(dir.join("m.db.lock")).unwrap();
    lock.try_lock().unwrap();
    let (ok, _, err) = madoguchi(&["migrate"], &format!("sqlite:{}", db.display()));
    assert!(!ok && err.contains("a restore is replacing the database file"), "{err}");
    assert!(!db.exists(), "nothing was created where the copy goes");
    lock.unlock().unwrap();
    let (ok, _, err) = madoguchi(&["migrate"], &format!("sqlite:{}", db.display()));
    assert!(ok, "{err}");
}
