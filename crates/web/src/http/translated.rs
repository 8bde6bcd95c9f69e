//! Content in the reader's language (issue 16, item 3): a notice's, seminar's, terms
//! version's or office's text in the page's language when staff translated it, else the
//! Japanese original marked "Japanese only" and tagged `lang="ja"` so a screen reader
//! switches voice. The languages are the site's locales (`Lang::ALL`), never a list here.

use std::collections::BTreeMap;

use madoguchi_app::translations::{ORIGINAL, Of, Texts};
use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::Lang;

/// One text as a page shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// The Japanese original, shown to a reader of another language.
    pub ja_only: bool,
}

impl Text {
    pub fn original(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            ja_only: false,
        }
    }

    /// ` lang="ja"` on the element holding a Japanese fallback, else nothing.
    pub fn lang_attr(&self) -> &'static str {
        if self.ja_only { " lang=\"ja\"" } else { "" }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// An item's title and body in `lang`: each the translation's when it has one, else the
/// Japanese (marked, unless the reader reads Japanese or the original is empty too).
pub fn pick(lang: Lang, texts: &Texts, item: &str, ja_title: &str, ja_body: &str) -> (Text, Text) {
    let one = |translated: Option<&str>, ja: &str| match translated.filter(|t| !t.is_empty()) {
        Some(t) => Text::original(t),
        None => Text {
            text: ja.to_owned(),
            ja_only: lang.code() != ORIGINAL && !ja.is_empty(),
        },
    };
    let t = texts.get(item, lang.code());
    (
        one(t.map(|t| t.title.as_str()), ja_title),
        one(t.map(|t| t.body.as_str()), ja_body),
    )
}

/// An office's name and address in the reader's language: the translation's name, else
/// the bilingual name (`Lang::pick`); the translation's address, else the Japanese marked.
pub fn office(lang: Lang, texts: &Texts, o: &madoguchi_domain::office::Office) -> (String, Text) {
    let (name, address) = pick(lang, texts, o.code.as_str(), "", &o.address);
    let name = if name.is_empty() {
        lang.pick(&o.name_ja, &o.name_en).to_owned()
    } else {
        name.text
    };
    (name, address)
}

/// The language codes content may be translated into: every locale but Japanese.
pub fn languages() -> Vec<&'static str> {
    Lang::all().map(|l| l.code()).filter(|c| *c != ORIGINAL).collect()
}

/// Every locale's code, Japanese included (what `check` accepts, Japanese refused there).
pub fn known() -> Vec<&'static str> {
    Lang::all().map(|l| l.code()).collect()
}

/// A language's own name, or its code for a stored language the site no longer has.
pub fn label(code: &str) -> String {
    Lang::parse(code).map_or_else(|| code.to_owned(), |l| l.label().to_owned())
}

/// One translation in the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TranslationJson {
    /// The title in that language (a notice's or seminar's title, an office's name); absent
    /// where the item has no title (terms) or the translation leaves it to the Japanese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The text in that language (a notice's body, a seminar's description, the terms, an
    /// office's address); absent when the translation leaves it to the Japanese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// An item's translations by language tag (`en`, `pt-BR`, …); the Japanese original stays
/// in the answer's own fields.
pub fn json(texts: &Texts, item: &str) -> BTreeMap<String, TranslationJson> {
    let some = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    texts
        .all(item)
        .iter()
        .map(|t| {
            (
                t.lang.clone(),
                TranslationJson {
                    title: some(&t.title),
                    body: some(&t.body),
                },
            )
        })
        .collect()
}

/// The translations of these items, for a page or an answer, in one read.
pub async fn read(
    db: &madoguchi_app::Db,
    of: Of,
    items: impl IntoIterator<Item = String>,
) -> Result<Texts, madoguchi_app::AppError> {
    let items: Vec<String> = items.into_iter().collect();
    madoguchi_app::translations::of_items(db, of, &items).await
}
