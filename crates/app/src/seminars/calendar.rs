//! A seminar place as a calendar file (rule NO-4): attached to the mail when a seat is
//! taken and when the person cancels it. One UID per person and seminar; each place they
//! hold in it is a round, and the SEQUENCE is twice the round (plus one for its
//! cancellation), so registering again after cancelling is always the newer version.

use chrono::{DateTime, Utc};
use madoguchi_store::mail::outbox::{Attachment, NewMail};
use madoguchi_store::seminars::SeminarRow;

use crate::mail::decisions::app_name;
use crate::mail::ics;
use crate::shared::locales::Lang;

/// The place's calendar identity.
pub(crate) struct Place<'a> {
    pub lang: &'a str,
    pub office: &'a str,
    pub user_ref: i64,
    /// How many places the person held in this seminar before this one.
    pub round: i64,
    pub now: DateTime<Utc>,
}

/// Attaches the seat (`cancelled`: its withdrawal) to `mail`.
pub(crate) fn attach(mail: &mut NewMail, seminar: &SeminarRow, place: &Place<'_>, cancelled: bool) {
    let uid = format!("seminar-{}-user-{}@madoguchi", seminar.id, place.user_ref);
    let sequence = u32::try_from(place.round * 2 + i64::from(cancelled)).unwrap_or(u32::MAX);
    let app = app_name(place.lang, &seminar.app);
    let l = Lang::of(place.lang);
    let location = l.t_args("ics-location", &[("office", place.office), ("app", &app)]);
    let (note, alarm) = (l.t("ics-seminar-description"), l.t("ics-seminar-alarm"));
    let entry = ics::Entry {
        uid: &uid,
        sequence,
        summary: &seminar.title,
        starts: seminar.starts_at,
        ends: seminar.ends_at,
        location: &location,
        description: &note,
        url: None,
        stamp: place.now,
        alarm: &alarm,
    };
    let (name, method, body) = if cancelled {
        ("seminar-cancelled.ics", "CANCEL", ics::cancel(&entry))
    } else {
        ("seminar.ics", "PUBLISH", ics::publish(&entry))
    };
    mail.attachment = Some(Attachment {
        name: name.into(),
        content_type: ics::content_type(method),
        body,
    });
}
