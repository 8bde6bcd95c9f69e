//! Opening the pools: SQLite in WAL mode with a busy timeout and one writer; PostgreSQL as given.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

use crate::{DatabaseUrl, Db, Result, SqliteDb, StoreError};

/// How many connections each pool may open.
#[derive(Debug, Clone, Copy)]
pub struct PoolSizes {
    pub sqlite_readers: u32,
    pub postgres: u32,
    /// How long to wait for a connection, including the first one at start-up.
    pub acquire_timeout: Duration,
}

impl Default for PoolSizes {
    fn default() -> Self {
        Self {
            sqlite_readers: 4,
            postgres: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

impl PoolSizes {
    /// For tests: the default sizes with a long wait for a connection, so a busy machine
    /// slows a test down instead of failing it (tests never depend on the machine's speed).
    pub fn for_tests() -> Self {
        Self {
            acquire_timeout: Duration::from_secs(300),
            ..Self::default()
        }
    }
}

/// Connects and proves the database answers, so a bad URL fails at start-up, not at the first request.
pub async fn connect(url: &DatabaseUrl, sizes: PoolSizes) -> Result<Db> {
    let unreachable = |e: &dyn std::fmt::Display| StoreError::Unreachable {
        url: url.to_string(),
        reason: crate::redact(&e.to_string()),
    };
    // SQLite's own refusals (not a database, damaged, cannot open) keep their code, so the
    // CLI can say what is wrong with which file.
    let failed = |e: sqlx::Error| match e {
        sqlx::Error::Database(_) if matches!(url, DatabaseUrl::Sqlite(_)) => StoreError::Sql(e),
        e => unreachable(&e),
    };
    let db = match url {
        DatabaseUrl::Sqlite(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| unreachable(&e))?;
            }
            let opts = SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true);
            // The writer opens first so the file and WAL mode exist before any reader.
            let write = crate::writer::sqlite_writer_pool()
                .acquire_timeout(sizes.acquire_timeout.max(Duration::from_secs(30)))
                .connect_with(opts.clone())
                .await
                .map_err(failed)?;
            let read = SqlitePoolOptions::new()
                .max_connections(sizes.sqlite_readers.max(1))
                .acquire_timeout(sizes.acquire_timeout)
                .connect_with(opts.read_only(true))
                .await
                .map_err(failed)?;
            let batches = crate::writer::Batches::start(write.clone());
            Db::Sqlite(SqliteDb { read, write, batches })
        }
        DatabaseUrl::Postgres(s) => {
            let opts = PgConnectOptions::from_str(s).map_err(|e| unreachable(&e))?;
            let pool = PgPoolOptions::new()
                .max_connections(sizes.postgres.max(1))
                .acquire_timeout(sizes.acquire_timeout)
                .connect_with(opts)
                .await
                .map_err(|e| unreachable(&e))?;
            Db::Postgres(pool)
        }
    };
    db.ping().await.map_err(|e| match e {
        StoreError::Sql(e) => failed(e),
        e => unreachable(&e),
    })?;
    Ok(db)
}
