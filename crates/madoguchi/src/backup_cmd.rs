//! `madoguchi backup --to FILE` and `madoguchi restore --from FILE` for SQLite (issue 17).
//! PostgreSQL has its own tools; both commands say so and exit 2.
//!
//! Backup takes a consistent copy while `serve` runs (`store::backup::sqlite_backup`),
//! never over an existing file. Restore checks the copy before anything is touched, refuses
//! while anyone has the database open, keeps the file it replaces beside it, and swaps by
//! renaming within one directory, so a crash leaves either the old file or the new one.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use madoguchi_domain::clock::{Clock, SystemClock};
use madoguchi_store::DatabaseUrl;
use madoguchi_store::backup;

use crate::serve_cmd::load;
use crate::{DbArgs, db_lock};

/// The SQLite file of the configured database, or the exit for PostgreSQL (2, one line).
fn sqlite_file(args: &DbArgs, command: &str, tool: &str) -> Result<PathBuf, ExitCode> {
    let url = load(args, None).and_then(|c| c.database_url()).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::FAILURE
    })?;
    match url {
        DatabaseUrl::Sqlite(path) => Ok(path),
        DatabaseUrl::Postgres(_) => {
            eprintln!(
                "error: {command} works on SQLite only; this database is PostgreSQL: use {tool} (see the operator's guide, PostgreSQL backups)"
            );
            Err(ExitCode::from(2))
        }
    }
}

/// `madoguchi backup --to FILE`
pub fn backup(args: DbArgs, to: PathBuf) -> ExitCode {
    match sqlite_file(&args, "backup", "pg_dump -Fc") {
        Ok(db) => crate::run_async(async move {
            let checked = backup::sqlite_backup(&db, &to)
                .await
                .map_err(|e| format!("backup: {e}"))?;
            println!(
                "backup: {} written from {} ({} bytes, migration {}, integrity ok)",
                to.display(),
                db.display(),
                checked.bytes,
                checked.migration
            );
            Ok(())
        }),
        Err(code) => code,
    }
}

/// `madoguchi restore --from FILE`
pub fn restore(args: DbArgs, from: PathBuf) -> ExitCode {
    match sqlite_file(&args, "restore", "pg_restore") {
        Ok(db) => {
            crate::run_async(async move { restore_sqlite(&db, &from).await.map_err(|e| format!("restore: {e}")) })
        }
        Err(code) => code,
    }
}

/// `FILE` + `suffix`, in the same directory (so a rename never crosses filesystems).
fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

async fn restore_sqlite(db: &Path, from: &Path) -> Result<(), String> {
    if !from.is_file() {
        return Err(format!("{} does not exist or is not a file", from.display()));
    }
    // Held until the end: no command of ours can open the database meanwhile.
    let _lock = db_lock::exclusive(db)?;
    let staging = beside(db, ".restoring");
    // Left by an interrupted restore; nobody else writes it while we hold the lock.
    let _ = std::fs::remove_file(&staging);
    let placed = async {
        copy(from, &staging)?;
        // The copy where it will be used is what is checked, not only the source.
        let checked = backup::check_copy(&staging).await.map_err(|e| e.to_string())?;
        backup::take_offline(db).await.map_err(|e| e.to_string())?;
        let kept = set_aside(db)?;
        if let Some(old) = &kept {
            same_owner(old, &staging)?;
        }
        std::fs::rename(&staging, db).map_err(|e| format!("cannot move {} into place: {e}", staging.display()))?;
        backup::sync(db).map_err(|e| e.to_string())?;
        Ok::<_, String>((checked, kept))
    }
    .await;
    let (checked, kept) = match placed {
        Ok(done) => done,
        Err(e) => {
            let _ = std::fs::remove_file(&staging);
            return Err(e);
        }
    };
    println!(
        "restore: {} is now the copy from {} ({} bytes, migration {}, integrity ok)",
        db.display(),
        from.display(),
        checked.bytes,
        checked.migration
    );
    match kept {
        Some(old) => println!(
            "restore: the database it replaced is kept as {}; delete it once the service is checked",
            old.display()
        ),
        None => println!("restore: there was no database here before"),
    }
    Ok(())
}

/// Copies `from` to a new file `to` and syncs it.
fn copy(from: &Path, to: &Path) -> Result<(), String> {
    let mut src = File::open(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let mut dst = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(to)
        .map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    std::io::copy(&mut src, &mut dst).map_err(|e| format!("cannot copy to {}: {e}", to.display()))?;
    dst.sync_all().map_err(|e| format!("cannot sync {}: {e}", to.display()))
}

/// Moves the current database aside as `FILE.before-restore-STAMP` (UTC), with its WAL
/// already folded in by `take_offline`; removes the then empty `-wal` and a stale `-shm`.
fn set_aside(db: &Path) -> Result<Option<PathBuf>, String> {
    let (wal, shm) = (beside(db, "-wal"), beside(db, "-shm"));
    let kept = if db.exists() {
        let stamp = SystemClock.now().format("%Y%m%dT%H%M%SZ");
        let old = beside(db, &format!(".before-restore-{stamp}"));
        std::fs::rename(db, &old).map_err(|e| format!("cannot move {} aside: {e}", db.display()))?;
        Some(old)
    } else {
        None
    };
    for leftover in [wal, shm] {
        match std::fs::remove_file(&leftover) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(format!("cannot remove {}: {e}", leftover.display()));
            }
            _ => {}
        }
    }
    Ok(kept)
}

/// Gives the restored file the owner and mode of the one it replaces: a restore run as
/// root must leave a file the service's own user can still write.
fn same_owner(old: &Path, new: &Path) -> Result<(), String> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let was = std::fs::metadata(old).map_err(|e| format!("{}: {e}", old.display()))?;
    let is = std::fs::metadata(new).map_err(|e| format!("{}: {e}", new.display()))?;
    if (is.uid(), is.gid()) != (was.uid(), was.gid()) {
        std::os::unix::fs::chown(new, Some(was.uid()), Some(was.gid()))
            .map_err(|e| format!("cannot give {} the owner of {}: {e}", new.display(), old.display()))?;
    }
    std::fs::set_permissions(new, std::fs::Permissions::from_mode(was.mode() & 0o7777))
        .map_err(|e| format!("cannot set the mode of {}: {e}", new.display()))
}
