//! Closing part of a day (rule TM-3, issue 12): only the slots, consultations and seminars
//! overlapping the hours are touched; the rest of the day stays open and bookable; a second
//! closure of the day is refused so nobody is told twice; a booking racing the closure never
//! stays confirmed inside the hours.
use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveTime};
use madoguchi_app::closures::{self, Closer, Closing, Draft};
use madoguchi_app::consultations::booking;
use madoguchi_domain::calendar::ClosedHours;
use madoguchi_domain::clock::FixedClock;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};
use crate::closures::site;
use crate::seminars::{admin, input, jst_at};

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// 10:00–12:00 JST on `day()`.
fn morning(reason: &str) -> Closing {
    Closing {
        day: day(),
        hours: ClosedHours::new(t(10, 0), t(12, 0)),
        reason: reason.into(),
    }
}

async fn states(db: &Db, ids: &[i64]) -> Vec<String> {
    let mut out = Vec::new();
    for id in ids {
        out.push(reservations::reservation(db, *id).await.unwrap().unwrap().state);
    }
    out
}

// rule TM-3: a closure of 10:00–12:00 previews and ends only what overlaps those hours (the
// 09:45 slot runs into them; 09:30 and 12:00 only touch them), tells each person with the
// hours, the office's phone and the link to book again; the day stays open and its other
// slots bookable; in the hours a booking is refused `closed_hours`, and so is a new slot.
#[tokio::test]
async fn part_day_closure_touches_only_its_hours() {
    for t_ in testing::both("tm3_part_day").await {
        let db = &t_.db;
        office(db).await;
        let clock = FixedClock(now());
        let users = seekers(db, 6, "pd").await;
        let mut slots = Vec::new();
        for (h, m) in [(9, 30), (9, 45), (10, 30), (11, 30), (12, 0)] {
            slots.push(booking::publish_slot(db, "28011", at(h, m), "zoom", 2).await.unwrap());
        }
        let mut booked = Vec::new();
        for (i, slot) in slots.iter().enumerate() {
            booked.push(
                booking::book(db, &clock, users[i], *slot, &Details::default())
                    .await
                    .unwrap(),
            );
        }
        let boss = admin(db, &clock, "kobe.pd").await;
        let organise = madoguchi_app::seminars::organise::create;
        let inside = madoguchi_app::seminars::organise::SeminarInput {
            starts_at: jst_at(3, 11, 0, 0),
            minutes: 90,
            ..input(10, 0)
        };
        let inside = organise(db, &clock, &boss, "28011", &inside).await.unwrap();
        let after = madoguchi_app::seminars::organise::SeminarInput {
            starts_at: jst_at(3, 14, 0, 0),
            ..input(10, 0)
        };
        let after = organise(db, &clock, &boss, "28011", &after).await.unwrap();
        madoguchi_app::seminars::attend::register(db, &clock, users[5], inside)
            .await
            .unwrap();
        madoguchi_app::seminars::attend::register(db, &clock, users[5], after)
            .await
            .unwrap();

        let by = Closer::Staff(&boss);
        let seen = closures::preview(db, &clock, &by, "28011", &morning("停電"))
            .await
            .unwrap();
        assert_eq!(seen.slots, 3, "{}", db.backend());
        let names: Vec<_> = seen.reservations.iter().map(|r| r.id).collect();
        assert_eq!(names, booked[1..4].to_vec());
        assert_eq!(seen.reservations[0].name, "山田 太郎", "the account's name stands in");
        assert_eq!(seen.seminars.len(), 1);
        assert_eq!(seen.seminars[0].id, inside);
        assert_eq!(seen.seminars[0].places, 1);
        assert_eq!(seen.people(), 4);
        // The preview changed nothing.
        assert_eq!(states(db, &booked).await, ["confirmed"; 5]);

        let told = closures::close(db, &clock, &site(), &by, "28011", &morning("停電"))
            .await
            .unwrap();
        assert_eq!(told, 4);
        assert_eq!(
            states(db, &booked).await,
            [
                "confirmed",
                "cancelled_by_office",
                "cancelled_by_office",
                "cancelled_by_office",
                "confirmed"
            ]
        );
        let catalogue = madoguchi_store::seminars::catalogue::get;
        assert!(catalogue(db, inside).await.unwrap().unwrap().cancelled_at.is_some());
        assert!(catalogue(db, after).await.unwrap().unwrap().cancelled_at.is_none());
        let inbox = madoguchi_store::mail::inbox::list(db, users[1]).await.unwrap();
        let body = &inbox[0].body;
        for part in [
            "10:00～12:00",
            "停電",
            "078-231-8609",
            "https://madoguchi.example.jp/offices/28011/book",
        ] {
            assert!(body.contains(part), "{part}: {body}");
        }

        // The day stays open: its other slots are listed and bookable; not those in the hours.
        let listed: Vec<i64> = reservations::free_slots(db, "28011", at(0, 0), at(23, 0))
            .await
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(listed, [slots[0], slots[4]], "{}", db.backend());
        let late = seekers(db, 2, "pd_late").await;
        booking::book(db, &clock, late[0], slots[4], &Details::default())
            .await
            .unwrap();
        let e = booking::book(db, &clock, late[1], slots[2], &Details::default()).await;
        assert_eq!(e.unwrap_err().specific_code(), "closed_hours");
        let e = booking::publish_slot(db, "28011", at(11, 0), "zoom", 1).await;
        assert_eq!(e.unwrap_err().specific_code(), "closed_hours");
        booking::publish_slot(db, "28011", at(13, 0), "zoom", 1).await.unwrap();
        let cal = madoguchi_app::offices::days(db, &clock, "28011", Some(day()), 1)
            .await
            .unwrap();
        assert!(matches!(cal.days[0].1, madoguchi_domain::calendar::DayStatus::Open(_)));

        // A second closure that day (another tab confirming again) is refused; nobody is
        // told twice.
        let again = closures::close(db, &clock, &site(), &by, "28011", &morning("停電")).await;
        assert_eq!(again.unwrap_err().specific_code(), "already_closed");
        let e = closures::preview(db, &clock, &by, "28011", &morning("停電")).await;
        assert_eq!(e.unwrap_err().specific_code(), "already_closed");
        assert_eq!(
            madoguchi_store::mail::inbox::list(db, users[1]).await.unwrap().len(),
            2,
            "the booking's confirmation and one closure notice"
        );
        let listed = closures::upcoming(db, &clock, &by, "28011").await.unwrap();
        let ours = listed.iter().find(|c| c.day == day()).unwrap();
        assert_eq!(ours.added_by.as_deref(), Some("管理者"));
        assert_eq!(closures::hours_text(ours.hours).unwrap(), "10:00–12:00");
        // Lifting it: what it cancelled stays cancelled; the hours can be offered again.
        closures::reopen(db, &clock, &by, "28011", day()).await.unwrap();
        assert_eq!(states(db, &booked).await[1], "cancelled_by_office");
        booking::publish_slot(db, "28011", at(11, 0), "zoom", 1).await.unwrap();
        let e = closures::reopen(db, &clock, &by, "28011", day()).await;
        assert_eq!(e.unwrap_err().specific_code(), "not_found");
        assert_eq!(reservations::consistency(db).await.unwrap(), (0, 0));

        // The draft's checks: a day before today is refused (`date_in_past`).
        let past = Draft {
            day: "2026-12-01",
            whole_day: true,
            from: "",
            until: "",
            reason: "点検",
        };
        let e = closures::check(&clock, &past).unwrap_err();
        assert!(matches!(e, madoguchi_app::AppError::Fields(ref p) if p[0].code == "date_in_past"));
        // Counsellors may not close.
        let counsellor = madoguchi_app::shared::StaffMember {
            role: madoguchi_domain::staff::Role::Counsellor,
            ..boss.clone()
        };
        let e = closures::preview(db, &clock, &Closer::Staff(&counsellor), "28011", &morning("x")).await;
        assert_eq!(e.unwrap_err().specific_code(), "not_office_admin");
    }
}

// rule TM-3 with BK-5: 50 tasks book slots from 09:00 to 13:30 while the closure of 10:00–12:00
// commits; afterwards no confirmed booking overlaps the hours, and every booking outside them
// stands (each slot has a seat for each of its five bookers).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn bookings_racing_a_part_day_closure() {
    for t_ in testing::both("tm3_part_race").await {
        office(&t_.db).await;
        let mut slots = Vec::new();
        for i in 0..10 {
            let starts = at(9, 0) + Duration::minutes(30 * i);
            slots.push((
                starts,
                booking::publish_slot(&t_.db, "28011", starts, "zoom", 5).await.unwrap(),
            ));
        }
        let users = seekers(&t_.db, 50, "prace").await;
        let clock = Arc::new(FixedClock(now()));
        let boss = admin(&t_.db, &clock, "kobe.prace").await;
        let db = Arc::new(t_.db);
        let mut tasks = Vec::new();
        for (i, u) in users.into_iter().enumerate() {
            let (db2, clock2, slot) = (db.clone(), clock.clone(), slots[i % slots.len()].1);
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
                        &morning("停電"),
                    )
                    .await
                    .map(|_| 0)
                    .map_err(|e| e.specific_code())
                }));
            }
        }
        for task in tasks {
            if let Err(code) = task.await.unwrap() {
                assert!(code == "closed_hours" || code == "not_found", "{code}");
            }
        }
        let (from, until) = (at(10, 0), at(12, 0));
        for (starts, slot) in &slots {
            let rows: Vec<(String,)> = madoguchi_store::read!(db.as_ref(), |c| sqlx::query_as(
                "SELECT state FROM reservations WHERE slot_id = $1"
            )
            .bind(slot)
            .fetch_all(c)
            .await
            .unwrap());
            let confirmed = rows.iter().filter(|(s,)| s == "confirmed").count();
            let overlaps = *starts < until && *starts + Duration::minutes(30) > from;
            if overlaps {
                assert_eq!(confirmed, 0, "{}: {starts}", db.backend());
            } else {
                assert_eq!(confirmed, 5, "{}: {starts} is outside the hours", db.backend());
            }
        }
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
    }
}
