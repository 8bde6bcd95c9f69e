//! `madoguchi text check`: operators vet data before an import. One output line per
//! offending character: `LINE:COLUMN U+XXXX REASON [→ SUGGESTION] [(ADVICE)]`, both counted
//! from 1, COLUMN in code points; ADVICE is e.g. `latin_as_on_residence_card` for Hangul.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use madoguchi_domain::characters::{FieldKind, Offence, validate};

/// Formats one offence the way the command prints it.
pub fn format_offence(line: usize, o: &Offence) -> String {
    let mut out = format!("{line}:{} U+{:04X} {}", o.index + 1, u32::from(o.ch), o.reason.code());
    if let Some(s) = o.suggestion {
        out.push_str(" → ");
        out.push_str(s);
    }
    if let Some(a) = o.advice() {
        out.push_str(" (");
        out.push_str(a.code());
        out.push(')');
    }
    out
}

/// Checks every line of `input`, writing offences to `out`. Returns how many lines failed.
pub fn check(input: impl BufRead, out: &mut impl Write, kind: FieldKind) -> std::io::Result<usize> {
    let mut failed = 0;
    for (n, line) in input.split(b'\n').enumerate() {
        let line_no = n + 1;
        let bytes = line?;
        let Ok(text) = String::from_utf8(bytes) else {
            writeln!(out, "{line_no}:1 - not_utf8")?;
            failed += 1;
            continue;
        };
        // A multi-line field keeps its CR; a single-line field reports it.
        let offences = validate(&text, kind);
        if !offences.is_empty() {
            failed += 1;
        }
        for o in &offences {
            writeln!(out, "{}", format_offence(line_no, o))?;
        }
    }
    Ok(failed)
}

pub fn run(password: bool, multiline: bool) -> ExitCode {
    let kind = match (password, multiline) {
        (true, _) => FieldKind::Password,
        (false, true) => FieldKind::MultiLine,
        (false, false) => FieldKind::SingleLine,
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match check(stdin.lock(), &mut out, kind) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(n) => {
            let _ = out.flush();
            eprintln!("{n} line(s) contain characters that are not accepted");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: cannot read standard input: {e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn run_check(input: &str, kind: FieldKind) -> (usize, String) {
        let mut out = Vec::new();
        let failed = check(input.as_bytes(), &mut out, kind).unwrap();
        (failed, String::from_utf8(out).unwrap())
    }

    // rule CH-6 and CH-7 as the operator sees them: line and column from 1, in code points.
    #[test]
    fn reports_line_column_and_suggestion() {
        let (failed, out) = run_check("ok line\nab①c𠮷d\n", FieldKind::SingleLine);
        assert_eq!(failed, 1);
        let lines: Vec<_> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(
            lines[0].starts_with("2:3 U+2460 ") && lines[0].ends_with(" → 1"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("2:5 U+20BB7 ") && lines[1].ends_with(" → 吉"),
            "{}",
            lines[1]
        );
    }

    // rules AC-4, N10 (issue 16): each foreign name gets a replacement for each refused
    // letter; a name in Hangul gets advice instead.
    #[test]
    fn suggests_a_replacement_for_foreign_names() {
        let input = "Nguyễn Văn\nJoão\nGonçalves\nMüller\nŁukasz\n李 伟\n김민수\nNGUYEN VAN AN\n";
        let (failed, out) = run_check(input, FieldKind::SingleLine);
        assert_eq!(failed, 7, "{out}");
        let lines: Vec<_> = out.lines().collect();
        assert_eq!(
            lines[..7],
            [
                "1:5 U+1EC5 not_jis → e",
                "1:9 U+0103 not_in_note_2 → a",
                "2:3 U+00E3 not_in_note_2 → a",
                "3:4 U+00E7 not_in_note_2 → c",
                "4:2 U+00FC not_in_note_2 → u",
                "5:1 U+0141 not_in_note_2 → L",
                "6:3 U+4F1F not_jis → 偉",
            ],
            "{out}"
        );
        assert_eq!(lines[7..].len(), 3, "{out}");
        assert!(
            lines[7..]
                .iter()
                .all(|l| l.starts_with("7:") && l.ends_with(" (latin_as_on_residence_card)")),
            "{out}"
        );
    }

    // rule CH-7: CR is accepted only in multi-line fields.
    #[test]
    fn crlf_depends_on_field_kind() {
        assert_eq!(run_check("あいう\r\n", FieldKind::SingleLine).0, 1);
        assert_eq!(run_check("あいう\r\n", FieldKind::MultiLine).0, 0);
    }

    #[test]
    fn invalid_utf8_is_reported() {
        let mut out = Vec::new();
        let failed = check(&b"abc\n\xff\xfe\n"[..], &mut out, FieldKind::SingleLine).unwrap();
        assert_eq!(failed, 1);
        assert_eq!(String::from_utf8(out).unwrap(), "2:1 - not_utf8\n");
    }
}
