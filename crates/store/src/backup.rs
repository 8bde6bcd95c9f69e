//! SQLite backups and restores (issue 17): a consistent copy taken while `serve` writes, the
//! checks a copy must pass before it replaces a database, and the test that no other
//! connection has a database open. PostgreSQL has its own tools (`pg_dump`, `pg_restore`).
//!
//! - The copy is `VACUUM INTO` on a read-only connection: it runs inside one read
//!   transaction, so in WAL mode it sees exactly the transactions committed before it began
//!   and never waits for, or blocks, the writer. The result is a single compact file in
//!   rollback-journal mode, with no `-wal` beside it.
//! - "In use" is asked of SQLite itself: a connection in exclusive locking mode must take an
//!   EXCLUSIVE lock on the file to begin, and every other open connection in WAL mode holds a
//!   SHARED lock on it for as long as it is open, busy or idle. So this sees any process that
//!   has the file open (`serve`, a cron job, the `sqlite3` shell), which a lock file of our
//!   own would not.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection, SqliteLockingMode};
use sqlx::{Connection, Row};

/// How long the in-use test waits for another connection's lock before it says "in use".
const IN_USE_WAIT: Duration = Duration::from_secs(2);
/// Integrity problems named in an error; `integrity_check` can list thousands.
const PROBLEMS_SHOWN: usize = 5;

/// Why a backup or a restore did not happen.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} already exists; a backup never overwrites a file", .0.display())]
    Exists(PathBuf),
    #[error("{} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("the database file {} is in use (a `madoguchi serve` or another program has it open); stop it first", .0.display())]
    InUse(PathBuf),
    #[error("{} failed the integrity check: {problems}", path.display())]
    Damaged { path: PathBuf, problems: String },
    #[error("{} is not a Madoguchi database: {reason}", path.display())]
    NotMadoguchi { path: PathBuf, reason: String },
    #[error("{} was made by a newer Madoguchi (migration {found}; this one knows up to {known})", path.display())]
    Newer { path: PathBuf, found: i64, known: i64 },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {source}", path.display())]
    Sql { path: PathBuf, source: sqlx::Error },
}

type Result<T> = std::result::Result<T, BackupError>;

/// What a checked copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    /// Bytes in the file.
    pub bytes: u64,
    /// The newest migration applied to it.
    pub migration: i64,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.to_owned(),
        source,
    }
}

fn sql(path: &Path) -> impl FnOnce(sqlx::Error) -> BackupError + '_ {
    move |source| BackupError::Sql {
        path: path.to_owned(),
        source,
    }
}

/// SQLite's primary result code (the low byte of the extended one).
fn primary_code(e: &sqlx::Error) -> Option<i32> {
    let sqlx::Error::Database(d) = e else { return None };
    d.code().and_then(|c| c.parse::<i32>().ok()).map(|c| c & 0xff)
}

/// SQLITE_CORRUPT and SQLITE_NOTADB read as a damaged file; anything else as it is.
fn unreadable(path: &Path) -> impl FnOnce(sqlx::Error) -> BackupError + '_ {
    move |e| match primary_code(&e) {
        Some(11 | 26) => BackupError::Damaged {
            path: path.to_owned(),
            problems: e.to_string(),
        },
        _ => sql(path)(e),
    }
}

/// Copies the database at `db` into `to`, a consistent snapshot, while other processes
/// write. `to` must not exist (it is created empty first, atomically, which `VACUUM INTO`
/// accepts); on any failure it is removed again. The copy is synced to disk and checked.
pub async fn sqlite_backup(db: &Path, to: &Path) -> Result<Checked> {
    if !db.is_file() {
        return Err(BackupError::Missing(db.to_owned()));
    }
    let target = to.to_str().ok_or_else(|| BackupError::Io {
        path: to.to_owned(),
        source: std::io::Error::new(ErrorKind::InvalidInput, "the path is not valid UTF-8"),
    })?;
    match OpenOptions::new().write(true).create_new(true).open(to) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::AlreadyExists => return Err(BackupError::Exists(to.to_owned())),
        Err(e) => return Err(io(to)(e)),
    }
    let copied = async {
        let opts = SqliteConnectOptions::new()
            .filename(db)
            .read_only(true)
            .busy_timeout(Duration::from_secs(10));
        let mut c = SqliteConnection::connect_with(&opts).await.map_err(sql(db))?;
        let done = sqlx::query("VACUUM INTO $1").bind(target).execute(&mut c).await;
        let _ = c.close().await;
        done.map_err(sql(db))?;
        sync(to)?;
        check_copy(to).await
    }
    .await;
    if copied.is_err() {
        let _ = std::fs::remove_file(to);
    }
    copied
}

/// Checks a copy nobody else uses: `PRAGMA integrity_check` must answer `ok`, and it must
/// be a Madoguchi database no newer than this program. Opened immutable: nothing is
/// written next to it, and a backup kept on read-only media can be checked where it is.
pub async fn check_copy(path: &Path) -> Result<Checked> {
    if !path.is_file() {
        return Err(BackupError::Missing(path.to_owned()));
    }
    let bytes = std::fs::metadata(path).map_err(io(path))?.len();
    let opts = SqliteConnectOptions::new()
        .filename(path)
        .read_only(true)
        .immutable(true);
    let mut c = SqliteConnection::connect_with(&opts).await.map_err(unreadable(path))?;
    let checked = check_open(&mut c, path, bytes).await;
    let _ = c.close().await;
    checked
}

async fn check_open(c: &mut SqliteConnection, path: &Path, bytes: u64) -> Result<Checked> {
    let rows = sqlx::query("PRAGMA integrity_check")
        .fetch_all(&mut *c)
        .await
        .map_err(unreadable(path))?;
    let lines: Vec<String> = rows.iter().filter_map(|r| r.try_get::<String, _>(0).ok()).collect();
    if lines != ["ok"] {
        let mut problems = lines
            .iter()
            .take(PROBLEMS_SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        if lines.len() > PROBLEMS_SHOWN {
            problems.push_str(&format!(" (and {} more)", lines.len() - PROBLEMS_SHOWN));
        }
        return Err(BackupError::Damaged {
            path: path.to_owned(),
            problems,
        });
    }
    let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(&mut *c)
        .await
        .map_err(|e| BackupError::NotMadoguchi {
            path: path.to_owned(),
            reason: e.to_string(),
        })?;
    let migration = newest.ok_or_else(|| BackupError::NotMadoguchi {
        path: path.to_owned(),
        reason: "no migration was ever applied to it".into(),
    })?;
    let known = known_migration();
    if migration > known {
        return Err(BackupError::Newer {
            path: path.to_owned(),
            found: migration,
            known,
        });
    }
    Ok(Checked { bytes, migration })
}

/// The newest SQLite migration this program carries.
pub fn known_migration() -> i64 {
    static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations/sqlite");
    MIGRATOR.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Makes sure no other connection has `db` open, and folds its WAL into the main file so
/// that the file alone holds every committed transaction (it can then be moved aside
/// whole). `InUse` when anyone else has it open; a file that does not exist is not in use.
pub async fn take_offline(db: &Path) -> Result<()> {
    if !db.exists() {
        return Ok(());
    }
    let opts = SqliteConnectOptions::new()
        .filename(db)
        .locking_mode(SqliteLockingMode::Exclusive)
        .busy_timeout(IN_USE_WAIT);
    let in_use = |e: sqlx::Error| match primary_code(&e) {
        // SQLITE_BUSY, SQLITE_LOCKED.
        Some(5 | 6) => BackupError::InUse(db.to_owned()),
        _ => unreadable(db)(e),
    };
    let mut c = SqliteConnection::connect_with(&opts).await.map_err(in_use)?;
    let taken = async {
        sqlx::query("BEGIN EXCLUSIVE").execute(&mut c).await.map_err(in_use)?;
        sqlx::query("COMMIT").execute(&mut c).await.map_err(sql(db))?;
        // The lock stays (exclusive locking mode) while the WAL is written back.
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut c)
            .await
            .map_err(sql(db))?;
        Ok(())
    }
    .await;
    // Closing the last connection removes the (now empty) WAL.
    let _ = c.close().await;
    taken
}

/// `fsync` of a file and of the directory that names it, so a copy survives a power cut.
pub fn sync(path: &Path) -> Result<()> {
    File::open(path).and_then(|f| f.sync_all()).map_err(io(path))?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    File::open(dir).and_then(|f| f.sync_all()).map_err(io(dir))
}
