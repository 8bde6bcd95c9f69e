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
//!
//! Group commit (issue 17, item 5): writes sent through `Batches` (the bookings) that queue
//! while the writer is busy share one transaction, each inside its own savepoint. A member
//! that fails is rolled back to its savepoint alone and answered with its own error; the
//! others stand. Nobody is answered before the COMMIT: if it fails, every member gets that
//! failure and nothing of the batch is stored.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};
use sqlx::Connection;
use sqlx::sqlite::{Sqlite, SqliteArguments, SqliteConnection, SqlitePool, SqlitePoolOptions, SqliteRow};
use tokio::sync::{mpsc, oneshot};

use crate::{Db, Result, StoreError, write};

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

/// At most this many writes share one transaction: a batch holds the write lock for all of
/// them, so other writers (sessions, usage, mail) wait at most one batch.
const MAX_BATCH: usize = 64;

/// One write of a batch: its statements, their arguments and where its rows go.
struct Member {
    sql: String,
    args: SqliteArguments,
    answer: oneshot::Sender<Result<Vec<SqliteRow>>>,
}

/// The queue of writes waiting for the next shared transaction on the SQLite writer. One
/// task per database takes them; it ends when the last clone of the `Db` is dropped.
#[derive(Clone, Debug)]
pub struct Batches {
    queue: mpsc::UnboundedSender<Member>,
    waiting: Arc<AtomicUsize>,
}

impl Batches {
    /// Starts the task that commits queued writes on `pool` (the one writer connection).
    pub(crate) fn start(pool: SqlitePool) -> Self {
        let (queue, rx) = mpsc::unbounded_channel();
        let waiting = Arc::new(AtomicUsize::new(0));
        tokio::spawn(run(pool, rx, waiting.clone()));
        Self { queue, waiting }
    }

    /// Writes sent and not yet taken into a transaction.
    pub fn waiting(&self) -> usize {
        self.waiting.load(Ordering::Relaxed)
    }

    /// Runs `sql` (one or more statements, the rows of all of them returned) in the next
    /// shared transaction and answers once that transaction committed. An error of its own
    /// leaves nothing of it stored; a failed commit is every member's error.
    pub(crate) async fn write(&self, sql: String, args: SqliteArguments) -> Result<Vec<SqliteRow>> {
        let (answer, answered) = oneshot::channel();
        self.waiting.fetch_add(1, Ordering::Relaxed);
        if self.queue.send(Member { sql, args, answer }).is_err() {
            self.waiting.fetch_sub(1, Ordering::Relaxed);
            return Err(sqlx::Error::PoolClosed.into());
        }
        // The task never drops a member unanswered unless the runtime is going away.
        answered.await.map_err(|_| StoreError::from(sqlx::Error::PoolClosed))?
    }
}

async fn run(pool: SqlitePool, mut rx: mpsc::UnboundedReceiver<Member>, waiting: Arc<AtomicUsize>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let tx = begin_sqlite(&pool).await;
        // Whatever queued while the write lock was being taken joins this batch too.
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(m) => batch.push(m),
                Err(_) => break,
            }
        }
        waiting.fetch_sub(batch.len(), Ordering::Relaxed);
        // Their ratio is the mean batch size: how many bookings shared a commit.
        metrics::counter!("madoguchi_db_write_batches_total").increment(1);
        metrics::counter!("madoguchi_db_batched_writes_total").increment(batch.len() as u64);
        match tx {
            Ok(tx) => commit_batch(tx, &mut batch).await,
            Err(e) => answer_all(std::mem::take(&mut batch).into_iter().map(|m| m.answer), e),
        }
    }
}

/// Runs each member in its own savepoint, then commits once and answers everyone.
async fn commit_batch(mut tx: sqlx::Transaction<'static, Sqlite>, batch: &mut Vec<Member>) {
    let mut done = Vec::with_capacity(batch.len());
    let mut members = std::mem::take(batch).into_iter();
    while let Some(m) = members.next() {
        // One round trip per member: the savepoint and its release travel with its statements.
        let sql = format!("SAVEPOINT member;\n{}\nRELEASE member;", m.sql);
        let rows = sqlx::query_with(sqlx::AssertSqlSafe(sql), m.args)
            .fetch_all(&mut *tx)
            .await;
        match rows {
            Ok(rows) => done.push((m.answer, Ok(rows))),
            Err(e) => {
                // Only this member is undone. If even that fails (SQLite may have rolled the
                // whole transaction back on its own, e.g. on a full disk), so does the batch.
                if let Err(undo) = undo_member(&mut tx).await {
                    tracing::warn!("a shared write transaction was lost after a member failed ({e}): {undo}");
                    drop(tx);
                    let answers = done.into_iter().map(|(a, _)| a).chain([m.answer]);
                    answer_all(answers.chain(members.map(|m| m.answer)), undo);
                    return;
                }
                done.push((m.answer, Err(e.into())));
            }
        }
    }
    match tx.commit().await {
        Ok(()) => {
            for (answer, outcome) in done {
                let _ = answer.send(outcome);
            }
        }
        Err(e) => {
            tracing::warn!(members = done.len(), "a shared write transaction failed to commit: {e}");
            answer_all(done.into_iter().map(|(a, _)| a), e.into());
        }
    }
}

async fn undo_member(tx: &mut SqliteConnection) -> Result<()> {
    sqlx::raw_sql("ROLLBACK TO member; RELEASE member;").execute(tx).await?;
    Ok(())
}

/// One failure answered to every member of a batch.
fn answer_all(answers: impl Iterator<Item = oneshot::Sender<Result<Vec<SqliteRow>>>>, e: StoreError) {
    let e = Arc::new(e);
    for answer in answers {
        let _ = answer.send(Err(StoreError::Shared(e.clone())));
    }
}
