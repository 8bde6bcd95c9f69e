//! N10 validator (CH-1…CH-8): every offence points at the character it names, in order;
//! a multi-line field refuses what a single-line one does except CR and LF; a password is
//! judged by its alphabet alone.
#![no_main]

use libfuzzer_sys::fuzz_target;
use madoguchi_domain::characters::{FieldKind, Reason, in_password_alphabet, validate};

fuzz_target!(|text: &str| {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut all = Vec::new();
    for kind in [FieldKind::SingleLine, FieldKind::MultiLine, FieldKind::Password] {
        let offences = validate(text, kind);
        let mut last = None;
        for o in &offences {
            assert!(o.index < chars.len(), "index {} of {} characters", o.index, chars.len());
            assert_eq!(chars[o.index], (o.byte_offset, o.ch), "{o:?}");
            assert!(last.is_none_or(|l| l < o.index), "offences out of order");
            last = Some(o.index);
            assert!(o.suggestion.is_none_or(|s| !s.is_empty()));
        }
        all.push(offences.iter().map(|o| (o.index, o.reason)).collect::<Vec<_>>());
    }
    let (single, multi, password) = (&all[0], &all[1], &all[2]);
    // Multi-line = single-line minus the line-break offences.
    let expected: Vec<(usize, Reason)> = single
        .iter()
        .copied()
        .filter(|(_, r)| *r != Reason::LineBreak)
        .collect();
    assert_eq!(multi, &expected);
    // A password: exactly the characters outside the AC-3 alphabet.
    let outside: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, (_, c))| !in_password_alphabet(*c))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(password.iter().map(|(i, _)| *i).collect::<Vec<_>>(), outside);
});
