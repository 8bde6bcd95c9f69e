//! The account pages: register, verify the email, sign in and out. Forms work
//! without JavaScript; each error sits next to its field, in the user's language.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::account_fields::{FieldProblem, RegistrationForm};
use madoguchi_app::{AppError, register, session, sign_in};

use crate::AppState;
use crate::i18n::Lang;
use crate::page::{Page, PageError, render};
use crate::usage;
use crate::visitor::{Visitor, clear_cookie, set_cookie};
use madoguchi_domain::usage::Actor;

type Fields = HashMap<String, String>;

/// One input as the form macro draws it.
pub struct FormField {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub value: String,
    pub errors: Vec<String>,
    pub required: bool,
    pub required_mark: String,
    /// The `autocomplete` token, for forms that draw fields in a loop.
    pub autocomplete: &'static str,
}

impl FormField {
    pub fn new(lang: Lang, name: &'static str, value: &str) -> Self {
        let hint = lang.t(&format!("hint-{name}"));
        Self {
            name,
            label: lang.t(&format!("field-{name}")),
            hint: if hint.starts_with("hint-") { String::new() } else { hint },
            value: value.to_owned(),
            errors: Vec::new(),
            required: true,
            required_mark: lang.t("required-mark"),
            autocomplete: "off",
        }
    }

    pub fn described_by(&self) -> String {
        let mut ids: Vec<String> = (1..=self.errors.len())
            .map(|i| format!("{}-error-{i}", self.name))
            .collect();
        if !self.hint.is_empty() {
            ids.insert(0, format!("{}-hint", self.name));
        }
        ids.join(" ")
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
    p.offences
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
                s.push(' ');
                s.push_str(&lang.t_args("char-suggestion", &[("suggestion", sugg.to_owned())]));
            }
            s
        })
        .collect()
}

#[derive(Template)]
#[template(path = "register.html")]
struct RegisterPage {
    page: Page,
    csrf: String,
    summary: Vec<(String, String)>,
    user_id: FormField,
    password: FormField,
    name: FormField,
    name_kana: FormField,
    address: FormField,
    email: FormField,
    phone: FormField,
    terms_checked: bool,
    terms_error: String,
}

fn register_page(lang: Lang, csrf: String, form: &RegistrationForm, problems: &[FieldProblem]) -> RegisterPage {
    let mut summary = Vec::new();
    let mut field = |name: &'static str, value: &str| {
        let mut f = FormField::new(lang, name, value);
        for p in problems.iter().filter(|p| p.field == name) {
            for message in describe(lang, p) {
                summary.push((name.to_owned(), format!("{}: {message}", f.label)));
                f.errors.push(message);
            }
        }
        f
    };
    let user_id = field("user_id", &form.user_id);
    let password = field("password", "");
    let name = field("name", &form.name);
    let name_kana = field("name_kana", &form.name_kana);
    let address = field("address", &form.address);
    let email = field("email", &form.email);
    let phone = field("phone", &form.phone);
    let terms_error = problems
        .iter()
        .find(|p| p.field == "accept_terms")
        .map(|p| describe(lang, p).join(" "))
        .unwrap_or_default();
    if !terms_error.is_empty() {
        summary.push(("accept_terms".into(), terms_error.clone()));
    }
    RegisterPage {
        page: Page::new(lang, "/register", &[]),
        csrf,
        summary,
        user_id,
        password,
        name,
        name_kana,
        address,
        email,
        phone,
        terms_checked: form.accept_terms,
        terms_error,
    }
}

pub fn with_cookie(mut response: Response, cookie: Option<axum::http::HeaderValue>) -> Response {
    if let Some(c) = cookie {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

/// `GET /register`
pub async fn register_form(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let view = register_page(lang, s.csrf, &RegistrationForm::default(), &[]);
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

pub fn field_value(fields: &Fields, name: &str) -> String {
    fields.get(name).cloned().unwrap_or_default()
}

/// `POST /register`: on success, the "check your mail" page; otherwise the form again
/// with every value kept (except the password) and every problem next to its field.
pub async fn register_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let form = RegistrationForm {
        user_id: field_value(&fields, "user_id"),
        password: field_value(&fields, "password"),
        name: field_value(&fields, "name"),
        name_kana: field_value(&fields, "name_kana"),
        address: field_value(&fields, "address"),
        email: field_value(&fields, "email"),
        phone: field_value(&fields, "phone"),
        accept_terms: fields.contains_key("accept_terms"),
        lang: lang.code().to_owned(),
    };
    let csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
    match register::register(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        &form,
        &visitor.client_addr,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/register/sent").into_response()),
        Err(AppError::Fields(problems)) => Ok(render(
            &register_page(lang, csrf, &form, &problems),
            StatusCode::UNPROCESSABLE_ENTITY,
        )),
        Err(AppError::InvalidInput {
            code: "user_id_taken", ..
        }) => {
            let problem = FieldProblem {
                field: "user_id",
                code: "user_id_taken",
                detail: None,
                offences: Vec::new(),
            };
            Ok(render(
                &register_page(lang, csrf, &form, &[problem]),
                StatusCode::CONFLICT,
            ))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

#[derive(Template)]
#[template(path = "notice.html")]
pub struct Notice {
    pub page: Page,
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub form_action: String,
    pub csrf: String,
    pub hidden: Vec<(String, String)>,
    pub button: String,
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
            links: Vec::new(),
        }
    }
}

/// `GET /register/sent`
pub async fn register_sent(lang: Lang) -> Response {
    render(
        &Notice::new(lang, "/register/sent", "sent-title", &["sent-body", "sent-spam"]),
        StatusCode::OK,
    )
}

#[derive(serde::Deserialize)]
pub struct TokenQuery {
    pub token: Option<String>,
}

/// `GET /register/verify?token=…`: a button, so mail scanners that open links do not
/// use up the token.
pub async fn verify_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    let texts = ("verify-title", "verify-body", "verify-submit");
    confirm_link(
        &state,
        &visitor,
        lang,
        "/register/verify",
        q.token.unwrap_or_default(),
        texts,
    )
    .await
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

/// `POST /register/verify`
pub async fn verify_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let outcome = register::verify(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        &field_value(&fields, "token"),
    )
    .await;
    let (view, status) = match outcome {
        Ok(_) => {
            let mut v = Notice::new(lang, "/register/verify", "verified-title", &["verified-body"]);
            v.links = vec![("/sign-in".into(), lang.t("sign-in-title"))];
            (v, StatusCode::OK)
        }
        Err(AppError::InvalidInput {
            code: "token_expired", ..
        }) => {
            let mut v = Notice::new(lang, "/register/verify", "expired-title", &["expired-body"]);
            v.links = vec![("/register".into(), lang.t("register-title"))];
            (v, StatusCode::GONE)
        }
        Err(AppError::InvalidInput { .. }) => {
            let mut v = Notice::new(lang, "/register/verify", "link-invalid-title", &["link-invalid-body"]);
            v.links = vec![("/sign-in".into(), lang.t("sign-in-title"))];
            (v, StatusCode::BAD_REQUEST)
        }
        Err(e) => return Err(PageError(lang, e)),
    };
    Ok(render(&view, status))
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    page: Page,
    csrf: String,
    error: String,
    user_id: FormField,
    password: FormField,
}

fn sign_in_page(lang: Lang, csrf: String, user_id: &str, error: String) -> SignInPage {
    let mut password = FormField::new(lang, "password", "");
    password.hint.clear();
    let mut user_field = FormField::new(lang, "user_id", user_id);
    user_field.hint.clear();
    SignInPage {
        page: Page::new(lang, "/sign-in", &[]),
        csrf,
        error,
        user_id: user_field,
        password,
    }
}

/// `GET /sign-in`
pub async fn sign_in_form(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    Ok(with_cookie(
        render(&sign_in_page(lang, s.csrf, "", String::new()), StatusCode::OK),
        cookie,
    ))
}

/// `POST /sign-in`: a new session ID on success (AC-6); one message for every failure
/// that could reveal whether a user ID exists (AC-5).
pub async fn sign_in_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let user_id = field_value(&fields, "user_id");
    let old = visitor.session.as_ref().map(|s| s.id.as_str());
    let result = sign_in::sign_in(
        &state.db,
        state.clock.as_ref(),
        &user_id,
        &field_value(&fields, "password"),
        &visitor.client_addr,
        old,
    )
    .await;
    match result {
        Ok(done) => {
            let target = if done.password_change_due {
                "/me?password=due"
            } else {
                "/me"
            };
            let mut r = Redirect::to(target).into_response();
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(&done.session, state.cookie_secure));
            Ok(usage::Event::signed_in(Some(Actor::User(done.user_ref))).on(r))
        }
        Err(e @ (AppError::Unauthorized { .. } | AppError::Forbidden { .. } | AppError::RateLimited)) => {
            let message = lang.t(&format!("problem-{}", e.specific_code()));
            let csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
            let status = crate::problem::status_of(e.code());
            let page = render(&sign_in_page(lang, csrf, &user_id, message), status);
            Ok(usage::failed_sign_in(e.specific_code()).on(page))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// `POST /sign-out`
pub async fn sign_out(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    if let Some(s) = &visitor.session {
        session::end(&state.db, &s.id).await.map_err(|e| PageError(lang, e))?;
    }
    let mut r = Redirect::to("/").into_response();
    r.headers_mut().append(header::SET_COOKIE, clear_cookie());
    Ok(usage::Event::SIGNED_OUT.on(r))
}
