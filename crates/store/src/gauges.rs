//! What `/metrics` reads when it is scraped (issue 17): the mail still waiting and how old
//! the oldest is, in one query the outbox's partial index answers, and how busy the pools
//! are, which sqlx reports without a query. Reading at scrape time rather than in the
//! mailer means every replica reports the truth, including those not holding the lease.

use chrono::{DateTime, Utc};

use crate::{Db, Result, read};

/// Mail not yet sent (due or backing off), and when the oldest of it was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailWaiting {
    pub count: i64,
    pub oldest: Option<DateTime<Utc>>,
}

/// One query over the unsent rows only (the `outbox_due` index holds just those).
pub async fn mail_waiting(db: &Db) -> Result<MailWaiting> {
    const SQL: &str = "SELECT COUNT(*), MIN(created_at) FROM outbox WHERE sent_at IS NULL";
    let (count, oldest): (i64, Option<DateTime<Utc>>) = read!(db, |c| sqlx::query_as(SQL).fetch_one(c).await)?;
    Ok(MailWaiting { count, oldest })
}

/// One connection pool as sqlx sees it: open connections, the idle ones, the most allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUse {
    /// `read` and `write` on SQLite, `postgres` on PostgreSQL.
    pub pool: &'static str,
    pub open: u32,
    pub idle: usize,
    pub max: u32,
}

/// Every pool of `db`. sqlx (0.9) counts neither how often nor how long `acquire` waited;
/// timeouts are counted where the error is converted (`StoreError::from`).
pub fn pools(db: &Db) -> Vec<PoolUse> {
    fn of<D: sqlx::Database>(pool: &'static str, p: &sqlx::Pool<D>) -> PoolUse {
        PoolUse {
            pool,
            open: p.size(),
            idle: p.num_idle(),
            max: p.options().get_max_connections(),
        }
    }
    match db {
        Db::Sqlite(s) => vec![of("read", &s.read), of("write", &s.write)],
        Db::Postgres(p) => vec![of("postgres", p)],
    }
}
