//! Moving a consultation to another time from My Page (rule BK-17): pick a free time at the
//! same office, confirm, and the reservation page says it moved. Without JavaScript: the
//! choice is a link, the confirmation a form with the CSRF token.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::consultations::reschedule;
use madoguchi_app::{AppError, offices};
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::reservations::SlotRow;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::problem::status_of;
use crate::http::refusal::message;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::seeker::reservation::confirmation::{self as reservation, Done, reservation_id};

type Fields = std::collections::HashMap<String, String>;

/// A free time as listed: (slot id, time, app).
type Choice = (i64, String, String);

#[derive(Template)]
#[template(path = "seeker/reservation/change.html")]
struct ChangePage {
    page: Page,
    id: i64,
    current: String,
    office: String,
    error: String,
    days: Vec<(String, Vec<Choice>)>,
}

#[derive(Template)]
#[template(path = "seeker/reservation/confirm.html")]
struct ConfirmPage {
    page: Page,
    csrf: String,
    id: i64,
    slot_id: i64,
    current: String,
    new_time: String,
    office: String,
    app: String,
}

#[derive(serde::Deserialize)]
pub struct ChangeQuery {
    slot: Option<String>,
}

fn by_day(lang: Lang, slots: Vec<SlotRow>) -> Vec<(String, Vec<Choice>)> {
    let mut days: Vec<(String, Vec<Choice>)> = Vec::new();
    for s in slots {
        let local = s.starts_at.with_timezone(&jst());
        let label = lang.date(local.date_naive());
        let item = (
            s.id,
            local.format("%H:%M").to_string(),
            lang.t(&format!("app-{}", s.app)),
        );
        match days.last_mut() {
            Some((l, items)) if *l == label => items.push(item),
            _ => days.push((label, vec![item])),
        }
    }
    days
}

/// The list of free times, with `error` above it (a refused move) and its status.
async fn choices(
    state: &AppState,
    lang: Lang,
    user: i64,
    id: i64,
    error: String,
    status: StatusCode,
) -> Result<Response, PageError> {
    let fail = |e: AppError| PageError(lang, e);
    let (r, free) = reschedule::choices(&state.db, state.clock.as_ref(), user, id)
        .await
        .map_err(fail)?;
    let office = offices::get(&state.db, &r.office_code).await.map_err(fail)?;
    let view = ChangePage {
        page: Page::new(lang, &format!("/me/reservations/{id}/change"), &[]),
        id,
        current: lang.date_time(r.starts_at),
        office: lang.pick(&office.name_ja, &office.name_en).to_owned(),
        error,
        days: by_day(lang, free),
    };
    Ok(render(&view, status))
}

/// `GET /me/reservations/{id}/change[?slot=N]`: the free times, or the chosen one to confirm.
pub async fn change_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Query(q): Query<ChangeQuery>,
) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id = reservation_id(lang, &id)?;
    let Some(slot_id) = q.slot.as_deref().and_then(|s| s.parse::<i64>().ok()) else {
        return choices(&state, lang, user, id, String::new(), StatusCode::OK).await;
    };
    let fail = |e: AppError| PageError(lang, e);
    let (r, free) = reschedule::choices(&state.db, state.clock.as_ref(), user, id)
        .await
        .map_err(fail)?;
    // Only a time on the list can be confirmed; one taken meanwhile is said so.
    let Some(slot) = free.into_iter().find(|s| s.id == slot_id) else {
        let error = message(lang, "slot_full");
        return choices(&state, lang, user, id, error, StatusCode::CONFLICT).await;
    };
    let office = offices::get(&state.db, &r.office_code).await.map_err(fail)?;
    let view = ConfirmPage {
        page: Page::new(
            lang,
            &format!("/me/reservations/{id}/change"),
            &[("slot", slot_id.to_string())],
        ),
        csrf,
        id,
        slot_id,
        current: lang.date_time(r.starts_at),
        new_time: lang.date_time(slot.starts_at),
        office: lang.pick(&office.name_ja, &office.name_en).to_owned(),
        app: lang.t(&format!("app-{}", slot.app)),
    };
    Ok(render(&view, StatusCode::OK))
}

/// `POST /me/reservations/{id}/change`: moved (the reservation page says so), or the list
/// again with the reason in words.
pub async fn change_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id = reservation_id(lang, &id)?;
    let Ok(slot_id) = field_value(&fields, "slot_id").parse::<i64>() else {
        let error = message(lang, "invalid_choice");
        return choices(&state, lang, user, id, error, StatusCode::BAD_REQUEST).await;
    };
    let moved = reschedule::reschedule(&state.db, state.clock.as_ref(), Some(&state.site), user, id, slot_id).await;
    match moved {
        Ok(_) => reservation::page(&state, lang, user, csrf, id, Done::Moved, StatusCode::OK).await,
        // AC-13: new terms in force: the interstitial page, then back to the choice.
        Err(AppError::Forbidden {
            code: "terms_not_accepted",
            ..
        }) => Ok(Redirect::to(&format!("/terms/consultation?next=/me/reservations/{id}/change")).into_response()),
        // The reservation itself can no longer move (cancelled, past its cut-off): its page.
        Err(
            e @ AppError::Refused {
                code: "already_cancelled",
                ..
            },
        ) => Err(PageError(lang, e)),
        Err(e @ (AppError::Refused { .. } | AppError::Forbidden { .. } | AppError::NotFound { .. })) => {
            let status = status_of(e.code());
            let error = match &e {
                AppError::Forbidden {
                    code: "not_eligible",
                    message: blocker,
                } => format!(
                    "{} {}",
                    message(lang, "not_eligible"),
                    lang.t(&format!("blocker-{blocker}"))
                ),
                e => message(lang, e.specific_code()),
            };
            match choices(&state, lang, user, id, error, status).await {
                Ok(page) => Ok(page),
                // Past the reservation's own cut-off there is no list to show again.
                Err(_) => Err(PageError(lang, e)),
            }
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
