//! Statistics (rule PV-5): finished consultations and seminar registrations counted by
//! office, start time, service, outcome and channel. Only aggregates leave this query: no
//! user reference, name or number is selected, and the users table is not read, so the
//! counts stay correct after a user is deleted (PV-6).

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, read};

/// One group of finished items that started at the same instant at one office.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct StatRow {
    pub office_code: String,
    pub starts_at: DateTime<Utc>,
    /// `consultation` or `seminar`.
    pub service: String,
    /// `attended`, `cancelled_by_user`, `cancelled_by_office` or `no_show`.
    pub outcome: String,
    /// `phone` for a cancellation staff recorded from a call (BK-10), else `online`.
    pub channel: String,
    pub count: i64,
}

// Outcomes are mapped here so every caller counts the same way: a consultation ended early
// by the office took place (attended), a participant removed by the office counts as the
// office's cancellation. States without an outcome yet are left out. A user's own
// cancellation whose state was set by staff is the phone cancellation of BK-10 (the
// actor is `staff:<id>`; the user's own actor is never selected).
macro_rules! counts_sql {
    ($reservation_office:literal, $seminar_office:literal) => {
        concat!(
            "SELECT office_code, starts_at, service, outcome, channel, COUNT(*) AS count FROM (
    SELECT r.office_code AS office_code, r.starts_at AS starts_at, 'consultation' AS service,
        CASE r.state WHEN 'ended_by_office' THEN 'attended' ELSE r.state END AS outcome,
        CASE WHEN r.state = 'cancelled_by_user' AND r.state_actor LIKE 'staff:%' THEN 'phone' ELSE 'online' END
            AS channel
    FROM reservations r
    WHERE r.state IN ('attended', 'no_show', 'cancelled_by_user', 'cancelled_by_office', 'ended_by_office')
        AND r.local_date >= $1 AND r.local_date < $2",
            $reservation_office,
            "
    UNION ALL
    SELECT m.office_code, m.starts_at, 'seminar',
        CASE g.state WHEN 'removed_by_office' THEN 'cancelled_by_office' ELSE g.state END,
        CASE WHEN g.state = 'cancelled_by_user' AND g.state_actor LIKE 'staff:%' THEN 'phone' ELSE 'online' END
    FROM seminar_registrations g JOIN seminars m ON m.id = g.seminar_id
    WHERE g.state IN ('attended', 'no_show', 'cancelled_by_user', 'removed_by_office')
        AND m.local_date >= $1 AND m.local_date < $2",
            $seminar_office,
            "
) t GROUP BY office_code, starts_at, service, outcome, channel
ORDER BY office_code, starts_at, service, outcome, channel"
        )
    };
}
/// Every office. One statement per scope rather than `($3 IS NULL OR office_code = $3)`,
/// which neither backend can answer from `reservations_office_day` (issue 17).
const ALL: &str = counts_sql!("", "");
/// One office: its reservations through `reservations_office_day` (public for the plans
/// test, which explains this very statement).
pub const ONE_OFFICE: &str = counts_sql!(" AND r.office_code = $3", " AND m.office_code = $3");

/// Finished items whose JST date is in `[from, to)`, for one office or (`None`) all.
pub async fn counts(db: &Db, office: Option<&str>, from: NaiveDate, to: NaiveDate) -> Result<Vec<StatRow>> {
    Ok(match office {
        Some(code) => read!(db, |c| sqlx::query_as(ONE_OFFICE)
            .bind(from)
            .bind(to)
            .bind(code)
            .fetch_all(c)
            .await)?,
        None => read!(db, |c| sqlx::query_as(ALL).bind(from).bind(to).fetch_all(c).await)?,
    })
}
