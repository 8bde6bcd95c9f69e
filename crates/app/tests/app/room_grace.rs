//! Each office's grace period after a built-in room's slot ends (rule MT-3: "until the slot
//! ends + a grace period the office sets"), on both backends with a hand-moved clock: the
//! room, a companion link and the TURN credential all end at end + grace; 0 and 30 minutes
//! at fixed times; only the office's admins set it, within 0 to 60 (also the schema's CHECK).

use chrono::{DateTime, Duration, Utc};
use madoguchi_app::AppError;
use madoguchi_app::accounts::session::Session;
use madoguchi_app::consultations::booking;
use madoguchi_app::room::{RoomConfig, access, grace, guests, ice};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::{Clock, ManualClock};
use madoguchi_domain::staff::Role;
use madoguchi_store::Db;
use madoguchi_store::consultations::reservations::Details;
use madoguchi_store::testing;

use crate::booking_under_load::{at, now, office, seekers};

async fn member(db: &Db, clock: &dyn Clock, role: Role, office: &str, user_id: &str) -> (StaffMember, Session) {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        role,
        Some(office),
        user_id,
        "窓口 花子",
    )
    .await
    .unwrap();
    let key = madoguchi_domain::user_id::UserId::parse(user_id).unwrap().normalized();
    let row = madoguchi_store::accounts::staff::by_key(db, &key)
        .await
        .unwrap()
        .unwrap();
    let member = madoguchi_app::console::staff::member(db, row.id)
        .await
        .unwrap()
        .unwrap();
    let session = Session {
        id: format!("staff-{user_id}"),
        user_ref: None,
        staff_ref: Some(row.id),
        csrf: String::new(),
        lang: None,
    };
    (member, session)
}

fn seeker(user: i64) -> Session {
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

/// When the room of `id` closes for the job seeker at the clock's time, or the refusal.
async fn closes(
    db: &Db,
    clock: &ManualClock,
    config: &RoomConfig,
    user: i64,
    id: i64,
) -> Result<DateTime<Utc>, String> {
    let entry = access::enter(db, clock, config, Some(&seeker(user)), id)
        .await
        .map_err(|e| e.specific_code().to_owned())?;
    access::open_now(&entry.room, config, clock.now()).map_err(|e| e.specific_code().to_owned())
}

// Rule MT-3: with the office's grace 30 the room of a 10:00–10:30 consultation is open at
// end + 29 and closed at end + 30 and + 31; the TURN credential expires at end + 30, and a
// companion link works until then. With grace 0 it closes at the end itself.
#[tokio::test]
async fn room_grace_is_the_offices_zero_or_thirty() {
    for t in testing::both("room_grace").await {
        let b = t.db.backend();
        office(&t.db).await;
        let users = seekers(&t.db, 2, "grace").await;
        let clock = ManualClock::new(now());
        let details = Details {
            companion: "手話通訳".into(),
            ..Details::default()
        };
        let early = booking::publish_slot(&t.db, "28011", at(10, 0), "builtin", 1)
            .await
            .unwrap();
        let late = booking::publish_slot(&t.db, "28011", at(14, 0), "builtin", 1)
            .await
            .unwrap();
        let a = booking::book(&t.db, &clock, users[0], early, &details).await.unwrap();
        let z = booking::book(&t.db, &clock, users[1], late, &details).await.unwrap();
        let config = RoomConfig {
            turn_urls: vec!["turn:127.0.0.1:3478".into()],
            turn_secret: Some("s".into()),
            ..RoomConfig::default()
        };
        let (admin, admin_session) = member(&t.db, &clock, Role::OfficeAdmin, "28011", "kobe.admin").await;
        let (counsellor, _) = member(&t.db, &clock, Role::Counsellor, "28011", "kobe.counsellor").await;
        let (elsewhere, _) = member(&t.db, &clock, Role::OfficeAdmin, "13010", "tokyo.admin").await;

        // Nobody set one yet: the configured default (15).
        let g = grace::of_office(&t.db, &config, "28011").await.unwrap();
        assert_eq!((g.minutes, g.chosen), (15, false), "{b}");
        // Only the office's admins, within 0 to 60.
        for (who, typed) in [(&counsellor, "30"), (&elsewhere, "30")] {
            let e = grace::set(&t.db, &clock, who, "28011", typed).await;
            assert!(matches!(e, Err(AppError::Forbidden { .. })), "{b}: {e:?}");
        }
        for typed in ["61", "-1", "", "十五"] {
            let e = grace::set(&t.db, &clock, &admin, "28011", typed).await;
            assert!(
                matches!(
                    e,
                    Err(AppError::InvalidInput {
                        code: "invalid_room_grace",
                        ..
                    })
                ),
                "{b} {typed}: {e:?}"
            );
        }
        // The schema refuses it too, whatever the caller checked.
        let mut tx = t.db.begin().await.unwrap();
        assert!(
            madoguchi_store::room::grace::set(&mut tx, "28011", 61).await.is_err(),
            "{b}: CHECK"
        );
        drop(tx);

        assert_eq!(grace::set(&t.db, &clock, &admin, "28011", "30").await.unwrap(), 30);
        assert_eq!(grace::of_office(&t.db, &config, "28011").await.unwrap().minutes, 30);
        let staff = access::who(&t.db, Some(&admin_session), a).await.unwrap();
        let link = guests::issue(&t.db, &clock, &config, &staff).await.unwrap();
        let spare = guests::issue(&t.db, &clock, &config, &staff).await.unwrap();

        clock.advance(at(10, 59) - clock.now());
        assert_eq!(
            closes(&t.db, &clock, &config, users[0], a).await,
            Ok(at(11, 0)),
            "{b}: end + 29"
        );
        let entry = access::enter(&t.db, &clock, &config, Some(&seeker(users[0])), a)
            .await
            .unwrap();
        let turn = ice::servers(&config, &entry, at(11, 0));
        let user = turn[0].username.clone().unwrap_or_default();
        assert_eq!(
            user,
            format!("{}:r{a}-seeker", at(11, 0).timestamp()),
            "{b}: TURN until end + 30"
        );
        assert_eq!(
            guests::redeem(&t.db, &clock, &link, &anonymous("one")).await.unwrap(),
            a
        );
        clock.advance(Duration::minutes(1));
        assert_eq!(
            closes(&t.db, &clock, &config, users[0], a).await,
            Err("room_closed".into()),
            "{b}: end + 30"
        );
        clock.advance(Duration::minutes(1));
        assert_eq!(
            closes(&t.db, &clock, &config, users[0], a).await,
            Err("room_closed".into()),
            "{b}: end + 31"
        );
        let spent = guests::redeem(&t.db, &clock, &spare, &anonymous("two")).await;
        assert!(
            matches!(spent, Err(AppError::Refused { code: "link_used", .. })),
            "{b}: {spent:?}"
        );

        // Grace 0: the 14:00–14:30 room closes at 14:30.
        grace::set(&t.db, &clock, &admin, "28011", "0").await.unwrap();
        clock.advance(at(14, 29) - clock.now());
        assert_eq!(
            closes(&t.db, &clock, &config, users[1], z).await,
            Ok(at(14, 30)),
            "{b}: end - 1"
        );
        clock.advance(Duration::minutes(1));
        assert_eq!(
            closes(&t.db, &clock, &config, users[1], z).await,
            Err("room_closed".into()),
            "{b}: end + 0"
        );

        // Each change is in the audit log under the admin.
        let audited = madoguchi_store::records::audit::search(
            &t.db,
            &madoguchi_store::records::audit::Search {
                staff_key: Some("kobe.admin".into()),
                limit: 100,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        let changes = audited.iter().filter(|r| r.action == "set_room_grace").count();
        assert_eq!(changes, 2, "{b}");
    }
}
