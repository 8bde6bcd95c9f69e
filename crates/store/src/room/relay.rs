//! Signalling between `serve` replicas (MT-3) through PostgreSQL `LISTEN/NOTIFY`: each
//! process listens on one channel and publishes every message there, its own included, so
//! a room's people may be served by different replicas. A payload over NOTIFY's limit
//! (8000 bytes; an offer with screen share can pass it) waits in `room_relay` and the
//! notification carries its row id. SQLite has no replicas: the caller relays in process.

use chrono::{DateTime, Duration, Utc};
use sqlx::postgres::PgListener;

use crate::{Db, Result, StoreError};

pub const CHANNEL: &str = "madoguchi_room";
/// Payloads up to this size go in the notification itself.
const INLINE_MAX: usize = 7000;

/// Publishes one message to every replica; nothing on SQLite.
pub async fn publish(db: &Db, payload: &str, now: DateTime<Utc>) -> Result<()> {
    let Db::Postgres(p) = db else {
        return Ok(());
    };
    if payload.len() <= INLINE_MAX {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(p)
            .await?;
        return Ok(());
    }
    let (id,): (i64,) = sqlx::query_as("INSERT INTO room_relay (payload, created_at) VALUES ($1, $2) RETURNING id")
        .bind(payload)
        .bind(now)
        .fetch_one(p)
        .await?;
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(format!("@{id}"))
        .execute(p)
        .await?;
    // Every listener reads a row within moments; a minute is plenty.
    sqlx::query("DELETE FROM room_relay WHERE created_at < $1")
        .bind(now - Duration::minutes(1))
        .execute(p)
        .await?;
    Ok(())
}

/// One process's subscription to the channel.
pub struct Listener {
    inner: PgListener,
    db: Db,
}

/// Subscribes on PostgreSQL; `None` on SQLite.
pub async fn listen(db: &Db) -> Result<Option<Listener>> {
    let Db::Postgres(p) = db else {
        return Ok(None);
    };
    let mut inner = PgListener::connect_with(p).await?;
    inner.listen(CHANNEL).await?;
    Ok(Some(Listener { inner, db: db.clone() }))
}

impl Listener {
    /// The next message (sqlx reconnects a lost connection; messages sent meanwhile are
    /// lost, as a dropped WebSocket's would be, and the clients recover by re-joining).
    pub async fn recv(&mut self) -> Result<String> {
        let n = self.inner.recv().await?;
        let payload = n.payload();
        let Some(id) = payload.strip_prefix('@').and_then(|i| i.parse::<i64>().ok()) else {
            return Ok(payload.to_owned());
        };
        let Db::Postgres(p) = &self.db else {
            return Err(StoreError::Corrupt("a relay row on SQLite".into()));
        };
        let (body,): (String,) = sqlx::query_as("SELECT payload FROM room_relay WHERE id = $1")
            .bind(id)
            .fetch_one(p)
            .await?;
        Ok(body)
    }
}
