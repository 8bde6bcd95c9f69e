//! Attendance recorded by the room itself (rules BK-11, BK-13, BK-16, IV-3), with the
//! server's clock. In a consultation: the job seeker waiting, joined (admitted, with a
//! connected peer: the first time sets `joined_at`, which is what staff's "joined" sets and
//! what the no-show sweeper reads), left and re-joined; the counsellor ending the
//! consultation, which records it as attended. A drop and a re-join within the slot stay
//! one consultation. In an interview each side records itself: the job seeker, each
//! employer seat and staff (`seeker`, `employer:1`, `staff:3`) joined, left, re-joined, with
//! each side's first join on the interview; the counsellor's end closes the room.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::room::Role;
use madoguchi_domain::room_key::RoomKey;
use madoguchi_store::Db;
use madoguchi_store::room as store;
use madoguchi_store::room::interview::{self as interview_store, Side};

use super::access::Entry;
use crate::AppError;

/// Which side of an interview `role` is on; companions are not recorded.
fn side(role: Role) -> Option<Side> {
    match role {
        Role::Seeker => Some(Side::Seeker),
        Role::Employer1 | Role::Employer2 => Some(Side::Employer),
        Role::Counsellor => Some(Side::Other),
        Role::Companion => None,
    }
}

/// Someone arrived in the waiting room (recorded for a consultation's job seeker).
pub async fn waiting(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<(), AppError> {
    if let (RoomKey::Consultation(id), Role::Seeker) = (entry.key, entry.role) {
        store::event(db, id, "room_waiting", &entry.actor, clock.now()).await?;
    }
    Ok(())
}

/// Someone left (or lost the connection).
pub async fn left(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<(), AppError> {
    match (entry.key, entry.role) {
        (RoomKey::Consultation(id), Role::Seeker) => {
            store::event(db, id, "room_left", &entry.actor, clock.now()).await?;
        }
        (RoomKey::Interview(id), role) if side(role).is_some() => {
            interview_store::left(db, id, &entry.actor, clock.now()).await?;
        }
        _ => {}
    }
    Ok(())
}

/// BK-11, IV-3: an admitted person's browser reports a connected peer. Returns the event
/// written (`room_joined` or `room_rejoined`), or `None` when nothing new happened.
pub async fn connected(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<Option<&'static str>, AppError> {
    Ok(match (entry.key, entry.role) {
        (RoomKey::Consultation(id), Role::Seeker) => store::joined(db, id, &entry.actor, clock.now()).await?,
        (RoomKey::Interview(id), role) => match side(role) {
            Some(s) => interview_store::joined(db, id, s, &entry.actor, clock.now()).await?,
            None => None,
        },
        _ => None,
    })
}

/// BK-16: the counsellor ends the consultation in the room; if the job seeker had joined it
/// took place (attended). The room closes for everyone. Returns whether it became attended;
/// an interview's end only closes its room (its outcome is what the employer reports, IV-4).
pub async fn end(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<bool, AppError> {
    if entry.role != Role::Counsellor {
        return Err(AppError::Forbidden {
            code: "forbidden",
            message: "only the counsellor ends the meeting",
        });
    }
    match entry.key {
        RoomKey::Consultation(id) => Ok(store::end(db, id, &entry.actor, clock.now()).await?),
        RoomKey::Interview(id) => {
            interview_store::event(db, id, "room_ended", &entry.actor, clock.now()).await?;
            Ok(false)
        }
    }
}
