//! `audit verify --day` (PV-3, issue 17): the daily check walks one JST day's chains only,
//! on both backends, and still catches an edit or an unknown chain of that day.
use std::sync::Arc;

use chrono::{NaiveDate, TimeZone, Utc};
use madoguchi_app::records::audit;
use madoguchi_app::records::usage::{self, Note};
use madoguchi_domain::clock::{Clock, ManualClock, jst};
use madoguchi_domain::usage::{Actor, Break};
use madoguchi_store::{Db, testing};
use tokio::sync::watch;

/// Records `n` entries on JST day `d` of December 2026 through a writer, stopped gracefully.
async fn write_on(db: &Db, d: u32, n: usize) {
    let at = jst()
        .with_ymd_and_hms(2026, 12, d, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let clock = Arc::new(ManualClock::new(at));
    let (stop, stopped) = watch::channel(false);
    let (rec, writer) = usage::start(db.clone(), clock.clone(), "w1".into(), 365, stopped);
    for i in 0..n {
        rec.record(Note {
            at: clock.now(),
            actor: Actor::User(1),
            action: format!("GET /me #{i}"),
            outcome: 200,
            client_addr: "192.0.2.10".into(),
            user_agent: "Mozilla/5.0".into(),
        })
        .await;
    }
    stop.send(true).unwrap();
    writer.await.unwrap();
}

async fn exec(db: &Db, sql: &'static str) {
    match db {
        Db::Sqlite(s) => sqlx::query(sql).execute(&s.write).await.map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .unwrap();
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

// rule PV-3: verifying one day reads that day's chains only, and finds an unknown chain
// named for that day and an edited entry in it; other days' problems are theirs.
#[tokio::test]
async fn pv3_verify_one_day_walks_that_day_only() {
    for t in testing::both("pv3_verify_day").await {
        let backend = t.db.backend();
        write_on(&t.db, 2, 5).await;
        write_on(&t.db, 3, 4).await;
        let d3 = audit::verify_day(&t.db, day(3)).await.unwrap();
        assert_eq!((d3.problem, d3.chains, d3.entries), (None, 1, 4), "{backend}");
        assert_eq!(d3.heads[0].0, "2026-12-03/w1");
        // Entries of a chain of the 2nd that the list of chains does not know.
        exec(
            &t.db,
            "INSERT INTO usage_records (chain_id, seq, at, actor_kind, actor_ref, action, outcome, client_addr, \
             user_agent, prev_hash, hash) SELECT '2026-12-02/ghost', seq, at, actor_kind, actor_ref, action, \
             outcome, client_addr, user_agent, prev_hash, hash FROM usage_records WHERE chain_id = '2026-12-02/w1'",
        )
        .await;
        assert_eq!(
            audit::verify_day(&t.db, day(3)).await.unwrap().problem,
            None,
            "{backend}"
        );
        assert_eq!(
            audit::verify_day(&t.db, day(2)).await.unwrap().problem,
            Some(Break::Orphan {
                chain: "2026-12-02/ghost".into()
            }),
            "{backend}"
        );
        exec(
            &t.db,
            "UPDATE usage_records SET client_addr = '198.51.100.7' WHERE chain_id = '2026-12-03/w1' AND seq = 2",
        )
        .await;
        let problem = audit::verify_day(&t.db, day(3)).await.unwrap().problem;
        assert!(
            matches!(problem, Some(Break::Edited { seq: 2, .. })),
            "{backend}: {problem:?}"
        );
        // The full walk sees the first problem of all.
        assert!(audit::verify(&t.db).await.unwrap().problem.is_some(), "{backend}");
    }
}
