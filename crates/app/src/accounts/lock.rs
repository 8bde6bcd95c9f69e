//! Locking an account at once and lifting the lock by a reset (rule AC-8). Accounts are
//! never re-issued (N6-3): the owner regains the same account through the reset link.

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::accounts::tokens::{self, Consumed, Purpose};
use madoguchi_store::{Db, accounts::sessions, accounts::users, mail::inbox, mail::outbox};

use crate::accounts::limits::Limits;
use crate::shared::Site;
use crate::{AppError, mail::letters, shared::secrets};

/// How long a reset link works.
pub const RESET_FOR: Duration = Duration::hours(24);

fn random() -> Result<String, AppError> {
    secrets::random_token().map_err(|e| AppError::Random(e.to_string()))
}

fn bad_link(code: &'static str) -> AppError {
    AppError::invalid(code, "token", "this link cannot be used")
}

/// Locks the signed-in user's own account and ends all its sessions.
pub async fn lock_own(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    users::lock(&mut tx, user_ref, clock.now()).await?;
    tx.commit().await?;
    sessions::delete_for_user(db, user_ref).await?;
    Ok(())
}

/// Locks the account named by the link in an email, without signing in.
pub async fn lock_by_link(db: &Db, clock: &dyn Clock, token: &str) -> Result<(), AppError> {
    let now = clock.now();
    let mut tx = db.begin().await?;
    let user_ref = match tokens::consume(&mut tx, &secrets::hash_token(token), Purpose::Lock, now).await? {
        Consumed::Ok(u) => u,
        Consumed::Expired(_) => return Err(bad_link("token_expired")),
        Consumed::Invalid => return Err(bad_link("token_invalid")),
    };
    users::lock(&mut tx, user_ref, now).await?;
    tx.commit().await?;
    sessions::delete_for_user(db, user_ref).await?;
    Ok(())
}

/// Sends a single-use reset link to the registered address. Staff call this after
/// verifying the person's identity (AC-8); until the console exists, so does the CLI.
pub async fn send_reset(db: &Db, clock: &dyn Clock, site: &Site, user_id: &str) -> Result<(), AppError> {
    let key = user_id.trim().to_ascii_lowercase();
    let user = users::by_key(db, &key).await?.ok_or_else(|| AppError::NotFound {
        what: format!("account {user_id}"),
    })?;
    let now = clock.now();
    let (reset, lock) = (random()?, random()?);
    let mut tx = db.begin().await?;
    tokens::void(&mut tx, user.id, Purpose::Reset, now).await?;
    tokens::issue(
        &mut tx,
        user.id,
        Purpose::Reset,
        &secrets::hash_token(&reset),
        now,
        now + RESET_FOR,
    )
    .await?;
    tokens::issue(
        &mut tx,
        user.id,
        Purpose::Lock,
        &secrets::hash_token(&lock),
        now,
        now + Duration::days(3650),
    )
    .await?;
    let letter = letters::reset(
        &user.lang,
        &user.name,
        &site.link("/reset", &reset),
        &site.link("/lock", &lock),
    );
    outbox::enqueue(&mut tx, &letter.to(&user.email), now).await?;
    inbox::add(&mut tx, user.id, &letter.subject, &letter.inbox_body(), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a new password from a reset link (the office's, or one the person asked for,
/// `forgot`); this lifts the lock (AC-8), ends every session and voids other reset links.
pub async fn reset_password(
    db: &Db,
    clock: &dyn Clock,
    limits: &Limits,
    token: &str,
    new_password: &str,
) -> Result<(), AppError> {
    let now = clock.now();
    let hash_of = secrets::hash_token(token);
    // Check the password before using up the link, so a typo does not cost the link.
    let mut probe = db.begin().await?;
    let user_ref = match tokens::consume(&mut probe, &hash_of, Purpose::Reset, now).await? {
        Consumed::Ok(u) => u,
        Consumed::Expired(_) => return Err(bad_link("token_expired")),
        Consumed::Invalid => return Err(bad_link("token_invalid")),
    };
    drop(probe); // rolled back: the token stays unused until the password is accepted
    let user = users::by_id(db, user_ref)
        .await?
        .ok_or_else(|| bad_link("token_invalid"))?;
    madoguchi_domain::password::validate_new(new_password, &user.user_id, None).map_err(|p| {
        AppError::Fields(vec![crate::shared::FieldProblem {
            field: "password",
            code: "weak_password",
            detail: Some(p.code()),
            offences: Vec::new(),
        }])
    })?;
    let hash = limits.hash(new_password).await?;
    let mut tx = db.begin().await?;
    if tokens::consume(&mut tx, &hash_of, Purpose::Reset, now).await? != Consumed::Ok(user_ref) {
        return Err(bad_link("token_invalid"));
    }
    // Any other reset link sent before (by the office, or asked for again) dies with it.
    tokens::void(&mut tx, user_ref, Purpose::Reset, now).await?;
    users::set_password(&mut tx, user_ref, &hash, now, true).await?;
    tx.commit().await?;
    sessions::delete_for_user(db, user_ref).await?;
    // AC-8: the reset also lifts the AC-5 lock and forgets the failures.
    let key = crate::accounts::sign_in::attempt_key(&user.user_id);
    madoguchi_store::accounts::attempts::clear(db, &key, now).await?;
    Ok(())
}
