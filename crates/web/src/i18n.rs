//! Languages: Japanese by default, English by `?lang=en` or the switch on every page
//! (rule NO-5). Messages live in `locales/<lang>/*.ftl`; adding a language is adding files.

use std::borrow::Cow;
use std::collections::HashMap;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::{Datelike, NaiveDate, Weekday};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "ja",
        // Isolation marks (U+2068/U+2069) would show up as N10-forbidden characters in text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the pages are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

pub const COOKIE: &str = "lang";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Self::Ja => "ja",
            Self::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn label(self) -> &'static str {
        match self {
            Self::Ja => "日本語",
            Self::En => "English",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(s.trim()))
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Self::Ja => langid!("ja"),
            Self::En => langid!("en"),
        }
    }

    /// The message `id`; a missing message shows its id rather than failing the page.
    pub fn t(self, id: &str) -> String {
        LOCALES.try_lookup(&self.id(), id).unwrap_or_else(|| id.to_owned())
    }

    /// The message `{prefix}-{code}`, or the code itself when there is no such message
    /// (a stored code this version has no words for).
    pub fn t_or_code(self, prefix: &str, code: &str) -> String {
        let id = format!("{prefix}-{code}");
        LOCALES.try_lookup(&self.id(), &id).unwrap_or_else(|| code.to_owned())
    }

    /// The name in this language, falling back to Japanese.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::En if !en.trim().is_empty() => en,
            _ => ja,
        }
    }

    /// The message `id` with named arguments.
    pub fn t_args(self, id: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.id(), id, &map)
            .unwrap_or_else(|| id.to_owned())
    }

    pub fn weekday(self, day: Weekday) -> String {
        self.t(&format!("weekday-{}", weekday_key(day)))
    }

    pub fn weekday_long(self, day: Weekday) -> String {
        self.t(&format!("weekday-long-{}", weekday_key(day)))
    }

    /// A date as people write it: 2027年1月1日（金） or Fri, 1 Jan 2027.
    pub fn date(self, d: NaiveDate) -> String {
        self.t_args(
            "date-long",
            &[
                ("year", d.year().to_string()),
                ("month", d.month().to_string()),
                ("day", d.day().to_string()),
                ("monthname", self.t(&format!("month-{}", d.month()))),
                ("weekday", self.weekday(d.weekday())),
            ],
        )
    }
}

impl Lang {
    /// An instant as people read it, in Japan time: 2027年1月4日（月） 10:00.
    pub fn date_time<Tz: chrono::TimeZone>(self, t: chrono::DateTime<Tz>) -> String {
        let local = t.with_timezone(&madoguchi_domain::clock::jst());
        format!("{} {}", self.date(local.date_naive()), local.format("%H:%M"))
    }
}

fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// `?lang=` wins, then the `lang` cookie the switch leaves, then Japanese.
pub fn from_parts(parts: &Parts) -> Lang {
    let from_query = parts.uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .find(|(k, _)| *k == "lang")
            .and_then(|(_, v)| Lang::parse(v))
    });
    let from_cookie = || {
        parts
            .headers
            .get_all(axum::http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == COOKIE)
            .and_then(|(_, v)| Lang::parse(v))
    };
    from_query.or_else(from_cookie).unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(from_parts(parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_every_language() {
        let ja = include_str!("../locales/ja/main.ftl");
        let en = include_str!("../locales/en/main.ftl");
        let ids = |s: &str| -> Vec<String> {
            s.lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim().to_owned()))
                .filter(|k| !k.starts_with("month-"))
                .collect()
        };
        for id in ids(ja) {
            assert!(ids(en).contains(&id), "English lacks {id}");
        }
        for id in ids(en) {
            assert!(ids(ja).contains(&id), "Japanese lacks {id}");
        }
    }

    // Issue 12, item 2: a refusal on a page is `problem-<code>` in the reader's language, so
    // every code a use case can return has that message in every language.
    #[test]
    fn every_refusal_code_has_words_in_every_language() {
        // Read the files themselves: a lookup would fall back to Japanese.
        let files = [
            ("ja", include_str!("../locales/ja/main.ftl")),
            ("en", include_str!("../locales/en/main.ftl")),
        ];
        let mut missing = Vec::new();
        for (lang, text) in files {
            for code in madoguchi_app::shared::codes::CODES {
                let id = format!("problem-{code} = ");
                if !text.lines().any(|l| l.starts_with(&id)) {
                    missing.push(format!("{lang}: problem-{code}"));
                }
            }
        }
        assert!(missing.is_empty(), "missing messages: {missing:?}");
    }

    #[test]
    fn dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        assert_eq!(Lang::Ja.date(d), "2027年1月1日（金）");
        assert_eq!(Lang::En.date(d), "Fri, 1 Jan 2027");
    }
}
