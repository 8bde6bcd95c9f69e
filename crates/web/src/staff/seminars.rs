//! The office's seminars for staff (rules SE-1, SE-5): admins create them; staff open the
//! participant list (each person shown is audited, PV-4), record who joined or attended,
//! and remove a participant with a reason, which hands the seat to the first waiting.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveTime, TimeZone, Utc};
use madoguchi_app::AppError;
use madoguchi_app::consultations::booking::APPS;
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use madoguchi_store::seminars::{Edit, Filter, SeminarRow};

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me, outcome};

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/seminars.html")]
struct ListPage {
    page: Page,
    csrf: String,
    message: String,
    may_create: bool,
    /// (id, title, time, registered / capacity, waiting)
    seminars: Vec<(i64, String, String, String, i32)>,
    apps: Vec<(&'static str, String)>,
    tomorrow: String,
}

#[derive(Template)]
#[template(path = "staff/seminar.html")]
struct ParticipantsPage {
    page: Page,
    csrf: String,
    message: String,
    id: i64,
    title: String,
    when: String,
    /// (registration id, state label, name, job-seeker number, live)
    rows: Vec<(i64, String, String, String, bool)>,
    /// (action, button label) for a live registration.
    actions: Vec<(&'static str, String)>,
    /// The edit form (office admins only): the seminar as it is.
    may_edit: bool,
    seminar: SeminarRow,
    apps: Vec<(&'static str, String)>,
}

async fn list_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
) -> Result<Response, PageError> {
    let office = me.office.clone().ok_or_else(|| {
        PageError(
            lang,
            AppError::Forbidden {
                code: "forbidden",
                message: "seminars belong to an office",
            },
        )
    })?;
    let today = state.clock.today_jst();
    let from = jst()
        .from_local_datetime(&today.and_time(NaiveTime::MIN))
        .single()
        .map(|t| t.with_timezone(&Utc));
    let filter = Filter {
        office: Some(office),
        from,
        ..Filter::default()
    };
    let rows = seminars::attend::list(&state.db, &filter)
        .await
        .map_err(|e| PageError(lang, e))?;
    let view = ListPage {
        page: Page::new(lang, "/staff/seminars", &[]),
        csrf,
        message,
        may_create: me.role == Role::OfficeAdmin,
        seminars: rows
            .into_iter()
            .map(|s| {
                let seats = format!("{} / {}", s.registered, s.capacity);
                (s.id, s.title, lang.date_time(s.starts_at), seats, s.waitlisted)
            })
            .collect(),
        apps: APPS.iter().map(|a| (*a, lang.t(&format!("app-{a}")))).collect(),
        tomorrow: today.succ_opt().unwrap_or(today).to_string(),
    };
    Ok(render(&view, StatusCode::OK))
}

/// `GET /staff/seminars`
pub async fn list(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    list_page(&state, lang, &me, csrf, String::new()).await
}

/// `POST /staff/seminars`
pub async fn create(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let day = madoguchi_domain::dates::parse_date(field_value(&f, "day").trim()).ok_or(());
    let time = madoguchi_domain::dates::parse_time(field_value(&f, "starts").trim()).ok_or(());
    let start = match (day, time) {
        (Ok(d), Ok(t)) => jst()
            .from_local_datetime(&d.and_time(t))
            .single()
            .map(|t| t.with_timezone(&Utc)),
        _ => None,
    };
    let number = |k: &str| field_value(&f, k).trim().parse::<i32>().unwrap_or(-1);
    let result = match start {
        None => Err(AppError::invalid("invalid_date", "day", "YYYY-MM-DD and HH:MM")),
        Some(starts_at) => {
            let input = SeminarInput {
                kind: field_value(&f, "kind"),
                title: field_value(&f, "title"),
                description: field_value(&f, "description"),
                starts_at,
                minutes: i64::from(number("minutes")),
                app: field_value(&f, "app"),
                recorded_with_consent: field_value(&f, "recorded") == "on",
                capacity: number("capacity"),
                waitlist_limit: number("waitlist_limit"),
            };
            let office = me.office.clone().unwrap_or_default();
            seminars::organise::create(&state.db, state.clock.as_ref(), &me, &office, &input)
                .await
                .map(|_| lang.t("day-saved"))
        }
    };
    let message = outcome(lang, result)?;
    list_page(&state, lang, &me, csrf, message).await
}

async fn participants_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    id: i64,
    csrf: String,
    message: String,
) -> Result<Response, PageError> {
    let rows = seminars::organise::participants(&state.db, state.clock.as_ref(), me, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let s = seminars::attend::get(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let view = ParticipantsPage {
        page: Page::new(lang, &format!("/staff/seminars/{id}"), &[]),
        csrf,
        message,
        id,
        title: s.title.clone(),
        when: lang.date_time(s.starts_at),
        rows: rows
            .into_iter()
            .map(|r| {
                let live = r.state == "registered" || r.state == "waitlisted";
                (
                    r.id,
                    lang.t(&format!("seminar-state-{}", r.state)),
                    r.verify_name,
                    r.verify_number,
                    live,
                )
            })
            .collect(),
        actions: vec![
            ("joined", lang.t("day-action-joined")),
            ("attended", lang.t("day-action-attended")),
        ],
        may_edit: me.role == Role::OfficeAdmin,
        seminar: s,
        apps: APPS.iter().map(|a| (*a, lang.t(&format!("app-{a}")))).collect(),
    };
    Ok(render(&view, StatusCode::OK))
}

fn number(lang: Lang, s: &str) -> Result<i64, PageError> {
    s.parse()
        .map_err(|_| PageError(lang, AppError::NotFound { what: "seminar".into() }))
}

/// `GET /staff/seminars/{id}`
pub async fn participants(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    participants_page(&state, lang, &me, number(lang, &id)?, csrf, String::new()).await
}

/// `POST /staff/seminar-registrations/{id}/{action}`: `joined`, `attended` or `remove`.
pub async fn act(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((id, action)): Path<(String, String)>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    let seminar = number(lang, &field_value(&f, "seminar"))?;
    let (db, clock) = (&state.db, state.clock.as_ref());
    let result = match action.as_str() {
        "remove" => seminars::organise::remove(db, clock, &me, id, &field_value(&f, "reason")).await,
        other => seminars::organise::mark(db, clock, &me, id, other).await,
    };
    let message = outcome(lang, result.map(|()| lang.t("day-saved")))?;
    participants_page(&state, lang, &me, seminar, csrf, message).await
}

/// `POST /staff/seminars/{id}/edit`
pub async fn edit(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    let int = |k: &str| field_value(&f, k).trim().parse::<i32>().unwrap_or(-1);
    let e = Edit {
        title: field_value(&f, "title"),
        description: field_value(&f, "description"),
        app: field_value(&f, "app"),
        recorded_with_consent: field_value(&f, "recorded") == "on",
        capacity: int("capacity"),
        waitlist_limit: int("waitlist_limit"),
    };
    let result = seminars::organise::edit(&state.db, state.clock.as_ref(), &me, id, &e)
        .await
        .map(|n| lang.t_args("staff-seminars-edited", &[("count", n.to_string())]));
    let message = outcome(lang, result)?;
    participants_page(&state, lang, &me, id, csrf, message).await
}

/// `POST /staff/seminars/{id}/meeting`: how to join (BK-9), shown on My Page only.
pub async fn meeting(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &f).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let id = number(lang, &id)?;
    let s = seminars::attend::get(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let details = madoguchi_store::consultations::schedule::MeetingDetails {
        app: s.app,
        meeting_id: field_value(&f, "meeting_id").trim().to_owned(),
        passkey: field_value(&f, "passkey").trim().to_owned(),
        join_url: field_value(&f, "join_url").trim().to_owned(),
    };
    let result = seminars::organise::set_meeting(&state.db, state.clock.as_ref(), &me, id, &details)
        .await
        .map(|()| lang.t("day-saved"));
    let message = outcome(lang, result)?;
    participants_page(&state, lang, &me, id, csrf, message).await
}
