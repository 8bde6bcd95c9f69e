//! The account pages: register, verify the email, sign in and out. Forms work
//! without JavaScript; each error sits next to its field, in the user's language.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::accounts::fields::RegistrationForm;
use madoguchi_app::shared::FieldProblem;
use madoguchi_app::{AppError, accounts::register, accounts::session, accounts::sign_in};

use crate::AppState;
use crate::http::cookies::{clear_cookie, set_cookie};
use crate::http::forms::{FormField, Notice, TokenQuery, confirm_link, describe, field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::problem::{retry_after, status_of};
use crate::http::usage;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use madoguchi_domain::usage::Actor;

type Fields = HashMap<String, String>;

#[derive(Template)]
#[template(path = "seeker/register.html")]
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
    /// A refusal of the whole form (too many registrations, busy), above it.
    error: String,
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
        error: String::new(),
    }
}

/// `GET /register`
pub async fn register_form(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let view = register_page(lang, s.csrf, &RegistrationForm::default(), &[]);
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
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
        &state.limits,
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
        // Every typed value stays on the form except the password.
        Err(e @ (AppError::RateLimited | AppError::Busy { .. })) => {
            let mut view = register_page(lang, csrf, &form, &[]);
            view.error = match e {
                AppError::RateLimited => lang.t("register-rate_limited"),
                _ => lang.t("problem-busy"),
            };
            Ok(retry_after(&e, render(&view, status_of(e.code()))))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// `GET /register/sent`
pub async fn register_sent(lang: Lang) -> Response {
    render(
        &Notice::new(lang, "/register/sent", "sent-title", &["sent-body", "sent-spam"]),
        StatusCode::OK,
    )
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
#[template(path = "seeker/sign_in.html")]
struct SignInPage {
    page: Page,
    csrf: String,
    error: String,
    /// AC-5, AC-8: a locked account is pointed to "Forgot your password?".
    locked: bool,
    user_id: FormField,
    password: FormField,
    /// Where the person was going (issue 13, item 1): a path on this site, else empty.
    next: String,
}

/// `next` if it is a path on this site (`domain::next_path`), else empty.
fn checked_next(next: &str) -> String {
    madoguchi_domain::next_path::parse(next).unwrap_or_default()
}

fn sign_in_page(lang: Lang, csrf: String, user_id: &str, error: String, locked: bool, next: &str) -> SignInPage {
    let mut password = FormField::new(lang, "password", "");
    password.hint.clear();
    let mut user_field = FormField::new(lang, "user_id", user_id);
    user_field.hint.clear();
    let next = checked_next(next);
    let query: Vec<(&str, String)> = if next.is_empty() {
        Vec::new()
    } else {
        vec![("next", crate::http::page::url_component(&next))]
    };
    SignInPage {
        page: Page::new(lang, "/sign-in", &query),
        csrf,
        locked,
        error,
        user_id: user_field,
        password,
        next,
    }
}

/// `GET /sign-in?next=/book/12`
pub async fn sign_in_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let next = field_value(&q, "next");
    Ok(with_cookie(
        render(
            &sign_in_page(lang, s.csrf, "", String::new(), false, &next),
            StatusCode::OK,
        ),
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
        &state.limits,
        &user_id,
        &field_value(&fields, "password"),
        &visitor.client_addr,
        old,
    )
    .await;
    match result {
        Ok(done) => {
            // Issue 13, item 1: back to where the person was going; AC-7 first if due.
            let next = checked_next(&field_value(&fields, "next"));
            let target = if done.password_change_due {
                "/me?password=due"
            } else if next.is_empty() {
                "/me"
            } else {
                next.as_str()
            };
            let mut r = Redirect::to(target).into_response();
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(&done.session, state.cookie_secure));
            Ok(usage::Event::signed_in(Some(Actor::User(done.user_ref))).on(r))
        }
        Err(
            e @ (AppError::Unauthorized { .. }
            | AppError::Forbidden { .. }
            | AppError::RateLimited
            | AppError::Busy { .. }),
        ) => {
            let message = lang.t(&format!("problem-{}", e.specific_code()));
            let csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
            let status = status_of(e.code());
            let next = field_value(&fields, "next");
            let locked = e.specific_code() == "account_locked";
            let page = retry_after(
                &e,
                render(&sign_in_page(lang, csrf, &user_id, message, locked, &next), status),
            );
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
