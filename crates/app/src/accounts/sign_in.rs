//! Signing in (rules AC-5, AC-6, AC-7): user ID and password, lockout after repeated
//! failures, a per-address limit, no hint whether a user ID exists, a new session ID.
//! Each attempt is counted in the database before its password is checked
//! (`store::accounts::attempts`), so the limits hold for attempts sent all at once.

use chrono::{DateTime, Duration, Utc};
use madoguchi_domain::clock::Clock;
use madoguchi_store::accounts::attempts::{self, Admission, Settled, SignInLimits};
use madoguchi_store::{Db, accounts::sessions, accounts::users};

use crate::AppError;
use crate::accounts::limits::Limits;
use crate::accounts::session::{self, Session};

/// AC-5: this many failures within the window lock the account for the window. Attempts
/// still being checked count as failures.
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
    message: "this account is locked; wait 15 minutes, or reset the password with \"Forgot your password?\" \
              (/password-reset)",
};

/// A hash of a random password, verified when the user ID is unknown so that the answer
/// takes as long as for a real account (no user enumeration by timing).
async fn decoy_hash(limits: &Limits) -> Result<String, AppError> {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    if let Some(h) = DECOY.get() {
        return Ok(h.clone());
    }
    let secret = crate::shared::secrets::random_token().map_err(|e| AppError::Random(e.to_string()))?;
    let made = limits.hash(&secret).await?;
    Ok(DECOY.get_or_init(|| made).clone())
}

/// The key the limits count for a typed user ID: as accounts are looked up (trimmed, lower
/// case), cut to 64 characters so input cannot bloat the log (a user ID has at most 32,
/// AC-2). `:` never occurs in a user ID and becomes `#`, so typed text cannot name a staff
/// member's key (`staff:…`).
pub(crate) fn attempt_key(typed: &str) -> String {
    typed
        .trim()
        .to_ascii_lowercase()
        .chars()
        .take(64)
        .map(|c| if c == ':' { '#' } else { c })
        .collect()
}

/// The AC-5 limits for an attempt at `now`.
pub(crate) fn limits_at(now: DateTime<Utc>) -> SignInLimits {
    SignInLimits {
        since: now - WINDOW,
        per_user: MAX_FAILURES,
        per_address: MAX_ADDRESS_FAILURES,
        lock_until: now + WINDOW,
    }
}

/// Counts the attempt for `failure_key` from `client_addr`, or says why it may not be made.
pub(crate) async fn admit(
    db: &Db,
    failure_key: &str,
    client_addr: &str,
    now: DateTime<Utc>,
    locked: AppError,
) -> Result<i64, AppError> {
    match attempts::admit(db, failure_key, client_addr, now, limits_at(now)).await? {
        Admission::Admitted(attempt) => Ok(attempt),
        Admission::Locked => Err(locked),
        Admission::AddressLimited => Err(AppError::RateLimited),
    }
}

/// Checks the password of an admitted attempt against `hash`, or against the decoy for an
/// unknown user ID (never right). If no hashing slot frees up in time nothing was checked,
/// so the attempt is taken back and the answer is `busy`.
pub(crate) async fn check(
    db: &Db,
    limits: &Limits,
    attempt: i64,
    password: &str,
    hash: Option<&str>,
) -> Result<bool, AppError> {
    let checked = match hash {
        Some(hash) => limits.verify(password, hash).await,
        None => match decoy_hash(limits).await {
            Ok(decoy) => limits.verify(password, &decoy).await.map(|_| false),
            Err(e) => Err(e),
        },
    };
    if matches!(checked, Err(AppError::Busy { .. })) {
        attempts::withdraw(db, attempt).await?;
    }
    checked
}

pub async fn sign_in(
    db: &Db,
    clock: &dyn Clock,
    limits: &Limits,
    user_id: &str,
    password: &str,
    client_addr: &str,
    old_session: Option<&str>,
) -> Result<SignedIn, AppError> {
    let now = clock.now();
    // Counted per user ID whether or not it exists, so a lock reveals nothing.
    let key = attempt_key(user_id);
    let attempt = admit(db, &key, client_addr, now, LOCKED).await?;
    let user = users::by_key(db, &key).await?;
    let hash = user.as_ref().map(|u| u.password_hash.as_str());
    let correct = check(db, limits, attempt, password, hash).await?;
    // While the account is locked (by attempts sent alongside this one) the answer is the
    // lock, right password or not, so it tells nothing about the password.
    let user = match (attempts::settle(db, &key, correct, now, limits_at(now)).await?, user) {
        (Settled::SignedIn, Some(user)) => user,
        (Settled::Locked, _) => return Err(LOCKED),
        _ => return Err(INVALID),
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
    users::record_sign_in(db, user.id, now).await?;
    let session = session::rotate(db, clock, old_session, sessions::Owner::User(user.id)).await?;
    Ok(SignedIn {
        session,
        user_ref: user.id,
        password_change_due: user.password_changed_at < now - PASSWORD_MAX_AGE,
    })
}
