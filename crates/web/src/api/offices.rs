//! The JSON API under `/api/v1`, described by the OpenAPI document generated from this code.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::NaiveDate;
use madoguchi_app::translations::{Of, Texts};
use madoguchi_app::{AppError, offices, offices::calendar};
use madoguchi_domain::calendar::{Closure, ClosureKind, WeeklyHours};
use madoguchi_domain::office::Office;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::http::forms::parse_date;
use crate::http::problem::{ApiError, Problem};
use crate::http::translated::{self, TranslationJson};

/// Opening hours on one weekday (JST).
#[derive(Debug, Serialize, ToSchema)]
pub struct HoursJson {
    /// `mon` … `sun`.
    pub weekday: &'static str,
    /// `HH:MM`.
    pub opens: String,
    pub closes: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfficeClosureJson {
    pub date: NaiveDate,
    pub reason: String,
    /// For a closure of part of the day: from this time (`HH:MM`, Japan time); the day is
    /// open outside `from`–`until`. Absent when the whole day is closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OfficeJson {
    /// Five-digit office number.
    pub code: String,
    pub name_ja: String,
    pub name_en: String,
    pub address: String,
    pub phone: String,
    /// Weekdays the office opens; a missing weekday is closed.
    pub hours: Vec<HoursJson>,
    /// The office's own announced closures from today for a year (national ones are in `/calendar`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closures: Option<Vec<OfficeClosureJson>>,
    /// The office in other languages, by language tag (`en`, `pt-BR`, …): `title` (its name,
    /// when translated) and `body` (its address); `name_ja`, `name_en` and `address` above
    /// stay as they are. Empty when nobody translated it.
    pub translations: BTreeMap<String, TranslationJson>,
}

/// A closed day and why.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClosedDayJson {
    pub date: NaiveDate,
    /// `holiday`, `year_end` or `office`.
    #[schema(value_type = String, example = "holiday")]
    pub kind: ClosureKind,
    /// Japanese name: 元日, 年末年始, or the office's reason.
    pub name: String,
    pub name_en: String,
}

const WEEKDAY_CODES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn hours_json(h: &WeeklyHours) -> Vec<HoursJson> {
    h.0.iter()
        .zip(WEEKDAY_CODES)
        .filter_map(|(day, code)| {
            day.map(|d| HoursJson {
                weekday: code,
                opens: d.opens.format("%H:%M").to_string(),
                closes: d.closes.format("%H:%M").to_string(),
            })
        })
        .collect()
}

fn office_json(o: Office, closures: Option<Vec<OfficeClosureJson>>, texts: &Texts) -> OfficeJson {
    OfficeJson {
        translations: translated::json(texts, o.code.as_str()),
        hours: hours_json(&o.hours),
        code: o.code.to_string(),
        name_ja: o.name_ja,
        name_en: o.name_en,
        address: o.address,
        phone: o.phone,
        closures,
    }
}

/// Every office with its weekly hours.
#[utoipa::path(get, path = "/api/v1/offices", tag = "offices", responses((status = 200, body = [OfficeJson])))]
pub async fn list_offices(State(state): State<AppState>) -> Result<Json<Vec<OfficeJson>>, ApiError> {
    let list = offices::list(&state.db).await?;
    let texts = translated::read(&state.db, Of::Office, list.iter().map(|o| o.code.to_string())).await?;
    Ok(Json(list.into_iter().map(|o| office_json(o, None, &texts)).collect()))
}

/// One office: hours and its own closures for the coming year.
#[utoipa::path(get, path = "/api/v1/offices/{code}", tag = "offices",
    params(("code" = String, Path, pattern = r"^[0-9]{5}$", description = "Five-digit office number, e.g. 28011")),
    responses((status = 200, body = OfficeJson),
        (status = 400, body = Problem, content_type = "application/problem+json", description = "`invalid_office_code`"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`")))]
pub async fn get_office(State(state): State<AppState>, Path(code): Path<String>) -> Result<Json<OfficeJson>, ApiError> {
    let office = offices::get(&state.db, &code).await?;
    let closures = offices::upcoming_closures(&state.db, &office, state.clock.today_jst())
        .await?
        .into_iter()
        .map(|c| OfficeClosureJson {
            date: c.date,
            reason: c.reason,
            from: c.hours.map(|h| h.from.format("%H:%M").to_string()),
            until: c.hours.map(|h| h.until.format("%H:%M").to_string()),
        })
        .collect();
    let texts = translated::read(&state.db, Of::Office, [office.code.to_string()]).await?;
    Ok(Json(office_json(office, Some(closures), &texts)))
}

// Read as text, so a missing or malformed date is a problem document naming it.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// First day, `YYYY-MM-DD`.
    #[param(required = true, value_type = String, format = Date)]
    from: Option<String>,
    /// Last day, `YYYY-MM-DD`, from `from` up to 100 years later.
    #[param(required = true, value_type = String, format = Date)]
    to: Option<String>,
    /// A five-digit office code: adds that office's own closures.
    #[param(required = false, value_type = String, pattern = r"^[0-9]{5}$")]
    office: Option<String>,
}

fn required_date(field: &str, value: Option<&str>) -> Result<NaiveDate, AppError> {
    match value.filter(|v| !v.is_empty()) {
        Some(v) => parse_date(field, v),
        None => Err(AppError::invalid(
            "missing_parameter",
            field,
            format!("`{field}` is required"),
        )),
    }
}

/// Closed days with reasons: national holidays and the year-end closure, plus an office's own.
#[utoipa::path(get, path = "/api/v1/calendar", tag = "calendar", params(CalendarQuery),
    responses((status = 200, body = [ClosedDayJson]),
        (status = 400, body = Problem, content_type = "application/problem+json",
         description = "`missing_parameter`, `invalid_date`, `invalid_range`, `range_too_long`, `invalid_office_code`"),
        (status = 404, body = Problem, content_type = "application/problem+json", description = "`not_found`: no such office")))]
pub async fn closed_days(
    State(state): State<AppState>,
    query: Result<Query<CalendarQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<ClosedDayJson>>, ApiError> {
    let Query(q) = query.map_err(|e| AppError::invalid("invalid_query", "query", e.body_text()))?;
    let from = required_date("from", q.from.as_deref())?;
    let to = required_date("to", q.to.as_deref())?;
    let office = q.office.as_deref();
    let days = calendar::closed_days(&state.db, from, to, office).await?;
    Ok(Json(days.into_iter().map(closed_day_json).collect()))
}

fn closed_day_json(c: Closure) -> ClosedDayJson {
    ClosedDayJson {
        date: c.date,
        kind: c.kind,
        name: c.name_ja,
        name_en: c.name_en,
    }
}
