//! Who may enter a room, and when (MT-3): the reservation's job seeker, staff of its office
//! and a companion whose session used a link the counsellor issued; nobody else learns the
//! room exists (not found). Open from ten minutes before the start until the end plus the
//! office's grace period, for a confirmed (or already attended) consultation in the built-in
//! room. An interview's room (IV-3, `RoomKey::Interview`) is decided in `interview`.

use chrono::{DateTime, Utc};
use madoguchi_domain::clock::Clock;
use madoguchi_domain::room::{Phase, Role, phase};
use madoguchi_domain::room_key::RoomKey;
use madoguchi_store::Db;
use madoguchi_store::room::{self as store, RoomRow};

use super::RoomConfig;
use crate::AppError;
use crate::accounts::session::Session;
use crate::shared::secrets;

/// Someone allowed into a room.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Which room: a consultation's or an interview's.
    pub key: RoomKey,
    pub room: RoomRow,
    pub role: Role,
    /// Who, for events and the TURN user name: `user:1`, `staff:2`, `companion`.
    pub actor: String,
    /// The staff member's name for a counsellor; empty otherwise (the page says the role).
    pub name: String,
    /// Whether a counsellor admits the others from the waiting room; an interview no
    /// counsellor attends lets everyone in itself (IV-3).
    pub counsellor_admits: bool,
}

impl Entry {
    pub(crate) fn new(key: RoomKey, room: RoomRow, role: Role, actor: String, name: String) -> Self {
        Self {
            key,
            room,
            role,
            actor,
            name,
            counsellor_admits: true,
        }
    }

    /// Whether this person waits to be admitted when they come in.
    pub fn waits(&self) -> bool {
        self.counsellor_admits && !self.role.admits()
    }
}

pub(crate) fn not_found(id: i64) -> AppError {
    AppError::NotFound {
        what: format!("room {id}"),
    }
}

pub(crate) fn not_signed_in() -> AppError {
    AppError::Unauthorized {
        code: "not_signed_in",
        message: "sign in to enter the room",
    }
}

/// The session, if it is one at all.
pub(crate) fn some_session(session: Option<&Session>) -> Result<&Session, AppError> {
    session
        .filter(|s| s.user_ref.is_some() || s.staff_ref.is_some() || !s.id.is_empty())
        .ok_or_else(not_signed_in)
}

/// Who `session` is in the room `key`, whatever the time.
pub async fn who_key(db: &Db, session: Option<&Session>, key: RoomKey) -> Result<Entry, AppError> {
    match key {
        RoomKey::Consultation(id) => who(db, session, id).await,
        RoomKey::Interview(id) => super::interview::who(db, session, id).await,
    }
}

/// Who `session` is in reservation `id`'s room, whatever the time: 401 without a session,
/// not found for anyone else or a reservation without a built-in room.
pub async fn who(db: &Db, session: Option<&Session>, id: i64) -> Result<Entry, AppError> {
    let s = some_session(session)?;
    let key = RoomKey::Consultation(id);
    let room = store::room(db, id)
        .await?
        .filter(|r| r.app == "builtin")
        .ok_or_else(|| not_found(id))?;
    if s.user_ref == Some(room.user_ref) {
        let actor = format!("user:{}", room.user_ref);
        return Ok(Entry::new(key, room, Role::Seeker, actor, String::new()));
    }
    if let Some(staff_ref) = s.staff_ref {
        let member = crate::console::staff::member(db, staff_ref).await?;
        if let Some(m) = member.filter(|m| m.office.as_deref() == Some(room.office_code.as_str())) {
            return Ok(Entry::new(
                key,
                room,
                Role::Counsellor,
                format!("staff:{}", m.id),
                m.name,
            ));
        }
        return Err(not_found(id));
    }
    if s.user_ref.is_none() && store::is_guest(db, id, &secrets::hash_token(&s.id)).await? {
        return Ok(Entry::new(
            key,
            room,
            Role::Companion,
            "companion".into(),
            String::new(),
        ));
    }
    // A signed-in person other than the job seeker, or an anonymous session without a link:
    // the same answer, so nobody learns which reservations have rooms.
    if s.user_ref.is_none() && s.staff_ref.is_none() {
        return Err(not_signed_in());
    }
    Err(not_found(id))
}

/// Where the room stands now; the room is closed once the consultation was ended in it,
/// cancelled or marked a no-show.
pub fn standing(room: &RoomRow, config: &RoomConfig, now: DateTime<Utc>) -> Phase {
    if room.ended_at.is_some() || !matches!(room.state.as_str(), "confirmed" | "attended") {
        return Phase::Closed;
    }
    phase(room.starts_at, room.ends_at, super::grace::of_room(room, config), now)
}

/// `who`, and the room must be open now (`room_not_open`, `room_closed`).
pub async fn enter(
    db: &Db,
    clock: &dyn Clock,
    config: &RoomConfig,
    session: Option<&Session>,
    id: i64,
) -> Result<Entry, AppError> {
    enter_key(db, clock, config, session, RoomKey::Consultation(id)).await
}

/// `enter` for any room.
pub async fn enter_key(
    db: &Db,
    clock: &dyn Clock,
    config: &RoomConfig,
    session: Option<&Session>,
    key: RoomKey,
) -> Result<Entry, AppError> {
    let entry = who_key(db, session, key).await?;
    open_now(&entry.room, config, clock.now())?;
    Ok(entry)
}

/// Refuses unless the room is open at `now`.
pub fn open_now(room: &RoomRow, config: &RoomConfig, now: DateTime<Utc>) -> Result<DateTime<Utc>, AppError> {
    match standing(room, config, now) {
        Phase::Open { closes } => Ok(closes),
        Phase::NotOpen { .. } => Err(AppError::Refused {
            code: "room_not_open",
            message: "the room opens ten minutes before the start".into(),
        }),
        Phase::Closed => Err(AppError::Refused {
            code: "room_closed",
            message: "the room is closed".into(),
        }),
    }
}

/// PV-4: the counsellor's room page shows the verification name and number (C6-2); each
/// view is audited like the day page's.
pub async fn audit_view(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<(), AppError> {
    let Some(staff_ref) = entry.actor.strip_prefix("staff:").and_then(|s| s.parse::<i64>().ok()) else {
        return Ok(());
    };
    let mut tx = db.begin().await?;
    madoguchi_store::accounts::staff::audit(
        &mut tx,
        staff_ref,
        "view_room",
        Some(entry.room.user_ref),
        &entry.key.to_string(),
        clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// BK-14: the job seeker ticked every item of the checklist before joining (the page checks
/// the items); kept on the reservation or the interview.
pub async fn confirm_checklist(db: &Db, clock: &dyn Clock, entry: &Entry) -> Result<(), AppError> {
    if entry.role != Role::Seeker {
        return Err(not_found(entry.key.id()));
    }
    let (user, now) = (entry.room.user_ref, clock.now());
    match entry.key {
        RoomKey::Consultation(id) => {
            madoguchi_store::consultations::schedule::confirm_checklist(db, id, user, now).await?;
        }
        RoomKey::Interview(id) => {
            madoguchi_store::room::interview::confirm_checklist(db, id, user, now).await?;
        }
    }
    Ok(())
}
