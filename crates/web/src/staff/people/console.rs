//! The staff console: looking up a job seeker, with a purpose and audited (PV-4; any office's
//! registrant, read only outside one's own office), their residence (AC-12), the actions on
//! them (confirm, exempt, lock, send a reset, suspend, lift the no-show pause). A refused
//! action comes back with its reason as typed and the problem next to it.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_app::AppError;
use madoguchi_app::console::staff::{self, Action, SeekerView};
use madoguchi_app::shared::StaffMember;

use crate::AppState;
use crate::http::forms::{FormField, field_value};
use crate::http::page::{Page, PageError, render};
use crate::http::refusal::{Filled, Refusal, SummaryLine};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;
use madoguchi_domain::usage::DeviceClass;

type Fields = std::collections::HashMap<String, String>;

#[derive(Template)]
#[template(path = "staff/people/console.html")]
pub(crate) struct ConsolePage {
    page: Page,
    csrf: String,
    who: String,
    message: String,
    summary: Vec<SummaryLine>,
    /// The look-up: user ID and purpose, as last asked.
    search: Vec<FormField>,
    seeker: Option<SeekerView>,
    number: String,
    status: String,
    /// (action, button label, its reason field when it needs one)
    actions: Vec<(&'static str, String, Option<FormField>)>,
    /// PV-2: when the person signed in and on what kind of device, nothing more.
    sign_ins: Vec<String>,
    /// AC-12, N20-4: nationality, residence status and period of stay, as (label, value).
    residence: Vec<(String, String)>,
    /// BK-4: the days, from today, on which a second consultation is allowed.
    second_days: Vec<String>,
    /// BK-4: the day and the reason of a second consultation, as typed when refused.
    second: Vec<FormField>,
    /// N15: deletion is for office and national admins.
    can_delete: bool,
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
            .map_or_else(
                || lang.t("console-none"),
                |r| lang.t_or_code("residence-status", r.code),
            );
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

/// The console with a person, their residence and the days their second consultation is
/// allowed (BK-4).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn console_for(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    asked: &Fields,
    seeker: Option<SeekerView>,
    message: String,
    filled: &Filled<'_>,
) -> Result<ConsolePage, PageError> {
    let today = state.clock.today_jst();
    let second = match &seeker {
        Some(s) => madoguchi_app::console::second_consultation::days(&state.db, state.clock.as_ref(), s.user_ref)
            .await
            .map_err(|e| PageError(lang, e))?,
        None => Vec::new(),
    };
    let mut view = console(lang, me, csrf, asked, seeker, message, filled);
    view.residence = view
        .seeker
        .as_ref()
        .map(|s| residence_rows(lang, s, today))
        .unwrap_or_default();
    view.second_days = second.into_iter().map(|d| lang.date(d)).collect();
    view.second = [
        FormField::labelled(lang, "day", "console-second-day", "")
            .kind("date")
            .id("second-day")
            .attr("min", today),
        FormField::labelled(lang, "reason", "console-second-reason", "")
            .id("second-reason")
            .attr("maxlength", 400),
    ]
    .into_iter()
    .map(|f| filled.draw("second", f))
    .collect();
    // The summary names the second consultation's fields too when that form came back.
    let mut drawn: Vec<&FormField> = view.search.iter().collect();
    drawn.extend(view.actions.iter().filter_map(|(_, _, f)| f.as_ref()));
    drawn.extend(&view.second);
    view.summary = filled.summary(&drawn);
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

/// The console: the look-up as `asked`, the person found, and `filled`, which carries a
/// refused look-up or action as typed.
fn console(
    lang: Lang,
    me: &StaffMember,
    csrf: String,
    asked: &Fields,
    seeker: Option<SeekerView>,
    message: String,
    filled: &Filled<'_>,
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
            .map(|(a, label, _)| (a, lang.t(label), reason_field(lang, filled, a)))
            .collect();
            (number, status.join("・"), actions)
        }
        None => (String::new(), String::new(), Vec::new()),
    };
    let purposes = PURPOSES.iter().map(|p| (*p, lang.t(&format!("purpose-{p}"))));
    let asked = |name| field_value(asked, name);
    let search: Vec<FormField> = [
        FormField::labelled(lang, "user_id", "console-search-label", &asked("user_id"))
            .hint(lang.t("console-search-hint"))
            .optional(),
        FormField::labelled(lang, "purpose", "console-purpose", &asked("purpose")).choices(purposes),
    ]
    .into_iter()
    .map(|f| filled.draw("search", f))
    .collect();
    let mut drawn: Vec<&FormField> = search.iter().collect();
    drawn.extend(actions.iter().filter_map(|(_, _, f)| f.as_ref()));
    let summary = filled.summary(&drawn);
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
        second: Vec::new(),
        sign_ins,
        page: Page::new(lang, "/staff", &[]),
        csrf,
        who,
        message,
        summary,
        search,
        seeker,
        number,
        status,
        actions,
    }
}

/// A suspension or a lifted restriction says why (recorded); the field keeps what was typed.
fn reason_field(lang: Lang, filled: &Filled<'_>, action: &'static str) -> Option<FormField> {
    let (id, label) = match action {
        "suspend" => ("reason", "console-suspend-reason"),
        "lift-restriction" => ("lift-reason", "console-lift-reason"),
        _ => return None,
    };
    Some(filled.draw(action, FormField::labelled(lang, "reason", label, "").id(id)))
}

/// `GET /staff`
pub async fn home(State(state): State<AppState>, visitor: Visitor, lang: Lang) -> Result<Response, PageError> {
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    Ok(render(
        &console(
            lang,
            &me,
            csrf,
            &Fields::new(),
            None,
            String::new(),
            &Filled::fresh(lang),
        ),
        StatusCode::OK,
    ))
}

/// Why a staff member looks someone up (PV-4): a fixed list, recorded in the audit log.
pub use madoguchi_app::console::staff::PURPOSES;

/// `GET /staff/seekers?user_id=…&purpose=…`: an explicit, audited look-up (PV-4); the
/// form keeps what was asked.
pub async fn seeker(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<Fields>,
) -> Result<Response, PageError> {
    let Some((me, csrf)) = current(&state, &visitor, lang).await? else {
        return Ok(Redirect::to("/staff/sign-in").into_response());
    };
    let query = field_value(&q, "user_id");
    let purpose = field_value(&q, "purpose");
    let (found, refusal) = match staff::look_up(&state.db, state.clock.as_ref(), &me, &query, &purpose).await {
        Ok(s) => (Some(s), Refusal::none(lang)),
        // Nobody by that ID that this staff member may see.
        Err(AppError::NotFound { .. }) => {
            let mut r = Refusal::none(lang).with_field("user_id", lang.t("console-not-found"));
            r.status = StatusCode::NOT_FOUND;
            (None, r)
        }
        Err(e) => (None, Refusal::or_page(lang, e)?),
    };
    let filled = Filled::refused("search", &q, refusal);
    let view = console_for(&state, lang, &me, csrf, &q, found, String::new(), &filled).await?;
    Ok(filled.refusal.render(&view))
}

/// `POST /staff/seekers/{user_id}/{action}`: done, or the person again with the action's
/// reason as typed and what is wrong with it.
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
    let chosen = match action.as_str() {
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
    let result = staff::act(
        &state.db,
        state.clock.as_ref(),
        &state.site,
        &me,
        &user_id,
        chosen,
        &reason,
    )
    .await;
    let (message, filled) = match result {
        Ok(()) => (lang.t(&format!("console-done-{}", chosen.code())), Filled::fresh(lang)),
        Err(e) => (
            String::new(),
            Filled::refused(&action, &fields, Refusal::or_page(lang, e)?),
        ),
    };
    let seeker = staff::after_action(&state.db, state.clock.as_ref(), &me, &user_id)
        .await
        .ok();
    // The look-up form shows whom the page is about.
    let asked: Fields = [("user_id".to_owned(), user_id.clone())].into();
    let view = console_for(&state, lang, &me, csrf, &asked, seeker, message, &filled).await?;
    Ok(filled.refusal.render(&view))
}
