//! What every form page shares: reading a submitted field or a date parameter, drawing an input with its
//! problems in words (AC-4), the one-message notice page, the button page an emailed link
//! opens, and a response with a cookie.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::Response;
use madoguchi_app::shared::FieldProblem;
use madoguchi_domain::characters::Offence;

type Fields = std::collections::HashMap<String, String>;

use crate::AppState;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

/// One input as the form macros draw it: a text box, number, date, select, text area or
/// check box, with its label, hint, the value typed (kept after a refusal) and its problems.
pub struct FormField {
    pub name: &'static str,
    /// The element's id: the name unless two forms on one page share a name.
    pub id: String,
    pub label: String,
    pub hint: String,
    pub value: String,
    pub errors: Vec<String>,
    pub required: bool,
    pub required_mark: String,
    /// The `autocomplete` token, for forms that draw fields in a loop.
    pub autocomplete: &'static str,
    /// `text`, `number`, `date`, `time`, `datetime-local`, `url`, `password`, `textarea`,
    /// `select`, `radio` (a group whose choices are `options`) or `checkbox` (ticked when
    /// the value is `on`).
    pub kind: &'static str,
    /// A select's choices: (value, label).
    pub options: Vec<(String, String)>,
    /// Further attributes (`min`, `max`, `maxlength`, `step`, `rows`).
    pub attrs: Vec<(&'static str, String)>,
}

impl FormField {
    pub fn new(lang: Lang, name: &'static str, value: &str) -> Self {
        let hint = lang.t(&format!("hint-{name}"));
        Self {
            name,
            id: name.to_owned(),
            label: lang.t(&format!("field-{name}")),
            hint: if hint.starts_with("hint-") { String::new() } else { hint },
            value: value.to_owned(),
            errors: Vec::new(),
            required: true,
            required_mark: lang.t("required-mark"),
            autocomplete: "off",
            kind: "text",
            options: Vec::new(),
            attrs: Vec::new(),
        }
    }

    /// A field whose label is the message `label` rather than `field-<name>`.
    pub fn labelled(lang: Lang, name: &'static str, label: &str, value: &str) -> Self {
        Self {
            label: lang.t(label),
            ..Self::new(lang, name, value)
        }
    }

    pub fn id(mut self, id: &str) -> Self {
        id.clone_into(&mut self.id);
        self
    }

    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = hint;
        self
    }

    pub fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = token;
        self
    }

    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub fn attr(mut self, name: &'static str, value: impl ToString) -> Self {
        self.attrs.push((name, value.to_string()));
        self
    }

    pub fn choices<V: ToString, L: ToString>(mut self, options: impl IntoIterator<Item = (V, L)>) -> Self {
        self.kind = "select";
        self.options = options
            .into_iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect();
        self
    }

    pub fn is_checked(&self) -> bool {
        self.value == "on"
    }

    pub fn described_by(&self) -> String {
        let mut ids: Vec<String> = (1..=self.errors.len())
            .map(|i| format!("{}-error-{i}", self.id))
            .collect();
        if !self.hint.is_empty() {
            ids.insert(0, format!("{}-hint", self.id));
        }
        ids.join(" ")
    }
}

/// The values a form is drawn with: what was typed when it comes back refused, else the
/// defaults. Passwords are never drawn from here.
#[derive(Clone, Copy)]
pub struct Typed<'a>(pub Option<&'a Fields>);

impl Typed<'_> {
    pub const FRESH: Typed<'static> = Typed(None);

    pub fn get(&self, name: &str, default: &str) -> String {
        match self.0 {
            Some(f) => field_value(f, name),
            None => default.to_owned(),
        }
    }

    /// A check box: `on` when ticked (a browser sends nothing for an unticked box).
    pub fn check(&self, name: &str, default: bool) -> String {
        let on = match self.0 {
            Some(f) => f.contains_key(name),
            None => default,
        };
        if on { "on".into() } else { String::new() }
    }
}

/// A field problem in words: the character, its position and a suggestion for N10 (AC-4).
pub fn describe(lang: Lang, p: &FieldProblem) -> Vec<String> {
    if p.offences.is_empty() {
        let specific = p.detail.map(|d| lang.t(&format!("problem-{}-{d}", p.code)));
        return vec![
            specific
                .filter(|s| !s.starts_with("problem-"))
                .unwrap_or_else(|| lang.t(&format!("problem-{}", p.code))),
        ];
    }
    describe_offences(lang, &p.offences)
}

/// Each character N10 does not accept, with its position (from 1) and a suggestion, or
/// advice where there is none (a name in Hangul: Latin letters as on the residence card).
pub fn describe_offences(lang: Lang, offences: &[Offence]) -> Vec<String> {
    offences
        .iter()
        .map(|o| {
            let mut s = lang.t_args(
                "char-offence",
                &[
                    ("position", (o.index + 1).to_string()),
                    ("char", o.ch.to_string()),
                    ("codepoint", format!("U+{:04X}", u32::from(o.ch))),
                ],
            );
            if let Some(sugg) = o.suggestion {
                // Japanese runs sentences together; English puts a space between them.
                s.push_str(lang.sentence_gap());
                s.push_str(&lang.t_args("char-suggestion", &[("suggestion", sugg.to_owned())]));
            }
            if let Some(advice) = o.advice() {
                s.push_str(lang.sentence_gap());
                s.push_str(&lang.t(&format!("char-advice-{}", advice.code())));
            }
            s
        })
        .collect()
}

pub fn with_cookie(mut response: Response, cookie: Option<axum::http::HeaderValue>) -> Response {
    if let Some(c) = cookie {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

pub fn field_value(fields: &Fields, name: &str) -> String {
    fields.get(name).cloned().unwrap_or_default()
}

#[derive(Template)]
#[template(path = "public/notice.html")]
pub struct Notice {
    pub page: Page,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub form_action: String,
    pub csrf: String,
    pub hidden: Vec<(String, String)>,
    pub button: String,
    /// `danger` for a button that ends something (cancel, lock), else empty.
    pub button_class: &'static str,
    pub links: Vec<(String, String)>,
}

impl Notice {
    pub fn new(lang: Lang, path: &str, heading: &str, paragraphs: &[&str]) -> Self {
        Self {
            page: Page::new(lang, path, &[]),
            heading: lang.t(heading),
            paragraphs: paragraphs.iter().map(|p| lang.t(p)).collect(),
            form_action: String::new(),
            csrf: String::new(),
            hidden: Vec::new(),
            button: String::new(),
            button_class: "",
            links: Vec::new(),
        }
    }
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    pub token: Option<String>,
}

/// The page an emailed link opens: one button that posts the token back with a CSRF token,
/// so mail scanners that open links cannot use them up. `texts` are (heading, body, button).
pub async fn confirm_link(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    path: &str,
    token: String,
    texts: (&str, &str, &str),
) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(state).await.map_err(|e| PageError(lang, e))?;
    let (heading, body, button) = texts;
    let mut view = Notice::new(lang, path, heading, &[body]);
    view.form_action = path.to_owned();
    view.csrf = s.csrf;
    view.hidden = vec![("token".into(), token)];
    view.button = lang.t(button);
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

/// Parses a `YYYY-MM-DD` query parameter or form field, naming it in the error.
pub fn parse_date(field: &str, value: &str) -> Result<chrono::NaiveDate, madoguchi_app::AppError> {
    madoguchi_domain::dates::parse_date(value).ok_or_else(|| {
        madoguchi_app::AppError::invalid(
            "invalid_date",
            field,
            format!("`{field}` must be a date written YYYY-MM-DD"),
        )
    })
}
