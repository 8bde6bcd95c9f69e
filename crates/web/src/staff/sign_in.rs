//! Staff sign-in and sign-out: password and a one-time TOTP code, a new session ID, and the
//! usage record's sign-in events (PV-1).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::{AppError, accounts::session, console::staff};
use madoguchi_domain::usage::Actor;

use crate::AppState;
use crate::http::cookies::{clear_cookie, set_cookie};
use crate::http::forms::{FormField, field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::usage;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/sign_in.html")]
struct SignInPage {
    page: Page,
    csrf: String,
    error: String,
    user_id: FormField,
    password: FormField,
    code: FormField,
}

fn sign_in_page(lang: Lang, csrf: String, user_id: &str, error: String) -> SignInPage {
    let plain = |name, value: &str| {
        let mut f = FormField::new(lang, name, value);
        f.hint.clear();
        f
    };
    let mut code = FormField::new(lang, "totp_code", "");
    code.hint = lang.t("hint-totp_code");
    SignInPage {
        page: Page::new(lang, "/staff/sign-in", &[]),
        csrf,
        error,
        user_id: plain("user_id", user_id),
        password: plain("password", ""),
        code,
    }
}

/// `GET /staff/sign-in`
pub async fn sign_in_form(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    Ok(with_cookie(
        render(&sign_in_page(lang, s.csrf, "", String::new()), StatusCode::OK),
        cookie,
    ))
}

/// `POST /staff/sign-in`: password and a one-time code; a new session ID.
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
    let result = staff::sign_in(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        &user_id,
        &field_value(&fields, "password"),
        &field_value(&fields, "totp_code"),
        &visitor.client_addr,
        old,
    )
    .await;
    match result {
        Ok(s) => {
            let mut r = Redirect::to("/staff").into_response();
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(&s, state.cookie_secure));
            Ok(usage::Event::signed_in(s.staff_ref.map(Actor::Staff)).on(r))
        }
        Err(
            e @ (AppError::Unauthorized { .. }
            | AppError::Forbidden { .. }
            | AppError::RateLimited
            | AppError::Busy { .. }),
        ) => {
            let csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
            let message = lang.t(&format!("problem-{}", e.specific_code()));
            let page = render(
                &sign_in_page(lang, csrf, &user_id, message),
                crate::http::problem::status_of(e.code()),
            );
            let page = crate::http::problem::retry_after(&e, page);
            Ok(usage::failed_sign_in(e.specific_code()).on(page))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// `POST /staff/sign-out`
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
    let mut r = Redirect::to("/staff/sign-in").into_response();
    r.headers_mut().append(header::SET_COOKIE, clear_cookie());
    Ok(usage::Event::SIGNED_OUT.on(r))
}
