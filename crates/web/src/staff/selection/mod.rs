//! 管理選考 in the console (IV-2): the office's selection days with the form to publish one
//! (`GET`/`POST /staff/selection`), and one day's page (`day`): its slots, referring job
//! seekers, the bookings with what each agreed to share, and a new link for the employer.
//! Office staff (counsellors and admins) run their office's days; a national admin names the
//! office (`?office=`). A refused form comes back as typed, each problem at its field.

pub mod day;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::selection::{self, DayInput};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::staff::Role;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me};

type Fields = std::collections::HashMap<String, String>;

/// One day as listed.
struct Row {
    href: String,
    when: String,
    employer: String,
    job: String,
}

#[derive(Template)]
#[template(path = "staff/selection/list.html")]
struct ListPage {
    page: Page,
    csrf: String,
    summary: Vec<SummaryLine>,
    national: bool,
    office: String,
    days: Vec<Row>,
    form: Vec<FormField>,
}

#[derive(serde::Deserialize)]
pub struct OfficeQuery {
    pub office: Option<String>,
}

/// The office the page is about: one's own, or the one a national admin named.
fn office_for(me: &StaffMember, asked: &str) -> String {
    match me.role {
        Role::NationalAdmin => asked.trim().to_owned(),
        _ => me.office.clone().unwrap_or_default(),
    }
}

fn form(lang: Lang, filled: &Filled<'_>, today: &str) -> Vec<FormField> {
    let apps = selection::APPS.map(|a| (a, lang.t(&format!("app-{a}"))));
    [
        FormField::labelled(lang, "employer_name", "selection-field-employer", "").attr("maxlength", 100),
        FormField::labelled(lang, "contact_name", "selection-field-contact-name", "").attr("maxlength", 60),
        FormField::labelled(lang, "contact_email", "selection-field-contact-email", "")
            .kind("email")
            .hint(lang.t("selection-hint-contact-email")),
        FormField::labelled(lang, "job_number", "selection-field-job-number", "").attr("maxlength", 30),
        FormField::labelled(lang, "job_title", "selection-field-job-title", "").attr("maxlength", 100),
        FormField::labelled(lang, "date", "selection-field-date", "")
            .kind("date")
            .attr("min", today),
        FormField::labelled(lang, "app", "selection-field-app", "builtin").choices(apps),
        FormField::labelled(lang, "start", "selection-field-start", "10:00").kind("time"),
        FormField::labelled(lang, "minutes", "selection-field-minutes", "30")
            .kind("number")
            .attr("min", 10)
            .attr("max", 120),
        FormField::labelled(lang, "count", "selection-field-count", "10")
            .kind("number")
            .attr("min", 1)
            .attr("max", 40)
            .hint(lang.t("selection-hint-count")),
    ]
    .into_iter()
    .map(|f| filled.draw("publish", f))
    .collect()
}

async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    office: &str,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let mut days = Vec::new();
    if !office.is_empty() {
        for d in selection::days(&state.db, state.clock.as_ref(), me, office)
            .await
            .map_err(|e| PageError(lang, e))?
        {
            days.push(Row {
                href: format!("/staff/selection/{}", d.id),
                when: lang.date(d.local_date),
                employer: d.employer_name,
                job: format!("{} {}", d.job_number, d.job_title),
            });
        }
    }
    let form = form(lang, filled, &state.clock.today_jst().to_string());
    let view = ListPage {
        page: Page::new(lang, "/staff/selection", &[("office", office.to_owned())]),
        csrf,
        summary: filled.summary(&form.iter().collect::<Vec<_>>()),
        national: me.role == Role::NationalAdmin,
        office: office.to_owned(),
        days,
        form,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/selection[?office=]`
pub async fn list(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<OfficeQuery>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let office = office_for(&me, q.office.as_deref().unwrap_or_default());
    page(&state, lang, &me, csrf, &office, &Filled::fresh(lang)).await
}

/// `POST /staff/selection`: the day's page, or the form again as typed with its problems.
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
    let office = office_for(&me, &field_value(&fields, "office"));
    let v = |name: &str| field_value(&fields, name);
    let input = DayInput {
        employer_name: v("employer_name"),
        contact_name: v("contact_name"),
        contact_email: v("contact_email"),
        job_number: v("job_number"),
        job_title: v("job_title"),
        date: v("date"),
        app: v("app"),
        start: v("start"),
        minutes: v("minutes"),
        count: v("count"),
    };
    match selection::publish(&state.db, state.clock.as_ref(), &state.site, &me, &office, &input).await {
        Ok(id) => Ok(Redirect::to(&format!("/staff/selection/{id}?published=1")).into_response()),
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?
                .pin("closed_day", "date")
                .pin("closed_hours", "start")
                .pin("date_in_past", "date")
                .pin("outside_hours", "start");
            let filled = Filled::refused("publish", &fields, refusal);
            page(&state, lang, &me, csrf, &office, &filled).await
        }
    }
}
