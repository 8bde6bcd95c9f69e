//! Content in several languages (issue 16, item 3): a notice, a seminar, a terms version or
//! an office may carry a text per language beside its Japanese original, which stays the
//! one that binds (terms) and the one shown when the reader's language has none. Staff add,
//! edit and remove translations (`translate`); pages and the API read them here.
//!
//! The languages are the caller's list (the web's locales), never a list of this crate, so a
//! language added as a locale folder can carry content at once.

pub mod translate;

use std::collections::HashMap;

use madoguchi_domain::characters::FieldKind;
use madoguchi_store::Db;
use madoguchi_store::translations::{self as store};
pub use madoguchi_store::translations::{Of, Original, TextRow};

use crate::AppError;

/// The language of the originals.
pub const ORIGINAL: &str = "ja";

/// What staff type for one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translation {
    pub lang: String,
    pub title: String,
    pub body: String,
}

/// The form's field names, the same wherever a translation is typed.
pub const LANG_FIELD: &str = "translation_lang";
pub const TITLE_FIELD: &str = "translation_title";
pub const BODY_FIELD: &str = "translation_body";

/// How long each text may be, as its Japanese original (N10 applies to both).
struct Limits {
    title: Option<usize>,
    title_required: bool,
    body: usize,
    body_kind: FieldKind,
    body_required: bool,
}

fn limits(of: Of) -> Limits {
    match of {
        Of::Notice => Limits {
            title: Some(100),
            title_required: true,
            body: 2000,
            body_kind: FieldKind::MultiLine,
            body_required: true,
        },
        Of::Seminar => Limits {
            title: Some(100),
            title_required: true,
            body: 2000,
            body_kind: FieldKind::MultiLine,
            body_required: false,
        },
        Of::Terms => Limits {
            title: None,
            title_required: false,
            body: 50_000,
            body_kind: FieldKind::MultiLine,
            body_required: true,
        },
        Of::Office => Limits {
            title: Some(100),
            title_required: false,
            body: 200,
            body_kind: FieldKind::SingleLine,
            body_required: true,
        },
    }
}

/// Whether `of` has a title to translate (terms have only their text).
pub fn has_title(of: Of) -> bool {
    limits(of).title.is_some()
}

/// The checked texts of a translation: the language one of `known` other than Japanese, every
/// text within its length and allowed by N10 like the original's.
pub fn check(of: Of, known: &[&str], t: &Translation) -> Result<Translation, AppError> {
    let lang = t.lang.trim();
    if lang == ORIGINAL || !known.contains(&lang) {
        return Err(AppError::invalid(
            "invalid_choice",
            LANG_FIELD,
            "choose a language other than Japanese",
        ));
    }
    let l = limits(of);
    let title = match l.title {
        Some(max) => crate::shared::fields::text(TITLE_FIELD, &t.title, FieldKind::SingleLine, max, l.title_required)?,
        None => String::new(),
    };
    let body = crate::shared::fields::text(BODY_FIELD, &t.body, l.body_kind, l.body, l.body_required)?;
    if title.is_empty() && body.is_empty() {
        return Err(AppError::invalid("required", BODY_FIELD, "a translation needs a text"));
    }
    Ok(Translation {
        lang: lang.to_owned(),
        title,
        body,
    })
}

/// The Japanese original and who it belongs to.
pub async fn original(db: &Db, of: Of, item: &str) -> Result<Original, AppError> {
    store::original(db, of, item).await?.ok_or_else(|| AppError::NotFound {
        what: format!("{} {item}", of.code()),
    })
}

/// Every translation of one item, by language.
pub async fn of_item(db: &Db, of: Of, item: &str) -> Result<Vec<TextRow>, AppError> {
    Ok(store::of_item(db, of, item).await?)
}

/// The translations of many items in one read: item key → its translations by language.
pub async fn of_items(db: &Db, of: Of, items: &[String]) -> Result<Texts, AppError> {
    Ok(store::of_items(db, of, items).await?.into())
}

/// The translations a page or answer read, by item.
#[derive(Debug, Clone, Default)]
pub struct Texts(HashMap<String, Vec<TextRow>>);

impl Texts {
    /// The item's translation into `lang`, if it has one.
    pub fn get(&self, item: &str, lang: &str) -> Option<&TextRow> {
        self.0.get(item)?.iter().find(|t| t.lang == lang)
    }

    /// Every translation of the item, by language.
    pub fn all(&self, item: &str) -> &[TextRow] {
        self.0.get(item).map_or(&[], Vec::as_slice)
    }
}

impl From<Vec<TextRow>> for Texts {
    fn from(rows: Vec<TextRow>) -> Self {
        let mut by_item: HashMap<String, Vec<TextRow>> = HashMap::new();
        for r in rows {
            by_item.entry(r.item.clone()).or_default().push(r);
        }
        Self(by_item)
    }
}
