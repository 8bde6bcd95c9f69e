//! Database errors in words an operator can act on (issue 11): the CLI names the database
//! (for SQLite the file) and what is wrong with it, where the web says only "internal error".

use madoguchi_app::AppError;
use madoguchi_store::{DatabaseUrl, StoreError};

/// One line for a use case's error; database errors name the database and the problem.
pub fn app_error(url: &DatabaseUrl, e: &AppError) -> String {
    match e {
        AppError::Internal(s) | AppError::Unavailable(s) => store_error(url, s),
        other => other.to_string(),
    }
}

/// One line for a storage error, naming the database (for SQLite the file, in full).
pub fn store_error(url: &DatabaseUrl, e: &StoreError) -> String {
    let place = match url {
        DatabaseUrl::Sqlite(path) => {
            let full = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            format!("the database file {}", full.display())
        }
        DatabaseUrl::Postgres(_) => format!("the database {url}"),
    };
    let problem = match e.sqlite_code() {
        Some(11) => "is damaged",
        Some(26) => "is not a SQLite database",
        Some(14) => "cannot be opened",
        Some(8) => "is read-only here",
        Some(13) => "cannot grow: the disk is full",
        Some(10) => "cannot be read or written (I/O error)",
        Some(5 | 6) => "is locked by another process",
        _ => "",
    };
    let detail = one_line(&e.to_string());
    match e {
        // Already names the database (with any password hidden).
        StoreError::Unreachable { .. } | StoreError::Url(_) => detail,
        _ if problem.is_empty() => format!("{place}: {detail}"),
        _ => format!("{place} {problem} ({detail})"),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
