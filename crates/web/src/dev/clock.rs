//! The test clock: under `serve --demo --test-clock` this page moves the server's clock
//! forward, so a browser test (or a demonstration) can reach a consultation's start and its
//! no-show without waiting. Moving the clock runs the no-show sweep at once, as the job
//! would within a minute. The route exists only with the flag.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use crate::AppState;
use crate::http::forms::{field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "dev/clock.html")]
struct ClockPage {
    page: Page,
    csrf: String,
    now: String,
    offset_seconds: i64,
    message: String,
}

async fn page(state: &AppState, visitor: &Visitor, lang: Lang, message: String) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(state).await.map_err(|e| PageError(lang, e))?;
    let offset = state.test_clock.as_ref().map_or(0, |c| c.offset().num_seconds());
    let view = ClockPage {
        page: Page::new(lang, "/dev/clock", &[]),
        csrf: s.csrf,
        now: lang.date_time(state.clock.now()),
        offset_seconds: offset,
        message,
    };
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

/// `GET /dev/clock`
pub async fn show(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    page(&state, &visitor, lang, String::new()).await
}

/// `POST /dev/clock`: moves the clock forward by `minutes`, then sweeps no-shows.
pub async fn advance(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<std::collections::HashMap<String, String>>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let minutes: i64 = field_value(&fields, "minutes").trim().parse().unwrap_or(0);
    let message = match (&state.test_clock, minutes) {
        (Some(clock), 1..=525_600) => {
            clock.advance(chrono::Duration::minutes(minutes));
            let swept = madoguchi_app::consultations::no_show::sweep(&state.db, state.clock.as_ref())
                .await
                .map_err(|e| PageError(lang, e))?;
            lang.t_args("dev-clock-advanced", &[("count", swept.to_string())])
        }
        _ => lang.t("dev-clock-invalid"),
    };
    page(&state, &visitor, lang, message).await
}
