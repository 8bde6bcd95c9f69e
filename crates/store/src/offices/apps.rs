//! The meeting apps an office uses per service (rule MT-1, issue 15), and the one its
//! templates and new seminars start from. No rows for a service: every app (offices from
//! before migration 0032). The schema keeps one default per office and service.

use crate::{Db, Result, in_tx, read};

/// One app an office uses for a service (`consultation` or `seminar`).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OfficeApp {
    pub service: String,
    pub app: String,
    pub is_default: bool,
}

pub async fn list(db: &Db, office: &str) -> Result<Vec<OfficeApp>> {
    const SQL: &str = "SELECT service, app, is_default FROM office_apps WHERE office_code = $1 ORDER BY service, app";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(office).fetch_all(c).await)?)
}

/// Replaces the office's apps for `service` in the caller's transaction (with its audit row).
pub async fn set(tx: &mut crate::Tx, office: &str, service: &str, apps: &[&str], default: &str) -> Result<()> {
    const CLEAR: &str = "DELETE FROM office_apps WHERE office_code = $1 AND service = $2";
    const ADD: &str = "INSERT INTO office_apps (office_code, service, app, is_default) VALUES ($1, $2, $3, $4)";
    in_tx!(&mut *tx, |c| sqlx::query(CLEAR)
        .bind(office)
        .bind(service)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    for app in apps {
        in_tx!(&mut *tx, |c| sqlx::query(ADD)
            .bind(office)
            .bind(service)
            .bind(*app)
            .bind(*app == default)
            .execute(c)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(())
}
