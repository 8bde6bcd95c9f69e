//! The built-in consultation room (rules MT-3, BK-11, BK-13, BK-14, BK-15, C6-2, C12-3):
//! who may enter a reservation's room and when (`access`), the ICE servers with a TURN
//! credential minted per join (`ice`), companions' single-use links (`guests`), the
//! attendance the room records by itself (`attendance`), each office's grace period after
//! the end (`grace`) and the rooms' state for the day page (`live`). An interview's room
//! (IV-3) shares all of it; `interview` says who may enter one.

pub mod access;
pub mod attendance;
pub mod grace;
pub mod guests;
pub mod ice;
pub mod interview;
pub mod live;

use chrono::Duration;

/// `room.*` in the configuration.
#[derive(Debug, Clone)]
pub struct RoomConfig {
    /// e.g. `stun:turn.example.go.jp:3478`.
    pub stun_urls: Vec<String>,
    /// e.g. `turns:turn.example.go.jp:443?transport=tcp`.
    pub turn_urls: Vec<String>,
    /// coturn's `static-auth-secret`; without it no TURN server is offered.
    pub turn_secret: Option<String>,
    /// How long after the slot's end the room stays open at an office that has not set its
    /// own grace period (MT-3; `grace::of_room`).
    pub grace: Duration,
    /// What one WebSocket may send before it is closed as a flood (policy violation).
    pub flood: FloodLimit,
}

/// `room.messages_per_second` and friends: a token bucket for messages and one for bytes,
/// per connection. Signalling is bursty (a dozen ICE candidates at once, an SDP offer of a
/// few KiB) and then quiet, so the bursts are generous and the rates low.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FloodLimit {
    pub messages_per_second: u32,
    pub message_burst: u32,
    pub bytes_per_second: u32,
    pub byte_burst: u32,
}

impl Default for FloodLimit {
    fn default() -> Self {
        Self {
            messages_per_second: 20,
            message_burst: 200,
            bytes_per_second: 64 * 1024,
            byte_burst: 512 * 1024,
        }
    }
}

impl Default for RoomConfig {
    fn default() -> Self {
        Self {
            stun_urls: Vec::new(),
            turn_urls: Vec::new(),
            turn_secret: None,
            grace: Duration::minutes(DEFAULT_GRACE_MINUTES),
            flood: FloodLimit::default(),
        }
    }
}

pub const DEFAULT_GRACE_MINUTES: i64 = 15;
