//! Every stable code a use case can refuse with (`AppError::specific_code`, a field problem's
//! `code`), so the pages can prove each has words in every language (issue 12). The test
//! below reads this crate's source and the domain's refusal enums and fails on a code that
//! is missing here.

/// Sorted; the web crate checks each has `problem-<code>` in every locale.
pub const CODES: &[&str] = &[
    "account_locked",
    "already_allowed",
    "already_booked",
    "already_cancelled",
    "already_closed",
    "already_decided",
    "already_started",
    "app_not_offered",
    "below_taken",
    "booking_restricted",
    "busy",
    "closed_day",
    "closed_hours",
    "conflict",
    "cutoff_passed",
    "daily_limit",
    "date_in_past",
    "day_over",
    "direct_booking",
    "email_not_verified",
    "forbidden",
    "internal",
    "interview_not_accepted",
    "invalid_booking_policy",
    "invalid_capacity",
    "invalid_characters",
    "invalid_choice",
    "invalid_credentials",
    "invalid_date",
    "invalid_duration",
    "invalid_email",
    "invalid_import",
    "invalid_input",
    "invalid_job_seeker_number",
    "invalid_kana",
    "invalid_office_code",
    "invalid_period",
    "invalid_phone",
    "invalid_postal_code",
    "invalid_range",
    "invalid_room_grace",
    "invalid_seats",
    "invalid_signature",
    "invalid_slot",
    "invalid_state",
    "invalid_time",
    "invalid_url",
    "invalid_user_id",
    "invalid_version",
    "link_expired",
    "link_invalid",
    "link_other_interview",
    "link_used",
    "no_companion",
    "no_such_seat",
    "not_allowed",
    "not_eligible",
    "not_found",
    "not_in_force",
    "not_office_admin",
    "not_referred",
    "not_signed_in",
    "not_started",
    "one_to_three",
    "other_office",
    "outside_horizon",
    "outside_hours",
    "period_too_long",
    "range_too_long",
    "rate_limited",
    "request_only",
    "required",
    "room_closed",
    "room_not_open",
    "same_slot",
    "same_time",
    "secrets_key_missing",
    "seminar_cancelled",
    "seminar_full",
    "seminar_suspended",
    "slot_full",
    "terms_not_accepted",
    "token_expired",
    "token_invalid",
    "too_long",
    "unauthorized",
    "unavailable",
    "unknown_job_seeker",
    "user_id_taken",
    "weak_password",
];

#[cfg(test)]
mod tests {
    use super::CODES;
    use crate::ErrorCode;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                out.push((path.display().to_string(), text));
            }
        }
    }

    /// The literal that starts right after `at` (whitespace skipped), if it is a code.
    fn literal_at(text: &str, at: usize) -> Option<String> {
        let rest = text[at..].trim_start();
        let rest = rest.strip_prefix('"')?;
        let end = rest.find('"')?;
        let code = &rest[..end];
        (!code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')).then(|| code.to_owned())
    }

    /// Codes in the places a use case names one: `code: "…"`, `invalid("…"`,
    /// `FieldProblem::new(field, "…"`, `problem("field", "…"`, `bad_link("…"`.
    fn codes_in(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        for marker in ["code: ", "invalid(", "bad_link("] {
            for (i, _) in text.match_indices(marker) {
                found.extend(literal_at(text, i + marker.len()));
            }
        }
        for marker in ["FieldProblem::new(", "problem("] {
            for (i, _) in text.match_indices(marker) {
                let args = &text[i + marker.len()..];
                let Some(comma) = args.find(',') else { continue };
                if args[..comma].contains(')') {
                    continue;
                }
                found.extend(literal_at(args, comma + 1));
            }
        }
        found
    }

    /// The codes of a domain refusal enum's `code()` (they become `AppError::Refused`).
    fn enum_codes(text: &str, name: &str) -> Vec<String> {
        let Some(start) = text.find(&format!("impl {name} {{")) else {
            panic!("impl {name} not found");
        };
        let body = &text[start..];
        let body = &body[..body.find("\n}\n").unwrap_or(body.len())];
        body.match_indices("=> ")
            .filter_map(|(i, _)| literal_at(body, i + 3))
            .collect()
    }

    #[test]
    fn the_list_is_sorted_and_unique() {
        let mut sorted = CODES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, CODES);
    }

    // Issue 12: every refusal a person can meet has words; this list is what the pages check.
    #[test]
    fn every_code_the_use_cases_return_is_listed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        assert!(files.len() > 20, "read the app's source");
        let mut used = BTreeSet::new();
        // This file's own test names made-up codes.
        for (path, text) in files.iter().filter(|(p, _)| !p.ends_with("codes.rs")) {
            for code in codes_in(text) {
                used.insert((code, path.clone()));
            }
        }
        let domain = root.join("../domain/src");
        for (file, name) in [
            ("booking.rs", "BookingRefusal"),
            ("booking/attendance.rs", "RecordRefusal"),
        ] {
            let text = std::fs::read_to_string(domain.join(file)).unwrap_or_default();
            for code in enum_codes(&text, name) {
                used.insert((code, name.to_owned()));
            }
        }
        for code in [
            ErrorCode::NotFound,
            ErrorCode::InvalidInput,
            ErrorCode::InvalidCharacters,
            ErrorCode::Conflict,
            ErrorCode::Unauthorized,
            ErrorCode::Forbidden,
            ErrorCode::RateLimited,
            ErrorCode::Busy,
            ErrorCode::Unavailable,
            ErrorCode::Internal,
        ] {
            used.insert((code.as_str().to_owned(), "ErrorCode".to_owned()));
        }
        assert!(used.iter().any(|(c, _)| c == "slot_full"), "the scan finds codes");
        let missing: Vec<_> = used.iter().filter(|(c, _)| !CODES.contains(&c.as_str())).collect();
        assert!(missing.is_empty(), "add to shared::codes::CODES: {missing:?}");
    }

    #[test]
    fn the_scan_reads_each_form_of_naming_a_code() {
        let text = r#"Refused { code: "a_b", message } invalid(
            "c", "f") FieldProblem::new(field, "d") problem("topic", "e") bad_link("g")"#;
        assert_eq!(codes_in(text), ["a_b", "c", "g", "d", "e"]);
    }
}
