//! PV-6 on both backends: after self-deletion (AC-9) or inactivity deletion (AC-10) no
//! personal field is left in any table — users, outbox, inbox, sessions, reservations,
//! seminar registrations, failures — the usage record goes when its retention ends, and
//! the statistics read the same before and after.
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use madoguchi_app::records::usage::{self, Note};
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_app::{
    accounts::account, accounts::inactivity, console::staff, consultations::booking, consultations::no_show,
};
use madoguchi_domain::clock::{Clock, ManualClock, jst};
use madoguchi_domain::staff::Role;
use madoguchi_domain::usage::Actor;
use madoguchi_store::consultations::reservations::Details;
use madoguchi_store::{Db, accounts::users, eligibility, testing};
use sqlx::Row;
use tokio::sync::watch;

use crate::booking_under_load::office;

pub(crate) fn jst_at(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    jst().with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
}

const PASSWORD: &str = "Erase-Me-Now#2026";

/// The person's fields, each unique in the database so a leftover is found anywhere: name,
/// kana, address, email, phone, job-seeker number and user ID.
fn personal(tag: &str) -> [String; 7] {
    [
        format!("消去 {tag}子"),
        format!("ショウキョ {tag}コ"),
        format!("神戸市中央区消去町{tag}番"),
        format!("erase.{tag}@example.jp"),
        format!("078-555-{tag}"),
        format!("28011-5555{tag}"),
        format!("erase{tag}"),
    ]
}

pub(crate) async fn person(db: &Db, clock: &dyn Clock, tag: &str) -> i64 {
    let p = personal(tag);
    let hash = madoguchi_domain::password::hash(PASSWORD).unwrap();
    let mut tx = db.begin().await.unwrap();
    let u = users::NewUser {
        user_id: format!("erase{tag}"),
        user_key: format!("erase{tag}"),
        password_hash: hash,
        name: p[0].clone(),
        name_kana: p[1].clone(),
        address: p[2].clone(),
        email: p[3].clone(),
        phone: p[4].clone(),
        lang: "ja".into(),
    };
    let id = users::insert_provisional(&mut tx, &u, clock.now()).await.unwrap();
    users::activate(&mut tx, id, clock.now()).await.unwrap();
    eligibility::set_job_seeker(&mut tx, id, &p[5], NaiveDate::from_ymd_opt(2027, 12, 31).unwrap())
        .await
        .unwrap();
    eligibility::confirm_job_seeker(&mut tx, id, clock.now()).await.unwrap();
    eligibility::set_residence(&mut tx, id, "other", Some("permanent_resident"), None)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Everything a person leaves behind: a finished (no-show) and a future consultation with
/// the identification fields, mail and inbox, a session, a failed sign-in, a seminar place,
/// a staff look-up and usage entries.
pub(crate) async fn live_a_little(db: &Db, clock: &ManualClock, id: i64, tag: &str) {
    let p = personal(tag);
    let details = Details {
        topic: format!("{} の相談", p[0]),
        verify_name: p[0].clone(),
        verify_number: p[5].clone(),
        companion: format!("{} の家族", p[0]),
    };
    let past = booking::publish_slot(db, "28011", jst_at(12, 3, 10), "zoom", 1)
        .await
        .unwrap();
    let ahead = booking::publish_slot(db, "28011", jst_at(12, 17, 10), "zoom", 1)
        .await
        .unwrap();
    booking::book(db, clock, id, past, &details).await.unwrap();
    booking::book(db, clock, id, ahead, &details).await.unwrap();
    madoguchi_app::accounts::session::start(db, clock, madoguchi_store::accounts::sessions::Owner::User(id))
        .await
        .unwrap();
    // A failed sign-in leaves a failure and the limit's row, both named by the user ID.
    let failed = madoguchi_app::accounts::sign_in::sign_in(
        db,
        clock,
        &madoguchi_app::accounts::limits::Limits::for_tests(),
        &format!("erase{tag}"),
        "Not-The-Password#1",
        "192.0.2.44",
        None,
    )
    .await;
    assert!(failed.is_err());
    let counsellor = staff::member(
        db,
        madoguchi_store::accounts::staff::by_key(db, "kobe.erase")
            .await
            .unwrap()
            .unwrap()
            .id,
    )
    .await
    .unwrap()
    .unwrap();
    staff::look_up(db, clock, &counsellor, &format!("erase{tag}"), "counter")
        .await
        .unwrap();
    // Another office may look the person up (PV-4) but not act: the refused action keeps the
    // typed user ID in the audit; a suspension keeps its reason, free text about the person.
    let tokyo = madoguchi_store::accounts::staff::by_key(db, "tokyo.erase")
        .await
        .unwrap()
        .unwrap()
        .id;
    let tokyo = staff::member(db, tokyo).await.unwrap().unwrap();
    let site = madoguchi_app::shared::Site {
        base_url: "http://madoguchi.test".into(),
    };
    staff::look_up(db, clock, &tokyo, &format!("erase{tag}"), "phone")
        .await
        .unwrap();
    let refused = staff::act(
        db,
        clock,
        &site,
        &tokyo,
        &format!("erase{tag}"),
        staff::Action::Lock,
        "",
    )
    .await;
    assert!(refused.is_err());
    let reason = format!("{} さんから電話で申出", p[0]);
    staff::act(
        db,
        clock,
        &site,
        &counsellor,
        &format!("erase{tag}"),
        staff::Action::Suspend,
        &reason,
    )
    .await
    .unwrap();
    staff::act(
        db,
        clock,
        &site,
        &counsellor,
        &format!("erase{tag}"),
        staff::Action::Unsuspend,
        "",
    )
    .await
    .unwrap();
    // The office cancels a third consultation with a reason typed about the person (BK-16).
    let third = booking::publish_slot(db, "28011", jst_at(12, 10, 10), "zoom", 1)
        .await
        .unwrap();
    let third = booking::book(db, clock, id, third, &Details::default()).await.unwrap();
    madoguchi_app::consultations::schedule::record(
        db,
        clock,
        &counsellor,
        third,
        &madoguchi_app::consultations::schedule::Change::CancelByOffice {
            reason: format!("{} さんの担当者が不在のため", p[0]),
        },
    )
    .await
    .unwrap();
    let seminar = seminars::organise::create_for(
        db,
        clock,
        "28011",
        &SeminarInput {
            kind: "seminar".into(),
            title: format!("セミナー {tag}"),
            description: String::new(),
            starts_at: jst_at(12, 18, 13),
            minutes: 60,
            app: "zoom".into(),
            recorded_with_consent: false,
            capacity: 10,
            waitlist_limit: 0,
        },
        "test",
    )
    .await
    .unwrap();
    seminars::attend::register(db, clock, id, seminar).await.unwrap();
    let (stop, stopped) = watch::channel(false);
    let (rec, writer) = usage::start(
        db.clone(),
        Arc::new(ManualClock::new(clock.now())),
        tag.into(),
        365,
        stopped,
    );
    rec.record(Note {
        at: clock.now(),
        actor: Actor::User(id),
        action: "GET /me".into(),
        outcome: 200,
        client_addr: "192.0.2.44".into(),
        user_agent: "Mozilla/5.0 (Android 14; Mobile)".into(),
    })
    .await;
    stop.send(true).unwrap();
    writer.await.unwrap();
}

/// Every text value of every table, as (table, value).
pub(crate) async fn every_text(db: &Db) -> Vec<(String, String)> {
    let mut out = Vec::new();
    match db {
        Db::Sqlite(s) => {
            let tables: Vec<String> = sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
                .fetch_all(&s.read)
                .await
                .unwrap();
            for t in tables {
                let sql = format!("SELECT * FROM \"{t}\"");
                for row in sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(&s.read).await.unwrap() {
                    for i in 0..row.len() {
                        if let Ok(Some(v)) = row.try_get::<Option<String>, _>(i) {
                            out.push((t.clone(), v));
                        }
                    }
                }
            }
        }
        Db::Postgres(p) => {
            let cols: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
            )
            .fetch_all(p)
            .await
            .unwrap();
            for (t, c) in cols {
                let sql = format!("SELECT \"{c}\" FROM \"{t}\" WHERE \"{c}\" IS NOT NULL");
                for v in sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql))
                    .fetch_all(p)
                    .await
                    .unwrap()
                {
                    out.push((t.clone(), v));
                }
            }
        }
    }
    out
}

pub(crate) async fn leftovers(db: &Db, tag: &str) -> Vec<String> {
    let fields = personal(tag);
    every_text(db)
        .await
        .into_iter()
        .filter(|(_, v)| fields.iter().any(|f| v.contains(f.as_str())))
        .map(|(t, v)| format!("{t}: {v}"))
        .collect()
}

/// The counts of everything that happened up to the first deletion. (Consultations the
/// person still had ahead are cancelled as theirs when they delete the account; those count
/// on their own dates, later.)
async fn statistics(db: &Db) -> String {
    let rows = madoguchi_store::records::stats::counts(
        db,
        None,
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
    )
    .await
    .unwrap();
    format!("{rows:?}")
}

// rule PV-6 (with AC-9 and AC-10).
#[tokio::test]
async fn pv6_deletion_leaves_no_personal_field_anywhere() {
    for t in testing::both("pv6_erasure").await {
        office(&t.db).await;
        let clock = ManualClock::new(jst_at(12, 1, 10));
        staff::create(
            &t.db,
            &clock,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            None,
            Role::Counsellor,
            Some("28011"),
            "kobe.erase",
            "職員",
        )
        .await
        .unwrap();
        staff::create(
            &t.db,
            &clock,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            None,
            Role::Counsellor,
            Some("13010"),
            "tokyo.erase",
            "職員",
        )
        .await
        .unwrap();
        let (a, b) = (person(&t.db, &clock, "0001").await, person(&t.db, &clock, "0002").await);
        live_a_little(&t.db, &clock, a, "0001").await;
        live_a_little(&t.db, &clock, b, "0002").await;
        // The first consultation passes unattended: a no-show, which statistics count.
        clock.advance(Duration::days(2) + Duration::hours(1));
        no_show::sweep(&t.db, &clock).await.unwrap();
        assert!(!leftovers(&t.db, "0001").await.is_empty(), "the scan finds live data");
        let before = statistics(&t.db).await;

        // AC-9: the person deletes the account; the future consultation's seat comes back.
        account::delete(
            &t.db,
            &clock,
            &madoguchi_app::accounts::limits::Limits::for_tests(),
            a,
            PASSWORD,
        )
        .await
        .unwrap();
        assert_eq!(
            leftovers(&t.db, "0001").await,
            Vec::<String>::new(),
            "{}",
            t.db.backend()
        );
        assert!(
            !leftovers(&t.db, "0002").await.is_empty(),
            "the other person is untouched"
        );
        let free = madoguchi_store::consultations::reservations::free_slots(
            &t.db,
            "28011",
            jst_at(12, 17, 0),
            jst_at(12, 18, 0),
        )
        .await
        .unwrap();
        assert_eq!(free.len(), 1, "the deleted person's future seat is free again");
        assert_eq!(statistics(&t.db).await, before, "statistics are unchanged (PV-6)");

        // AC-10: a year without use, then the inactivity deletion.
        clock.advance(Duration::days(366));
        let site = madoguchi_app::shared::Site {
            base_url: "http://madoguchi.test".into(),
        };
        inactivity::sweep(&t.db, &clock, &site).await.unwrap();
        clock.advance(Duration::days(31));
        inactivity::sweep(&t.db, &clock, &site).await.unwrap();
        assert_eq!(
            leftovers(&t.db, "0002").await,
            Vec::<String>::new(),
            "{}",
            t.db.backend()
        );
        assert_eq!(statistics(&t.db).await, before, "statistics are unchanged (PV-6)");

        // PV-1 retention: the usage entries (address, device) go when their year is up.
        assert!(madoguchi_store::records::usage::count(&t.db).await.unwrap() > 0);
        usage::purge(&t.db, &clock, 365).await.unwrap();
        assert_eq!(madoguchi_store::records::usage::count(&t.db).await.unwrap(), 0);
        let addresses: Vec<String> = every_text(&t.db)
            .await
            .into_iter()
            .filter(|(_, v)| v == "192.0.2.44")
            .map(|(t, _)| t)
            .collect();
        assert_eq!(addresses, Vec::<String>::new(), "no client address is left");
    }
}
