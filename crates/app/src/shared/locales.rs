//! The locales (rule NO-5, issue 16): one folder per language under `crates/web/locales`,
//! named by its BCP 47 tag, embedded at build time (`build.rs`). Each folder's `meta.ftl`
//! says the language's own name, its direction and which locales stand in for a missing
//! message; a language is added by adding a folder. Pages and mail share these files.
//!
//! Ruby (furigana) is written `｜漢字《かんじ》` in a message. [`Lang::t`] gives plain text
//! (`漢字（かんじ）`: mail, `.ics`, JSON); [`Lang::t_marked`] keeps it as the Unicode
//! interlinear annotation characters (U+FFF9 base U+FFFA reading U+FFFB), which survive HTML
//! escaping and which the web layer turns into `<ruby>` where markup may go.

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every message exists in, and the last fallback of every locale.
pub const BASE: &str = "ja";
/// The pseudo-locale (issue 16): English with every message wrapped in `⟦…⟧`, made here
/// rather than from a folder, so a page shows at a glance any text that is not from a locale
/// file. Reachable by `?lang=qps-ploc`; not in the switch.
pub const PSEUDO: &str = "qps-ploc";
/// Ruby as the interlinear annotation characters: anchor, separator, terminator.
pub const RUBY: [char; 3] = ['\u{FFF9}', '\u{FFFA}', '\u{FFFB}'];

/// One locale folder, loaded.
pub struct Locale {
    /// The folder's name, a BCP 47 tag: `ja`, `en`, `ja-x-easy`, `pt-BR`, `zh-Hans`.
    pub tag: &'static str,
    /// Its own name, for the language switch (`locale-name`).
    pub name: String,
    /// `ltr` or `rtl` (`locale-dir`).
    pub dir: String,
    /// Where a missing message is looked for, in order: itself, `locale-fallback`, Japanese.
    chain: Vec<usize>,
    bundle: FluentBundle<FluentResource>,
    /// The pseudo-locale: every message found along the chain is wrapped.
    pseudo: bool,
}

struct Catalog {
    locales: Vec<Locale>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(load);

/// The language for plural rules and number formats: the tag, or its primary language when
/// the tag has a part the Fluent library cannot read (`ja-x-easy` → `ja`).
fn langid(tag: &str) -> unic_langid::LanguageIdentifier {
    tag.parse()
        .or_else(|_| tag.split('-').next().unwrap_or(BASE).parse())
        .unwrap_or_default()
}

fn load() -> Catalog {
    let mut tags: Vec<&'static str> = FILES.iter().map(|(tag, _, _)| *tag).collect();
    tags.dedup();
    // Japanese first, then English, then the others by tag: the switch's order.
    tags.sort_by_key(|t| (*t != BASE, *t != "en", *t));
    let mut locales: Vec<Locale> = tags
        .iter()
        .map(|tag| {
            let mut bundle = FluentBundle::new_concurrent(vec![langid(tag)]);
            // Isolation marks (U+2068/U+2069) would show up as N10-forbidden characters in text.
            bundle.set_use_isolating(false);
            // Ruby in the files' own text only: never in what an argument brings.
            bundle.set_transform(Some(marked));
            for (_, _, text) in FILES.iter().filter(|(t, _, _)| t == tag) {
                // A file with a syntax error keeps the messages that parse; the tests read
                // every file and fail on any error.
                let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
                let _ = bundle.add_resource(resource);
            }
            Locale {
                tag,
                name: String::new(),
                dir: String::new(),
                chain: Vec::new(),
                bundle,
                pseudo: false,
            }
        })
        .collect();
    let metas: Vec<[String; 3]> = locales
        .iter()
        .map(|l| ["locale-name", "locale-dir", "locale-fallback"].map(|id| plain_of(l, id).unwrap_or_default()))
        .collect();
    for (i, (l, [name, dir, fallback])) in locales.iter_mut().zip(metas).enumerate() {
        let mut chain = vec![i];
        for t in fallback.split_whitespace().chain([BASE]) {
            if let Some(j) = tags.iter().position(|x| x.eq_ignore_ascii_case(t))
                && !chain.contains(&j)
            {
                chain.push(j);
            }
        }
        l.name = if name.is_empty() { l.tag.to_owned() } else { name };
        l.dir = if dir == "rtl" { dir } else { "ltr".to_owned() };
        l.chain = chain;
    }
    let english = tags.iter().position(|t| *t == "en");
    locales.push(Locale {
        tag: PSEUDO,
        name: "⟦Pseudo⟧".to_owned(),
        dir: "ltr".to_owned(),
        chain: [Some(locales.len()), english, Some(0)].into_iter().flatten().collect(),
        bundle: FluentBundle::new_concurrent(vec![langid("en")]),
        pseudo: true,
    });
    Catalog { locales }
}

fn format(l: &Locale, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let pattern = l.bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(l.bundle.format_pattern(pattern, args, &mut errors).into_owned())
}

fn plain_of(l: &Locale, id: &str) -> Option<String> {
    format(l, id, None).map(|s| plain(&s))
}

/// `｜漢字《かんじ》` → the annotation characters. A `《` without a `｜` before it is text.
pub fn marked(s: &str) -> Cow<'_, str> {
    if !s.contains('｜') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(bar) = rest.find('｜') {
        out.push_str(&rest[..bar]);
        let after = &rest[bar + '｜'.len_utf8()..];
        match after
            .split_once('《')
            .and_then(|(base, r)| r.split_once('》').map(|(reading, r)| (base, reading, r)))
        {
            Some((base, reading, r)) if !base.contains('｜') && !base.contains('\n') => {
                out.push(RUBY[0]);
                out.push_str(base);
                out.push(RUBY[1]);
                out.push_str(reading);
                out.push(RUBY[2]);
                rest = r;
            }
            _ => {
                out.push('｜');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Ruby for plain text: the reading in brackets after its base, `漢字（かんじ）`.
pub fn plain(s: &str) -> String {
    if !s.contains(RUBY[0]) {
        return s.to_owned();
    }
    s.replace(RUBY[0], "").replace(RUBY[1], "（").replace(RUBY[2], "）")
}

/// A language: an index into the locales found. Copy, so pages pass it around freely.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Lang(usize);

impl Lang {
    /// Every locale: Japanese, English, then the rest by tag.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..CATALOG.locales.len())
            .filter(|i| !CATALOG.locales[*i].pseudo)
            .map(Lang)
    }

    pub fn japanese() -> Self {
        Self::default()
    }

    fn locale(self) -> &'static Locale {
        &CATALOG.locales[self.0.min(CATALOG.locales.len().saturating_sub(1))]
    }

    /// The BCP 47 tag: `<html lang>`, the cookie, `?lang=`, `accounts.lang`.
    pub fn code(self) -> &'static str {
        self.locale().tag
    }

    /// The language's own name, for the switch.
    pub fn label(self) -> &'static str {
        &self.locale().name
    }

    /// `ltr` or `rtl`.
    pub fn dir(self) -> &'static str {
        &self.locale().dir
    }

    /// The tag's primary language: `ja` for `ja` and `ja-x-easy`.
    pub fn primary(self) -> &'static str {
        self.code().split('-').next().unwrap_or(BASE)
    }

    /// Whether the reader reads Japanese (Japanese and やさしい日本語).
    pub fn reads_japanese(self) -> bool {
        self.primary() == BASE
    }

    /// A known tag, whatever its case.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        (0..CATALOG.locales.len())
            .map(Lang)
            .find(|l| l.code().eq_ignore_ascii_case(s))
    }

    /// A stored tag (an account's language), Japanese when this build does not know it.
    pub fn of(code: &str) -> Self {
        Self::parse(code).unwrap_or_default()
    }

    /// Whether content written in Japanese and English (office names, closures) is better
    /// shown in English: English comes before Japanese in this locale's chain.
    pub fn prefers_english(self) -> bool {
        self.locale()
            .chain
            .iter()
            .map(|i| CATALOG.locales[*i].tag)
            .find(|t| *t == "en" || *t == BASE)
            == Some("en")
    }

    fn lookup(self, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let l = self.locale();
        let found = l.chain.iter().find_map(|i| format(&CATALOG.locales[*i], id, args))?;
        Some(if l.pseudo { format!("⟦{found}⟧") } else { found })
    }

    /// Whether this locale's own file has the message (no fallback).
    pub fn has_own(self, id: &str) -> bool {
        self.locale().bundle.has_message(id)
    }

    /// The message `id` with ruby as annotation characters (for pages); a missing message
    /// shows its id rather than failing the page.
    pub fn t_marked(self, id: &str) -> String {
        self.lookup(id, None).unwrap_or_else(|| id.to_owned())
    }

    /// The message `id` with named arguments, ruby as annotation characters.
    pub fn t_args_marked(self, id: &str, args: &[(&'static str, String)]) -> String {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(*k, FluentValue::from(v.clone()));
        }
        self.lookup(id, Some(&a)).unwrap_or_else(|| id.to_owned())
    }

    /// The message `{prefix}-{code}`, or the code itself when there is no such message
    /// (a stored code this version has no words for).
    pub fn t_or_code_marked(self, prefix: &str, code: &str) -> String {
        self.lookup(&format!("{prefix}-{code}"), None)
            .unwrap_or_else(|| code.to_owned())
    }

    /// The message `id` as plain text (mail, calendar files, JSON).
    pub fn t(self, id: &str) -> String {
        plain(&self.t_marked(id))
    }

    /// The message `id` with named arguments, as plain text.
    pub fn t_args(self, id: &str, args: &[(&'static str, &str)]) -> String {
        let owned: Vec<(&'static str, String)> = args.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        plain(&self.t_args_marked(id, &owned))
    }
}

#[cfg(test)]
#[path = "locales_tests.rs"]
mod tests;
