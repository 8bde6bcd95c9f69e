//! Content in several languages (issue 16, item 3): the texts of notices, seminars, terms
//! versions and offices in languages other than Japanese, one child table per kind
//! (`notice_texts`, `seminar_texts`, `terms_texts`, `office_texts`, migration 0035) with the
//! same columns, so these queries serve all four. The Japanese text stays in the item's own
//! row. A translation is added once per language (the primary key refuses a second), edited
//! only while it exists and removed in one statement; each write is in the caller's
//! transaction, beside its audit row.

use chrono::{DateTime, Utc};

use crate::{Db, Result, Tx, in_tx, read};

/// What a translation belongs to, and its key as text (an id, or an office code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Of {
    Notice,
    Seminar,
    Terms,
    Office,
}

impl Of {
    pub const ALL: [Of; 4] = [Of::Notice, Of::Seminar, Of::Terms, Of::Office];

    /// The name used in paths, audit details and the API.
    pub fn code(self) -> &'static str {
        match self {
            Self::Notice => "notice",
            Self::Seminar => "seminar",
            Self::Terms => "terms",
            Self::Office => "office",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == s)
    }

    fn sql(self) -> &'static Sql {
        match self {
            Self::Notice => &NOTICE,
            Self::Seminar => &SEMINAR,
            Self::Terms => &TERMS,
            Self::Office => &OFFICE,
        }
    }
}

/// One translation as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TextRow {
    /// The item's key as text: a notice's, seminar's or terms version's id, an office code.
    pub item: String,
    pub lang: String,
    pub title: String,
    pub body: String,
    pub updated_at: DateTime<Utc>,
    pub updated_by: String,
}

struct Sql {
    add: &'static str,
    edit: &'static str,
    remove: &'static str,
    of_item: &'static str,
    /// The texts of many items at once: the keys as a JSON array of strings.
    of_items_sqlite: &'static str,
    of_items_postgres: &'static str,
}

/// The statements of one table; `$key` is its key column, `$cast` the key's SQL type (the
/// key is bound as text and cast, the same on both backends).
macro_rules! sql {
    ($table:literal, $key:literal, $cast:literal) => {
        Sql {
            add: concat!(
                "INSERT INTO ",
                $table,
                " (",
                $key,
                ", lang, title, body, updated_at, updated_by) ",
                "VALUES (CAST($1 AS ",
                $cast,
                "), $2, $3, $4, $5, $6)"
            ),
            edit: concat!(
                "UPDATE ",
                $table,
                " SET title = $3, body = $4, updated_at = $5, updated_by = $6 ",
                "WHERE ",
                $key,
                " = CAST($1 AS ",
                $cast,
                ") AND lang = $2"
            ),
            remove: concat!(
                "DELETE FROM ",
                $table,
                " WHERE ",
                $key,
                " = CAST($1 AS ",
                $cast,
                ") AND lang = $2"
            ),
            of_item: concat!(
                "SELECT CAST(",
                $key,
                " AS TEXT) AS item, lang, title, body, updated_at, updated_by FROM ",
                $table,
                " WHERE ",
                $key,
                " = CAST($1 AS ",
                $cast,
                ") ORDER BY lang"
            ),
            of_items_sqlite: concat!(
                "SELECT CAST(",
                $key,
                " AS TEXT) AS item, lang, title, body, updated_at, updated_by FROM ",
                $table,
                " WHERE ",
                $key,
                " IN (SELECT CAST(value AS ",
                $cast,
                ") FROM json_each($1)) ORDER BY ",
                $key,
                ", lang"
            ),
            of_items_postgres: concat!(
                "SELECT CAST(",
                $key,
                " AS TEXT) AS item, lang, title, body, updated_at, updated_by FROM ",
                $table,
                " WHERE ",
                $key,
                " IN (SELECT CAST(j.value AS ",
                $cast,
                ") ",
                "FROM jsonb_array_elements_text(CAST(CAST($1 AS TEXT) AS jsonb)) AS j(value)) ORDER BY ",
                $key,
                ", lang"
            ),
        }
    };
}

static NOTICE: Sql = sql!("notice_texts", "notice_id", "BIGINT");
static SEMINAR: Sql = sql!("seminar_texts", "seminar_id", "BIGINT");
static TERMS: Sql = sql!("terms_texts", "terms_id", "BIGINT");
static OFFICE: Sql = sql!("office_texts", "office_code", "TEXT");

/// A new translation, or what an edit makes of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewText<'a> {
    pub of: Of,
    pub item: &'a str,
    pub lang: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub by: &'a str,
}

/// Adds a translation. A second one in the same language is a unique violation; an item
/// that does not exist, a foreign-key violation.
pub async fn add(tx: &mut Tx, t: &NewText<'_>, now: DateTime<Utc>) -> Result<()> {
    let sql = t.of.sql().add;
    in_tx!(tx, |c| sqlx::query(sql)
        .bind(t.item)
        .bind(t.lang)
        .bind(t.title)
        .bind(t.body)
        .bind(now)
        .bind(t.by)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Changes a translation that exists; `false` when there is none in that language.
pub async fn edit(tx: &mut Tx, t: &NewText<'_>, now: DateTime<Utc>) -> Result<bool> {
    let sql = t.of.sql().edit;
    let n = in_tx!(tx, |c| sqlx::query(sql)
        .bind(t.item)
        .bind(t.lang)
        .bind(t.title)
        .bind(t.body)
        .bind(now)
        .bind(t.by)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Removes a translation; `false` when there was none.
pub async fn remove(tx: &mut Tx, of: Of, item: &str, lang: &str) -> Result<bool> {
    let sql = of.sql().remove;
    let n = in_tx!(tx, |c| sqlx::query(sql)
        .bind(item)
        .bind(lang)
        .execute(c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Every translation of one item, by language.
pub async fn of_item(db: &Db, of: Of, item: &str) -> Result<Vec<TextRow>> {
    let sql = of.sql().of_item;
    Ok(read!(db, |c| sqlx::query_as(sql).bind(item).fetch_all(c).await)?)
}

/// Every translation of these items (a page's notices, seminars or offices) in one read.
pub async fn of_items(db: &Db, of: Of, items: &[String]) -> Result<Vec<TextRow>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let keys = json_strings(items);
    let sql = of.sql();
    Ok(match db {
        Db::Sqlite(s) => {
            sqlx::query_as(sql.of_items_sqlite)
                .bind(keys)
                .fetch_all(&s.read)
                .await?
        }
        Db::Postgres(p) => sqlx::query_as(sql.of_items_postgres).bind(keys).fetch_all(p).await?,
    })
}

/// The Japanese original of an item and the office it belongs to (`None`: national).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Original {
    pub office_code: Option<String>,
    /// A notice's or seminar's title, `service version` for terms, an office's name.
    pub title: String,
    pub body: String,
}

/// The Japanese original, or `None` when there is no such item.
pub async fn original(db: &Db, of: Of, item: &str) -> Result<Option<Original>> {
    let sql = match of {
        Of::Notice => "SELECT office_code, title, body FROM notices WHERE id = CAST($1 AS BIGINT)",
        Of::Seminar => "SELECT office_code, title, description AS body FROM seminars WHERE id = CAST($1 AS BIGINT)",
        Of::Terms => {
            "SELECT CAST(NULL AS TEXT) AS office_code, service || ' ' || version AS title, body
             FROM terms_versions WHERE id = CAST($1 AS BIGINT)"
        }
        Of::Office => "SELECT code AS office_code, name_ja AS title, address AS body FROM offices WHERE code = $1",
    };
    // An id that is not a number is no item (PostgreSQL would refuse the cast).
    if of != Of::Office && item.parse::<i64>().is_err() {
        return Ok(None);
    }
    Ok(read!(db, |c| sqlx::query_as(sql).bind(item).fetch_optional(c).await)?)
}

/// A JSON array of strings (keys are digits or office codes; anything else is escaped).
fn json_strings(items: &[String]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| {
            let mut q = String::from("\"");
            for ch in s.chars() {
                match ch {
                    '"' => q.push_str("\\\""),
                    '\\' => q.push_str("\\\\"),
                    c if (c as u32) < 0x20 => q.push_str(&format!("\\u{:04x}", c as u32)),
                    c => q.push(c),
                }
            }
            q.push('"');
            q
        })
        .collect();
    format!("[{}]", quoted.join(","))
}

#[cfg(test)]
mod tests {
    use super::json_strings;

    #[test]
    fn keys_are_a_json_array() {
        assert_eq!(json_strings(&["12".into(), "a\"b".into()]), r#"["12","a\"b"]"#);
    }
}
