use super::*;
use fluent_bundle::FluentResource;

// Issue 16, item 4: ruby in the files' notation becomes annotation characters, and plain
// text keeps the reading in brackets; a bar without a reading stays text.
#[test]
fn ruby_notation_marks_and_plain_text_reads() {
    let m = marked("｜漢字《かんじ》を｜読《よ》む");
    assert_eq!(m, "\u{FFF9}漢字\u{FFFA}かんじ\u{FFFB}を\u{FFF9}読\u{FFFA}よ\u{FFFB}む");
    assert_eq!(plain(&m), "漢字（かんじ）を読（よ）む");
    assert_eq!(marked("A｜B"), "A｜B");
    assert_eq!(marked("｜B《"), "｜B《");
    assert_eq!(marked("《ない》"), "《ない》");
}

// NO-5: Japanese is the default and first; every locale found has a name and a direction.
#[test]
fn locales_are_the_folders_found() {
    assert_eq!(Lang::default().code(), "ja");
    assert_eq!(Lang::all().next(), Some(Lang::japanese()));
    let en = Lang::parse("EN").map(Lang::code);
    assert_eq!(en, Some("en"));
    assert_eq!(Lang::parse("xx"), None);
    assert_eq!(Lang::of("xx"), Lang::japanese());
    for l in Lang::all() {
        assert!(
            !l.label().is_empty() && l.label() != l.code(),
            "{} has its own name",
            l.code()
        );
        assert!(matches!(l.dir(), "ltr" | "rtl"));
    }
    assert_eq!(Lang::of("ja").label(), "日本語");
    assert_eq!(Lang::of("en").label(), "English");
}

// Issue 16, item 2: a missing message falls back along the chain to Japanese.
#[test]
fn a_missing_message_falls_back_to_japanese() {
    let en = Lang::of("en");
    assert_eq!(en.t("mail-greeting-missing"), "mail-greeting-missing");
    assert_eq!(en.t_args("mail-greeting", &[("name", "A")]), "Dear A,");
    assert!(en.prefers_english());
    assert!(!Lang::japanese().prefers_english());
    assert_eq!(langid("ja-x-easy").to_string(), "ja");
    assert_eq!(langid("pt-BR").to_string(), "pt-BR");
}

// Issue 16, item 6: the pseudo-locale wraps every message and is not in the switch.
#[test]
fn the_pseudo_locale_wraps_every_message() {
    let p = Lang::parse(PSEUDO).unwrap_or_default();
    assert_eq!(p.code(), PSEUDO);
    assert_eq!(p.t_args("mail-greeting", &[("name", "A")]), "⟦Dear A,⟧");
    assert_eq!(p.t("no-such-message"), "no-such-message");
    assert!(Lang::all().all(|l| l.code() != PSEUDO));
}

/// The message ids a locale's own files define, with every syntax error found.
fn ids_of(tag: &str) -> (std::collections::BTreeSet<String>, Vec<String>) {
    let mut ids = std::collections::BTreeSet::new();
    let mut errors = Vec::new();
    for (_, file, text) in FILES.iter().filter(|(t, _, _)| *t == tag) {
        match FluentResource::try_new((*text).to_owned()) {
            Ok(_) => {}
            Err((_, e)) => errors.push(format!("{tag}/{file}: {e:?}")),
        }
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" = ")
                && !id.starts_with([' ', '#', '-'])
            {
                ids.insert(id.trim().to_owned());
            }
        }
    }
    (ids, errors)
}

// Issue 16, item 6: every locale folder has every message Japanese has, and every file parses.
#[test]
fn every_message_exists_in_every_locale() {
    let (ja, errors) = ids_of(BASE);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(ja.len() > 1000, "{}", ja.len());
    let mut missing = Vec::new();
    for l in Lang::all() {
        let (own, errors) = ids_of(l.code());
        assert!(errors.is_empty(), "{errors:?}");
        missing.extend(ja.difference(&own).map(|id| format!("{}: {id}", l.code())));
    }
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}

// Issue 12, item 2: a refusal on a page is `problem-<code>` in the reader's language, so
// every code a use case can return has that message in every locale.
#[test]
fn every_refusal_code_has_words_in_every_locale() {
    let mut missing = Vec::new();
    for l in Lang::all() {
        let (own, _) = ids_of(l.code());
        for code in crate::shared::codes::CODES {
            if !own.contains(&format!("problem-{code}")) {
                missing.push(format!("{}: problem-{code}", l.code()));
            }
        }
    }
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}

fn read_tree(dir: &std::path::Path, out: &mut String) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            read_tree(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs" || x == "html") {
            out.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
        }
    }
}

/// The prefixes of ids the code builds: `"prefix-{…}"` in a `format!`, and the first
/// argument of `t_or_code`.
fn built_prefixes(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in src.match_indices("-{") {
        let before = &src[..=at];
        let start = before.rfind(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'));
        if let Some(s) = start
            && before[s..].starts_with('"')
            && s + 2 < before.len()
        {
            out.push(before[s + 1..].to_owned());
        }
    }
    for (at, m) in src
        .match_indices("t_or_code(\"")
        .chain(src.match_indices("t_or_code_marked(\""))
    {
        let rest = &src[at + m.len()..];
        if let Some(end) = rest.find('"') {
            out.push(format!("{}-", &rest[..end]));
        }
    }
    out
}

// Issue 16, item 6: every message is used: named in the code or a template, or built from a
// prefix the code names (`format!("problem-{code}")`, `t_or_code("app", …)`).
#[test]
fn every_message_is_used() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut src = String::new();
    for dir in ["app/src", "web/src", "madoguchi/src", "domain/src", "web/templates"] {
        read_tree(&root.join(dir), &mut src);
    }
    let prefixes = built_prefixes(&src);
    // Every quoted word: the ids named as they are.
    let named: std::collections::HashSet<&str> = src.split('"').collect();
    let (ja, _) = ids_of(BASE);
    let unused: Vec<&String> = ja
        .iter()
        .filter(|id| !named.contains(id.as_str()) && !prefixes.iter().any(|p| id.starts_with(p.as_str())))
        .collect();
    assert!(unused.is_empty(), "messages no code or template uses: {unused:?}");
}

// Issue 16, item 1 (AC-12, TM-3): pages name a residence status, a national holiday and the
// year-end closure from the locale files, so every code has its message in every locale;
// Japanese keeps the statutory names.
#[test]
fn every_residence_status_and_holiday_has_words_in_every_locale() {
    use madoguchi_domain::{calendar::holidays::HOLIDAYS, residence::STATUSES};
    let mut wanted: Vec<String> = STATUSES
        .iter()
        .map(|s| format!("residence-status-{}", s.code))
        .chain(HOLIDAYS.iter().map(|h| format!("holiday-{}", h.code)))
        .collect();
    wanted.push("closure-year-end".to_owned());
    let mut missing = Vec::new();
    for l in Lang::all() {
        let (own, _) = ids_of(l.code());
        missing.extend(
            wanted
                .iter()
                .filter(|id| !own.contains(*id))
                .map(|id| format!("{}: {id}", l.code())),
        );
    }
    assert!(missing.is_empty(), "missing messages: {missing:?}");
    let ja = Lang::japanese();
    for h in HOLIDAYS {
        assert_eq!(ja.t(&format!("holiday-{}", h.code)), h.name_ja);
        assert_eq!(Lang::of("en").t(&format!("holiday-{}", h.code)), h.name_en);
    }
    assert_eq!(ja.t("residence-status-specified_skilled_1"), "特定技能１号");
    assert_eq!(
        Lang::of("en").t("residence-status-permanent_resident"),
        "Permanent resident"
    );
    assert_eq!(
        Lang::of("ja-x-easy").t("residence-status-specified_skilled_1"),
        "特定（とくてい）技能（ぎのう）１号（ごう）"
    );
}
