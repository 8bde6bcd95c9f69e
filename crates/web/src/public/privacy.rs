//! The privacy notice (PV-1…PV-6) in Japanese and English. The retention period shown is
//! the one this server runs with, so the page says what the code does.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::AppState;
use crate::http::page::{Page, render};
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "public/privacy.html")]
struct PrivacyPage {
    page: Page,
    retention: String,
    recording: bool,
}

/// `GET /privacy`
pub async fn show(State(state): State<AppState>, lang: Lang) -> Response {
    let view = PrivacyPage {
        page: Page::new(lang, "/privacy", &[]),
        retention: lang.t_args("privacy-retention", &[("days", state.usage.retention_days.to_string())]),
        recording: state.usage.is_on(),
    };
    render(&view, StatusCode::OK)
}
