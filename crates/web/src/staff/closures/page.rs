//! What the closures pages share (rule TM-3): the list with the form to add one, the office
//! the page is about, the form's checks, and a closure's day and hours in words.

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use madoguchi_app::closures::{self, Closer, Closing};
use madoguchi_app::offices;
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::calendar::ClosedHours;
use madoguchi_domain::staff::Role;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError, error_page};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One closure as listed.
struct Row {
    iso: String,
    /// The day and its hours (or "all day").
    when: String,
    reason: String,
    added_by: String,
    lift_href: String,
    lift_label: String,
}

#[derive(Template)]
#[template(path = "staff/closures/list.html")]
struct ListPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    /// National admins choose the office: (code, name, chosen). Empty for office admins.
    offices: Vec<(String, String, bool)>,
    /// The office the page is about (empty until a national admin chooses one).
    office: String,
    /// "Coming closures at …".
    upcoming: String,
    closures: Vec<Row>,
    form: Vec<FormField>,
}

#[derive(serde::Deserialize)]
pub struct OfficeQuery {
    pub office: Option<String>,
}

/// Only office admins and national admins close offices; a counsellor is told so.
pub(crate) fn refused_role(lang: Lang, me: &StaffMember) -> Option<Response> {
    (me.role == Role::Counsellor).then(|| {
        error_page(
            lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
            "problem-not_office_admin",
        )
    })
}

/// The office the page is about: an office admin's own, the one a national admin chose.
pub(crate) fn office_for(me: &StaffMember, asked: &str) -> String {
    match me.role {
        Role::NationalAdmin => asked.trim().to_owned(),
        _ => me.office.clone().unwrap_or_default(),
    }
}

/// `10:00～12:00`, or "all day", in the reader's words.
pub(crate) fn hours_label(lang: Lang, hours: Option<ClosedHours>) -> String {
    match hours {
        Some(h) => lang.t_args(
            "hours-range",
            &[
                ("opens", h.from.format("%H:%M").to_string()),
                ("closes", h.until.format("%H:%M").to_string()),
            ],
        ),
        None => lang.t("closures-all-day"),
    }
}

/// The day and the hours of a closure, as one phrase.
pub(crate) fn when(lang: Lang, day: NaiveDate, hours: Option<ClosedHours>) -> String {
    lang.t_args(
        "closures-when-phrase",
        &[("date", lang.date(day)), ("hours", hours_label(lang, hours))],
    )
}

/// Checks what the form sent: the closure, or every problem with it.
pub(crate) fn checked(state: &AppState, fields: &Fields) -> Result<Closing, madoguchi_app::AppError> {
    let (day, from, until, reason) = (
        field_value(fields, "day"),
        field_value(fields, "from"),
        field_value(fields, "until"),
        field_value(fields, "reason"),
    );
    closures::check(
        state.clock.as_ref(),
        &closures::Draft {
            day: &day,
            whole_day: field_value(fields, "extent") != "hours",
            from: &from,
            until: &until,
            reason: &reason,
        },
    )
}

fn form(lang: Lang, filled: &Filled<'_>, today: &str) -> Vec<FormField> {
    let hint = |id: &str| lang.t(id);
    let extent = [
        ("day", lang.t("closures-whole-day")),
        ("hours", lang.t("closures-part-day")),
    ];
    [
        FormField::labelled(lang, "day", "closures-day", "")
            .kind("date")
            .attr("min", today)
            .hint(String::new()),
        FormField::labelled(lang, "extent", "closures-extent", "day")
            .choices(extent)
            .kind("radio")
            .hint(String::new()),
        FormField::labelled(lang, "from", "closures-from", "")
            .kind("time")
            .optional()
            .hint(hint("closures-hours-hint")),
        FormField::labelled(lang, "until", "closures-until", "")
            .kind("time")
            .optional()
            .hint(hint("closures-hours-hint")),
        FormField::labelled(lang, "reason", "closures-reason", "")
            .attr("maxlength", 200)
            .hint(hint("closures-reason-hint")),
    ]
    .into_iter()
    .map(|f| filled.draw("close", f))
    .collect()
}

/// The page for `office` (as chosen or one's own), with a message or a refused form.
pub(crate) async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    office: &str,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let err = |e| PageError(lang, e);
    let mut offices_list = Vec::new();
    if me.role == Role::NationalAdmin {
        for o in offices::list(&state.db).await.map_err(err)? {
            let code = o.code.to_string();
            let chosen = code == office;
            offices_list.push((code, lang.pick(&o.name_ja, &o.name_en).to_owned(), chosen));
        }
    }
    let (mut upcoming, mut rows) = (String::new(), Vec::new());
    if !office.is_empty() {
        let o = offices::get(&state.db, office).await.map_err(err)?;
        let name = lang.pick(&o.name_ja, &o.name_en).to_owned();
        upcoming = lang.t_args("closures-upcoming", &[("office", name)]);
        let listed = closures::upcoming(&state.db, state.clock.as_ref(), &Closer::Staff(me), office)
            .await
            .map_err(err)?;
        for c in listed {
            let day = lang.date(c.day);
            rows.push(Row {
                iso: c.day.to_string(),
                when: when(lang, c.day, c.hours),
                added_by: match c.added_by {
                    Some(who) => lang.t_args("closures-added-by", &[("who", who)]),
                    None => lang.t("closures-added-by-operator"),
                },
                lift_href: format!("/staff/closures/{office}/{}/lift", c.day),
                lift_label: lang.t_args("closures-lift-link", &[("date", day)]),
                reason: c.reason,
            });
        }
    }
    let today = state.clock.today_jst().to_string();
    let form = form(lang, filled, &today);
    let view = ListPage {
        page: Page::new(lang, "/staff/closures", &[("office", office.to_owned())]),
        csrf,
        message,
        summary: filled.summary(&form.iter().collect::<Vec<_>>()),
        offices: offices_list,
        office: office.to_owned(),
        upcoming,
        closures: rows,
        form,
    };
    Ok(filled.refusal.render(&view))
}

/// The form back as typed, with why it was refused (a day already closed is the day's).
pub(crate) async fn refused(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    office: &str,
    fields: &Fields,
    e: madoguchi_app::AppError,
) -> Result<Response, PageError> {
    let refusal = Refusal::or_page(lang, e)?
        .pin("already_closed", "day")
        .pin("not_found", "day");
    let filled = Filled::refused("close", fields, refusal);
    page(state, lang, me, csrf, office, String::new(), &filled).await
}
