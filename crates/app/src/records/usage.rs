//! Recording usage (PV-1) off the request path: requests hand entries to a channel, and one
//! writer task per process links them into its chain (PV-3) and writes them in batches. A
//! graceful shutdown drains the channel before the process exits, so nothing is lost; a
//! full channel makes requests wait rather than drop entries.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use madoguchi_domain::clock::{Clock, jst};
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
}

impl Recorder {
    pub fn off(retention_days: i64) -> Self {
        Self {
            tx: None,
            retention_days,
        }
    }

    pub fn is_on(&self) -> bool {
        self.tx.is_some()
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
/// Tries (about a minute with back-off) to write the last entries when stopping.
const STOP_ATTEMPTS: u32 = 15;

/// Starts the writer. `instance` names this process's chains; `stop` drains and seals.
pub fn start(
    db: Db,
    clock: Arc<dyn Clock>,
    instance: String,
    retention_days: i64,
    stop: watch::Receiver<bool>,
) -> (Recorder, tokio::task::JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(QUEUE);
    let writer = Writer {
        db,
        clock,
        instance,
        chain: None,
    };
    let handle = tokio::spawn(writer.run(rx, stop));
    (
        Recorder {
            tx: Some(tx),
            retention_days,
        },
        handle,
    )
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
    async fn run(mut self, mut rx: mpsc::Receiver<Note>, mut stop: watch::Receiver<bool>) {
        let mut batch = Vec::with_capacity(BATCH);
        loop {
            tokio::select! {
                got = rx.recv() => match got {
                    Some(n) => batch.push(n),
                    None => break,
                },
                _ = stop.changed() => {
                    // No new entries; take what is queued, then finish.
                    rx.close();
                    while let Some(n) = rx.recv().await {
                        batch.push(n);
                        if batch.len() >= BATCH {
                            self.flush(&mut batch, Some(STOP_ATTEMPTS)).await;
                        }
                    }
                    break;
                }
            }
            while batch.len() < BATCH {
                match rx.try_recv() {
                    Ok(n) => batch.push(n),
                    Err(_) => break,
                }
            }
            self.flush(&mut batch, None).await;
        }
        self.flush(&mut batch, Some(STOP_ATTEMPTS)).await;
        if let Some(c) = &self.chain
            && let Err(e) = madoguchi_store::records::usage::seal(&self.db, &c.id, self.clock.now()).await
        {
            tracing::warn!(error = %e, "could not seal the usage chain");
        }
    }

    /// Writes the batch, retrying until the database takes it, so entries are not dropped
    /// while the server runs. When stopping, `attempts` bounds the wait on a database that
    /// is gone, so the process still exits; what could not be written is then counted in
    /// the log.
    async fn flush(&mut self, batch: &mut Vec<Note>, attempts: Option<u32>) {
        let mut wait = StdDuration::from_millis(100);
        let mut tried = 0;
        while !batch.is_empty() {
            match self.write(batch).await {
                Ok(()) => {}
                Err(e) => {
                    tried += 1;
                    if attempts.is_some_and(|a| tried >= a) {
                        tracing::error!(error = %e, entries = batch.len(), "usage entries could not be written before stopping");
                        batch.clear();
                        return;
                    }
                    tracing::warn!(error = %e, entries = batch.len(), "usage record not written yet; retrying");
                    tokio::time::sleep(wait).await;
                    wait = (wait * 2).min(StdDuration::from_secs(5));
                }
            }
        }
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
