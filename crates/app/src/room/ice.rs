//! The ICE servers a browser uses to reach the others (MT-3): STUN, and TURN with a
//! credential minted for this join that expires when the room closes; there is no static
//! TURN password anywhere.

use chrono::{DateTime, Utc};
use madoguchi_domain::room::turn_credential;
use serde::Serialize;

use super::RoomConfig;
use super::access::Entry;

/// One entry of `RTCConfiguration.iceServers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IceServer {
    pub urls: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

/// The servers for `entry`, with a TURN credential valid until `closes`.
pub fn servers(config: &RoomConfig, entry: &Entry, closes: DateTime<Utc>) -> Vec<IceServer> {
    let mut out = Vec::new();
    if !config.stun_urls.is_empty() {
        out.push(IceServer {
            urls: config.stun_urls.clone(),
            username: None,
            credential: None,
        });
    }
    if let (false, Some(secret)) = (config.turn_urls.is_empty(), config.turn_secret.as_deref()) {
        // The user name names the reservation (r42) or interview (i7) and the role, never a
        // person's name.
        let subject = match entry.key {
            madoguchi_domain::room_key::RoomKey::Consultation(id) => format!("r{id}-{}", entry.role.code()),
            key => format!("{key}-{}", entry.role.code()),
        };
        let c = turn_credential(secret, &subject, closes);
        out.push(IceServer {
            urls: config.turn_urls.clone(),
            username: Some(c.username),
            credential: Some(c.password),
        });
    }
    out
}
