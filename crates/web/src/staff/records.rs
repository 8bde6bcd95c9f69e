//! The national admin's view of the records: who looked at whom (PV-4), and the disclosure
//! export (PV-2), the only screen from which client addresses and user agents leave.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use madoguchi_app::records::audit::{self, Query as AuditQuery};
use madoguchi_app::records::disclosure::{self, Format, Request};
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::staff::Role;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use crate::staff::forms::{acting, me, outcome};

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

fn date(s: &str) -> Option<NaiveDate> {
    madoguchi_domain::dates::parse_date(s.trim()).ok_or(()).ok()
}

#[derive(Template)]
#[template(path = "staff/audit.html")]
struct AuditPage {
    page: Page,
    staff_user_id: String,
    seeker_user_id: String,
    from: String,
    until: String,
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
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let query = AuditQuery {
        staff_user_id: get("staff"),
        seeker_user_id: get("seeker"),
        from: date(&get("from")),
        until: date(&get("to")),
    };
    let searched = !q.is_empty();
    let found = if searched {
        audit::search(&state.db, &me, &query)
            .await
            .map_err(|e| PageError(lang, e))?
    } else {
        Vec::new()
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
    let view = AuditPage {
        page: Page::new(lang, "/staff/audit", &[]),
        staff_user_id: query.staff_user_id,
        seeker_user_id: query.seeker_user_id,
        from: get("from"),
        until: get("to"),
        searched,
        rows,
    };
    Ok(render(&view, StatusCode::OK))
}

#[derive(Template)]
#[template(path = "staff/disclosures.html")]
struct DisclosuresPage {
    page: Page,
    csrf: String,
    message: String,
    /// (number, when, by, authority, legal basis, subject and period, format, rows)
    history: Vec<[String; 7]>,
    today: String,
}

async fn disclosures_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    status: StatusCode,
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
    let view = DisclosuresPage {
        page: Page::new(lang, "/staff/disclosures", &[]),
        csrf,
        message,
        history,
        today: state.clock.today_jst().to_string(),
    };
    Ok(render(&view, status))
}

/// `GET /staff/disclosures`: the form and the record of earlier exports (PV-2).
pub async fn disclosures(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = me(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    if me.role != Role::NationalAdmin {
        return Ok(refused(lang));
    }
    disclosures_page(&state, lang, &me, csrf, String::new(), StatusCode::OK).await
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
    let (from, until) = (
        date(&field_value(&fields, "from")),
        date(&field_value(&fields, "until")),
    );
    let format = Format::parse(&field_value(&fields, "format"));
    let (Some(from), Some(until), Some(format)) = (from, until, format) else {
        let message = lang.t("disclosure-bad-period");
        return disclosures_page(&state, lang, &me, csrf, message, StatusCode::BAD_REQUEST).await;
    };
    let request = Request {
        legal_basis: field_value(&fields, "legal_basis"),
        authority: field_value(&fields, "authority"),
        subject_user_id: field_value(&fields, "subject"),
        from,
        until,
        format,
    };
    match disclosure::export(&state.db, state.clock.as_ref(), &me, &request).await {
        Ok(file) => Ok((
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
            .into_response()),
        Err(madoguchi_app::AppError::NotFound { .. }) => {
            let message = lang.t("disclosure-no-subject");
            disclosures_page(&state, lang, &me, csrf, message, StatusCode::NOT_FOUND).await
        }
        Err(e) => {
            let message = outcome(lang, Err(e))?;
            disclosures_page(&state, lang, &me, csrf, message, StatusCode::BAD_REQUEST).await
        }
    }
}
