//! Languages (rule NO-5, issue 16): the locales are the folders under `locales/`, loaded by
//! `madoguchi_app::shared::locales` (mail reads the same files). A page's language is
//! `?lang=`, then the `lang` cookie the switch leaves, then the signed-in job seeker's
//! setting, then the browser's `Accept-Language`, then Japanese.

use std::ops::Deref;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use chrono::{Datelike, NaiveDate, Weekday};
use madoguchi_app::shared::locales;

/// A language the pages are written in: the app's locale, read from the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Lang(pub locales::Lang);

impl Deref for Lang {
    type Target = locales::Lang;

    fn deref(&self) -> &locales::Lang {
        &self.0
    }
}

pub const COOKIE: &str = "lang";

/// The signed-in job seeker's language setting, put on the request by the page frame.
#[derive(Debug, Clone, Copy)]
pub struct AccountLang(pub Lang);

impl Lang {
    /// Every locale found: Japanese, English, then the rest by tag.
    pub fn all() -> impl Iterator<Item = Lang> {
        locales::Lang::all().map(Lang)
    }

    pub fn japanese() -> Self {
        Self::default()
    }

    pub fn parse(s: &str) -> Option<Self> {
        locales::Lang::parse(s).map(Lang)
    }

    /// The message `id` (ruby kept as annotation characters: the page turns them into
    /// `<ruby>`, everything else into brackets); a missing message shows its id.
    pub fn t(self, id: &str) -> String {
        self.0.t_marked(id)
    }

    /// The message `{prefix}-{code}`, or the code itself when there is no such message
    /// (a stored code this version has no words for).
    pub fn t_or_code(self, prefix: &str, code: &str) -> String {
        self.0.t_or_code_marked(prefix, code)
    }

    /// The name in this language, falling back to Japanese: content kept in Japanese and
    /// English shows English to readers whose locale falls back to English first.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        if self.prefers_english() && !en.trim().is_empty() {
            en
        } else {
            ja
        }
    }

    /// The message `id` with named arguments.
    pub fn t_args(self, id: &str, args: &[(&'static str, String)]) -> String {
        self.0.t_args_marked(id, args)
    }

    /// Between two sentences: nothing in Japanese, a space in languages that space words.
    pub fn sentence_gap(self) -> &'static str {
        if self.reads_japanese() { "" } else { " " }
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

    /// A month as people write it: 2027年1月 or Jan 2027.
    pub fn month(self, year: &str, month: &str) -> String {
        self.t_args(
            "date-month",
            &[
                ("year", year.to_owned()),
                ("month", month.to_owned()),
                ("monthname", self.t(&format!("month-{month}"))),
            ],
        )
    }
}

impl Lang {
    /// An instant as people read it, in Japan time, 24-hour: 2027年1月4日（月） 10:00, or
    /// Mon, 4 Jan 2027 10:00 JST (every locale but Japanese names the time zone).
    pub fn date_time<Tz: chrono::TimeZone>(self, t: chrono::DateTime<Tz>) -> String {
        let local = t.with_timezone(&madoguchi_domain::clock::jst());
        self.t_args(
            "date-time",
            &[
                ("date", self.date(local.date_naive())),
                ("time", local.format("%H:%M").to_string()),
            ],
        )
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

/// The best known locale for an `Accept-Language` header: by q-value (ties in the order
/// given), each range matched exactly, then by its language (`pt` → `pt-BR`, `zh-CN` →
/// `zh-Hans`: the first locale whose primary language is the range's), `*` ignored.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut ranges: Vec<(u16, usize, &str)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let range = bits.next()?.trim();
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            // Thousandths: q has at most three decimals (RFC 9110).
            let q = (q.clamp(0.0, 1.0) * 1000.0).round() as u16;
            (q > 0 && !range.is_empty() && range != "*").then_some((q, i, range))
        })
        .collect();
    ranges.sort_by_key(|(q, i, _)| (std::cmp::Reverse(*q), *i));
    ranges.iter().find_map(|(_, _, range)| {
        Lang::parse(range).or_else(|| {
            let primary = range.split('-').next().unwrap_or_default();
            Lang::all().find(|l| l.primary().eq_ignore_ascii_case(primary))
        })
    })
}

/// `?lang=`, then the `lang` cookie the switch leaves, then the signed-in job seeker's
/// setting, then `Accept-Language`, then Japanese. A choice made in this browser comes
/// before the account's: the switch sets both for a signed-in job seeker, so they differ only
/// when someone switched while signed out, and then the page stays as they chose.
pub fn from_parts(parts: &Parts) -> Lang {
    let from_account = || parts.extensions.get::<AccountLang>().map(|a| a.0);
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
    let from_browser = || {
        parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(from_accept_language)
    };
    from_query
        .or_else(from_cookie)
        .or_else(from_account)
        .or_else(from_browser)
        .unwrap_or_default()
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

    fn tag(l: Option<Lang>) -> Option<&'static str> {
        l.map(|l| l.code())
    }

    #[test]
    fn dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or_default();
        let en = Lang::parse("en").unwrap_or_default();
        assert_eq!(Lang::japanese().date(d), "2027年1月1日（金）");
        assert_eq!(en.date(d), "Fri, 1 Jan 2027");
        assert_eq!(Lang::japanese().month("2027", "1"), "2027年1月");
        assert_eq!(en.month("2027", "1"), "Jan 2027");
        // Issue 16, item 5: 24-hour time in Japan time, said so outside Japanese.
        let t = chrono::DateTime::parse_from_rfc3339("2027-01-01T06:30:00Z").unwrap_or_default();
        assert_eq!(Lang::japanese().date_time(t), "2027年1月1日（金） 15:30");
        assert_eq!(en.date_time(t), "Fri, 1 Jan 2027 15:30 JST");
    }

    // Issue 16, item 3: Accept-Language by q-value, exact tags first, then by language.
    #[test]
    fn accept_language_picks_the_best_known_locale() {
        assert_eq!(tag(from_accept_language("en-US,en;q=0.9,ja;q=0.8")), Some("en"));
        assert_eq!(tag(from_accept_language("fr;q=1, ja;q=0.5, en;q=0.4")), Some("ja"));
        assert_eq!(tag(from_accept_language("ja;q=0.2, en")), Some("en"));
        assert_eq!(tag(from_accept_language("en;q=0, ja;q=0.1")), Some("ja"));
        assert_eq!(tag(from_accept_language("fr, de")), None);
        assert_eq!(tag(from_accept_language("*")), None);
        assert_eq!(tag(from_accept_language("")), None);
        assert_eq!(tag(from_accept_language("EN-gb")), Some("en"));
    }
}
