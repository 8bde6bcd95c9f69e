//! `[secrets]` and `[zoom]` (issue 15, MT-2). `secrets.key` is the operator key that seals
//! each office's Zoom secrets in the database: 32 random bytes in standard base64
//! (`head -c 32 /dev/urandom | base64`), given as `MADOGUCHI_SECRETS__KEY`, not in the
//! file. While rotating, `secrets.previous_key` (`MADOGUCHI_SECRETS__PREVIOUS_KEY`) still
//! opens what the old key sealed, and `madoguchi secrets rotate` seals it all again with
//! the new one. Neither key is ever printed. `[zoom]` says where Zoom is (tests point it at
//! a local Zoom).

use std::fmt;

use madoguchi_app::shared::secrets::SealKeys;
use madoguchi_app::zoom::ZoomConfig;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, default)]
pub struct SecretsSection {
    pub key: Option<String>,
    pub previous_key: Option<String>,
}

impl fmt::Debug for SecretsSection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SecretsSection")
            .field("key", &self.key.as_ref().map(|_| "<set>"))
            .field("previous_key", &self.previous_key.as_ref().map(|_| "<set>"))
            .finish()
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ZoomSection {
    /// Zoom's API (`https://api.zoom.us`).
    pub api_base: String,
    /// Zoom's OAuth server (`https://zoom.us`).
    pub oauth_base: String,
    /// Each call's limit in seconds.
    pub timeout_seconds: u64,
}

impl Default for ZoomSection {
    fn default() -> Self {
        let d = ZoomConfig::default();
        Self {
            api_base: d.api_base,
            oauth_base: d.oauth_base,
            timeout_seconds: d.timeout.as_secs(),
        }
    }
}

/// The application's Zoom configuration; a key that is given but malformed is an error.
pub fn zoom_config(secrets: &SecretsSection, zoom: &ZoomSection) -> Result<ZoomConfig, String> {
    let keys = match secrets.key.as_deref().filter(|k| !k.trim().is_empty()) {
        Some(key) => Some(
            SealKeys::from_base64(key, secrets.previous_key.as_deref().filter(|k| !k.trim().is_empty()))
                .map_err(|e| format!("secrets.key: {e}"))?,
        ),
        None => None,
    };
    Ok(ZoomConfig {
        keys,
        api_base: zoom.api_base.clone(),
        oauth_base: zoom.oauth_base.clone(),
        timeout: std::time::Duration::from_secs(zoom.timeout_seconds.max(1)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_read_and_never_printed() {
        let s = SecretsSection {
            key: Some("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=".into()),
            previous_key: None,
        };
        let c = zoom_config(&s, &ZoomSection::default()).unwrap();
        assert!(c.keys.is_some());
        assert!(!format!("{s:?}{c:?}").contains("AQEB"));
        let bad = SecretsSection {
            key: Some("short".into()),
            previous_key: None,
        };
        assert!(zoom_config(&bad, &ZoomSection::default()).is_err());
        assert!(
            zoom_config(&SecretsSection::default(), &ZoomSection::default())
                .unwrap()
                .keys
                .is_none()
        );
    }
}
