//! The day page's model (BK-8…BK-16): one card per consultation with its facts, the one
//! action the moment calls for, and the rarer ones behind a disclosure. Only what the use
//! case would accept now is offered (`Change::check`); the use case still decides on a POST.

use chrono::{DateTime, Utc};
use madoguchi_app::consultations::schedule::Change;
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::schedule::{MeetingDetails, ScheduleRow};

use crate::i18n::Lang;

/// The change an action of the page records, with its note (channel or reason).
pub fn change_of(action: &str, note: String) -> Option<Change> {
    Some(match action {
        "joined" => Change::Joined,
        "attended" => Change::Attended,
        "phone-cancel" => Change::CancelledByPhone { channel: note },
        "correct-no-show" => Change::CorrectNoShow { reason: note },
        "end-early" => Change::EndEarly { reason: note },
        "office-cancel" => Change::CancelByOffice { reason: note },
        _ => return None,
    })
}

/// Actions that cannot be undone from the page ask first: a checkbox the server checks.
pub fn asks_first(action: &str) -> bool {
    matches!(
        action,
        "phone-cancel" | "correct-no-show" | "end-early" | "office-cancel"
    )
}

/// The label of the note an action needs, or `None`.
fn note_key(action: &str) -> Option<&'static str> {
    match action {
        "phone-cancel" => Some("day-channel"),
        "correct-no-show" | "end-early" | "office-cancel" => Some("day-reason"),
        _ => None,
    }
}

/// What the last POST did to one consultation, shown on its card with what was typed.
#[derive(Default)]
pub struct Outcome {
    pub id: i64,
    pub action: String,
    pub message: String,
    pub refused: bool,
    pub note: String,
    /// What is wrong with the note, drawn at its field (or "").
    pub note_error: String,
    /// Whether the "cannot be undone" box was ticked; it stays ticked after a refusal.
    pub confirmed: bool,
    /// The meeting details as typed, and the refusal naming the field (or "").
    pub meeting: Option<MeetingDetails>,
    pub meeting_error: String,
}

/// One form that records a change.
pub struct Act {
    pub action: &'static str,
    pub label: String,
    /// The label of the note it needs, or "".
    pub note_label: String,
    pub note: String,
    /// The note's problem after a refusal, or "".
    pub note_error: String,
    pub confirm: bool,
    /// The box as it was sent, after a refusal.
    pub confirmed: bool,
}

/// The meeting-details form: saved values, or the typed ones after a refusal.
pub struct MeetingForm {
    pub meeting_id: String,
    pub passkey: String,
    pub join_url: String,
    pub error: String,
}

pub struct Card {
    pub id: i64,
    pub time: String,
    pub start_iso: String,
    pub state_code: String,
    pub state: String,
    pub app: String,
    pub verify_name: String,
    pub verify_number: String,
    pub companion: String,
    pub topic: String,
    pub checklist: bool,
    pub joined: String,
    /// BK-9: what is saved (shown back to staff), if anything.
    pub saved: Option<MeetingDetails>,
    /// The form, for a confirmed consultation; it is the primary action while nothing is saved.
    pub meeting: Option<MeetingForm>,
    pub primary: Option<Act>,
    /// Why no recording button is offered now, or "".
    pub wait: String,
    pub end_early: Option<Act>,
    pub more: Vec<Act>,
    pub book_next: bool,
    pub outcome: Option<Outcome>,
    /// MT-3: a built-in room to open, and what the room last recorded (waiting, in, left).
    pub room: bool,
    pub room_live: String,
    /// MT-2 (issue 15): Zoom did not create the meeting after the last attempt; the
    /// counsellor creates it and enters the details by hand.
    pub zoom_by_hand: bool,
}

impl Card {
    pub fn meeting_first(&self) -> bool {
        self.meeting.is_some() && self.saved.is_none()
    }

    /// The disclosures open when they hold the form the last POST answered.
    pub fn opens(&self, action: &str) -> bool {
        self.outcome.as_ref().is_some_and(|o| o.refused && o.action == action)
    }

    pub fn more_open(&self) -> bool {
        self.more.iter().any(|a| self.opens(a.action)) || self.opens("book-next")
    }
}

fn hm(t: DateTime<Utc>) -> String {
    t.with_timezone(&jst()).format("%H:%M").to_string()
}

fn saved(r: &ScheduleRow) -> Option<MeetingDetails> {
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let m = MeetingDetails {
        app: r.app.clone(),
        meeting_id: value(&r.meeting_id),
        passkey: value(&r.passkey),
        join_url: value(&r.join_url),
    };
    [&m.meeting_id, &m.passkey, &m.join_url]
        .iter()
        .any(|v| !v.is_empty())
        .then_some(m)
}

pub fn card(lang: Lang, r: ScheduleRow, now: DateTime<Utc>, outcome: Option<Outcome>) -> Card {
    let allowed = |a: &str| change_of(a, String::new()).is_some_and(|c| c.check(&r.state, r.starts_at, now).is_ok());
    let act = |a: &'static str| {
        let mine = outcome.as_ref().filter(|o| o.action == a);
        Act {
            action: a,
            label: lang.t(&format!("day-action-{a}")),
            note_label: note_key(a).map(|k| lang.t(k)).unwrap_or_default(),
            note: mine.map(|o| o.note.clone()).unwrap_or_default(),
            note_error: mine.map(|o| o.note_error.clone()).unwrap_or_default(),
            confirm: asks_first(a),
            confirmed: mine.is_some_and(|o| o.confirmed),
        }
    };
    let confirmed = r.state == "confirmed";
    let saved = saved(&r);
    let joined = r.joined_at.is_some();
    // The built-in room needs no meeting details (MT-3): it is its own way in.
    let builtin = r.app == "builtin";
    let ready = saved.is_some() || builtin;
    // Enter the details, then record joined, then attended: one step at a time.
    let primary = match (confirmed, ready, joined) {
        (true, true, false) if allowed("joined") => Some("joined"),
        (true, true, true) if allowed("attended") => Some("attended"),
        _ => None,
    };
    let wait = match (confirmed && ready && primary.is_none(), now < r.starts_at) {
        (false, _) => String::new(),
        (true, true) => lang.t_args("day-wait-start", &[("time", hm(r.starts_at))]),
        (true, false) => lang.t("day-wait-over"),
    };
    let more = ["joined", "attended", "phone-cancel", "office-cancel", "correct-no-show"]
        .into_iter()
        .filter(|a| allowed(a) && primary != Some(*a) && !(*a == "joined" && joined))
        .map(act)
        .collect();
    let meeting = (confirmed && !builtin).then(|| {
        let typed = outcome.as_ref().and_then(|o| o.meeting.clone());
        let m = typed.or_else(|| saved.clone()).unwrap_or(MeetingDetails {
            app: String::new(),
            meeting_id: String::new(),
            passkey: String::new(),
            join_url: String::new(),
        });
        MeetingForm {
            meeting_id: m.meeting_id,
            passkey: m.passkey,
            join_url: m.join_url,
            error: outcome.as_ref().map(|o| o.meeting_error.clone()).unwrap_or_default(),
        }
    });
    Card {
        id: r.id,
        time: format!("{}–{}", hm(r.starts_at), hm(r.ends_at)),
        start_iso: r.starts_at.with_timezone(&jst()).to_rfc3339(),
        state: lang.t(&format!("state-{}", r.state)),
        app: lang.t_or_code("app", &r.app),
        verify_name: r.verify_name,
        verify_number: r.verify_number,
        companion: r.companion,
        topic: r.topic,
        checklist: r.checklist_at.is_some(),
        joined: r.joined_at.map(hm).unwrap_or_default(),
        primary: primary.map(act),
        end_early: allowed("end-early").then(|| act("end-early")),
        more,
        wait,
        book_next: matches!(r.state.as_str(), "confirmed" | "attended"),
        saved,
        meeting,
        room: builtin && matches!(r.state.as_str(), "confirmed" | "attended"),
        room_live: String::new(),
        zoom_by_hand: false,
        state_code: r.state,
        outcome,
    }
}
