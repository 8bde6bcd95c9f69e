//! The seminar forms as staff see them (SE-1, SE-5, SE-6, BK-9): create, edit, the meeting
//! details, a removal's reason, and the office's changes (cancel, suspend, move, a phone
//! cancellation, a no-show's correction), each drawn with what was typed when it comes back
//! refused, so one wrong character never resets the day, the seats or the text (issue 12).

use chrono::{DateTime, TimeZone, Utc};
use madoguchi_app::consultations::booking::APPS;
use madoguchi_domain::clock::jst;
use madoguchi_store::consultations::schedule::MeetingDetails;
use madoguchi_store::seminars::SeminarRow;

use madoguchi_app::AppError;

use crate::http::forms::{FormField, field_value};
use crate::http::page::PageError;
use crate::http::refusal::{Filled, Refusal};
use crate::i18n::Lang;

type Fields = std::collections::HashMap<String, String>;

fn apps(lang: Lang) -> Vec<(&'static str, String)> {
    APPS.iter().map(|a| (*a, lang.t(&format!("app-{a}")))).collect()
}

/// The fields the seminars share: title, description, app, seats, waiting places, recording.
/// `id` prefixes the element ids so two forms can share a page.
fn common(lang: Lang, id: &str, s: Option<&SeminarRow>) -> Vec<FormField> {
    let f = |name, label, value: &str| FormField::labelled(lang, name, label, value).id(&format!("{id}{name}"));
    let (title, description) = s.map_or(("", ""), |s| (s.title.as_str(), s.description.as_str()));
    let app = s.map_or(APPS[0], |s| s.app.as_str());
    let seats = s.map_or(20, |s| s.capacity).to_string();
    let waiting = s.map_or(20, |s| s.waitlist_limit).to_string();
    let recorded = if s.is_some_and(|s| s.recorded_with_consent) {
        "on"
    } else {
        ""
    };
    vec![
        f("title", "staff-seminars-name", title).attr("maxlength", 100),
        f("description", "staff-seminars-description", description)
            .kind("textarea")
            .optional()
            .attr("rows", 4)
            .attr("maxlength", 2000),
        f("app", "seminar-app", app).choices(apps(lang)),
        f("capacity", "staff-seminars-capacity", &seats)
            .kind("number")
            .attr("min", 1)
            .attr("max", 500),
        f("waitlist_limit", "staff-seminars-waitlist", &waiting)
            .kind("number")
            .attr("min", 0)
            .attr("max", 1000),
        f("recorded", "staff-seminars-recorded", recorded)
            .kind("checkbox")
            .optional(),
    ]
}

/// `POST /staff/seminars`: the kind, the day, the start and the length, then the rest; the
/// apps the office uses for seminars, starting from its default (MT-1).
pub fn create(
    lang: Lang,
    filled: &Filled,
    tomorrow: &str,
    choice: &madoguchi_app::offices::apps::Choice,
) -> Vec<FormField> {
    let kinds = ["seminar", "company_tour"].map(|k| (k, lang.t(&format!("seminar-kind-{k}"))));
    let f = |name, label, value: &str| FormField::labelled(lang, name, label, value);
    let mut fields = vec![
        f("kind", "seminar-kind", "seminar").choices(kinds),
        f("day", "slots-day", tomorrow).kind("date"),
        f("starts", "slots-time", "13:30").kind("time"),
        f("minutes", "staff-seminars-minutes", "90")
            .kind("number")
            .attr("min", 15)
            .attr("max", 480),
    ];
    let mut text = common(lang, "", None);
    for f in text.iter_mut().filter(|f| f.name == "app") {
        choice.default.clone_into(&mut f.value);
        f.options = choice
            .apps
            .iter()
            .map(|a| ((*a).to_owned(), lang.t(&format!("app-{a}"))))
            .collect();
    }
    let rest = text.split_off(2);
    fields.splice(1..1, text);
    fields.extend(rest);
    fields.into_iter().map(|f| filled.draw("create", f)).collect()
}

/// The edit form: the seminar as it is, or as typed when the change was refused.
pub fn edit(lang: Lang, filled: &Filled, s: &SeminarRow) -> Vec<FormField> {
    common(lang, "edit-", Some(s))
        .into_iter()
        .map(|f| filled.draw("edit", f))
        .collect()
}

/// How to join (BK-9): as saved, or as typed when refused (an `http://` link, a ① in the
/// passcode: N10) with the other values kept.
pub fn meeting(lang: Lang, filled: &Filled, saved: Option<&MeetingDetails>) -> Vec<FormField> {
    let f = |name, label, value: &str| FormField::labelled(lang, name, label, value).optional();
    let (id, passkey, url) = saved.map_or(("", "", ""), |m| {
        (m.meeting_id.as_str(), m.passkey.as_str(), m.join_url.as_str())
    });
    [
        f("meeting_id", "meeting-id", id).attr("maxlength", 100),
        f("passkey", "meeting-passkey", passkey).attr("maxlength", 100),
        f("join_url", "meeting-url", url).kind("url"),
    ]
    .into_iter()
    .map(|f| filled.draw("meeting", f))
    .collect()
}

/// The reason for removing registration `reg`, kept when the removal was refused.
pub fn reason(lang: Lang, filled: &Filled, reg: i64) -> FormField {
    let f = FormField::labelled(lang, "reason", "day-reason", "")
        .id(&format!("reason-{reg}"))
        .attr("maxlength", 200);
    filled.draw(&format!("remove-{reg}"), f)
}

/// An id from the path; anything else is "not found".
pub fn number(lang: Lang, s: &str) -> Result<i64, PageError> {
    s.parse()
        .map_err(|_| PageError(lang, AppError::NotFound { what: "seminar".into() }))
}

/// The start from the day and time fields, in Japan time.
pub fn start(lang: Lang, f: &Fields) -> Result<DateTime<Utc>, Refusal> {
    let day = madoguchi_domain::dates::parse_date(field_value(f, "day").trim()).ok_or(());
    let time = madoguchi_domain::dates::parse_time(field_value(f, "starts").trim()).ok_or(());
    match (day, time) {
        (Err(()), _) => Err(Refusal::field(lang, "day", "invalid_date")),
        (_, Err(())) => Err(Refusal::field(lang, "starts", "invalid_time")),
        (Ok(d), Ok(t)) => jst()
            .from_local_datetime(&d.and_time(t))
            .single()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| Refusal::field(lang, "day", "invalid_date")),
    }
}

/// SE-6: why the seminar is cancelled (told to everyone registered or waiting).
pub fn cancel(lang: Lang, filled: &Filled) -> Vec<FormField> {
    let reason = FormField::labelled(lang, "reason", "day-reason", "")
        .id("cancel-reason")
        .hint(lang.t("seminar-ops-cancel-hint"))
        .attr("maxlength", 200);
    vec![filled.draw("cancel", reason)]
}

/// SE-6 (S11-1): why registrations stop, and whether those with a place are told.
pub fn suspend(lang: Lang, filled: &Filled) -> Vec<FormField> {
    let reason = FormField::labelled(lang, "reason", "day-reason", "")
        .id("suspend-reason")
        .attr("maxlength", 200);
    let tell = FormField::labelled(lang, "tell", "seminar-ops-suspend-tell", "")
        .id("suspend-tell")
        .kind("checkbox")
        .optional();
    [reason, tell].into_iter().map(|f| filled.draw("suspend", f)).collect()
}

/// SE-6: the new day and start (the seminar's own until changed), and an optional reason.
pub fn move_to(lang: Lang, filled: &Filled, s: &SeminarRow) -> Vec<FormField> {
    let local = s.starts_at.with_timezone(&jst());
    let f = |name, label, value: &str| FormField::labelled(lang, name, label, value).id(&format!("move-{name}"));
    [
        f("day", "seminar-ops-new-day", &local.format("%Y-%m-%d").to_string()).kind("date"),
        f("starts", "seminar-ops-new-time", &local.format("%H:%M").to_string()).kind("time"),
        f("reason", "seminar-ops-reason-told", "")
            .optional()
            .attr("maxlength", 200),
    ]
    .into_iter()
    .map(|f| filled.draw("move", f))
    .collect()
}

/// S6-3: what the person said on the phone, for place `reg`.
pub fn phone(lang: Lang, filled: &Filled, reg: i64) -> FormField {
    let f = FormField::labelled(lang, "reason", "day-reason", "")
        .id(&format!("phone-reason-{reg}"))
        .attr("maxlength", 200);
    filled.draw(&format!("phone-{reg}"), f)
}

/// BK-16: what happened instead of a no-show at place `reg`, and why it is corrected.
pub fn correct(lang: Lang, filled: &Filled, reg: i64) -> Vec<FormField> {
    let outcomes = ["attended", "excused"].map(|o| (o, lang.t(&format!("seminar-ops-outcome-{o}"))));
    let outcome = FormField::labelled(lang, "outcome", "seminar-ops-outcome", "attended")
        .id(&format!("outcome-{reg}"))
        .choices(outcomes)
        .kind("radio");
    let reason = FormField::labelled(lang, "reason", "day-reason", "")
        .id(&format!("correct-reason-{reg}"))
        .attr("maxlength", 200);
    let key = format!("correct-{reg}");
    [outcome, reason].into_iter().map(|f| filled.draw(&key, f)).collect()
}
