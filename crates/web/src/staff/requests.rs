//! The request queue (rule BK-7): staff schedule a request into a free slot, or decline it
//! with the reason the person is told (C6-3).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::DateTime;
use madoguchi_app::shared::StaffMember;
use madoguchi_app::{AppError, consultations::requests};

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/requests.html")]
struct RequestsPage {
    page: Page,
    csrf: String,
    message: String,
    /// (request id, who, preferences, topic)
    rows: Vec<(i64, String, String, String)>,
    free: Vec<(i64, String)>,
}

async fn me(state: &AppState, visitor: &Visitor, lang: Lang) -> Result<Option<(StaffMember, String)>, PageError> {
    visitor.staff_member(state).await.map_err(|e| PageError(lang, e))
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
) -> Result<Response, PageError> {
    let open = requests::open(&state.db, state.clock.as_ref(), me)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut rows = Vec::new();
    for r in open {
        let who = madoguchi_store::accounts::users::by_id(&state.db, r.user_ref)
            .await
            .map_err(|e| PageError(lang, e.into()))?
            .map(|u| format!("{}（{}）", u.name, u.user_id))
            .unwrap_or_default();
        let prefs = r
            .preferences
            .split(',')
            .filter_map(|p| DateTime::parse_from_rfc3339(p).ok())
            .map(|p| lang.date_time(p))
            .collect::<Vec<_>>()
            .join(" / ");
        rows.push((r.id, who, prefs, r.topic));
    }
    let free = crate::staff::day::next_free_slots(state, lang, me.office.as_deref().unwrap_or_default())
        .await
        .map_err(|e| PageError(lang, e))?;
    let view = RequestsPage {
        page: Page::new(lang, "/staff/requests", &[]),
        csrf,
        message,
        rows,
        free,
    };
    Ok(render(&view, StatusCode::OK))
}

/// `GET /staff/requests`
pub async fn list(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    page(&state, lang, &me, csrf, String::new()).await
}

/// `POST /staff/requests/{id}/{schedule|decline}`
pub async fn decide(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((id, action)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let id: i64 = id.parse().unwrap_or(-1);
    let result = match action.as_str() {
        "schedule" => {
            let slot: i64 = field_value(&fields, "slot_id").parse().unwrap_or(-1);
            requests::schedule(&state.db, state.clock.as_ref(), &me, id, slot)
                .await
                .map(|_| ())
        }
        "decline" => {
            let reason = field_value(&fields, "reason");
            requests::decline(&state.db, state.clock.as_ref(), &me, id, &reason).await
        }
        _ => Err(AppError::NotFound { what: "action".into() }),
    };
    let message = match result {
        Ok(()) => lang.t("day-saved"),
        Err(e @ AppError::Refused { .. }) => lang.t(&format!("refused-{}", e.specific_code())),
        // C6-3: the person is told why, so a decline needs a reason in N10 characters.
        Err(AppError::InvalidInput { .. } | AppError::Fields(_)) => lang.t("requests-decline-reason-needed"),
        Err(e) => return Err(PageError(lang, e)),
    };
    page(&state, lang, &me, csrf, message).await
}
