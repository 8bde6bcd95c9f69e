//! No-shows (rule BK-11, and SE-4 for seminars) and the restriction that follows them (BK-12).

use chrono::Duration;
use madoguchi_domain::booking;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, inbox, outbox, reservations, users};

use crate::{AppError, letters};

/// BK-12 (configurable later): this many no-shows within the window restrict online booking.
pub const LIMIT: usize = 2;
pub const WINDOW: Duration = Duration::days(90);

/// Whether the user may not book online because of no-shows (BK-12).
pub async fn restricted(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<bool, AppError> {
    let now = clock.now();
    let times = reservations::no_shows_since(db, user_ref, now - WINDOW).await?;
    Ok(booking::restricted(&times, now, LIMIT, WINDOW))
}

/// One sweeper round: confirmed reservations not joined by start + 10 minutes become no-shows;
/// each user is told, and told again if they are now restricted. Returns how many.
pub async fn sweep(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    let now = clock.now();
    let mut marked = reservations::mark_no_shows(db, now - Duration::minutes(10), now).await?;
    // SE-4: seminars follow the same rule, the same notices and the same restriction.
    marked.extend(madoguchi_store::seminars::mark_no_shows(db, now - Duration::minutes(10), now).await?);
    for (_, user_ref) in &marked {
        let Some(u) = users::by_id(db, *user_ref).await? else {
            continue;
        };
        let mut mails = vec![letters::no_show(&u.lang, &u.name)];
        if restricted(db, clock, *user_ref).await? {
            mails.push(letters::restricted(&u.lang, &u.name));
        }
        let mut tx = db.begin().await?;
        for letter in mails {
            outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
            inbox::add(&mut tx, *user_ref, &letter.subject, &letter.inbox_body(), now).await?;
        }
        tx.commit().await?;
    }
    Ok(marked.len())
}

/// BK-12: staff lift the restriction; earlier no-shows stop counting.
pub async fn lift(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    reservations::lift_restriction(&mut tx, user_ref, clock.now()).await?;
    tx.commit().await?;
    Ok(())
}
