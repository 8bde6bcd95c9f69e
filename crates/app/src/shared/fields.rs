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
    let offences = characters::validate(v, kind);
    if !offences.is_empty() {
        return Err(AppError::InvalidCharacters {
            fields: vec![(field.to_owned(), offences)],
        });
    }
    Ok(v.to_owned())
}
