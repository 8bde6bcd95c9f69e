//! Reading the staff access audit (PV-4) and recording disclosures (PV-2).

use chrono::{DateTime, NaiveDate, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// One staff access, with who did it (office and role) and about whom.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Access {
    pub at: DateTime<Utc>,
    pub staff_name: String,
    pub staff_user_id: String,
    pub role: String,
    pub office_code: Option<String>,
    pub office_name_ja: Option<String>,
    pub office_name_en: Option<String>,
    pub action: String,
    pub user_ref: Option<i64>,
    /// The job seeker's user ID; empty once the account is deleted.
    pub user_id: Option<String>,
    pub detail: String,
}

macro_rules! select_access {
    ($rest:literal) => {
        concat!(
            "SELECT a.at, s.name AS staff_name, s.user_id AS staff_user_id, s.role, s.office_code, ",
            "o.name_ja AS office_name_ja, o.name_en AS office_name_en, a.action, a.user_ref, u.user_id, a.detail ",
            "FROM audit_log a JOIN staff s ON s.id = a.staff_ref ",
            "LEFT JOIN offices o ON o.code = s.office_code LEFT JOIN users u ON u.id = a.user_ref WHERE ",
            $rest
        )
    };
}

/// A national admin's search: every filter is optional; newest first, at most `limit`.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The staff member's user ID (case-insensitive).
    pub staff_key: Option<String>,
    pub user_ref: Option<i64>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub limit: i64,
}

pub async fn search(db: &Db, f: &Search) -> Result<Vec<Access>> {
    const SQL: &str = select_access!(
        "($1 IS NULL OR s.user_key = $1) AND ($2 IS NULL OR a.user_ref = $2) \
         AND ($3 IS NULL OR a.at >= $3) AND ($4 IS NULL OR a.at < $4) ORDER BY a.at DESC, a.id DESC LIMIT $5"
    );
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(f.staff_key.as_deref())
        .bind(f.user_ref)
        .bind(f.from)
        .bind(f.until)
        .bind(f.limit)
        .fetch_all(c)
        .await)?)
}

/// "Who viewed my data": every staff access to one job seeker, newest first.
pub async fn about_user(db: &Db, user_ref: i64, limit: i64) -> Result<Vec<Access>> {
    // A disclosure to an authority is not shown to its subject: it could warn them of an
    // investigation (N13-2). National admins see it in the search.
    const SQL: &str =
        select_access!("a.user_ref = $1 AND a.action <> 'disclosure_export' ORDER BY a.at DESC, a.id DESC LIMIT $2");
    Ok(read!(db, |c| sqlx::query_as(SQL)
        .bind(user_ref)
        .bind(limit)
        .fetch_all(c)
        .await)?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDisclosure<'a> {
    pub staff_ref: i64,
    pub legal_basis: &'a str,
    pub authority: &'a str,
    pub subject_ref: Option<i64>,
    pub period_from: Option<NaiveDate>,
    pub period_until: Option<NaiveDate>,
    pub format: &'a str,
    pub rows: i64,
}

/// PV-2: the export itself is recorded, in the caller's transaction.
pub async fn record_disclosure(tx: &mut Tx, d: &NewDisclosure<'_>, now: DateTime<Utc>) -> Result<i64> {
    const SQL: &str = "INSERT INTO disclosures (at, staff_ref, legal_basis, authority, subject_ref, period_from, \
         period_until, format, rows) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
    let (id,): (i64,) = in_tx!(tx, |c| sqlx::query_as(SQL)
        .bind(now)
        .bind(d.staff_ref)
        .bind(d.legal_basis)
        .bind(d.authority)
        .bind(d.subject_ref)
        .bind(d.period_from)
        .bind(d.period_until)
        .bind(d.format)
        .bind(d.rows)
        .fetch_one(c)
        .await)?;
    Ok(id)
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Disclosure {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub staff_name: String,
    pub legal_basis: String,
    pub authority: String,
    pub subject_ref: Option<i64>,
    pub period_from: Option<NaiveDate>,
    pub period_until: Option<NaiveDate>,
    pub format: String,
    pub rows: i64,
}

/// Past disclosures, newest first.
pub async fn disclosures(db: &Db, limit: i64) -> Result<Vec<Disclosure>> {
    const SQL: &str = "SELECT d.id, d.at, s.name AS staff_name, d.legal_basis, d.authority, d.subject_ref, \
         d.period_from, d.period_until, d.format, d.rows FROM disclosures d JOIN staff s ON s.id = d.staff_ref \
         ORDER BY d.at DESC, d.id DESC LIMIT $1";
    Ok(read!(db, |c| sqlx::query_as(SQL).bind(limit).fetch_all(c).await)?)
}
