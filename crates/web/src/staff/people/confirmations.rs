//! Job-seeker numbers waiting for confirmation (AC-11, C2-1): the office's list, each person
//! on it audited as viewed (PV-4), with a look-up link and a button to confirm.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::console::confirmations;

use crate::AppState;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

/// One person waiting: (user ID, name, number, expiry).
type Row = (String, String, String, String);

#[derive(Template)]
#[template(path = "staff/people/confirmations.html")]
struct ConfirmationsPage {
    page: Page,
    csrf: String,
    rows: Vec<Row>,
    /// The list stops at `confirmations::LIST_LIMIT`.
    full: bool,
}

/// `GET /staff/confirmations`
pub async fn list(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let pending = confirmations::pending(&state.db, state.clock.as_ref(), &me)
        .await
        .map_err(|e| PageError(lang, e))?;
    let full = i64::try_from(pending.len()).unwrap_or(i64::MAX) >= confirmations::LIST_LIMIT;
    let rows = pending
        .into_iter()
        .map(|p| {
            let expires = p.job_seeker_expires.map(|d| lang.date(d)).unwrap_or_default();
            (p.user_id, p.name, p.job_seeker_number, expires)
        })
        .collect();
    let view = ConfirmationsPage {
        page: Page::new(lang, "/staff/confirmations", &[]),
        csrf,
        rows,
        full,
    };
    Ok(render(&view, StatusCode::OK))
}
