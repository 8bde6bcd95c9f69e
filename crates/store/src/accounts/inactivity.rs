//! Accounts unused for a year (rule AC-10): a notice 30 days ahead, then deletion.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// An account due a notice or a deletion.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Dormant {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// Active accounts whose last sign-in (or verification) is before `cutoff` and that have
/// not been sent the notice yet, longest idle first. Ordered by the indexed expression
/// (`users_due_notice`), not by id: ordered by id, SQLite would walk every account to skip
/// a sort (issue 17).
pub async fn due_notice(db: &Db, cutoff: DateTime<Utc>) -> Result<Vec<Dormant>> {
    const SQL: &str = "SELECT id, name, email, lang FROM users WHERE state = 'active'
        AND inactivity_notice_at IS NULL AND COALESCE(last_sign_in_at, verified_at, created_at) < $1
        ORDER BY COALESCE(last_sign_in_at, verified_at, created_at), id";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(cutoff).fetch_all(c).await)?)
}

/// Records the notice, once: a second replica's attempt changes nothing.
pub async fn mark_notice(tx: &mut Tx, id: i64, now: DateTime<Utc>) -> Result<bool> {
    const SQL: &str = "UPDATE users SET inactivity_notice_at = $2 WHERE id = $1 AND inactivity_notice_at IS NULL";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(id)
        .bind(now)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Accounts unused since before `cutoff` whose notice went out before `noticed_before`.
pub async fn due_deletion(db: &Db, cutoff: DateTime<Utc>, noticed_before: DateTime<Utc>) -> Result<Vec<i64>> {
    const SQL: &str = "SELECT id FROM users WHERE state = 'active' AND inactivity_notice_at <= $2
        AND COALESCE(last_sign_in_at, verified_at, created_at) < $1 ORDER BY inactivity_notice_at, id";
    let rows: Vec<(i64,)> = read!(db, |c| sqlx::query_as(SQL)
        .bind(cutoff)
        .bind(noticed_before)
        .fetch_all(c)
        .await)?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}
