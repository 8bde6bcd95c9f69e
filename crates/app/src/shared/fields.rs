//! A field's problem, and one check for the free-text fields staff and users fill in (rule N10): trimmed, required
//! if asked, at most `max` characters, and every character allowed for its kind.

use madoguchi_domain::characters::{self, FieldKind, Offence};

use crate::AppError;

/// One field's problem. `code` is stable: `required`, `too_long`, `invalid_characters`,
/// `invalid_user_id`, `weak_password`, `invalid_email`, `invalid_phone`, `invalid_kana`,
/// `terms_not_accepted`; `detail` is the specific reason (e.g. `common_password`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub code: &'static str,
    pub detail: Option<&'static str>,
    pub offences: Vec<Offence>,
}

impl FieldProblem {
    pub(crate) fn new(field: &'static str, code: &'static str) -> Self {
        Self {
            field,
            code,
            detail: None,
            offences: Vec::new(),
        }
    }
}

/// The trimmed text, or why it cannot be kept (`required`, `too_long`, `invalid_characters`).
pub fn text(field: &str, value: &str, kind: FieldKind, max: usize, required: bool) -> Result<String, AppError> {
    let v = value.trim();
    if v.is_empty() && required {
        return Err(AppError::invalid("required", field, format!("{field} is required")));
    }
    if v.chars().count() > max {
        return Err(AppError::invalid(
            "too_long",
            field,
            format!("at most {max} characters"),
        ));
    }
    let offences = offences_as_typed(value, kind);
    if !offences.is_empty() {
        return Err(AppError::InvalidCharacters {
            fields: vec![(field.to_owned(), offences)],
        });
    }
    Ok(v.to_owned())
}

/// The offences of the trimmed text, with positions counted in the text as typed (AC-4: the
/// form shows what was typed, leading spaces included).
fn offences_as_typed(value: &str, kind: FieldKind) -> Vec<Offence> {
    let start = value.trim_start();
    let (lead, lead_bytes) = (value.chars().count() - start.chars().count(), value.len() - start.len());
    let mut offences = characters::validate(value.trim(), kind);
    for o in &mut offences {
        o.index += lead;
        o.byte_offset += lead_bytes;
    }
    offences
}

/// One free-text field's problem, if any, for forms that report every field at once:
/// `required`, `invalid_characters` (each character) or `too_long`.
pub fn problem(field: &'static str, value: &str, kind: FieldKind, max: usize, required: bool) -> Option<FieldProblem> {
    let v = value.trim();
    if v.is_empty() {
        return required.then(|| FieldProblem::new(field, "required"));
    }
    let offences = offences_as_typed(value, kind);
    if !offences.is_empty() {
        return Some(FieldProblem {
            offences,
            ..FieldProblem::new(field, "invalid_characters")
        });
    }
    (v.chars().count() > max).then(|| FieldProblem::new(field, "too_long"))
}
