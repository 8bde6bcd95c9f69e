//! What to tell a person whose name is written in a script N10 does not accept (issue 16,
//! rules AC-4, AC-12): a residence card writes such a name in Latin letters, so that is what
//! the form asks for. Advice changes messages only, never what is accepted.

use super::{Offence, suggestion};

/// Advice for a rejected character that has no one-character replacement. `code()` is
/// stable: CLI output, API problems, message ids (`char-advice-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// Hangul, Cyrillic, Thai, Devanagari, Arabic … and Latin letters without a base letter:
    /// "write it in Latin letters as on your residence card".
    LatinAsOnResidenceCard,
}

impl Advice {
    pub const ALL: &'static [Advice] = &[Self::LatinAsOnResidenceCard];

    pub fn code(self) -> &'static str {
        match self {
            Self::LatinAsOnResidenceCard => "latin_as_on_residence_card",
        }
    }
}

/// Scripts (by Unicode block) whose names a residence card writes in Latin letters.
const OTHER_SCRIPTS: &[(u32, u32)] = &[
    (0x00C0, 0x024F), // Latin-1 letters, Latin Extended-A and -B (those without a suggestion)
    (0x0250, 0x02AF), // IPA extensions (ɛ, ɔ, ə in West African names)
    (0x0370, 0x03FF), // Greek with tonos and the rest of the block (48 letters are accepted)
    (0x0400, 0x052F), // Cyrillic and its supplement
    (0x0530, 0x058F), // Armenian
    (0x0590, 0x05FF), // Hebrew
    (0x0600, 0x06FF), // Arabic (also Persian, Urdu, Pashto)
    (0x0700, 0x07BF), // Syriac, Thaana
    (0x0900, 0x0DFF), // Devanagari (Nepali, Hindi), Bengali … Tamil, Telugu, Sinhala
    (0x0E00, 0x0EFF), // Thai, Lao
    (0x0F00, 0x0FFF), // Tibetan
    (0x1000, 0x109F), // Myanmar
    (0x10A0, 0x10FF), // Georgian
    (0x1100, 0x11FF), // Hangul Jamo
    (0x1200, 0x139F), // Ethiopic and its supplement
    (0x1780, 0x18AF), // Khmer, Mongolian
    (0x1E00, 0x1EFF), // Latin Extended Additional (those without a suggestion)
    (0x1F00, 0x1FFF), // Greek Extended
    (0x3130, 0x318F), // Hangul Compatibility Jamo
    (0xA960, 0xA97F), // Hangul Jamo Extended-A
    (0xAC00, 0xD7FF), // Hangul Syllables, Jamo Extended-B
];

/// Advice for a character N10 rejects and no replacement exists for, if its script is one
/// a residence card writes in Latin letters. Accepted characters get none.
pub fn advice(ch: char) -> Option<Advice> {
    if suggestion(ch).is_some() || super::classify(ch).is_ok() {
        return None;
    }
    let cp = u32::from(ch);
    OTHER_SCRIPTS
        .iter()
        .any(|(lo, hi)| (*lo..=*hi).contains(&cp))
        .then_some(Advice::LatinAsOnResidenceCard)
}

impl Offence {
    /// What to tell the person when there is no suggestion (see [`advice`]); none for passwords.
    pub fn advice(&self) -> Option<Advice> {
        if self.reason == super::Reason::PasswordAlphabet {
            return None;
        }
        self.suggestion.is_none().then(|| advice(self.ch)).flatten()
    }
}
