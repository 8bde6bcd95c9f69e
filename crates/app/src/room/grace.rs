//! The grace period an office sets for its built-in rooms (MT-3: "until the slot ends + a
//! grace period the office sets"): 0 to 60 minutes after the end, for room access, a
//! companion link's expiry, the link on My Page and the TURN credential alike. An office
//! that has not chosen one gets the configured `room.grace_minutes`.

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::room::{self, MAX_GRACE_MINUTES};
use madoguchi_store::Db;
use madoguchi_store::accounts::staff as staff_store;
use madoguchi_store::room::RoomRow;
use madoguchi_store::room::grace as store;

use super::RoomConfig;
use crate::AppError;
use crate::shared::StaffMember;

/// An office's grace period, and whether the office chose it (else it is the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeGrace {
    pub minutes: i64,
    pub chosen: bool,
}

impl OfficeGrace {
    pub fn duration(self) -> Duration {
        Duration::minutes(self.minutes)
    }
}

/// The grace period of the room of `room` (its office's, else the default).
pub fn of_room(room: &RoomRow, config: &RoomConfig) -> Duration {
    room::grace(room.grace_minutes.map(i64::from), config.grace)
}

/// The grace period at `office`; not found for an unknown office.
pub async fn of_office(db: &Db, config: &RoomConfig, office: &str) -> Result<OfficeGrace, AppError> {
    let stored = store::of_office(db, office).await?.ok_or_else(|| AppError::NotFound {
        what: format!("office {office}"),
    })?;
    Ok(OfficeGrace {
        minutes: room::grace(stored.map(i64::from), config.grace).num_minutes(),
        chosen: stored.is_some(),
    })
}

/// The operator sets an office's grace period (`madoguchi office edit --room-grace-minutes`),
/// checked as the form checks it; the command line is the operator's, so no staff audit.
pub async fn set_by_operator(db: &Db, office: &str, typed: &str) -> Result<u32, AppError> {
    let Some(minutes) = room::grace_minutes(typed) else {
        return Err(AppError::invalid(
            "invalid_room_grace",
            "room_grace_minutes",
            format!("whole minutes from 0 to {MAX_GRACE_MINUTES}"),
        ));
    };
    let mut tx = db.begin().await?;
    if !store::set(&mut tx, office, i32::try_from(minutes).unwrap_or(i32::MAX)).await? {
        return Err(AppError::NotFound {
            what: format!("office {office}"),
        });
    }
    tx.commit().await?;
    Ok(minutes)
}

/// An office admin of `office` (or a national admin) sets its grace period from what was
/// typed (0 to 60 minutes, `invalid_room_grace` otherwise); audited as `set_room_grace`.
pub async fn set(db: &Db, clock: &dyn Clock, staff: &StaffMember, office: &str, typed: &str) -> Result<u32, AppError> {
    if !madoguchi_domain::staff::administers(staff.role, staff.office.as_deref(), office) {
        return Err(AppError::Forbidden {
            code: "forbidden",
            message: "only the office's admins set its rooms' grace period",
        });
    }
    let Some(minutes) = room::grace_minutes(typed) else {
        return Err(AppError::invalid(
            "invalid_room_grace",
            "grace_minutes",
            format!("whole minutes from 0 to {MAX_GRACE_MINUTES}"),
        ));
    };
    let value = i32::try_from(minutes).unwrap_or(i32::MAX);
    let mut tx = db.begin().await?;
    if !store::set(&mut tx, office, value).await? {
        return Err(AppError::NotFound {
            what: format!("office {office}"),
        });
    }
    let detail = format!("{office}: {minutes} min");
    staff_store::audit(&mut tx, staff.id, "set_room_grace", None, &detail, clock.now()).await?;
    tx.commit().await?;
    Ok(minutes)
}
