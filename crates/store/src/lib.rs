//! Madoguchi's storage: one `Db` value over SQLite or PostgreSQL, chosen from the URL.
//!
//! SQL is shared where the dialects agree (sqlx's SQLite driver accepts `$1`), and the
//! `read!`/`write!`/`in_tx!` macros expand the same code once per backend so the types
//! stay exact. Invariants live in the schema and in conditional statements.

pub mod accounts;
pub mod backup;
pub mod closures;
mod connect;
pub mod consultations;
pub mod eligibility;
pub mod gauges;
pub mod interviews;
pub mod lease;
pub mod mail;
pub mod notices;
pub mod offices;
pub mod records;
pub mod room;
pub mod selection;
pub mod seminars;
pub mod testing;
pub mod translations;
mod url;
pub mod writer;
pub mod zoom;

use sqlx::{Postgres, Sqlite, SqlitePool, postgres::PgPool};

pub use connect::{PoolSizes, connect};
pub use url::{DatabaseUrl, UrlError, redact};

/// The database, either embedded SQLite or shared PostgreSQL.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqliteDb),
    Postgres(PgPool),
}

/// SQLite with readers in parallel and exactly one writer connection, so writers
/// queue in the pool instead of failing with "database is locked".
#[derive(Clone, Debug)]
pub struct SqliteDb {
    pub read: SqlitePool,
    pub write: SqlitePool,
    /// Writes that share the writer's next transaction (group commit, see `writer`).
    pub batches: writer::Batches,
}

/// A transaction on either backend. Dropping it without `commit` rolls back; `commit`
/// reports success only when the database committed.
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, Sqlite>),
    Postgres(sqlx::Transaction<'static, Postgres>),
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Url(#[from] UrlError),
    #[error("cannot reach the database at {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("database migration failed: {0}")]
    Migrate(String),
    #[error("database error: {0}")]
    Sql(#[source] sqlx::Error),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// One failure that several callers share: a batch's commit (see `writer`).
    #[error(transparent)]
    Shared(std::sync::Arc<StoreError>),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        // sqlx counts no pool waits; a wait that ran out is the one we can see (issue 17).
        if matches!(e, sqlx::Error::PoolTimedOut) {
            metrics::counter!("madoguchi_db_pool_timeouts_total").increment(1);
        }
        Self::Sql(e)
    }
}

impl StoreError {
    /// True for a unique or primary-key violation: the caller maps it to 409.
    pub fn is_unique_violation(&self) -> bool {
        match self {
            Self::Shared(e) => e.is_unique_violation(),
            e => matches!(e, Self::Sql(sqlx::Error::Database(e)) if e.is_unique_violation()),
        }
    }

    /// True when the database could not be reached or could not store anything (disk full,
    /// I/O error, read-only or damaged file, a server refusing connections): the caller
    /// maps it to 503. Refusals caused by the data itself (constraints) are not.
    pub fn is_unavailable(&self) -> bool {
        match self {
            Self::Shared(e) => e.is_unavailable(),
            Self::Unreachable { .. } => true,
            Self::Sql(
                sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::WorkerCrashed,
            ) => true,
            Self::Sql(sqlx::Error::Database(e)) => match self.sqlite_code() {
                // BUSY, LOCKED, NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB.
                Some(c) => matches!(c, 5 | 6 | 7 | 8 | 10 | 11 | 13 | 14 | 15 | 26),
                // Connection exceptions, insufficient resources (disk full), operator
                // intervention (shutdown), system errors (I/O), a read-only server, a
                // database closed to connections.
                None => {
                    let code = e.code().unwrap_or_default();
                    ["08", "53", "57", "58"].iter().any(|class| code.starts_with(class))
                        || code == "25006"
                        || code == "55000"
                }
            },
            _ => false,
        }
    }

    /// The primary SQLite result code (the low byte of the extended one), for an SQLite error.
    pub fn sqlite_code(&self) -> Option<i32> {
        if let Self::Shared(e) = self {
            return e.sqlite_code();
        }
        let Self::Sql(sqlx::Error::Database(e)) = self else {
            return None;
        };
        e.try_downcast_ref::<sqlx::sqlite::SqliteError>()?;
        Some(e.code().and_then(|c| c.parse::<i32>().ok()).unwrap_or(0) & 0xff)
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Runs `$body` with `$c` bound to a pool that may only read.
#[macro_export]
macro_rules! read {
    ($db:expr, |$c:ident| $body:expr) => {
        match $db {
            $crate::Db::Sqlite(s) => {
                let $c = &s.read;
                $body
            }
            $crate::Db::Postgres(p) => {
                let $c = p;
                $body
            }
        }
    };
}

/// Runs `$body` with `$c` bound to the pool that writes.
#[macro_export]
macro_rules! write {
    ($db:expr, |$c:ident| $body:expr) => {
        match $db {
            $crate::Db::Sqlite(s) => {
                let $c = &s.write;
                $body
            }
            $crate::Db::Postgres(p) => {
                let $c = p;
                $body
            }
        }
    };
}

/// Runs `$body` with `$c` bound to the transaction's connection.
#[macro_export]
macro_rules! in_tx {
    ($tx:expr, |$c:ident| $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

impl Db {
    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }

    /// Applies the embedded migrations of this backend (append-only files).
    pub async fn migrate(&self) -> Result<()> {
        let outcome = match self {
            Self::Sqlite(s) => sqlx::migrate!("../../migrations/sqlite").run(&s.write).await,
            Self::Postgres(p) => sqlx::migrate!("../../migrations/postgres").run(p).await,
        };
        outcome.map_err(|e| match e {
            // The database itself refused (damaged, full, locked): keep its code.
            sqlx::migrate::MigrateError::Execute(e @ sqlx::Error::Database(_)) => {
                let e = StoreError::Sql(e);
                if e.is_unavailable() {
                    e
                } else {
                    StoreError::Migrate(e.to_string())
                }
            }
            e => StoreError::Migrate(e.to_string()),
        })
    }

    /// Readiness: one round trip to the database.
    pub async fn ping(&self) -> Result<()> {
        read!(self, |c| sqlx::query("SELECT 1")
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Starts a write transaction. On SQLite it takes the single writer connection with
    /// `BEGIN IMMEDIATE`, never as a savepoint inside a transaction left open (see `writer`).
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Self::Sqlite(s) => Tx::Sqlite(writer::begin_sqlite(&s.write).await?),
            Self::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    pub async fn close(&self) {
        match self {
            Self::Sqlite(s) => {
                s.read.close().await;
                s.write.close().await;
            }
            Self::Postgres(p) => p.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Self::Sqlite(t) => t.commit().await?,
            Self::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}
