//! Issue 17 (national scale): the request paths that must not read a whole table at national
//! size (2,000,000 accounts, a year of consultations) are answered from the indexes of
//! migrations 0036 and 0038, on both backends. PostgreSQL is asked with sequential scans
//! discouraged, since on a test's few rows a scan is cheapest; what matters is that an index
//! can serve.
use madoguchi_store::{Db, testing};

/// The plan of `sql` as text, one line per row.
async fn plan(db: &Db, sql: &str) -> String {
    match db {
        Db::Sqlite(s) => {
            let rows: Vec<(i64, i64, i64, String)> =
                sqlx::query_as(sqlx::AssertSqlSafe(format!("EXPLAIN QUERY PLAN {sql}")))
                    .fetch_all(&s.read)
                    .await
                    .unwrap();
            rows.into_iter().map(|r| r.3).collect::<Vec<_>>().join("\n")
        }
        Db::Postgres(p) => {
            let mut c = p.acquire().await.unwrap();
            sqlx::query("SET enable_seqscan = off").execute(&mut *c).await.unwrap();
            let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("EXPLAIN {sql}")))
                .fetch_all(&mut *c)
                .await
                .unwrap();
            sqlx::query("RESET enable_seqscan").execute(&mut *c).await.unwrap();
            rows.join("\n")
        }
    }
}

/// Whether the schema has index `name`.
async fn has_index(db: &Db, name: &str) -> bool {
    let n: i64 = match db {
        Db::Sqlite(s) => sqlx::query_scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = $1")
            .bind(name)
            .fetch_one(&s.read)
            .await
            .unwrap(),
        Db::Postgres(p) => sqlx::query_scalar("SELECT COUNT(*) FROM pg_indexes WHERE indexname = $1")
            .bind(name)
            .fetch_one(p)
            .await
            .unwrap(),
    };
    n == 1
}

#[tokio::test]
async fn national_paths_use_their_indexes() {
    let cases: [(&str, &str, &str); 7] = [
        (
            "the counsellor's day",
            "SELECT r.id FROM reservations r JOIN slots s ON s.id = r.slot_id
             WHERE r.office_code = '13101' AND r.local_date = '2026-12-02' ORDER BY s.starts_at, r.id",
            "reservations_office_day",
        ),
        (
            "My Page's reservations",
            "SELECT r.id FROM reservations r JOIN slots s ON s.id = r.slot_id WHERE r.user_ref = 7
             ORDER BY s.starts_at DESC, r.id DESC",
            "reservations_user",
        ),
        (
            // Migration 0038: the start is the reservation's own, so no probe into `slots`.
            "an office's statistics",
            "SELECT r.starts_at, COUNT(*) FROM reservations r
             WHERE r.state IN ('attended', 'no_show') AND r.local_date >= '2025-12-01'
               AND r.local_date < '2026-12-01' AND r.office_code = '13101' GROUP BY r.starts_at",
            "reservations_office_day",
        ),
        (
            "accounts due the inactivity notice (AC-10)",
            "SELECT id FROM users WHERE state = 'active' AND inactivity_notice_at IS NULL
             AND COALESCE(last_sign_in_at, verified_at, created_at) < '2026-01-01'
             ORDER BY COALESCE(last_sign_in_at, verified_at, created_at), id",
            "users_due_notice",
        ),
        (
            "accounts due deletion (AC-10)",
            "SELECT id FROM users WHERE state = 'active' AND inactivity_notice_at <= '2026-01-01'
             AND COALESCE(last_sign_in_at, verified_at, created_at) < '2026-01-01' ORDER BY inactivity_notice_at, id",
            "users_noticed",
        ),
        (
            "a person's requests",
            "SELECT id FROM reservation_requests WHERE user_ref = 7 ORDER BY id DESC",
            "reservation_requests_user",
        ),
        (
            // BK-11, as `reservations::mark_no_shows` asks every minute: the coming
            // consultations only (migration 0038), not a year of finished ones.
            "the no-show sweep",
            "SELECT id, user_ref FROM reservations
             WHERE state = 'confirmed' AND joined_at IS NULL AND starts_at <= '2026-12-01' ORDER BY starts_at, id",
            "reservations_no_show_due",
        ),
    ];
    for t in testing::both("national_plans").await {
        for (_, _, index) in cases {
            assert!(has_index(&t.db, index).await, "{index} on {}", t.db.backend());
        }
        // The statistics no longer join `slots` for the start (migration 0038).
        let stats = madoguchi_store::records::stats::ONE_OFFICE;
        assert!(!stats.contains("JOIN slots"), "{stats}");
        let p = plan(
            &t.db,
            &stats
                .replace("$1", "'2025-12-01'")
                .replace("$2", "'2026-12-01'")
                .replace("$3", "'13101'"),
        )
        .await;
        // (PostgreSQL may take another index of `reservations` on a test's empty tables.)
        let indexed = p.contains("reservations_office_day") || matches!(t.db, Db::Postgres(_));
        assert!(
            indexed && !p.contains("slots"),
            "an office's statistics on {}:\n{p}",
            t.db.backend()
        );
        for (what, sql, index) in cases {
            let p = plan(&t.db, sql).await;
            // On a test's empty tables PostgreSQL may as well take the one-per-day index for a
            // range of dates; the national set's plan is in docs/performance.md.
            let either = matches!(t.db, Db::Postgres(_)) && what == "an office's statistics";
            assert!(
                p.contains(index) || (either && p.contains("Index Scan")),
                "{what} on {}: expected {index} in\n{p}",
                t.db.backend()
            );
        }
        // `audit verify --day`: a range of the (chain_id, seq) index, not the whole table.
        let p = plan(
            &t.db,
            "SELECT DISTINCT chain_id FROM usage_records WHERE chain_id >= '2026-11-30/' AND chain_id < '2026-11-300'
             AND chain_id NOT IN (SELECT id FROM usage_chains) ORDER BY chain_id",
        )
        .await;
        assert!(
            !p.contains("SCAN usage_records") && !p.contains("Seq Scan on usage_records"),
            "one day's orphans on {}:\n{p}",
            t.db.backend()
        );
    }
}
