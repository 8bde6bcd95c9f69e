//! Who may enter an interview's room (IV-3): the job seeker once they accepted it, a
//! companion with a single-use link a counsellor issued, staff of the office, and the
//! employer's representatives, each through their own link (seat 1 or 2) already bound to
//! this browser by the employer's page. Nobody else learns the room exists (not found).
//! The time window, grace period, signalling and TURN are the consultation room's. With no
//! counsellor attending, the room admits everyone itself.

use madoguchi_domain::room::Role;
use madoguchi_domain::room_key::RoomKey;
use madoguchi_store::Db;
use madoguchi_store::interviews::links;
use madoguchi_store::room::interview as store;

use super::access::{Entry, not_found, not_signed_in, some_session};
use crate::AppError;
use crate::accounts::session::Session;
use crate::shared::secrets;

/// The seeker's actor in `interview_events` (the interview names its one job seeker).
pub const SEEKER: &str = "seeker";

/// Who `session` is in interview `id`'s room, whatever the time. A proposal the job seeker
/// has not accepted is refused to them (`interview_not_accepted`); a declined or cancelled
/// interview's room is closed (`access::standing`).
pub async fn who(db: &Db, session: Option<&Session>, id: i64) -> Result<Entry, AppError> {
    let s = some_session(session)?;
    let key = RoomKey::Interview(id);
    let Some(found) = store::room(db, id).await?.filter(|r| r.room.app == "builtin") else {
        return Err(not_found(id));
    };
    let admits = found.counsellor_attends;
    let room = found.room;
    let entry = |role: Role, actor: String, name: String| {
        let mut e = Entry::new(key, room.clone(), role, actor, name);
        e.counsellor_admits = admits;
        e
    };
    if s.user_ref == Some(room.user_ref) {
        if room.state == "proposed" {
            return Err(AppError::Refused {
                code: "interview_not_accepted",
                message: "accept the interview on My Page before entering its room".into(),
            });
        }
        return Ok(entry(Role::Seeker, SEEKER.into(), String::new()));
    }
    if let Some(staff_ref) = s.staff_ref {
        let member = crate::console::staff::member(db, staff_ref).await?;
        if let Some(m) = member.filter(|m| m.office.as_deref() == Some(room.office_code.as_str())) {
            return Ok(entry(Role::Counsellor, format!("staff:{}", m.id), m.name));
        }
        return Err(not_found(id));
    }
    if !s.id.is_empty() {
        let hash = secrets::hash_token(&s.id);
        if let Some(link) = links::bound(db, id, &hash).await? {
            let role = Role::employer(link.seat).ok_or_else(|| not_found(id))?;
            return Ok(entry(role, format!("employer:{}", link.seat), String::new()));
        }
        if s.user_ref.is_none() && store::is_guest(db, id, &hash).await? {
            return Ok(entry(Role::Companion, "companion".into(), String::new()));
        }
    }
    if s.user_ref.is_none() {
        return Err(not_signed_in());
    }
    Err(not_found(id))
}
