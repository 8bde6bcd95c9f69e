//! Terms versions (rules AC-13, NT-3) on both backends: a version takes effect on its date,
//! is announced to every active user, and from then a booking or a seminar registration
//! waits for its acceptance, which is recorded with time and client address.
use chrono::{DateTime, Duration, TimeZone, Utc};
use madoguchi_app::notices::Publisher;
use madoguchi_app::{consultations::booking, notices::terms};
use madoguchi_domain::clock::{FixedClock, ManualClock, jst};
use madoguchi_store::consultations::reservations::Details;
use madoguchi_store::testing;

use crate::booking_under_load::{office, seekers};

fn jst_at(d: u32, h: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, d, h, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

// rules AC-13, NT-3.
#[tokio::test]
async fn new_terms_take_effect_and_wait_for_acceptance() {
    for t in testing::both("ac13_terms").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(1, 10));
        let user = seekers(&t.db, 1, "terms").await[0];
        let slot = |d: u32| booking::publish_slot(&t.db, "28011", jst_at(d, 10), "zoom", 1);
        let (s1, s2, s3) = (slot(3).await.unwrap(), slot(8).await.unwrap(), slot(10).await.unwrap());
        // Nothing published: nothing to accept.
        booking::book(&t.db, &clock, user, s1, &Details::default())
            .await
            .unwrap();
        let e = terms::publish(
            &t.db,
            &clock,
            Publisher::Operator,
            "consultation",
            "1",
            "本文",
            jst_at(1, 9),
        )
        .await;
        assert_eq!(
            e.unwrap_err().specific_code(),
            "date_in_past",
            "announced before it takes effect"
        );
        terms::publish(
            &t.db,
            &clock,
            Publisher::Operator,
            "consultation",
            "2",
            "新しい本文",
            jst_at(4, 0),
        )
        .await
        .unwrap();
        let inbox = madoguchi_store::mail::inbox::list(&t.db, user).await.unwrap();
        assert!(
            inbox[0].subject.contains("利用規約改定"),
            "every active user is told: {:?}",
            inbox[0].subject
        );
        let top = madoguchi_app::notices::current(&t.db, &clock).await.unwrap();
        assert!(
            top.iter().any(|n| n.title.contains("利用規約改定")),
            "and the top page says so"
        );
        // Before its date the new version is not in force.
        assert!(
            terms::pending(&t.db, &clock, user, "consultation")
                .await
                .unwrap()
                .is_empty()
        );
        clock.advance(jst_at(4, 0) - jst_at(1, 10));
        let e = booking::book(&t.db, &clock, user, s2, &Details::default())
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "terms_not_accepted", "{}", t.db.backend());
        let e = terms::accept(&t.db, &clock, user, "consultation", "1", "203.0.113.9")
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "not_in_force");
        terms::accept(&t.db, &clock, user, "consultation", "2", "203.0.113.9")
            .await
            .unwrap();
        booking::book(&t.db, &clock, user, s2, &Details::default())
            .await
            .unwrap();
        let recorded = madoguchi_store::mail::inbox::acceptances(&t.db, user).await.unwrap();
        let last = recorded.last().unwrap();
        assert_eq!((last.service.as_str(), last.version.as_str()), ("consultation", "2"));
        assert_eq!(
            (last.accepted_at, last.client_addr.as_str()),
            (clock_now(&clock), "203.0.113.9")
        );
        // The seminar terms are separate: a new one waits only for seminar registration.
        terms::publish(
            &t.db,
            &clock,
            Publisher::Operator,
            "seminar",
            "1",
            "セミナー本文",
            clock_now(&clock),
        )
        .await
        .unwrap();
        booking::book(&t.db, &clock, user, s3, &Details::default())
            .await
            .unwrap();
        assert_eq!(
            terms::pending(&t.db, &clock, user, "seminar").await.unwrap(),
            vec![("seminar".to_owned(), "1".to_owned())]
        );
        let (versions, in_force) = terms::versions(&t.db, &FixedClock(clock_now(&clock)), "consultation")
            .await
            .unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(in_force, Some(versions[0].id));
        let e = terms::publish(
            &t.db,
            &clock,
            Publisher::Operator,
            "consultation",
            "2",
            "x",
            clock_now(&clock) + Duration::days(1),
        )
        .await
        .unwrap_err();
        assert_eq!(e.specific_code(), "conflict", "a version number is used once");
    }
}

fn clock_now(c: &ManualClock) -> DateTime<Utc> {
    use madoguchi_domain::clock::Clock;
    c.now()
}
