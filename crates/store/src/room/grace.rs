//! The grace period an office sets for its built-in rooms (MT-3): minutes after a slot's
//! end that the room stays open, 0 to 60 (a CHECK in the schema), or NULL for the
//! configured default.

use crate::{Db, Result, Tx, in_tx, read};

/// The office's grace period in minutes: `None` if there is no such office, `Some(None)` if
/// it has not set one.
pub async fn of_office(db: &Db, office: &str) -> Result<Option<Option<i32>>> {
    const SQL: &str = "SELECT room_grace_minutes FROM offices WHERE code = $1";
    let row: Option<(Option<i32>,)> = read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_optional(c).await)?;
    Ok(row.map(|(m,)| m))
}

/// Sets the office's grace period; `false` if there is no such office. The schema refuses
/// a value outside 0 to 60 whatever the caller checked.
pub async fn set(tx: &mut Tx, office: &str, minutes: i32) -> Result<bool> {
    const SQL: &str = "UPDATE offices SET room_grace_minutes = $2 WHERE code = $1";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(office)
        .bind(minutes)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
