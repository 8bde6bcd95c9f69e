//! Zoom (rules MT-1, MT-2, BK-9, BK-11; issue 15): an office's Server-to-Server OAuth app
//! entered by its admin with the secrets sealed (`credentials`), the HTTP calls to Zoom
//! (`client`, over hyper and rustls; with the token and the retry rules in `calls`), the job that creates, moves and deletes the meeting of
//! each `zoom` reservation outside the booking transaction (`meetings`), and the signed
//! webhooks that record attendance (`webhooks`). `local` is a small Zoom for tests.

pub mod calls;
pub mod client;
pub mod credentials;
#[cfg(feature = "local-zoom")]
pub mod local;
pub mod meetings;
pub mod seminars;
pub mod webhooks;

use std::time::Duration;

use crate::shared::secrets::SealKeys;

/// Where Zoom is and the operator key. Without a key, offices cannot enter credentials and
/// nothing calls Zoom.
#[derive(Debug, Clone)]
pub struct ZoomConfig {
    pub keys: Option<SealKeys>,
    /// `https://api.zoom.us` (tests: the local Zoom).
    pub api_base: String,
    /// `https://zoom.us` (tests: the local Zoom).
    pub oauth_base: String,
    /// Each call's limit; a call that takes longer counts as a failure and is retried.
    pub timeout: Duration,
}

impl Default for ZoomConfig {
    fn default() -> Self {
        Self {
            keys: None,
            api_base: "https://api.zoom.us".into(),
            oauth_base: "https://zoom.us".into(),
            timeout: Duration::from_secs(15),
        }
    }
}

impl ZoomConfig {
    pub(crate) fn keys(&self) -> Result<&SealKeys, crate::AppError> {
        self.keys.as_ref().ok_or(crate::AppError::Refused {
            code: "secrets_key_missing",
            message: "the operator has not configured secrets.key; Zoom cannot be set up".into(),
        })
    }
}
