//! Statistics of interviews (IV-4, PV-5): counts by office, JST day, state and outcome.
//! Only aggregates leave this query; no user reference is selected and `users` is not
//! read, so erasure (PV-6) changes no count.

use chrono::NaiveDate;

use crate::{Db, Result, read};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InterviewCount {
    pub office_code: String,
    pub local_date: NaiveDate,
    pub state: String,
    pub outcome: Option<String>,
    pub count: i64,
}

const ALL: &str = "SELECT office_code, local_date, state, outcome, COUNT(*) AS count FROM interviews
    WHERE local_date >= $1 AND local_date < $2
    GROUP BY office_code, local_date, state, outcome ORDER BY office_code, local_date, state, outcome";
const ONE: &str = "SELECT office_code, local_date, state, outcome, COUNT(*) AS count FROM interviews
    WHERE local_date >= $1 AND local_date < $2 AND office_code = $3
    GROUP BY office_code, local_date, state, outcome ORDER BY office_code, local_date, state, outcome";

/// Interviews whose JST date is in `[from, to)`, for one office or (`None`) all.
pub async fn counts(db: &Db, office: Option<&str>, from: NaiveDate, to: NaiveDate) -> Result<Vec<InterviewCount>> {
    Ok(match office {
        Some(code) => read!(db, |c| sqlx::query_as(ONE)
            .bind(from)
            .bind(to)
            .bind(code)
            .fetch_all(c)
            .await)?,
        None => read!(db, |c| sqlx::query_as(ALL).bind(from).bind(to).fetch_all(c).await)?,
    })
}
