//! Each office's 管轄 (the municipalities it serves, by prefecture, name and postal-code
//! prefix) for finding one's office, and the office a job seeker chose (issue 13, item 1).

use crate::{Db, Result, Tx, in_tx, read};

/// One municipality (or a postal part of one) that an office serves.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AreaRow {
    pub office_code: String,
    /// The JIS X 0401 code, `28`.
    pub prefecture: String,
    pub municipality: String,
    /// 3 to 7 digits, or empty when the municipality is found by name only.
    pub postal_prefix: String,
}

const COLUMNS: &str = "office_code, prefecture, municipality, postal_prefix";

/// Replaces the office's 管轄 with `areas` (idempotent: the same rows again change nothing).
pub async fn replace(tx: &mut Tx, office_code: &str, areas: &[AreaRow]) -> Result<()> {
    const CLEAR: &str = "DELETE FROM office_areas WHERE office_code = $1";
    const ADD: &str = "INSERT INTO office_areas (office_code, prefecture, municipality, postal_prefix)
        VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
    in_tx!(tx, |c| {
        sqlx::query(CLEAR).bind(office_code).execute(&mut *c).await?;
        for a in areas {
            sqlx::query(ADD)
                .bind(office_code)
                .bind(&a.prefecture)
                .bind(&a.municipality)
                .bind(&a.postal_prefix)
                .execute(&mut *c)
                .await?;
        }
    });
    Ok(())
}

/// The rows whose postal prefix begins the seven digits `code` (the caller keeps the most
/// specific).
pub async fn by_postal(db: &Db, code: &str) -> Result<Vec<AreaRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM office_areas WHERE postal_prefix <> ''
           AND substr($1, 1, length(postal_prefix)) = postal_prefix ORDER BY office_code, municipality"
    );
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(code)
        .fetch_all(c)
        .await)?)
}

/// The municipalities of a prefecture that some office serves, sorted.
pub async fn municipalities(db: &Db, prefecture: &str) -> Result<Vec<String>> {
    const SQL: &str = "SELECT DISTINCT municipality FROM office_areas WHERE prefecture = $1";
    let mut names: Vec<String> = read!(db, |c| sqlx::query_scalar(SQL).bind(prefecture).fetch_all(c).await)?;
    // By code point on every backend (a database's collation may order Japanese otherwise).
    names.sort();
    Ok(names)
}

/// The offices serving a municipality.
pub async fn offices_serving(db: &Db, prefecture: &str, municipality: &str) -> Result<Vec<String>> {
    const SQL: &str = "SELECT DISTINCT office_code FROM office_areas WHERE prefecture = $1 AND municipality = $2
        ORDER BY office_code";
    Ok(read!(db, |c| sqlx::query_scalar(SQL)
        .bind(prefecture)
        .bind(municipality)
        .fetch_all(c)
        .await)?)
}

/// An office's 管轄, in the order it was loaded.
pub async fn of_office(db: &Db, office_code: &str) -> Result<Vec<AreaRow>> {
    let sql = format!("SELECT {COLUMNS} FROM office_areas WHERE office_code = $1 ORDER BY municipality, postal_prefix");
    Ok(read!(db, |c| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(office_code)
        .fetch_all(c)
        .await)?)
}

/// How many 管轄 rows there are in all (the import's report, the demo's seeding).
pub async fn count(db: &Db) -> Result<i64> {
    const SQL: &str = "SELECT COUNT(*) FROM office_areas";
    Ok(read!(db, |c| sqlx::query_scalar(SQL).fetch_one(c).await)?)
}

/// The office the job seeker chose as theirs, if any.
pub async fn home_office(db: &Db, user_ref: i64) -> Result<Option<String>> {
    const SQL: &str = "SELECT home_office FROM users WHERE id = $1";
    let row: Option<Option<String>> = read!(db, |c| sqlx::query_scalar(SQL).bind(user_ref).fetch_optional(c).await)?;
    Ok(row.flatten())
}

/// Records (or, with `None`, forgets) the job seeker's office.
pub async fn set_home_office(tx: &mut Tx, user_ref: i64, office_code: Option<&str>) -> Result<bool> {
    const SQL: &str = "UPDATE users SET home_office = $2 WHERE id = $1 AND state = 'active'";
    let n = in_tx!(tx, |c| sqlx::query(SQL)
        .bind(user_ref)
        .bind(office_code)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}
