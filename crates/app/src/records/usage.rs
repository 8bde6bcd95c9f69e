//! Recording usage (PV-1) off the request path: requests hand entries to a channel, and one
//! writer task per process links them into its chain (PV-3) and writes them in batches. A
//! graceful shutdown drains the channel before the process exits, so nothing is lost while
//! the database takes writes; a full channel makes requests wait rather than drop entries.
//! A database that takes nothing cannot hold the process (issue 11): once told to stop,
//! the writer keeps trying only until its deadline, then counts what it could not write.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use madoguchi_domain::clock::{Clock, jst, monotonic};
use madoguchi_domain::usage::{self, Actor, Entry, Stored};
use madoguchi_store::Db;
use tokio::sync::{mpsc, watch};

use crate::AppError;

/// What a request hands over; the writer adds the chain, number and links.
#[derive(Debug, Clone)]
pub struct Note {
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub action: String,
    pub outcome: i32,
    pub client_addr: String,
    pub user_agent: String,
}

/// The requests' end of the channel. `off()` records nothing (a setting, and the
/// baseline of the overhead benchmark).
#[derive(Clone, Debug)]
pub struct Recorder {
    tx: Option<mpsc::Sender<Note>>,
    /// How long entries are kept (PV-1), shown on the privacy page.
    pub retention_days: i64,
    /// Entries the writer gave up on when it stopped (see `unwritten`).
    unwritten: Arc<AtomicUsize>,
}

impl Recorder {
    pub fn off(retention_days: i64) -> Self {
        Self {
            tx: None,
            retention_days,
            unwritten: Arc::default(),
        }
    }

    /// After the writer has stopped: how many entries it could not write before its deadline.
    pub fn unwritten(&self) -> usize {
        self.unwritten.load(Ordering::SeqCst)
    }

    pub fn is_on(&self) -> bool {
        self.tx.is_some()
    }

    /// Entries waiting for the writer now (`/metrics`): a queue that keeps growing means
    /// the database cannot keep up, and at `QUEUE` requests start to wait.
    pub fn queued(&self) -> usize {
        self.tx.as_ref().map_or(0, |tx| tx.max_capacity() - tx.capacity())
    }

    /// Hands one entry to the writer; waits only when the writer is far behind.
    pub async fn record(&self, mut note: Note) {
        let Some(tx) = &self.tx else { return };
        if note.user_agent.len() > usage::MAX_USER_AGENT {
            let mut cut = usage::MAX_USER_AGENT;
            while !note.user_agent.is_char_boundary(cut) {
                cut -= 1;
            }
            note.user_agent.truncate(cut);
        }
        if tx.send(note).await.is_err() {
            tracing::error!("usage record writer has stopped; an entry was not recorded");
        }
    }
}

/// Entries waiting in memory before requests wait for the writer.
const QUEUE: usize = 20_000;
/// Most entries written in one transaction.
const BATCH: usize = 1_000;
/// How long a writer told to stop with `true` (or left without a sender) keeps trying.
pub const STOP_GRACE: StdDuration = StdDuration::from_secs(30);

/// What tells the writer to stop: `true` (it then keeps trying for `STOP_GRACE`), or the
/// instant by which it must be done (`serve` passes the end of its grace period).
pub trait StopAt: Send + Sync + 'static {
    /// `None` while the writer should run on.
    fn deadline(&self) -> Option<Instant>;
}

impl StopAt for bool {
    fn deadline(&self) -> Option<Instant> {
        self.then(|| monotonic() + STOP_GRACE)
    }
}

impl StopAt for Option<Instant> {
    fn deadline(&self) -> Option<Instant> {
        *self
    }
}

/// Starts the writer. `instance` names this process's chains; `stop` drains and seals.
/// What it could not write before its deadline is counted in `Recorder::unwritten`.
pub fn start<S: StopAt>(
    db: Db,
    clock: Arc<dyn Clock>,
    instance: String,
    retention_days: i64,
    stop: watch::Receiver<S>,
) -> (Recorder, tokio::task::JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(QUEUE);
    let writer = Writer {
        db,
        clock,
        instance,
        chain: None,
    };
    let unwritten = Arc::new(AtomicUsize::new(0));
    let count = unwritten.clone();
    let handle = tokio::spawn(async move {
        let n = writer.run(rx, Stopping { stop, deadline: None }).await;
        count.store(n, Ordering::SeqCst);
    });
    (
        Recorder {
            tx: Some(tx),
            retention_days,
            unwritten,
        },
        handle,
    )
}

/// The stop signal and, once it came, the deadline it set.
struct Stopping<S> {
    stop: watch::Receiver<S>,
    deadline: Option<Instant>,
}

impl<S: StopAt> Stopping<S> {
    /// Resolves when told to stop, with the deadline.
    async fn told(&mut self) -> Instant {
        if let Some(d) = self.deadline {
            return d;
        }
        loop {
            let deadline = self.stop.borrow_and_update().deadline();
            if let Some(d) = deadline {
                self.deadline = Some(d);
                return d;
            }
            if self.stop.changed().await.is_err() {
                // The sender is gone without a word: stop, as if told to.
                let d = monotonic() + STOP_GRACE;
                self.deadline = Some(d);
                return d;
            }
        }
    }

    /// Resolves once told to stop and the deadline has passed.
    async fn out_of_time(&mut self) {
        let d = self.told().await;
        tokio::time::sleep_until(tokio::time::Instant::from_std(d)).await;
    }
}

/// The chain being written: its JST day, name, last number and hash.
struct Current {
    day: NaiveDate,
    id: String,
    started_at: DateTime<Utc>,
    seq: i64,
    hash: String,
}

struct Writer {
    db: Db,
    clock: Arc<dyn Clock>,
    instance: String,
    chain: Option<Current>,
}

impl Writer {
    async fn run<S: StopAt>(mut self, mut rx: mpsc::Receiver<Note>, mut stopping: Stopping<S>) -> usize {
        let mut batch = Vec::with_capacity(BATCH);
        let (mut unwritten, mut in_time) = (0, true);
        while stopping.deadline.is_none() {
            tokio::select! {
                got = rx.recv() => match got {
                    Some(n) => batch.push(n),
                    // Every recorder is gone: finish as if told to stop.
                    None => {
                        stopping.deadline = Some(monotonic() + STOP_GRACE);
                        break;
                    }
                },
                _ = stopping.told() => break,
            }
            while batch.len() < BATCH {
                match rx.try_recv() {
                    Ok(n) => batch.push(n),
                    Err(_) => break,
                }
            }
            // Retries while the server runs; a stop during the retries ends them at its deadline.
            in_time = self.flush(&mut batch, &mut stopping).await;
        }
        // Stopping: no new entries; what is queued is written until the deadline.
        rx.close();
        while let Some(n) = rx.recv().await {
            if !in_time {
                unwritten += 1;
                continue;
            }
            batch.push(n);
            if batch.len() >= BATCH {
                in_time = self.flush(&mut batch, &mut stopping).await;
            }
        }
        if in_time {
            in_time = self.flush(&mut batch, &mut stopping).await;
        }
        unwritten += batch.len();
        if in_time && let Some(c) = &self.chain {
            let deadline = stopping.told().await;
            let seal = madoguchi_store::records::usage::seal(&self.db, &c.id, self.clock.now());
            match tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), seal).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e, "could not seal the usage chain"),
                Err(_) => tracing::warn!("the usage chain was not sealed before the deadline; it stays open"),
            }
        }
        if unwritten > 0 {
            // Counted once, without their content (PV-1 entries are personal data).
            tracing::error!(
                entries = unwritten,
                "usage entries could not be written before stopping (the database did not take them in time)"
            );
        }
        unwritten
    }

    /// Writes the batch, retrying with back-off until the database takes it, so entries are
    /// not dropped while the server runs. Once told to stop it tries only until the
    /// deadline: `false` then means the batch (what is left of it) was not written.
    async fn flush<S: StopAt>(&mut self, batch: &mut Vec<Note>, stopping: &mut Stopping<S>) -> bool {
        let mut wait = StdDuration::from_millis(100);
        while !batch.is_empty() {
            let written = tokio::select! {
                r = self.write(batch) => r,
                () = stopping.out_of_time() => return false,
            };
            if let Err(e) = written {
                tracing::warn!(error = %e, entries = batch.len(), "usage record not written yet; retrying");
                tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    () = stopping.out_of_time() => return false,
                }
                wait = (wait * 2).min(StdDuration::from_secs(5));
            }
        }
        true
    }

    /// Links the batch into the chains of its JST days and writes each day's part; a part
    /// leaves the batch as soon as it is written, so a retry never writes it twice. A chain
    /// never goes back a day: an entry stamped just before midnight that arrives after one
    /// stamped just after it joins the new day's chain (its own time is kept).
    async fn write(&mut self, batch: &mut Vec<Note>) -> Result<(), AppError> {
        while !batch.is_empty() {
            let floor = self.chain.as_ref().map(|c| c.day);
            let day_of = |n: &Note| {
                let d = n.at.with_timezone(&jst()).date_naive();
                floor.map_or(d, |f| d.max(f))
            };
            let day = day_of(&batch[0]);
            let end = batch.iter().position(|n| day_of(n) != day).unwrap_or(batch.len());
            self.write_day(day, &batch[..end]).await?;
            batch.drain(..end);
        }
        Ok(())
    }

    async fn write_day(&mut self, day: NaiveDate, notes: &[Note]) -> Result<(), AppError> {
        if self.chain.as_ref().is_some_and(|c| c.day != day) {
            if let Some(old) = &self.chain {
                madoguchi_store::records::usage::seal(&self.db, &old.id, self.clock.now()).await?;
            }
            self.chain = None;
        }
        let now = self.clock.now();
        let current = self.chain.get_or_insert_with(|| {
            let id = format!("{day}/{}", self.instance);
            Current {
                day,
                hash: usage::genesis(&id),
                id,
                started_at: now,
                seq: 0,
            }
        });
        let (mut seq, mut prev) = (current.seq, current.hash.clone());
        let rows: Vec<Stored> = notes
            .iter()
            .map(|n| {
                seq += 1;
                let entry = Entry {
                    chain: current.id.clone(),
                    seq,
                    at: usage::stored_time(n.at),
                    actor: n.actor,
                    action: n.action.clone(),
                    outcome: n.outcome,
                    client_addr: n.client_addr.clone(),
                    user_agent: n.user_agent.clone(),
                };
                let hash = usage::link(&prev, &entry);
                Stored {
                    id: 0,
                    entry,
                    prev_hash: std::mem::replace(&mut prev, hash.clone()),
                    hash,
                }
            })
            .collect();
        if let Err(e) = madoguchi_store::records::usage::append(&self.db, day, current.started_at, &rows).await {
            // A commit can succeed and still report an error (a connection lost at that
            // moment): the chain's head says whether these entries are in.
            let head = madoguchi_store::records::usage::head(&self.db, &current.id)
                .await
                .ok()
                .flatten();
            if head != Some((seq, prev.clone())) {
                return Err(e.into());
            }
        }
        // Only a written part moves the chain on; a failed one is linked again on retry.
        current.seq = seq;
        current.hash = prev;
        Ok(())
    }
}

/// A name for this process's chains: random, so two replicas (or a restart) never share one.
pub fn instance_name() -> Result<String, AppError> {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).map_err(|e| AppError::Random(e.to_string()))?;
    Ok(usage::hex(&bytes))
}

/// The retention purge (PV-1): whole days older than `retention_days` go.
pub async fn purge(db: &Db, clock: &dyn Clock, retention_days: i64) -> Result<u64, AppError> {
    let cutoff = clock.today_jst() - Duration::days(retention_days);
    Ok(madoguchi_store::records::usage::purge_before(db, cutoff).await?)
}
