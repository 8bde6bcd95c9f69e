//! The job seeker's own office, kept on My Page (issue 13, item 1): chosen from the office
//! finder or an office's page; My Page and the top page then lead straight to its week.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::offices::areas;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{PageError, sign_in_first};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// `POST /me/office`: keeps `office` as the person's office, then back to `next`.
pub async fn keep(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let next = madoguchi_domain::next_path::parse(&field_value(&fields, "next")).unwrap_or_else(|| "/me".to_owned());
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(sign_in_first(&next));
    };
    let office = field_value(&fields, "office");
    areas::choose_home_office(&state.db, user, Some(office.trim()))
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(Redirect::to(&next).into_response())
}
