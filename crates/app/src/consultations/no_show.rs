//! No-shows (rule BK-11, and SE-4 for seminars); the restriction that follows them is
//! `eligibility::restriction` (BK-12).

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, accounts::users, consultations::reservations, mail::inbox, mail::outbox};

use crate::AppError;
use crate::eligibility::restriction::restricted;
use crate::mail::letters;

/// One sweeper round: confirmed reservations not joined by start + 10 minutes become no-shows;
/// each user is told, and told again if they are now restricted. Returns how many.
pub async fn sweep(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    let now = clock.now();
    let mut marked = reservations::mark_no_shows(db, now - Duration::minutes(10), now).await?;
    // SE-4: seminars follow the same rule, the same notices and the same restriction.
    marked.extend(madoguchi_store::seminars::places::mark_no_shows(db, now - Duration::minutes(10), now).await?);
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
