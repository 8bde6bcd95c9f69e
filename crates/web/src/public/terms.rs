//! Terms of use per service (rules AC-13, NT-3): the version in force and the earlier ones,
//! the acceptance a booking or registration waits for (an interstitial page), and the API.

use askama::Template;
use axum::Form;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, FixedOffset};
use std::collections::BTreeMap;

use madoguchi_app::notices::terms;
use madoguchi_app::translations::{ORIGINAL, Of};
use madoguchi_domain::clock::jst;
use serde::Serialize;
use utoipa::ToSchema;

use crate::AppState;
use crate::http::forms::{field_value, with_cookie};
use crate::http::page::{Page, PageError};
use crate::http::problem::ApiError;
use crate::http::refusal::{Refusal, SummaryLine};
use crate::http::translated::{self, Text, TranslationJson};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "public/terms.html")]
struct TermsPage {
    page: Page,
    service: String,
    title: String,
    /// (version, effective from, body in the reader's language or the Japanese marked, in
    /// force, the binding Japanese when the body is a translation, else empty)
    versions: Vec<(String, String, Text, bool, String)>,
    /// The version in force the signed-in user still has to accept.
    to_accept: Option<String>,
    csrf: String,
    next: String,
    /// Why an acceptance was refused (a newer version came into force meanwhile).
    summary: Vec<SummaryLine>,
}

/// Only paths on this site may follow an acceptance (issue 11, item 4): parsed, not
/// pattern-matched, since browsers read `/\t/evil.example/` as `//evil.example/`; anything
/// else goes to My Page. The answer is visible ASCII, so it is always a valid `Location`.
fn safe_next(next: &str) -> String {
    madoguchi_domain::next_path::parse(next).unwrap_or_else(|| "/me".to_owned())
}

/// `GET /terms/{service}?next=`
pub async fn show(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(service): Path<String>,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let next = field_value(&q, "next");
    terms_page(&state, &visitor, lang, service, &next, &Refusal::none(lang)).await
}

/// The terms, and the acceptance the signed-in user still owes, with `next` kept.
async fn terms_page(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
    service: String,
    next: &str,
    refusal: &Refusal,
) -> Result<Response, PageError> {
    let (rows, in_force) = terms::versions(&state.db, state.clock.as_ref(), &service)
        .await
        .map_err(|e| PageError(lang, e))?;
    let mut to_accept = None;
    if let Some((user, _)) = visitor.signed_in() {
        let pending = terms::pending(&state.db, state.clock.as_ref(), user, &service)
            .await
            .map_err(|e| PageError(lang, e))?;
        to_accept = pending.into_iter().find(|(s, _)| *s == service).map(|(_, v)| v);
    }
    let (session, cookie) = visitor.ensure(state).await.map_err(|e| PageError(lang, e))?;
    let texts = translated::read(&state.db, Of::Terms, rows.iter().map(|r| r.id.to_string()))
        .await
        .map_err(|e| PageError(lang, e))?;
    let view = TermsPage {
        page: Page::new(lang, &format!("/terms/{service}"), &[]),
        title: lang.t(&format!("terms-{service}")),
        service,
        versions: rows
            .into_iter()
            .map(|r| {
                let current = Some(r.id) == in_force;
                // Issue 16, item 3: the Japanese binds; a translation is shown beside it.
                let (_, body) = translated::pick(lang, &texts, &r.id.to_string(), "", &r.body);
                let binding = if body.ja_only || lang.code() == ORIGINAL {
                    String::new()
                } else {
                    r.body
                };
                (r.version, lang.date_time(r.effective_from), body, current, binding)
            })
            .collect(),
        to_accept,
        csrf: session.csrf,
        next: safe_next(next),
        summary: refusal.summary(&[]),
    };
    Ok(with_cookie(refusal.render(&view), cookie))
}

/// `POST /terms/{service}/accept`: records the acceptance, then goes on to `next`.
pub async fn accept(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(service): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&f, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((user, _)) = visitor.signed_in() else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let accepted = terms::accept(
        &state.db,
        state.clock.as_ref(),
        user,
        &service,
        &field_value(&f, "version"),
        &visitor.client_addr,
    )
    .await;
    // Refused (a newer version came into force): the page again, in words, `next` kept.
    if let Err(e) = accepted {
        let refusal = Refusal::or_page(lang, e)?;
        return terms_page(&state, &visitor, lang, service, &field_value(&f, "next"), &refusal).await;
    }
    // The system terms may be waiting too: come back here until nothing is.
    let pending = terms::pending(&state.db, state.clock.as_ref(), user, &service)
        .await
        .map_err(|e| PageError(lang, e))?;
    let next = safe_next(&field_value(&f, "next"));
    Ok(match pending.first() {
        Some((s, _)) => Redirect::to(&format!("/terms/{s}?next={}", urlencode(&next))).into_response(),
        None => Redirect::to(&next).into_response(),
    })
}

pub(crate) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_./".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TermsVersionJson {
    pub version: String,
    #[schema(value_type = String)]
    pub effective_from: DateTime<FixedOffset>,
    pub in_force: bool,
    /// The Japanese text, the one that binds.
    pub body: String,
    /// The text in other languages, for reference only, by language tag (`en`, `pt-BR`, …):
    /// each has a `body`. Accepting a version accepts its Japanese text.
    pub translations: BTreeMap<String, TranslationJson>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TermsJson {
    /// `consultation`, `seminar` or `system`.
    pub service: String,
    /// The version in force now, if any.
    pub in_force: Option<String>,
    /// Every version, newest first (including one announced for a later date).
    pub versions: Vec<TermsVersionJson>,
}

/// The services with terms, as the API document lists them (`terms::SERVICES` decides).
#[allow(
    dead_code,
    reason = "only the document names it; the path stays text so the app answers 404"
)]
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermsService {
    Consultation,
    Seminar,
    System,
}

/// A service's terms: the version in force and every other (AC-13, NT-3).
#[utoipa::path(get, path = "/api/v1/terms/{service}", tag = "notices", params(("service" = inline(TermsService), Path)),
    responses((status = 200, body = TermsJson),
        (status = 404, body = crate::http::problem::Problem, content_type = "application/problem+json",
         description = "`not_found`: no such service")))]
pub async fn api(State(state): State<AppState>, Path(service): Path<String>) -> Result<Json<TermsJson>, ApiError> {
    let (rows, in_force) = terms::versions(&state.db, state.clock.as_ref(), &service).await?;
    let texts = translated::read(&state.db, Of::Terms, rows.iter().map(|r| r.id.to_string())).await?;
    let current = rows.iter().find(|r| Some(r.id) == in_force).map(|r| r.version.clone());
    Ok(Json(TermsJson {
        service,
        in_force: current,
        versions: rows
            .into_iter()
            .map(|r| TermsVersionJson {
                translations: translated::json(&texts, &r.id.to_string()),
                in_force: Some(r.id) == in_force,
                version: r.version,
                effective_from: r.effective_from.with_timezone(&jst()),
                body: r.body,
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::TermsService;

    #[test]
    fn the_document_lists_the_services_with_terms() {
        let listed = [TermsService::Consultation, TermsService::Seminar, TermsService::System]
            .map(|s| serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_owned)));
        assert_eq!(
            listed,
            madoguchi_app::notices::terms::SERVICES.map(|s| Some(s.to_owned()))
        );
    }
}
