//! Signalling between the people of a room (MT-3): every connection subscribes to its
//! room's channel in this process; a message is published to every replica through
//! PostgreSQL `LISTEN/NOTIFY` (`store::room::relay`), or straight to this process's
//! channels on SQLite. Only the server writes envelopes, so `from` is never a client's say.
//! Nothing is stored: a relayed row lives for a minute at most.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use madoguchi_store::{Db, StoreError, room::relay};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::sync::broadcast;

/// One message for a room: from a connection, to one connection or (`to: None`) to all.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Envelope {
    /// The room's key: `42` (a reservation) or `i7` (an interview).
    pub room: String,
    pub from: String,
    #[serde(default)]
    pub to: Option<String>,
    pub msg: Value,
}

type Rooms = Mutex<HashMap<String, broadcast::Sender<Arc<Envelope>>>>;

struct Inner {
    rooms: Rooms,
    /// PostgreSQL: publish through the database; `None`: in process.
    db: Option<Db>,
}

#[derive(Clone)]
pub struct Hub {
    inner: Arc<Inner>,
}

impl Default for Hub {
    fn default() -> Self {
        Self::local()
    }
}

impl Hub {
    /// In process only (SQLite, tests).
    pub fn local() -> Self {
        Self {
            inner: Arc::new(Inner {
                rooms: Mutex::new(HashMap::new()),
                db: None,
            }),
        }
    }

    /// On PostgreSQL, listens for every replica's messages; elsewhere `local`.
    pub async fn start(db: &Db) -> Result<Self, StoreError> {
        let Some(mut listener) = relay::listen(db).await? else {
            return Ok(Self::local());
        };
        let hub = Self {
            inner: Arc::new(Inner {
                rooms: Mutex::new(HashMap::new()),
                db: Some(db.clone()),
            }),
        };
        let weak: Weak<Inner> = Arc::downgrade(&hub.inner);
        tokio::spawn(async move {
            loop {
                let received = listener.recv().await;
                // The hub is gone (the process is stopping): so is this loop.
                let Some(inner) = weak.upgrade() else { break };
                match received {
                    Ok(payload) => match serde_json::from_str::<Envelope>(&payload) {
                        Ok(env) => deliver(&inner.rooms, env),
                        Err(e) => tracing::warn!(error = %e, "a room message that is not an envelope"),
                    },
                    Err(e) => {
                        tracing::warn!(error = %e, "room signalling: listening failed; retrying");
                        drop(inner);
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(hub)
    }

    pub fn subscribe(&self, room: &str) -> broadcast::Receiver<Arc<Envelope>> {
        let mut rooms = self
            .inner
            .rooms
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        rooms
            .entry(room.to_owned())
            .or_insert_with(|| broadcast::channel(256).0)
            .subscribe()
    }

    /// Forgets a room's channel once nobody in this process listens.
    pub fn release(&self, room: &str) {
        let mut rooms = self
            .inner
            .rooms
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if rooms.get(room).is_some_and(|tx| tx.receiver_count() == 0) {
            rooms.remove(room);
        }
    }

    /// Sends to everyone concerned on every replica.
    pub async fn publish(&self, env: Envelope, now: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError> {
        match &self.inner.db {
            Some(db) => {
                let payload = serde_json::to_string(&env).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                relay::publish(db, &payload, now).await
            }
            None => {
                deliver(&self.inner.rooms, env);
                Ok(())
            }
        }
    }

    /// Rooms with someone connected to this process (for `/metrics`).
    pub fn rooms_here(&self) -> usize {
        self.inner.rooms.lock().map(|r| r.len()).unwrap_or_default()
    }
}

fn deliver(rooms: &Rooms, env: Envelope) {
    let rooms = rooms.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(tx) = rooms.get(&env.room) {
        // No receiver left is not an error: everyone here has gone.
        let _ = tx.send(Arc::new(env));
    }
}
