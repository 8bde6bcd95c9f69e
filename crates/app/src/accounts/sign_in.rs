//! Signing in (rules AC-5, AC-6, AC-7): user ID and password, lockout after repeated
//! failures, a per-address limit, no hint whether a user ID exists, a new session ID.

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, accounts::sessions, accounts::users};

use crate::AppError;
use crate::accounts::session::{self, Session};

/// AC-5: this many failures within the window lock the account for the window.
pub const MAX_FAILURES: i64 = 5;
pub const WINDOW: Duration = Duration::minutes(15);
/// AC-5: failures from one client address within the window before it is refused.
pub const MAX_ADDRESS_FAILURES: i64 = 20;
/// AC-7: after this long the user is asked to change the password.
pub const PASSWORD_MAX_AGE: Duration = Duration::days(365);

#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session: Session,
    pub user_ref: i64,
    /// AC-7: ask the user to change the password now.
    pub password_change_due: bool,
}

const INVALID: AppError = AppError::Unauthorized {
    code: "invalid_credentials",
    message: "the user ID or password is not correct",
};
const LOCKED: AppError = AppError::Forbidden {
    code: "account_locked",
    message: "this account is locked; wait 15 minutes, or use the link in your email to reset the password",
};

/// A hash of a random password, verified when the user ID is unknown so that the answer
/// takes as long as for a real account (no user enumeration by timing).
pub(crate) async fn decoy_hash() -> String {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if let Some(h) = DECOY.get() {
        return h.clone();
    }
    let made = tokio::task::spawn_blocking(|| {
        let secret = crate::shared::secrets::random_token().unwrap_or_default();
        madoguchi_domain::password::hash(&secret).unwrap_or_default()
    })
    .await
    .unwrap_or_default();
    DECOY.get_or_init(|| made).clone()
}

async fn verify_blocking(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_owned(), hash.to_owned());
    tokio::task::spawn_blocking(move || madoguchi_domain::password::verify(&password, &hash))
        .await
        .unwrap_or(false)
}

pub async fn sign_in(
    db: &Db,
    clock: &dyn Clock,
    user_id: &str,
    password: &str,
    client_addr: &str,
    old_session: Option<&str>,
) -> Result<SignedIn, AppError> {
    let now = clock.now();
    // A user ID is at most 32 characters (AC-2); longer input is cut so it cannot bloat the failure log.
    let key: String = user_id.trim().to_ascii_lowercase().chars().take(64).collect();
    let (user_failures, addr_failures) = sessions::failures_since(db, &key, client_addr, now - WINDOW).await?;
    if addr_failures >= MAX_ADDRESS_FAILURES {
        return Err(AppError::RateLimited);
    }
    // Counted per user ID whether or not it exists, so a lock reveals nothing.
    if user_failures >= MAX_FAILURES {
        return Err(LOCKED);
    }
    let user = users::by_key(db, &key).await?;
    if user
        .as_ref()
        .and_then(|u| u.failures_locked_until)
        .is_some_and(|until| until > now)
    {
        return Err(LOCKED);
    }
    let hash = match &user {
        Some(u) => u.password_hash.clone(),
        None => decoy_hash().await,
    };
    let correct = verify_blocking(password, &hash).await && user.is_some();
    let Some(user) = user.filter(|_| correct) else {
        sessions::record_failure(db, &key, client_addr, now).await?;
        if user_failures + 1 >= MAX_FAILURES {
            users::lock_until(db, &key, now + WINDOW).await?;
        }
        return Err(INVALID);
    };
    if user.locked_at.is_some() {
        return Err(LOCKED);
    }
    if user.state != "active" {
        return Err(AppError::Forbidden {
            code: "email_not_verified",
            message: "please open the link in the email we sent to finish registering",
        });
    }
    sessions::clear_failures(db, &key).await?;
    users::record_sign_in(db, user.id, now).await?;
    let session = session::rotate(db, clock, old_session, sessions::Owner::User(user.id)).await?;
    Ok(SignedIn {
        session,
        user_ref: user.id,
        password_change_due: user.password_changed_at < now - PASSWORD_MAX_AGE,
    })
}
