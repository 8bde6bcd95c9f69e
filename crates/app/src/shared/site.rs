//! Where links in mail point: the site's public base URL.

/// Links in mail point at this site.
#[derive(Debug, Clone)]
pub struct Site {
    /// e.g. `https://madoguchi.example.go.jp` (no trailing slash).
    pub base_url: String,
}

impl Site {
    pub fn link(&self, path: &str, token: &str) -> String {
        format!("{}{path}?token={token}", self.base_url.trim_end_matches('/'))
    }
}
