//! The office changes a whole seminar (rule SE-6, S11-1) on both backends: cancel (everyone
//! told, registrations refused, also while 30 people race to register), suspend and resume,
//! move to another date or time; who may do it.
use std::sync::Arc;

use chrono::Duration;
use madoguchi_app::seminars::{self, changes};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::{Clock, FixedClock, ManualClock};
use madoguchi_domain::staff::Role;
use madoguchi_store::seminars::{self as store, Registered};
use madoguchi_store::{Db, mail::inbox, testing};

use crate::booking_under_load::{office, seekers};
use crate::seminars::{admin, input, jst_at};

/// A staff member of `role` at `office` (none for a national admin).
pub(crate) async fn member(db: &Db, role: Role, office: Option<&str>, key: &str) -> StaffMember {
    madoguchi_app::console::staff::create(
        db,
        &FixedClock(jst_at(1, 9, 0, 0)),
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
    StaffMember {
        id: m.id,
        name: "職員".into(),
        role,
        office: office.map(str::to_owned),
    }
}

async fn subjects(db: &Db, user: i64) -> Vec<String> {
    inbox::list(db, user)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.subject)
        .collect()
}

async fn audit_actions(db: &Db, staff_key: &str) -> Vec<String> {
    let search = madoguchi_store::records::audit::Search {
        staff_key: Some(staff_key.into()),
        limit: 100,
        ..Default::default()
    };
    madoguchi_store::records::audit::search(db, &search)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect()
}

// rules SE-6, NO-1, NO-2, BK-12: cancelling a seminar ends every seat and waiting place as
// removed by the office with the reason, tells each person once (mail and inbox, with the
// reason), refuses new registrations with `seminar_cancelled`, and no place later becomes a
// no-show; only the office's admins (and national admins) may, before the start.
#[tokio::test]
async fn cancelling_tells_everyone_and_takes_no_registrations() {
    for t in testing::both("se6_cancel").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &FixedClock(jst_at(2, 10, 0, 0)), "kobe.se6c").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 2))
            .await
            .unwrap();
        let u = seekers(&t.db, 3, "se6c").await;
        let Registered::Registered(seat) = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap() else {
            panic!()
        };
        let Registered::Waitlisted(wait) = seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap() else {
            panic!()
        };

        // Who may: a counsellor may not; another office's admin does not see it.
        let counsellor = member(&t.db, Role::Counsellor, Some("28011"), "kobe.se6c.c").await;
        let e = changes::cancel(&t.db, &clock, &counsellor, id, "講師急病のため").await;
        assert_eq!(e.unwrap_err().specific_code(), "not_office_admin", "{}", t.db.backend());
        let tokyo = member(&t.db, Role::OfficeAdmin, Some("13010"), "tokyo.se6c").await;
        let e = changes::cancel(&t.db, &clock, &tokyo, id, "講師急病のため").await;
        assert_eq!(e.unwrap_err().specific_code(), "not_found");
        // A reason is required and checked like every text (N10); nothing changes.
        for (why, code) in [("", "required"), ("講師急病①", "invalid_characters")] {
            let e = changes::preview_cancel(&t.db, &clock, &boss, id, why).await;
            assert_eq!(e.unwrap_err().specific_code(), code);
        }

        let seen = changes::preview_cancel(&t.db, &clock, &boss, id, "講師急病のため")
            .await
            .unwrap();
        assert_eq!((seen.seated, seen.waiting), (1, 1));
        let ended = changes::cancel(&t.db, &clock, &boss, id, "講師急病のため")
            .await
            .unwrap();
        assert_eq!(ended, 2);
        for reg in [seat, wait] {
            let r = store::places::registration(&t.db, reg).await.unwrap().unwrap();
            assert_eq!(r.state, "removed_by_office", "{}", t.db.backend());
        }
        let s = seminars::attend::get(&t.db, id).await.unwrap();
        assert!(s.cancelled_at.is_some());
        assert_eq!((s.registered, s.waitlisted, s.status()), (0, 0, "cancelled"));
        assert_eq!(s.cancel_reason, "講師急病のため");
        for (user, place) in [(u[0], "参加登録"), (u[1], "キャンセル待ち")] {
            let mine = inbox::list(&t.db, user).await.unwrap();
            let told: Vec<_> = mine.iter().filter(|m| m.subject.contains("中止")).collect();
            assert_eq!(told.len(), 1, "told once: {mine:?}");
            assert!(told[0].body.contains("講師急病のため") && told[0].body.contains(place));
        }
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
        assert!(
            audit_actions(&t.db, "kobe.se6c")
                .await
                .contains(&"cancel_seminar".to_owned())
        );

        // No more registrations, no second cancellation, no other change.
        let e = seminars::attend::register(&t.db, &clock, u[2], id).await.unwrap_err();
        assert_eq!(e.specific_code(), "seminar_cancelled");
        let e = changes::cancel(&t.db, &clock, &boss, id, "再度").await.unwrap_err();
        assert_eq!(e.specific_code(), "seminar_cancelled");
        let e = changes::suspend(&t.db, &clock, &boss, id, "台風", false)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "seminar_cancelled");
        // The restriction count is untouched: after the start nobody becomes a no-show.
        clock.advance(jst_at(10, 14, 0, 0) - jst_at(2, 10, 0, 0));
        assert_eq!(
            madoguchi_app::consultations::no_show::sweep(&t.db, &clock)
                .await
                .unwrap(),
            0
        );
        let since = clock.now() - Duration::days(90);
        assert!(
            madoguchi_store::consultations::reservations::no_shows_since(&t.db, u[0], since)
                .await
                .unwrap()
                .is_empty()
        );

        // Once a seminar has started it is not cancelled; a national admin may cancel any office's.
        let later = seminars::organise::create(
            &t.db,
            &FixedClock(jst_at(2, 10, 0, 0)),
            &boss,
            "28011",
            &madoguchi_app::seminars::organise::SeminarInput {
                starts_at: jst_at(11, 10, 0, 0),
                ..input(5, 0)
            },
        )
        .await
        .unwrap();
        let national = member(&t.db, Role::NationalAdmin, None, "mhlw.se6c").await;
        clock.advance(jst_at(11, 10, 0, 0) - jst_at(10, 14, 0, 0));
        let e = changes::cancel(&t.db, &clock, &national, later, "遅すぎる")
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "already_started");
        let early = FixedClock(jst_at(10, 15, 0, 0));
        assert_eq!(
            changes::cancel(&t.db, &early, &national, later, "会場の都合")
                .await
                .unwrap(),
            0
        );
    }
}

// rules SE-6, SE-2: staff cancel while 30 people race to register; afterwards nobody holds
// a seat or a waiting place, each person whose registration committed before the cancellation
// is told exactly once, and each refused person was refused with `seminar_cancelled` (or
// found it full) and is told nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn cancelling_while_thirty_register() {
    for t in testing::both("se6_race").await {
        office(&t.db).await;
        let clock = Arc::new(FixedClock(jst_at(2, 10, 0, 0)));
        let boss = admin(&t.db, &clock, "kobe.se6r").await;
        let id = seminars::organise::create(&t.db, clock.as_ref(), &boss, "28011", &input(10, 10))
            .await
            .unwrap();
        let users = seekers(&t.db, 30, "se6r").await;
        let db = Arc::new(t.db.clone());
        let mut tasks = Vec::new();
        for (i, u) in users.iter().copied().enumerate() {
            let (db, clock) = (db.clone(), clock.clone());
            tasks.push(tokio::spawn(async move {
                // Staggered, so that the cancellation lands in the middle of them.
                tokio::time::sleep(std::time::Duration::from_millis(2 * i as u64)).await;
                seminars::attend::register(&db, clock.as_ref(), u, id)
                    .await
                    .map_err(|e| e.specific_code())
            }));
        }
        let canceller = {
            let (db, clock, boss) = (db.clone(), clock.clone(), boss.clone());
            tokio::spawn(async move {
                // Once a few places are taken (or after a while), cancel.
                for _ in 0..500 {
                    let s = store::catalogue::get(&db, id).await.unwrap().unwrap();
                    if s.registered + s.waitlisted >= 5 {
                        break;
                    }
                    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                }
                changes::cancel(&db, clock.as_ref(), &boss, id, "台風接近のため").await
            })
        };
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.unwrap());
        }
        let ended = canceller.await.unwrap().unwrap();
        let held = outcomes.iter().filter(|o| o.is_ok()).count();
        assert!(
            held >= 5,
            "{}: {held} held a place before the cancellation",
            t.db.backend()
        );
        assert_eq!(ended, held, "{}: every place that committed was ended", t.db.backend());
        for (u, o) in users.iter().zip(&outcomes) {
            let told = subjects(&t.db, *u).await.iter().filter(|s| s.contains("中止")).count();
            match o {
                Ok(_) => assert_eq!(told, 1, "told exactly once"),
                Err(code) => {
                    assert!(["seminar_cancelled", "seminar_full"].contains(code), "{code}");
                    assert_eq!(told, 0);
                }
            }
            for r in store::places::for_user(&t.db, *u).await.unwrap() {
                assert!(!["registered", "waitlisted"].contains(&r.state.as_str()), "{r:?}");
            }
        }
        let s = store::catalogue::get(&t.db, id).await.unwrap().unwrap();
        assert_eq!((s.registered, s.waitlisted), (0, 0));
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

// rules SE-6, S11-1: a suspension refuses new registrations and waiting places with
// `seminar_suspended` but keeps every place (a freed seat still goes to the first waiting);
// it tells people only when staff ask it to, and those told hear when registrations resume.
#[tokio::test]
async fn suspension_keeps_places_and_refuses_new_ones() {
    for t in testing::both("se6_suspend").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.se6s").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 3))
            .await
            .unwrap();
        let u = seekers(&t.db, 4, "se6s").await;
        let Registered::Registered(seat) = seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap() else {
            panic!()
        };
        let Registered::Waitlisted(wait) = seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap() else {
            panic!()
        };
        let before = subjects(&t.db, u[0]).await.len();

        // Quietly: nobody is told; nobody new gets in; places stay and move up.
        assert_eq!(
            changes::suspend(&t.db, &clock, &boss, id, "会場の調整中", false)
                .await
                .unwrap(),
            0
        );
        assert_eq!(seminars::attend::get(&t.db, id).await.unwrap().status(), "suspended");
        let e = seminars::attend::register(&t.db, &clock, u[2], id).await.unwrap_err();
        assert_eq!(e.specific_code(), "seminar_suspended", "{}", t.db.backend());
        let e = changes::suspend(&t.db, &clock, &boss, id, "二度目", false)
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "seminar_suspended");
        assert_eq!(subjects(&t.db, u[0]).await.len(), before, "not told");
        seminars::attend::cancel_own(&t.db, &clock, u[0], seat).await.unwrap();
        assert_eq!(
            store::places::registration(&t.db, wait).await.unwrap().unwrap().state,
            "registered",
            "the first waiting still moves up"
        );
        assert_eq!(changes::resume(&t.db, &clock, &boss, id).await.unwrap(), 0);
        assert!(matches!(
            seminars::attend::register(&t.db, &clock, u[2], id).await.unwrap(),
            Registered::Waitlisted(_)
        ));
        let e = changes::resume(&t.db, &clock, &boss, id).await.unwrap_err();
        assert_eq!(e.specific_code(), "invalid_state");

        // Told: a typhoon warning; each holder hears it may be cancelled, then that it is on.
        assert_eq!(
            changes::suspend(&t.db, &clock, &boss, id, "台風警報のため", true)
                .await
                .unwrap(),
            2
        );
        let mine = inbox::list(&t.db, u[1]).await.unwrap();
        assert!(mine[0].subject.contains("一時停止") && mine[0].body.contains("台風警報のため"));
        assert!(mine[0].body.contains("中止となる場合があります"));
        assert!(subjects(&t.db, u[3]).await.is_empty(), "only those with a place");
        assert_eq!(changes::resume(&t.db, &clock, &boss, id).await.unwrap(), 2);
        assert!(subjects(&t.db, u[2]).await[0].contains("再開"));
        let history = store::changes::history(&t.db, id).await.unwrap();
        let kinds: Vec<_> = history.iter().map(|h| h.1.as_str()).collect();
        assert_eq!(kinds, ["suspended", "resumed", "suspended", "resumed"]);
        assert_eq!(store::places::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

// rules SE-6, SE-1, TM-3: a move keeps the length and every place, closes registration at
// the end of the new day's eve, and tells everyone registered or waiting the old and new
// times and that they may cancel on My Page; a day that has passed, today, a closed day, a
// time outside office hours or the same time are refused, naming the field.
#[tokio::test]
async fn moving_keeps_places_and_tells_everyone() {
    for t in testing::both("se6_move").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.se6m").await;
        let id = seminars::organise::create(&t.db, &clock, &boss, "28011", &input(1, 1))
            .await
            .unwrap();
        let u = seekers(&t.db, 2, "se6m").await;
        seminars::attend::register(&t.db, &clock, u[0], id).await.unwrap();
        seminars::attend::register(&t.db, &clock, u[1], id).await.unwrap();
        let closure = madoguchi_domain::calendar::OfficeClosure {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(),
            reason: "設備点検".into(),
            hours: None,
        };
        madoguchi_app::offices::add_closure(&t.db, "28011", &closure)
            .await
            .unwrap();

        for (to, code) in [
            (jst_at(1, 10, 0, 0), "date_in_past"),
            (jst_at(2, 15, 0, 0), "cutoff_passed"),
            (jst_at(12, 10, 0, 0), "closed_day"),
            (jst_at(11, 17, 0, 0), "outside_hours"),
            (jst_at(10, 13, 30, 0), "same_time"),
        ] {
            let e = changes::preview_move(&t.db, &clock, &boss, id, to, "")
                .await
                .unwrap_err();
            assert_eq!(e.specific_code(), code, "{to} on {}", t.db.backend());
        }
        let seen = changes::preview_move(&t.db, &clock, &boss, id, jst_at(11, 10, 0, 0), "講師の都合")
            .await
            .unwrap();
        assert_eq!((seen.seated, seen.waiting), (1, 1));
        let told = changes::move_to(&t.db, &clock, &boss, id, jst_at(11, 10, 0, 0), "講師の都合")
            .await
            .unwrap();
        assert_eq!(told, 2);
        let s = seminars::attend::get(&t.db, id).await.unwrap();
        assert_eq!((s.starts_at, s.ends_at), (jst_at(11, 10, 0, 0), jst_at(11, 11, 30, 0)));
        assert_eq!(s.cutoff_at, jst_at(11, 0, 0, 0));
        assert_eq!(s.local_date, chrono::NaiveDate::from_ymd_opt(2026, 12, 11).unwrap());
        assert_eq!((s.registered, s.waitlisted), (1, 1), "places stay");
        for user in [u[0], u[1]] {
            let letter = &inbox::list(&t.db, user).await.unwrap()[0];
            assert!(letter.subject.contains("日時が変更"), "{}", letter.subject);
            assert!(letter.body.contains("2026年12月10日 13:30") && letter.body.contains("2026年12月11日 10:00"));
            assert!(letter.body.contains("講師の都合") && letter.body.contains("マイページから取り消す"));
        }
        let history = store::changes::history(&t.db, id).await.unwrap();
        assert_eq!(history[0].1, "moved");
        assert_eq!(history[0].4, Some(jst_at(10, 13, 30, 0)));
        assert!(
            audit_actions(&t.db, "kobe.se6m")
                .await
                .contains(&"move_seminar".to_owned())
        );
        // The office's closure of 12/15 refuses a move there.
        let e = changes::move_to(&t.db, &clock, &boss, id, jst_at(15, 10, 0, 0), "")
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "closed_day");
    }
}
