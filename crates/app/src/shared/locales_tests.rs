use super::*;

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
        assert!(!l.label().is_empty() && l.label() != l.code(), "{} has its own name", l.code());
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
