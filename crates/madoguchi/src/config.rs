//! Configuration: built-in defaults, then `madoguchi.toml` (or `--config FILE`), then
//! `MADOGUCHI_…` environment variables (nested with `__`), then flags.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use madoguchi_store::{DatabaseUrl, PoolSizes};
use serde::Deserialize;

use crate::limits::{HttpSection, MetricsSection};

pub const DEFAULT_FILE: &str = "madoguchi.toml";
const ENV_PREFIX: &str = "MADOGUCHI_";
/// Variables with these prefixes belong to the test harness, not to the product.
const ENV_IGNORED: &[&str] = &[
    "MADOGUCHI_TEST_",
    "MADOGUCHI_BIN",
    "MADOGUCHI_CHILD_",
    "MADOGUCHI_STDOUT",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub listen: SocketAddr,
    /// The address people use, for links in mail (default: `http://` + `listen`).
    pub public_url: Option<String>,
    /// Session cookies carry `Secure` (AC-6). Turn off only for plain-HTTP development
    /// on a host other than localhost.
    pub cookie_secure: bool,
    pub database: DatabaseConfig,
    pub log: LogConfig,
    pub mail: MailConfig,
    pub usage: UsageConfig,
    pub http: HttpSection,
    pub metrics: MetricsSection,
    pub security: SecurityConfig,
    pub shutdown: ShutdownConfig,
    pub room: crate::room_config::RoomSection,
    /// The operator key sealing offices' secrets (issue 15).
    pub secrets: crate::zoom_config::SecretsSection,
    pub zoom: crate::zoom_config::ZoomSection,
}

/// What bounds the work one burst of requests can cause (AC-5 and issue 11).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SecurityConfig {
    /// Argon2id password hashes (19 MiB each) running at once; default: the number of cores.
    pub max_concurrent_hashes: Option<usize>,
    /// How long a request waits for a hashing slot before it is answered 503 `busy`.
    pub hash_wait_ms: u64,
    /// Registrations accepted from one client address per hour (then 429 `rate_limited`).
    pub registrations_per_hour: u32,
}

impl Default for SecurityConfig {
    fn default() -> Self {
        Self {
            max_concurrent_hashes: None,
            hash_wait_ms: 2000,
            registrations_per_hour: madoguchi_app::accounts::limits::DEFAULT_REGISTRATIONS_PER_HOUR,
        }
    }
}

impl SecurityConfig {
    pub fn limits(&self) -> madoguchi_app::accounts::limits::Limits {
        use madoguchi_app::accounts::limits::Limits;
        Limits::new(
            self.max_concurrent_hashes.unwrap_or_else(Limits::cores),
            std::time::Duration::from_millis(self.hash_wait_ms),
            self.registrations_per_hour,
        )
    }
}

/// Stopping `serve` (issue 11).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ShutdownConfig {
    /// After SIGTERM, how long requests in flight, background jobs and the usage writer
    /// may take before the process exits anyway, whatever the database does.
    pub grace_seconds: u64,
}

impl Default for ShutdownConfig {
    fn default() -> Self {
        Self { grace_seconds: 30 }
    }
}

impl ShutdownConfig {
    pub fn grace(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.grace_seconds)
    }
}

/// PV-1: the usage record.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UsageConfig {
    /// Record requests by signed-in people and sign-in events (the terms promise it;
    /// turn off only to measure its cost).
    pub record: bool,
    /// Days entries are kept before the housekeeping job purges them.
    pub retention_days: u32,
}

impl Default for UsageConfig {
    fn default() -> Self {
        Self {
            record: true,
            retention_days: 365,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct MailConfig {
    /// The sender, e.g. `Madoguchi <no-reply@example.go.jp>`.
    pub from: String,
    /// Empty: mail waits in the outbox (under `--demo` it becomes `.eml` files instead).
    pub smtp_host: String,
    pub smtp_port: u16,
    /// `starttls` (port 587), `tls` (port 465) or `none` (a local relay only).
    pub tls: MailTls,
    pub username: Option<String>,
    /// Never printed; prefer the `MADOGUCHI_MAIL__PASSWORD` environment variable.
    pub password: Option<String>,
    /// Where `--demo` writes `.eml` files.
    pub demo_dir: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTls {
    None,
    Starttls,
    Tls,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            from: "Madoguchi <no-reply@madoguchi.localhost>".into(),
            smtp_host: String::new(),
            smtp_port: 587,
            tls: MailTls::Starttls,
            username: None,
            password: None,
            demo_dir: PathBuf::from("./data/mail"),
        }
    }
}

impl fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailConfig")
            .field("from", &self.from)
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("demo_dir", &self.demo_dir)
            .finish()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite:PATH` or `postgres://…`. May hold a password: never printed whole.
    pub url: String,
    /// PostgreSQL pool size per process.
    pub max_connections: u32,
    /// SQLite reader connections (there is always exactly one writer).
    pub sqlite_readers: u32,
    pub acquire_timeout_seconds: u64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// A tracing filter, e.g. `info` or `madoguchi=debug,info`.
    pub level: String,
    /// `text` for people, `json` for log shippers.
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            public_url: None,
            cookie_secure: true,
            database: DatabaseConfig::default(),
            log: LogConfig::default(),
            mail: MailConfig::default(),
            usage: UsageConfig::default(),
            http: HttpSection::default(),
            metrics: MetricsSection::default(),
            security: SecurityConfig::default(),
            shutdown: ShutdownConfig::default(),
            room: crate::room_config::RoomSection::default(),
            secrets: crate::zoom_config::SecretsSection::default(),
            zoom: crate::zoom_config::ZoomSection::default(),
        }
    }
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        Self {
            url: "sqlite:./data/madoguchi.db".into(),
            max_connections: 10,
            sqlite_readers: 4,
            acquire_timeout_seconds: 5,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            level: "info".into(),
            format: LogFormat::Text,
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("cookie_secure", &self.cookie_secure)
            .field("database", &self.database)
            .field("log", &self.log)
            .field("mail", &self.mail)
            .field("usage", &self.usage)
            .field("http", &self.http)
            .field("metrics", &self.metrics)
            .field("security", &self.security)
            .field("shutdown", &self.shutdown)
            .field("room", &self.room)
            .field("secrets", &self.secrets)
            .field("zoom", &self.zoom)
            .finish()
    }
}

impl fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &madoguchi_store::redact(&self.url))
            .field("max_connections", &self.max_connections)
            .field("sqlite_readers", &self.sqlite_readers)
            .field("acquire_timeout_seconds", &self.acquire_timeout_seconds)
            .finish()
    }
}

impl Config {
    pub fn database_url(&self) -> Result<DatabaseUrl, String> {
        self.database.url.parse().map_err(|e| format!("{e}"))
    }

    pub fn pool_sizes(&self) -> PoolSizes {
        PoolSizes {
            sqlite_readers: self.database.sqlite_readers,
            postgres: self.database.max_connections,
            acquire_timeout: std::time::Duration::from_secs(self.database.acquire_timeout_seconds.max(1)),
        }
    }
}

/// Flags that override everything else.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub config: Option<PathBuf>,
    pub listen: Option<SocketAddr>,
    pub database_url: Option<String>,
}

/// Loads the layered configuration; the error is one line naming the source.
pub fn load(flags: &Overrides, env: impl IntoIterator<Item = (String, String)>) -> Result<Config, String> {
    let mut table = match &flags.config {
        Some(path) => read_file(path)?,
        None if Path::new(DEFAULT_FILE).exists() => read_file(Path::new(DEFAULT_FILE))?,
        None => toml::Table::new(),
    };
    overlay_env(&mut table, env)?;
    let mut config: Config = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| format!("configuration error: {}", one_line(&e.to_string())))?;
    if let Some(listen) = flags.listen {
        config.listen = listen;
    }
    if let Some(url) = &flags.database_url {
        config.database.url = url.clone();
    }
    config.database_url()?;
    check_log_level(&config.log.level)?;
    config.room.check()?;
    Ok(config)
}

/// `log.level` is a level (`info`) or comma-separated `TARGET=LEVEL` directives with at most
/// one bare level (`madoguchi=debug,info`). A bare word that is no level would silently
/// become a target filter (`verbose` logs nothing useful), so it is refused.
fn check_log_level(filter: &str) -> Result<(), String> {
    const LEVELS: [&str; 6] = ["trace", "debug", "info", "warn", "error", "off"];
    let is_level = |l: &str| LEVELS.contains(&l.trim().to_ascii_lowercase().as_str());
    let fits = !filter.trim().is_empty()
        && filter.split(',').all(|d| match d.rsplit_once('=') {
            Some((target, level)) => !target.trim().is_empty() && is_level(level),
            None => is_level(d),
        })
        && tracing_subscriber::EnvFilter::try_new(filter).is_ok();
    if fits {
        Ok(())
    } else {
        Err(format!(
            "configuration error: log.level `{}` is not a log filter (one of {} or TARGET=LEVEL, comma-separated)",
            one_line(filter),
            LEVELS.join(", ")
        ))
    }
}

fn read_file(path: &Path) -> Result<toml::Table, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("cannot read configuration file {}: {e}", path.display()))?;
    text.parse::<toml::Table>().map_err(|e| {
        format!(
            "configuration file {} is not valid TOML: {}",
            path.display(),
            one_line(&e.to_string())
        )
    })
}

/// `MADOGUCHI_DATABASE__URL=…` sets `database.url`. Values that look like numbers or
/// booleans are typed, so `MADOGUCHI_DATABASE__MAX_CONNECTIONS=20` works.
fn overlay_env(table: &mut toml::Table, env: impl IntoIterator<Item = (String, String)>) -> Result<(), String> {
    for (name, value) in env {
        let Some(rest) = name.strip_prefix(ENV_PREFIX) else {
            continue;
        };
        if ENV_IGNORED.iter().any(|p| name.starts_with(p)) || rest.is_empty() {
            continue;
        }
        let path: Vec<String> = rest.split("__").map(str::to_ascii_lowercase).collect();
        let typed = if let Ok(n) = value.parse::<i64>() {
            toml::Value::Integer(n)
        } else if let Ok(b) = value.parse::<bool>() {
            toml::Value::Boolean(b)
        } else {
            toml::Value::String(value)
        };
        let (last, parents) = path.split_last().ok_or_else(|| format!("empty variable name {name}"))?;
        let mut node = &mut *table;
        for key in parents {
            let entry = node
                .entry(key.clone())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            node = entry
                .as_table_mut()
                .ok_or_else(|| format!("configuration error: {name} sets inside `{key}`, which is not a section"))?;
        }
        node.insert(last.clone(), typed);
    }
    Ok(())
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_are_sqlite_on_localhost() {
        let c = load(&Overrides::default(), env(&[])).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database.url, "sqlite:./data/madoguchi.db");
    }

    #[test]
    fn layers_file_then_env_then_flags() {
        let dir = std::env::temp_dir().join(format!("mdg-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("m.toml");
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:9000\"\n[database]\nurl = \"sqlite:/tmp/a.db\"\nmax_connections = 3\n",
        )
        .unwrap();
        let mut flags = Overrides {
            config: Some(file),
            ..Overrides::default()
        };
        let c = load(
            &flags,
            env(&[
                ("MADOGUCHI_DATABASE__MAX_CONNECTIONS", "7"),
                ("MADOGUCHI_TEST_POSTGRES", "x"),
            ]),
        )
        .unwrap();
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.database.max_connections, 7);
        assert_eq!(c.database.url, "sqlite:/tmp/a.db");
        flags.listen = Some("127.0.0.1:9100".parse().unwrap());
        let c = load(&flags, env(&[("MADOGUCHI_LISTEN", "127.0.0.1:9200")])).unwrap();
        assert_eq!(c.listen.port(), 9100);
    }

    #[test]
    fn security_limits_have_defaults_and_can_be_set() {
        let c = load(&Overrides::default(), env(&[])).unwrap();
        assert_eq!(c.security.max_concurrent_hashes, None, "the number of cores");
        assert_eq!((c.security.hash_wait_ms, c.security.registrations_per_hour), (2000, 10));
        let c = load(
            &Overrides::default(),
            env(&[
                ("MADOGUCHI_SECURITY__MAX_CONCURRENT_HASHES", "3"),
                ("MADOGUCHI_SECURITY__REGISTRATIONS_PER_HOUR", "25"),
            ]),
        )
        .unwrap();
        assert_eq!(c.security.max_concurrent_hashes, Some(3));
        assert_eq!(c.security.limits().registrations_per_hour(), 25);
    }

    #[test]
    fn unknown_keys_and_bad_urls_are_one_clear_line() {
        let e = load(&Overrides::default(), env(&[("MADOGUCHI_DATABSE__URL", "sqlite:x")])).unwrap_err();
        assert!(e.contains("databse") && !e.contains('\n'), "{e}");
        let flags = Overrides {
            database_url: Some("mysql://x".into()),
            ..Overrides::default()
        };
        let e = load(&flags, env(&[])).unwrap_err();
        assert!(e.contains("sqlite:") && e.contains("postgres://"), "{e}");
    }

    // Issue 11 item 9: a log level the server cannot use refuses to start, naming the key.
    #[test]
    fn bad_log_levels_are_refused() {
        for ok in ["info", "WARN", "madoguchi=debug,info", "sqlx=warn,madoguchi_web=trace"] {
            load(&Overrides::default(), env(&[("MADOGUCHI_LOG__LEVEL", ok)])).unwrap();
        }
        for bad in ["verbose", "", "infoo", "madoguchi=loud", "=info", "info,,"] {
            let e = load(&Overrides::default(), env(&[("MADOGUCHI_LOG__LEVEL", bad)])).unwrap_err();
            assert!(e.contains("log.level") && !e.contains('\n'), "{bad}: {e}");
        }
    }

    #[test]
    fn metrics_token_from_the_environment() {
        let c = load(&Overrides::default(), env(&[("MADOGUCHI_METRICS__TOKEN", "12345")])).unwrap();
        assert_eq!(c.metrics.token.as_deref(), Some("12345"), "digits stay text");
        assert!(!format!("{c:?}").contains("12345"));
        let c = load(&Overrides::default(), env(&[("MADOGUCHI_HTTP__MAX_CONNECTIONS", "64")])).unwrap();
        assert_eq!(c.http.max_connections, 64);
    }

    #[test]
    fn debug_hides_the_password() {
        let flags = Overrides {
            database_url: Some("postgres://u:hunter2@h/db".into()),
            ..Overrides::default()
        };
        let c = load(&flags, env(&[("MADOGUCHI_MAIL__PASSWORD", "smtp-s3cret")])).unwrap();
        assert_eq!(c.mail.password.as_deref(), Some("smtp-s3cret"));
        let shown = format!("{c:?}");
        assert!(!shown.contains("hunter2") && !shown.contains("smtp-s3cret"), "{shown}");
    }
}
