//! The restriction of online booking after repeated no-shows (rule BK-12), and its lift.

use chrono::Duration;
use madoguchi_domain::booking;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, consultations::reservations};

use crate::AppError;

/// BK-12 (configurable later): this many no-shows within the window restrict online booking.
pub const LIMIT: usize = 2;
pub const WINDOW: Duration = Duration::days(90);

/// Whether the user may not book online because of no-shows (BK-12).
pub async fn restricted(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<bool, AppError> {
    let now = clock.now();
    let times = reservations::no_shows_since(db, user_ref, now - WINDOW).await?;
    Ok(booking::restricted(&times, now, LIMIT, WINDOW))
}

/// BK-12: staff lift the restriction; earlier no-shows stop counting.
pub async fn lift(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    reservations::lift_restriction(&mut tx, user_ref, clock.now()).await?;
    tx.commit().await?;
    Ok(())
}
