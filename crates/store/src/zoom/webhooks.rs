//! Zoom's webhooks already taken (MT-2): the key (office, event, payload id, event time) is
//! the table's primary key, so a replay inserts nothing and changes nothing.

use chrono::{DateTime, Utc};

use crate::{Result, Tx, in_tx};

/// Records a webhook in the caller's transaction; `false` when it was taken before.
pub async fn take(
    tx: &mut Tx,
    office: &str,
    event: &str,
    payload_id: &str,
    event_ts: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    const SQL: &str = "INSERT INTO zoom_webhook_events (office_code, event, payload_id, event_ts, received_at)
        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(office)
        .bind(event)
        .bind(payload_id)
        .bind(event_ts)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Housekeeping: keys older than `before`. A replay that old is refused by its timestamp
/// (five minutes) before its key is looked at, so the key is no longer needed.
pub async fn purge(db: &crate::Db, before: DateTime<Utc>) -> Result<u64> {
    const SQL: &str = "DELETE FROM zoom_webhook_events WHERE received_at < $1";
    Ok(crate::write!(db, |c| sqlx::query(SQL)
        .bind(before)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?)
}
