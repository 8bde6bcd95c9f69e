//! Sessions (rule AC-6): stored server-side by hash, 30-minute idle and 12-hour absolute
//! limits, a new ID at sign-in, and a CSRF token bound to each session.

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::accounts::sessions::{self, Owner};

use crate::{AppError, shared::secrets};

pub const IDLE: Duration = Duration::minutes(30);
pub const ABSOLUTE: Duration = Duration::hours(12);

/// A live session as the web layer sees it. `id` is the cookie value; it is never stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: String,
    pub user_ref: Option<i64>,
    /// Set for a signed-in staff member; staff and job-seeker sessions never mix.
    pub staff_ref: Option<i64>,
    pub csrf: String,
    /// A job seeker's language setting (issue 16), as stored: pages follow it.
    pub lang: Option<String>,
}

fn internal(e: getrandom::Error) -> AppError {
    AppError::Random(e.to_string())
}

/// Starts a session for `owner` (anonymous, a job seeker or a staff member).
pub async fn start(db: &Db, clock: &dyn Clock, owner: Owner) -> Result<Session, AppError> {
    let id = secrets::random_token().map_err(internal)?;
    let csrf = secrets::random_token().map_err(internal)?;
    sessions::create(db, &secrets::hash_token(&id), owner, &csrf, clock.now()).await?;
    let (user_ref, staff_ref) = match owner {
        Owner::Anonymous => (None, None),
        Owner::User(u) => (Some(u), None),
        Owner::Staff(s) => (None, Some(s)),
    };
    Ok(Session {
        id,
        user_ref,
        staff_ref,
        csrf,
        lang: None,
    })
}

/// The session behind a cookie value, if it is still live; using it extends the idle limit.
pub async fn resume(db: &Db, clock: &dyn Clock, id: &str) -> Result<Option<Session>, AppError> {
    let now = clock.now();
    let row = sessions::touch(db, &secrets::hash_token(id), now, now - IDLE, now - ABSOLUTE).await?;
    Ok(row.map(|r| Session {
        id: id.to_owned(),
        user_ref: r.user_ref,
        staff_ref: r.staff_ref,
        csrf: r.csrf_token,
        lang: r.lang,
    }))
}

/// Sign-in: the old ID dies and a new one carries the account (no session fixation).
pub async fn rotate(db: &Db, clock: &dyn Clock, old: Option<&str>, owner: Owner) -> Result<Session, AppError> {
    if let Some(old) = old {
        sessions::delete(db, &secrets::hash_token(old)).await?;
    }
    start(db, clock, owner).await
}

pub async fn end(db: &Db, id: &str) -> Result<(), AppError> {
    Ok(sessions::delete(db, &secrets::hash_token(id)).await?)
}
