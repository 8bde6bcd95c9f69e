//! Attendance recorded by the room itself (rules BK-11, BK-13, BK-16), with the server's
//! clock: the job seeker waiting, joined (admitted, with a connected peer: the first time
//! sets `joined_at`, which is what staff's "joined" sets and what the no-show sweeper
//! reads), left and re-joined; the counsellor ending the consultation, which records it
//! as attended. A drop and a re-join within the slot stay one consultation.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::room::Role;
use madoguchi_store::Db;
use madoguchi_store::room as store;

use super::access::Entry;
use crate::AppError;

/// The job seeker arrived in the waiting room.
pub async fn waiting(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<(), AppError> {
    seeker_event(db, clock, entry, "room_waiting").await
}

/// The job seeker left (or lost the connection).
pub async fn left(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<(), AppError> {
    seeker_event(db, clock, entry, "room_left").await
}

async fn seeker_event(db: &Db, clock: &dyn Clock, entry: &Entry, kind: &str) -> Result<(), AppError> {
    if entry.role == Role::Seeker {
        store::event(db, entry.room.id, kind, &entry.actor, clock.now()).await?;
    }
    Ok(())
}

/// BK-11: the admitted job seeker's browser reports a connected peer. Returns the event
/// written (`room_joined` or `room_rejoined`), or `None` when nothing new happened.
pub async fn connected(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<Option<&'static str>, AppError> {
    if entry.role != Role::Seeker {
        return Ok(None);
    }
    Ok(store::joined(db, entry.room.id, &entry.actor, clock.now()).await?)
}

/// BK-16: the counsellor ends the consultation in the room; if the job seeker had joined it
/// took place (attended). The room closes for everyone. Returns whether it became attended.
pub async fn end(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<bool, AppError> {
    if entry.role != Role::Counsellor {
        return Err(AppError::Forbidden {
            code: "forbidden",
            message: "only the counsellor ends the consultation",
        });
    }
    Ok(store::end(db, entry.room.id, &entry.actor, clock.now()).await?)
}
