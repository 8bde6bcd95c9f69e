//! The office's seminars for staff (rules SE-1, SE-5, SE-6): admins create them; staff open
//! the participant list (each person shown is audited, PV-4; the page is `detail`), record
//! who joined or attended, and remove a participant with a reason, which hands the seat to
//! the first waiting. The office's changes to a seminar are `changes`; a phone cancellation
//! and a no-show's correction are `places`; every form's fields are `forms`.

pub mod changes;
pub mod detail;
pub mod forms;
pub mod places;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveTime, TimeZone, Utc};
use madoguchi_app::AppError;
use madoguchi_app::seminars::{self, organise::SeminarInput};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use madoguchi_store::seminars::{Edit, Filter};

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me};
use crate::staff::seminars::forms::{self as form, number};

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/seminars/list.html")]
struct ListPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    may_create: bool,
    /// (id, title, time, registered / capacity, waiting, "cancelled" or "suspended" or "")
    seminars: Vec<(i64, String, String, String, i32, String)>,
    /// The create form, as typed when it came back refused.
    create: Vec<FormField>,
}

async fn list_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
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
    let tomorrow = today.succ_opt().unwrap_or(today).to_string();
    let choice =
        madoguchi_app::offices::apps::choice(&state.db, filter.office.as_deref().unwrap_or_default(), "seminar")
            .await
            .map_err(|e| PageError(lang, e))?;
    let create = form::create(lang, filled, &tomorrow, &choice);
    let view = ListPage {
        page: Page::new(lang, "/staff/seminars", &[]),
        csrf,
        message,
        summary: filled.summary(&create.iter().collect::<Vec<_>>()),
        create,
        may_create: me.role == Role::OfficeAdmin,
        seminars: rows
            .into_iter()
            .map(|s| {
                let seats = format!("{} / {}", s.registered, s.capacity);
                let status = match s.status() {
                    "open" => String::new(),
                    other => lang.t(&format!("seminar-ops-badge-{other}")),
                };
                (s.id, s.title, lang.date_time(s.starts_at), seats, s.waitlisted, status)
            })
            .collect(),
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/seminars`
pub async fn list(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    list_page(&state, lang, &me, csrf, String::new(), &Filled::fresh(lang)).await
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
    let number = |k: &str| field_value(&f, k).trim().parse::<i32>().unwrap_or(-1);
    let result = match form::start(lang, &f) {
        Err(refusal) => Err(refusal),
        Ok(starts_at) => {
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
            match seminars::organise::create(&state.db, state.clock.as_ref(), &me, &office, &input).await {
                Ok(_) => Ok(()),
                // A day or time the office cannot hold it is the day's or the time's problem.
                Err(e) => Err(Refusal::or_page(lang, e)?
                    .pin("closed_day", "day")
                    .pin("cutoff_passed", "day")
                    .pin("outside_hours", "starts")),
            }
        }
    };
    match result {
        Ok(()) => list_page(&state, lang, &me, csrf, lang.t("day-saved"), &Filled::fresh(lang)).await,
        Err(refusal) => {
            let filled = Filled::refused("create", &f, refusal);
            list_page(&state, lang, &me, csrf, String::new(), &filled).await
        }
    }
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
    let id = number(lang, &id)?;
    detail::page(&state, lang, &me, id, csrf, String::new(), &Filled::fresh(lang)).await
}

/// `POST /staff/seminar-registrations/{id}/{action}`: `joined`, `attended`, `remove`, or
/// (asking first) `phone-cancel` and `correct-no-show`.
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
    if matches!(action.as_str(), "phone-cancel" | "correct-no-show") {
        return places::record(&state, lang, &me, csrf, id, seminar, &action, &f).await;
    }
    let (db, clock) = (&state.db, state.clock.as_ref());
    let result = match action.as_str() {
        "remove" => seminars::organise::remove(db, clock, &me, id, &field_value(&f, "reason")).await,
        other => seminars::organise::mark(db, clock, &me, id, other).await,
    };
    let key = format!("remove-{id}");
    done(&state, lang, &me, seminar, csrf, result, &key, &f).await
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
    match seminars::organise::edit(&state.db, state.clock.as_ref(), &me, id, &e).await {
        Ok(n) => {
            let message = lang.t_args("staff-seminars-edited", &[("count", n.to_string())]);
            detail::page(&state, lang, &me, id, csrf, message, &Filled::fresh(lang)).await
        }
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?.pin("below_taken", "capacity");
            let filled = Filled::refused("edit", &f, refusal);
            detail::page(&state, lang, &me, id, csrf, String::new(), &filled).await
        }
    }
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
    let result = seminars::organise::set_meeting(&state.db, state.clock.as_ref(), &me, id, &details).await;
    done(&state, lang, &me, id, csrf, result, "meeting", &f).await
}

/// The participant page after an action: saved, or the form `key` back as typed with why.
#[allow(clippy::too_many_arguments, reason = "one page, its reader and what was sent")]
async fn done(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    id: i64,
    csrf: String,
    result: Result<(), AppError>,
    key: &str,
    f: &Fields,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => detail::page(state, lang, me, id, csrf, lang.t("day-saved"), &Filled::fresh(lang)).await,
        Err(e) => {
            let filled = Filled::refused(key, f, Refusal::or_page(lang, e)?);
            detail::page(state, lang, me, id, csrf, String::new(), &filled).await
        }
    }
}
