//! The office admin's slot page (rules BK-2, BK-3): weekly templates and publishing them,
//! one-off slots, removing a slot (cancelling its bookings by office), and the office's
//! cut-off and horizon.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Weekday;
use madoguchi_app::consultations::booking::APPS;
use madoguchi_app::shared::StaffMember;
use madoguchi_app::{AppError, consultations::slots, consultations::templates, offices};

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me, outcome};

type Fields = std::collections::HashMap<String, String>;
/// (template id, weekday, time, app, capacity)
type Row = (i64, String, String, String, i32);

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[derive(Template)]
#[template(path = "staff/slots.html")]
struct SlotsPage {
    page: Page,
    csrf: String,
    message: String,
    templates: Vec<Row>,
    weekdays: Vec<(usize, String)>,
    apps: Vec<(&'static str, String)>,
    /// (slot id, start, app, booked, capacity)
    published: Vec<(i64, String, String, i32, i32)>,
    cutoff_days: u32,
    horizon_days: u32,
    tomorrow: String,
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
) -> Result<Response, PageError> {
    let office = me.office.clone().unwrap_or_default();
    let list = templates::list(&state.db, me, &office)
        .await
        .map_err(|e| PageError(lang, e))?;
    let rows = list
        .into_iter()
        .map(|t| {
            let day = usize::try_from(t.weekday)
                .ok()
                .and_then(|i| WEEKDAYS.get(i))
                .map(|w| lang.weekday_long(*w))
                .unwrap_or_default();
            (
                t.id,
                day,
                t.starts.format("%H:%M").to_string(),
                lang.t(&format!("app-{}", t.app)),
                t.capacity,
            )
        })
        .collect();
    let published = slots::upcoming(&state.db, state.clock.as_ref(), me, &office)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|s| {
            let app = lang.t(&format!("app-{}", s.app));
            (s.id, lang.date_time(s.starts_at), app, s.booked, s.capacity)
        })
        .collect();
    let policy = offices::booking_policy(&state.db, &office)
        .await
        .map_err(|e| PageError(lang, e))?;
    let tomorrow = state.clock.today_jst().succ_opt().unwrap_or_default().to_string();
    let view = SlotsPage {
        page: Page::new(lang, "/staff/slots", &[]),
        csrf,
        message,
        templates: rows,
        weekdays: WEEKDAYS
            .iter()
            .enumerate()
            .map(|(i, w)| (i, lang.weekday_long(*w)))
            .collect(),
        apps: APPS.iter().map(|a| (*a, lang.t(&format!("app-{a}")))).collect(),
        published,
        cutoff_days: policy.cutoff_days,
        horizon_days: policy.horizon_days,
        tomorrow,
    };
    Ok(render(&view, StatusCode::OK))
}

/// `GET /staff/slots`
pub async fn slots(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    page(&state, lang, &me, csrf, String::new()).await
}

/// `POST /staff/slots/templates`
pub async fn add(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let office = me.office.clone().unwrap_or_default();
    let weekday: i32 = field_value(&fields, "weekday").parse().unwrap_or(-1);
    let capacity: i32 = field_value(&fields, "capacity").parse().unwrap_or(0);
    let result = match madoguchi_domain::dates::parse_time(field_value(&fields, "starts").trim()).ok_or(()) {
        Ok(starts) => {
            let t = templates::NewTemplate {
                weekday,
                starts,
                app: field_value(&fields, "app"),
                capacity,
            };
            templates::add(&state.db, state.clock.as_ref(), &me, &office, &t)
                .await
                .map(|_| lang.t("day-saved"))
        }
        Err(_) => Err(AppError::invalid("invalid_time", "starts", "HH:MM")),
    };
    let message = outcome(lang, result)?;
    page(&state, lang, &me, csrf, message).await
}

/// `POST /staff/slots/templates/{id}/delete`
pub async fn delete(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let office = me.office.clone().unwrap_or_default();
    let id: i64 = id.parse().unwrap_or(-1);
    let message = outcome(
        lang,
        templates::remove(&state.db, &me, &office, id)
            .await
            .map(|()| lang.t("day-saved")),
    )?;
    page(&state, lang, &me, csrf, message).await
}

/// `POST /staff/slots/publish`
pub async fn publish(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let office = me.office.clone().unwrap_or_default();
    let result = templates::publish(&state.db, state.clock.as_ref(), &me, &office)
        .await
        .map(|n| lang.t_args("slots-published", &[("count", n.to_string())]));
    let message = outcome(lang, result)?;
    page(&state, lang, &me, csrf, message).await
}

/// `POST /staff/slots/one-off`
pub async fn add_one_off(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let office = me.office.clone().unwrap_or_default();
    let day = madoguchi_domain::dates::parse_date(field_value(&fields, "day").trim()).ok_or(());
    let time = madoguchi_domain::dates::parse_time(field_value(&fields, "starts").trim()).ok_or(());
    let capacity: i32 = field_value(&fields, "capacity").parse().unwrap_or(0);
    let result = match (day, time) {
        (Ok(day), Ok(time)) => slots::add_one_off(
            &state.db,
            &me,
            &office,
            day,
            time,
            &field_value(&fields, "app"),
            capacity,
        )
        .await
        .map(|_| lang.t("day-saved")),
        (Err(_), _) => Err(AppError::invalid("invalid_date", "day", "YYYY-MM-DD")),
        (_, Err(_)) => Err(AppError::invalid("invalid_time", "starts", "HH:MM")),
    };
    let message = outcome(lang, result)?;
    page(&state, lang, &me, csrf, message).await
}

/// `POST /staff/slots/{id}/remove`
pub async fn remove(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let office = me.office.clone().unwrap_or_default();
    let id: i64 = id.parse().unwrap_or(-1);
    let reason = field_value(&fields, "reason");
    let result = slots::remove(&state.db, state.clock.as_ref(), &me, &office, id, &reason)
        .await
        .map(|n| lang.t_args("slots-removed", &[("count", n.to_string())]));
    let message = outcome(lang, result)?;
    page(&state, lang, &me, csrf, message).await
}

/// `POST /staff/slots/policy`
pub async fn set_policy(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let office = me.office.clone().unwrap_or_default();
    let cutoff: u32 = field_value(&fields, "cutoff_days").trim().parse().unwrap_or(0);
    let horizon: u32 = field_value(&fields, "horizon_days").trim().parse().unwrap_or(0);
    let result = match madoguchi_app::consultations::templates::admin_only(&me, &office) {
        Ok(()) => offices::set_booking_policy(&state.db, &office, cutoff, horizon)
            .await
            .map(|()| lang.t("day-saved")),
        Err(e) => Err(e),
    };
    let message = outcome(lang, result)?;
    page(&state, lang, &me, csrf, message).await
}
