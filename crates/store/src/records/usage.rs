//! The usage record's storage (PV-1, PV-3): chained entries written in batches, the chain
//! heads, the walk `audit verify` makes, the retention purge and the disclosure reads.

use chrono::{DateTime, NaiveDate, Utc};
use madoguchi_domain::usage::{Actor, Entry, Stored};

use crate::{Db, Result, StoreError, in_tx, read};

#[derive(Debug, sqlx::FromRow)]
struct Row {
    id: i64,
    chain_id: String,
    seq: i64,
    at: DateTime<Utc>,
    actor_kind: String,
    actor_ref: Option<i64>,
    action: String,
    outcome: i32,
    client_addr: String,
    user_agent: String,
    prev_hash: String,
    hash: String,
}

impl Row {
    fn stored(self) -> Result<Stored> {
        let actor = Actor::from_parts(&self.actor_kind, self.actor_ref)
            .ok_or_else(|| StoreError::Corrupt(format!("usage record {} has actor {}", self.id, self.actor_kind)))?;
        Ok(Stored {
            id: self.id,
            entry: Entry {
                chain: self.chain_id,
                seq: self.seq,
                at: self.at,
                actor,
                action: self.action,
                outcome: self.outcome,
                client_addr: self.client_addr,
                user_agent: self.user_agent,
            },
            prev_hash: self.prev_hash,
            hash: self.hash,
        })
    }
}

macro_rules! select_records {
    ($rest:literal) => {
        concat!(
            "SELECT id, chain_id, seq, at, actor_kind, actor_ref, action, outcome, client_addr, user_agent, ",
            "prev_hash, hash FROM usage_records WHERE ",
            $rest
        )
    };
}

/// Entries per INSERT: 11 parameters each stays well under both backends' limits.
const CHUNK: usize = 400;

/// `INSERT … VALUES (…), (…)` for `n` entries; only placeholders are generated.
fn insert_sql(n: usize) -> String {
    let mut sql = String::from(
        "INSERT INTO usage_records (chain_id, seq, at, actor_kind, actor_ref, action, outcome, \
         client_addr, user_agent, prev_hash, hash) VALUES ",
    );
    for i in 0..n {
        let b = i * 11;
        let row: Vec<String> = (1..=11).map(|k| format!("${}", b + k)).collect();
        if i > 0 {
            sql.push(',');
        }
        sql.push('(');
        sql.push_str(&row.join(", "));
        sql.push(')');
    }
    sql
}

/// Appends linked entries of one chain (`day` is its JST date) and moves the chain's head,
/// all in one transaction: the head never points past what was written.
pub async fn append(db: &Db, day: NaiveDate, started_at: DateTime<Utc>, rows: &[Stored]) -> Result<()> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Ok(());
    };
    const CHAIN: &str =
        "INSERT INTO usage_chains (id, day, started_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING";
    const HEAD: &str = "UPDATE usage_chains SET head_seq = $1, head_hash = $2 WHERE id = $3";
    let chain = first.entry.chain.as_str();
    let mut tx = db.begin().await?;
    in_tx!(&mut tx, |c| {
        sqlx::query(CHAIN)
            .bind(chain)
            .bind(day)
            .bind(started_at)
            .execute(&mut *c)
            .await?;
        // One statement per chunk rather than per entry: a round trip each on PostgreSQL.
        for chunk in rows.chunks(CHUNK) {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(insert_sql(chunk.len())));
            for r in chunk {
                let e = &r.entry;
                q = q
                    .bind(&e.chain)
                    .bind(e.seq)
                    .bind(e.at)
                    .bind(e.actor.kind())
                    .bind(e.actor.reference())
                    .bind(&e.action)
                    .bind(e.outcome)
                    .bind(&e.client_addr)
                    .bind(&e.user_agent)
                    .bind(&r.prev_hash)
                    .bind(&r.hash);
            }
            q.execute(&mut *c).await?;
        }
        sqlx::query(HEAD)
            .bind(last.entry.seq)
            .bind(&last.hash)
            .bind(chain)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    tx.commit().await
}

/// Marks a chain finished (a graceful shutdown, or the JST day turned).
pub async fn seal(db: &Db, chain: &str, at: DateTime<Utc>) -> Result<()> {
    const SQL: &str = "UPDATE usage_chains SET sealed_at = $1 WHERE id = $2 AND sealed_at IS NULL";
    crate::write!(db, |c| sqlx::query(SQL)
        .bind(at)
        .bind(chain)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A chain's recorded head: its last number and hash.
pub async fn head(db: &Db, chain: &str) -> Result<Option<(i64, String)>> {
    const SQL: &str = "SELECT head_seq, head_hash FROM usage_chains WHERE id = $1";
    Ok(crate::write!(db, |c| sqlx::query_as(SQL)
        .bind(chain)
        .fetch_optional(c)
        .await)?)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Chain {
    pub id: String,
    pub day: NaiveDate,
    pub head_seq: i64,
    pub head_hash: String,
    pub sealed_at: Option<DateTime<Utc>>,
}

/// Every chain, oldest day first.
pub async fn chains(db: &Db) -> Result<Vec<Chain>> {
    const SQL: &str = "SELECT id, day, head_seq, head_hash, sealed_at FROM usage_chains ORDER BY day, id";
    Ok(read!(db, |c| sqlx::query_as(SQL).fetch_all(c).await)?)
}

/// The chains of one JST day (`audit verify --day`), through `usage_chains_day`.
pub async fn chains_of_day(db: &Db, day: NaiveDate) -> Result<Vec<Chain>> {
    const SQL: &str = "SELECT id, day, head_seq, head_hash, sealed_at FROM usage_chains WHERE day = $1 ORDER BY id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(day).fetch_all(c).await)?)
}

/// Chains named for `day` (`YYYY-MM-DD/…`) by entries but missing from the list of chains:
/// a range of the `(chain_id, seq)` index, so the rest of the year is not read.
pub async fn orphans_of_day(db: &Db, day: NaiveDate) -> Result<Vec<String>> {
    const SQL: &str = "SELECT DISTINCT chain_id FROM usage_records WHERE chain_id >= $1 AND chain_id < $2 \
         AND chain_id NOT IN (SELECT id FROM usage_chains) ORDER BY chain_id";
    // '0' follows '/' in ASCII: every name that starts with "YYYY-MM-DD/".
    let (from, to) = (format!("{day}/"), format!("{day}0"));
    Ok(read!(db, |c| sqlx::query_scalar(SQL)
        .bind(&from)
        .bind(&to)
        .fetch_all(c)
        .await)?)
}

/// One page of a chain in chain order, after `after_seq`.
pub async fn page(db: &Db, chain: &str, after_seq: i64, limit: i64) -> Result<Vec<Stored>> {
    const SQL: &str = select_records!("chain_id = $1 AND seq > $2 ORDER BY seq LIMIT $3");
    let rows: Vec<Row> = read!(db, |c| sqlx::query_as(SQL)
        .bind(chain)
        .bind(after_seq)
        .bind(limit)
        .fetch_all(c)
        .await)?;
    rows.into_iter().map(Row::stored).collect()
}

/// Chains named by entries but missing from the list of chains.
pub async fn orphans(db: &Db) -> Result<Vec<String>> {
    const SQL: &str = "SELECT DISTINCT chain_id FROM usage_records \
         WHERE chain_id NOT IN (SELECT id FROM usage_chains) ORDER BY chain_id";
    Ok(read!(db, |c| sqlx::query_scalar(SQL).fetch_all(c).await)?)
}

/// Retention (PV-1): removes whole chains of days before `day`. Returns entries removed.
pub async fn purge_before(db: &Db, day: NaiveDate) -> Result<u64> {
    const RECORDS: &str = "DELETE FROM usage_records WHERE chain_id IN (SELECT id FROM usage_chains WHERE day < $1)";
    const CHAINS: &str = "DELETE FROM usage_chains WHERE day < $1";
    let mut tx = db.begin().await?;
    let removed = in_tx!(&mut tx, |c| {
        let n = sqlx::query(RECORDS).bind(day).execute(&mut *c).await?.rows_affected();
        sqlx::query(CHAINS).bind(day).execute(&mut *c).await?;
        Ok::<u64, sqlx::Error>(n)
    })?;
    tx.commit().await?;
    Ok(removed)
}

/// PV-2: the entries of one actor (or of everyone) in `[from, until)`, in time order, for a
/// disclosure export.
pub async fn for_disclosure(
    db: &Db,
    actor: Option<Actor>,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<Stored>> {
    let rows: Vec<Row> = match actor {
        Some(a) => {
            const SQL: &str =
                select_records!("actor_kind = $1 AND actor_ref = $2 AND at >= $3 AND at < $4 ORDER BY at, id");
            read!(db, |c| sqlx::query_as(SQL)
                .bind(a.kind())
                .bind(a.reference())
                .bind(from)
                .bind(until)
                .fetch_all(c)
                .await)?
        }
        None => {
            const SQL: &str = select_records!("at >= $1 AND at < $2 ORDER BY at, id");
            read!(db, |c| sqlx::query_as(SQL).bind(from).bind(until).fetch_all(c).await)?
        }
    };
    rows.into_iter().map(Row::stored).collect()
}

/// The last sign-ins of a user, for a staff screen that may show only the device class.
pub async fn recent_sign_ins(db: &Db, user_ref: i64, limit: i64) -> Result<Vec<(DateTime<Utc>, String)>> {
    const SQL: &str = "SELECT at, user_agent FROM usage_records WHERE actor_kind = 'user' AND actor_ref = $1 \
         AND action = 'sign_in' ORDER BY at DESC, id DESC LIMIT $2";
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(limit)
        .fetch_all(c)
        .await)?)
}

/// Entries in total, for tests and the operator's summary.
pub async fn count(db: &Db) -> Result<i64> {
    Ok(read!(db, |c| sqlx::query_scalar("SELECT COUNT(*) FROM usage_records")
        .fetch_one(c)
        .await)?)
}
