//! A refused form in words (AC-4): each problem next to its field, the character and its
//! position for N10, and a summary above the form whose lines name the field and link to
//! it. Every message comes from the locale files by the refusal's stable code, never from
//! the use case's English text.

use axum::http::{StatusCode, header};
use axum::response::Response;
use madoguchi_app::{AppError, ErrorCode};

use crate::http::forms::{FormField, Typed, describe, describe_offences};
use crate::http::page::{PageError, render};
use crate::http::problem::status_of;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One line of the summary above a form; `href` is the field's id, empty for the form.
pub struct SummaryLine {
    pub href: String,
    pub text: String,
}

/// Why a submitted form was refused, in the reader's language.
pub struct Refusal {
    lang: Lang,
    /// (field name, message), in the order the use case gave them.
    fields: Vec<(String, String)>,
    /// What is about the whole form: (code, message) of a rule that said no.
    form: Vec<(String, String)>,
    pub status: StatusCode,
    /// Seconds to wait before trying again (`busy`).
    pub retry_after: Option<u64>,
}

/// The words for a refusal code; every code the use cases return has one (a test checks).
pub fn message(lang: Lang, code: &str) -> String {
    lang.t(&format!("problem-{code}"))
}

impl Refusal {
    pub fn none(lang: Lang) -> Self {
        Self {
            lang,
            fields: Vec::new(),
            form: Vec::new(),
            status: StatusCode::OK,
            retry_after: None,
        }
    }

    /// One field's problem found before the use case ran (a date that does not parse).
    pub fn field(lang: Lang, field: &str, code: &str) -> Self {
        let mut r = Self::none(lang);
        r.fields.push((field.to_owned(), message(lang, code)));
        r.status = StatusCode::BAD_REQUEST;
        r
    }

    /// A page's own words for a field's problem (a look-up that found nobody).
    pub fn with_field(mut self, field: &str, text: String) -> Self {
        self.fields.push((field.to_owned(), text));
        self.status = StatusCode::BAD_REQUEST;
        self
    }

    /// The refusal in words, or the error itself when the form cannot help (the database
    /// is down, something broke): those get the error page.
    pub fn of(lang: Lang, e: AppError) -> Result<Self, AppError> {
        let mut r = Self::none(lang);
        r.status = status_of(e.code());
        match e {
            AppError::Fields(problems) => {
                r.status = StatusCode::UNPROCESSABLE_ENTITY;
                for p in &problems {
                    for m in describe(lang, p) {
                        r.fields.push((p.field.to_owned(), m));
                    }
                }
            }
            AppError::InvalidCharacters { fields } => {
                for (field, offences) in &fields {
                    for m in describe_offences(lang, offences) {
                        r.fields.push((field.clone(), m));
                    }
                }
            }
            AppError::InvalidInput { code, field, .. } => r.fields.push((field, message(lang, code))),
            AppError::Busy { retry_after_seconds } => {
                r.retry_after = Some(retry_after_seconds);
                r.form.push(("busy".into(), message(lang, "busy")));
            }
            e if matches!(e.code(), ErrorCode::Unavailable | ErrorCode::Internal) => return Err(e),
            e => {
                let code = e.specific_code();
                r.form.push((code.to_owned(), message(lang, code)));
            }
        }
        Ok(r)
    }

    /// A refusal from a use case, or the error page for anything else.
    pub fn or_page(lang: Lang, e: AppError) -> Result<Self, PageError> {
        Self::of(lang, e).map_err(|e| PageError(lang, e))
    }

    /// The page with this refusal's status, and `Retry-After` when the server was busy.
    pub fn render(&self, view: &impl askama::Template) -> Response {
        let mut r = render(view, self.status);
        if let Some(s) = self.retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, s.into());
        }
        r
    }

    /// The use case calls a field `from`; the form calls it `to`.
    pub fn rename(mut self, from: &str, to: &str) -> Self {
        for (f, _) in &mut self.fields {
            if f == from {
                to.clone_into(f);
            }
        }
        self
    }

    /// A rule's refusal `code` is about one field of this form (`closed_day` is the day's).
    pub fn pin(self, code: &str, field: &str) -> Self {
        self.pin_with(code, field, None)
    }

    /// As `pin`, in the page's own words (`not_found` on a user ID: nobody has it).
    pub fn pin_as(self, code: &str, field: &str, text: String) -> Self {
        self.pin_with(code, field, Some(text))
    }

    fn pin_with(mut self, code: &str, field: &str, text: Option<String>) -> Self {
        let (pinned, kept) = std::mem::take(&mut self.form)
            .into_iter()
            .partition::<Vec<_>, _>(|(c, _)| c == code);
        self.form = kept;
        for (_, m) in pinned {
            self.fields.push((field.to_owned(), text.clone().unwrap_or(m)));
        }
        self
    }

    /// A further sentence about the whole form (which eligibility step is missing).
    pub fn also_some(&mut self, text: Option<String>) {
        self.form.extend(text.map(|t| (String::new(), t)));
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.form.is_empty()
    }

    /// The field with this refusal's problems for it.
    pub fn on(&self, mut f: FormField) -> FormField {
        f.errors = self
            .fields
            .iter()
            .filter(|(name, _)| name == f.name)
            .map(|(_, m)| m.clone())
            .collect();
        f
    }

    /// The lines above the form: each drawn field's problems as "label: problem" linking to
    /// it, then problems of fields the form does not draw, then the form's own.
    pub fn summary(&self, drawn: &[&FormField]) -> Vec<SummaryLine> {
        let mut lines = Vec::new();
        for f in drawn {
            for e in &f.errors {
                lines.push(SummaryLine {
                    href: f.id.clone(),
                    text: format!("{}: {e}", f.label),
                });
            }
        }
        for (name, m) in &self.fields {
            if drawn.iter().any(|f| f.name == name) {
                continue;
            }
            let label = self.lang.t(&format!("field-{name}"));
            let text = if label.starts_with("field-") {
                m.clone()
            } else {
                format!("{label}: {m}")
            };
            lines.push(SummaryLine {
                href: String::new(),
                text,
            });
        }
        for (_, m) in &self.form {
            lines.push(SummaryLine {
                href: String::new(),
                text: m.clone(),
            });
        }
        lines
    }
}

/// A form as a page draws it: fresh with its defaults, or back after a refusal with what
/// was typed and why. `key` names which of the page's forms was sent.
pub struct Filled<'a> {
    key: String,
    typed: Typed<'a>,
    pub refusal: Refusal,
}

impl<'a> Filled<'a> {
    pub fn fresh(lang: Lang) -> Self {
        Self {
            key: String::new(),
            typed: Typed::FRESH,
            refusal: Refusal::none(lang),
        }
    }

    pub fn refused(key: &str, typed: &'a Fields, refusal: Refusal) -> Self {
        Self {
            key: key.to_owned(),
            typed: Typed(Some(typed)),
            refusal,
        }
    }

    /// Which form came back (empty for a fresh page).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The field of form `key` with `f.value` as its default: what was typed and its
    /// problems when that form came back. Passwords are never filled in again.
    pub fn draw(&self, key: &str, mut f: FormField) -> FormField {
        if key != self.key {
            return f;
        }
        f.value = match f.kind {
            "password" => String::new(),
            "checkbox" => self.typed.check(f.name, f.is_checked()),
            _ => self.typed.get(f.name, &f.value),
        };
        self.refusal.on(f)
    }

    /// The summary above the page: the drawn fields' problems, then the rest.
    pub fn summary(&self, drawn: &[&FormField]) -> Vec<SummaryLine> {
        self.refusal.summary(drawn)
    }
}
