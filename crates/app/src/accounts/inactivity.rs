//! Accounts with no sign-in for a year are deleted as if the person had deleted them
//! (rule AC-10, N6-4), after a notice 30 days before (decided).

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, accounts::erase, accounts::inactivity, accounts::tokens, mail::inbox, mail::outbox};

use crate::shared::Site;
use crate::{AppError, mail::letters, shared::secrets};

pub const DELETE_AFTER: Duration = Duration::days(365);
pub const NOTICE_BEFORE: Duration = Duration::days(30);

/// What one run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub noticed: usize,
    pub deleted: usize,
}

/// One daily run: notices for accounts idle 335 days, deletion for those idle a year whose
/// notice went out at least 30 days ago. Each notice is sent once (conditional update).
pub async fn sweep(db: &Db, clock: &dyn Clock, site: &Site) -> Result<Swept, AppError> {
    let now = clock.now();
    let mut swept = Swept::default();
    for d in inactivity::due_notice(db, now - (DELETE_AFTER - NOTICE_BEFORE)).await? {
        let lock = secrets::random_token().map_err(|e| AppError::Random(e.to_string()))?;
        let mut tx = db.begin().await?;
        if !inactivity::mark_notice(&mut tx, d.id, now).await? {
            continue;
        }
        let lock_hash = secrets::hash_token(&lock);
        tokens::issue(
            &mut tx,
            d.id,
            tokens::Purpose::Lock,
            &lock_hash,
            now,
            now + Duration::days(3650),
        )
        .await?;
        let letter = letters::inactivity(&d.lang, &d.name, &site.base_url, &site.link("/lock", &lock));
        outbox::enqueue(&mut tx, &letter.to(&d.email), now).await?;
        inbox::add(&mut tx, d.id, &letter.subject, &letter.inbox_body(), now).await?;
        tx.commit().await?;
        swept.noticed += 1;
    }
    for id in inactivity::due_deletion(db, now - DELETE_AFTER, now - NOTICE_BEFORE).await? {
        crate::accounts::account::release_future(db, clock, id).await?;
        let mut tx = db.begin().await?;
        erase::erase_user(&mut tx, id, now).await?;
        tx.commit().await?;
        swept.deleted += 1;
    }
    Ok(swept)
}
