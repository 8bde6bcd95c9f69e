//! `[room]`: the built-in consultation room (MT-3). The TURN secret is coturn's
//! `static-auth-secret`; give it as `MADOGUCHI_ROOM__TURN_SECRET`, not in the file. It is
//! never printed.

use std::fmt;

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
    /// Minutes the room stays open after the consultation's end (one value for every office).
    pub grace_minutes: u32,
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
            .finish()
    }
}

impl RoomSection {
    pub fn config(&self) -> madoguchi_app::room::RoomConfig {
        madoguchi_app::room::RoomConfig {
            stun_urls: self.stun_urls.clone(),
            turn_urls: self.turn_urls.clone(),
            turn_secret: self.turn_secret.clone().filter(|s| !s.is_empty()),
            grace: chrono::Duration::minutes(i64::from(self.grace_minutes)),
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
}
