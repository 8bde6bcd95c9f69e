//! Database URLs: `sqlite:PATH` or `postgres://…`, parsed once and never printed with a password.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use sqlx::postgres::PgConnectOptions;

/// Where the data lives. `Display` and `Debug` hide any password.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite file, created if absent.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL, kept whole for the driver.
    Postgres(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("database URL must start with sqlite: or postgres:// (got {0})")]
    Scheme(String),
    #[error("database URL sqlite: needs a file path, e.g. sqlite:./data/madoguchi.db")]
    EmptyPath,
    #[error("malformed PostgreSQL URL {url}: {reason}")]
    Postgres { url: String, reason: String },
}

impl FromStr for DatabaseUrl {
    type Err = UrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("sqlite:") {
            // Accept sqlite:PATH, sqlite://PATH and sqlite:///abs/PATH.
            let path = rest.strip_prefix("//").unwrap_or(rest);
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                return Err(UrlError::EmptyPath);
            }
            return Ok(Self::Sqlite(PathBuf::from(path)));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return match PgConnectOptions::from_str(s) {
                Ok(_) => Ok(Self::Postgres(s.to_owned())),
                Err(e) => Err(UrlError::Postgres {
                    url: redact(s),
                    reason: e.to_string(),
                }),
            };
        }
        Err(UrlError::Scheme(redact(s)))
    }
}

impl DatabaseUrl {
    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Sqlite(p) => write!(f, "sqlite:{}", p.display()),
            Self::Postgres(u) => f.write_str(&redact(u)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// Replaces the password of `scheme://user:password@host` with `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let Some((userinfo, host)) = authority.rsplit_once('@') else {
        return redact_query(url);
    };
    let user = userinfo.split(':').next().unwrap_or_default();
    let hidden = if userinfo.contains(':') { ":***" } else { "" };
    redact_query(&format!("{scheme}://{user}{hidden}@{host}{tail}"))
}

/// Hides `password=` in a query string too (`?password=…`).
fn redact_query(url: &str) -> String {
    let Some((head, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let parts: Vec<String> = query
        .split('&')
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => kv.to_owned(),
        })
        .collect();
    format!("{head}?{}", parts.join("&"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_backends() {
        assert_eq!(
            "sqlite:./data/m.db".parse::<DatabaseUrl>().unwrap(),
            DatabaseUrl::Sqlite("./data/m.db".into())
        );
        assert_eq!(
            "sqlite:///var/lib/m.db".parse::<DatabaseUrl>().unwrap(),
            DatabaseUrl::Sqlite("/var/lib/m.db".into())
        );
        assert!(matches!(
            "postgres://u:p@127.0.0.1:5432/db".parse::<DatabaseUrl>().unwrap(),
            DatabaseUrl::Postgres(_)
        ));
    }

    #[test]
    fn rejects_malformed() {
        assert!(matches!("mysql://x".parse::<DatabaseUrl>(), Err(UrlError::Scheme(_))));
        assert!(matches!("sqlite:".parse::<DatabaseUrl>(), Err(UrlError::EmptyPath)));
        assert!(matches!(
            "postgres://u:secret@host:notaport/db".parse::<DatabaseUrl>(),
            Err(UrlError::Postgres { .. })
        ));
    }

    #[test]
    fn never_shows_the_password() {
        let url: DatabaseUrl = "postgres://madoguchi:s3cret@db.example:5432/m".parse().unwrap();
        assert_eq!(url.to_string(), "postgres://madoguchi:***@db.example:5432/m");
        assert!(!format!("{url:?}").contains("s3cret"));
        assert_eq!(
            redact("postgres://h/db?password=s3cret&x=1"),
            "postgres://h/db?password=***&x=1"
        );
        let err = "postgres://u:s3cret@host:notaport/db"
            .parse::<DatabaseUrl>()
            .unwrap_err();
        assert!(!err.to_string().contains("s3cret"), "{err}");
    }
}
