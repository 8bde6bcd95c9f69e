//! BK-7 and C6-3 end to end on both backends: a request is scheduled (the person told the
//! date with its weekday, the app and that the details come on My Page), declined with a
//! reason the person is told, or withdrawn by the person; racing schedulers make one booking.
use std::sync::Arc;

use chrono::{DateTime, Utc};
use madoguchi_app::consultations::{booking, requests};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::FixedClock;
use madoguchi_domain::staff::Role;
use madoguchi_store::consultations::reservations;
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};
use crate::day_override::member;

/// (subject, text body, attachment name) of each mail to `to`, oldest first.
pub(crate) async fn mails_to(db: &Db, to: &str) -> Vec<(String, String, Option<String>)> {
    madoguchi_store::read!(db, |c| sqlx::query_as(
        "SELECT subject, body_text, attachment_name FROM outbox WHERE recipient = $1 ORDER BY id"
    )
    .bind(to)
    .fetch_all(c)
    .await
    .unwrap())
}

async fn request_mode(db: &Db) -> StaffMember {
    office(db).await;
    madoguchi_app::offices::set_booking_mode(db, "28011", "request")
        .await
        .unwrap();
    member(db, Role::Counsellor, Some("28011"), "kobe.requests").await
}

fn prefs() -> [DateTime<Utc>; 2] {
    [at(10, 0), at(14, 0)]
}

// rules BK-7, C6-3, NO-1, NO-2, NO-4: scheduling tells the person by mail (with the .ics) and
// on My Page: the date in Japan time with its weekday, the app, and that the meeting details
// come on My Page, never the details themselves.
#[tokio::test]
async fn scheduled_request_tells_the_person() {
    for t in testing::both("bk7_scheduled").await {
        let kobe = request_mode(&t.db).await;
        let user = seekers(&t.db, 1, "sched").await[0];
        let clock = FixedClock(now());
        let id = requests::request(&t.db, &clock, user, "28011", &prefs(), "転職の相談")
            .await
            .unwrap();
        let slot = booking::publish_slot(&t.db, "28011", at(14, 0), "teleoffice", 1)
            .await
            .unwrap();
        let r = requests::schedule(&t.db, &clock, &kobe, id, slot).await.unwrap();
        let row = reservations::reservation(&t.db, r).await.unwrap().unwrap();
        assert_eq!(
            (row.state.as_str(), row.user_ref),
            ("confirmed", user),
            "{}",
            t.db.backend()
        );
        let mine = requests::mine(&t.db, user).await.unwrap();
        assert_eq!((mine[0].state.as_str(), mine[0].reservation_id), ("scheduled", Some(r)));
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert!(
            inbox[0].subject.contains("日時が決まりました"),
            "{:?}",
            inbox[0].subject
        );
        for text in ["2026年12月3日（木）14:00", "TeleOffice", "マイページ"] {
            assert!(inbox[0].body.contains(text), "{text} in {}", inbox[0].body);
        }
        let mail = mails_to(&t.db, "sched0@example.jp").await;
        assert_eq!(mail.len(), 1);
        assert!(mail[0].1.contains("2026年12月3日（木）14:00") && mail[0].1.contains("TeleOffice"));
        assert_eq!(mail[0].2.as_deref(), Some("consultation.ics"));
        let trail = madoguchi_store::accounts::staff::audit_for_user(&t.db, user)
            .await
            .unwrap();
        assert!(trail.iter().any(|a| a.action == "schedule_request"));
    }
}

// rules BK-7, C6-3: a decline needs a reason, which the person is told by mail and on My Page;
// the person withdraws an open request of theirs (not another's, not twice), and a decided
// request cannot be scheduled.
#[tokio::test]
async fn declined_and_withdrawn_requests() {
    for t in testing::both("bk7_declined").await {
        let kobe = request_mode(&t.db).await;
        let users = seekers(&t.db, 2, "decl").await;
        let clock = FixedClock(now());
        let a = requests::request(&t.db, &clock, users[0], "28011", &prefs(), "")
            .await
            .unwrap();
        let b = requests::request(&t.db, &clock, users[1], "28011", &prefs(), "")
            .await
            .unwrap();
        let code = |r: Result<(), madoguchi_app::AppError>| r.map_err(|e| e.specific_code());
        assert_eq!(
            code(requests::decline(&t.db, &clock, &kobe, a, "  ").await),
            Err("required"),
            "{}",
            t.db.backend()
        );
        let reason = "ご希望の時間帯は相談員の空きがないため";
        requests::decline(&t.db, &clock, &kobe, a, reason).await.unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&t.db, users[0]).await.unwrap();
        assert!(inbox[0].body.contains(reason), "{}", inbox[0].body);
        let mail = mails_to(&t.db, "decl0@example.jp").await;
        assert!(mail[0].1.contains(reason) && mail[0].0.contains("調整できませんでした"));
        let mine = requests::mine(&t.db, users[0]).await.unwrap();
        assert_eq!(
            (mine[0].state.as_str(), mine[0].decline_reason.as_str()),
            ("declined", reason)
        );
        assert_eq!(
            code(requests::withdraw(&t.db, &clock, users[0], a).await),
            Err("already_decided")
        );

        assert_eq!(
            code(requests::withdraw(&t.db, &clock, users[0], b).await),
            Err("not_found"),
            "someone else's request"
        );
        requests::withdraw(&t.db, &clock, users[1], b).await.unwrap();
        assert_eq!(
            code(requests::withdraw(&t.db, &clock, users[1], b).await),
            Err("already_decided")
        );
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let late = requests::schedule(&t.db, &clock, &kobe, b, slot).await.unwrap_err();
        assert_eq!(late.specific_code(), "already_decided");
        assert!(requests::open(&t.db, &clock, &kobe).await.unwrap().is_empty());
        assert!(
            reservations::for_user(&t.db, users[1]).await.unwrap().is_empty(),
            "no booking"
        );
    }
}

// rule BK-7 under load: 20 staff tasks schedule one request into 20 different slots at once,
// and the person withdraws it at the same time: one outcome only — one reservation (and one
// mail) or a withdrawal with none.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn racing_schedulers_make_one_booking() {
    for t in testing::both("bk7_race").await {
        let kobe = request_mode(&t.db).await;
        let user = seekers(&t.db, 1, "race").await[0];
        let clock = FixedClock(now());
        let id = requests::request(&t.db, &clock, user, "28011", &prefs(), "")
            .await
            .unwrap();
        let mut slots = Vec::new();
        for i in 0..20 {
            let start = at(9, 0) + chrono::Duration::minutes(30 * (i % 10));
            slots.push(booking::publish_slot(&t.db, "28011", start, "zoom", 1).await.unwrap());
        }
        let db = Arc::new(t.db);
        let mut tasks = Vec::new();
        for s in slots {
            let (db, kobe) = (db.clone(), kobe.clone());
            tasks.push(tokio::spawn(async move {
                requests::schedule(&db, &FixedClock(now()), &kobe, id, s)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.specific_code())
            }));
        }
        let withdrawal = {
            let db = db.clone();
            tokio::spawn(async move { requests::withdraw(&db, &FixedClock(now()), user, id).await.is_ok() })
        };
        let mut scheduled = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(()) => scheduled += 1,
                Err(code) => assert_eq!(code, "already_decided"),
            }
        }
        let withdrawn = withdrawal.await.unwrap();
        let booked = reservations::for_user(&db, user).await.unwrap();
        assert_eq!(scheduled + usize::from(withdrawn), 1, "{}", db.backend());
        assert_eq!(booked.len(), scheduled, "one reservation, or none after a withdrawal");
        assert_eq!(mails_to(&db, "race0@example.jp").await.len(), scheduled);
        let free = reservations::free_slots(&db, "28011", at(0, 0), at(23, 0))
            .await
            .unwrap();
        assert_eq!(free.len(), 20 - scheduled, "every other seat is free");
    }
}
