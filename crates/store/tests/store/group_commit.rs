//! Issue 17, item 5: group commit on the SQLite writer. Bookings that queue while the writer
//! is busy share one transaction, each in its own savepoint: a refused one leaves nothing and
//! the others stand; a failed COMMIT answers every member with an error and stores nothing.
//! The same stories run on PostgreSQL (one statement per booking there) where they apply.

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use madoguchi_store::accounts::users::{self, NewUser};
use madoguchi_store::consultations::reservations::{self, Booked, Details, NewSlot, Notice};
use madoguchi_store::mail::outbox::NewMail;
use madoguchi_store::{DatabaseUrl, Db, PoolSizes, Result, connect, offices, testing};

use super::writer::Tmpfs;
use super::{office, t0};

async fn seed_office(db: &Db) {
    let mut tx = db.begin().await.unwrap();
    offices::save(&mut tx, &office("28011")).await.unwrap();
    tx.commit().await.unwrap();
}

async fn user(db: &Db, n: usize) -> i64 {
    let mut tx = db.begin().await.unwrap();
    let id = user_in(&mut tx, n).await;
    tx.commit().await.unwrap();
    id
}

async fn user_in(tx: &mut madoguchi_store::Tx, n: usize) -> i64 {
    let u = NewUser {
        user_id: format!("batch{n}"),
        user_key: format!("batch{n}"),
        password_hash: "x".into(),
        name: format!("利用者{n}"),
        name_kana: "リヨウシャ".into(),
        address: "神戸市".into(),
        email: format!("u{n}@example.jp"),
        phone: "078-000-0000".into(),
        lang: "ja".into(),
    };
    let id = users::insert_provisional(tx, &u, t0()).await.unwrap();
    users::activate(tx, id, t0()).await.unwrap();
    id
}

async fn people(db: &Db, n: usize) -> Vec<i64> {
    let mut out = Vec::new();
    for i in 0..n {
        out.push(user(db, i).await);
    }
    out
}

/// Many slots in one transaction (a small file: the full-disk test fills a 4 MiB filesystem).
async fn slots_at_once(db: &Db, n: usize) -> Vec<i64> {
    let mut tx = db.begin().await.unwrap();
    let mut out = Vec::new();
    for i in 0..i64::try_from(n).unwrap() {
        let starts_at = t0() + Duration::days(3 + i / 16) + Duration::minutes(1 + 30 * (i % 16));
        let s = NewSlot {
            office_code: "28011".into(),
            starts_at,
            ends_at: starts_at + Duration::minutes(30),
            local_date: jst_date(starts_at),
            app: "zoom".into(),
            capacity: 1,
        };
        out.push(reservations::add_slot(&mut tx, &s).await.unwrap());
    }
    tx.commit().await.unwrap();
    out
}

/// A slot `day` days after t0's JST day, starting `n` half hours after midnight JST.
async fn slot(db: &Db, day: i64, n: i64, capacity: i32) -> i64 {
    let starts_at = t0() + Duration::days(day) + Duration::minutes(1 + 30 * n);
    let s = NewSlot {
        office_code: "28011".into(),
        starts_at,
        ends_at: starts_at + Duration::minutes(30),
        local_date: jst_date(starts_at),
        app: "zoom".into(),
        capacity,
    };
    let mut tx = db.begin().await.unwrap();
    let id = reservations::add_slot(&mut tx, &s).await.unwrap();
    tx.commit().await.unwrap();
    id
}

fn jst_date(t: DateTime<Utc>) -> NaiveDate {
    (t + Duration::hours(9)).date_naive()
}

/// The confirmation written with the booking (NO-1, NO-2), addressed so each can be found.
fn notice(user: i64) -> Notice {
    Notice {
        mail: NewMail {
            recipient: format!("booked-{user}@example.jp"),
            subject: "ご予約".into(),
            body_text: "予約しました".into(),
            body_html: None,
            attachment: None,
        },
        inbox_subject: format!("booked-{user}"),
        inbox_body: "予約しました".into(),
    }
}

async fn book(db: &Db, slot: i64, user: i64) -> Result<Booked> {
    let n = notice(user);
    reservations::book(
        db,
        slot,
        user,
        &Details::default(),
        t0(),
        &format!("user:{user}"),
        Some(&n),
    )
    .await
}

/// Reservations, outbox and inbox rows of `user`.
async fn left_by(db: &Db, user: i64) -> (i64, i64, i64) {
    const SQL: &str = "SELECT (SELECT COUNT(*) FROM reservations WHERE user_ref = $1),
        (SELECT COUNT(*) FROM outbox WHERE recipient = $2), (SELECT COUNT(*) FROM inbox WHERE subject = $3)";
    madoguchi_store::read!(db, |c| sqlx::query_as(SQL)
        .bind(user)
        .bind(format!("booked-{user}@example.jp"))
        .bind(format!("booked-{user}"))
        .fetch_one(c)
        .await)
    .unwrap()
}

/// Seats taken on each slot against its reservations that hold one, and any over capacity.
async fn seats_agree(db: &Db) -> (i64, i64) {
    const SQL: &str = "SELECT
        (SELECT COUNT(*) FROM slots s WHERE s.booked <> (SELECT COUNT(*) FROM reservations r
          WHERE r.slot_id = s.id AND r.state IN ('requested', 'confirmed', 'attended', 'no_show'))),
        (SELECT COUNT(*) FROM slots WHERE booked > capacity)";
    madoguchi_store::read!(db, |c| sqlx::query_as(SQL).fetch_one(c).await).unwrap()
}

/// Sends the bookings one after another into the queue while the SQLite writer is held, so
/// they form one batch in that order, then lets the writer go. On PostgreSQL they run in order.
async fn as_one_batch(db: &Arc<Db>, bookings: &[(i64, i64)]) -> Vec<Result<Booked>> {
    let Db::Sqlite(s) = db.as_ref() else {
        let mut out = Vec::new();
        for &(slot, user) in bookings {
            out.push(book(db, slot, user).await);
        }
        return out;
    };
    let held = db.begin().await.unwrap();
    let mut tasks = Vec::new();
    for (i, &(slot, user)) in bookings.iter().enumerate() {
        let db = db.clone();
        tasks.push(tokio::spawn(async move { book(&db, slot, user).await }));
        while s.batches.waiting() < i + 1 {
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    }
    held.commit().await.unwrap();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.unwrap());
    }
    out
}

// BK-5, BK-4, NO-1, NO-2: a batch with refusals in the middle. Each member is checked on its
// own (a seat taken earlier in the same batch is taken; a second consultation that day is
// refused by the unique index and rolled back to its savepoint alone); the others stand with
// their mail and inbox entries, and a refused booking leaves no row anywhere.
#[tokio::test]
async fn a_refused_booking_in_a_batch_leaves_only_itself_out() {
    for t in testing::both("batch_refusal").await {
        let db = Arc::new(t.db);
        seed_office(&db).await;
        let u: Vec<i64> = people(&db, 6).await;
        let (a, full, same_day, other, b) = (
            slot(&db, 3, 0, 1).await,
            slot(&db, 3, 1, 1).await,
            slot(&db, 4, 0, 1).await,
            slot(&db, 4, 1, 1).await,
            slot(&db, 5, 0, 1).await,
        );
        // Before the batch: the full slot's seat is taken, and u[2] holds day 4 already.
        assert!(matches!(book(&db, full, u[5]).await.unwrap(), Booked::Confirmed(_)));
        assert!(matches!(book(&db, other, u[2]).await.unwrap(), Booked::Confirmed(_)));
        let answers = as_one_batch(&db, &[(a, u[0]), (full, u[1]), (same_day, u[2]), (a, u[3]), (b, u[4])]).await;
        let outcomes: Vec<_> = answers.into_iter().map(|r| r.unwrap()).collect();
        let backend = db.backend();
        assert!(matches!(outcomes[0], Booked::Confirmed(_)), "{backend}: {outcomes:?}");
        assert_eq!(outcomes[1], Booked::SlotFull, "{backend}");
        assert_eq!(outcomes[2], Booked::DailyLimit, "{backend}");
        // The seat the first member took in this very batch is not given twice.
        assert_eq!(outcomes[3], Booked::SlotFull, "{backend}");
        assert!(matches!(outcomes[4], Booked::Confirmed(_)), "{backend}: {outcomes:?}");
        assert_eq!(left_by(&db, u[0]).await, (1, 1, 1), "{backend}");
        assert_eq!(left_by(&db, u[1]).await, (0, 0, 0), "{backend}: refused, nothing left");
        assert_eq!(
            left_by(&db, u[2]).await,
            (1, 1, 1),
            "{backend}: only the earlier booking"
        );
        assert_eq!(left_by(&db, u[3]).await, (0, 0, 0), "{backend}");
        assert_eq!(left_by(&db, u[4]).await, (1, 1, 1), "{backend}");
        assert_eq!(seats_agree(&db).await, (0, 0), "{backend}");
        // The writer is clean afterwards: the next booking commits on its own.
        let c = slot(&db, 6, 0, 1).await;
        assert!(matches!(book(&db, c, u[1]).await.unwrap(), Booked::Confirmed(_)));
    }
}

// BK-5, BK-4 under load: 40 people try each of 10 slots (2 seats each, 5 a day on 2 days) at
// once, 400 tasks. Every seat is taken exactly once, no slot is over capacity, nobody has two
// consultations on one day, and every seat answered "confirmed" is a stored reservation.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_concurrent_bookings_never_over_book() {
    for t in testing::both("batch_many").await {
        let db = Arc::new(t.db);
        seed_office(&db).await;
        let users = people(&db, 40).await;
        let mut slots = Vec::new();
        for day in [3, 4] {
            for n in 0..5 {
                slots.push(slot(&db, day, n, 2).await);
            }
        }
        let mut tasks = Vec::new();
        for &u in &users {
            for &s in &slots {
                let db = db.clone();
                tasks.push(tokio::spawn(async move { book(&db, s, u).await }));
            }
        }
        let mut confirmed = Vec::new();
        for t in tasks {
            if let Booked::Confirmed(id) = t.await.unwrap().unwrap() {
                confirmed.push(id);
            }
        }
        let backend = db.backend();
        assert_eq!(confirmed.len(), 20, "{backend}: every seat once");
        assert_eq!(seats_agree(&db).await, (0, 0), "{backend}");
        const DOUBLE: &str = "SELECT COUNT(*) FROM (SELECT user_ref, local_date FROM reservations
            WHERE state = 'confirmed' GROUP BY user_ref, local_date HAVING COUNT(*) > 1) d";
        let (double,): (i64,) =
            madoguchi_store::read!(db.as_ref(), |c| sqlx::query_as(DOUBLE).fetch_one(c).await).unwrap();
        assert_eq!(double, 0, "{backend}");
        let (stored,): (i64,) =
            madoguchi_store::read!(db.as_ref(), |c| sqlx::query_as("SELECT COUNT(*) FROM reservations")
                .fetch_one(c)
                .await)
            .unwrap();
        assert_eq!(stored, 20, "{backend}: what was answered is what is stored");
    }
}

// Issue 11 and issue 17, item 5 on a real full filesystem (SQLite): batches of bookings until
// one fails on the full disk. Every member of that batch is answered with the error (a 503,
// none with success), none of them is stored, every booking answered "confirmed" before it
// is stored, and once there is room again the next booking commits.
#[tokio::test]
async fn a_failed_commit_fails_every_booking_of_its_batch() {
    let Some(fs) = Tmpfs::mount("batch-full", "4m") else {
        return;
    };
    let path = fs.0.join("m.db");
    let url = DatabaseUrl::Sqlite(path.clone());
    let db = Arc::new(connect(&url, PoolSizes::for_tests()).await.unwrap());
    db.migrate().await.unwrap();
    seed_office(&db).await;
    const PER_BATCH: usize = 8;
    let mut tx = db.begin().await.unwrap();
    let mut users = Vec::new();
    for i in 0..PER_BATCH * 30 {
        users.push(user_in(&mut tx, i).await);
    }
    tx.commit().await.unwrap();
    let slots = slots_at_once(&db, users.len()).await;
    let filler = fs.fill();
    let (mut acknowledged, mut failed) = (Vec::new(), None);
    for round in 0..30 {
        let batch: Vec<(i64, i64)> = (round * PER_BATCH..(round + 1) * PER_BATCH)
            .map(|i| (slots[i], users[i]))
            .collect();
        let answers = as_one_batch(&db, &batch).await;
        if answers.iter().all(|a| a.is_ok()) {
            for (a, &(_, u)) in answers.iter().zip(&batch) {
                assert!(matches!(a, Ok(Booked::Confirmed(_))), "{a:?}");
                acknowledged.push(u);
            }
            continue;
        }
        // Nobody of a failed batch hears "confirmed".
        for a in &answers {
            let e = a
                .as_ref()
                .expect_err("a failed batch answers every member with its error");
            assert!(e.is_unavailable(), "a full disk is a 503: {e}");
        }
        failed = Some(batch);
        break;
    }
    let failed = failed.expect("the filesystem fills up");
    std::fs::remove_file(filler).unwrap();
    let after = slot(&db, 40, 0, 1).await;
    let last = users[users.len() - 1];
    assert!(matches!(book(&db, after, last).await.unwrap(), Booked::Confirmed(_)));
    for &u in &acknowledged {
        assert_eq!(
            left_by(&db, u).await,
            (1, 1, 1),
            "acknowledged booking of {u} is stored"
        );
    }
    for &(_, u) in &failed {
        assert_eq!(
            left_by(&db, u).await,
            (0, 0, 0),
            "the failed batch stored nothing of {u}"
        );
    }
    assert_eq!(seats_agree(&db).await, (0, 0));
}
