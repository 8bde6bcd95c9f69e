//! What a calendar file needs that its use case does not read anyway (rule NO-4).

use crate::{Db, Result, read};

/// A seminar place's calendar round: how many places this person held in this seminar
/// before the one numbered `before` (all of them, for a place not yet written). A calendar
/// entry for a seminar is one per person and seminar; each round raises its SEQUENCE, so
/// registering again after a cancellation is newer than the cancellation.
pub async fn seminar_round(db: &Db, seminar_id: i64, user_ref: i64, before: Option<i64>) -> Result<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM seminar_registrations
        WHERE seminar_id = $1 AND user_ref = $2 AND id < $3";
    let (n,): (i64,) = read!(db, |c| sqlx::query_as(SQL)
        .bind(seminar_id)
        .bind(user_ref)
        .bind(before.unwrap_or(i64::MAX))
        .fetch_one(c)
        .await)?;
    Ok(n)
}
