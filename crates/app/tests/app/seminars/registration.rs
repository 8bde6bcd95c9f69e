//! Seminars (rules SE-1…SE-5) on both backends: 1,000 users racing for 100 seats, the
//! waiting list's order and promotion under concurrent cancellations, cut-off, removal.
use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::{FixedClock, jst};
use madoguchi_domain::staff::Role;
use madoguchi_store::seminars::{self as store, Registered};
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{office, seekers};

pub(crate) fn jst_at(d: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, d, h, m, s)
        .unwrap()
        .with_timezone(&Utc)
}

pub(crate) async fn admin(db: &Db, clock: &FixedClock, key: &str) -> StaffMember {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        Role::OfficeAdmin,
        Some("28011"),
        key,
        "管理者",
    )
    .await
    .unwrap();
    let m = madoguchi_store::accounts::staff::by_key(db, key)
        .await
        .unwrap()
        .unwrap();
    StaffMember {
        id: m.id,
        name: "管理者".into(),
        role: Role::OfficeAdmin,
        office: Some("28011".into()),
    }
}

pub(crate) fn input(capacity: i32, waitlist_limit: i32) -> SeminarInput {
    SeminarInput {
        kind: "seminar".into(),
        title: "応募書類の書き方セミナー".into(),
        description: "履歴書と職務経歴書の書き方を説明します。".into(),
        // Thursday 2026-12-10, 13:30–15:00.
        starts_at: jst_at(10, 13, 30, 0),
        minutes: 90,
        app: "zoom".into(),
        recorded_with_consent: false,
        capacity,
        waitlist_limit,
    }
}

// rules SE-2, SE-3: 1,000 concurrent registrations for 100 seats end with exactly 100
// registered and the other 900 waiting in one order; then 30 concurrent cancellations promote
// exactly the first 30 waiting, each told. (The two-process test below also closes the list.)
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
pub(crate) async fn a_thousand_for_a_hundred_seats() {
    for t in testing::both("se3_opening").await {
        office(&t.db).await;
        let clock = Arc::new(FixedClock(jst_at(2, 10, 0, 0)));
        let boss = admin(&t.db, &clock, "kobe.se").await;
        let id = seminars::organise::create(&t.db, clock.as_ref(), &boss, "28011", &input(100, 900))
            .await
            .unwrap();
        let users = seekers(&t.db, 1000, "se").await;
        let mut tasks = Vec::new();
        for u in users.clone() {
            let (db, clock) = (t.db.clone(), clock.clone());
            tasks.push(tokio::spawn(async move {
                seminars::attend::register(&db, clock.as_ref(), u, id).await
            }));
        }
        let (mut seats, mut places, mut full) = (0, 0, 0);
        for task in tasks {
            match task.await.unwrap() {
                Ok(Registered::Registered(_)) => seats += 1,
                Ok(Registered::Waitlisted(_)) => places += 1,
                Err(e) if e.specific_code() == "seminar_full" => full += 1,
                other => panic!("{}: {other:?}", t.db.backend()),
            }
        }
        assert_eq!((seats, places, full), (100, 900, 0), "{}", t.db.backend());
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
        let rows = store::places::participants(&t.db, id).await.unwrap();
        let waiting: Vec<i64> = rows.iter().filter(|r| r.state == "waitlisted").map(|r| r.id).collect();
        let registered: Vec<_> = rows.iter().filter(|r| r.state == "registered").cloned().collect();

        let mut tasks = Vec::new();
        for r in registered.iter().take(30).cloned() {
            let (db, clock) = (t.db.clone(), clock.clone());
            tasks.push(tokio::spawn(async move {
                seminars::attend::cancel_own(&db, clock.as_ref(), r.user_ref, r.id).await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let after = store::catalogue::get(&t.db, id).await.unwrap().unwrap();
        assert_eq!((after.registered, after.waitlisted), (100, 870), "{}", t.db.backend());
        let rows = store::places::participants(&t.db, id).await.unwrap();
        let promoted: Vec<i64> = rows
            .iter()
            .filter(|r| r.state == "registered" && waiting.contains(&r.id))
            .map(|r| r.id)
            .collect();
        assert_eq!(promoted, waiting[..30].to_vec(), "the first 30 in line, in order");
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
        let first = rows.iter().find(|r| r.id == waiting[0]).unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&t.db, first.user_ref).await.unwrap();
        assert!(
            inbox[0].subject.contains("参加登録に切り替わりました"),
            "{:?}",
            inbox[0].subject
        );
    }
}

// rules SE-1, SE-2, SE-4, SE-5: office hours and open days; the cut-off at the end of the
// previous day; one registration per user; cancellation and removal with a reason, both
// handing the seat to the first waiting; staff views audited.
#[tokio::test]
pub(crate) async fn rules_around_one_seminar() {
    for t in testing::both("se_rules").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.se2").await;
        let sunday = SeminarInput {
            starts_at: jst_at(6, 13, 30, 0),
            ..input(1, 1)
        };
        let e = seminars::organise::create(&t.db, &clock, &boss, "28011", &sunday)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "closed_day");
        let late = SeminarInput {
            starts_at: jst_at(10, 16, 30, 0),
            ..input(1, 1)
        };
        let e = seminars::organise::create(&t.db, &clock, &boss, "28011", &late)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "outside_hours", "16:30 + 90 min runs past 17:15");
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 1))
            .await
            .unwrap();
        let u = seekers(&t.db, 3, "ser").await;
        let seat = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap();
        let e = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap_err();
        assert_eq!(e.specific_code(), "conflict", "once per user");
        let Registered::Waitlisted(place) = seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap() else {
            panic!("the second goes on the list");
        };
        let e = seminars::attend::register(&t.db, &clock, u[2], id).await.unwrap_err();
        assert_eq!(e.specific_code(), "seminar_full");
        // SE-5: removal with a reason; the waiting user moves up.
        let Registered::Registered(seat) = seat else { panic!() };
        let e = seminars::organise::remove(&t.db, &clock, &boss, seat, " ")
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "required");
        seminars::organise::remove(&t.db, &clock, &boss, seat, "他の参加者への迷惑行為")
            .await
            .unwrap();
        assert_eq!(
            store::places::registration(&t.db, place).await.unwrap().unwrap().state,
            "registered"
        );
        assert_eq!(
            store::places::registration(&t.db, seat).await.unwrap().unwrap().state,
            "removed_by_office"
        );
        let listed = seminars::organise::participants(&t.db, &clock, &boss, id)
            .await
            .unwrap();
        assert_eq!(listed.len(), 2);
        assert_eq!(
            listed[1].verify_number, "28011-00001234",
            "SE-2: the job-seeker number is recorded"
        );
        // SE-4: the user cancels; cancelling again is refused; someone else's is not found.
        let e = seminars::attend::cancel_own(&t.db, &clock, u[2], place)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "not_found");
        seminars::attend::cancel_own(&t.db, &clock, u[1], place).await.unwrap();
        let e = seminars::attend::cancel_own(&t.db, &clock, u[1], place)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "already_cancelled");
        // SE-1: registration closes at 23:59:59 JST the day before.
        let just_in_time = FixedClock(jst_at(9, 23, 59, 59));
        seminars::attend::register(&t.db, &just_in_time, u[2], id)
            .await
            .unwrap();
        let closed = FixedClock(jst_at(10, 0, 0, 0));
        let e = seminars::attend::register(&t.db, &closed, u[1], id).await.unwrap_err();
        assert_eq!(e.specific_code(), "cutoff_passed", "{}", t.db.backend());
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

/// Child half of the two-process seminar tests: registers each user, or cancels each
/// `user:registration` pair, and prints one word per outcome.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "run by two_processes_fill_and_promote"]
pub(crate) async fn seminar_race_child() {
    let (Ok(url), Ok(seminar), Ok(work)) = (
        std::env::var("MADOGUCHI_CHILD_DB"),
        std::env::var("MADOGUCHI_CHILD_SEMINAR"),
        std::env::var("MADOGUCHI_CHILD_USERS"),
    ) else {
        return;
    };
    let db = Arc::new(
        madoguchi_store::connect(&url.parse().unwrap(), madoguchi_store::PoolSizes::for_tests())
            .await
            .unwrap(),
    );
    let seminar: i64 = seminar.parse().unwrap();
    let clock = Arc::new(FixedClock(jst_at(2, 10, 0, 0)));
    let mut tasks = Vec::new();
    for item in work.split(',').map(str::to_owned) {
        let (db, clock) = (db.clone(), clock.clone());
        tasks.push(tokio::spawn(async move {
            match item.split_once(':') {
                Some((u, reg)) => {
                    let (u, reg) = (u.parse().unwrap(), reg.parse().unwrap());
                    match seminars::attend::cancel_own(&db, clock.as_ref(), u, reg).await {
                        Ok(()) => "CANCELLED",
                        Err(_) => "REFUSED",
                    }
                }
                None => match seminars::attend::register(&db, clock.as_ref(), item.parse().unwrap(), seminar).await {
                    Ok(Registered::Registered(_)) => "SEAT",
                    Ok(Registered::Waitlisted(_)) => "PLACE",
                    Err(e) if e.specific_code() == "seminar_full" => "FULL",
                    _ => "OTHER",
                },
            }
        }));
    }
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}

pub(crate) fn children(url: &str, seminar: i64, halves: [Vec<String>; 2]) -> String {
    let exe = std::env::current_exe().unwrap();
    let running: Vec<_> = halves
        .iter()
        .map(|work| {
            std::process::Command::new(&exe)
                .args(["--exact", "seminars::seminar_race_child", "--ignored", "--nocapture"])
                .env("MADOGUCHI_CHILD_DB", url)
                .env("MADOGUCHI_CHILD_SEMINAR", seminar.to_string())
                .env("MADOGUCHI_CHILD_USERS", work.join(","))
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut out = String::new();
    for child in running {
        let done = child.wait_with_output().unwrap();
        assert!(done.status.success());
        out.push_str(&String::from_utf8(done.stdout).unwrap());
    }
    out
}

// rules SE-2, SE-3: two processes (two replicas) on one PostgreSQL, 500 users each, for 100
// seats and 850 places: exactly 100, 850 and 50 refused; then 15 cancellations in each
// process promote exactly the first 30 in line.
#[tokio::test]
pub(crate) async fn two_processes_fill_and_promote() {
    let Some(t) = testing::postgres("se3_two_procs").await.unwrap() else {
        return;
    };
    office(&t.db).await;
    let clock = FixedClock(jst_at(2, 10, 0, 0));
    let boss = admin(&t.db, &clock, "kobe.se3").await;
    let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(100, 850))
        .await
        .unwrap();
    let users = seekers(&t.db, 1000, "sp").await;
    let madoguchi_store::DatabaseUrl::Postgres(url) = &t.url else {
        unreachable!()
    };
    let ids: Vec<String> = users.iter().map(i64::to_string).collect();
    let out = children(url, id, [ids[..500].to_vec(), ids[500..].to_vec()]);
    let count = |w: &str| out.lines().filter(|l| *l == w).count();
    assert_eq!((count("SEAT"), count("PLACE"), count("FULL")), (100, 850, 50), "{out}");
    assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));

    let rows = store::places::participants(&t.db, id).await.unwrap();
    let waiting: Vec<i64> = rows.iter().filter(|r| r.state == "waitlisted").map(|r| r.id).collect();
    let pairs: Vec<String> = rows
        .iter()
        .filter(|r| r.state == "registered")
        .take(30)
        .map(|r| format!("{}:{}", r.user_ref, r.id))
        .collect();
    let out = children(url, id, [pairs[..15].to_vec(), pairs[15..].to_vec()]);
    assert_eq!(out.lines().filter(|l| *l == "CANCELLED").count(), 30, "{out}");
    let after = store::places::participants(&t.db, id).await.unwrap();
    let promoted: Vec<i64> = after
        .iter()
        .filter(|r| r.state == "registered" && waiting.contains(&r.id))
        .map(|r| r.id)
        .collect();
    assert_eq!(promoted, waiting[..30].to_vec());
    assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
}
