//! The built-in room's use cases (rules MT-3, BK-11, C12-3) with a hand-moved clock, on
//! both backends: attendance from room events and the no-show sweep, and companions'
//! single-use links.

use chrono::Duration;
use madoguchi_app::AppError;
use madoguchi_app::accounts::session::Session;
use madoguchi_app::consultations::{booking, no_show};
use madoguchi_app::room::{RoomConfig, access, attendance, guests};
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_domain::staff::Role;
use madoguchi_store::Db;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::testing;

use crate::booking_under_load::{at, now, office, seekers};

fn seeker_session(user: i64) -> Session {
    Session {
        id: format!("seeker-{user}"),
        user_ref: Some(user),
        staff_ref: None,
        csrf: String::new(),
        lang: None,
    }
}

fn anonymous(id: &str) -> Session {
    Session {
        id: id.into(),
        user_ref: None,
        staff_ref: None,
        csrf: String::new(),
        lang: None,
    }
}

async fn counsellor(db: &Db, clock: &dyn Clock, office: &str, user_id: &str) -> Session {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        Role::Counsellor,
        Some(office),
        user_id,
        "相談 一郎",
    )
    .await
    .unwrap();
    let key = madoguchi_domain::user_id::UserId::parse(user_id).unwrap().normalized();
    let row = madoguchi_store::accounts::staff::by_key(db, &key)
        .await
        .unwrap()
        .unwrap();
    Session {
        id: format!("staff-{user_id}"),
        user_ref: None,
        staff_ref: Some(row.id),
        csrf: String::new(),
        lang: None,
    }
}

fn state(r: &Option<reservations::ReservationRow>) -> &str {
    r.as_ref().map_or("", |r| r.state.as_str())
}

// Rule BK-11: one who never joins is a no-show at start + 10 minutes; one the room saw
// join (admitted, connected) at start + 9 is not, and needs no click by anyone.
#[tokio::test]
async fn room_join_at_nine_minutes_is_no_no_show() {
    for t in testing::both("room_no_show").await {
        office(&t.db).await;
        let users = seekers(&t.db, 2, "room").await;
        let clock = ManualClock::new(now());
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "builtin", 2)
            .await
            .unwrap();
        let came = booking::book(&t.db, &clock, users[0], slot, &Details::default())
            .await
            .unwrap();
        let absent = booking::book(&t.db, &clock, users[1], slot, &Details::default())
            .await
            .unwrap();
        let config = RoomConfig::default();

        clock.advance(at(10, 9) - clock.now());
        let entry = access::enter(&t.db, &clock, &config, Some(&seeker_session(users[0])), came)
            .await
            .unwrap();
        attendance::waiting(&t.db, &clock, &entry).await.unwrap();
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 0, "{}", t.db.backend());
        assert_eq!(
            attendance::connected(&t.db, &clock, &entry).await.unwrap(),
            Some("room_joined")
        );
        assert_eq!(
            attendance::connected(&t.db, &clock, &entry).await.unwrap(),
            None,
            "once"
        );

        clock.advance(Duration::minutes(1));
        assert_eq!(no_show::sweep(&t.db, &clock).await.unwrap(), 1, "{}", t.db.backend());
        assert_eq!(
            state(&reservations::reservation(&t.db, absent).await.unwrap()),
            "no_show"
        );
        assert_eq!(
            state(&reservations::reservation(&t.db, came).await.unwrap()),
            "confirmed"
        );
        // A drop and a re-join later in the slot: still one consultation.
        attendance::left(&t.db, &clock, &entry).await.unwrap();
        clock.advance(Duration::minutes(5));
        assert_eq!(
            attendance::connected(&t.db, &clock, &entry).await.unwrap(),
            Some("room_rejoined")
        );
        no_show::sweep(&t.db, &clock).await.unwrap();
        assert_eq!(
            state(&reservations::reservation(&t.db, came).await.unwrap()),
            "confirmed"
        );
        // The absent one's room is closed (a no-show).
        let e = access::enter(&t.db, &clock, &config, Some(&seeker_session(users[1])), absent).await;
        assert!(
            matches!(
                e,
                Err(AppError::Refused {
                    code: "room_closed",
                    ..
                })
            ),
            "{e:?}"
        );
    }
}

// Rules MT-3, C12-3: a companion link is issued by a counsellor of the office, works once
// for one anonymous session, and not after the room closes; the companion is then let in.
#[tokio::test]
async fn room_companion_links_work_once() {
    for t in testing::both("room_guests").await {
        office(&t.db).await;
        let users = seekers(&t.db, 2, "guest").await;
        let clock = ManualClock::new(now());
        let slot = booking::publish_slot(&t.db, "28011", at(10, 0), "builtin", 1)
            .await
            .unwrap();
        let details = Details {
            companion: "手話通訳".into(),
            ..Details::default()
        };
        let id = booking::book(&t.db, &clock, users[0], slot, &details).await.unwrap();
        let config = RoomConfig::default();
        let kobe = counsellor(&t.db, &clock, "28011", "kobe.counsellor").await;
        let tokyo = counsellor(&t.db, &clock, "13010", "tokyo.counsellor").await;
        let staff = access::who(&t.db, Some(&kobe), id).await.unwrap();
        let elsewhere = access::who(&t.db, Some(&tokyo), id).await;
        assert!(matches!(elsewhere, Err(AppError::NotFound { .. })), "another office");
        let other = access::who(&t.db, Some(&seeker_session(users[1])), id).await;
        assert!(matches!(other, Err(AppError::NotFound { .. })), "another job seeker");
        let nobody = access::who(&t.db, None, id).await;
        assert!(matches!(nobody, Err(AppError::Unauthorized { .. })));

        let token = guests::issue(&t.db, &clock, &config, &staff).await.unwrap();
        let first = anonymous("browser-one");
        let second = anonymous("browser-two");
        assert!(matches!(
            access::who(&t.db, Some(&first), id).await,
            Err(AppError::Unauthorized { .. })
        ));
        assert_eq!(guests::redeem(&t.db, &clock, &token, &first).await.unwrap(), id);
        let again = guests::redeem(&t.db, &clock, &token, &second).await;
        assert!(
            matches!(again, Err(AppError::Refused { code: "link_used", .. })),
            "{again:?}"
        );
        assert_eq!(
            access::who(&t.db, Some(&first), id).await.unwrap().role.code(),
            "companion"
        );
        assert!(access::who(&t.db, Some(&second), id).await.is_err());

        // A link not used before the room closes (end + grace) is spent.
        let late = guests::issue(&t.db, &clock, &config, &staff).await.unwrap();
        clock.advance(at(10, 30) + config.grace - clock.now());
        let expired = guests::redeem(&t.db, &clock, &late, &anonymous("browser-three")).await;
        assert!(
            matches!(expired, Err(AppError::Refused { code: "link_used", .. })),
            "{expired:?}"
        );
    }
}
