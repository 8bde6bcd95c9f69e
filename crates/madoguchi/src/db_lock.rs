//! The lock file beside a SQLite database, `FILE.lock` (issue 17). Every command that opens
//! the database (`serve`, `migrate`, `jobs run`, …) holds a shared lock on it until the
//! process exits; `restore` takes it exclusively while it puts a copy in place. So a
//! `serve` that starts during a restore stops before it opens (or creates) the file, and a
//! restore never starts while a command of ours has the database open.
//!
//! The restore also asks SQLite whether anyone has the file open (`store::backup::
//! take_offline`), which sees programs that know nothing of this lock (the `sqlite3`
//! shell); the lock closes the gap between that question and the file being replaced.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Shared locks held until the process exits: the kernel drops them with the process,
/// also after a `kill -9`, so a crashed `serve` never blocks a restore.
static HELD: Mutex<Vec<File>> = Mutex::new(Vec::new());

/// `FILE.lock` beside the database file `FILE`.
pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Opens the lock file, creating it (and its directory, as connecting would) if absent.
/// Read-only is enough for `flock`, so a lock file made by root during a restore still
/// serves the service's own user.
fn open(path: &Path) -> std::io::Result<File> {
    match File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)?;
            }
            OpenOptions::new().write(true).create(true).truncate(false).open(path)
        }
        other => other,
    }
}

/// Takes the shared lock for the rest of the process. Refused only while a restore holds
/// it; a lock file that cannot be made (a read-only directory) is logged and not needed.
pub fn hold_shared(db: &Path) -> Result<(), String> {
    let path = lock_path(db);
    let file = match open(&path) {
        Ok(f) => f,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "no lock file beside the database; a restore cannot see this process by it");
            return Ok(());
        }
    };
    match file.try_lock_shared() {
        Ok(()) => {
            if let Ok(mut held) = HELD.lock() {
                held.push(file);
            }
            Ok(())
        }
        Err(TryLockError::WouldBlock) => Err(format!(
            "a restore is replacing the database file {}; start again when it has finished",
            db.display()
        )),
        Err(TryLockError::Error(e)) => {
            tracing::warn!(path = %path.display(), error = %e, "the lock file beside the database cannot be locked");
            Ok(())
        }
    }
}

/// The exclusive lock of a restore, held while the returned file is open. Refused while
/// any command of ours has the database open.
pub fn exclusive(db: &Path) -> Result<File, String> {
    let path = lock_path(db);
    let file = open(&path).map_err(|e| format!("cannot open the lock file {}: {e}", path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(format!(
            "the database file {} is in use by a madoguchi process (serve, migrate, jobs…); stop it first",
            db.display()
        )),
        Err(TryLockError::Error(e)) => Err(format!("cannot lock {}: {e}", path.display())),
    }
}
