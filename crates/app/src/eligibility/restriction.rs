//! The restriction of online booking after repeated no-shows (rule BK-12), and its lift.

use chrono::Duration;
use madoguchi_domain::booking;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, accounts::users, consultations::reservations, eligibility};

use crate::AppError;
use crate::shared::fields;

/// BK-12 (configurable later): this many no-shows within the window restrict online booking.
pub const LIMIT: usize = 2;
pub const WINDOW: Duration = Duration::days(90);

/// Whether the user may not book online because of no-shows (BK-12).
pub async fn restricted(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<bool, AppError> {
    let now = clock.now();
    let times = reservations::no_shows_since(db, user_ref, now - WINDOW).await?;
    Ok(booking::restricted(&times, now, LIMIT, WINDOW))
}

/// BK-12: the restriction is lifted with a reason (earlier no-shows stop counting);
/// `actor` is `staff:ID` or `operator`. The console goes through `accounts::staff::act`,
/// which also audits; the operator's CLI through `lift_for`.
pub async fn lift(db: &Db, clock: &dyn Clock, user_ref: i64, actor: &str, reason: &str) -> Result<(), AppError> {
    let reason = fields::text("reason", reason, FieldKind::MultiLine, 500, true)?;
    let mut tx = db.begin().await?;
    eligibility::lift_restriction(&mut tx, user_ref, clock.now(), actor, &reason).await?;
    tx.commit().await?;
    Ok(())
}

/// The operator lifts the restriction of the account `user_id` (`madoguchi account
/// lift-restriction`).
pub async fn lift_for(db: &Db, clock: &dyn Clock, user_id: &str, reason: &str) -> Result<(), AppError> {
    let key = user_id.trim().to_ascii_lowercase();
    let user = users::by_key(db, &key).await?.ok_or_else(|| AppError::NotFound {
        what: format!("account {user_id}"),
    })?;
    lift(db, clock, user.id, "operator", reason).await
}
