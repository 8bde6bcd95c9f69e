//! `[http]` and `[metrics]` (issue 11, item 5): how long a client may take to send a
//! request, how many connections are served at once, and the token `/metrics` asks for.

use std::fmt;
use std::time::Duration;

use madoguchi_web::serving::limits::HttpConfig;
use serde::{Deserialize, Deserializer};

/// The most connections served at once when the descriptor limit allows it.
const MAX_CONNECTIONS: usize = 4096;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpSection {
    /// Longest wait for a request's head, on a new, a half-sent or a kept-alive connection.
    pub header_read_timeout_seconds: u64,
    /// Longest pause between two parts of a request body.
    pub body_read_timeout_seconds: u64,
    /// Connections served at once; 0: three quarters of the process's descriptor limit,
    /// at most 4,096 (the rest stays for the database, files and mail).
    pub max_connections: usize,
}

impl Default for HttpSection {
    fn default() -> Self {
        Self {
            header_read_timeout_seconds: 10,
            body_read_timeout_seconds: 10,
            max_connections: 0,
        }
    }
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsSection {
    /// `Authorization: Bearer` token for `/metrics`; unset: loopback clients only. Never
    /// printed; prefer the `MADOGUCHI_METRICS__TOKEN` environment variable.
    #[serde(deserialize_with = "text")]
    pub token: Option<String>,
}

impl fmt::Debug for MetricsSection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MetricsSection")
            .field("token", &self.token.as_ref().map(|_| "***"))
            .finish()
    }
}

/// The environment layer types a value of digits as a number; a token is text either way.
fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        S(String),
        N(i64),
    }
    Ok(Some(match Text::deserialize(d)? {
        Text::S(s) => s,
        Text::N(n) => n.to_string(),
    }))
}

/// What the web layer needs, with the connection limit worked out.
pub fn http_config(http: &HttpSection, metrics: &MetricsSection) -> HttpConfig {
    let max_connections = match http.max_connections {
        0 => open_file_limit().map_or(MAX_CONNECTIONS, |n| (n - n / 4).clamp(16, MAX_CONNECTIONS)),
        n => n,
    };
    HttpConfig {
        header_read_timeout: Duration::from_secs(http.header_read_timeout_seconds.max(1)),
        body_read_timeout: Duration::from_secs(http.body_read_timeout_seconds.max(1)),
        max_connections,
        metrics_token: metrics.token.clone().filter(|t| !t.trim().is_empty()),
    }
}

/// The soft limit on open files, from Linux's `/proc/self/limits` (no other system here).
fn open_file_limit() -> Option<usize> {
    let text = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = text.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    // Issue 11, item 5: the limits and the token come from configuration.
    #[test]
    fn limits_and_token_are_configured() {
        let http = HttpSection {
            header_read_timeout_seconds: 0,
            body_read_timeout_seconds: 3,
            max_connections: 50,
        };
        let metrics = MetricsSection {
            token: Some("s3cret".into()),
        };
        let c = http_config(&http, &metrics);
        assert_eq!(c.header_read_timeout, Duration::from_secs(1), "at least a second");
        assert_eq!(c.body_read_timeout, Duration::from_secs(3));
        assert_eq!(c.max_connections, 50);
        assert_eq!(c.metrics_token.as_deref(), Some("s3cret"));
        assert!(!format!("{metrics:?} {c:?}").contains("s3cret"));
        let derived = http_config(&HttpSection::default(), &MetricsSection::default());
        assert!((16..=MAX_CONNECTIONS).contains(&derived.max_connections));
        if let Some(n) = open_file_limit() {
            assert!(derived.max_connections < n, "{n}");
        }
        assert_eq!(derived.metrics_token, None);
    }
}
