//! Fresh databases for tests on both backends: a new SQLite file, and a new PostgreSQL
//! database on the server named by `MADOGUCHI_TEST_POSTGRES` (default: the local one).
//! Outside CI an unreachable PostgreSQL is skipped with a warning; with `CI=true` it fails.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::{DatabaseUrl, Db, PoolSizes, connect};

pub const DEFAULT_TEST_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/postgres";

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A database made for one test. Dropping it leaves the data for inspection; names are unique.
pub struct TestDb {
    pub db: Db,
    pub url: DatabaseUrl,
}

fn unique(name: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "mdg_{}_{}_{n}_{nanos}",
        name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
        std::process::id()
    )
}

/// A migrated SQLite database in a new file under the system temp directory.
pub async fn sqlite(name: &str) -> Result<TestDb, String> {
    let path: PathBuf = std::env::temp_dir()
        .join("madoguchi-tests")
        .join(format!("{}.db", unique(name)));
    let url = DatabaseUrl::Sqlite(path);
    let db = connect(&url, PoolSizes::for_tests()).await.map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    Ok(TestDb { db, url })
}

/// A migrated, newly created PostgreSQL database, or `None` when the server is
/// unreachable outside CI.
pub async fn postgres(name: &str) -> Result<Option<TestDb>, String> {
    let admin_url = std::env::var("MADOGUCHI_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_TEST_POSTGRES.to_owned());
    let admin_url: DatabaseUrl = admin_url.parse().map_err(|e| format!("{e}"))?;
    let admin = match connect(
        &admin_url,
        // A short wait here: outside CI an absent server is skipped, not waited for.
        PoolSizes {
            postgres: 2,
            ..PoolSizes::default()
        },
    )
    .await
    {
        Ok(db) => db,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("warning: PostgreSQL skipped ({e}); set CI=true to make this a failure");
            return Ok(None);
        }
        Err(e) => return Err(format!("PostgreSQL is required in CI: {e}")),
    };
    let db_name = unique(name);
    let Db::Postgres(pool) = &admin else {
        return Err("MADOGUCHI_TEST_POSTGRES must be a postgres:// URL".into());
    };
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db_name}")))
        .execute(pool)
        .await
        .map_err(|e| e.to_string())?;
    admin.close().await;
    let DatabaseUrl::Postgres(base) = &admin_url else {
        return Err("not a postgres URL".into());
    };
    let url: DatabaseUrl = replace_db_name(base, &db_name).parse().map_err(|e| format!("{e}"))?;
    let db = connect(
        &url,
        PoolSizes {
            postgres: 8,
            ..PoolSizes::for_tests()
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    db.migrate().await.map_err(|e| e.to_string())?;
    Ok(Some(TestDb { db, url }))
}

/// Both backends, SQLite first. Panics (fails the test) if a required backend cannot be set up.
#[allow(clippy::panic)]
pub async fn both(name: &str) -> Vec<TestDb> {
    let mut out = Vec::with_capacity(2);
    match sqlite(name).await {
        Ok(db) => out.push(db),
        Err(e) => panic!("SQLite test database: {e}"),
    }
    match postgres(name).await {
        Ok(Some(db)) => out.push(db),
        Ok(None) => {}
        Err(e) => panic!("{e}"),
    }
    out
}

fn replace_db_name(url: &str, db: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, format!("?{q}")),
        None => (url, String::new()),
    };
    let after_scheme = head.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match head[after_scheme..].find('/') {
        Some(i) => &head[..after_scheme + i],
        None => head,
    };
    format!("{base}/{db}{query}")
}
