//! What every staff form handler starts and ends with: the signed-in staff member (or the
//! sign-in page), the CSRF check for a post, and a refusal turned into a message on the page.

use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
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

/// A done action's message, or a refusal's in words on the same page; anything else is an
/// error page.
pub fn outcome(lang: Lang, r: Result<String, AppError>) -> Result<String, PageError> {
    match r {
        Ok(m) => Ok(m),
        Err(e @ (AppError::InvalidInput { .. } | AppError::Refused { .. } | AppError::InvalidCharacters { .. })) => {
            Ok(lang.t(&format!("problem-{}", e.specific_code())))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
