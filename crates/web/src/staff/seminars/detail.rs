//! One seminar as its office's staff see it (rules SE-1, SE-5, SE-6, BK-9): its state
//! (cancelled, registrations suspended), the facts, the office's changes behind disclosures
//! (admins: move, suspend or resume, cancel, edit; everyone: how to join), and a card per
//! place with what may be recorded now (joined, attended, removal, a phone cancellation
//! before the start, a no-show's correction after it). Each person shown is audited (PV-4).

use askama::Template;
use axum::response::Response;
use madoguchi_app::seminars;
use madoguchi_app::shared::StaffMember;
use madoguchi_domain::staff::{Role, administers};

use crate::AppState;
use crate::http::forms::FormField;
use crate::http::page::{Page, PageError};
use crate::http::refusal::{Filled, SummaryLine};
use crate::i18n::Lang;
use crate::staff::seminars::forms as form;

/// One place on the list, with the forms that may be used on it now.
pub struct Place {
    pub id: i64,
    pub state_code: String,
    pub state: String,
    pub name: String,
    pub number: String,
    /// A seat or a waiting place of a seminar that is not cancelled.
    pub live: bool,
    pub removal: FormField,
    /// S6-3: before the start.
    pub phone: Option<FormField>,
    /// BK-16: a no-show, after the start.
    pub correct: Vec<FormField>,
    /// Which of its forms came back refused (`phone`, `correct`, `remove`), drawn open.
    pub open: &'static str,
}

#[derive(Template)]
#[template(path = "staff/seminars/detail.html")]
struct DetailPage {
    page: Page,
    csrf: String,
    message: String,
    summary: Vec<SummaryLine>,
    id: i64,
    title: String,
    when: String,
    /// `open`, `suspended` or `cancelled`, and the sentence that says so.
    status: &'static str,
    status_note: String,
    seats: String,
    waiting: i32,
    closes: String,
    places: Vec<Place>,
    /// (action, button label) for a live registration.
    actions: Vec<(&'static str, String)>,
    /// The edit form (office admins only): the seminar as it is, or as typed.
    may_edit: bool,
    edit: Vec<FormField>,
    meeting: Vec<FormField>,
    /// SE-6: the office's changes (its admins and national admins, before the start).
    may_change: bool,
    suspended: bool,
    move_to: Vec<FormField>,
    suspend: Vec<FormField>,
    cancel: Vec<FormField>,
    /// The seminar-wide form that came back refused (`edit`, `meeting`, `move`, …), drawn open.
    open: String,
}

/// The sentence under the title for a cancelled or suspended seminar.
fn status_note(lang: Lang, s: &madoguchi_store::seminars::SeminarRow) -> String {
    let (sentence, reason) = match s.status() {
        "cancelled" => ("seminar-ops-cancelled", s.cancel_reason.as_str()),
        "suspended" => ("seminar-ops-suspended", s.suspend_reason.as_str()),
        _ => return String::new(),
    };
    let mut note = lang.t(sentence);
    if !reason.is_empty() {
        // Japanese runs sentences together; English puts a space between them.
        note.push_str(lang.sentence_gap());
        note.push_str(&lang.t_args("seminar-ops-reason", &[("reason", reason.to_owned())]));
    }
    note
}

/// The page, fresh or with the form `filled` names drawn as typed with its problems.
pub async fn page(
    state: &AppState,
    lang: Lang,
    me: &StaffMember,
    id: i64,
    csrf: String,
    message: String,
    filled: &Filled<'_>,
) -> Result<Response, PageError> {
    let (db, clock) = (&state.db, state.clock.as_ref());
    let rows = seminars::organise::participants(db, clock, me, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let s = seminars::attend::get(db, id).await.map_err(|e| PageError(lang, e))?;
    let saved = seminars::organise::meeting(db, me, id)
        .await
        .map_err(|e| PageError(lang, e))?;
    let now = clock.now();
    let cancelled = s.cancelled_at.is_some();
    let started = now >= s.starts_at;
    let places: Vec<Place> = rows
        .into_iter()
        .map(|r| {
            let live = !cancelled && (r.state == "registered" || r.state == "waitlisted");
            let key = filled.key();
            let open = match key.split_once('-') {
                Some((what @ ("phone" | "correct" | "remove"), reg)) if reg == r.id.to_string() => match what {
                    "phone" => "phone",
                    "correct" => "correct",
                    _ => "remove",
                },
                _ => "",
            };
            Place {
                id: r.id,
                state: lang.t(&format!("seminar-state-{}", r.state)),
                name: r.verify_name,
                number: r.verify_number,
                live,
                removal: form::reason(lang, filled, r.id),
                phone: (live && !started).then(|| form::phone(lang, filled, r.id)),
                correct: if r.state == "no_show" && started {
                    form::correct(lang, filled, r.id)
                } else {
                    Vec::new()
                },
                state_code: r.state,
                open,
            }
        })
        .collect();
    let edit = form::edit(lang, filled, &s);
    let meeting = form::meeting(lang, filled, saved.as_ref());
    let (move_to, suspend, cancel) = (
        form::move_to(lang, filled, &s),
        form::suspend(lang, filled),
        form::cancel(lang, filled),
    );
    let may_change = !cancelled && !started && administers(me.role, me.office.as_deref(), &s.office_code);
    let mut drawn: Vec<&FormField> = Vec::new();
    if may_change {
        drawn.extend(move_to.iter().chain(&suspend).chain(&cancel));
    }
    drawn.extend(edit.iter().chain(&meeting));
    for p in &places {
        drawn.push(&p.removal);
        drawn.extend(p.phone.iter().chain(&p.correct));
    }
    let view = DetailPage {
        page: Page::new(lang, &format!("/staff/seminars/{id}"), &[]),
        csrf,
        message,
        summary: filled.summary(&drawn),
        id,
        title: s.title.clone(),
        when: lang.date_time(s.starts_at),
        status: s.status(),
        status_note: status_note(lang, &s),
        seats: format!("{} / {}", s.registered, s.capacity),
        waiting: s.waitlisted,
        closes: lang.date_time(s.cutoff_at),
        places,
        actions: vec![
            ("joined", lang.t("day-action-joined")),
            ("attended", lang.t("day-action-attended")),
        ],
        may_edit: me.role == Role::OfficeAdmin && !cancelled,
        edit,
        meeting,
        may_change,
        suspended: s.suspended_at.is_some(),
        move_to,
        suspend,
        cancel,
        open: filled.key().to_owned(),
    };
    Ok(filled.refusal.render(&view))
}
