//! National and office notices as staff write them (NT-1).

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, TimeZone, Utc};
use madoguchi_app::AppError;
use madoguchi_app::notices::{self, Mode, NoticeInput, Publisher};
use madoguchi_app::shared::StaffMember;
use madoguchi_app::translations::Of;
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;

type Fields = std::collections::HashMap<String, String>;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "staff/notices.html")]
struct StaffPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    national: bool,
    mode: String,
    /// The three forms (publish a notice, switch the mode, publish terms), as typed when
    /// one came back refused.
    publish: Vec<FormField>,
    switch: Vec<FormField>,
    terms: Vec<FormField>,
    /// Issue 16, item 3: the optional translation typed with a new notice.
    translation: Vec<FormField>,
    terms_translation: Vec<FormField>,
    /// What this member may translate: (link, label) of the notices showing now and, for
    /// national admins, every terms version.
    notices: Vec<(String, String)>,
    terms_versions: Vec<(String, String)>,
    /// The offices whose name and address this member may translate.
    offices: Vec<(String, String)>,
}

fn forms(lang: Lang, filled: &Filled<'_>) -> [Vec<FormField>; 5] {
    let f = |name, label, id: &str| FormField::labelled(lang, name, label, "").id(id);
    let when = |name, label| f(name, label, name).kind("datetime-local").optional();
    let kinds = notices::KINDS.iter().map(|k| (*k, lang.t(&format!("notice-kind-{k}"))));
    let publish = vec![
        f("kind", "seminar-kind", "kind").choices(kinds),
        f("title", "staff-seminars-name", "title").attr("maxlength", 100),
        f("body", "staff-seminars-description", "body")
            .kind("textarea")
            .attr("rows", 4)
            .attr("maxlength", 2000),
        when("publish_from", "staff-notices-from"),
        when("publish_until", "staff-notices-until"),
        when("window_from", "staff-notices-window-from"),
        when("window_until", "staff-notices-window-until"),
    ];
    let modes = ["open", "read_only", "closed"].map(|m| (m, lang.t(&format!("mode-{m}"))));
    let switch = vec![
        f("mode", "staff-notices-mode", "mode").choices(modes).kind("radio"),
        f("title", "staff-notices-switch-title", "switch-title")
            .optional()
            .attr("maxlength", 100),
        f("body", "staff-notices-switch-body", "switch-body")
            .kind("textarea")
            .optional()
            .attr("rows", 3)
            .attr("maxlength", 2000),
    ];
    let services = madoguchi_app::notices::terms::SERVICES.map(|s| (s, lang.t(&format!("terms-{s}"))));
    let terms = vec![
        f("service", "staff-terms-service", "terms-service").choices(services),
        f("version", "terms-version", "terms-version").attr("maxlength", 20),
        f("effective_from", "terms-effective", "terms-effective").kind("datetime-local"),
        f("body", "staff-terms-body", "terms-body")
            .kind("textarea")
            .attr("rows", 8),
    ];
    // Issue 16, item 3: a translation may be typed with the notice (all optional).
    let none = (String::new(), lang.t("content-no-language"));
    let choices = std::iter::once(none).chain(crate::staff::translations::language_choices(&[]));
    let choices: Vec<_> = choices.collect();
    let mut translation = crate::staff::translations::fields(lang, Of::Notice, "", Some(choices.clone()));
    let mut terms_translation = crate::staff::translations::fields(lang, Of::Terms, "terms-", Some(choices));
    for f in translation.iter_mut().chain(&mut terms_translation) {
        f.required = false;
    }
    let draw = |key: &str, fields: Vec<FormField>| fields.into_iter().map(|f| filled.draw(key, f)).collect();
    [
        draw("publish", publish),
        draw("switch", switch),
        draw("terms", terms),
        draw("publish", translation),
        draw("terms", terms_translation),
    ]
}

async fn staff_page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let (mode, _) = notices::mode(&state.db).await.map_err(|e| PageError(lang, e))?;
    let [publish, switch, terms, translation, terms_translation] = forms(lang, filled);
    let national = me.role == Role::NationalAdmin;
    let (notices, terms_versions) = translatable(state, lang, me).await?;
    let offices = madoguchi_app::offices::list(&state.db)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .filter(|o| madoguchi_domain::staff::administers(me.role, me.office.as_deref(), o.code.as_str()))
        .map(|o| {
            let href = format!("/staff/translations/{}/{}", Of::Office.code(), o.code);
            (href, lang.pick(&o.name_ja, &o.name_en).to_owned())
        })
        .collect();
    // Only the forms on the page link from the summary (the others are national admins').
    let mut drawn: Vec<&FormField> = publish.iter().chain(&translation).collect();
    if national {
        drawn.extend(switch.iter().chain(&terms).chain(&terms_translation));
    }
    let view = StaffPage {
        page: Page::new(lang, "/staff/notices", &[]),
        csrf,
        message,
        summary: filled.summary(&drawn),
        national,
        mode: lang.t(&format!("mode-{}", mode.code())),
        publish,
        switch,
        terms,
        translation,
        terms_translation,
        notices,
        terms_versions,
        offices,
    };
    Ok(filled.refusal.render(&view))
}

/// The notices showing now that this member publishes (national ones for national admins,
/// the office's for its admins) and, for national admins, the terms versions: each with the
/// link to its translations.
async fn translatable(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), PageError> {
    let fail = |e| PageError(lang, e);
    let national = me.role == Role::NationalAdmin;
    let link = |of: Of, id: i64| format!("/staff/translations/{}/{id}", of.code());
    let notices = notices::current(&state.db, state.clock.as_ref())
        .await
        .map_err(fail)?
        .into_iter()
        .filter(|n| match &n.office_code {
            None => national,
            Some(code) => madoguchi_domain::staff::administers(me.role, me.office.as_deref(), code),
        })
        .map(|n| (link(Of::Notice, n.id), n.title))
        .collect();
    let mut terms_versions = Vec::new();
    if national {
        for service in madoguchi_app::notices::terms::SERVICES {
            let (rows, _) = madoguchi_app::notices::terms::versions(&state.db, state.clock.as_ref(), service)
                .await
                .map_err(fail)?;
            terms_versions.extend(rows.into_iter().map(|r| {
                let label = format!("{} {}", lang.t(&format!("terms-{service}")), r.version);
                (link(Of::Terms, r.id), label)
            }));
        }
    }
    Ok((notices, terms_versions))
}

/// `GET /staff/notices`
pub async fn staff(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    staff_page(&state, lang, &me, csrf, String::new(), &Filled::fresh(lang)).await
}

/// A `datetime-local` field in Japan time; empty is `None`, and anything else that is not a
/// date and time is refused rather than quietly ignored.
fn local(fields: &Fields, name: &str) -> Result<Option<DateTime<Utc>>, AppError> {
    let v = field_value(fields, name);
    if v.trim().is_empty() {
        return Ok(None);
    }
    madoguchi_domain::dates::parse_date_time(v.trim())
        .ok_or(())
        .ok()
        .and_then(|t| jst().from_local_datetime(&t).single())
        .map(|t| Some(t.with_timezone(&Utc)))
        .ok_or_else(|| AppError::invalid("invalid_date", name, "YYYY-MM-DDTHH:MM"))
}

fn notice_input(f: &Fields) -> Result<NoticeInput, AppError> {
    let window = local(f, "window_from")?.zip(local(f, "window_until")?);
    Ok(NoticeInput {
        kind: field_value(f, "kind"),
        title: field_value(f, "title"),
        body: field_value(f, "body"),
        publish_from: local(f, "publish_from")?,
        publish_until: local(f, "publish_until")?,
        window,
    })
}

/// Issue 16, item 3: the translation typed with a notice or terms, when anything was typed.
fn typed_translation(f: &Fields) -> Option<madoguchi_app::translations::Translation> {
    let typed = crate::staff::translations::typed(f);
    [&typed.lang, &typed.title, &typed.body]
        .iter()
        .any(|v| !v.trim().is_empty())
        .then_some(typed)
}

/// `POST /staff/notices`: `action=publish`, `action=switch` or `action=terms`.
pub async fn staff_post(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(f): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&f, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let (db, clock) = (&state.db, state.clock.as_ref());
    let action = field_value(&f, "action");
    let result = if action == "terms" {
        match local(&f, "effective_from") {
            Ok(Some(at)) => madoguchi_app::notices::terms::publish_translated(
                db,
                clock,
                Publisher::Staff(&me),
                &field_value(&f, "service"),
                (&field_value(&f, "version"), &field_value(&f, "body"), at),
                typed_translation(&f).as_ref(),
                &crate::http::translated::known(),
            )
            .await
            .map(|_| lang.t("day-saved")),
            Ok(None) => Err(AppError::invalid("required", "effective_from", "YYYY-MM-DDTHH:MM")),
            Err(e) => Err(e),
        }
    } else if action == "switch" {
        match Mode::parse(&field_value(&f, "mode")) {
            Some(mode) => {
                let (title, body) = (field_value(&f, "title"), field_value(&f, "body"));
                let notice = (mode != Mode::Open).then_some((title.as_str(), body.as_str()));
                let r = notices::switch(db, clock, Publisher::Staff(&me), mode, notice).await;
                // This replica answers in the new mode at once; the others within seconds.
                state.maintenance.forget();
                r.map(|()| lang.t("day-saved"))
            }
            None => Err(AppError::invalid("invalid_choice", "mode", "open, read_only or closed")),
        }
    } else {
        let translation = typed_translation(&f);
        let translation = translation.as_ref();
        let known = crate::http::translated::known();
        match notice_input(&f) {
            Ok(input) => notices::publish_translated(db, clock, Publisher::Staff(&me), &input, translation, &known)
                .await
                .map(|_| lang.t("day-saved")),
            Err(e) => Err(e),
        }
    };
    match result {
        Ok(m) => staff_page(&state, lang, &me, csrf, m, &Filled::fresh(lang)).await,
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?
                .pin("conflict", "version")
                .pin("not_found", "service");
            let key = if action.is_empty() { "publish" } else { action.as_str() };
            let filled = Filled::refused(key, &f, refusal);
            staff_page(&state, lang, &me, csrf, String::new(), &filled).await
        }
    }
}
