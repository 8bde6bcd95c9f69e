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
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "seeker/me_eligibility.html")]
struct EligibilityPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    job_seeker: Vec<FormField>,
    residence: Vec<FormField>,
}

/// Both forms: what is recorded, or what was typed when one came back refused.
async fn view(
    state: &AppState,
    lang: Lang,
    user: i64,
    csrf: String,
    filled: &Filled<'_>,
) -> Result<EligibilityPage, AppError> {
    let row = store::get(&state.db, user).await?.ok_or(AppError::Unauthorized {
        code: "not_signed_in",
        message: "please sign in",
    })?;
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let nationalities = Nationality::ALL
        .into_iter()
        .map(|n| (n.code(), lang.t(&format!("nationality-{}", n.code()))));
    let statuses = std::iter::once(("", "—".to_owned())).chain(
        STATUSES
            .iter()
            .map(|s| (s.code, lang.t_or_code("residence-status", s.code))),
    );
    let job_seeker: Vec<FormField> = [
        FormField::new(lang, "job_seeker_number", &row.job_seeker_number.unwrap_or_default()),
        FormField::new(lang, "job_seeker_expires", &date(row.job_seeker_expires)).kind("date"),
    ]
    .into_iter()
    .map(|f| filled.draw("job-seeker", f))
    .collect();
    let residence: Vec<FormField> = [
        FormField::new(lang, "nationality", &row.nationality).choices(nationalities),
        FormField::new(
            lang,
            "residence_status",
            row.residence_status.as_deref().unwrap_or_default(),
        )
        .choices(statuses)
        .optional(),
        FormField::new(lang, "stay_until", &date(row.stay_until))
            .kind("date")
            .optional(),
    ]
    .into_iter()
    .map(|f| filled.draw("residence", f))
    .collect();
    Ok(EligibilityPage {
        page: Page::new(lang, "/me/eligibility", &[]),
        csrf,
        message: String::new(),
        summary: filled.summary(&job_seeker.iter().chain(&residence).collect::<Vec<_>>()),
        job_seeker,
        residence,
    })
}

/// `GET /me/eligibility`
pub async fn page(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(crate::http::page::sign_in_first("/me/eligibility"));
    };
    let v = view(&state, lang, user, csrf, &Filled::fresh(lang))
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(render(&v, StatusCode::OK))
}

fn date(fields: &Fields, name: &str) -> Option<NaiveDate> {
    madoguchi_domain::dates::parse_date(field_value(fields, name).trim())
        .ok_or(())
        .ok()
}

/// The page again after a save: saved, or form `key` as typed with each field's problem.
async fn outcome(
    state: &AppState,
    lang: Lang,
    user: i64,
    csrf: String,
    result: Result<(), AppError>,
    key: &str,
    fields: &Fields,
) -> Result<Response, PageError> {
    let filled = match result {
        Ok(()) => Filled::fresh(lang),
        Err(e) => Filled::refused(key, fields, Refusal::or_page(lang, e)?),
    };
    let mut v = view(state, lang, user, csrf, &filled)
        .await
        .map_err(|e| PageError(lang, e))?;
    if filled.refusal.is_empty() {
        v.message = lang.t("saved");
    }
    Ok(filled.refusal.render(&v))
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
    outcome(&state, lang, user, csrf, result, "job-seeker", &fields).await
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
    outcome(&state, lang, user, csrf, result, "residence", &fields).await
}
