//! Closing an office for a day (rule TM-3): what it touches is shown first; closing withdraws
//! the day's slots, cancels its consultations and seminar places as ended by the office with
//! the reason, tells each person, and a booking racing the closure never stays confirmed.
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use madoguchi_app::closures::{self, Closer, Closing};
use madoguchi_app::consultations::booking;
use madoguchi_app::shared::Site;
use madoguchi_domain::clock::FixedClock;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::seminars::places;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};
use crate::seminars::{admin, input, jst_at};

pub(crate) fn site() -> Site {
    Site {
        base_url: "https://madoguchi.example.jp".into(),
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

/// A whole-day closure of `day()`.
pub(crate) fn whole(reason: &str) -> Closing {
    Closing {
        day: day(),
        hours: None,
        reason: reason.into(),
    }
}

async fn confirmed_on(db: &Db, day: NaiveDate) -> i64 {
    let rows: Vec<(i64,)> = madoguchi_store::read!(db, |c| sqlx::query_as(
        "SELECT id FROM reservations WHERE office_code = '28011' AND local_date = $1 AND state = 'confirmed'"
    )
    .bind(day)
    .fetch_all(c)
    .await
    .unwrap());
    rows.len() as i64
}

// rule TM-3 (C13, S11): a closure added over a booked day shows what it touches, then withdraws
// the slots, cancels consultations and seminar places with the reason, cancels the seminar,
// and tells each person by mail and inbox (with the office's phone and a link to book again);
// the next day is untouched, and the closed day can no longer be booked (`closed_day`).
#[tokio::test]
async fn closure_withdraws_cancels_and_tells() {
    for t in testing::both("tm3_closure").await {
        office(&t.db).await;
        let clock = FixedClock(now());
        let users = seekers(&t.db, 4, "cl").await;
        let on_day = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 2)
            .await
            .unwrap();
        let free = booking::publish_slot(&t.db, "28011", at(11, 0), "zoom", 1)
            .await
            .unwrap();
        let next_day = booking::publish_slot(&t.db, "28011", at(10, 0) + Duration::days(1), "zoom", 2)
            .await
            .unwrap();
        let r1 = booking::book(&t.db, &clock, users[0], on_day, &Details::default())
            .await
            .unwrap();
        let r2 = booking::book(&t.db, &clock, users[1], on_day, &Details::default())
            .await
            .unwrap();
        let r3 = booking::book(&t.db, &clock, users[2], next_day, &Details::default())
            .await
            .unwrap();
        // A seminar that day with one seated participant.
        let boss = admin(&t.db, &clock, "kobe.tm3").await;
        let seminar = madoguchi_app::seminars::organise::create(
            &t.db,
            &clock,
            &boss,
            "28011",
            &madoguchi_app::seminars::organise::SeminarInput {
                starts_at: jst_at(3, 14, 0, 0),
                ..input(10, 0)
            },
        )
        .await
        .unwrap();
        madoguchi_app::seminars::attend::register(&t.db, &clock, users[3], seminar)
            .await
            .unwrap();

        let by = Closer::Staff(&boss);
        let seen = closures::preview(&t.db, &clock, &by, "28011", &whole("台風接近のため臨時休所"))
            .await
            .unwrap();
        assert_eq!(seen.slots, 2, "{}", t.db.backend());
        assert_eq!(seen.reservations.len(), 2);
        assert_eq!(seen.seminars.len(), 1);
        assert_eq!(seen.places.len(), 1);

        let told = closures::close(&t.db, &clock, &site(), &by, "28011", &whole("台風接近のため臨時休所"))
            .await
            .unwrap();
        assert_eq!(told, 3);
        for id in [r1, r2] {
            let r = reservations::reservation(&t.db, id).await.unwrap().unwrap();
            assert_eq!(r.state, "cancelled_by_office", "{}", t.db.backend());
        }
        assert_eq!(
            reservations::reservation(&t.db, r3).await.unwrap().unwrap().state,
            "confirmed"
        );
        let place = &places::for_user(&t.db, users[3]).await.unwrap()[0];
        assert_eq!(place.state, "removed_by_office");
        let s = madoguchi_store::seminars::catalogue::get(&t.db, seminar)
            .await
            .unwrap()
            .unwrap();
        assert!(s.cancelled_at.is_some());
        for u in [users[0], users[1], users[3]] {
            let inbox = madoguchi_store::mail::inbox::list(&t.db, u).await.unwrap();
            assert!(inbox[0].subject.contains("休所"), "{:?}", inbox[0].subject);
            assert!(inbox[0].body.contains("台風接近のため臨時休所"));
            assert!(
                inbox[0].body.contains("078-231-8609"),
                "the office's phone: {}",
                inbox[0].body
            );
            assert!(
                inbox[0]
                    .body
                    .contains("https://madoguchi.example.jp/offices/28011/book"),
                "the link to book again: {}",
                inbox[0].body
            );
        }
        // Nothing on the closed day is listed or bookable; the next day is.
        let listed = reservations::free_slots(&t.db, "28011", at(0, 0), at(0, 0) + Duration::days(2))
            .await
            .unwrap();
        assert!(listed.iter().all(|s| s.local_date != day()), "{listed:?}");
        assert!(listed.iter().any(|s| s.id == next_day));
        let late = seekers(&t.db, 1, "cl_late").await[0];
        for slot in [on_day, free] {
            let e = booking::book(&t.db, &clock, late, slot, &Details::default()).await;
            assert_eq!(e.unwrap_err().specific_code(), "closed_day", "{}", t.db.backend());
        }
        assert_eq!(reservations::consistency(&t.db).await.unwrap(), (0, 0));
        // Only the office's admins close it.
        let other = madoguchi_app::shared::StaffMember {
            office: Some("13010".into()),
            ..boss.clone()
        };
        let e = closures::preview(&t.db, &clock, &Closer::Staff(&other), "28011", &whole("x")).await;
        assert_eq!(e.unwrap_err().specific_code(), "not_office_admin");
    }
}

// rule TM-3 with BK-5: 50 tasks book seats on a day while the closure of that day commits;
// afterwards no booking on that day is confirmed, whichever order the database chose.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bookings_racing_a_closure_never_stay_confirmed() {
    for t in testing::both("tm3_race").await {
        office(&t.db).await;
        let mut slots = Vec::new();
        for i in 0..10 {
            let starts = at(9, 0) + Duration::minutes(30 * i);
            slots.push(booking::publish_slot(&t.db, "28011", starts, "zoom", 5).await.unwrap());
        }
        let users = seekers(&t.db, 50, "race").await;
        let clock = Arc::new(FixedClock(now()));
        let boss = admin(&t.db, &clock, "kobe.race").await;
        let db = Arc::new(t.db);
        let mut tasks = Vec::new();
        for (i, u) in users.into_iter().enumerate() {
            let (db2, clock2, slot) = (db.clone(), clock.clone(), slots[i % slots.len()]);
            tasks.push(tokio::spawn(async move {
                booking::book(&db2, clock2.as_ref(), u, slot, &Details::default())
                    .await
                    .map_err(|e| e.specific_code())
            }));
            if i == 25 {
                let (db, clock, boss) = (db.clone(), clock.clone(), boss.clone());
                tasks.push(tokio::spawn(async move {
                    closures::close(
                        &db,
                        clock.as_ref(),
                        &site(),
                        &Closer::Staff(&boss),
                        "28011",
                        &whole("停電"),
                    )
                    .await
                    .map(|_| 0)
                    .map_err(|e| e.specific_code())
                }));
            }
        }
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => {}
                Err(code) => assert!(code == "closed_day" || code == "not_found", "{code}"),
            }
        }
        assert_eq!(confirmed_on(&db, day()).await, 0, "{}", db.backend());
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
    }
}

// rule BK-7: an office in request mode books nothing directly (`request_only`).
#[tokio::test]
async fn request_mode_refuses_direct_booking() {
    for t in testing::both("bk7_request_only").await {
        office(&t.db).await;
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        madoguchi_app::offices::set_booking_mode(&t.db, "28011", "request")
            .await
            .unwrap();
        let u = seekers(&t.db, 1, "rq").await[0];
        let e = booking::book(&t.db, &FixedClock(now()), u, slot, &Details::default()).await;
        assert_eq!(e.unwrap_err().specific_code(), "request_only", "{}", t.db.backend());
    }
}
