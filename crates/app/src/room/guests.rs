//! A declared companion's way in (MT-3, C12-3, N20-2): the counsellor issues a single-use
//! link; the first browser to use it gets the companion's seat for that session, and the
//! link is spent. Valid until the room closes.

use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::room as store;

use super::RoomConfig;
use super::access::{Entry, standing};
use crate::AppError;
use crate::accounts::session::Session;
use crate::shared::secrets;
use madoguchi_domain::room::{Phase, Role};

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
    if staff.room.companion.trim().is_empty() {
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
    store::issue_guest(db, staff.room.id, &secrets::hash_token(&token), staff_ref, now, closes).await?;
    Ok(token)
}

/// Uses a link once for this (anonymous) session; the reservation whose room it opens.
/// Unknown, used and expired links get the same answer (`link_used`).
pub async fn redeem(db: &Db, clock: &dyn Clock, token: &str, session: &Session) -> Result<i64, AppError> {
    if session.user_ref.is_some() || session.staff_ref.is_some() {
        return Err(AppError::Refused {
            code: "link_used",
            message: "a companion link is for a browser that is not signed in".into(),
        });
    }
    let id = store::redeem_guest(
        db,
        &secrets::hash_token(token),
        &secrets::hash_token(&session.id),
        clock.now(),
    )
    .await?;
    id.ok_or(AppError::Refused {
        code: "link_used",
        message: "this link was already used or has expired; ask the counsellor for a new one".into(),
    })
}
