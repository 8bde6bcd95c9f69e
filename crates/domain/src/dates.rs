//! Dates and times as forms and the API write them: `YYYY-MM-DD`, `HH:MM` and
//! `YYYY-MM-DDTHH:MM`, exactly. chrono's `parse_from_str`, which the pages call today, is
//! lenient (seen while writing the `dates` fuzz target, issue 11): with `%Y-%m-%d` it takes
//! `2026-1-5`, `2026- 1-05`, `+2026-01-05`, `-0001-01-01` and `+12345-01-01`, and with
//! `%H:%M` it takes `9:5`. A year beyond four digits then reaches the store, and SQLite keeps
//! dates as text, where `+12345-01-01` sorts before `2026-01-05`. These parsers accept only
//! the canonical form, so what is stored is what was meant.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// `YYYY-MM-DD` with four-digit year (0001–9999), a real calendar day.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, digits(&b[5..7])?, digits(&b[8..10])?)?;
    (year >= 1).then_some(date)
}

/// `HH:MM`, 00:00 to 23:59.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' {
        return None;
    }
    NaiveTime::from_hms_opt(digits(&b[0..2])?, digits(&b[3..5])?, 0)
}

/// `YYYY-MM-DDTHH:MM`, as an HTML `datetime-local` input sends it.
pub fn parse_date_time(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.split_once('T')?;
    Some(parse_date(date)?.and_time(parse_time(time)?))
}

/// The value of ASCII digits, all of them digits (no sign, no space).
fn digits(b: &[u8]) -> Option<u32> {
    b.iter()
        .try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_canonical_form_is_accepted() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 5);
        assert_eq!(parse_date("2026-01-05"), day);
        assert_eq!(parse_date("0001-01-01"), NaiveDate::from_ymd_opt(1, 1, 1));
        assert_eq!(parse_date("9999-12-31"), NaiveDate::from_ymd_opt(9999, 12, 31));
        for bad in [
            "2026-1-5",
            "2026-01-5",
            "2026- 1-05",
            " 2026-01-05",
            "2026-01-05 ",
            "+2026-01-05",
            "-0001-01-01",
            "+12345-01-01",
            "0000-01-01",
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026/01/05",
            "２０２６-01-05",
            "2026-01-0５",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        assert_eq!(parse_time("09:05"), NaiveTime::from_hms_opt(9, 5, 0));
        for bad in [
            "9:5", "9:05", "09:5", "24:00", "23:60", "+9:05", " 9:05", "09:05:00", "09-05",
        ] {
            assert_eq!(parse_time(bad), None, "{bad:?}");
        }
        assert_eq!(
            parse_date_time("2026-01-05T09:05"),
            day.and_then(|d| d.and_hms_opt(9, 5, 0))
        );
        for bad in [
            "2026-01-05 09:05",
            "2026-1-5T09:05",
            "2026-01-05T9:5",
            "2026-01-05T09:05T",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad:?}");
        }
    }

    // What is accepted formats back to itself, and agrees with chrono.
    #[test]
    fn accepted_values_format_back_to_themselves() {
        for s in ["2026-01-05", "1990-12-31", "2050-02-28", "2024-02-29"] {
            let d = parse_date(s).unwrap();
            assert_eq!(d.format("%Y-%m-%d").to_string(), s);
            assert_eq!(NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(), Some(d));
        }
    }
}
