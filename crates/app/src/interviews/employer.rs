//! The employer's side (IV-1, IV-5): the mailed link is opened once, binding the browser
//! session that opened it (that browser may open it again; another is refused), from its
//! issue until the interview ends. The page it leads to shows the interview's time, app and
//! job, the job seeker's name and only what they chose to share; each showing is written
//! to `interview_views` (the job seeker's "who viewed my data", PV-4). The web layer puts
//! the request in the usage record (PV-1) as the event `employer_view`.

use chrono::{DateTime, Utc};
use madoguchi_domain::clock::Clock;
use madoguchi_domain::interview::{State, link_valid};
use madoguchi_store::Db;
use madoguchi_store::accounts::users;
use madoguchi_store::interviews::{self as store, links};

use super::Interview;
use crate::AppError;
use crate::accounts::session::Session;
use crate::shared::secrets;

fn refused(code: &'static str, message: &'static str) -> AppError {
    AppError::Forbidden { code, message }
}

const INVALID: &str = "this interview link is not valid; use the link in the office's mail";
const EXPIRED: &str = "this interview link is no longer valid (the interview has ended or was cancelled)";
const USED: &str = "this interview link was already opened in another browser; ask the office for a new one";
const OTHER: &str = "this browser opened the link of another interview";

/// Opens the link for this browser session; the interview it belongs to. Unknown or
/// missing token: `link_invalid`; expired or revoked: `link_expired`; bound to another
/// browser: `link_used`.
pub async fn redeem(db: &Db, clock: &dyn Clock, token: &str, session: &Session) -> Result<i64, AppError> {
    let token = token.trim();
    if token.is_empty() || session.id.is_empty() {
        return Err(refused("link_invalid", INVALID));
    }
    let Some(link) = links::by_hash(db, &secrets::hash_token(token)).await? else {
        return Err(refused("link_invalid", INVALID));
    };
    let now = clock.now();
    if link.revoked_at.is_some() || !link_valid(link.issued_at, link.expires_at, now) {
        return Err(refused("link_expired", EXPIRED));
    }
    let session_hash = secrets::hash_token(&session.id);
    if link.session_hash.as_deref().is_some_and(|h| h != session_hash) {
        return Err(refused("link_used", USED));
    }
    if !links::bind(db, link.id, &session_hash, now).await? {
        // Another browser bound it between our read and our write, or it just expired.
        return Err(refused("link_used", USED));
    }
    Ok(link.interview_id)
}

/// What the employer's page shows (IV-5): nothing else of the job seeker's record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerPage {
    pub interview_id: i64,
    pub employer_name: String,
    pub job_number: String,
    pub job_title: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// `builtin` or `zoom`.
    pub app: String,
    pub counsellor_attends: bool,
    /// The office's name: (Japanese, English).
    pub office: (String, String),
    pub office_phone: String,
    pub seeker_name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub job_seeker_number: Option<String>,
}

/// The page for interview `id`, for a browser bound to one of its links; each call is a
/// recorded view. A browser bound to another interview's link (or none) is refused.
pub async fn page(db: &Db, clock: &dyn Clock, id: i64, session: &Session) -> Result<EmployerPage, AppError> {
    if session.id.is_empty() {
        return Err(refused("link_invalid", INVALID));
    }
    let Some(link) = links::bound(db, id, &secrets::hash_token(&session.id)).await? else {
        return Err(refused("link_other_interview", OTHER));
    };
    let now = clock.now();
    let row = store::interview(db, id).await?.ok_or_else(|| super::not_found(id))?;
    let i = Interview::from_row(row)?;
    if i.state != State::Accepted || !link_valid(link.issued_at, link.expires_at, now) {
        return Err(refused("link_expired", EXPIRED));
    }
    let u = users::by_id(db, i.row.user_ref)
        .await?
        .filter(|u| u.state == "active")
        .ok_or_else(|| refused("link_expired", EXPIRED))?;
    let shares = i.shares();
    let number = if shares.number {
        madoguchi_store::eligibility::get(db, u.id)
            .await?
            .and_then(|e| e.job_seeker_number)
    } else {
        None
    };
    let o = crate::offices::get(db, &i.row.office_code).await?;
    links::record_view(db, id, link.id, u.id, &shares.shown(), now).await?;
    let r = i.row;
    Ok(EmployerPage {
        interview_id: id,
        employer_name: r.employer_name,
        job_number: r.job_number,
        job_title: r.job_title,
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        app: r.app,
        counsellor_attends: r.counsellor_attends,
        office: (o.name_ja, o.name_en),
        office_phone: o.phone,
        seeker_name: u.name,
        address: shares.address.then_some(u.address),
        phone: shares.phone.then_some(u.phone),
        job_seeker_number: number,
    })
}
