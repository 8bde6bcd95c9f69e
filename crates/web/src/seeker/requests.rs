//! Asking for a consultation where the office takes requests (rule BK-7, C6-2): up to three
//! preferred times from the office's open days and hours, and a topic, without JavaScript;
//! withdrawing an open request from My Page after a confirmation step.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, TimeZone, Utc};
use madoguchi_app::consultations::requests::{self, PREFERENCE_FIELDS};
use madoguchi_app::{AppError, offices};
use madoguchi_domain::clock::jst;
use madoguchi_domain::dates::{parse_date, parse_time};

use crate::AppState;
use crate::http::forms::{Notice, describe, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::SummaryLine;
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One preferred time as the form draws it: its number, the chosen day and time (kept on
/// an error), and its problems in words.
pub struct Preference {
    pub n: usize,
    pub day: String,
    pub time: String,
    pub errors: Vec<String>,
}

#[derive(Template)]
#[template(path = "seeker/request.html")]
struct RequestPage {
    page: Page,
    code: String,
    office: String,
    csrf: String,
    /// What is about the whole request (a rule that said no), or "".
    error: String,
    /// After a refusal: that, then each preference and the topic with its problem, linked.
    summary: Vec<SummaryLine>,
    /// (ISO date, label with weekday)
    days: Vec<(String, String)>,
    times: Vec<String>,
    preferences: Vec<Preference>,
    topic: String,
    topic_errors: Vec<String>,
}

async fn form(
    state: &AppState,
    lang: Lang,
    code: &str,
    csrf: String,
    fields: &Fields,
) -> Result<RequestPage, AppError> {
    let office = offices::get(&state.db, code).await?;
    let choices = requests::choices(&state.db, state.clock.as_ref(), office.code.as_str()).await?;
    Ok(RequestPage {
        page: Page::new(lang, &format!("/offices/{}/request", office.code), &[]),
        code: office.code.to_string(),
        office: lang.pick(&office.name_ja, &office.name_en).to_owned(),
        csrf,
        error: String::new(),
        summary: Vec::new(),
        days: choices.days.iter().map(|d| (d.to_string(), lang.date(*d))).collect(),
        times: choices.times.iter().map(|t| t.format("%H:%M").to_string()).collect(),
        preferences: (1..=3)
            .map(|n| Preference {
                n,
                day: field_value(fields, &format!("day{n}")),
                time: field_value(fields, &format!("time{n}")),
                errors: Vec::new(),
            })
            .collect(),
        topic: field_value(fields, "topic"),
        topic_errors: Vec::new(),
    })
}

/// `GET /offices/{code}/request`
pub async fn request_form(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let Some((_, csrf)) = visitor.signed_in() else {
        return Ok(crate::http::page::sign_in_first(&format!("/offices/{code}/request")));
    };
    let view = form(&state, lang, &code, csrf, &Fields::new())
        .await
        .map_err(|e| PageError(lang, e))?;
    Ok(render(&view, StatusCode::OK))
}

/// A chosen day and time as an instant; `Err` names what is wrong with a half-filled one.
fn preferred(p: &Preference) -> Result<Option<DateTime<Utc>>, &'static str> {
    match (p.day.trim(), p.time.trim()) {
        ("", "") => Ok(None),
        ("", _) | (_, "") => Err("incomplete_preference"),
        (d, t) => {
            let (Some(d), Some(t)) = (parse_date(d), parse_time(t)) else {
                return Err("invalid_date");
            };
            jst()
                .from_local_datetime(&d.and_time(t))
                .single()
                .map(|at| Some(at.with_timezone(&Utc)))
                .ok_or("invalid_date")
        }
    }
}

/// `POST /offices/{code}/request`: the request is sent, or the form again with every value
/// kept and each problem next to its preference.
pub async fn request_submit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(code): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let mut view = form(&state, lang, &code, csrf, &fields)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut times = Vec::new();
    for p in &mut view.preferences {
        match preferred(p) {
            Ok(Some(at)) => times.push(at),
            Ok(None) => {}
            Err(problem) => p.errors.push(lang.t(&format!("problem-{problem}"))),
        }
    }
    let result = if view.preferences.iter().any(|p| !p.errors.is_empty()) {
        Err(AppError::Fields(Vec::new()))
    } else {
        requests::request(&state.db, state.clock.as_ref(), user, &view.code, &times, &view.topic).await
    };
    match result {
        Ok(_) => {
            let mut v = Notice::new(lang, "/me", "request-sent-title", &["request-sent-body"]);
            v.links = vec![("/me#requests".into(), lang.t("me-title"))];
            Ok(render(&v, StatusCode::CREATED))
        }
        // AC-13: new terms in force: the interstitial page, then back to this form.
        Err(AppError::Forbidden {
            code: "terms_not_accepted",
            ..
        }) => Ok(Redirect::to(&format!("/terms/consultation?next=/offices/{}/request", view.code)).into_response()),
        Err(AppError::Fields(problems)) => {
            // The preferences given, in order: the use case names them 1, 2, 3 in that order.
            let given: Vec<usize> = view
                .preferences
                .iter()
                .filter(|p| !p.day.trim().is_empty())
                .map(|p| p.n - 1)
                .collect();
            for p in &problems {
                let words = describe(lang, p);
                match PREFERENCE_FIELDS.iter().position(|f| *f == p.field) {
                    Some(i) => {
                        let at = given.get(i).copied().unwrap_or(0);
                        view.preferences[at].errors.extend(words);
                    }
                    None if p.field == "topic" => view.topic_errors.extend(words),
                    None => view.error = lang.t("problem-one_to_three"),
                }
            }
            summarize(lang, &mut view);
            Ok(render(&view, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(e @ (AppError::Refused { .. } | AppError::Forbidden { .. })) => {
            view.error = lang.t(&format!("problem-{}", e.specific_code()));
            summarize(lang, &mut view);
            Ok(render(&view, crate::http::problem::status_of(e.code())))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// The lines above the refused form: the rule that said no, then each preference and the
/// topic by name with its problem, linking to the field.
fn summarize(lang: Lang, view: &mut RequestPage) {
    let mut lines: Vec<SummaryLine> = Vec::new();
    if !view.error.is_empty() {
        lines.push(SummaryLine {
            href: String::new(),
            text: view.error.clone(),
        });
    }
    for p in &view.preferences {
        for e in &p.errors {
            lines.push(SummaryLine {
                href: format!("day{}", p.n),
                text: format!("{} {}: {e}", lang.t("request-preference"), p.n),
            });
        }
    }
    for e in &view.topic_errors {
        lines.push(SummaryLine {
            href: "topic".into(),
            text: format!("{}: {e}", lang.t("field-topic")),
        });
    }
    if lines.is_empty() {
        lines.push(SummaryLine {
            href: String::new(),
            text: lang.t("problem-invalid_input"),
        });
    }
    view.summary = lines;
}

fn request_id(lang: Lang, id: &str) -> Result<i64, PageError> {
    id.parse()
        .map_err(|_| PageError(lang, AppError::NotFound { what: "request".into() }))
}

/// `GET /me/requests/{id}/withdraw`: asks first (a withdrawn request cannot be reopened).
pub async fn withdraw_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((user, csrf)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id = request_id(lang, &id)?;
    let mine = requests::mine(&state.db, user).await.map_err(|e| PageError(lang, e))?;
    let Some(r) = mine.into_iter().find(|r| r.id == id && r.state == "open") else {
        return Err(PageError(lang, AppError::NotFound { what: "request".into() }));
    };
    let path = format!("/me/requests/{id}/withdraw");
    let mut v = Notice::new(lang, &path, "request-withdraw-title", &["request-withdraw-body"]);
    v.paragraphs
        .insert(0, crate::seeker::my_page::preferences_label(lang, &r.preferences));
    v.form_action = path;
    v.csrf = csrf;
    v.button = lang.t("request-withdraw");
    v.links = vec![("/me#requests".into(), lang.t("request-keep"))];
    Ok(render(&v, StatusCode::OK))
}

/// `POST /me/requests/{id}/withdraw`
pub async fn withdraw(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let id = request_id(lang, &id)?;
    match requests::withdraw(&state.db, state.clock.as_ref(), user, id).await {
        Ok(()) => Ok(Redirect::to("/me#requests").into_response()),
        Err(e @ AppError::Refused { .. }) => {
            let mut v = Notice::new(lang, "/me", "request-withdraw-title", &[]);
            v.paragraphs = vec![lang.t(&format!("problem-{}", e.specific_code()))];
            v.links = vec![("/me#requests".into(), lang.t("me-title"))];
            Ok(render(&v, StatusCode::CONFLICT))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
