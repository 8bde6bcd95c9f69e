//! Names that are not Japanese (issue 16 item 4): suggestions and advice, never a wider
//! acceptance (rules AC-4, AC-12, N10).

use super::*;

/// Each offending character of a name with its suggestion.
fn suggested(name: &str) -> Vec<(char, Option<&'static str>)> {
    validate(name, FieldKind::SingleLine)
        .into_iter()
        .map(|o| (o.ch, o.suggestion))
        .collect()
}

/// The name with every suggestion applied, as a person following them would type it.
fn followed(name: &str) -> String {
    name.chars()
        .map(|c| suggestion(c).map_or_else(|| c.to_string(), str::to_owned))
        .collect()
}

// rules AC-4, N10: each name of issue 16 gets a replacement for each refused letter, and the
// name with the replacements is accepted.
#[test]
fn latin_letters_with_diacritics_suggest_the_base_letter() {
    assert_eq!(suggested("Nguyễn"), vec![('ễ', Some("e"))]);
    assert_eq!(suggested("Văn"), vec![('ă', Some("a"))]);
    assert_eq!(suggested("João"), vec![('ã', Some("a"))]);
    assert_eq!(suggested("Gonçalves"), vec![('ç', Some("c"))]);
    assert_eq!(suggested("Müller"), vec![('ü', Some("u"))]);
    assert_eq!(suggested("Łukasz"), vec![('Ł', Some("L"))]);
    for name in [
        "Nguyễn Văn",
        "João",
        "Gonçalves",
        "Müller",
        "Łukasz",
        "Đặng",
        "Søren",
        "Straße",
    ] {
        assert!(validate(&followed(name), FieldKind::SingleLine).is_empty(), "{name}");
    }
    assert_eq!(followed("Nguyễn Văn Đặng"), "Nguyen Van Dang");
    assert_eq!(followed("Straße Æsir Øst"), "Strasse AEsir Ost");
}

// rules AC-4, N10: a simplified Chinese character suggests its JIS form; 李 and 刘 are
// already accepted (李 JIS X 0208, 刘 JIS X 0212: CH-3, CH-4).
#[test]
fn simplified_chinese_suggests_the_jis_form() {
    assert_eq!(suggested("李 伟"), vec![('伟', Some("偉"))]);
    assert_eq!(suggestion('张'), Some("張"));
    assert_eq!(suggestion('陈'), Some("陳"));
    assert_eq!(classify('刘'), Ok(Category::Kanji0212));
    assert_eq!(classify('李'), Ok(Category::Kanji0208Level1));
    assert_eq!(classify('偉'), Ok(Category::Kanji0208Level1));
    // 发 is 發 or 髮 depending on the word: no single suggestion.
    assert_eq!(suggestion('发'), None);
}

// rules AC-4, AC-12: other scripts are told to write the name in Latin letters as on the
// residence card, in the reader's language (the message id is the advice's code).
#[test]
fn other_scripts_are_advised_to_use_latin_letters() {
    for name in ["김민수", "Иван", "สมชาย", "राम", "محمد", "ᄀ", "ㄱ", "ɛ"] {
        let found = validate(name, FieldKind::SingleLine);
        assert!(!found.is_empty(), "{name}");
        for o in &found {
            assert_eq!(o.suggestion, None, "{name}");
            assert_eq!(o.advice(), Some(Advice::LatinAsOnResidenceCard), "{name}: {}", o.ch);
        }
    }
    assert_eq!(Advice::LatinAsOnResidenceCard.code(), "latin_as_on_residence_card");
    // A suggestion is enough; accepted characters, emoji and passwords get no advice.
    assert_eq!(validate("ễ", FieldKind::SingleLine)[0].advice(), None);
    assert_eq!(advice('A'), None);
    assert_eq!(advice('😀'), None);
    assert_eq!(validate("abc김", FieldKind::Password)[0].advice(), None);
}

// rules AC-4, AC-12, CH-1: what a residence card shows (Latin capitals and spaces, middle
// names, the card's order) is accepted as it is.
#[test]
fn residence_card_names_are_accepted() {
    for name in [
        "NGUYEN VAN AN",
        "JOAO CARLOS GONCALVES DA SILVA",
        "MULLER ANNA MARIA",
        "LI WEI",
    ] {
        assert!(validate(name, FieldKind::SingleLine).is_empty(), "{name}");
    }
}

// rule N10 (AC-4): every suggestion replaces a refused character with accepted text; what
// is accepted does not change (`category_counts_match_the_standards` pins the counts).
#[test]
fn every_suggestion_is_accepted_text_for_a_refused_character() {
    for (ch, rep) in tables::SUGGESTIONS.iter() {
        assert!(classify(*ch).is_err(), "{ch:?} is accepted");
        assert!(!rep.is_empty(), "{ch:?}");
        assert!(validate(rep, FieldKind::SingleLine).is_empty(), "{ch:?} -> {rep:?}");
    }
    assert!(tables::SUGGESTIONS.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
}

// N10 tables (CH-1…CH-8, AC-4): the checked-in tables are what tools/gen_char_tables.py
// writes, byte for byte, from the codecs and the vendored Unihan file.
#[test]
#[allow(clippy::expect_used)]
fn tables_are_what_the_script_writes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::process::Command::new("python3")
        .arg("tools/gen_char_tables.py")
        .arg("--check")
        .current_dir(&root)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
