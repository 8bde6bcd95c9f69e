//! After a booking: no-shows and the restriction, mail with .ics, the reminder, requests, and
//! cancellation by the office.
use crate::booking_under_load::{at, now, office, seekers};
use chrono::{Duration, TimeZone, Utc};
use madoguchi_app::consultations::booking;
use madoguchi_domain::clock::{FixedClock, jst};
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::testing;

// rules BK-11, BK-12: not joined by start + 10 minutes is a no-show; two in 90 days restrict
// online booking until staff lift it; a joined reservation is never a no-show.
#[tokio::test]
async fn no_shows_and_the_restriction() {
    use madoguchi_app::consultations::no_show;
    use madoguchi_app::eligibility::restriction;
    use madoguchi_domain::clock::{Clock, ManualClock};
    for t in testing::both("bk11_no_show").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "absent").await[0];
        let clock = ManualClock::new(now());
        let day = |d: u32, h: u32| {
            jst()
                .with_ymd_and_hms(2026, 12, d, h, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        };
        let s1 = booking::publish_slot(&t.db, "28011", day(3, 10), "zoom", 1)
            .await
            .unwrap();
        let s2 = booking::publish_slot(&t.db, "28011", day(7, 10), "zoom", 1)
            .await
            .unwrap();
        let s3 = booking::publish_slot(&t.db, "28011", day(8, 10), "zoom", 1)
            .await
            .unwrap();
        let s4 = booking::publish_slot(&t.db, "28011", day(10, 10), "zoom", 1)
            .await
            .unwrap();
        let r1 = booking::book(&t.db, &clock, user, s1, &Details::default())
            .await
            .unwrap();
        let r2 = booking::book(&t.db, &clock, user, s2, &Details::default())
            .await
            .unwrap();
        let r3 = booking::book(&t.db, &clock, user, s3, &Details::default())
            .await
            .unwrap();
        // Start + 9 minutes: not yet.
        clock.advance(day(3, 10) - now() + Duration::minutes(9));
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 0, "{}", t.db.backend());
        clock.advance(Duration::minutes(1));
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 1);
        assert_eq!(
            reservations::reservation(&t.db, r1).await.unwrap().unwrap().state,
            "no_show"
        );
        assert!(
            !restriction::restricted(&t.db, &clock, user).await.unwrap(),
            "one is not enough"
        );
        // The second: joined in time, so not a no-show.
        reservations::mark_joined(&t.db, r2, day(7, 10)).await.unwrap();
        clock.advance(day(7, 11) - clock.now());
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 0);
        clock.advance(day(8, 11) - clock.now());
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 1);
        assert_eq!(
            reservations::reservation(&t.db, r3).await.unwrap().unwrap().state,
            "no_show"
        );
        assert!(restriction::restricted(&t.db, &clock, user).await.unwrap());
        let refused = booking::book(&t.db, &clock, user, s4, &Details::default())
            .await
            .unwrap_err();
        assert_eq!(refused.specific_code(), "booking_restricted");
        // The lift needs a reason, and is kept with who lifted it.
        let blank = restriction::lift(&t.db, &clock, user, "staff:1", " ").await;
        assert_eq!(blank.unwrap_err().specific_code(), "required");
        restriction::lift(&t.db, &clock, user, "staff:1", "交通機関の遅延を確認")
            .await
            .unwrap();
        let kept: Vec<(String, String)> = madoguchi_store::read!(&t.db, |c| sqlx::query_as(
            "SELECT actor, reason FROM restriction_lifts WHERE user_ref = $1"
        )
        .bind(user)
        .fetch_all(c)
        .await
        .unwrap());
        assert_eq!(kept, vec![("staff:1".to_owned(), "交通機関の遅延を確認".to_owned())]);
        booking::book(&t.db, &clock, user, s4, &Details::default())
            .await
            .unwrap();
        // Each no-show and the restriction were told in the inbox and by mail (NO-1, NO-2).
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        let notices = inbox
            .iter()
            .filter(|m| m.subject.contains("参加がありません") || m.subject.contains("一時停止"))
            .count();
        assert_eq!(
            (inbox.len(), notices),
            (7, 3),
            "four bookings, two no-show notices, one restriction notice"
        );
    }
}

// rules NO-1, NO-2, NO-4: booking and cancelling are told by mail and in the inbox; the
// confirmation carries an .ics in UTC with no meeting secrets, the cancellation its withdrawal.
#[tokio::test]
async fn booking_mail_with_ics() {
    use madoguchi_app::mail::smtp_sink::SmtpSink;
    for t in testing::both("no4_ics").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "mailed").await[0];
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let clock = FixedClock(now());
        let id = booking::book(&t.db, &clock, user, slot, &Details::default())
            .await
            .unwrap();
        booking::cancel_own(&t.db, &clock, user, id).await.unwrap();
        let sink = SmtpSink::start("127.0.0.1:0".parse().unwrap()).await.unwrap();
        let sent = madoguchi_app::mail::deliver_due(&t.db, &super::smtp(sink.addr.port()), &clock, 10)
            .await
            .unwrap();
        assert_eq!(sent.sent, 2, "{}", t.db.backend());
        let got = sink.received();
        assert!(got[0].data.contains("text/calendar"), "the .ics is attached");
        assert!(got[0].data.contains("consultation.ics"));
        // Issue 13: the cancellation withdraws the calendar entry (same UID, METHOD:CANCEL).
        assert!(got[1].data.contains("method=CANCEL"), "{}", got[1].data);
        assert!(got[1].data.contains("consultation-cancelled.ics"));
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert_eq!(inbox.len(), 2);
    }
}

// rule NO-1: the reminder the day before, sent once even when the job runs again.
#[tokio::test]
async fn reminder_the_day_before() {
    for t in testing::both("no1_reminder").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "remind").await[0];
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let clock = FixedClock(now());
        booking::book(&t.db, &clock, user, slot, &Details::default())
            .await
            .unwrap();
        assert_eq!(
            madoguchi_app::consultations::schedule::send_reminders(&t.db, &clock)
                .await
                .unwrap(),
            1,
            "{}",
            t.db.backend()
        );
        assert_eq!(
            madoguchi_app::consultations::schedule::send_reminders(&t.db, &clock)
                .await
                .unwrap(),
            0,
            "once"
        );
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert!(inbox[0].subject.contains("明日の職業相談"), "{:?}", inbox[0].subject);
    }
}

// rule BK-7: request mode — up to three preferences; staff schedule one into a confirmed
// reservation or decline; a direct-mode office refuses requests.
#[tokio::test]
async fn requests_are_scheduled_by_staff() {
    use madoguchi_app::consultations::requests;
    use madoguchi_app::shared::StaffMember;
    use madoguchi_domain::staff::Role;
    for t in testing::both("bk7_requests").await {
        office(&t.db).await;
        let users = seekers(&t.db, 2, "req").await;
        let clock = FixedClock(now());
        let prefs = [at(10, 0), at(14, 0)];
        let direct = requests::request(&t.db, &clock, users[0], "28011", &prefs, "")
            .await
            .unwrap_err();
        assert_eq!(direct.specific_code(), "direct_booking", "{}", t.db.backend());
        madoguchi_app::offices::set_booking_mode(&t.db, "28011", "request")
            .await
            .unwrap();
        let too_many = [at(9, 0), at(10, 0), at(11, 0), at(13, 0)];
        assert!(
            requests::request(&t.db, &clock, users[0], "28011", &too_many, "")
                .await
                .is_err()
        );
        let sunday = jst()
            .with_ymd_and_hms(2026, 12, 6, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let e = requests::request(&t.db, &clock, users[0], "28011", &[sunday], "")
            .await
            .unwrap_err();
        assert!(
            matches!(e, madoguchi_app::AppError::Fields(ref p) if p[0].code == "closed_day"),
            "{e:?}"
        );
        let id = requests::request(&t.db, &clock, users[0], "28011", &prefs, "転職の相談")
            .await
            .unwrap();
        let other = requests::request(&t.db, &clock, users[1], "28011", &prefs, "")
            .await
            .unwrap();

        madoguchi_app::console::staff::create(
            &t.db,
            &clock,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            None,
            Role::Counsellor,
            Some("28011"),
            "kobe.c",
            "x",
        )
        .await
        .unwrap();
        let member = madoguchi_store::accounts::staff::by_key(&t.db, "kobe.c")
            .await
            .unwrap()
            .unwrap();
        let kobe = StaffMember {
            id: member.id,
            name: "x".into(),
            role: Role::Counsellor,
            office: Some("28011".into()),
        };
        let open = requests::open(&t.db, &clock, &kobe).await.unwrap();
        assert_eq!(open.len(), 2);
        let slot = booking::publish_slot(&t.db, "28011", at(14, 0), "zoom", 1)
            .await
            .unwrap();
        let reservation = requests::schedule(&t.db, &clock, &kobe, id, slot).await.unwrap();
        let r = reservations::reservation(&t.db, reservation).await.unwrap().unwrap();
        assert_eq!(
            (r.state.as_str(), r.user_ref, r.topic.as_str()),
            ("confirmed", users[0], "転職の相談")
        );
        assert_eq!(
            requests::schedule(&t.db, &clock, &kobe, id, slot)
                .await
                .unwrap_err()
                .specific_code(),
            "already_decided"
        );
        requests::decline(&t.db, &clock, &kobe, other, "希望の時間帯に空きがないため")
            .await
            .unwrap();
        assert!(requests::open(&t.db, &clock, &kobe).await.unwrap().is_empty());
        let tokyo = StaffMember {
            office: Some("13010".into()),
            ..kobe.clone()
        };
        assert_eq!(
            requests::decline(&t.db, &clock, &tokyo, other, "x")
                .await
                .unwrap_err()
                .specific_code(),
            "not_found"
        );
    }
}

// rules BK-16, NO-1: the office cancels with a reason; the seat is freed, the row kept, and
// the user is told in the same transaction.
#[tokio::test]
async fn office_cancellation_tells_the_user() {
    use madoguchi_app::consultations::schedule::{self, Change};
    use madoguchi_app::shared::StaffMember;
    use madoguchi_domain::staff::Role;
    for t in testing::both("bk16_office_cancel").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "oc").await[0];
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let clock = FixedClock(now());
        let id = booking::book(&t.db, &clock, user, slot, &Details::default())
            .await
            .unwrap();
        madoguchi_app::console::staff::create(
            &t.db,
            &clock,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            None,
            Role::Counsellor,
            Some("28011"),
            "kobe.oc",
            "x",
        )
        .await
        .unwrap();
        let m = madoguchi_store::accounts::staff::by_key(&t.db, "kobe.oc")
            .await
            .unwrap()
            .unwrap();
        let kobe = StaffMember {
            id: m.id,
            name: "x".into(),
            role: Role::Counsellor,
            office: Some("28011".into()),
        };
        let none = schedule::record(&t.db, &clock, &kobe, id, &Change::CancelByOffice { reason: " ".into() }).await;
        assert_eq!(none.unwrap_err().specific_code(), "required");
        let reason = Change::CancelByOffice {
            reason: "担当者の急病のため".into(),
        };
        schedule::record(&t.db, &clock, &kobe, id, &reason).await.unwrap();
        assert_eq!(
            reservations::reservation(&t.db, id).await.unwrap().unwrap().state,
            "cancelled_by_office",
            "{}",
            t.db.backend()
        );
        assert_eq!(
            reservations::free_slots(&t.db, "28011", at(0, 0), at(23, 0))
                .await
                .unwrap()
                .len(),
            1,
            "the seat is free"
        );
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert!(inbox[0].subject.contains("取り消しました"), "{:?}", inbox[0].subject);
    }
}
