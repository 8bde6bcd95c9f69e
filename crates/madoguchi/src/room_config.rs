//! `[room]`: the built-in consultation room (MT-3). The TURN secret is coturn's
//! `static-auth-secret`; give it as `MADOGUCHI_ROOM__TURN_SECRET`, not in the file. It is
//! never printed.

use std::fmt;

use madoguchi_app::room::FloodLimit;
use madoguchi_domain::room::MAX_GRACE_MINUTES;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RoomSection {
    /// STUN servers, e.g. `["stun:turn.example.go.jp:3478"]` (in the environment: one
    /// string, URLs separated by commas).
    #[serde(deserialize_with = "urls")]
    pub stun_urls: Vec<String>,
    /// TURN servers, e.g. `["turns:turn.example.go.jp:443?transport=tcp"]`; offered only
    /// with `turn_secret`.
    #[serde(deserialize_with = "urls")]
    pub turn_urls: Vec<String>,
    /// coturn's `static-auth-secret` (`use-auth-secret`): each join gets a credential
    /// derived from it that expires when the room closes.
    pub turn_secret: Option<String>,
    /// Minutes the room stays open after the consultation's end at an office that has not
    /// set its own (the office admin's slot page), 0 to 60.
    pub grace_minutes: u32,
    /// Messages one room WebSocket may send a second, on average, and at once; more closes
    /// it as a flood (close code 1008, counted in `madoguchi_room_floods_total`).
    pub messages_per_second: u32,
    pub message_burst: u32,
    /// The same in bytes (a message is at most 64 KiB).
    pub bytes_per_second: u32,
    pub byte_burst: u32,
}

/// A list, or one string of comma-separated URLs (as an environment variable gives it).
fn urls<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Urls {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Urls::deserialize(d)? {
        Urls::One(s) => s
            .split(',')
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(str::to_owned)
            .collect(),
        Urls::Many(v) => v,
    })
}

impl Default for RoomSection {
    fn default() -> Self {
        Self {
            stun_urls: Vec::new(),
            turn_urls: Vec::new(),
            turn_secret: None,
            grace_minutes: 15,
            messages_per_second: FloodLimit::default().messages_per_second,
            message_burst: FloodLimit::default().message_burst,
            bytes_per_second: FloodLimit::default().bytes_per_second,
            byte_burst: FloodLimit::default().byte_burst,
        }
    }
}

impl fmt::Debug for RoomSection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RoomSection")
            .field("stun_urls", &self.stun_urls)
            .field("turn_urls", &self.turn_urls)
            .field("turn_secret", &self.turn_secret.as_ref().map(|_| "***"))
            .field("grace_minutes", &self.grace_minutes)
            .field("messages_per_second", &self.messages_per_second)
            .field("message_burst", &self.message_burst)
            .field("bytes_per_second", &self.bytes_per_second)
            .field("byte_burst", &self.byte_burst)
            .finish()
    }
}

impl RoomSection {
    /// Refuses values outside the rule: a grace period over 60 minutes (MT-3, as an
    /// office's own is bounded), a burst smaller than one largest message.
    pub fn check(&self) -> Result<(), String> {
        if self.grace_minutes > MAX_GRACE_MINUTES {
            return Err(format!(
                "configuration error: room.grace_minutes is {}; it is 0 to {MAX_GRACE_MINUTES}",
                self.grace_minutes
            ));
        }
        if self.messages_per_second == 0 || self.message_burst == 0 || self.bytes_per_second == 0 {
            return Err(
                "configuration error: room.messages_per_second, message_burst and bytes_per_second are at least 1"
                    .into(),
            );
        }
        if self.byte_burst < 64 * 1024 {
            return Err("configuration error: room.byte_burst is at least 65536 (one largest message)".into());
        }
        Ok(())
    }

    pub fn config(&self) -> madoguchi_app::room::RoomConfig {
        madoguchi_app::room::RoomConfig {
            stun_urls: self.stun_urls.clone(),
            turn_urls: self.turn_urls.clone(),
            turn_secret: self.turn_secret.clone().filter(|s| !s.is_empty()),
            grace: chrono::Duration::minutes(i64::from(self.grace_minutes.min(MAX_GRACE_MINUTES))),
            flood: FloodLimit {
                messages_per_second: self.messages_per_second,
                message_burst: self.message_burst,
                bytes_per_second: self.bytes_per_second,
                byte_burst: self.byte_burst,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::config::{Overrides, load};

    // Rule MT-3: the TURN secret comes from the environment and is never printed.
    #[test]
    fn the_turn_secret_comes_from_the_environment_and_is_not_printed() {
        let env = vec![
            ("MADOGUCHI_ROOM__TURN_SECRET".to_owned(), "s3cret-turn".to_owned()),
            ("MADOGUCHI_ROOM__GRACE_MINUTES".to_owned(), "20".to_owned()),
            (
                "MADOGUCHI_ROOM__TURN_URLS".to_owned(),
                "turn:127.0.0.1:3478?transport=udp, turn:127.0.0.1:3478?transport=tcp".to_owned(),
            ),
        ];
        let c = load(&Overrides::default(), env).unwrap();
        assert_eq!(c.room.turn_secret.as_deref(), Some("s3cret-turn"));
        assert_eq!(c.room.config().grace, chrono::Duration::minutes(20));
        assert_eq!(c.room.turn_urls.len(), 2);
        assert!(!format!("{c:?}").contains("s3cret-turn"));
    }

    // Rule MT-3: the default grace period is within what an office may set (0 to 60), and
    // the flood limit is configured.
    #[test]
    fn the_default_grace_is_bounded_and_the_flood_limit_configured() {
        let env = vec![
            ("MADOGUCHI_ROOM__GRACE_MINUTES".to_owned(), "61".to_owned()),
            ("MADOGUCHI_ROOM__MESSAGES_PER_SECOND".to_owned(), "5".to_owned()),
        ];
        let e = load(&Overrides::default(), env).unwrap_err();
        assert!(e.contains("room.grace_minutes is 61"), "{e}");
        let env = vec![("MADOGUCHI_ROOM__MESSAGES_PER_SECOND".to_owned(), "5".to_owned())];
        let c = load(&Overrides::default(), env).unwrap();
        assert_eq!(c.room.config().flood.messages_per_second, 5);
        assert_eq!(c.room.config().grace, chrono::Duration::minutes(15));
    }
}
