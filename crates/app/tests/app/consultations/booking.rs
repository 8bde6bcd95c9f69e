//! BK-4 and BK-5 under concurrency, on both backends, and on PostgreSQL from two processes.
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use madoguchi_app::consultations::booking;
use madoguchi_domain::clock::{FixedClock, jst};
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::{Db, accounts::users, eligibility, testing};

pub(crate) fn now() -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, 2, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

pub(crate) fn at(h: u32, m: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, 3, h, m, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// `n` active job seekers with confirmed registrations, made directly in the store.
pub async fn seekers(db: &Db, n: usize, prefix: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut tx = db.begin().await.unwrap();
    for i in 0..n {
        let u = users::NewUser {
            user_id: format!("{prefix}{i:04}"),
            user_key: format!("{prefix}{i:04}"),
            password_hash: "not-used".into(),
            name: "山田 太郎".into(),
            name_kana: "ヤマダ".into(),
            address: "神戸市".into(),
            email: format!("{prefix}{i}@example.jp"),
            phone: "078-231-8609".into(),
            lang: "ja".into(),
        };
        let id = users::insert_provisional(&mut tx, &u, now()).await.unwrap();
        users::activate(&mut tx, id, now()).await.unwrap();
        eligibility::set_job_seeker(&mut tx, id, "28011-00001234", now().date_naive() + Duration::days(365))
            .await
            .unwrap();
        eligibility::confirm_job_seeker(&mut tx, id, now()).await.unwrap();
        ids.push(id);
    }
    tx.commit().await.unwrap();
    ids
}

/// A staff member of `role` (at `office`), created through the console as an operator would,
/// and the `StaffMember` the use cases take.
pub(crate) async fn staff_member(
    db: &Db,
    clock: &dyn madoguchi_domain::clock::Clock,
    role: madoguchi_domain::staff::Role,
    office: Option<&str>,
    key: &str,
) -> madoguchi_app::shared::StaffMember {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        role,
        office,
        key,
        "職員",
    )
    .await
    .unwrap();
    let m = madoguchi_store::accounts::staff::by_key(db, key)
        .await
        .unwrap()
        .unwrap();
    madoguchi_app::shared::StaffMember {
        id: m.id,
        name: "職員".into(),
        role,
        office: office.map(str::to_owned),
    }
}

pub async fn office(db: &Db) {
    madoguchi_app::demo::seed_if_empty(db, &FixedClock(now()))
        .await
        .unwrap();
}

// rule BK-5: 200 tasks racing for a one-seat slot yield exactly one booking.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
pub(crate) async fn one_seat_two_hundred_racers() {
    for t in testing::both("bk5_race").await {
        office(&t.db).await;
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let users = seekers(&t.db, 200, "racer").await;
        let db = Arc::new(t.db);
        let mut tasks = Vec::new();
        for u in users {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                booking::book(&db, &FixedClock(now()), u, slot, &Details::default())
                    .await
                    .map_err(|e| e.specific_code())
            }));
        }
        let mut ok = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => ok += 1,
                Err(code) => assert_eq!(code, "slot_full"),
            }
        }
        assert_eq!(ok, 1, "{}", db.backend());
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
    }
}

// rule BK-4: 100 tasks by one user for different slots on one day yield exactly one.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
pub(crate) async fn one_user_hundred_slots_one_day() {
    for t in testing::both("bk4_race").await {
        office(&t.db).await;
        let mut slots = Vec::new();
        for i in 0..100 {
            let start = at(8, 30) + Duration::minutes(30 * (i % 17));
            slots.push(
                booking::publish_slot(&t.db, "28011", start, "teleoffice", 1)
                    .await
                    .unwrap(),
            );
        }
        let user = seekers(&t.db, 1, "single").await[0];
        let db = Arc::new(t.db);
        let mut tasks = Vec::new();
        for s in slots {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                booking::book(&db, &FixedClock(now()), user, s, &Details::default())
                    .await
                    .map_err(|e| e.specific_code())
            }));
        }
        let mut ok = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => ok += 1,
                Err(code) => assert_eq!(code, "daily_limit"),
            }
        }
        assert_eq!(ok, 1, "{}", db.backend());
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
        // The seats the losers touched were given back: 99 slots still free.
        let free = reservations::free_slots(&db, "28011", at(0, 0), at(23, 0))
            .await
            .unwrap();
        assert_eq!(free.len(), 99);
    }
}

// rules BK-3, BK-10, BK-16, AC-11: cut-off at 23:59:59 JST, eligibility, cancellation keeps the row.
#[tokio::test]
pub(crate) async fn cutoff_eligibility_and_cancellation() {
    for t in testing::both("bk_rules").await {
        office(&t.db).await;
        let slot = booking::publish_slot(&t.db, "28011", at(9, 0), "e_tumo", 1)
            .await
            .unwrap();
        let users = seekers(&t.db, 2, "rules").await;
        let late = FixedClock(
            jst()
                .with_ymd_and_hms(2026, 12, 3, 0, 0, 0)
                .unwrap()
                .with_timezone(&Utc),
        );
        let err = booking::book(&t.db, &late, users[0], slot, &Details::default())
            .await
            .unwrap_err();
        assert_eq!(err.specific_code(), "cutoff_passed", "{}", t.db.backend());
        let just_in_time = FixedClock(
            jst()
                .with_ymd_and_hms(2026, 12, 2, 23, 59, 59)
                .unwrap()
                .with_timezone(&Utc),
        );
        let id = booking::book(&t.db, &just_in_time, users[0], slot, &Details::default())
            .await
            .unwrap();
        // Someone else's reservation is not found, not forbidden.
        assert_eq!(
            booking::cancel_own(&t.db, &just_in_time, users[1], id)
                .await
                .unwrap_err()
                .specific_code(),
            "not_found"
        );
        booking::cancel_own(&t.db, &just_in_time, users[0], id).await.unwrap();
        let again = booking::cancel_own(&t.db, &just_in_time, users[0], id)
            .await
            .unwrap_err();
        assert_eq!(again.specific_code(), "already_cancelled");
        let kept = reservations::reservation(&t.db, id).await.unwrap().unwrap();
        assert_eq!(kept.state, "cancelled_by_user", "cancellation is a state, not a delete");
        // The seat is free again, for another user.
        booking::book(&t.db, &just_in_time, users[1], slot, &Details::default())
            .await
            .unwrap();
        // Publishing refuses closed days and times outside office hours (BK-1).
        let sunday = jst()
            .with_ymd_and_hms(2026, 12, 6, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let e = booking::publish_slot(&t.db, "28011", sunday, "zoom", 1)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "closed_day");
        let e = booking::publish_slot(&t.db, "28011", at(17, 0), "zoom", 1)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "outside_hours");
    }
}

/// Child half of the two-process race: every user here tries the one seat.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "run by two_processes_race_for_one_seat"]
pub(crate) async fn seat_race_child() {
    let (Ok(url), Ok(slot), Ok(users)) = (
        std::env::var("MADOGUCHI_CHILD_DB"),
        std::env::var("MADOGUCHI_CHILD_SLOT"),
        std::env::var("MADOGUCHI_CHILD_USERS"),
    ) else {
        return;
    };
    let db = Arc::new(
        madoguchi_store::connect(&url.parse().unwrap(), madoguchi_store::PoolSizes::for_tests())
            .await
            .unwrap(),
    );
    let slot: i64 = slot.parse().unwrap();
    let mut tasks = Vec::new();
    for u in users.split(',').map(|u| u.parse::<i64>().unwrap()) {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            booking::book(&db, &FixedClock(now()), u, slot, &Details::default())
                .await
                .is_ok()
        }));
    }
    for task in tasks {
        if task.await.unwrap() {
            println!("BOOKED");
        }
    }
}

// rule BK-5: two processes (two replicas) on one PostgreSQL: still exactly one booking.
#[tokio::test]
pub(crate) async fn two_processes_race_for_one_seat() {
    let Some(t) = testing::postgres("bk5_two_procs").await.unwrap() else {
        return;
    };
    office(&t.db).await;
    let slot = booking::publish_slot(&t.db, "28011", at(11, 0), "zoom", 1)
        .await
        .unwrap();
    let users = seekers(&t.db, 120, "proc").await;
    let madoguchi_store::DatabaseUrl::Postgres(url) = &t.url else {
        unreachable!()
    };
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = users
        .chunks(60)
        .map(|chunk| {
            let list: Vec<String> = chunk.iter().map(i64::to_string).collect();
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "booking_under_load::seat_race_child",
                    "--ignored",
                    "--nocapture",
                ])
                .env("MADOGUCHI_CHILD_DB", url)
                .env("MADOGUCHI_CHILD_SLOT", slot.to_string())
                .env("MADOGUCHI_CHILD_USERS", list.join(","))
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut booked = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        booked += String::from_utf8(out.stdout).unwrap().matches("BOOKED").count();
    }
    assert_eq!(booked, 1);
    assert_eq!(reservations::consistency(&t.db).await.unwrap(), (0, 0));
}
