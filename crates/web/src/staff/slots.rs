//! The office admin's slot page (rules BK-2, BK-3): weekly templates and publishing them,
//! one-off slots, removing a slot (cancelling its bookings by office), the office's
//! cut-off and horizon, and its built-in rooms' grace period after the end (MT-3). A
//! refused form comes back as typed, each problem at its field.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Weekday;
use madoguchi_app::offices::apps::Choice;
use madoguchi_app::shared::StaffMember;
use madoguchi_app::{AppError, consultations::slots, consultations::templates, offices};
use madoguchi_domain::booking::Policy;
use madoguchi_domain::room::MAX_GRACE_MINUTES;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me};

type Fields = std::collections::HashMap<String, String>;
/// (template id, weekday, time, app, capacity)
type Row = (i64, String, String, String, i32);
/// (slot id, start, app, booked, capacity, the removal's reason when people are booked)
type Published = (i64, String, String, i32, i32, Option<FormField>);

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
    summary: Vec<SummaryLine>,
    templates: Vec<Row>,
    published: Vec<Published>,
    /// The three forms, as typed when one came back refused.
    template_form: Vec<FormField>,
    one_off: Vec<FormField>,
    policy: Vec<FormField>,
    /// MT-3: the rooms' grace period, and the sentence saying whose value it is.
    grace: Vec<FormField>,
    grace_help: String,
}

/// A new slot's time, meeting app and seats; `id` prefixes the ids of the one-off form's.
/// MT-1: only the apps the office uses for consultations, starting from its default.
fn slot_fields(lang: Lang, id: &str, choice: &Choice) -> Vec<FormField> {
    let f = |name, label, value: &str| FormField::labelled(lang, name, label, value).id(&format!("{id}{name}"));
    let apps = choice.apps.iter().map(|a| (*a, lang.t(&format!("app-{a}"))));
    vec![
        f("starts", "slots-time", "10:00").kind("time").attr("step", 1800),
        f("app", "slots-app", choice.default).choices(apps),
        f("capacity", "slots-capacity", "1")
            .kind("number")
            .attr("min", 1)
            .attr("max", 20),
    ]
}

fn forms(
    lang: Lang,
    filled: &Filled<'_>,
    tomorrow: &str,
    policy: Policy,
    grace: i64,
    choice: &Choice,
) -> [Vec<FormField>; 4] {
    let (cutoff, horizon) = (policy.cutoff_days, policy.horizon_days);
    let weekdays = WEEKDAYS.iter().enumerate().map(|(i, w)| (i, lang.weekday_long(*w)));
    let mut template = vec![FormField::labelled(lang, "weekday", "slots-weekday", "0").choices(weekdays)];
    template.extend(slot_fields(lang, "", choice));
    let mut one_off = vec![
        FormField::labelled(lang, "day", "slots-day", tomorrow)
            .kind("date")
            .id("one-day"),
    ];
    one_off.extend(slot_fields(lang, "one-", choice));
    let number = |name, label, value: u32, max: u32| {
        FormField::labelled(lang, name, label, &value.to_string())
            .kind("number")
            .attr("min", 1)
            .attr("max", max)
    };
    let policy = vec![
        number("cutoff_days", "slots-cutoff-days", cutoff, 14),
        number("horizon_days", "slots-horizon-days", horizon, 30),
    ];
    let grace = vec![
        FormField::labelled(lang, "grace_minutes", "room-grace-minutes", &grace.to_string())
            .kind("number")
            .attr("min", 0)
            .attr("max", MAX_GRACE_MINUTES),
    ];
    let draw = |key: &str, fields: Vec<FormField>| fields.into_iter().map(|f| filled.draw(key, f)).collect();
    [
        draw("template", template),
        draw("one-off", one_off),
        draw("policy", policy),
        draw("room-grace", grace),
    ]
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
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
            let reason = (s.booked > 0).then(|| {
                let f = FormField::labelled(lang, "reason", "slots-remove-reason", "")
                    .id(&format!("reason-{}", s.id))
                    .attr("maxlength", 200);
                filled.draw(&format!("remove-{}", s.id), f)
            });
            (s.id, lang.date_time(s.starts_at), app, s.booked, s.capacity, reason)
        })
        .collect::<Vec<Published>>();
    let policy = offices::booking_policy(&state.db, &office)
        .await
        .map_err(|e| PageError(lang, e))?;
    let grace = madoguchi_app::room::grace::of_office(&state.db, &state.room.config, &office)
        .await
        .map_err(|e| PageError(lang, e))?;
    let default = state.room.config.grace.num_minutes().to_string();
    let grace_help = if grace.chosen {
        lang.t_args("room-grace-help-chosen", &[("default", default)])
    } else {
        lang.t_args("room-grace-help-default", &[("default", default)])
    };
    let tomorrow = state.clock.today_jst().succ_opt().unwrap_or_default().to_string();
    let choice = madoguchi_app::offices::apps::choice(&state.db, &office, "consultation")
        .await
        .map_err(|e| PageError(lang, e))?;
    let [template_form, one_off, policy, grace] = forms(lang, filled, &tomorrow, policy, grace.minutes, &choice);
    let mut drawn: Vec<&FormField> = template_form
        .iter()
        .chain(&one_off)
        .chain(&policy)
        .chain(&grace)
        .collect();
    drawn.extend(published.iter().filter_map(|p| p.5.as_ref()));
    let view = SlotsPage {
        page: Page::new(lang, "/staff/slots", &[]),
        csrf,
        message,
        summary: filled.summary(&drawn),
        templates: rows,
        published,
        template_form,
        one_off,
        policy,
        grace,
        grace_help,
    };
    Ok(filled.refusal.render(&view))
}

/// The page after a post: the done message, or form `key` as typed with why it was refused
/// (a time the office is closed is the time's problem, a closed day the day's).
#[allow(clippy::too_many_arguments, reason = "one page, its reader and what was sent")]
async fn answer(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    result: Result<String, AppError>,
    key: &str,
    fields: &Fields,
) -> Result<Response, PageError> {
    match result {
        Ok(message) => page(state, lang, me, csrf, message, &Filled::fresh(lang)).await,
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?
                .pin("outside_hours", "starts")
                .pin("invalid_slot", "starts")
                .pin("closed_day", "day")
                .pin("cutoff_passed", "day")
                .pin("outside_horizon", "day");
            let filled = Filled::refused(key, fields, refusal);
            page(state, lang, me, csrf, String::new(), &filled).await
        }
    }
}

/// `GET /staff/slots`
pub async fn slots(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    page(&state, lang, &me, csrf, String::new(), &Filled::fresh(lang)).await
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
    answer(&state, lang, &me, csrf, result, "template", &fields).await
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
    let result = templates::remove(&state.db, &me, &office, id)
        .await
        .map(|()| lang.t("day-saved"));
    answer(&state, lang, &me, csrf, result, "delete", &fields).await
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
    answer(&state, lang, &me, csrf, result, "publish", &fields).await
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
    answer(&state, lang, &me, csrf, result, "one-off", &fields).await
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
    answer(&state, lang, &me, csrf, result, &format!("remove-{id}"), &fields).await
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
    answer(&state, lang, &me, csrf, result, "policy", &fields).await
}

/// `POST /staff/slots/room-grace`: the office's built-in rooms stay open this many minutes
/// after the slot's end (MT-3); office admins only, audited.
pub async fn set_room_grace(
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
    let typed = field_value(&fields, "grace_minutes");
    let result = madoguchi_app::room::grace::set(&state.db, state.clock.as_ref(), &me, &office, &typed)
        .await
        .map(|m| lang.t_args("room-grace-saved", &[("minutes", m.to_string())]));
    answer(&state, lang, &me, csrf, result, "room-grace", &fields).await
}
