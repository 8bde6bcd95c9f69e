//! A signed-in job seeker chooses a language (rule NO-5, issue 16): the switch on every
//! page posts here, so the account's setting, which pages and mail follow, is what was
//! chosen. Visitors who are not signed in switch by `?lang=` and the cookie instead.

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::accounts::language;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{PageError, sign_in_first};
use crate::http::visitor::Visitor;
use crate::i18n::{COOKIE, Lang};

type Fields = std::collections::HashMap<String, String>;

/// `POST /me/language`: sets the account's language to `lang`, then back to `next`.
pub async fn choose(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let chosen = Lang::parse(&field_value(&fields, "lang")).unwrap_or(lang);
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(chosen, e))?;
    let next = madoguchi_domain::next_path::parse(&field_value(&fields, "next")).unwrap_or_else(|| "/me".to_owned());
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(sign_in_first(&next));
    };
    let set = language::choose(&state.db, user, &field_value(&fields, "lang"))
        .await
        .map_err(|e| PageError(chosen, e))?;
    let mut response = Redirect::to(&next).into_response();
    // After signing out, pages stay in the language chosen.
    let cookie = format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", set.code());
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}
