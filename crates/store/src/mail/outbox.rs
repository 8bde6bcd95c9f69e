//! The outbox: mail written in the same transaction as the change that causes it (rule
//! NO-3), claimed by a worker, retried with back-off, never lost.

use chrono::{DateTime, Duration, Utc};

use crate::{Db, Result, Tx, in_tx, write};

/// A message to send, as the caller composes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    /// One attachment, e.g. the `.ics` of a confirmed reservation (NO-4).
    pub attachment: Option<Attachment>,
}

/// A small text attachment kept with the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    pub body: String,
}

/// A message claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Mail {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: Option<String>,
    pub attempts: i32,
    pub attachment_name: Option<String>,
    pub attachment_type: Option<String>,
    pub attachment_body: Option<String>,
}

/// Writes `mail` inside the caller's transaction: it is sent only if the change commits.
pub async fn enqueue(tx: &mut Tx, mail: &NewMail, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO outbox (recipient, subject, body_text, body_html, created_at, next_attempt_at,
        attachment_name, attachment_type, attachment_body) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8) RETURNING id";
    let a = mail.attachment.as_ref();
    let (id,): (i64,) = in_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(&mail.recipient)
        .bind(&mail.subject)
        .bind(&mail.body_text)
        .bind(&mail.body_html)
        .bind(now)
        .bind(a.map(|a| a.name.as_str()))
        .bind(a.map(|a| a.content_type.as_str()))
        .bind(a.map(|a| a.body.as_str()))
        .fetch_one(c)
        .await)?;
    Ok(id)
}

/// N15, PV-6: the last letter to a person whose data is being erased. The outbox deletes it
/// once sent, so their address lasts only until they are told.
pub async fn enqueue_last(tx: &mut Tx, mail: &NewMail, now: DateTime<Utc>) -> Result<i64> {
    const MARK: &str = "UPDATE outbox SET erase_when_sent = TRUE WHERE id = $1";
    let id = enqueue(tx, mail, now).await?;
    in_tx!(tx, |c| sqlx::query(MARK)
        .bind(id)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(id)
}

/// Claims up to `limit` due messages for `lock_for`; a worker that dies lets the claim
/// lapse and another picks the message up. The outer conditions are re-checked on the
/// locked row, so two claimers never take the same message.
pub async fn claim_due(db: &Db, now: DateTime<Utc>, lock_for: Duration, limit: i64) -> Result<Vec<Mail>> {
    const SQLITE: &str = "UPDATE outbox SET locked_until = $2, attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1
                     AND (locked_until IS NULL OR locked_until <= $1) ORDER BY id LIMIT $3)
        RETURNING id, recipient, subject, body_text, body_html, attempts, attachment_name, attachment_type,
            attachment_body";
    const POSTGRES: &str = "UPDATE outbox SET locked_until = $2, attempts = attempts + 1
        WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1
                     AND (locked_until IS NULL OR locked_until <= $1) ORDER BY id LIMIT $3
                     FOR UPDATE SKIP LOCKED)
          AND sent_at IS NULL AND (locked_until IS NULL OR locked_until <= $1)
        RETURNING id, recipient, subject, body_text, body_html, attempts, attachment_name, attachment_type,
            attachment_body";
    let until = now + lock_for;
    let mut mails: Vec<Mail> = match db {
        Db::Sqlite(s) => {
            sqlx::query_as(SQLITE)
                .bind(now)
                .bind(until)
                .bind(limit)
                .fetch_all(&s.write)
                .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as(POSTGRES)
                .bind(now)
                .bind(until)
                .bind(limit)
                .fetch_all(p)
                .await?
        }
    };
    mails.sort_by_key(|m| m.id);
    Ok(mails)
}

/// Records a successful send; a last letter (`enqueue_last`) goes instead.
pub async fn mark_sent(db: &Db, id: i64, now: DateTime<Utc>) -> Result<()> {
    const FORGET: &str = "DELETE FROM outbox WHERE id = $1 AND erase_when_sent";
    const SQL: &str = "UPDATE outbox SET sent_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1";
    write!(db, |c| {
        if sqlx::query(FORGET).bind(id).execute(c).await?.rows_affected() == 0 {
            sqlx::query(SQL).bind(id).bind(now).execute(c).await?;
        }
    });
    Ok(())
}

/// Records a failed attempt and when to try again. The error must hold no secrets.
pub async fn mark_failed(db: &Db, id: i64, error: &str, retry_at: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE outbox SET locked_until = NULL, last_error = $2, next_attempt_at = $3 WHERE id = $1";
    write!(db, |c| sqlx::query(SQL)
        .bind(id)
        .bind(error)
        .bind(retry_at)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Messages not yet sent, for the operator's health view and for tests.
pub async fn pending_count(db: &Db) -> Result<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL";
    let (n,): (i64,) = crate::read!(db, |c| sqlx::query_as(SQL).fetch_one(c).await)?;
    Ok(n)
}

/// Back-off before attempt `attempts + 1`: 1, 2, 4 … minutes, capped at 6 hours.
pub fn retry_delay(attempts: i32) -> Duration {
    let exp = attempts.clamp(1, 10) - 1;
    Duration::minutes((1_i64 << exp).min(360))
}
