//! My Page: the job-seeker number (AC-11) and residence status (AC-12) that booking needs.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use madoguchi_app::{AppError, eligibility};
use madoguchi_domain::residence::{Nationality, STATUSES};
use madoguchi_store::eligibility as store;

use crate::AppState;
use crate::http::forms::{describe, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "seeker/me_eligibility.html")]
struct EligibilityPage {
    page: Page,
    csrf: String,
    message: String,
    errors: Vec<String>,
    number: String,
    expires: String,
    nationalities: Vec<(&'static str, String, bool)>,
    statuses: Vec<(&'static str, String, bool)>,
    stay_until: String,
}

async fn view(state: &AppState, lang: Lang, user: i64, csrf: String) -> Result<EligibilityPage, AppError> {
    let row = store::get(&state.db, user).await?.ok_or(AppError::Unauthorized {
        code: "not_signed_in",
        message: "please sign in",
    })?;
    let nationalities = Nationality::ALL
        .into_iter()
        .map(|n| {
            (
                n.code(),
                lang.t(&format!("nationality-{}", n.code())),
                n.code() == row.nationality,
            )
        })
        .collect();
    let statuses = STATUSES
        .iter()
        .map(|s| {
            let label = if lang == Lang::En { s.en } else { s.ja };
            (
                s.code,
                label.to_owned(),
                row.residence_status.as_deref() == Some(s.code),
            )
        })
        .collect();
    Ok(EligibilityPage {
        page: Page::new(lang, "/me/eligibility", &[]),
        csrf,
        message: String::new(),
        errors: Vec::new(),
        number: row.job_seeker_number.unwrap_or_default(),
        expires: row.job_seeker_expires.map(|d| d.to_string()).unwrap_or_default(),
        nationalities,
        statuses,
        stay_until: row.stay_until.map(|d| d.to_string()).unwrap_or_default(),
    })
}

/// `GET /me/eligibility`
pub async fn page(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let v = view(&state, lang, user, csrf).await.map_err(|e| PageError(lang, e))?;
    Ok(render(&v, StatusCode::OK))
}

fn date(fields: &Fields, name: &str) -> Option<NaiveDate> {
    madoguchi_domain::dates::parse_date(field_value(fields, name).trim())
        .ok_or(())
        .ok()
}

/// The page again, with the outcome of a save.
async fn outcome(
    state: &AppState,
    lang: Lang,
    user: i64,
    csrf: String,
    result: Result<(), AppError>,
) -> Result<Response, PageError> {
    let mut v = view(state, lang, user, csrf).await.map_err(|e| PageError(lang, e))?;
    match result {
        Ok(()) => {
            v.message = lang.t("saved");
            Ok(render(&v, StatusCode::OK))
        }
        Err(AppError::Fields(problems)) => {
            v.errors = problems
                .iter()
                .flat_map(|p| {
                    describe(lang, p)
                        .into_iter()
                        .map(move |m| format!("{}: {m}", lang.t(&format!("field-{}", p.field))))
                })
                .collect();
            Ok(render(&v, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// `POST /me/job-seeker`
pub async fn save_job_seeker(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let number = field_value(&fields, "job_seeker_number");
    let result = eligibility::record_job_seeker(
        &state.db,
        state.clock.as_ref(),
        user,
        &number,
        date(&fields, "job_seeker_expires"),
    )
    .await;
    outcome(&state, lang, user, csrf, result).await
}

/// `POST /me/residence`
pub async fn save_residence(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let status = field_value(&fields, "residence_status");
    let result = eligibility::record_residence(
        &state.db,
        state.clock.as_ref(),
        user,
        &field_value(&fields, "nationality"),
        Some(status.as_str()),
        date(&fields, "stay_until"),
    )
    .await;
    outcome(&state, lang, user, csrf, result).await
}
