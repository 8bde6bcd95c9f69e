//! The built-in consultation room (rules MT-3, BK-11, BK-13, BK-14, BK-15, C6-2, C12-3):
//! who may enter a reservation's room and when (`access`), the ICE servers with a TURN
//! credential minted per join (`ice`), companions' single-use links (`guests`), and the
//! attendance the room records by itself (`attendance`).

pub mod access;
pub mod attendance;
pub mod guests;
pub mod ice;

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
    /// How long after the slot's end the room stays open (MT-3; one value for every office).
    pub grace: Duration,
}

impl Default for RoomConfig {
    fn default() -> Self {
        Self {
            stun_urls: Vec::new(),
            turn_urls: Vec::new(),
            turn_secret: None,
            grace: Duration::minutes(DEFAULT_GRACE_MINUTES),
        }
    }
}

pub const DEFAULT_GRACE_MINUTES: i64 = 15;
