//! Telling a person about their consultation (rules NO-1, NO-2, NO-4): the letter, its My
//! Page inbox entry and the calendar file, written with the change that causes them; and
//! the same calendar file to download (`calendar_file`).
//!
//! A reservation's calendar entries share one UID for its whole life (`reservations.
//! calendar_uid`, chosen when it is booked) and each change raises the SEQUENCE
//! (`calendar_sequence`): a move (BK-17) sends the new time as a newer version, and a
//! cancellation `METHOD:CANCEL`.

use chrono::{DateTime, Utc};
use madoguchi_domain::clock::Clock;
use madoguchi_store::Db;
use madoguchi_store::consultations::reservations::{Notice, ReservationRow, SlotRow};
use madoguchi_store::mail::outbox::Attachment;

use crate::mail::decisions::{app_name, when_with_weekday};
use crate::mail::reservations::{self as letters, Consultation, Links};
use crate::mail::{ics, letters::Letter};
use crate::shared::locales::Lang;
use crate::shared::{Site, secrets};
use crate::{AppError, offices};

/// What happened to the consultation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    Booked,
    /// BK-7: staff scheduled the person's request (date with weekday, app, My Page).
    Scheduled,
    /// BK-17: moved from the slot that started at `was`.
    Moved {
        was: DateTime<Utc>,
    },
    Cancelled,
}

/// Who a notice goes to, and the office's name in their language.
pub(crate) struct Recipient<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub lang: &'a str,
    pub office: &'a str,
}

/// The reservation's calendar identity and the file's context.
#[derive(Clone, Copy)]
pub(crate) struct Calendar<'a> {
    pub uid: &'a str,
    /// The SEQUENCE of the file being written.
    pub sequence: i32,
    /// The reservation, once it has an id (its page on My Page is the file's URL).
    pub reservation: Option<i64>,
    /// Where links point, when the use case knows the site.
    pub site: Option<&'a Site>,
    pub now: DateTime<Utc>,
}

/// A new reservation's calendar UID: random, so it names nothing about the person.
pub(crate) fn new_uid() -> Result<String, AppError> {
    let token = secrets::random_token().map_err(|e| AppError::Random(e.to_string()))?;
    Ok(format!("r-{}@madoguchi", &token[..22]))
}

fn url(cal: &Calendar<'_>) -> Option<String> {
    let base = cal.site?.base_url.trim_end_matches('/').to_owned();
    Some(match cal.reservation {
        Some(id) => format!("{base}/me/reservations/{id}"),
        None => format!("{base}/me"),
    })
}

/// The calendar file for a consultation at `slot` (its times, office and app).
pub(crate) fn file(lang: &str, office: &str, slot: &SlotRow, cal: &Calendar<'_>, cancelled: bool) -> String {
    let l = Lang::of(lang);
    let app = app_name(lang, &slot.app);
    let summary = l.t_args("ics-consultation-summary", &[("office", office)]);
    let location = l.t_args("ics-location", &[("office", office), ("app", &app)]);
    let note = l.t("ics-consultation-description");
    let alarm = l.t("ics-consultation-alarm");
    let url = url(cal);
    let entry = ics::Entry {
        uid: cal.uid,
        sequence: u32::try_from(cal.sequence).unwrap_or_default(),
        summary: &summary,
        starts: slot.starts_at,
        ends: slot.ends_at,
        location: &location,
        description: &note,
        url: url.as_deref(),
        stamp: cal.now,
        alarm: &alarm,
    };
    if cancelled {
        ics::cancel(&entry)
    } else {
        ics::publish(&entry)
    }
}

/// Writes the notice; no reads, so the booking path can compose it from what it has.
pub(crate) fn compose(to: &Recipient<'_>, slot: &SlotRow, event: Event, cal: &Calendar<'_>) -> Notice {
    let when = when_with_weekday(to.lang, slot.starts_at);
    let app = app_name(to.lang, &slot.app);
    let c = Consultation {
        lang: to.lang,
        name: to.name,
        office: to.office,
        when: &when,
        app: &app,
    };
    let links = cal.site.map(|s| Links {
        my_page: url(cal).unwrap_or_default(),
        connection_test: format!("{}/connection-test", s.base_url.trim_end_matches('/')),
    });
    let letter: Letter = match event {
        Event::Booked => letters::booked(&c, links.as_ref()),
        Event::Scheduled => crate::mail::decisions::request_scheduled(to.lang, to.name, to.office, &when, &app),
        Event::Moved { was } => letters::changed(&c, &when_with_weekday(to.lang, was), links.as_ref()),
        Event::Cancelled => letters::cancelled(&c),
    };
    let cancelled = event == Event::Cancelled;
    let method = if cancelled { "CANCEL" } else { "PUBLISH" };
    let mut mail = letter.to(to.email);
    mail.attachment = Some(Attachment {
        name: if cancelled {
            "consultation-cancelled.ics"
        } else {
            "consultation.ics"
        }
        .into(),
        content_type: ics::content_type(method),
        body: file(to.lang, to.office, slot, cal, cancelled),
    });
    Notice {
        inbox_subject: letter.subject.clone(),
        inbox_body: letter.inbox_body(),
        mail,
    }
}

/// The mail and inbox entry for `user_ref` (NO-1, NO-2) with the `.ics` (NO-4); `None` if
/// the account has gone.
pub(crate) async fn notice(
    db: &Db,
    user_ref: i64,
    slot: &SlotRow,
    event: Event,
    cal: &Calendar<'_>,
) -> Result<Option<Notice>, AppError> {
    let Some(user) = madoguchi_store::accounts::users::by_id(db, user_ref).await? else {
        return Ok(None);
    };
    let office = offices::get(db, &slot.office_code).await?;
    let to = Recipient {
        name: &user.name,
        email: &user.email,
        lang: &user.lang,
        office: if crate::shared::locales::Lang::of(&user.lang).prefers_english() {
            &office.name_en
        } else {
            &office.name_ja
        },
    };
    Ok(Some(compose(&to, slot, event, cal)))
}

/// The slot a reservation is on, as its row carries it (also when the slot was removed).
pub(crate) fn slot_of(r: &ReservationRow) -> SlotRow {
    SlotRow {
        id: r.slot_id,
        office_code: r.office_code.clone(),
        starts_at: r.starts_at,
        ends_at: r.ends_at,
        local_date: r.local_date,
        app: r.app.clone(),
        capacity: 0,
        booked: 0,
    }
}

/// The notice of a reservation's cancellation: its calendar entry withdrawn with the next
/// SEQUENCE, the one the cancellation stores.
pub(crate) async fn cancellation(
    db: &Db,
    r: &ReservationRow,
    site: Option<&Site>,
    now: DateTime<Utc>,
) -> Result<Option<Notice>, AppError> {
    let cal = Calendar {
        uid: &r.calendar_uid,
        sequence: r.calendar_sequence + 1,
        reservation: Some(r.id),
        site,
        now,
    };
    notice(db, r.user_ref, &slot_of(r), Event::Cancelled, &cal).await
}

/// NO-4: the person's own reservation as a calendar file to download: the current version
/// (a cancelled one as `METHOD:CANCEL`), in the language of their mail. Someone else's is
/// "not found".
pub async fn calendar_file(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    user_ref: i64,
    id: i64,
) -> Result<String, AppError> {
    let r = madoguchi_store::consultations::reservations::reservation(db, id)
        .await?
        .filter(|r| r.user_ref == user_ref)
        .ok_or_else(|| AppError::NotFound {
            what: format!("reservation {id}"),
        })?;
    let lang = madoguchi_store::accounts::users::by_id(db, user_ref)
        .await?
        .map_or_else(|| "ja".to_owned(), |u| u.lang);
    let office = offices::get(db, &r.office_code).await?;
    let name = if crate::shared::locales::Lang::of(&lang).prefers_english() {
        &office.name_en
    } else {
        &office.name_ja
    };
    let cal = Calendar {
        uid: &r.calendar_uid,
        sequence: r.calendar_sequence,
        reservation: Some(r.id),
        site: Some(site),
        now: clock.now(),
    };
    let cancelled = r.state.starts_with("cancelled");
    Ok(file(&lang, name, &slot_of(&r), &cal, cancelled))
}
