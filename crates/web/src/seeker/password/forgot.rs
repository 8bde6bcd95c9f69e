//! "Forgot your password?" (rule AC-8): the user ID in, the same page out whether or not it
//! exists; the mailed link opens the reset form at `/reset` (`seeker::password::lock`), which ends
//! every session of the account. The token travels only in that single-use link: the usage
//! record and the metrics name the route, never the URL with its query (PV-1).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use madoguchi_app::{AppError, accounts::forgot};

use crate::AppState;
use crate::http::forms::{FormField, Notice, field_value, with_cookie};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "seeker/password/forgot.html")]
struct ForgotPage {
    page: Page,
    csrf: String,
    summary: Vec<SummaryLine>,
    user_id: FormField,
}

fn forgot_page(lang: Lang, csrf: String, typed: &str, refusal: &Refusal) -> ForgotPage {
    let mut field = FormField::new(lang, "user_id", typed).autocomplete("username");
    field.hint.clear();
    let user_id = refusal.on(field);
    ForgotPage {
        page: Page::new(lang, "/password-reset", &[]),
        csrf,
        summary: refusal.summary(&[&user_id]),
        user_id,
    }
}

/// `GET /password-reset`
pub async fn forgot_form(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let (s, cookie) = visitor.ensure(&state).await.map_err(|e| PageError(lang, e))?;
    let view = forgot_page(lang, s.csrf, "", &Refusal::none(lang));
    Ok(with_cookie(render(&view, StatusCode::OK), cookie))
}

/// `POST /password-reset`: "if the ID is registered, we sent mail", whoever asks.
pub async fn forgot_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let typed = field_value(&fields, "user_id");
    let asked = forgot::request_reset(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        typed.trim(),
        &visitor.client_addr,
    )
    .await;
    match asked {
        Ok(()) => {
            let mut v = Notice::new(
                lang,
                "/password-reset",
                "forgot-sent-title",
                &["forgot-sent-body", "forgot-sent-spam"],
            );
            v.links = vec![("/sign-in".into(), lang.t("sign-in-title"))];
            Ok(render(&v, StatusCode::OK))
        }
        // An empty ID, or too many requests: the form again, with what was typed.
        Err(e @ (AppError::InvalidInput { .. } | AppError::RateLimited)) => {
            let csrf = visitor.session.as_ref().map(|s| s.csrf.clone()).unwrap_or_default();
            let refusal = Refusal::or_page(lang, e)?;
            Ok(refusal.render(&forgot_page(lang, csrf, &typed, &refusal)))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
