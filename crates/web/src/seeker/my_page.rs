//! My Page (求職者マイページ): reservations and seminars with how to join, consultation
//! requests (BK-7), the inbox (NO-2), who viewed the person's data (PV-4) and the terms
//! history (AC-13).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use madoguchi_store::{accounts::users, mail::inbox};

use crate::AppState;
use crate::http::page::{Page, PageError, render};
use crate::http::visitor::Visitor;
use crate::i18n::Lang;

pub struct MyReservation {
    /// Only a confirmed reservation shows how to join.
    pub confirmed: bool,
    /// BK-9: how to join, shown here only.
    pub meeting: Option<madoguchi_store::consultations::schedule::MeetingDetails>,
    pub id: i64,
    pub when: String,
    pub app: String,
    pub state: String,
    pub cancellable: bool,
    /// MT-3: the built-in room can be entered from here (until it closes).
    pub room: bool,
    /// BK-17: before its cut-off the time may still change.
    pub movable: bool,
}

/// A seminar on My Page: (seminar id, title, time, state label, how to join).
pub type MySeminar = (
    i64,
    String,
    String,
    String,
    Option<madoguchi_store::consultations::schedule::MeetingDetails>,
);

/// A consultation request on My Page (BK-7): the preferred times, its state, the reason
/// if declined (C6-3), and whether it may still be withdrawn.
pub struct MyRequest {
    pub id: i64,
    pub preferences: String,
    pub state: String,
    pub reason: String,
    pub open: bool,
}

/// The preferred times of a request, in Japan time with weekdays.
pub fn preferences_label(lang: Lang, preferences: &str) -> String {
    preferences
        .split(',')
        .filter_map(|p| chrono::DateTime::parse_from_rfc3339(p).ok())
        .map(|p| lang.date_time(p))
        .collect::<Vec<_>>()
        .join(" / ")
}

#[derive(Template)]
#[template(path = "seeker/me.html")]
struct MePage {
    requests: Vec<MyRequest>,
    reservations: Vec<MyReservation>,
    /// SE-2, BK-9: the user's seminars; meeting details only here, only with a seat.
    seminars: Vec<MySeminar>,
    /// AC-11, AC-12: what stands between this person and a booking, in words.
    blockers: Vec<String>,
    page: Page,
    csrf: String,
    password_change_due: bool,
    user_id: String,
    name: String,
    email: String,
    messages: Vec<(String, String, String)>,
    acceptances: Vec<String>,
    /// PV-4: staff accesses to this person's data (when, office and role, what, why).
    viewed: Vec<[String; 4]>,
}

#[derive(serde::Deserialize)]
pub struct MeQuery {
    password: Option<String>,
}

/// `GET /me`: My Page, with the inbox (NO-2) and the terms history (AC-13).
pub async fn me(
    State(state): State<AppState>,
    visitor: Visitor,
    lang: Lang,
    Query(q): Query<MeQuery>,
) -> Result<Response, PageError> {
    let (Some(s), Some(id)) = (visitor.session.clone(), visitor.user_ref()) else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let fail = |e: madoguchi_store::StoreError| PageError(lang, e.into());
    let Some(u) = users::by_id(&state.db, id).await.map_err(fail)? else {
        return Ok(Redirect::to("/sign-in").into_response());
    };
    let jst = madoguchi_domain::clock::jst();
    let when = |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&jst).format("%Y-%m-%d %H:%M").to_string();
    let messages = inbox::list(&state.db, id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|m| (when(m.created_at), m.subject, m.body))
        .collect();
    let acceptances = inbox::acceptances(&state.db, id)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|a| format!("{} {} ({})", when(a.accepted_at), a.service, a.version))
        .collect();
    let blockers = madoguchi_app::eligibility::booking_blockers(&state.db, state.clock.as_ref(), id)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|code| lang.t(&format!("blocker-{code}")))
        .collect();
    let now = state.clock.now();
    let rows = madoguchi_store::consultations::reservations::for_user(&state.db, id)
        .await
        .map_err(fail)?;
    // BK-3: each office's cut-off, read once per office.
    let mut policies = std::collections::HashMap::new();
    for r in rows.iter().filter(|r| r.state == "confirmed") {
        if !policies.contains_key(&r.office_code) {
            let p = madoguchi_app::offices::booking_policy(&state.db, &r.office_code)
                .await
                .map_err(|e| PageError(lang, e))?;
            policies.insert(r.office_code.clone(), p);
        }
    }
    let mut reservations: Vec<MyReservation> = rows
        .into_iter()
        .map(|r| {
            let movable = policies
                .get(&r.office_code)
                .is_some_and(|p| madoguchi_app::consultations::reschedule::may_move(&r, now, *p));
            let state_code = madoguchi_domain::booking::State::parse(&r.state);
            let cancellable =
                state_code.is_some_and(|st| madoguchi_domain::booking::user_may_cancel(st, r.starts_at, now));
            MyReservation {
                confirmed: r.state == "confirmed",
                meeting: None,
                id: r.id,
                when: lang.date_time(r.starts_at),
                app: lang.t(&format!("app-{}", r.app)),
                state: lang.t(&format!("state-{}", r.state)),
                cancellable,
                room: r.app == "builtin"
                    && matches!(r.state.as_str(), "confirmed" | "attended")
                    && now < r.ends_at + state.room.config.grace,
                movable,
            }
        })
        .collect();
    // The reservations are this user's already: read the details of the confirmed ones only.
    for r in reservations.iter_mut().filter(|r| r.confirmed) {
        r.meeting = madoguchi_store::consultations::schedule::meeting(&state.db, r.id)
            .await
            .map_err(fail)?;
    }
    let mut seminars = Vec::new();
    for (r, s) in madoguchi_app::seminars::attend::mine(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?
    {
        let meeting = madoguchi_app::seminars::attend::meeting_for(&state.db, &r)
            .await
            .map_err(|e| PageError(lang, e))?;
        let st = lang.t(&format!("seminar-state-{}", r.state));
        seminars.push((s.id, s.title, lang.date_time(s.starts_at), st, meeting));
    }
    let viewed = madoguchi_app::records::audit::who_viewed(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|v| {
            let office = crate::staff::records::office_label(lang, v.office_name);
            [
                lang.date_time(v.at),
                format!("{office} · {}", lang.t(&format!("role-{}", v.role.code()))),
                crate::staff::records::action_label(lang, &v.action),
                crate::staff::records::purpose_label(lang, &v.purpose),
            ]
        })
        .collect();
    let requests = madoguchi_app::consultations::requests::mine(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|r| MyRequest {
            id: r.id,
            preferences: preferences_label(lang, &r.preferences),
            state: lang.t(&format!("request-state-{}", r.state)),
            open: r.state == "open",
            reason: r.decline_reason,
        })
        .collect();
    let view = MePage {
        requests,
        viewed,
        reservations,
        seminars,
        blockers,
        page: Page::new(lang, "/me", &[]),
        csrf: s.csrf,
        password_change_due: q.password.as_deref() == Some("due"),
        user_id: u.user_id,
        name: u.name,
        email: u.email,
        messages,
        acceptances,
    };
    Ok(render(&view, StatusCode::OK))
}
