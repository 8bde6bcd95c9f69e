//! Moving a consultation to another time (rule BK-17, N12-2-4) on both backends: capacity
//! under a burst of moves (BK-5), a move racing a cancellation of the same reservation, the
//! cut-off and one-per-day at fixed times (BK-3, BK-4), and the "changed" mail with its
//! calendar entry (NO-1, NO-4).
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use madoguchi_app::consultations::{booking, reschedule};
use madoguchi_domain::clock::{FixedClock, jst};
use madoguchi_store::consultations::moves;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::mail::outbox;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};

fn jst_at(d: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, d, h, m, s)
        .unwrap()
        .with_timezone(&Utc)
}

async fn seats(db: &Db, slot: i64) -> i32 {
    reservations::slot(db, slot).await.unwrap().unwrap().booked
}

/// The mail waiting in the outbox, oldest first: (subject, attachment body).
async fn mail(db: &Db, at: DateTime<Utc>) -> Vec<(String, String)> {
    outbox::claim_due(db, at + Duration::days(1), Duration::minutes(5), 1000)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.subject, m.attachment_body.unwrap_or_default()))
        .collect()
}

fn line<'a>(ics: &'a str, name: &str) -> &'a str {
    ics.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("{name} in {ics}"))
}

// rules BK-17, BK-5: 100 people at one time move at once into a one-seat slot: exactly
// one moves; the others are refused `slot_full` and keep their seats.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reschedule_hundred_people_into_one_seat() {
    for t in testing::both("bk17_move_race").await {
        office(&t.db).await;
        let from = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 100)
            .await
            .unwrap();
        let to = booking::publish_slot(&t.db, "28011", at(14, 0), "zoom", 1)
            .await
            .unwrap();
        let users = seekers(&t.db, 100, "mover").await;
        let clock = FixedClock(now());
        let mut booked = Vec::new();
        for u in &users {
            booked.push((
                *u,
                booking::book(&t.db, &clock, *u, from, &Details::default())
                    .await
                    .unwrap(),
            ));
        }
        let db = Arc::new(t.db);
        let tasks: Vec<_> = booked
            .into_iter()
            .map(|(u, id)| {
                let db = db.clone();
                tokio::spawn(async move {
                    reschedule::reschedule(&db, &FixedClock(now()), None, u, id, to)
                        .await
                        .map_err(|e| e.specific_code())
                })
            })
            .collect();
        let mut moved = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(r) => {
                    moved += 1;
                    assert_eq!((r.slot_id, r.state.as_str()), (to, "confirmed"));
                }
                Err(code) => assert_eq!(code, "slot_full", "{}", db.backend()),
            }
        }
        assert_eq!(moved, 1, "{}", db.backend());
        assert_eq!((seats(&db, from).await, seats(&db, to).await), (99, 1));
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
    }
}

// rules BK-17, BK-10, BK-5: a move and a cancellation of the same reservation, sent at once,
// leave one story: moved then cancelled, or cancelled and the move refused; no seat is held.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn reschedule_racing_a_cancellation() {
    for t in testing::both("bk17_move_cancel").await {
        office(&t.db).await;
        let users = seekers(&t.db, 12, "racer").await;
        let db = Arc::new(t.db);
        let (mut moved_first, mut cancelled_first) = (0, 0);
        for (i, u) in users.into_iter().enumerate() {
            let hour = 9 + u32::try_from(i % 6).unwrap();
            let day = if i < 6 {
                at(hour, 0)
            } else {
                at(hour, 0) + Duration::days(1)
            };
            let a = booking::publish_slot(&db, "28011", day, "zoom", 1).await.unwrap();
            let b = booking::publish_slot(&db, "28011", day + Duration::minutes(30), "zoom", 1)
                .await
                .unwrap();
            let id = booking::book(&db, &FixedClock(now()), u, a, &Details::default())
                .await
                .unwrap();
            let (d1, d2) = (db.clone(), db.clone());
            let mover = tokio::spawn(async move {
                reschedule::reschedule(&d1, &FixedClock(now()), None, u, id, b)
                    .await
                    .map_err(|e| e.specific_code())
            });
            let canceller = tokio::spawn(async move { booking::cancel_own(&d2, &FixedClock(now()), u, id).await });
            let (moved, cancelled) = (mover.await.unwrap(), canceller.await.unwrap());
            cancelled.unwrap();
            let r = reservations::reservation(&db, id).await.unwrap().unwrap();
            assert_eq!(r.state, "cancelled_by_user", "{}", db.backend());
            match moved {
                Ok(_) => {
                    moved_first += 1;
                    assert_eq!(r.slot_id, b, "moved, then cancelled where it was");
                    assert_eq!(moves::moves(&db, id).await.unwrap().len(), 1);
                    assert_eq!(r.calendar_sequence, 2, "the move, then the cancellation");
                }
                Err(code) => {
                    cancelled_first += 1;
                    assert_eq!(code, "already_cancelled");
                    assert_eq!(r.slot_id, a, "cancelled before it could move");
                    assert!(moves::moves(&db, id).await.unwrap().is_empty());
                    assert_eq!(r.calendar_sequence, 1);
                }
            }
            assert_eq!((seats(&db, a).await, seats(&db, b).await), (0, 0), "{}", db.backend());
        }
        assert_eq!(moved_first + cancelled_first, 12);
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
    }
}

// rules BK-17, BK-3: the new time closes at 23:59:59 JST the day before it, and the booking
// that moves closes at its own cut-off; BK-4: one a day, judged as if the old were gone.
#[tokio::test]
async fn reschedule_cutoff_and_daily_limit_at_fixed_times() {
    for t in testing::both("bk17_rules").await {
        office(&t.db).await;
        let user = seekers(&t.db, 2, "rules").await;
        let (me, other) = (user[0], user[1]);
        let slot = |d: u32, h: u32| booking::publish_slot(&t.db, "28011", jst_at(d, h, 0, 0), "zoom", 1);
        let (thu10, thu14, fri10, fri14) = (
            slot(3, 10).await.unwrap(),
            slot(3, 14).await.unwrap(),
            slot(4, 10).await.unwrap(),
            slot(4, 14).await.unwrap(),
        );
        let mon10 = slot(7, 10).await.unwrap();
        let early = FixedClock(jst_at(2, 9, 0, 0));
        let id = booking::book(&t.db, &early, me, fri10, &Details::default())
            .await
            .unwrap();
        booking::book(&t.db, &early, me, mon10, &Details::default())
            .await
            .unwrap();
        let refuse = |clock: FixedClock, slot: i64| {
            let db = t.db.clone();
            async move {
                reschedule::reschedule(&db, &clock, None, me, id, slot)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.specific_code())
            }
        };
        // BK-3 for the new time: Thursday closes at Wednesday 23:59:59 JST.
        assert_eq!(
            refuse(FixedClock(jst_at(3, 0, 0, 0)), thu10).await,
            Err("cutoff_passed"),
            "{}",
            t.db.backend()
        );
        // BK-4: Monday already has one; the same day as the old booking is fine.
        let _ = mon10;
        let mon14 = slot(7, 14).await.unwrap();
        assert_eq!(
            refuse(FixedClock(jst_at(2, 23, 59, 59)), mon14).await,
            Err("daily_limit")
        );
        assert_eq!(refuse(FixedClock(jst_at(2, 23, 59, 59)), fri10).await, Err("same_slot"));
        assert_eq!(
            refuse(FixedClock(jst_at(2, 23, 59, 59)), fri14).await,
            Ok(()),
            "same day, other time"
        );
        assert_eq!(
            refuse(FixedClock(jst_at(2, 23, 59, 59)), thu10).await,
            Ok(()),
            "Thursday until 23:59:59"
        );
        // BK-17: the booking itself now closes at Wednesday 23:59:59 (it is on Thursday).
        assert_eq!(
            refuse(FixedClock(jst_at(3, 0, 0, 0)), fri10).await,
            Err("cutoff_passed")
        );
        assert_eq!(refuse(FixedClock(jst_at(2, 23, 59, 59)), thu14).await, Ok(()));
        // BK-3: the horizon, another office, a full slot, a cancelled booking.
        let far = booking::publish_slot(&t.db, "28011", jst_at(2, 10, 0, 0) + Duration::days(33), "zoom", 1)
            .await
            .unwrap();
        let wed = FixedClock(jst_at(2, 12, 0, 0));
        assert_eq!(refuse(wed, far).await, Err("outside_horizon"));
        let elsewhere = booking::publish_slot(&t.db, "13010", jst_at(4, 10, 0, 0), "zoom", 1)
            .await
            .unwrap();
        assert_eq!(refuse(wed, elsewhere).await, Err("other_office"));
        booking::book(&t.db, &wed, other, fri10, &Details::default())
            .await
            .unwrap();
        assert_eq!(refuse(wed, fri10).await, Err("slot_full"));
        let r = reservations::reservation(&t.db, id).await.unwrap().unwrap();
        assert_eq!(
            (r.slot_id, seats(&t.db, thu14).await, seats(&t.db, thu10).await),
            (thu14, 1, 0)
        );
        assert_eq!(
            moves::moves(&t.db, id)
                .await
                .unwrap()
                .iter()
                .map(|m| m.1)
                .collect::<Vec<_>>(),
            [fri10, fri14, thu10]
        );
        booking::cancel_own(&t.db, &wed, me, id).await.unwrap();
        assert_eq!(refuse(wed, fri14).await, Err("already_cancelled"));
        assert_eq!(reservations::consistency(&t.db).await.unwrap(), (0, 0));
    }
}

// rules NO-1, NO-4, BK-17: the "changed" mail carries the calendar entry with the booking's
// UID and a higher SEQUENCE; the cancellation withdraws it with the same UID, higher still.
#[tokio::test]
async fn reschedule_mail_keeps_the_calendar_uid() {
    for t in testing::both("bk17_mail").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "mailed").await[0];
        let (a, b) = (
            booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
                .await
                .unwrap(),
            booking::publish_slot(&t.db, "28011", at(11, 0), "teleoffice", 1)
                .await
                .unwrap(),
        );
        let clock = FixedClock(now());
        let site = madoguchi_app::shared::Site {
            base_url: "https://madoguchi.example".into(),
        };
        let id = booking::book_on(&t.db, &clock, &site, user, a, &Details::default())
            .await
            .unwrap();
        let moved = reschedule::reschedule(&t.db, &clock, Some(&site), user, id, b)
            .await
            .unwrap();
        assert_eq!(
            (moved.id, moved.slot_id, moved.calendar_sequence),
            (id, b, 1),
            "{}",
            t.db.backend()
        );
        booking::cancel_own(&t.db, &clock, user, id).await.unwrap();
        let sent = mail(&t.db, now()).await;
        let subjects: Vec<&str> = sent.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "【Madoguchi】職業相談の予約が確定しました",
                "【Madoguchi】職業相談の日時を変更しました",
                "【Madoguchi】職業相談の予約を取り消しました"
            ]
        );
        let (booked, changed, cancelled) = (&sent[0].1, &sent[1].1, &sent[2].1);
        assert_eq!(line(booked, "UID"), moved.calendar_uid);
        assert_eq!(line(changed, "UID"), moved.calendar_uid);
        assert_eq!(line(cancelled, "UID"), moved.calendar_uid);
        assert_eq!(
            [
                line(booked, "SEQUENCE"),
                line(changed, "SEQUENCE"),
                line(cancelled, "SEQUENCE")
            ],
            ["0", "1", "2"]
        );
        assert_eq!(line(changed, "METHOD"), "PUBLISH");
        assert_eq!(line(changed, "DTSTART"), "20261203T020000Z", "11:00 JST");
        assert_eq!(
            line(changed, "URL"),
            format!("https://madoguchi.example/me/reservations/{id}")
        );
        assert_eq!(line(cancelled, "METHOD"), "CANCEL");
        assert_eq!(line(cancelled, "STATUS"), "CANCELLED");
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert_eq!(inbox.len(), 3, "NO-2: each is in the inbox too");
    }
}
