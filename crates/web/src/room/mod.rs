//! The built-in consultation room's pages (MT-3, BK-14, BK-15, C6-2, C12-3): one page per
//! reservation for its job seeker, the office's counsellors and a declared companion, the
//! companion's single-use link, the WebSocket (`ws`) and its hub (`hub`), the API's room
//! answer (`api`) and the page's ES modules. The page works as far as it can without
//! script (the checklist, the times, the link); the call itself needs the browser's WebRTC.

pub mod api;
pub mod hub;
mod pages;
pub mod ws;

use std::sync::Arc;

use axum::http::header;
use axum::response::IntoResponse;
use madoguchi_app::room::RoomConfig;

pub use pages::{checklist, companion_link, join_form, join_submit, room_page};

/// The room's configuration and this process's signalling hub.
#[derive(Clone, Default)]
pub struct Rooms {
    pub config: Arc<RoomConfig>,
    pub hub: hub::Hub,
}

impl Rooms {
    /// On PostgreSQL, relays between replicas (LISTEN/NOTIFY); on SQLite, in process.
    pub async fn start(db: &madoguchi_store::Db, config: RoomConfig) -> Result<Self, madoguchi_store::StoreError> {
        Ok(Self {
            config: Arc::new(config),
            hub: hub::Hub::start(db).await?,
        })
    }
}

const ROOM_JS: &str = include_str!("../../assets/room.js");
const ROOM_PEER_JS: &str = include_str!("../../assets/room-peer.js");
const DAY_LIVE_JS: &str = include_str!("../../assets/day-live.js");

fn script(body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}

/// `GET /assets/room.js`: the page, the waiting room and the signalling.
pub async fn room_js() -> impl IntoResponse {
    script(ROOM_JS)
}

/// `GET /assets/room-peer.js`: the peer connections (a mesh of at most three).
pub async fn room_peer_js() -> impl IntoResponse {
    script(ROOM_PEER_JS)
}

/// `GET /assets/day-live.js`: the counsellor's day page keeps its rooms' state current.
pub async fn day_live_js() -> impl IntoResponse {
    script(DAY_LIVE_JS)
}
