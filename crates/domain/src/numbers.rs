//! Numbers typed into number fields (issue 13, item 6): a job-seeker number, a postal code,
//! a phone number. A Japanese keyboard in kana mode types full-width digits (０–９) and one of
//! several hyphen-like marks (－, ー, ‐, −…); these fields read them as the half-width digits
//! and the hyphen they stand for, so nobody is refused for the mode their keyboard was in.
//! Only number fields do this: free text is judged exactly as typed (SPEC §9).

/// `s` with full-width digits as half-width digits, every hyphen-like mark as `-`, and the
/// spaces around it (half- or full-width) trimmed. Anything else is left as it is, for the
/// field's own check to refuse.
pub fn half_width(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
            // FULLWIDTH HYPHEN-MINUS, KATAKANA-HIRAGANA PROLONGED SOUND MARK (full and half
            // width), HYPHEN, NON-BREAKING HYPHEN, FIGURE DASH, EN DASH, EM DASH, HORIZONTAL
            // BAR, MINUS SIGN, SMALL HYPHEN-MINUS.
            '－' | 'ー' | 'ｰ' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '﹣' => '-',
            _ => c,
        })
        .collect()
}

/// Only the digits of `s` once read as half-width, if everything else in it is a hyphen or
/// a space (`650-0044`, `６５０－００４４`, `650 0044`); `None` if anything else is there.
pub fn digits_only(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in half_width(s).chars() {
        match c {
            '0'..='9' => out.push(c),
            '-' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 13, item 6: full-width digits and hyphens are read as half-width.
    #[test]
    fn full_width_digits_and_hyphens_are_read_as_half_width() {
        assert_eq!(half_width("２８０１０－０１２３４５６７"), "28010-01234567");
        assert_eq!(half_width(" 28010ー0123\u{3000}"), "28010-0123");
        assert_eq!(half_width("078‐231−8609"), "078-231-8609");
        assert_eq!(half_width("２８０１０＿１"), "28010＿1", "other characters stay");
        assert_eq!(digits_only("６５０－００４４").as_deref(), Some("6500044"));
        assert_eq!(digits_only("650 0044").as_deref(), Some("6500044"));
        assert_eq!(digits_only("〒650-0044"), None);
        assert_eq!(digits_only("650-00a4"), None);
    }
}
