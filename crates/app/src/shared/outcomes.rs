//! Counting what became of a booking or a registration (issue 17), for `/metrics`: one
//! counter per use case with the outcome and the stable refusal code as labels. Codes are
//! the fixed `&'static str` set of `AppError`, so the series cannot grow without end.

use crate::AppError;

/// Counts one attempt under `metric` (a `_total` counter): `outcome` is the success's own
/// word (`booked`, `registered`, `waitlisted`), `refused` when a rule said no (its code as
/// `code`), or `failed` when the server could not answer (busy, unavailable, internal).
pub fn count(metric: &'static str, result: Result<&'static str, &AppError>) {
    let (outcome, code) = match result {
        Ok(outcome) => (outcome, "none"),
        Err(e) if e.code().is_server_side() => ("failed", e.specific_code()),
        Err(e) => ("refused", e.specific_code()),
    };
    metrics::counter!(metric, "outcome" => outcome, "code" => code).increment(1);
}
