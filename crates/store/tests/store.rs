//! Storage stories, each run on SQLite and on PostgreSQL (CI=true makes a missing
//! PostgreSQL a failure, not a skip).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use madoguchi_domain::calendar::{OfficeClosure, WeeklyHours};
use madoguchi_domain::office::{Office, OfficeCode};
use madoguchi_store::mail::outbox::{self, NewMail};
use madoguchi_store::{DatabaseUrl, PoolSizes, StoreError, connect, lease, offices, testing};

#[path = "store/group_commit.rs"]
mod group_commit;
#[path = "store/plans.rs"]
mod plans;
#[path = "store/translations.rs"]
mod translations;
#[path = "store/writer.rs"]
mod writer;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 28, 14, 59, 0).unwrap() // 23:59 JST, the eve of the year-end closure
}

#[tokio::test]
async fn lease_is_exclusive_until_it_expires() {
    for t in testing::both("lease_exclusive").await {
        let db = &t.db;
        let ttl = Duration::seconds(30);
        assert!(
            lease::try_acquire(db, "mailer", "a", ttl, t0()).await.unwrap(),
            "{}",
            db.backend()
        );
        assert!(
            !lease::try_acquire(db, "mailer", "b", ttl, t0() + Duration::seconds(10))
                .await
                .unwrap()
        );
        // The holder renews.
        assert!(
            lease::try_acquire(db, "mailer", "a", ttl, t0() + Duration::seconds(20))
                .await
                .unwrap()
        );
        assert!(
            !lease::try_acquire(db, "mailer", "b", ttl, t0() + Duration::seconds(45))
                .await
                .unwrap()
        );
        // After expiry another replica takes over.
        assert!(
            lease::try_acquire(db, "mailer", "b", ttl, t0() + Duration::seconds(51))
                .await
                .unwrap()
        );
        let (owner, until) = lease::holder(db, "mailer").await.unwrap().unwrap();
        assert_eq!((owner.as_str(), until), ("b", t0() + Duration::seconds(81)));
        assert!(!lease::release(db, "mailer", "a").await.unwrap());
        assert!(lease::release(db, "mailer", "b").await.unwrap());
        assert!(
            lease::try_acquire(db, "mailer", "a", ttl, t0() + Duration::seconds(52))
                .await
                .unwrap()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn tasks_racing_for_one_lease_have_one_winner() {
    for t in testing::both("lease_race").await {
        let db = Arc::new(t.db);
        for round in 0..5 {
            let name = format!("sweeper-{round}");
            let mut tasks = Vec::new();
            for i in 0..16 {
                let (db, name) = (db.clone(), name.clone());
                tasks.push(tokio::spawn(async move {
                    lease::try_acquire(&db, &name, &format!("replica-{i}"), Duration::seconds(60), t0())
                        .await
                        .unwrap()
                }));
            }
            let mut winners = 0;
            for task in tasks {
                winners += usize::from(task.await.unwrap());
            }
            assert_eq!(winners, 1, "{} round {round}", db.backend());
        }
    }
}

/// Child half of the two-process race: acquires each named lease once and prints wins.
#[tokio::test]
#[ignore = "run by two_processes_racing_for_leases"]
async fn lease_race_child() {
    let Ok(url) = std::env::var("MADOGUCHI_CHILD_DB") else {
        return;
    };
    let who = std::env::var("MADOGUCHI_CHILD_NAME").unwrap();
    let db = connect(&url.parse().unwrap(), PoolSizes::for_tests()).await.unwrap();
    for i in 0..40 {
        if lease::try_acquire(&db, &format!("job-{i}"), &who, Duration::seconds(60), t0())
            .await
            .unwrap()
        {
            println!("WON job-{i}");
        }
    }
}

// Two processes (as two replicas would be) race for 40 leases: each is won exactly once.
#[tokio::test]
async fn two_processes_racing_for_leases() {
    for t in testing::both("lease_two_procs").await {
        let exe = std::env::current_exe().unwrap();
        let children: Vec<_> = ["p1", "p2"]
            .iter()
            .map(|who| {
                std::process::Command::new(&exe)
                    .args([
                        "--exact",
                        "lease_race_child",
                        "--ignored",
                        "--nocapture",
                        "--test-threads=1",
                    ])
                    .env("MADOGUCHI_CHILD_DB", url_string(&t.url))
                    .env("MADOGUCHI_CHILD_NAME", who)
                    .stdout(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut won = Vec::new();
        for child in children {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success());
            won.extend(
                String::from_utf8(out.stdout)
                    .unwrap()
                    .lines()
                    // libtest may print the first line right after "test lease_race_child ... ".
                    .filter_map(|l| l.split_once("WON ").map(|(_, job)| job.to_owned())),
            );
        }
        let unique: HashSet<_> = won.iter().collect();
        assert_eq!((won.len(), unique.len()), (40, 40), "{}", t.db.backend());
    }
}

fn url_string(url: &DatabaseUrl) -> String {
    match url {
        DatabaseUrl::Sqlite(p) => format!("sqlite:{}", p.display()),
        DatabaseUrl::Postgres(s) => s.clone(),
    }
}

fn mail(n: usize) -> NewMail {
    NewMail {
        recipient: format!("user{n}@example.jp"),
        subject: "予約を受け付けました".into(),
        body_text: "本文".into(),
        body_html: None,
        attachment: None,
    }
}

// rule NO-3: mail is written in the caller's transaction and lost with it on rollback.
#[tokio::test]
async fn outbox_follows_the_transaction() {
    for t in testing::both("outbox_tx").await {
        let db = &t.db;
        let mut tx = db.begin().await.unwrap();
        outbox::enqueue(&mut tx, &mail(1), t0()).await.unwrap();
        drop(tx); // rolled back
        assert_eq!(outbox::pending_count(db).await.unwrap(), 0, "{}", db.backend());
        let mut tx = db.begin().await.unwrap();
        let id = outbox::enqueue(&mut tx, &mail(2), t0()).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(outbox::pending_count(db).await.unwrap(), 1);

        let claimed = outbox::claim_due(db, t0(), Duration::minutes(5), 10).await.unwrap();
        assert_eq!(claimed.iter().map(|m| m.id).collect::<Vec<_>>(), vec![id]);
        assert_eq!(claimed[0].attempts, 1);
        // Claimed mail is not handed out again while the claim holds.
        assert!(
            outbox::claim_due(db, t0() + Duration::minutes(1), Duration::minutes(5), 10)
                .await
                .unwrap()
                .is_empty()
        );
        // A failure schedules a retry; it is not due before then.
        let retry = t0() + outbox::retry_delay(1);
        outbox::mark_failed(db, id, "smtp: connection refused", retry)
            .await
            .unwrap();
        assert!(
            outbox::claim_due(db, retry - Duration::seconds(1), Duration::minutes(5), 10)
                .await
                .unwrap()
                .is_empty()
        );
        let again = outbox::claim_due(db, retry, Duration::minutes(5), 10).await.unwrap();
        assert_eq!(again[0].attempts, 2);
        outbox::mark_sent(db, id, retry).await.unwrap();
        assert_eq!(outbox::pending_count(db).await.unwrap(), 0);
        assert!(
            outbox::claim_due(db, retry + Duration::days(1), Duration::minutes(5), 10)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

// rule NO-3: concurrent workers never claim the same message.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn outbox_claims_are_disjoint() {
    for t in testing::both("outbox_race").await {
        let db = Arc::new(t.db);
        let mut tx = db.begin().await.unwrap();
        for n in 0..60 {
            outbox::enqueue(&mut tx, &mail(n), t0()).await.unwrap();
        }
        tx.commit().await.unwrap();
        let mut tasks = Vec::new();
        for _ in 0..6 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = outbox::claim_due(&db, t0(), Duration::minutes(5), 4).await.unwrap();
                    if batch.is_empty() {
                        break mine;
                    }
                    mine.extend(batch.into_iter().map(|m| m.id));
                }
            }));
        }
        let mut all = Vec::new();
        for task in tasks {
            all.extend(task.await.unwrap());
        }
        let unique: HashSet<_> = all.iter().collect();
        assert_eq!((all.len(), unique.len()), (60, 60), "{}", db.backend());
    }
}

fn office(code: &str) -> Office {
    Office {
        code: OfficeCode::parse(code).unwrap(),
        name_ja: "灘公共職業安定所三宮分室".into(),
        name_en: "Nada, Sannomiya Branch".into(),
        address: "神戸市中央区".into(),
        phone: "078-231-8609".into(),
        hours: WeeklyHours::standard(),
    }
}

// rules TM-2, TM-3: hours and closures survive a round trip.
#[tokio::test]
async fn offices_hours_and_closures_round_trip() {
    for t in testing::both("offices").await {
        let db = &t.db;
        let mut o = office("28011");
        let mut tx = db.begin().await.unwrap();
        offices::save(&mut tx, &o).await.unwrap();
        offices::save(&mut tx, &office("13010")).await.unwrap();
        tx.commit().await.unwrap();
        o.hours
            .set(chrono::Weekday::Sat, WeeklyHours::standard().on(chrono::Weekday::Mon));
        o.name_en = "Sannomiya".into();
        let mut tx = db.begin().await.unwrap();
        offices::save(&mut tx, &o).await.unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        let closure = OfficeClosure {
            date: day,
            reason: "庁舎設備点検".into(),
            hours: None,
        };
        offices::add_closure(&mut tx, &o.code, &closure).await.unwrap();
        // rule TM-3: part of a day, kept as instants and read back as JST hours.
        let afternoon = OfficeClosure {
            date: NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
            reason: "停電".into(),
            hours: madoguchi_domain::calendar::ClosedHours::new(
                chrono::NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
                chrono::NaiveTime::from_hms_opt(17, 15, 0).unwrap(),
            ),
        };
        offices::add_closure(&mut tx, &o.code, &afternoon).await.unwrap();
        tx.commit().await.unwrap();
        let later = offices::closures(db, &o.code, afternoon.date, afternoon.date)
            .await
            .unwrap();
        assert_eq!(later, vec![afternoon], "{}", db.backend());

        assert_eq!(offices::get(db, &o.code).await.unwrap().unwrap(), o, "{}", db.backend());
        let codes: Vec<_> = offices::list(db)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.code.to_string())
            .collect();
        assert_eq!(codes, ["13010", "28011"]);
        let found = offices::closures(db, &o.code, day, day).await.unwrap();
        assert_eq!(found, vec![closure]);
        assert!(
            offices::closures(db, &o.code, day.succ_opt().unwrap(), day.succ_opt().unwrap())
                .await
                .unwrap()
                .is_empty()
        );
        let mut tx = db.begin().await.unwrap();
        assert!(offices::remove_closure(&mut tx, &o.code, day).await.unwrap());
        assert!(!offices::remove_closure(&mut tx, &o.code, day).await.unwrap());
        tx.commit().await.unwrap();
        assert!(
            offices::get(db, &OfficeCode::parse("99999").unwrap())
                .await
                .unwrap()
                .is_none()
        );
    }
}

// Migrations are append-only and re-running them is a no-op on both backends.
#[tokio::test]
async fn migrations_rerun_cleanly() {
    for t in testing::both("migrate_twice").await {
        t.db.migrate().await.unwrap();
        t.db.ping().await.unwrap();
    }
}

#[tokio::test]
async fn unreachable_postgres_is_a_clear_error_without_the_password() {
    let url: DatabaseUrl = "postgres://madoguchi:hunter2@127.0.0.1:1/madoguchi".parse().unwrap();
    let sizes = PoolSizes {
        acquire_timeout: std::time::Duration::from_secs(2),
        ..PoolSizes::for_tests()
    };
    let err = connect(&url, sizes).await.unwrap_err();
    assert!(matches!(err, StoreError::Unreachable { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("cannot reach the database") && !text.contains("hunter2"),
        "{text}"
    );
}

#[tokio::test]
async fn sqlite_file_and_directory_are_created() {
    let dir = std::env::temp_dir()
        .join(format!("mdg-new-{}", std::process::id()))
        .join("nested");
    let _ = std::fs::remove_dir_all(&dir);
    let url = DatabaseUrl::Sqlite(dir.join("m.db"));
    let db = connect(&url, PoolSizes::for_tests()).await.unwrap();
    db.migrate().await.unwrap();
    assert!(dir.join("m.db").exists());
    let journal: (String,) = match &db {
        madoguchi_store::Db::Sqlite(s) => sqlx::query_as("PRAGMA journal_mode").fetch_one(&s.write).await.unwrap(),
        madoguchi_store::Db::Postgres(_) => unreachable!(),
    };
    assert_eq!(journal.0, "wal");
}
