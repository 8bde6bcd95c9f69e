//! Issue 17 (national scale): a reservation keeps its consultation's start
//! (`reservations.starts_at`, migration 0038) so that the statistics (PV-5) and the no-show
//! sweep (BK-11) read reservations alone. Every path that makes or moves a reservation must
//! write its slot's start; these tests walk each path on both backends.
use chrono::Duration;
use madoguchi_app::closures;
use madoguchi_app::consultations::{booking, no_show, requests, reschedule};
use madoguchi_domain::clock::FixedClock;
use madoguchi_domain::staff::Role;
use madoguchi_store::consultations::reservations::{self, Details};
use madoguchi_store::{Db, testing};

use crate::booking_under_load::{at, now, office, seekers};
use crate::closures::{site, whole};
use crate::day_override::member;

/// (reservations, those whose start is missing or differs from their slot's).
async fn starts(db: &Db) -> (i64, i64) {
    madoguchi_store::read!(db, |c| sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.starts_at IS NULL OR r.starts_at <> s.starts_at
           THEN 1 ELSE 0 END), 0) FROM reservations r JOIN slots s ON s.id = r.slot_id"
    )
    .fetch_one(c)
    .await
    .unwrap())
}

async fn all_kept(db: &Db, made: i64, after: &str) {
    assert_eq!(starts(db).await, (made, 0), "after {after} on {}", db.backend());
}

// rules BK-5, BK-17, BK-7, TM-3, PV-5: a booking, a move, the counsellor's booking of the
// next one, a request scheduled, a closure and the demo's history each leave every
// reservation with its slot's start.
#[tokio::test]
async fn every_path_writes_the_slots_start() {
    for t in testing::both("reservation_start").await {
        let db = &t.db;
        office(db).await;
        let clock = FixedClock(now());
        let users = seekers(db, 2, "start").await;
        let counsellor = member(db, Role::Counsellor, Some("28011"), "kobe.start").await;
        let slot = |h| booking::publish_slot(db, "28011", at(h, 0), "zoom", 2);
        let (ten, eleven, two) = (
            slot(10).await.unwrap(),
            slot(11).await.unwrap(),
            slot(14).await.unwrap(),
        );

        let id = booking::book(db, &clock, users[0], ten, &Details::default())
            .await
            .unwrap();
        all_kept(db, 1, "a booking").await;
        reschedule::reschedule(db, &clock, None, users[0], id, eleven)
            .await
            .unwrap();
        all_kept(db, 1, "a move (BK-17)").await;
        let next_day = booking::publish_slot(db, "28011", at(10, 0) + Duration::days(1), "zoom", 1)
            .await
            .unwrap();
        booking::book_next_for(db, &clock, &counsellor, id, next_day)
            .await
            .unwrap();
        all_kept(db, 2, "the counsellor booking the next one").await;

        madoguchi_app::offices::set_booking_mode(db, "28011", "request")
            .await
            .unwrap();
        let asked = requests::request(db, &clock, users[1], "28011", &[at(14, 0)], "転職の相談")
            .await
            .unwrap();
        requests::schedule(db, &clock, &counsellor, asked, two).await.unwrap();
        all_kept(db, 3, "a request scheduled (BK-7)").await;

        let boss = crate::seminars::admin(db, &clock, "kobe.start.admin").await;
        closures::close(
            db,
            &clock,
            &site(),
            &closures::Closer::Staff(&boss),
            "28011",
            &whole("臨時休所"),
        )
        .await
        .unwrap();
        all_kept(db, 3, "a closure (TM-3)").await;

        let made = madoguchi_app::demo::history::seed_history(db, &clock).await.unwrap();
        assert!(made > 0);
        let (total, off) = starts(db).await;
        assert!(total > 3, "the history booked consultations on {}", db.backend());
        assert_eq!(off, 0, "after the demo's history on {}", db.backend());
    }
}

// rules BK-11, BK-17: the sweep reads the reservation's own start, so a consultation moved
// later is not a no-show at its old time, and is one ten minutes after its new start.
#[tokio::test]
async fn no_show_sweep_follows_a_move() {
    for t in testing::both("reservation_start_sweep").await {
        let db = &t.db;
        office(db).await;
        let user = seekers(db, 1, "sweep").await[0];
        let ten = booking::publish_slot(db, "28011", at(10, 0), "zoom", 1).await.unwrap();
        let three = booking::publish_slot(db, "28011", at(15, 0), "zoom", 1).await.unwrap();
        let clock = FixedClock(now());
        let id = booking::book(db, &clock, user, ten, &Details::default()).await.unwrap();
        reschedule::reschedule(db, &clock, None, user, id, three).await.unwrap();
        for (h, m, marked) in [(10, 30, 0), (15, 9, 0), (15, 11, 1)] {
            let n = no_show::sweep(db, &FixedClock(at(h, m))).await.unwrap();
            assert_eq!(n, marked, "at {h}:{m:02} on {}", db.backend());
        }
        let row = reservations::reservation(db, id).await.unwrap().unwrap();
        assert_eq!(row.state, "no_show");
    }
}

// Issue 17: the schema refuses a reservation without its start on both backends (NOT NULL
// on PostgreSQL, a trigger on SQLite), so a path that forgets it fails loudly.
#[tokio::test]
async fn a_reservation_without_its_start_is_refused() {
    for t in testing::both("reservation_start_required").await {
        let db = &t.db;
        office(db).await;
        let user = seekers(db, 1, "nostart").await[0];
        let slot = booking::publish_slot(db, "28011", at(10, 0), "zoom", 1).await.unwrap();
        assert!(insert(db, user, slot, false).await.is_err(), "{}", db.backend());
        assert_eq!(insert(db, user, slot, true).await.unwrap(), 1, "{}", db.backend());
        let cleared = madoguchi_store::write!(db, |c| sqlx::query("UPDATE reservations SET starts_at = NULL")
            .execute(c)
            .await
            .map(|r| r.rows_affected()));
        assert!(cleared.is_err(), "{}", db.backend());
    }
}

/// A confirmed reservation on `slot` written directly, with or without its start.
async fn insert(db: &Db, user: i64, slot: i64, with_start: bool) -> Result<u64, sqlx::Error> {
    let sql = if with_start {
        "INSERT INTO reservations (slot_id, user_ref, office_code, local_date, starts_at, state, created_at,
           state_changed_at, state_actor)
         SELECT id, $1, office_code, local_date, starts_at, 'confirmed', $2, $2, 'test' FROM slots WHERE id = $3"
    } else {
        "INSERT INTO reservations (slot_id, user_ref, office_code, local_date, state, created_at,
           state_changed_at, state_actor)
         SELECT id, $1, office_code, local_date, 'confirmed', $2, $2, 'test' FROM slots WHERE id = $3"
    };
    madoguchi_store::write!(db, |c| sqlx::query(sql)
        .bind(user)
        .bind(now())
        .bind(slot)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))
}
