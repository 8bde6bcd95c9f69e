//! `GET /api/v1/reservations/{id}/room` (MT-3): how the reservation's job seeker or a
//! counsellor of its office reaches the built-in room: the WebSocket and the ICE servers,
//! with a TURN credential minted for this call that expires when the room closes.

use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use madoguchi_app::AppError;
use madoguchi_app::room::{access, ice};
use madoguchi_domain::room::Role;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::http::problem::{ApiError, Problem};
use crate::http::visitor::Visitor;

/// One entry of `RTCConfiguration.iceServers`.
#[derive(Serialize, ToSchema)]
pub struct IceServerJson {
    /// `stun:`, `turn:` or `turns:` URLs.
    pub urls: Vec<String>,
    /// For TURN: `expiry:subject` (coturn's shared-secret scheme).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// For TURN: base64(HMAC-SHA1(secret, username)).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RoomJson {
    pub reservation_id: i64,
    /// `seeker` or `counsellor`.
    pub role: String,
    /// The signalling WebSocket (the session cookie authenticates it).
    pub ws_url: String,
    pub ice_servers: Vec<IceServerJson>,
    /// When the TURN credential expires and the room closes.
    pub expires_at: DateTime<Utc>,
}

/// The built-in room of a reservation (MT-3), open from ten minutes before the start until
/// the end plus the office's grace period. Anyone but its job seeker and its office's
/// staff gets `404`.
#[utoipa::path(get, path = "/api/v1/reservations/{id}/room", tag = "consultations", params(("id" = i64, Path)),
    security(("session" = [])),
    responses((status = 200, body = RoomJson),
        (status = 404, body = Problem, content_type = "application/problem+json",
         description = "`not_found`: not yours, not at your office, or not in the built-in room"),
        (status = 409, body = Problem, content_type = "application/problem+json",
         description = "`room_not_open`, `room_closed`")))]
pub async fn room(
    State(state): State<AppState>,
    visitor: Visitor,
    Path(id): Path<String>,
) -> Result<Json<RoomJson>, ApiError> {
    let not_found = || AppError::NotFound {
        what: format!("room {id}"),
    };
    let n: i64 = id.parse().map_err(|_| not_found())?;
    let entry = access::who(&state.db, visitor.session.as_ref(), n).await?;
    if entry.role == Role::Companion {
        return Err(not_found().into());
    }
    let config = &state.room.config;
    let closes = access::open_now(&entry.room, config, state.clock.now())?;
    let base = state.site.base_url.trim_end_matches('/');
    let ws_base = base
        .strip_prefix("https://")
        .map(|h| format!("wss://{h}"))
        .or_else(|| base.strip_prefix("http://").map(|h| format!("ws://{h}")))
        .unwrap_or_else(|| base.to_owned());
    Ok(Json(RoomJson {
        reservation_id: n,
        role: entry.role.code().into(),
        ws_url: format!("{ws_base}/rooms/{n}/ws"),
        ice_servers: ice::servers(config, &entry, closes)
            .into_iter()
            .map(|s| IceServerJson {
                urls: s.urls,
                username: s.username,
                credential: s.credential,
            })
            .collect(),
        expires_at: closes,
    }))
}
