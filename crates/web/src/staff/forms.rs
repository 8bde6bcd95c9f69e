//! What every staff form handler starts with: the signed-in staff member (or the sign-in
//! page) and the CSRF check for a post. Refusals in words are `http::refusal`'s.

use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::PageError;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// The staff member and their CSRF token, or `None` when nobody is signed in as staff.
pub async fn me(state: &AppState, visitor: &Visitor, lang: Lang) -> Result<Option<(StaffMember, String)>, PageError> {
    visitor.staff_member(state).await.map_err(|e| PageError(lang, e))
}

/// For a post: the CSRF check, then the staff member, or the sign-in page to answer with.
pub async fn acting(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    fields: &Fields,
) -> Result<Result<(StaffMember, String), Response>, PageError> {
    visitor
        .check_csrf(&field_value(fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    Ok(me(state, visitor, lang)
        .await?
        .ok_or_else(|| Redirect::to("/staff/sign-in").into_response()))
}
