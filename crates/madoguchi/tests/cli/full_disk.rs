//! Issue 11 item 2 as the outside test ran it: a SQLite `serve` on a real, small filesystem
//! (tmpfs) that fills up while people book, cancel, register and record their job-seeker
//! number, then is freed. Every write answered 201/200/204 must be in the file afterwards,
//! and the server must take writes again without a restart.

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

use super::scratch;
use super::support::{Serve, Tmpfs, numbers, read};

/// What the server said it stored.
#[derive(Default, Debug)]
struct Acknowledged {
    /// Reservation id → its state after the last acknowledged change.
    reservations: BTreeMap<i64, &'static str>,
    registered: Vec<String>,
    /// The job-seeker number last acknowledged, and any sent after it that failed.
    number: Option<String>,
    later_numbers: Vec<String>,
    /// 5xx answers (and requests that got no answer).
    failures: usize,
}

struct World<'a> {
    serve: &'a Serve,
    booker: String,
    recorder: String,
    slots: Vec<i64>,
}

impl World<'_> {
    /// One round of every kind of write; `i` makes names and numbers unique.
    fn round(&self, i: usize, ack: &mut Acknowledged) {
        let slot = self.slots[i % self.slots.len()];
        let r = self.post(
            "/api/v1/reservations",
            &self.booker,
            &format!(r#"{{"slot_id":{slot}}}"#),
        );
        if let Some(r) = r.as_ref().filter(|r| r.status == 201) {
            let id = r.number("id").unwrap();
            ack.reservations.insert(id, "confirmed");
            let cancel = self.post(&format!("/api/v1/reservations/{id}/cancel"), &self.booker, "{}");
            match cancel {
                Some(c) if c.status == 200 => {
                    assert!(c.body.contains(r#""state":"cancelled_by_user""#), "{}", c.body);
                    ack.reservations.insert(id, "cancelled_by_user");
                }
                other => ack.failures += usize::from(other.is_none_or(|c| c.status >= 500)),
            }
        } else {
            ack.failures += usize::from(r.is_none_or(|r| r.status >= 500));
        }
        let user = format!("fulldisk.{i:04}");
        let registration = format!(
            r#"{{"user_id":"{user}","password":"Kobe-Sannomiya#2026","name":"山田 太郎","name_kana":"ヤマダ タロウ","address":"兵庫県神戸市中央区","email":"{user}@example.jp","phone":"078-231-8609","accept_terms":true}}"#
        );
        match self.send("POST", "/api/v1/registrations", None, &registration) {
            Some(r) if r.status == 201 => ack.registered.push(user),
            other => ack.failures += usize::from(other.is_none_or(|r| r.status >= 500)),
        }
        let number = format!("28011-{:08}", 1000 + i);
        let body = format!(r#"{{"number":"{number}","expires":"2099-03-31"}}"#);
        match self.send("PUT", "/api/v1/me/job-seeker", Some(&self.recorder), &body) {
            Some(r) if r.status == 204 => {
                ack.number = Some(number);
                ack.later_numbers.clear();
            }
            other => {
                ack.later_numbers.push(number);
                ack.failures += usize::from(other.is_none_or(|r| r.status >= 500));
            }
        }
    }

    fn post(&self, path: &str, cookie: &str, body: &str) -> Option<super::support::Reply> {
        self.send("POST", path, Some(cookie), body)
    }

    fn send(&self, method: &str, path: &str, cookie: Option<&str>, body: &str) -> Option<super::support::Reply> {
        super::support::request(&self.serve.addr, method, path, cookie, Some(body)).ok()
    }
}

fn sqlite(db: &std::path::Path, query: &str) -> String {
    let script =
        "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nfor r in c.execute(sys.argv[2]): print(*r, sep='\\t')";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(db)
        .arg(query)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

// Issue 11 item 2: no acknowledged write lost on a full disk; readiness and writes recover.
#[test]
fn a_full_disk_loses_no_acknowledged_write_and_writes_resume_without_a_restart() {
    let dir = scratch("full-disk");
    let Some(fs) = Tmpfs::mount(dir.join("fs"), "16m") else {
        return;
    };
    let db = fs.0.join("m.db");
    let url = format!("sqlite:{}", db.display());
    let mut serve = Serve::start(&url, &dir, &[("MADOGUCHI_SHUTDOWN__GRACE_SECONDS", "10")]);
    let slots = numbers(
        &serve.request("GET", "/api/v1/offices/28011/slots", None, None).body,
        "id",
    );
    assert!(slots.len() >= 10, "demo slots: {slots:?}");
    let world = World {
        serve: &serve,
        booker: serve.sign_in("demo.seeker"),
        recorder: serve.sign_in("demo.seeker2"),
        // One day's slots would meet the one-a-day rule; every slot is cancelled again anyway.
        slots,
    };
    let mut ack = Acknowledged::default();
    for i in 0..3 {
        world.round(i, &mut ack);
    }
    assert_eq!(ack.failures, 0, "healthy rounds: {ack:?}");
    assert_eq!((ack.reservations.len(), ack.registered.len()), (3, 3), "{ack:?}");
    assert_eq!(ack.number.as_deref(), Some("28011-00001002"), "{ack:?}");

    // The WAL file is emptied (as a checkpoint does), so the next writes must grow it.
    let _ = sqlite(&db, "PRAGMA wal_checkpoint(TRUNCATE)");
    let filler = fs.fill();
    let mut i = 3;
    while ack.failures == 0 && i < 200 {
        world.round(i, &mut ack);
        i += 1;
    }
    let failed_when_full = ack.failures;
    // Before the fix, the writer was left inside a transaction here: what followed was
    // answered as done and never committed.
    for _ in 0..3 {
        world.round(i, &mut ack);
        i += 1;
    }
    let ready_when_full = serve.request("GET", "/readyz", None, None);

    std::fs::remove_file(filler).unwrap();
    let ready_when_freed = serve.request("GET", "/readyz", None, None);
    let (failed_before, registered_before) = (ack.failures, ack.registered.len());
    for _ in 0..3 {
        world.round(i, &mut ack);
        i += 1;
    }
    eprintln!(
        "acknowledged: {} reservations, {} registrations, number {:?}; {} writes failed (5xx or no answer)",
        ack.reservations.len(),
        ack.registered.len(),
        ack.number,
        ack.failures
    );
    let (_, status) = serve.terminate(Duration::from_secs(120));
    assert!(status.success(), "{status:?}: {}", read(&serve.log));
    // Every acknowledged write is in the file; none is missing.
    let states: BTreeMap<i64, String> = sqlite(&db, "SELECT id, state FROM reservations")
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(id, s)| (id.parse().unwrap(), s.to_owned()))
        .collect();
    for (id, state) in &ack.reservations {
        assert_eq!(states.get(id).map(String::as_str), Some(*state), "reservation {id}");
    }
    let users = sqlite(&db, "SELECT user_id FROM users");
    let users: Vec<&str> = users.lines().collect();
    for u in &ack.registered {
        assert!(
            users.contains(&u.as_str()),
            "registration {u} answered 201 but is not stored"
        );
    }
    let stored = sqlite(
        &db,
        "SELECT job_seeker_number FROM users WHERE user_id = 'demo.seeker2'",
    );
    let stored = stored.trim();
    assert!(
        ack.number.as_deref() == Some(stored) || ack.later_numbers.iter().any(|n| n == stored),
        "job-seeker number: stored {stored}, acknowledged {:?}",
        ack.number
    );
    assert!(failed_when_full > 0, "writes failed on the full disk: {ack:?}");
    assert_eq!(
        ready_when_full.status, 503,
        "not ready while nothing can be written: {ready_when_full:?}"
    );
    assert_eq!(
        ready_when_freed.status, 200,
        "ready again without a restart: {ready_when_freed:?}"
    );
    assert_eq!(
        ack.failures, failed_before,
        "writes work again without a restart: {ack:?}"
    );
    assert_eq!(ack.registered.len(), registered_before + 3, "{ack:?}");
    assert_eq!(ack.number, Some(format!("28011-{:08}", 1000 + i - 1)), "{ack:?}");
}
