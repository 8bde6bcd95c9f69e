//! Checking what a person typed into the registration form: every field at once, each
//! problem named with a stable code, N10 offences with position and suggestion (AC-2…AC-4).

use madoguchi_domain::characters::{self, FieldKind};

use crate::AppError;
use crate::shared::FieldProblem;

/// The registration form as submitted (AC-1).
#[derive(Debug, Clone, Default)]
pub struct RegistrationForm {
    pub user_id: String,
    pub password: String,
    pub name: String,
    pub name_kana: String,
    pub address: String,
    pub email: String,
    pub phone: String,
    pub accept_terms: bool,
    /// `ja` or `en`: the language of this account's mail.
    pub lang: String,
}

/// The values that survive checking, normalised where the rules say so.
#[derive(Debug, Clone)]
pub struct ValidRegistration {
    pub user_id: String,
    pub user_key: String,
    pub email: String,
}

/// Required N10 text of at most `max` characters.
fn text(field: &'static str, value: &str, max: usize, problems: &mut Vec<FieldProblem>) {
    if value.trim().is_empty() {
        problems.push(FieldProblem::new(field, "required"));
        return;
    }
    if value.chars().count() > max {
        problems.push(FieldProblem::new(field, "too_long"));
    }
    let offences = characters::validate(value, FieldKind::SingleLine);
    if !offences.is_empty() {
        problems.push(FieldProblem {
            offences,
            ..FieldProblem::new(field, "invalid_characters")
        });
    }
}

/// Name in kana: full-width katakana or hiragana, spaces and the long-vowel mark.
fn is_kana(value: &str) -> bool {
    value.chars().all(|c| {
        matches!(c, '\u{3041}'..='\u{3093}' | '\u{30A1}'..='\u{30F6}' | 'ー' | '・' | '　' | ' ' | 'ﾞ' | 'ﾟ' | 'ｰ')
            || ('\u{FF66}'..='\u{FF9D}').contains(&c)
    })
}

/// Every problem with the form, or the normalised values.
pub fn check_registration(form: &RegistrationForm) -> Result<ValidRegistration, AppError> {
    let mut problems = Vec::new();
    let user_id = madoguchi_domain::user_id::UserId::parse(&form.user_id);
    if let Err(e) = &user_id {
        let code = if form.user_id.is_empty() {
            "required"
        } else {
            "invalid_user_id"
        };
        problems.push(FieldProblem {
            detail: Some(e.code()),
            ..FieldProblem::new("user_id", code)
        });
    }
    if form.password.is_empty() {
        problems.push(FieldProblem::new("password", "required"));
    } else if let Err(p) = madoguchi_domain::password::validate_new(&form.password, &form.user_id, None) {
        problems.push(FieldProblem {
            detail: Some(p.code()),
            ..FieldProblem::new("password", "weak_password")
        });
    }
    text("name", &form.name, 60, &mut problems);
    text("name_kana", &form.name_kana, 60, &mut problems);
    if !form.name_kana.trim().is_empty()
        && !problems.iter().any(|p| p.field == "name_kana")
        && !is_kana(&form.name_kana)
    {
        problems.push(FieldProblem::new("name_kana", "invalid_kana"));
    }
    text("address", &form.address, 200, &mut problems);
    let email = madoguchi_domain::email::Email::parse(&form.email);
    if form.email.is_empty() {
        problems.push(FieldProblem::new("email", "required"));
    } else if email.is_err() {
        problems.push(FieldProblem::new("email", "invalid_email"));
    }
    // Issue 13, item 6: a phone number is a number field (full-width digits read as half-width).
    let phone = madoguchi_domain::numbers::half_width(&form.phone);
    let phone_ok = {
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        phone.chars().all(|c| c.is_ascii_digit() || c == '-') && (10..=11).contains(&digits)
    };
    if form.phone.is_empty() {
        problems.push(FieldProblem::new("phone", "required"));
    } else if !phone_ok {
        problems.push(FieldProblem::new("phone", "invalid_phone"));
    }
    if !form.accept_terms {
        problems.push(FieldProblem::new("accept_terms", "terms_not_accepted"));
    }
    match (user_id, email) {
        (Ok(u), Ok(e)) if problems.is_empty() => Ok(ValidRegistration {
            user_id: u.as_str().to_owned(),
            user_key: u.normalized(),
            email: e.as_str().to_owned(),
        }),
        _ => Err(AppError::Fields(problems)),
    }
}
