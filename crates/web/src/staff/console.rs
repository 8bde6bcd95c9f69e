//! The staff console: looking up a job seeker, with a purpose and audited (PV-4; any office's
//! registrant, read only outside one's own office), their residence (AC-12), the actions on
//! them (confirm, exempt, lock, send a reset, suspend, lift the no-show pause), and creating
//! staff accounts.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::accounts::staff::{self, Action, SeekerView};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::field_value;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use madoguchi_domain::usage::DeviceClass;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/console.html")]
pub(crate) struct ConsolePage {
    page: Page,
    csrf: String,
    who: String,
    message: String,
    query: String,
    seeker: Option<SeekerView>,
    number: String,
    status: String,
    actions: Vec<(&'static str, String)>,
    purposes: Vec<(&'static str, String)>,
    /// PV-2: when the person signed in and on what kind of device, nothing more.
    sign_ins: Vec<String>,
    /// AC-12, N20-4: nationality, residence status and period of stay, as (label, value).
    residence: Vec<(String, String)>,
    /// BK-4: the days, from today, on which a second consultation is allowed.
    second_days: Vec<String>,
    /// N15: deletion is for office and national admins.
    can_delete: bool,
    today: String,
}

/// AC-12: what the console shows of the person's residence; the look-up audited it.
fn residence_rows(lang: Lang, s: &SeekerView, today: chrono::NaiveDate) -> Vec<(String, String)> {
    let mut rows = vec![(
        lang.t("field-nationality"),
        lang.t(&format!("nationality-{}", s.nationality)),
    )];
    if s.nationality == "other" {
        let status = s
            .residence_status
            .as_deref()
            .and_then(madoguchi_domain::residence::status)
            .map_or_else(|| lang.t("console-none"), |r| lang.pick(r.ja, r.en).to_owned());
        let until = match s.stay_until {
            Some(d) if d < today => format!("{}（{}）", lang.date(d), lang.t("console-stay-expired")),
            Some(d) => lang.date(d),
            None if status != lang.t("console-none") => lang.t("console-stay-indefinite"),
            None => lang.t("console-none"),
        };
        rows.push((lang.t("field-residence_status"), status));
        rows.push((lang.t("field-stay_until"), until));
    }
    rows
}

/// The console with a person, and the days their second consultation is allowed (BK-4).
pub(crate) async fn console_for(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    query: &str,
    seeker: Option<SeekerView>,
    message: String,
) -> Result<ConsolePage, PageError> {
    let today = state.clock.today_jst();
    let second = match &seeker {
        Some(s) => madoguchi_app::accounts::second_consultation::days(&state.db, state.clock.as_ref(), s.user_ref)
            .await
            .map_err(|e| PageError(lang, e))?,
        None => Vec::new(),
    };
    let mut view = console(lang, me, csrf, query, seeker, message);
    view.residence = view
        .seeker
        .as_ref()
        .map(|s| residence_rows(lang, s, today))
        .unwrap_or_default();
    view.second_days = second.into_iter().map(|d| lang.date(d)).collect();
    view.today = today.to_string();
    Ok(view)
}

/// The signed-in staff member, or a redirect to the staff sign-in.
pub(crate) async fn current(
    state: &AppState,
    visitor: &Visitor,
    lang: Lang,
) -> Result<Option<(StaffMember, String)>, PageError> {
    visitor.staff_member(state).await.map_err(|e| PageError(lang, e))
}

fn console(
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    query: &str,
    seeker: Option<SeekerView>,
    message: String,
) -> ConsolePage {
    let who = format!(
        "{} · {}{}",
        me.name,
        lang.t(&format!("role-{}", me.role.code())),
        me.office.as_ref().map(|o| format!(" · {o}")).unwrap_or_default()
    );
    let (number, status, actions) = match &seeker {
        Some(s) => {
            let number = match (&s.job_seeker_number, s.job_seeker_expires) {
                (Some(n), Some(d)) => format!("{n}（{}）", lang.date(d)),
                (Some(n), None) => n.clone(),
                _ => lang.t("console-none"),
            };
            let mut status = Vec::new();
            for (flag, id) in [
                (s.confirmed, "console-confirmed"),
                (s.exempt, "console-exempt"),
                (s.locked, "console-locked"),
            ] {
                if flag {
                    status.push(lang.t(id));
                }
            }
            if s.restricted {
                status.push(lang.t("console-restricted"));
            }
            if let Some(r) = &s.suspended_reason {
                status.push(format!("{}（{r}）", lang.t("console-suspended")));
            }
            let actions = [
                (
                    "confirm",
                    "console-action-confirm",
                    !s.confirmed && s.job_seeker_number.is_some(),
                ),
                ("exempt", "console-action-exempt", !s.exempt),
                ("lock", "console-action-lock", !s.locked),
                ("reset", "console-action-reset", true),
                ("suspend", "console-action-suspend", s.suspended_reason.is_none()),
                ("unsuspend", "console-action-unsuspend", s.suspended_reason.is_some()),
                ("lift-restriction", "console-action-lift-restriction", s.restricted),
            ]
            .into_iter()
            // PV-4: a look-up across offices only reads; the person's own office acts.
            .filter(|(_, _, show)| *show && s.may_act)
            .map(|(a, label, _)| (a, lang.t(label)))
            .collect();
            (number, status.join("・"), actions)
        }
        None => (String::new(), String::new(), Vec::new()),
    };
    let purposes = PURPOSES.iter().map(|p| (*p, lang.t(&format!("purpose-{p}")))).collect();
    let sign_ins = seeker
        .iter()
        .flat_map(|s| &s.recent_sign_ins)
        .map(|(at, device)| {
            let kind = match device {
                DeviceClass::Mobile => lang.t("device-mobile"),
                DeviceClass::Desktop => lang.t("device-desktop"),
            };
            format!("{} · {kind}", lang.date_time(*at))
        })
        .collect();
    let can_delete = me.role != madoguchi_domain::staff::Role::Counsellor && seeker.as_ref().is_some_and(|s| s.may_act);
    ConsolePage {
        can_delete,
        residence: Vec::new(),
        second_days: Vec::new(),
        today: String::new(),
        sign_ins,
        page: Page::new(lang, "/staff", &[]),
        csrf,
        who,
        message,
        query: query.to_owned(),
        seeker,
        number,
        status,
        actions,
        purposes,
    }
}

/// `GET /staff`
pub async fn home(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    Ok(render(
        &console(lang, &me, csrf, "", None, String::new()),
        StatusCode::OK,
    ))
}

#[derive(serde::Deserialize)]
pub struct SeekerQuery {
    user_id: Option<String>,
    purpose: Option<String>,
}

/// Why a staff member looks someone up (PV-4): a fixed list, recorded in the audit log.
pub use madoguchi_app::accounts::staff::PURPOSES;

/// `GET /staff/seekers?user_id=…`: an explicit, audited look-up (PV-4).
pub async fn seeker(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<SeekerQuery>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let query = q.user_id.unwrap_or_default();
    let purpose = q.purpose.filter(|p| PURPOSES.contains(&p.as_str())).unwrap_or_default();
    match staff::look_up(&state.db, state.clock.as_ref(), &me, &query, &purpose).await {
        Ok(s) => Ok(render(
            &console_for(&state, lang, &me, csrf, &query, Some(s), String::new()).await?,
            StatusCode::OK,
        )),
        Err(AppError::NotFound { .. }) => {
            let view = console(lang, &me, csrf, &query, None, lang.t("console-not-found"));
            Ok(render(&view, StatusCode::NOT_FOUND))
        }
        Err(AppError::InvalidInput { .. }) => {
            let view = console(lang, &me, csrf, &query, None, lang.t("console-purpose-needed"));
            Ok(render(&view, StatusCode::BAD_REQUEST))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}

/// `POST /staff/seekers/{user_id}/{action}`
pub async fn act(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Path((user_id, action)): Path<(String, String)>,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let action = match action.as_str() {
        "confirm" => Action::Confirm,
        "exempt" => Action::Exempt,
        "lock" => Action::Lock,
        "reset" => Action::SendReset,
        "suspend" => Action::Suspend,
        "unsuspend" => Action::Unsuspend,
        "lift-restriction" => Action::LiftRestriction,
        _ => return Err(PageError(lang, AppError::NotFound { what: "action".into() })),
    };
    let reason = field_value(&fields, "reason");
    staff::act(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        &me,
        &user_id,
        action,
        &reason,
    )
    .await
    .map_err(|e| PageError(lang, e))?;
    let seeker = staff::after_action(&state.db, state.clock.as_ref(), &me, &user_id)
        .await
        .ok();
    let message = lang.t(&format!("console-done-{}", action.code()));
    Ok(render(
        &console_for(&state, lang, &me, csrf, &user_id, seeker, message).await?,
        StatusCode::OK,
    ))
}

#[derive(Template)]
#[template(path = "staff/members.html")]
struct MembersPage {
    page: Page,
    csrf: String,
    error: String,
    created: Option<staff::Credentials>,
    roles: Vec<(&'static str, String)>,
    office: String,
}

fn members_page(lang: Lang, me: &StaffMember, csrf: String) -> MembersPage {
    use madoguchi_domain::staff::{Role, may_create};
    let roles = Role::ALL
        .into_iter()
        .filter(|r| {
            may_create(
                me.role,
                me.office.as_deref(),
                *r,
                me.office.as_deref().filter(|_| *r != Role::NationalAdmin),
            )
        })
        .map(|r| (r.code(), lang.t(&format!("role-{}", r.code()))))
        .collect();
    MembersPage {
        page: Page::new(lang, "/staff/members", &[]),
        csrf,
        error: String::new(),
        created: None,
        roles,
        office: me.office.clone().unwrap_or_default(),
    }
}

/// `GET /staff/members`: admins create staff for their own scope.
pub async fn members(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let view = members_page(lang, &me, csrf);
    let status = if view.roles.is_empty() {
        StatusCode::FORBIDDEN
    } else {
        StatusCode::OK
    };
    Ok(render(&view, status))
}

/// `POST /staff/members`: shows the new member's password and TOTP secret once.
pub async fn create_member(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, PageError> {
    visitor
        .check_csrf(&field_value(&fields, "_csrf"))
        .map_err(|e| PageError(lang, e))?;
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let mut view = members_page(lang, &me, csrf);
    let Some(role) = madoguchi_domain::staff::Role::parse(&field_value(&fields, "role")) else {
        view.error = lang.t("problem-invalid_input");
        return Ok(render(&view, StatusCode::BAD_REQUEST));
    };
    let office = field_value(&fields, "office");
    let office = Some(office.trim()).filter(|o| !o.is_empty());
    let result = staff::create(
        &state.db,
        state.clock.as_ref(),
        &state.limits,
        Some(&me),
        role,
        office,
        &field_value(&fields, "user_id"),
        &field_value(&fields, "name"),
    )
    .await;
    match result {
        Ok(c) => {
            view.created = Some(c);
            Ok(render(&view, StatusCode::OK))
        }
        Err(e @ (AppError::InvalidInput { .. } | AppError::NotFound { .. } | AppError::Forbidden { .. })) => {
            view.error = e.to_string();
            Ok(render(&view, crate::http::problem::status_of(e.code())))
        }
        Err(e) => Err(PageError(lang, e)),
    }
}
