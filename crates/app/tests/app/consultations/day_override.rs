//! BK-4 with the staff override of N12-2-1 on both backends: the database admits a second
//! consultation on one day only under an override, and never a third, under racing load.
use std::sync::Arc;

use chrono::{Duration, NaiveDate};
use madoguchi_app::console::second_consultation;
use madoguchi_app::consultations::booking;
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::FixedClock;
use madoguchi_domain::staff::Role;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};

/// A staff member made through the use case, as the console would have them.
pub(crate) async fn member(db: &Db, role: Role, office: Option<&str>, key: &str) -> StaffMember {
    madoguchi_app::console::staff::create(
        db,
        &FixedClock(now()),
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

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()
}

/// 100 one-seat slots on one day (17 times, several slots each).
async fn hundred_slots(db: &Db) -> Vec<i64> {
    let mut slots = Vec::new();
    for i in 0..100 {
        let start = at(8, 30) + Duration::minutes(30 * (i % 17));
        slots.push(booking::publish_slot(db, "28011", start, "zoom", 1).await.unwrap());
    }
    slots
}

/// 100 tasks book `user` into the slots at once; the number that succeeded.
async fn race(db: &Arc<Db>, user: i64, slots: Vec<i64>) -> usize {
    let mut tasks = Vec::new();
    for s in slots {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            booking::book(&db, &FixedClock(now()), user, s, &Details::default())
                .await
                .map_err(|e| e.specific_code())
        }));
    }
    let mut ok = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => ok += 1,
            Err(code) => assert_eq!(code, "daily_limit"),
        }
    }
    ok
}

// rule BK-4 (N12-2-1): 100 tasks booking one user into different slots of one day: exactly
// one without an override, exactly two with one; the one-per-day index still holds for
// everyone else.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn second_consultation_only_under_an_override() {
    for t in testing::both("bk4_override").await {
        office(&t.db).await;
        let slots = hundred_slots(&t.db).await;
        let users = seekers(&t.db, 2, "second").await;
        let kobe = member(&t.db, Role::Counsellor, Some("28011"), "kobe.second").await;
        let clock = FixedClock(now());
        second_consultation::allow(
            &t.db,
            &clock,
            &kobe,
            "second0001",
            Some(day()),
            "通訳の都合で午前と午後に分けるため",
        )
        .await
        .unwrap();
        let db = Arc::new(t.db);
        let (plain, allowed) = (users[0], users[1]);
        assert_eq!(race(&db, plain, slots[..50].to_vec()).await, 1, "{}", db.backend());
        assert_eq!(race(&db, allowed, slots[50..].to_vec()).await, 2, "{}", db.backend());
        assert_eq!(reservations::consistency(&db).await.unwrap(), (0, 0));
        let free = reservations::free_slots(&db, "28011", at(0, 0), at(23, 0))
            .await
            .unwrap();
        assert_eq!(free.len(), 97, "the losers' seats were given back");

        // A cancelled second seat can be taken again, still never a third.
        let second = reservations::for_user(&db, allowed).await.unwrap()[0].id;
        booking::cancel_own(&db, &clock, allowed, second).await.unwrap();
        let again = free[0].id;
        booking::book(&db, &clock, allowed, again, &Details::default())
            .await
            .unwrap();
        let third = booking::book(&db, &clock, allowed, free[1].id, &Details::default())
            .await
            .unwrap_err();
        assert_eq!(third.specific_code(), "daily_limit");
        // The override is one day's: the next day is one consultation again.
        let next_day = at(10, 0) + Duration::days(1);
        let a = booking::publish_slot(&db, "28011", next_day, "zoom", 1).await.unwrap();
        let b = booking::publish_slot(&db, "28011", next_day, "zoom", 1).await.unwrap();
        booking::book(&db, &clock, allowed, a, &Details::default())
            .await
            .unwrap();
        let e = booking::book(&db, &clock, allowed, b, &Details::default())
            .await
            .unwrap_err();
        assert_eq!(e.specific_code(), "daily_limit");
    }
}

async fn insert_second_seat(db: &Db, user: i64, slot: i64) -> Result<(), sqlx::Error> {
    // As the booking statement would write seat 2, bypassing the use case entirely.
    let (sql, now) = match db {
        Db::Sqlite(_) => (
            "INSERT INTO reservations (slot_id, user_ref, office_code, local_date, starts_at, state, created_at,
               state_changed_at, state_actor, day_seat)
             SELECT id, $1, office_code, local_date, starts_at, 'confirmed', $2, $2, 'test', 2 FROM slots WHERE id = $3",
            now(),
        ),
        Db::Postgres(_) => (
            "INSERT INTO reservations (slot_id, user_ref, office_code, local_date, starts_at, state, created_at,
               state_changed_at, state_actor, day_seat, override_day)
             SELECT id, $1, office_code, local_date, starts_at, 'confirmed', $2, $2, 'test', 2, local_date
             FROM slots WHERE id = $3",
            now(),
        ),
    };
    madoguchi_store::write!(db, |c| sqlx::query(sql)
        .bind(user)
        .bind(now)
        .bind(slot)
        .execute(c)
        .await
        .map(|_| ()))
}

// rule BK-4: the schema itself refuses a second consultation that day without an override
// (trigger on SQLite, foreign key on PostgreSQL), whatever a statement asks for.
#[tokio::test]
async fn schema_refuses_a_second_seat_without_an_override() {
    for t in testing::both("bk4_schema").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "schema").await[0];
        let a = booking::publish_slot(&t.db, "28011", at(10, 0), "zoom", 1)
            .await
            .unwrap();
        let b = booking::publish_slot(&t.db, "28011", at(11, 0), "zoom", 1)
            .await
            .unwrap();
        let c = booking::publish_slot(&t.db, "28011", at(13, 0), "zoom", 1)
            .await
            .unwrap();
        let clock = FixedClock(now());
        booking::book(&t.db, &clock, user, a, &Details::default())
            .await
            .unwrap();
        assert!(insert_second_seat(&t.db, user, b).await.is_err(), "{}", t.db.backend());
        let kobe = member(&t.db, Role::Counsellor, Some("28011"), "kobe.schema").await;
        second_consultation::allow(&t.db, &clock, &kobe, "schema0000", Some(day()), "再相談")
            .await
            .unwrap();
        insert_second_seat(&t.db, user, b).await.unwrap();
        let third = insert_second_seat(&t.db, user, c).await.unwrap_err();
        assert!(
            madoguchi_store::StoreError::from(third).is_unique_violation(),
            "seat 2 is unique per user and day"
        );
    }
}

// rules BK-4, PV-4: the override needs a reason and a day from today on, is given by the
// person's own office (not another's), once per day, and is audited with its reason.
#[tokio::test]
async fn override_is_reasoned_local_and_audited() {
    for t in testing::both("bk4_override_rules").await {
        office(&t.db).await;
        let user = seekers(&t.db, 1, "rules").await[0];
        let clock = FixedClock(now());
        let kobe = member(&t.db, Role::Counsellor, Some("28011"), "kobe.rules").await;
        let tokyo = member(&t.db, Role::Counsellor, Some("13010"), "tokyo.rules").await;
        let allow = |m: &StaffMember, d: Option<NaiveDate>, r: &'static str| {
            let (db, m) = (t.db.clone(), m.clone());
            async move {
                second_consultation::allow(&db, &FixedClock(now()), &m, "rules0000", d, r)
                    .await
                    .map_err(|e| e.specific_code())
            }
        };
        assert_eq!(
            allow(&kobe, Some(day()), " ").await,
            Err("invalid_input"),
            "{}",
            t.db.backend()
        );
        assert_eq!(allow(&kobe, None, "理由").await, Err("invalid_input"));
        let yesterday = now().date_naive() - Duration::days(1);
        assert_eq!(allow(&kobe, Some(yesterday), "理由").await, Err("invalid_input"));
        assert_eq!(allow(&kobe, Some(day()), "①").await, Err("invalid_characters"));
        assert_eq!(
            allow(&tokyo, Some(day()), "理由").await,
            Err("not_found"),
            "another office"
        );
        assert_eq!(allow(&kobe, Some(day()), "通訳の都合").await, Ok(()));
        assert_eq!(allow(&kobe, Some(day()), "二度目").await, Err("already_allowed"));
        assert_eq!(
            second_consultation::days(&t.db, &clock, user).await.unwrap(),
            vec![day()]
        );
        let trail = madoguchi_store::accounts::staff::audit_for_user(&t.db, user)
            .await
            .unwrap();
        let granted: Vec<_> = trail
            .iter()
            .filter(|a| a.action == "allow_second_consultation")
            .collect();
        assert_eq!(granted.len(), 1);
        assert_eq!(granted[0].detail, "2026-12-03: 通訳の都合");
        assert_eq!(granted[0].staff_ref, kobe.id);
    }
}
