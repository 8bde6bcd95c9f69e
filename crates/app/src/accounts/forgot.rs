//! "Forgot your password?" (rule AC-8): a person asks for a reset link by user ID; the
//! answer is the same whether or not the ID exists, and the same work is done either way
//! (the look-up, the tokens and their hashes, the letter, the counted request in one
//! transaction) so the time taken does not tell either. The link works once, for 30
//! minutes, and only its hash is stored; it is the one the office sends (`lock::send_reset`)
//! with a shorter life, and `/reset` uses both. Requests are limited per user ID and per
//! client address by conditional writes (`store::accounts::resets`).
//!
//! **Decided:** an account locked under AC-8 (by its owner, perhaps because the password or
//! the mailbox leaked) gets no link: its owner is told to ask the office, which checks who
//! they are before sending one. A provisional or deleted account gets nothing.

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::accounts::resets::{self, ResetAdmission, ResetLimits};
use madoguchi_store::accounts::tokens::{self, Purpose};
use madoguchi_store::{Db, accounts::users, mail::inbox, mail::outbox};

use crate::accounts::sign_in::attempt_key;
use crate::shared::{Site, secrets};
use crate::{AppError, mail::password};

/// How long a link asked for here works.
pub const LINK_FOR: Duration = Duration::minutes(30);
/// Requests counted per user ID and per client address within `WINDOW` (decided).
pub const PER_USER: i64 = 3;
pub const PER_ADDRESS: i64 = 20;
pub const WINDOW: Duration = Duration::hours(1);
/// The lock link in the letter works as long as the other letters' (AC-8).
const LOCK_FOR: Duration = Duration::days(3650);

fn random() -> Result<String, AppError> {
    secrets::random_token().map_err(|e| AppError::Random(e.to_string()))
}

/// Sends a reset link if `user_id` names an active account, and answers the same either way;
/// `rate_limited` once the ID or the address has had its requests for the hour. `user_id` is
/// taken as typed (the page trims it); one that breaks AC-2 is `invalid_user_id`.
pub async fn request_reset(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    user_id: &str,
    client_addr: &str,
) -> Result<(), AppError> {
    // AC-2: what cannot be anyone's user ID is a mistake of the form, said as such; it
    // tells nothing about the IDs that exist.
    if user_id.is_empty() {
        return Err(AppError::invalid("required", "user_id", "enter your user ID"));
    }
    if madoguchi_domain::user_id::UserId::parse(user_id).is_err() {
        return Err(AppError::invalid(
            "invalid_user_id",
            "user_id",
            "a user ID is 6 to 32 of A-Z a-z 0-9 . _ -",
        ));
    }
    let now = clock.now();
    let key = attempt_key(user_id);
    let user = users::by_key(db, &key).await?;
    // The same work whether or not the account exists: two tokens, their hashes, a letter.
    let (reset, lock) = (random()?, random()?);
    let (reset_hash, lock_hash) = (secrets::hash_token(&reset), secrets::hash_token(&lock));
    let (name, lang) = user.as_ref().map_or(("", "ja"), |u| (u.name.as_str(), u.lang.as_str()));
    let letter = password::reset_requested(lang, name, &site.link("/reset", &reset), &site.link("/lock", &lock));
    let mut tx = db.begin().await?;
    let limits = ResetLimits {
        since: now - WINDOW,
        per_user: PER_USER,
        per_address: PER_ADDRESS,
    };
    match resets::admit(&mut tx, &key, client_addr, now, limits).await? {
        ResetAdmission::Admitted => {}
        // Counted per typed ID whether or not it exists, so this says nothing about it.
        ResetAdmission::UserLimited | ResetAdmission::AddressLimited => return Err(AppError::RateLimited),
    }
    match user {
        Some(u) if u.state == "active" && u.locked_at.is_some() => {
            let letter = password::reset_while_locked(&u.lang, &u.name);
            outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
            inbox::add(&mut tx, u.id, &letter.subject, &letter.inbox_body(), now).await?;
        }
        Some(u) if u.state == "active" => {
            tokens::issue(&mut tx, u.id, Purpose::Reset, &reset_hash, now, now + LINK_FOR).await?;
            tokens::issue(&mut tx, u.id, Purpose::Lock, &lock_hash, now, now + LOCK_FOR).await?;
            outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
            inbox::add(&mut tx, u.id, &letter.subject, &letter.inbox_body(), now).await?;
        }
        _ => {}
    }
    tx.commit().await?;
    Ok(())
}
