//! The office's interviews (IV-1, IV-4): the list of coming ones with the form to arrange
//! one (a refused form comes back as typed, each problem at its field), one interview with
//! its outcome form, and its cancellation after a confirmation page.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use madoguchi_app::AppError;
use madoguchi_app::interviews::{Interview, arrange};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::{FormField, Notice, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me};

type Fields = std::collections::HashMap<String, String>;

/// One interview as a line of the list or the head of its page.
pub(crate) struct Line {
    pub id: i64,
    pub when: String,
    pub employer: String,
    pub job: String,
    pub app: String,
    pub state: String,
    pub outcome: String,
}

pub(crate) fn line(lang: Lang, i: &Interview) -> Line {
    let r = &i.row;
    Line {
        id: r.id,
        when: lang.date_time(r.starts_at),
        employer: r.employer_name.clone(),
        job: format!("{} {}", r.job_number, r.job_title),
        app: lang.t(&format!("interview-app-{}", r.app)),
        state: lang.t(&format!("interview-state-{}", i.state.code())),
        outcome: match (i.outcome, r.outcome_on) {
            (Some(o), Some(on)) => lang.t_args(
                "me-interviews-outcome",
                &[
                    ("outcome", lang.t(&format!("interview-outcome-{}", o.code()))),
                    ("date", lang.date(on)),
                ],
            ),
            _ => String::new(),
        },
    }
}

#[derive(Template)]
#[template(path = "staff/interviews.html")]
struct ListPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    lines: Vec<Line>,
    form: Vec<FormField>,
}

fn arrange_form(lang: Lang, filled: &Filled<'_>, today: &str) -> Vec<FormField> {
    let f = |name: &'static str| {
        FormField::labelled(lang, name, &format!("interviews-field-{name}"), "").hint(String::new())
    };
    let apps = ["builtin", "zoom"].map(|a| (a, lang.t(&format!("interview-app-{a}"))));
    [
        f("seeker").attr("maxlength", 32),
        f("employer_name").attr("maxlength", 100),
        f("contact_name").attr("maxlength", 100),
        f("contact_email").kind("email").attr("maxlength", 254),
        f("job_number").attr("maxlength", 40),
        f("job_title").attr("maxlength", 100),
        f("date").kind("date").attr("min", today),
        f("time").kind("time"),
        FormField::labelled(lang, "minutes", "interviews-field-minutes", "30")
            .kind("number")
            .attr("min", 15)
            .attr("max", 180)
            .hint(String::new()),
        FormField::labelled(lang, "app", "interviews-field-app", "builtin")
            .choices(apps)
            .kind("radio")
            .hint(String::new()),
        FormField::labelled(lang, "counsellor", "interviews-field-counsellor", "on")
            .kind("checkbox")
            .optional()
            .hint(String::new()),
    ]
    .into_iter()
    .map(|field| filled.draw("arrange", field))
    .collect()
}

async fn list_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let today = state.clock.today_jst();
    let lines = arrange::list(&state.db, me, today, today + Duration::days(62))
        .await
        .map_err(|e| PageError(lang, e))?
        .iter()
        .map(|i| line(lang, i))
        .collect();
    let form = arrange_form(lang, filled, &today.to_string());
    let view = ListPage {
        page: Page::new(lang, "/staff/interviews", &[]),
        csrf,
        message,
        summary: filled.summary(&form.iter().collect::<Vec<_>>()),
        lines,
        form,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/interviews`
pub async fn list(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    list_page(&state, lang, &me, csrf, String::new(), &Filled::fresh(lang)).await
}

/// `POST /staff/interviews`: arranges one; a refusal draws the form again as typed.
pub async fn create(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    let v = |n: &str| field_value(&fields, n);
    let a = arrange::Arrangement {
        seeker: v("seeker"),
        employer_name: v("employer_name"),
        contact_name: v("contact_name"),
        contact_email: v("contact_email"),
        job_number: v("job_number"),
        job_title: v("job_title"),
        date: v("date"),
        time: v("time"),
        minutes: v("minutes"),
        app: v("app"),
        counsellor_attends: fields.contains_key("counsellor"),
    };
    match arrange::arrange(&state.db, state.clock.as_ref(), &me, &a).await {
        Ok(id) => Ok(Redirect::to(&format!("/staff/interviews/{id}?done=arranged")).into_response()),
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?
                .pin("outside_hours", "time")
                .pin("closed_day", "date")
                .pin("closed_hours", "time")
                .pin("date_in_past", "date");
            let filled = Filled::refused("arrange", &fields, refusal);
            list_page(&state, lang, &me, csrf, String::new(), &filled).await
        }
    }
}

#[derive(Template)]
#[template(path = "staff/interview.html")]
struct DetailPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    i: Line,
    seeker: String,
    contact: String,
    counsellor: bool,
    events: Vec<(String, String)>,
    /// The outcome form, for an accepted interview that has begun.
    outcome_form: Vec<FormField>,
    cancellable: bool,
    /// IV-3: the room's address for a built-in interview that was accepted, and the
    /// second representative's link form (`staff::interview_room`).
    room: String,
    rep_form: Vec<FormField>,
}

#[derive(serde::Deserialize)]
pub struct Done {
    pub done: Option<String>,
}

pub(crate) fn parse_id(lang: Lang, id: &str) -> Result<i64, PageError> {
    id.parse().map_err(|_| {
        PageError(
            lang,
            AppError::NotFound {
                what: "interview".into(),
            },
        )
    })
}

pub(crate) async fn detail_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    id: i64,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let (i, seeker, events) = arrange::detail(&state.db, state.clock.as_ref(), me, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let now = state.clock.now();
    let accepted = i.state == madoguchi_domain::interview::State::Accepted;
    let outcome_form = if accepted && now >= i.row.starts_at {
        let outcomes = madoguchi_domain::interview::Outcome::ALL
            .map(|o| (o.code(), lang.t(&format!("interview-outcome-{}", o.code()))));
        let current = i.outcome.map_or("hired", |o| o.code());
        [
            FormField::labelled(lang, "outcome", "interviews-col-outcome", current)
                .choices(outcomes)
                .kind("radio")
                .hint(String::new()),
            FormField::labelled(
                lang,
                "on",
                "interviews-outcome-date",
                &state.clock.today_jst().to_string(),
            )
            .kind("date")
            .hint(String::new()),
        ]
        .into_iter()
        .map(|f| filled.draw("outcome", f))
        .collect()
    } else {
        Vec::new()
    };
    let r = &i.row;
    let (room, rep_form) = super::interview_room::parts(lang, &i, now, filled);
    let mut drawn: Vec<&FormField> = outcome_form.iter().collect();
    drawn.extend(rep_form.iter());
    let view = DetailPage {
        page: Page::new(lang, &format!("/staff/interviews/{id}"), &[]),
        csrf,
        message,
        summary: filled.summary(&drawn),
        seeker,
        contact: format!("{} <{}>", r.contact_name, r.contact_email),
        counsellor: r.counsellor_attends,
        events: events
            .into_iter()
            .map(|(at, kind, actor)| {
                (
                    lang.date_time(at),
                    super::interview_room::event_line(lang, &kind, &actor),
                )
            })
            .collect(),
        cancellable: i.state.stands() && now < r.starts_at,
        outcome_form,
        room,
        rep_form,
        i: line(lang, &i),
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/interviews/{id}` (audited: it shows the job seeker's name, PV-4).
pub async fn detail(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
    Query(q): Query<Done>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let id = parse_id(lang, &id)?;
    let message = match q.done.as_deref() {
        Some("arranged") => lang.t("interviews-arranged"),
        Some("outcome") => lang.t("interviews-saved"),
        Some("representative") => lang.t("iroom-rep-issued"),
        _ => String::new(),
    };
    detail_page(&state, lang, &me, csrf, id, message, &Filled::fresh(lang)).await
}

/// `POST /staff/interviews/{id}/outcome` (IV-4).
pub async fn outcome(
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
    let id = parse_id(lang, &id)?;
    let (o, on) = (field_value(&fields, "outcome"), field_value(&fields, "on"));
    match arrange::record_outcome(&state.db, state.clock.as_ref(), &me, id, &o, &on).await {
        Ok(()) => Ok(Redirect::to(&format!("/staff/interviews/{id}?done=outcome")).into_response()),
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?.pin("invalid_date", "on");
            let filled = Filled::refused("outcome", &fields, refusal);
            detail_page(&state, lang, &me, csrf, id, String::new(), &filled).await
        }
    }
}

/// `GET /staff/interviews/{id}/cancel`: what cancelling means, and the button.
pub async fn cancel_page(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let id = parse_id(lang, &id)?;
    let i = madoguchi_app::interviews::visible(&state.db, &me, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let l = line(lang, &i);
    let path = format!("/staff/interviews/{id}/cancel");
    let mut view = Notice::new(lang, &path, "interviews-cancel", &[]);
    view.paragraphs = vec![
        format!("{} · {} · {}", l.when, l.employer, l.job),
        lang.t("interviews-cancel-confirm"),
    ];
    view.form_action = path;
    view.csrf = csrf;
    view.button = lang.t("interviews-cancel-yes");
    view.button_class = "danger";
    view.links = vec![(format!("/staff/interviews/{id}"), lang.t("interviews-back"))];
    Ok(render(&view, StatusCode::OK))
}

/// `POST /staff/interviews/{id}/cancel`
pub async fn cancel(
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
    let id = parse_id(lang, &id)?;
    match arrange::cancel(&state.db, state.clock.as_ref(), &me, id).await {
        Ok(()) => {
            list_page(
                &state,
                lang,
                &me,
                csrf,
                lang.t("interviews-cancelled"),
                &Filled::fresh(lang),
            )
            .await
        }
        Err(e) => {
            let filled = Filled::refused("cancel", &fields, Refusal::or_page(lang, e)?);
            detail_page(&state, lang, &me, csrf, id, String::new(), &filled).await
        }
    }
}
