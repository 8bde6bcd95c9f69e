//! The usage record (PV-1, PV-3), disclosure (PV-2) and the staff access views (PV-4) on
//! both backends, with tampering done directly in the database.
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use madoguchi_app::records::disclosure::{self, Format, Request};
use madoguchi_app::records::usage::{self, Note, Recorder};
use madoguchi_app::{console::staff, records::audit};
use madoguchi_domain::clock::{Clock, ManualClock, jst};
use madoguchi_domain::staff::Role;
use madoguchi_domain::usage::{Actor, Break};
use madoguchi_store::{Db, testing};
use tokio::sync::watch;

use crate::booking_under_load::{office, seekers};

fn jst_at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, d, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn note(clock: &dyn Clock, actor: Actor, i: usize) -> Note {
    Note {
        at: clock.now(),
        actor,
        action: format!("GET /me #{i}"),
        outcome: 200,
        client_addr: "192.0.2.10".into(),
        user_agent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148".into(),
    }
}

/// Records `n` entries through a writer and shuts it down gracefully.
async fn write(db: &Db, clock: Arc<ManualClock>, n: usize) {
    let (stop, stopped) = watch::channel(false);
    let (rec, writer) = usage::start(db.clone(), clock.clone(), "w1".into(), 365, stopped);
    for i in 0..n {
        rec.record(note(clock.as_ref(), Actor::User(1), i)).await;
    }
    stop.send(true).unwrap();
    writer.await.unwrap();
}

async fn exec(db: &Db, sql: &'static str) {
    match db {
        Db::Sqlite(s) => sqlx::query(sql).execute(&s.write).await.map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .unwrap();
}

// rule PV-1: entries sent from many tasks at once are all written when the process shuts down
// gracefully, in one chain per JST day, and the chain verifies (PV-3).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pv1_nothing_is_lost_on_shutdown_and_days_get_their_own_chain() {
    for t in testing::both("pv1_drain").await {
        let clock = Arc::new(ManualClock::new(jst_at(1, 23, 59)));
        let (stop, stopped) = watch::channel(false);
        let (rec, writer) = usage::start(t.db.clone(), clock.clone(), "w1".into(), 365, stopped);
        let mut tasks = Vec::new();
        for task in 0..50 {
            let (rec, clock): (Recorder, Arc<ManualClock>) = (rec.clone(), clock.clone());
            tasks.push(tokio::spawn(async move {
                for i in 0..40 {
                    rec.record(note(clock.as_ref(), Actor::User(task), i)).await;
                }
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        // 00:00 JST: a new day, a new chain; the old one is sealed.
        clock.advance(Duration::minutes(1));
        rec.record(note(clock.as_ref(), Actor::Staff(1), 0)).await;
        stop.send(true).unwrap();
        writer.await.unwrap();
        assert_eq!(
            madoguchi_store::records::usage::count(&t.db).await.unwrap(),
            2_001,
            "{}",
            t.db.backend()
        );
        let report = audit::verify(&t.db).await.unwrap();
        assert_eq!(report.problem, None, "{}", t.db.backend());
        assert_eq!((report.chains, report.entries, report.open), (2, 2_001, 0));
        assert_eq!(report.heads[0].0, "2026-12-01/w1");
        assert_eq!(report.heads[1].0, "2026-12-02/w1");
    }
}

// rule PV-3: `audit verify` catches an edit, a deletion, an insertion and a reordering made
// directly in the database, and an unknown chain.
#[tokio::test]
async fn pv3_verify_catches_edit_delete_insert_and_reorder() {
    let tampering: [(&str, &[&'static str]); 8] = [
        (
            "insert before",
            &[
                "INSERT INTO usage_records (chain_id, seq, at, actor_kind, actor_ref, action, outcome, client_addr, \
               user_agent, prev_hash, hash) SELECT chain_id, 0, at, actor_kind, actor_ref, 'GET /me', 200, \
               client_addr, user_agent, prev_hash, 'forged' FROM usage_records WHERE seq = 1",
            ],
        ),
        ("relabel", &["UPDATE usage_chains SET day = '2025-01-01'"]),
        (
            "edit",
            &["UPDATE usage_records SET client_addr = '198.51.100.7' WHERE seq = 3"],
        ),
        ("delete", &["DELETE FROM usage_records WHERE seq = 3"]),
        ("delete last", &["DELETE FROM usage_records WHERE seq = 5"]),
        (
            "insert",
            &[
                "INSERT INTO usage_records (chain_id, seq, at, actor_kind, actor_ref, action, outcome, client_addr, \
               user_agent, prev_hash, hash) SELECT chain_id, 6, at, actor_kind, actor_ref, 'GET /me', 200, \
               client_addr, user_agent, hash, 'forged' FROM usage_records WHERE seq = 5",
            ],
        ),
        (
            "reorder",
            &[
                "UPDATE usage_records SET seq = -seq WHERE seq IN (2, 3)",
                "UPDATE usage_records SET seq = CASE seq WHEN -2 THEN 3 ELSE 2 END WHERE seq IN (-2, -3)",
            ],
        ),
        (
            "orphan",
            &[
                "INSERT INTO usage_records (chain_id, seq, at, actor_kind, actor_ref, action, outcome, client_addr, \
               user_agent, prev_hash, hash) SELECT 'elsewhere', 1, at, actor_kind, actor_ref, action, outcome, \
               client_addr, user_agent, prev_hash, hash FROM usage_records WHERE seq = 1",
            ],
        ),
    ];
    for (what, statements) in tampering {
        for t in testing::both(&format!("pv3_{}", what.replace(' ', "_"))).await {
            let clock = Arc::new(ManualClock::new(jst_at(3, 10, 0)));
            write(&t.db, clock, 5).await;
            assert_eq!(audit::verify(&t.db).await.unwrap().problem, None, "{what} before");
            for sql in statements {
                exec(&t.db, sql).await;
            }
            let problem = audit::verify(&t.db).await.unwrap().problem;
            let expected = match (what, &problem) {
                ("edit", Some(Break::Edited { seq: 3, .. })) => true,
                (
                    "delete",
                    Some(Break::Missing {
                        expected: 3, found: 4, ..
                    }),
                ) => true,
                ("delete last", Some(Break::Head { head_seq: 5, .. })) => true,
                ("insert", Some(Break::Edited { seq: 6, .. })) => true,
                (
                    "insert before",
                    Some(Break::Missing {
                        expected: 1, found: 0, ..
                    }),
                ) => true,
                ("relabel", Some(Break::Relabelled { .. })) => true,
                ("reorder", Some(Break::Edited { seq: 2, .. })) => true,
                ("orphan", Some(Break::Orphan { chain })) => chain == "elsewhere",
                _ => false,
            };
            assert!(expected, "{what} on {}: {problem:?}", t.db.backend());
        }
    }
}

// rule PV-1: retention removes whole days older than the period and nothing newer; what stays
// still verifies.
#[tokio::test]
async fn pv1_retention_purges_whole_old_days() {
    for t in testing::both("pv1_retention").await {
        let clock = Arc::new(ManualClock::new(jst_at(1, 9, 0)));
        write(&t.db, clock.clone(), 3).await;
        clock.advance(Duration::days(1));
        write(&t.db, clock.clone(), 2).await;
        clock.advance(Duration::days(365));
        let purged = usage::purge(&t.db, clock.as_ref(), 365).await.unwrap();
        assert_eq!(purged, 3, "{}", t.db.backend());
        let report = audit::verify(&t.db).await.unwrap();
        assert_eq!((report.problem, report.entries, report.chains), (None, 2, 1));
    }
}

async fn staff_member(
    db: &Db,
    clock: &dyn Clock,
    role: Role,
    office: Option<&str>,
    id: &str,
) -> madoguchi_app::shared::StaffMember {
    staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        role,
        office,
        id,
        "職員 一郎",
    )
    .await
    .unwrap();
    let row = madoguchi_store::accounts::staff::by_key(db, id).await.unwrap().unwrap();
    staff::member(db, row.id).await.unwrap().unwrap()
}

// rule PV-2: only a national admin discloses, with a legal basis and the authority; the export
// holds the person's entries with address and device, and is itself recorded. PV-4: the
// national admin's search and the person's "who viewed my data" show the accesses.
#[tokio::test]
async fn pv2_disclosure_and_pv4_access_views() {
    for t in testing::both("pv2_disclosure").await {
        office(&t.db).await;
        let clock = Arc::new(ManualClock::new(jst_at(3, 10, 0)));
        let users = seekers(&t.db, 2, "disc").await;
        let (stop, stopped) = watch::channel(false);
        let (rec, writer) = usage::start(t.db.clone(), clock.clone(), "w1".into(), 365, stopped);
        for (i, u) in users.iter().enumerate() {
            rec.record(note(clock.as_ref(), Actor::User(*u), i)).await;
        }
        stop.send(true).unwrap();
        writer.await.unwrap();

        let national = staff_member(&t.db, clock.as_ref(), Role::NationalAdmin, None, "honsho.admin").await;
        let counsellor = staff_member(&t.db, clock.as_ref(), Role::Counsellor, Some("28011"), "kobe.c").await;
        let request = |basis: &str, format| Request {
            legal_basis: basis.into(),
            authority: "兵庫県警察本部".into(),
            subject_user_id: "disc0000".into(),
            from: jst_at(3, 0, 0).with_timezone(&jst()).date_naive(),
            until: jst_at(3, 0, 0).with_timezone(&jst()).date_naive(),
            format,
        };
        let refused = disclosure::export(
            &t.db,
            clock.as_ref(),
            &counsellor,
            &request("刑事訴訟法第197条第2項", Format::Csv),
        )
        .await;
        assert_eq!(refused.unwrap_err().specific_code(), "not_allowed");
        let no_basis = disclosure::export(&t.db, clock.as_ref(), &national, &request("  ", Format::Csv)).await;
        assert_eq!(no_basis.unwrap_err().specific_code(), "required");

        let csv = disclosure::export(
            &t.db,
            clock.as_ref(),
            &national,
            &request("刑事訴訟法第197条第2項", Format::Csv),
        )
        .await
        .unwrap();
        assert_eq!(csv.rows, 1, "only the requested person");
        assert!(
            csv.body.contains("\"192.0.2.10\"") && csv.body.contains("iPhone"),
            "{}",
            csv.body
        );
        let json = disclosure::export(
            &t.db,
            clock.as_ref(),
            &national,
            &request("刑事訴訟法第197条第2項", Format::Json),
        )
        .await
        .unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(parsed[0]["client_addr"], "192.0.2.10");
        let history = disclosure::history(&t.db, &national).await.unwrap();
        assert_eq!(history.len(), 2, "each export is recorded");
        assert_eq!(history[0].authority, "兵庫県警察本部");

        // PV-4: a counsellor looks the person up; the search and "who viewed" show it.
        staff::look_up(&t.db, clock.as_ref(), &counsellor, "disc0000", "counter")
            .await
            .unwrap();
        let found = audit::search(
            &t.db,
            &national,
            &audit::Query {
                staff_user_id: "KOBE.C".into(),
                ..audit::Query::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(found.len(), 1, "{}", t.db.backend());
        assert_eq!(
            (found[0].action.as_str(), found[0].detail.as_str()),
            ("view_job_seeker", "counter")
        );
        assert!(
            audit::search(&t.db, &counsellor, &audit::Query::default())
                .await
                .is_err()
        );
        let viewed = audit::who_viewed(&t.db, users[0]).await.unwrap();
        let actions: Vec<&str> = viewed.iter().map(|v| v.action.as_str()).collect();
        // The disclosures are not shown to their subject (they could warn of an investigation).
        assert_eq!(actions, ["view_job_seeker"]);
        assert_eq!(viewed[0].role, Role::Counsellor);
        assert!(viewed[0].office_name.clone().unwrap().0.contains("公共職業安定所"));
        assert!(audit::who_viewed(&t.db, users[1]).await.unwrap().is_empty());
    }
}

// rule PV-1: entries stamped on either side of midnight JST that reach the writer out of order
// (23:59:59.999 after 00:00:00.001) are all written, the late one in the new day's chain,
// and the chains verify: the writer never reopens a day it has left.
#[tokio::test]
async fn pv1_late_entries_across_midnight_are_kept() {
    for t in testing::both("pv1_midnight").await {
        let clock = Arc::new(ManualClock::new(jst_at(4, 0, 0)));
        let (stop, stopped) = watch::channel(false);
        let (rec, writer) = usage::start(t.db.clone(), clock.clone(), "w1".into(), 365, stopped);
        let before = jst_at(4, 0, 0) - Duration::milliseconds(1);
        let after = jst_at(4, 0, 0) + Duration::milliseconds(1);
        for (i, at) in [before, after, before, after].into_iter().enumerate() {
            let mut n = note(clock.as_ref(), Actor::User(1), i);
            n.at = at;
            rec.record(n).await;
            // Give the writer a chance to write each one on its own.
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        stop.send(true).unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(20), writer)
            .await
            .expect("the writer finishes")
            .unwrap();
        let report = audit::verify(&t.db).await.unwrap();
        assert_eq!(
            (report.problem, report.entries, report.chains),
            (None, 4, 2),
            "{}",
            t.db.backend()
        );
    }
}

// Issue 11 item 3: a database that takes nothing cannot hold the writer. Its pool is closed
// (every write fails at once, as with a server gone); told to stop with a deadline, the
// writer tries until then, gives up and reports how many entries it could not write.
#[tokio::test]
async fn usage_writer_stops_by_its_deadline_when_nothing_can_be_written() {
    for t in testing::both("pv1_dead_db").await {
        let clock = Arc::new(ManualClock::new(jst_at(5, 10, 0)));
        let (stop, stopped) = watch::channel(None);
        let (rec, writer) = usage::start(t.db.clone(), clock.clone(), "w1".into(), 365, stopped);
        t.db.close().await;
        for i in 0..25 {
            rec.record(note(clock.as_ref(), Actor::User(1), i)).await;
        }
        let deadline = madoguchi_domain::clock::monotonic() + std::time::Duration::from_secs(2);
        stop.send(Some(deadline)).unwrap();
        // A generous bound: the point is that it stops at all.
        tokio::time::timeout(std::time::Duration::from_secs(60), writer)
            .await
            .expect("the writer stops")
            .unwrap();
        assert_eq!(rec.unwritten(), 25, "{}", t.db.backend());
    }
}
