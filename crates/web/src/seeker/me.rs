//! My Page forms: change the password (AC-7) and delete the registration (AC-9).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::{AppError, accounts::account};

use crate::AppState;
use crate::http::cookies::{clear_cookie, set_cookie};
use crate::http::forms::{FormField, Notice, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "seeker/me_form.html")]
struct MeForm {
    page: Page,
    heading: String,
    intro: Vec<String>,
    summary: Vec<SummaryLine>,
    action: &'static str,
    csrf: String,
    fields: Vec<FormField>,
    button: String,
}

fn field(lang: Lang, name: &'static str, autocomplete: &'static str, refusal: &Refusal) -> FormField {
    refusal.on(FormField::new(lang, name, "")
        .kind("password")
        .autocomplete(autocomplete))
}

/// The form with each problem next to its password field and named above the form.
fn me_form(lang: Lang, csrf: String, action: &'static str, fields: Vec<FormField>, refusal: &Refusal) -> MeForm {
    MeForm {
        page: Page::new(lang, action, &[]),
        heading: String::new(),
        intro: Vec::new(),
        summary: refusal.summary(&fields.iter().collect::<Vec<_>>()),
        action,
        csrf,
        fields,
        button: String::new(),
    }
}

fn password_form(lang: Lang, csrf: String, refusal: &Refusal) -> MeForm {
    let fields = vec![
        field(lang, "current_password", "current-password", refusal),
        field(lang, "new_password", "new-password", refusal),
    ];
    MeForm {
        heading: lang.t("password-change-title"),
        button: lang.t("password-change-submit"),
        ..me_form(lang, csrf, "/me/password", fields, refusal)
    }
}

fn delete_form(lang: Lang, csrf: String, refusal: &Refusal) -> MeForm {
    let fields = vec![field(lang, "current_password", "current-password", refusal)];
    MeForm {
        heading: lang.t("delete-title"),
        intro: vec![lang.t("delete-body"), lang.t("delete-kept")],
        button: lang.t("delete-submit"),
        ..me_form(lang, csrf, "/me/delete", fields, refusal)
    }
}

/// A refusal of a password form; a wrong current password is that field's problem.
fn refused(lang: Lang, e: AppError) -> Result<Refusal, PageError> {
    Ok(Refusal::or_page(lang, e)?.pin("invalid_credentials", "current_password"))
}

/// `GET /me/password`
pub async fn password_page(visitor: Visitor, lang: Lang) -> Response {
    match visitor.signed_in() {
        Some((_, csrf)) => render(&password_form(lang, csrf, &Refusal::none(lang)), StatusCode::OK),
        None => crate::http::page::sign_in_first("/me/password"),
    }
}

/// `POST /me/password`: a new session ID, every other session ended.
pub async fn password_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let current = field_value(&fields, "current_password");
    let new = field_value(&fields, "new_password");
    match account::change_password(&state.db, state.clock.as_ref(), &state.limits, user, &current, &new).await {
        Ok(session) => {
            let mut r = render(
                &Notice::new(lang, "/me/password", "password-changed-title", &[]),
                StatusCode::OK,
            );
            r.headers_mut()
                .append(header::SET_COOKIE, set_cookie(&session, state.cookie_secure));
            Ok(r)
        }
        Err(e) => {
            let refusal = refused(lang, e)?;
            Ok(refusal.render(&password_form(lang, csrf, &refusal)))
        }
    }
}

/// `GET /me/delete`
pub async fn delete_page(visitor: Visitor, lang: Lang) -> Response {
    match visitor.signed_in() {
        Some((_, csrf)) => render(&delete_form(lang, csrf, &Refusal::none(lang)), StatusCode::OK),
        None => crate::http::page::sign_in_first("/me/delete"),
    }
}

/// `POST /me/delete`: erases the registration after the password is confirmed.
pub async fn delete_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    match account::delete(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        user,
        &field_value(&fields, "current_password"),
    )
    .await
    {
        Ok(()) => {
            let mut r = render(
                &Notice::new(lang, "/me/delete", "deleted-title", &["deleted-body"]),
                StatusCode::OK,
            );
            r.headers_mut().append(header::SET_COOKIE, clear_cookie());
            Ok(r)
        }
        Err(e) => {
            let refusal = refused(lang, e)?;
            Ok(refusal.render(&delete_form(lang, csrf, &refusal)))
        }
    }
}
