//! The national admin's view of the records: who looked at whom (PV-4), and the disclosure
//! export (PV-2), the only screen from which client addresses and user agents leave.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use madoguchi_app::AppError;
use madoguchi_app::records::audit::{self, Query as AuditQuery};
use madoguchi_app::records::disclosure::{self, Format, Request};
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

/// An audit action in words; codes without a message are shown as they are.
pub fn action_label(lang: Lang, code: &str) -> String {
    lang.t_or_code("audit-action", code)
}

/// Why, in words: a look-up's purpose code becomes its label; other details stay as written.
pub fn purpose_label(lang: Lang, detail: &str) -> String {
    lang.t_or_code("purpose", detail)
}

/// An office's name in the page's language; the national administration has none.
pub fn office_label(lang: Lang, names: Option<(String, String)>) -> String {
    match names {
        Some((ja, en)) => lang.pick(&ja, &en).to_owned(),
        None => lang.t("record-national"),
    }
}

fn refused(lang: Lang) -> Response {
    crate::http::page::forbidden(lang)
}

/// A date field: empty is `None`; anything else that is not YYYY-MM-DD is refused.
fn date(fields: &Fields, name: &str) -> Result<Option<NaiveDate>, AppError> {
    let v = field_value(fields, name);
    if v.trim().is_empty() {
        return Ok(None);
    }
    madoguchi_domain::dates::parse_date(v.trim())
        .ok_or(())
        .map(Some)
        .map_err(|()| AppError::invalid("invalid_date", name, "YYYY-MM-DD"))
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    page: Page,
    summary: Vec<SummaryLine>,
    /// Staff user ID, job seeker, from, to: as asked.
    fields: Vec<FormField>,
    searched: bool,
    /// (when, staff name, office and role, action, job seeker, why)
    rows: Vec<[String; 6]>,
}

/// `GET /staff/audit?staff=&seeker=&from=&to=`: PV-4, national admins only.
pub async fn audit_search(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let Some((me, _)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if me.role != Role::NationalAdmin {
        return Ok(refused(lang));
    }
    let searched = !q.is_empty();
    let asked = match (date(&q, "from"), date(&q, "to")) {
        (Ok(from), Ok(until)) => Ok(AuditQuery {
            staff_user_id: field_value(&q, "staff"),
            seeker_user_id: field_value(&q, "seeker"),
            from,
            until,
        }),
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    let (found, refusal) = match asked {
        Ok(query) if searched => match audit::search(&state.db, &me, &query).await {
            Ok(found) => (found, Refusal::none(lang)),
            Err(e) => (Vec::new(), Refusal::or_page(lang, e)?),
        },
        Ok(_) => (Vec::new(), Refusal::none(lang)),
        Err(e) => (Vec::new(), Refusal::or_page(lang, e)?),
    };
    let rows = found
        .into_iter()
        .map(|a| {
            let office = office_label(lang, a.office_name_ja.zip(a.office_name_en));
            [
                lang.date_time(a.at),
                format!("{} ({})", a.staff_name, a.staff_user_id),
                format!("{office} · {}", lang.t(&format!("role-{}", a.role))),
                action_label(lang, &a.action),
                a.user_id.unwrap_or_default(),
                purpose_label(lang, &a.detail),
            ]
        })
        .collect();
    // A search form keeps what was asked, right or wrong.
    let filled = Filled::refused("search", &q, refusal);
    let f = |name, label| FormField::labelled(lang, name, label, "").optional();
    let fields: Vec<FormField> = [
        f("staff", "audit-staff"),
        f("seeker", "audit-seeker"),
        f("from", "audit-from").kind("date"),
        f("to", "audit-to").kind("date"),
    ]
    .into_iter()
    .map(|f| filled.draw("search", f))
    .collect();
    let view = AuditPage {
        page: Page::new(lang, "/staff/audit", &[]),
        summary: filled.summary(&fields.iter().collect::<Vec<_>>()),
        fields,
        searched: searched && filled.refusal.is_empty(),
        rows,
    };
    Ok(filled.refusal.render(&view))
}

#[derive(Template)]
#[template(path = "staff/disclosures.html")]
struct DisclosuresPage {
    page: Page,
    csrf: String,
    summary: Vec<SummaryLine>,
    /// Legal basis, authority, subject, period and format: as typed after a refusal.
    fields: Vec<FormField>,
    /// (number, when, by, authority, legal basis, subject and period, format, rows)
    history: Vec<[String; 7]>,
}

async fn disclosures_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let history = disclosure::history(&state.db, me)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|d| {
            let period = match (d.period_from, d.period_until) {
                (Some(f), Some(u)) => format!("{f} – {u}"),
                _ => String::new(),
            };
            let subject = d.subject_ref.map(|r| format!("#{r} · ")).unwrap_or_default();
            [
                d.id.to_string(),
                lang.date_time(d.at),
                d.staff_name,
                format!("{} / {}", d.authority, d.legal_basis),
                format!("{subject}{period}"),
                d.format.to_uppercase(),
                d.rows.to_string(),
            ]
        })
        .collect();
    let today = state.clock.today_jst().to_string();
    let f = |name, label, value: &str| FormField::labelled(lang, name, label, value);
    let formats = [("csv", "CSV"), ("json", "JSON")];
    let fields: Vec<FormField> = [
        f("legal_basis", "disclosure-basis", "")
            .hint(lang.t("disclosure-basis-hint"))
            .kind("textarea")
            .attr("rows", 3)
            .attr("maxlength", 500),
        f("authority", "disclosure-authority", "").attr("maxlength", 200),
        f("subject", "disclosure-subject", "")
            .hint(lang.t("disclosure-subject-hint"))
            .optional(),
        f("from", "audit-from", &today).kind("date"),
        f("until", "audit-to", &today).kind("date"),
        f("format", "disclosure-format", "csv").choices(formats).kind("radio"),
    ]
    .into_iter()
    .map(|f| filled.draw("export", f))
    .collect();
    let view = DisclosuresPage {
        page: Page::new(lang, "/staff/disclosures", &[]),
        csrf,
        summary: filled.summary(&fields.iter().collect::<Vec<_>>()),
        fields,
        history,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/disclosures`: the form and the record of earlier exports (PV-2).
pub async fn disclosures(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if me.role != Role::NationalAdmin {
        return Ok(refused(lang));
    }
    disclosures_page(&state, lang, &me, csrf, &Filled::fresh(lang)).await
}

/// `POST /staff/disclosures`: the file itself, or the form again with what is missing.
pub async fn export(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    let (me, csrf) = match acting(&state, &visitor, lang, &fields).await? {
        Ok(m) => m,
        Err(r) => return Ok(r),
    };
    if me.role != Role::NationalAdmin {
        return Ok(refused(lang));
    }
    match export_file(&state, &me, &fields).await {
        Ok(file) => Ok(file),
        Err(e) => {
            // Nobody has the user ID typed: the subject field's problem.
            let refusal = Refusal::or_page(lang, e)?.pin_as("not_found", "subject", lang.t("disclosure-no-subject"));
            let filled = Filled::refused("export", &fields, refusal);
            disclosures_page(&state, lang, &me, csrf, &filled).await
        }
    }
}

/// The disclosure file, or why it cannot be made.
async fn export_file(state: &AppState, me: &StaffMember, fields: &Fields) -> Result<Response, AppError> {
    let required = |name: &str| date(fields, name)?.ok_or_else(|| AppError::invalid("required", name, "a date"));
    let (from, until) = (required("from")?, required("until")?);
    let format = Format::parse(&field_value(fields, "format"))
        .ok_or_else(|| AppError::invalid("invalid_choice", "format", "csv or json"))?;
    let request = Request {
        legal_basis: field_value(fields, "legal_basis"),
        authority: field_value(fields, "authority"),
        subject_user_id: field_value(fields, "subject"),
        from,
        until,
        format,
    };
    let file = disclosure::export(&state.db, state.clock.as_ref(), me, &request).await?;
    Ok((
        [
            (header::CONTENT_TYPE, file.content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", file.filename),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        file.body,
    )
        .into_response())
}
