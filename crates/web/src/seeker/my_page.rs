//! My Page (求職者マイページ): first the next consultation (when, where, how to join,
//! prepare, cancel) or a way to book with what still blocks it (issue 13); the person's
//! office; reservations and seminars coming up (date ascending) and past (descending) with
//! how to join and cancel; consultation requests (BK-7), the inbox (NO-2), who viewed the
//! person's data (PV-4), the terms history (AC-13), and the account's own pages.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Utc};
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
    pub office: String,
    /// Requested or confirmed and not over: listed under "coming up" (issue 13, item 6).
    pub coming: bool,
    pub starts_at: DateTime<Utc>,
}

/// A seminar place on My Page (SE-2, SE-4): the seminar, the place's state, how to join
/// (with a seat only), and whether it may still be cancelled here.
pub struct MySeminar {
    pub seminar: i64,
    pub registration: i64,
    pub title: String,
    pub when: String,
    pub state: String,
    pub meeting: Option<madoguchi_store::consultations::schedule::MeetingDetails>,
    pub cancellable: bool,
    pub coming: bool,
    pub starts_at: DateTime<Utc>,
}

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

/// One line of "who viewed my data" (PV-4): when, who, what, why. `why_typed` marks a reason
/// a staff member typed (not a purpose code), which the page shows as data.
pub struct ViewedRow {
    pub cells: [String; 4],
    pub why_typed: bool,
}

impl From<[String; 4]> for ViewedRow {
    fn from(cells: [String; 4]) -> Self {
        Self {
            cells,
            why_typed: false,
        }
    }
}

#[derive(Template)]
#[template(path = "seeker/me.html")]
struct MePage {
    requests: Vec<MyRequest>,
    /// Issue 13, item 6: what is coming up by date ascending, what is past (or cancelled)
    /// by date descending; the first coming consultation leads the page.
    coming: Vec<MyReservation>,
    past: Vec<MyReservation>,
    /// SE-2, BK-9: the user's seminars; meeting details only here, only with a seat.
    coming_seminars: Vec<MySeminar>,
    past_seminars: Vec<MySeminar>,
    /// AC-11, AC-12, AC-13, BK-12: what stands between this person and a booking, with fixes.
    gates: Vec<crate::http::gates::Gate>,
    /// Where "book" leads: the person's office's week, else the office finder.
    book_href: String,
    /// The person's office (name, code) and whether they chose it (else: from their number).
    home: Option<(String, String, bool)>,
    page: Page,
    password_change_due: bool,
    user_id: String,
    name: String,
    email: String,
    messages: Vec<(String, String, String)>,
    acceptances: Vec<String>,
    /// PV-4: staff accesses to this person's data (when, office and role, what, why).
    viewed: Vec<ViewedRow>,
    /// IV-1, IV-4: interviews the office arranged, latest first.
    interviews: Vec<crate::seeker::interviews::MyInterview>,
    /// IV-2: the selection days the person was referred to.
    selection_days: Vec<crate::seeker::selection::MyDay>,
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
    let Some(id) = visitor.user_ref() else {
        return Ok(crate::http::page::sign_in_first("/me"));
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
        .map(|a| {
            lang.t_args(
                "terms-accepted",
                &[
                    ("when", when(a.accepted_at)),
                    ("service", lang.t_or_code("terms", &a.service)),
                    ("version", a.version),
                ],
            )
        })
        .collect();
    let home = madoguchi_app::offices::areas::home_office(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let home_code = home.as_ref().map(|(o, _)| o.code.to_string());
    let book_href = home_code
        .as_ref()
        .map_or_else(|| "/offices".to_owned(), |c| format!("/offices/{c}/book"));
    let gates = crate::http::gates::gates(&state, lang, id, "consultation", "/me", home_code.as_deref())
        .await
        .map_err(|e| PageError(lang, e))?;
    let home = home.map(|(o, chosen)| (lang.pick(&o.name_ja, &o.name_en).to_owned(), o.code.to_string(), chosen));
    let now = state.clock.now();
    // BK-3: each office's cut-off, read once per office, for whether a booking may still move.
    let mut policies = std::collections::HashMap::new();
    let mut graces = std::collections::HashMap::new();
    let mut office_names: Vec<(String, String)> = Vec::new();
    let mut reservations = Vec::new();
    for r in madoguchi_store::consultations::reservations::for_user(&state.db, id)
        .await
        .map_err(fail)?
    {
        if !office_names.iter().any(|(c, _)| *c == r.office_code) {
            let name = madoguchi_app::offices::get(&state.db, &r.office_code)
                .await
                .map(|o| lang.pick(&o.name_ja, &o.name_en).to_owned())
                .unwrap_or_default();
            office_names.push((r.office_code.clone(), name));
        }
        if r.app == "builtin" && !graces.contains_key(&r.office_code) {
            let g = madoguchi_app::room::grace::of_office(&state.db, &state.room.config, &r.office_code)
                .await
                .map_err(|e| PageError(lang, e))?;
            graces.insert(r.office_code.clone(), g.duration());
        }
        if r.state == "confirmed" && !policies.contains_key(&r.office_code) {
            let p = madoguchi_app::offices::booking_policy(&state.db, &r.office_code)
                .await
                .map_err(|e| PageError(lang, e))?;
            policies.insert(r.office_code.clone(), p);
        }
        let office = office_names
            .iter()
            .find(|(c, _)| *c == r.office_code)
            .map(|(_, n)| n.clone())
            .unwrap_or_default();
        let movable = policies
            .get(&r.office_code)
            .is_some_and(|p| madoguchi_app::consultations::reschedule::may_move(&r, now, *p));
        let state_code = madoguchi_domain::booking::State::parse(&r.state);
        let cancellable = state_code.is_some_and(|st| madoguchi_domain::booking::user_may_cancel(st, r.starts_at, now));
        // MT-3: the room's link stays until the end plus the office's grace period, and with
        // it the reservation stays among those coming up.
        let grace = graces.get(&r.office_code).copied().unwrap_or(state.room.config.grace);
        let room =
            r.app == "builtin" && matches!(r.state.as_str(), "confirmed" | "attended") && now < r.ends_at + grace;
        reservations.push(MyReservation {
            confirmed: r.state == "confirmed",
            meeting: None,
            id: r.id,
            when: lang.date_time(r.starts_at),
            app: lang.t(&format!("app-{}", r.app)),
            state: lang.t(&format!("state-{}", r.state)),
            cancellable,
            room,
            movable,
            office,
            coming: (matches!(r.state.as_str(), "confirmed" | "requested") && r.ends_at > now) || room,
            starts_at: r.starts_at,
        });
    }
    // The reservations are this user's already: read the details of the confirmed ones only.
    for r in reservations.iter_mut().filter(|r| r.confirmed) {
        r.meeting = madoguchi_store::consultations::schedule::meeting(&state.db, r.id)
            .await
            .map_err(fail)?;
    }
    let (mut coming, mut past): (Vec<_>, Vec<_>) = reservations.into_iter().partition(|r| r.coming);
    coming.sort_by_key(|r| (r.starts_at, r.id));
    past.sort_by_key(|r| std::cmp::Reverse((r.starts_at, r.id)));
    let mut seminars = Vec::new();
    for (r, s) in madoguchi_app::seminars::attend::mine(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?
    {
        let meeting = madoguchi_app::seminars::attend::meeting_for(&state.db, &r)
            .await
            .map_err(|e| PageError(lang, e))?;
        let live = r.state == "registered" || r.state == "waitlisted";
        seminars.push(MySeminar {
            seminar: s.id,
            registration: r.id,
            title: s.title,
            when: lang.date_time(s.starts_at),
            state: lang.t(&format!("seminar-state-{}", r.state)),
            meeting,
            cancellable: live && now < s.starts_at,
            coming: live && s.ends_at > now,
            starts_at: s.starts_at,
        });
    }
    let (mut coming_seminars, mut past_seminars): (Vec<_>, Vec<_>) = seminars.into_iter().partition(|s| s.coming);
    coming_seminars.sort_by_key(|s| (s.starts_at, s.registration));
    past_seminars.sort_by_key(|s| std::cmp::Reverse((s.starts_at, s.registration)));
    let mut viewed: Vec<ViewedRow> = madoguchi_app::records::audit::who_viewed(&state.db, id)
        .await
        .map_err(|e| PageError(lang, e))?
        .into_iter()
        .map(|v| {
            // IV-5: an employer's view through an interview link, by the company's name.
            if let Some(employer) = v.employer {
                return ViewedRow::from([
                    lang.date_time(v.at),
                    lang.t_args("who-viewed-employer", &[("employer", employer)]),
                    crate::staff::records::action_label(lang, &v.action),
                    v.purpose
                        .split(',')
                        .map(|f| match f {
                            "name" => lang.t("interviews-seeker-name"),
                            other => lang.t(&format!("me-interviews-share-{other}")),
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                ]);
            }
            let office = crate::staff::records::office_label(lang, v.office_name);
            // A look at an interview is audited with the interview's number, which says
            // nothing to the person: they read why instead.
            let why = if v.action == "view_interview" {
                lang.t("purpose-interview")
            } else {
                crate::staff::records::purpose_label(lang, &v.purpose)
            };
            ViewedRow {
                why_typed: !why.is_empty() && why == v.purpose,
                cells: [
                    lang.date_time(v.at),
                    format!("{office} · {}", lang.t(&format!("role-{}", v.role.code()))),
                    crate::staff::records::action_label(lang, &v.action),
                    why,
                ],
            }
        })
        .collect();
    // IV-5: the employers of selection days (issue 18) that saw this person.
    viewed.extend(
        crate::seeker::selection::viewed(&state, lang, id)
            .await?
            .into_iter()
            .map(ViewedRow::from),
    );
    let selection_days = crate::seeker::selection::mine(&state, lang, id).await?;
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
    let interviews = crate::seeker::interviews::mine(&state, lang, id).await?;
    let view = MePage {
        interviews,
        requests,
        viewed,
        coming,
        past,
        coming_seminars,
        past_seminars,
        gates,
        book_href,
        home,
        page: Page::new(lang, "/me", &[]),
        password_change_due: q.password.as_deref() == Some("due"),
        user_id: u.user_id,
        name: u.name,
        email: u.email,
        messages,
        acceptances,
        selection_days,
    };
    Ok(render(&view, StatusCode::OK))
}
