//! The office's meeting apps (MT-1) and its Zoom app (MT-2), as its admins set them
//! (issue 15): `GET /staff/apps`, `POST /staff/apps` with `action` = `consultation`,
//! `seminar` or `zoom`. Zoom's secrets are never drawn again, typed or saved: the page
//! shows their last four characters.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::offices::apps::{self, APPS, SERVICES};
use madoguchi_app::shared::StaffMember;
use madoguchi_app::zoom::credentials::{self, Entered};

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

/// One service's form.
struct ServiceForm {
    service: &'static str,
    title: String,
    fields: Vec<FormField>,
}

#[derive(Template)]
#[template(path = "staff/apps.html")]
struct AppsPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    services: Vec<ServiceForm>,
    zoom: Vec<FormField>,
    /// What is saved: "account ID, client ID, …1234, …abcd", if set up.
    zoom_saved: Option<String>,
    webhook_url: String,
    keys_configured: bool,
}

fn office_of(me: &StaffMember) -> Result<String, AppError> {
    me.office.clone().ok_or(AppError::Forbidden {
        code: "not_office_admin",
        message: "meeting apps belong to an office",
    })
}

async fn draw(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let fail = |e| PageError(lang, e);
    let office = office_of(me).map_err(fail)?;
    let shown = credentials::shown(&state.db, me, &office).await.map_err(fail)?;
    let choices = apps::for_office(&state.db, &office).await.map_err(fail)?;
    let app_name = |a: &str| lang.t(&format!("app-{a}"));
    let _ = &app_name;
    let services: Vec<ServiceForm> = choices
        .iter()
        .map(|c| {
            let mut fields: Vec<FormField> = APPS
                .iter()
                .map(|a| {
                    let name: &'static str = match *a {
                        "zoom" => "app_zoom",
                        "teleoffice" => "app_teleoffice",
                        "e_tumo" => "app_e_tumo",
                        _ => "app_builtin",
                    };
                    let on = if c.apps.contains(a) { "on" } else { "" };
                    FormField::labelled(lang, name, &format!("app-{a}"), on)
                        .id(&format!("{}-{name}", c.service))
                        .kind("checkbox")
                        .optional()
                })
                .collect();
            fields.push(
                FormField::labelled(lang, "default", "zoom-apps-default", c.default)
                    .id(&format!("{}-default", c.service))
                    .choices(APPS.iter().map(|a| (*a, app_name(a)))),
            );
            ServiceForm {
                service: c.service,
                title: lang.t(&format!("zoom-apps-{}", c.service)),
                fields: fields.into_iter().map(|f| filled.draw(c.service, f)).collect(),
            }
        })
        .collect();
    let text = |name, label, value: &str| FormField::labelled(lang, name, label, value).attr("maxlength", 200);
    let zoom = vec![
        text(
            "account_id",
            "zoom-account-id",
            shown.as_ref().map_or("", |s| s.account_id.as_str()),
        ),
        text(
            "client_id",
            "zoom-client-id",
            shown.as_ref().map_or("", |s| s.client_id.as_str()),
        ),
        text("client_secret", "zoom-client-secret", "").kind("password"),
        text("webhook_secret", "zoom-webhook-secret", "").kind("password"),
    ]
    .into_iter()
    .map(|f| filled.draw("zoom", f))
    .collect::<Vec<_>>();
    let zoom_saved =
        shown.map(|s| lang.t_args("zoom-saved", &[("secret", s.secret_tail), ("webhook", s.webhook_tail)]));
    let mut drawn: Vec<&FormField> = Vec::new();
    for s in &services {
        drawn.extend(s.fields.iter());
    }
    drawn.extend(zoom.iter());
    let summary = filled.summary(&drawn);
    let view = AppsPage {
        page: Page::new(lang, "/staff/apps", &[]),
        csrf,
        message,
        summary,
        webhook_url: format!("{}/webhooks/zoom/{office}", state.site.base_url.trim_end_matches('/')),
        keys_configured: state.zoom.keys.is_some(),
        services,
        zoom,
        zoom_saved,
    };
    Ok(filled.refusal.render(&view))
}

/// `GET /staff/apps`
pub async fn page(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = visitor.staff_member(&state).await.map_err(|e| PageError(lang, e))? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    draw(&state, lang, &me, csrf, String::new(), &Filled::fresh(lang)).await
}

/// `POST /staff/apps`
pub async fn save(
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
    let action = field_value(&f, "action");
    let result = match office_of(&me) {
        Err(e) => Err(e),
        Ok(office) if action == "zoom" => {
            let entered = Entered {
                account_id: field_value(&f, "account_id"),
                client_id: field_value(&f, "client_id"),
                client_secret: field_value(&f, "client_secret"),
                webhook_secret: field_value(&f, "webhook_secret"),
            };
            credentials::save(&state.db, state.clock.as_ref(), &state.zoom, &me, &office, &entered).await
        }
        Ok(office) if SERVICES.contains(&action.as_str()) => {
            let chosen: Vec<String> = APPS
                .iter()
                .filter(|a| field_value(&f, &format!("app_{a}")) == "on")
                .map(|a| (*a).to_owned())
                .collect();
            apps::set(
                &state.db,
                state.clock.as_ref(),
                &me,
                &office,
                &action,
                &chosen,
                &field_value(&f, "default"),
            )
            .await
        }
        Ok(_) => Err(AppError::invalid(
            "invalid_choice",
            "action",
            "consultation, seminar or zoom",
        )),
    };
    match result {
        Ok(()) => draw(&state, lang, &me, csrf, lang.t("day-saved"), &Filled::fresh(lang)).await,
        Err(e) => {
            let refusal = Refusal::or_page(lang, e)?.pin("secrets_key_missing", "client_secret");
            let refusal = refusal.pin("app_not_offered", "default");
            let filled = Filled::refused(&action, &f, refusal);
            draw(&state, lang, &me, csrf, String::new(), &filled).await
        }
    }
}
