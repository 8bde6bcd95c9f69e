//! Locking an account at once (from My Page or an email link) and the reset that lifts
//! the lock (rule AC-8).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::{AppError, accounts::lock};

use crate::AppState;
use crate::http::cookies::clear_cookie;
use crate::http::forms::{FormField, Notice, TokenQuery, confirm_link, field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// `GET /lock?token=…`
pub async fn lock_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    let texts = ("lock-title", "lock-body", "lock-submit");
    confirm_link(&state, &visitor, lang, "/lock", q.token.unwrap_or_default(), texts).await
}

fn link_problem(lang: Lang, e: AppError) -> Result<Response, PageError> {
    match e {
        AppError::InvalidInput { .. } => {
            let v = Notice::new(lang, "/lock", "link-invalid-title", &["link-invalid-body"]);
            Ok(render(&v, StatusCode::BAD_REQUEST))
        }
        e => Err(PageError(lang, e)),
    }
}

/// `POST /lock`: locks the account named by the emailed link and ends its sessions.
pub async fn lock_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    match lock::lock_by_link(&state.db, state.clock.as_ref(), &field_value(&fields, "token")).await {
        Ok(()) => Ok(render(
            &Notice::new(lang, "/lock", "locked-title", &["locked-body"]),
            StatusCode::OK,
        )),
        Err(e) => link_problem(lang, e),
    }
}

/// `GET /me/lock`: what locking does, and one button (issue 13, item 6: a lock is never
/// one click away from My Page, and never beside sign-out).
pub async fn lock_page(visitor: Visitor, lang: Lang) -> Response {
    let Some((_, csrf)) = visitor.signed_in() else {
        return crate::http::page::sign_in_first("/me/lock");
    };
    let mut v = Notice::new(lang, "/me/lock", "lock-confirm-title", &["lock-body"]);
    v.form_action = "/me/lock".into();
    v.csrf = csrf;
    v.button = lang.t("lock-my-account");
    v.button_class = "danger";
    v.links = vec![("/me".into(), lang.t("lock-keep"))];
    render(&v, StatusCode::OK)
}

/// `POST /me/lock`: the signed-in user locks their own account; they are signed out.
pub async fn lock_own(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some(user) = visitor.user_ref() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    lock::lock_own(&state.db, state.clock.as_ref(), user)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut r = render(
        &Notice::new(lang, "/me", "locked-title", &["locked-body"]),
        StatusCode::OK,
    );
    r.headers_mut().append(header::SET_COOKIE, clear_cookie());
    Ok(r)
}

#[derive(Template)]
#[template(path = "seeker/reset.html")]
struct ResetPage {
    page: Page,
    csrf: String,
    token: String,
    summary: Vec<SummaryLine>,
    password: FormField,
}

fn reset_page(lang: Lang, csrf: String, token: String, refusal: &Refusal) -> ResetPage {
    let password = FormField::new(lang, "password", "").kind("password");
    let password = refusal.on(password.autocomplete("new-password"));
    ResetPage {
        // The language switch keeps the link's token, or the form would lose it.
        page: Page::new(lang, "/reset", &[("token", token.clone())]),
        csrf,
        token,
        summary: refusal.summary(&[&password]),
        password,
    }
}

/// `GET /reset?token=…`
pub async fn reset_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let view = reset_page(lang, s.csrf, q.token.unwrap_or_default(), &Refusal::none(lang));
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

/// `POST /reset`: a new password, the lock lifted, every session ended.
pub async fn reset_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let token = field_value(&fields, "token");
    match lock::reset_password(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        &token,
        &field_value(&fields, "password"),
    )
    .await
    {
        Ok(()) => {
            let mut v = Notice::new(lang, "/reset", "reset-done-title", &["reset-done-body"]);
            v.links = vec![("/sign-in".into(), lang.t("sign-in-title"))];
            Ok(render(&v, StatusCode::OK))
        }
        // A weak password, or the server too busy to hash it: the form again, the link kept.
        Err(e @ (AppError::Fields(_) | AppError::Busy { .. })) => {
            let csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
            let refusal = Refusal::or_page(lang, e)?;
            Ok(refusal.render(&reset_page(lang, csrf, token, &refusal)))
        }
        Err(e) => link_problem(lang, e),
    }
}
