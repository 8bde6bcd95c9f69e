//! The terms' articles on the meeting apps (C4, N4) and on the next consultation booked during
//! one (C6-4), through the use cases, on both backends.
use chrono::Duration;
use madoguchi_app::consultations::booking;
use madoguchi_domain::clock::FixedClock;
use madoguchi_domain::staff::Role;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::testing;

use super::booking_under_load::{at, now, office, seekers, staff_member};

// rules C4, N4 (via BK-1): a consultation is held in an app the office names (Zoom, TeleOffice,
// e-TUMO) or the built-in room; a slot in any other app is refused, and a booking carries the
// slot's app to the reservation the job seeker sees.
#[tokio::test]
async fn consultations_use_the_apps_the_terms_name() {
    for t in testing::both("c4_apps").await {
        office(&t.db).await;
        let refused = booking::publish_slot(&t.db, "28011", at(10, 0), "skype", 1)
            .await
            .unwrap_err();
        assert_eq!(refused.specific_code(), "invalid_choice", "{}", t.db.backend());
        let users = seekers(&t.db, 4, "c4app").await;
        let clock = FixedClock(now());
        for (i, app) in ["zoom", "teleoffice", "e_tumo", "builtin"].into_iter().enumerate() {
            let slot = booking::publish_slot(&t.db, "28011", at(13, 0) + Duration::minutes(30 * i as i64), app, 1)
                .await
                .unwrap();
            let id = booking::book(&t.db, &clock, users[i], slot, &Details::default())
                .await
                .unwrap();
            let r = reservations::reservation(&t.db, id).await.unwrap().unwrap();
            assert_eq!((r.app.as_str(), r.state.as_str()), (app, "confirmed"));
        }
    }
}

// rule C6-4 (BK-8): during a consultation the counsellor books the job seeker's next one,
// confirmed at once, recorded as the counsellor's act and audited; only at the counsellor's
// own office, and the usual limits hold (a full slot is refused).
#[tokio::test]
async fn the_counsellor_books_the_next_one_during_a_consultation() {
    for t in testing::both("c6_4_next").await {
        office(&t.db).await;
        let clock = FixedClock(now());
        let users = seekers(&t.db, 2, "c64next").await;
        let today = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let current = booking::book(&t.db, &clock, users[0], today, &Details::default())
            .await
            .unwrap();
        let next_week = at(11, 0) + Duration::days(7);
        let next = booking::publish_slot(&t.db, "28011", next_week, "zoom", 1)
            .await
            .unwrap();
        let during = FixedClock(at(10, 10));
        let kobe = staff_member(&t.db, &during, Role::Counsellor, Some("28011"), "c64.kobe").await;
        let tokyo = staff_member(&t.db, &during, Role::Counsellor, Some("13010"), "c64.tokyo").await;
        assert_eq!(
            booking::book_next_for(&t.db, &during, &tokyo, current, next)
                .await
                .unwrap_err()
                .specific_code(),
            "not_found",
            "another office's counsellor"
        );
        let id = booking::book_next_for(&t.db, &during, &kobe, current, next)
            .await
            .unwrap();
        let r = reservations::reservation(&t.db, id).await.unwrap().unwrap();
        assert_eq!(
            (r.user_ref, r.state.as_str(), r.starts_at),
            (users[0], "confirmed", next_week)
        );
        let audit = madoguchi_store::accounts::staff::audit_for_user(&t.db, users[0])
            .await
            .unwrap();
        assert!(
            audit.iter().any(|a| a.action == "book_next" && a.staff_ref == kobe.id),
            "audited on {}",
            t.db.backend()
        );
        // The seat is taken: a second job seeker cannot have it, nor a second booking for it.
        assert_eq!(
            booking::book(&t.db, &clock, users[1], next, &Details::default())
                .await
                .unwrap_err()
                .specific_code(),
            "slot_full"
        );
    }
}
