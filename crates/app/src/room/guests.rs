//! A declared companion's way in (MT-3, C12-3, N20-2): the counsellor issues a single-use
//! link; the first browser to use it gets the companion's seat for that session, and the
//! link is spent. Valid until the room closes. An interview's room (IV-3) takes a
//! companion of the job seeker the same way, without one declared beforehand.

use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::room as store;
use madoguchi_store::room::interview as interview_store;

use super::RoomConfig;
use super::access::{Entry, standing};
use crate::AppError;
use crate::accounts::session::Session;
use crate::shared::secrets;
use madoguchi_domain::room::{Phase, Role};
use madoguchi_domain::room_key::RoomKey;

fn random() -> Result<String, AppError> {
    secrets::random_token().map_err(|e| AppError::Random(e.to_string()))
}

/// The counsellor (an `Entry` of role counsellor) issues a link for the declared companion.
/// Returns the token, which is shown once and stored only by hash.
pub async fn issue(db: &Db, clock: &dyn Clock, config: &RoomConfig, staff: &Entry) -> Result<String, AppError> {
    if staff.role != Role::Counsellor {
        return Err(AppError::NotFound {
            what: format!("room {}", staff.room.id),
        });
    }
    let consultation = matches!(staff.key, RoomKey::Consultation(_));
    if consultation && staff.room.companion.trim().is_empty() {
        return Err(AppError::Refused {
            code: "no_companion",
            message: "no companion was declared for this consultation".into(),
        });
    }
    let now = clock.now();
    let closes = match standing(&staff.room, config, now) {
        Phase::Closed => {
            return Err(AppError::Refused {
                code: "room_closed",
                message: "the room is closed".into(),
            });
        }
        Phase::NotOpen { .. } | Phase::Open { .. } => staff.room.ends_at + super::grace::of_room(&staff.room, config),
    };
    let staff_ref = staff
        .actor
        .strip_prefix("staff:")
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    let token = random()?;
    let hash = secrets::hash_token(&token);
    match staff.key {
        RoomKey::Consultation(id) => store::issue_guest(db, id, &hash, staff_ref, now, closes).await?,
        RoomKey::Interview(id) => interview_store::issue_guest(db, id, &hash, staff_ref, now, closes).await?,
    }
    Ok(token)
}

/// Uses a consultation's companion link once for this (anonymous) session; the reservation.
pub async fn redeem(db: &Db, clock: &dyn Clock, token: &str, session: &Session) -> Result<i64, AppError> {
    let (token, me) = hashes(token, session)?;
    store::redeem_guest(db, &token, &me, clock.now())
        .await?
        .ok_or_else(used)
}

/// Uses a companion link of any room once for this (anonymous) session; the room it opens.
/// Unknown, used and expired links get the same answer (`link_used`).
pub async fn redeem_key(db: &Db, clock: &dyn Clock, token: &str, session: &Session) -> Result<RoomKey, AppError> {
    let (token, me) = hashes(token, session)?;
    let now = clock.now();
    if let Some(id) = store::redeem_guest(db, &token, &me, now).await? {
        return Ok(RoomKey::Consultation(id));
    }
    interview_store::redeem_guest(db, &token, &me, now)
        .await?
        .map(RoomKey::Interview)
        .ok_or_else(used)
}

fn used() -> AppError {
    AppError::Refused {
        code: "link_used",
        message: "this link was already used or has expired; ask the counsellor for a new one".into(),
    }
}

/// The link's and the session's hashes; a signed-in browser cannot be a companion.
fn hashes(token: &str, session: &Session) -> Result<(String, String), AppError> {
    if session.user_ref.is_some() || session.staff_ref.is_some() {
        return Err(AppError::Refused {
            code: "link_used",
            message: "a companion link is for a browser that is not signed in".into(),
        });
    }
    Ok((secrets::hash_token(token), secrets::hash_token(&session.id)))
}
