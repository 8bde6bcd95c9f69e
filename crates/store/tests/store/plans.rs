//! Issue 17 (national scale): the request paths that must not read a whole table at national
//! size (2,000,000 accounts, a year of consultations) are answered from the indexes of
//! migration 0036, on both backends. PostgreSQL is asked with sequential scans discouraged,
//! since on a test's few rows a scan is cheapest; what matters is that an index can serve.
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

#[tokio::test]
async fn national_paths_use_their_indexes() {
    let cases: [(&str, &str, &str); 6] = [
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
            "an office's statistics",
            "SELECT COUNT(*) FROM reservations r JOIN slots s ON s.id = r.slot_id
             WHERE r.state IN ('attended', 'no_show') AND r.local_date >= '2025-12-01'
               AND r.local_date < '2026-12-01' AND r.office_code = '13101'",
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
    ];
    for t in testing::both("national_plans").await {
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
