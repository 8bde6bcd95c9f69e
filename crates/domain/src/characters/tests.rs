use super::*;

fn reasons(text: &str, kind: FieldKind) -> Vec<(usize, char, Reason)> {
    validate(text, kind)
        .into_iter()
        .map(|o| (o.index, o.ch, o.reason))
        .collect()
}

fn accepted(text: &str) -> bool {
    validate(text, FieldKind::SingleLine).is_empty()
}

// rule CH-1: printable ASCII (backslash included) and half-width katakana with punctuation.
#[test]
fn half_width_is_accepted() {
    assert!(accepted(" !\"#$%&'()*+,-./0123456789:;<=>?@AZ[\\]^_`az{|}~"));
    assert!(accepted("ｶﾞｰﾃﾞﾝ｡｢｣､･ｦﾝﾟ"));
    assert_eq!(classify('ｶ'), Ok(Category::HalfWidthKatakana));
    assert_eq!(classify('\u{7F}'), Err(Reason::Control));
}

// rule CH-2: JIS X 0208 kana, full-width alphanumerics, note-2 symbols and Greek; not the rest.
#[test]
fn full_width_sets() {
    assert!(accepted("あいうをんアイウヴヵヶー"));
    assert!(accepted("０９ＡＺａｚ"));
    assert!(accepted(
        "、。・：；？！゛゜〃々〆〇ー―‐／＼～∥｜…‥‘’“”（）［］｛｝〈〉《》「」『』【】＋－±×÷＝≠＜＞≦≧∞∴♂♀°′″℃￥＄￠￡％＃＆＊＠§☆★○●◎◇◆□■△▲▽▼※〒→←↑↓〓"
    ));
    assert!(accepted("ΑΒΓΩαβγω"));
    assert_eq!(classify('Α'), Ok(Category::Greek));
    // Row 2 beyond cell 14, Cyrillic (row 7) and box drawing (row 8) are not listed.
    for ch in ['Д', 'д', '─', '┼', '≒', '≡', '∫', '√', '⊥', '∠', '∵', '∩', '∪'] {
        assert_eq!(classify(ch), Err(Reason::Unlisted), "{ch}");
    }
    // JIS X 0213-only kana.
    for ch in ['ゔ', 'ゕ', 'ゖ', 'ヷ', 'ヺ', 'ㇰ', 'ㇿ'] {
        assert_eq!(classify(ch), Err(Reason::Jis0213Kana), "{ch}");
    }
    // か゚: the combining semi-voiced mark is not a JIS X 0208 character.
    assert_eq!(reasons("か\u{309A}", FieldKind::SingleLine).len(), 1);
}

// rules CH-3, CH-4, CH-5: the kanji levels, with one example of each.
#[test]
fn kanji_levels() {
    assert_eq!(classify('亜'), Ok(Category::Kanji0208Level1));
    assert_eq!(classify('熙'), Ok(Category::Kanji0208Level2));
    // 丄 is JIS X 0212 16-2 and in neither JIS X 0208 nor JIS X 0213 (checked with the codecs).
    assert_eq!(classify('丄'), Ok(Category::Kanji0212), "JIS X 0212-only kanji");
    // 丂 is in JIS X 0212 and JIS X 0213 plane 2: the first rule, CH-4, wins.
    assert_eq!(classify('丂'), Ok(Category::Kanji0212));
    assert_eq!(classify('俱'), Ok(Category::Kanji0213Level3), "1-14-1");
    assert_eq!(classify('剝'), Ok(Category::Kanji0213Level3), "1-15-94");
    assert_eq!(classify('丏'), Ok(Category::Kanji0213Level4), "2-1-3");
    assert_eq!(classify('﨑'), Ok(Category::CompatIdeograph));
    assert_eq!(classify('㐂'), Err(Reason::ExtensionA));
    assert_eq!(classify('𠮷'), Err(Reason::OutsideBmp));
    assert_eq!(classify('髙'), Err(Reason::VendorSpecific));
    assert_eq!(classify('\u{FA0E}'), Err(Reason::VendorSpecific), "﨎");
}

// rules CH-1…CH-6: every figure of docs/characters.md; CH-3 and CH-4 are the SPEC's sizes.
#[test]
fn category_counts_match_the_standards() {
    use Category::*;
    let expected = [
        (Ascii, 95),
        (HalfWidthKatakana, 63),
        (Kana, 169),
        (FullWidthAlnum, 62),
        (Note2Symbol, 108),
        (Greek, 48),
        (Note2JisForm, 6),
        (Kanji0208Level1, 2965),
        (Kanji0208Level2, 3390),
        (Kanji0212, 5801),
        (Kanji0213Level3, 102),
        (Kanji0213Level4, 301),
        (CompatIdeograph, 82),
    ];
    assert_eq!(counts(), expected);
    assert_eq!(expected.iter().map(|(_, n)| n).sum::<usize>(), 13_192);
}

// rule CH-6: cp932 and JIS forms of the same symbols are both accepted; ¥ and ‾ are not.
#[test]
fn cp932_and_jis_forms() {
    for ch in ['～', '〜', '∥', '‖', '－', '−', '￠', '¢', '￡', '£', '―', '—'] {
        assert!(classify(ch).is_ok(), "{ch} U+{:04X}", u32::from(ch));
    }
    assert_eq!(classify('\u{A5}'), Err(Reason::NotJis));
    assert!(classify('\u{203E}').is_err());
    assert_eq!(suggestion('\u{A5}'), Some("￥"));
}

// rule CH-6 and AC-4: vendor characters and emoji are rejected with a suggestion where one exists.
#[test]
fn vendor_characters_and_emoji_with_suggestions() {
    let found = validate("①㈱Ⅰ𠮷😀", FieldKind::SingleLine);
    let got: Vec<_> = found.iter().map(|o| (o.ch, o.reason, o.suggestion)).collect();
    assert_eq!(
        got,
        vec![
            ('①', Reason::VendorSpecific, Some("1")),
            ('㈱', Reason::VendorSpecific, Some("(株)")),
            ('Ⅰ', Reason::VendorSpecific, Some("I")),
            ('𠮷', Reason::OutsideBmp, Some("吉")),
            ('😀', Reason::Emoji, None),
        ]
    );
    assert_eq!(classify('∮'), Err(Reason::VendorSpecific));
}

// rule AC-4: every offence with its code-point index and byte offset.
#[test]
fn indices_and_offsets() {
    let found = validate("ab①c𠮷d", FieldKind::SingleLine);
    let at: Vec<_> = found.iter().map(|o| (o.index, o.byte_offset)).collect();
    assert_eq!(at, vec![(2, 2), (4, 6)]);
}

// rule CH-7: TAB and NUL always rejected; CR and LF only in multi-line fields.
#[test]
fn control_characters_by_field_kind() {
    let single = reasons("a\tb\0c\nd\re", FieldKind::SingleLine);
    assert_eq!(
        single,
        vec![
            (1, '\t', Reason::Tab),
            (3, '\0', Reason::Control),
            (5, '\n', Reason::LineBreak),
            (7, '\r', Reason::LineBreak)
        ]
    );
    let multi = reasons("a\tb\0c\nd\r\ne", FieldKind::MultiLine);
    assert_eq!(multi, vec![(1, '\t', Reason::Tab), (3, '\0', Reason::Control)]);
    assert!(validate("一行目\r\n二行目", FieldKind::MultiLine).is_empty());
}

// rules CH-8, AC-3: the password alphabet.
#[test]
fn password_alphabet() {
    assert!(validate("Abc-123_!#$%&*+=?@", FieldKind::Password).is_empty());
    for bad in [' ', '.', '/', '^', '~', '\\', 'ａ', 'あ', '(', ')'] {
        let found = validate(&format!("abc{bad}"), FieldKind::Password);
        assert_eq!(found.len(), 1, "{bad:?}");
        assert_eq!(found[0].reason, Reason::PasswordAlphabet);
        assert_eq!(found[0].suggestion, None, "no hints about passwords");
    }
    assert_eq!(reasons("a\tb", FieldKind::Password), vec![(1, '\t', Reason::Tab)]);
}

// rule AC-4: reason codes are stable ids for messages, so they must not collide.
#[test]
fn reason_codes_are_unique() {
    let mut codes: Vec<_> = Reason::ALL.iter().map(|r| r.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), Reason::ALL.len());
}
