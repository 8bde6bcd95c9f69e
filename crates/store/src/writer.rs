//! The write path after a failure (issue 11): the SQLite writer connection is clean again
//! after any failed statement or commit, and readiness asks whether a write commits now.
//!
//! What went wrong before: when a COMMIT fails (disk full, I/O error) SQLite may roll the
//! transaction back on its own; sqlx's ROLLBACK then fails as well and its count of open
//! transactions stays at one. The next `begin` opened a SAVEPOINT instead of a transaction,
//! and when that one failed too, `ROLLBACK TO` left a transaction open that nobody would
//! commit: later writes answered success and vanished, and other processes found the
//! database locked. Two guards make that impossible:
//! - every write transaction starts with `BEGIN IMMEDIATE`; sqlx refuses a custom `BEGIN`
//!   on a connection it counts as inside a transaction, so a write transaction is never
//!   nested into a savepoint (and its COMMIT is a real one);
//! - the pool never hands out a writer connection that is still inside a transaction: on
//!   release such a connection is closed, which rolls back whatever SQLite still holds, and
//!   the pool opens a fresh one for the next writer.

use chrono::{DateTime, Utc};
use sqlx::Connection;
use sqlx::sqlite::{Sqlite, SqlitePool, SqlitePoolOptions};

use crate::{Db, Result, write};

/// Pool options of the one SQLite writer connection.
pub(crate) fn sqlite_writer_pool() -> SqlitePoolOptions {
    SqlitePoolOptions::new().max_connections(1).after_release(|conn, _| {
        Box::pin(async move {
            // The round trip lets a rollback queued by a dropped transaction run first,
            // so only a connection that really is left inside a transaction is replaced.
            conn.ping().await?;
            if conn.is_in_transaction() {
                tracing::warn!("the SQLite writer connection was left inside a transaction; it is closed and replaced");
                return Ok(false);
            }
            Ok(true)
        })
    })
}

/// Starts a write transaction on the SQLite writer: `BEGIN IMMEDIATE` takes the write lock
/// at once (other processes wait on the busy timeout instead of failing halfway through).
pub(crate) async fn begin_sqlite(pool: &SqlitePool) -> Result<sqlx::Transaction<'static, Sqlite>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// Readiness (issue 11): one real write, committed on its own. A full disk, a read-only or
/// damaged file, or a database that refuses writes reads as "cannot write"; as soon as a
/// write commits again, so does this. The row is no job's lease.
pub async fn probe(db: &Db, now: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "INSERT INTO job_leases (name, owner, expires_at) VALUES ('write-probe', 'readiness', $1)
        ON CONFLICT (name) DO UPDATE SET expires_at = excluded.expires_at";
    write!(db, |c| sqlx::query(SQL).bind(now).execute(c).await.map(|_| ()))?;
    Ok(())
}
