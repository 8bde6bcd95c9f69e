//! The office admin's slots: one-off additions, removal that cancels by office with a notice
//! (BK-2, BK-16, NO-1), and the office's own cut-off and horizon (BK-3), on both backends.
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use madoguchi_app::shared::StaffMember;
use madoguchi_app::{consultations::booking, consultations::slots, offices};
use madoguchi_domain::clock::{FixedClock, jst};
use madoguchi_domain::staff::Role;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::testing;

use crate::booking_under_load::{office, seekers};

fn jst_at(d: u32, h: u32, m: u32, s: u32) -> DateTime<Utc> {
    jst()
        .with_ymd_and_hms(2026, 12, d, h, m, s)
        .unwrap()
        .with_timezone(&Utc)
}

async fn admin(db: &madoguchi_store::Db, clock: &FixedClock, key: &str) -> StaffMember {
    madoguchi_app::console::staff::create(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        None,
        Role::OfficeAdmin,
        Some("28011"),
        key,
        "管理者",
    )
    .await
    .unwrap();
    let m = madoguchi_store::accounts::staff::by_key(db, key)
        .await
        .unwrap()
        .unwrap();
    StaffMember {
        id: m.id,
        name: "管理者".into(),
        role: Role::OfficeAdmin,
        office: Some("28011".into()),
    }
}

// rules BK-2, BK-16, NO-1: removing a booked slot needs a reason; its reservations become
// cancelled_by_office (rows kept, with actor and reason) and each user is told.
#[tokio::test]
async fn removing_a_booked_slot_cancels_by_office() {
    for t in testing::both("bk2_remove_slot").await {
        office(&t.db).await;
        let clock = FixedClock(jst_at(2, 10, 0, 0));
        let boss = admin(&t.db, &clock, "kobe.rm").await;
        let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
        let slot = slots::add_one_off(&t.db, &boss, "28011", day, ten, "zoom", 2)
            .await
            .unwrap();
        let sunday = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let closed = slots::add_one_off(&t.db, &boss, "28011", sunday, ten, "zoom", 1).await;
        assert_eq!(closed.unwrap_err().specific_code(), "closed_day");
        let users = seekers(&t.db, 2, "rm").await;
        let mut ids = Vec::new();
        for u in &users {
            ids.push(
                booking::book(&t.db, &clock, *u, slot, &Details::default())
                    .await
                    .unwrap(),
            );
        }
        let listed = slots::upcoming(&t.db, &clock, &boss, "28011").await.unwrap();
        assert!(listed.iter().any(|s| s.id == slot && s.booked == 2));
        let no_reason = slots::remove(&t.db, &clock, &boss, "28011", slot, " ").await;
        assert_eq!(no_reason.unwrap_err().specific_code(), "required");
        // Issue 12, AC-4: a reason N10 refuses changes nothing (the slot was once removed
        // with its bookings left standing); both are still there after it.
        let bad = slots::remove(&t.db, &clock, &boss, "28011", slot, "停電①のため").await;
        assert_eq!(bad.unwrap_err().specific_code(), "invalid_characters");
        let listed = slots::upcoming(&t.db, &clock, &boss, "28011").await.unwrap();
        assert!(
            listed.iter().any(|s| s.id == slot && s.booked == 2),
            "{}",
            t.db.backend()
        );
        for id in &ids {
            let r = reservations::reservation(&t.db, *id).await.unwrap().unwrap();
            assert_eq!(r.state, "confirmed");
        }
        let n = slots::remove(&t.db, &clock, &boss, "28011", slot, "停電のため")
            .await
            .unwrap();
        assert_eq!(n, 2, "{}", t.db.backend());
        for (u, id) in users.iter().zip(&ids) {
            let r = reservations::reservation(&t.db, *id).await.unwrap().unwrap();
            assert_eq!(r.state, "cancelled_by_office");
            let inbox = madoguchi_store::mail::inbox::list(&t.db, *u).await.unwrap();
            assert!(inbox[0].subject.contains("取り消しました"), "{:?}", inbox[0].subject);
        }
        // Gone from the calendar and from booking; removing twice is "not found".
        let other = seekers(&t.db, 1, "rm2").await[0];
        let e = booking::book(&t.db, &clock, other, slot, &Details::default()).await;
        assert_eq!(e.unwrap_err().specific_code(), "not_found");
        let again = slots::remove(&t.db, &clock, &boss, "28011", slot, "x").await;
        assert_eq!(again.unwrap_err().specific_code(), "not_found");
        // A counsellor may not remove slots.
        let free = booking::publish_slot(&t.db, "28011", jst_at(3, 11, 0, 0), "zoom", 1)
            .await
            .unwrap();
        let counsellor = StaffMember {
            role: Role::Counsellor,
            ..boss.clone()
        };
        let e = slots::remove(&t.db, &clock, &counsellor, "28011", free, "").await;
        assert_eq!(e.unwrap_err().specific_code(), "forbidden");
        assert_eq!(slots::remove(&t.db, &clock, &boss, "28011", free, "").await.unwrap(), 0);
    }
}

// rule BK-3: an office's stricter cut-off (3 days) and shorter horizon (7 days) apply to
// direct booking at 23:59:59 / 00:00:00 JST, and looser settings are refused.
#[tokio::test]
async fn office_cutoff_and_horizon() {
    for t in testing::both("bk3_office_policy").await {
        office(&t.db).await;
        offices::set_booking_policy(&t.db, "28011", 3, 7).await.unwrap();
        let e = offices::set_booking_policy(&t.db, "28011", 0, 30).await.unwrap_err();
        assert_eq!(e.specific_code(), "invalid_booking_policy");
        let e = offices::set_booking_policy(&t.db, "28011", 1, 31).await.unwrap_err();
        assert_eq!(e.specific_code(), "invalid_booking_policy");
        let policy = offices::booking_policy(&t.db, "28011").await.unwrap();
        assert_eq!((policy.cutoff_days, policy.horizon_days), (3, 7));
        // Friday 12/11 10:00; with a 3-day cut-off bookings close at the end of 12/8.
        let slot = booking::publish_slot(&t.db, "28011", jst_at(11, 10, 0, 0), "zoom", 1)
            .await
            .unwrap();
        let users = seekers(&t.db, 3, "pol").await;
        let late = FixedClock(jst_at(9, 0, 0, 0));
        let e = booking::book(&t.db, &late, users[0], slot, &Details::default()).await;
        assert_eq!(e.unwrap_err().specific_code(), "cutoff_passed", "{}", t.db.backend());
        let early = FixedClock(jst_at(3, 23, 59, 59));
        let e = booking::book(&t.db, &early, users[0], slot, &Details::default()).await;
        assert_eq!(e.unwrap_err().specific_code(), "outside_horizon", "8 days ahead");
        let on_time = FixedClock(jst_at(8, 23, 59, 59));
        booking::book(&t.db, &on_time, users[1], slot, &Details::default())
            .await
            .unwrap();
    }
}
