//! The counsellor's day (rules BK-9, BK-10, BK-11, BK-13, BK-16): the office's reservations
//! for a date, and what staff do to them. Each view and change is audited (PV-4).

use chrono::{DateTime, NaiveDate, Utc};
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::schedule::{self as store, MeetingDetails, ScheduleRow};
use madoguchi_store::{Db, accounts::staff as staff_store, consultations::reservations};

use crate::AppError;
use crate::shared::StaffMember;
use crate::shared::fields::text;
use madoguchi_domain::booking::attendance::{self, Record};
use madoguchi_domain::characters::FieldKind;

fn office_of(staff: &StaffMember) -> Result<&str, AppError> {
    staff.office.as_deref().ok_or(AppError::Forbidden {
        code: "forbidden",
        message: "the day's schedule belongs to an office; national admins see statistics instead",
    })
}

/// The office's reservations on `day`; listing them is a staff view of personal data, so
/// each person shown gets an audit row.
pub async fn day(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    day: NaiveDate,
) -> Result<Vec<ScheduleRow>, AppError> {
    let rows = store::for_office_day(db, office_of(staff)?, day).await?;
    let mut tx = db.begin().await?;
    for r in &rows {
        staff_store::audit(
            &mut tx,
            staff.id,
            "view_schedule",
            Some(r.user_ref),
            &day.to_string(),
            clock.now(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// What staff record about a reservation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// BK-11: the user joined (stops the no-show sweeper).
    Joined,
    /// BK-16: the consultation took place.
    Attended,
    /// BK-10: the user cancelled by phone (or another channel), recorded by staff.
    CancelledByPhone { channel: String },
    /// BK-16: a mistaken no-show is corrected, with a reason.
    CorrectNoShow { reason: String },
    /// BK-13: ended early for threats, abuse or non-job-seeking use, with a reason.
    EndEarly { reason: String },
    /// BK-16: the office cancels (e.g. the counsellor is ill); the user is told (NO-1).
    CancelByOffice { reason: String },
}

fn invalid_state(state: &str) -> AppError {
    AppError::Refused {
        code: "invalid_state",
        message: format!("not possible in state {state}"),
    }
}

impl Change {
    /// The states it may follow, and when it may be recorded (BK-10, BK-11, BK-16).
    fn applies(&self) -> (&'static [&'static str], Record) {
        match self {
            Self::Joined => (&["confirmed"], Record::Presence),
            Self::Attended => (&["confirmed"], Record::Presence),
            Self::CancelledByPhone { .. } | Self::CancelByOffice { .. } => {
                (&["requested", "confirmed"], Record::Cancellation)
            }
            Self::CorrectNoShow { .. } => (&["no_show"], Record::Correction),
            Self::EndEarly { .. } => (&["confirmed", "attended"], Record::Correction),
        }
    }

    /// Whether the change may be recorded now on a reservation in `state` that starts at
    /// `starts_at`: the one guard, used by `record` and by the day page to offer only what
    /// it would accept.
    pub fn check(&self, state: &str, starts_at: DateTime<Utc>, now: DateTime<Utc>) -> Result<(), AppError> {
        let (from, when) = self.applies();
        if !from.contains(&state) {
            return Err(invalid_state(state));
        }
        attendance::may_record(when, starts_at, now).map_err(|e| AppError::Refused {
            code: e.code(),
            message: e.to_string(),
        })
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Joined => "mark_joined",
            Self::Attended => "mark_attended",
            Self::CancelledByPhone { .. } => "record_phone_cancellation",
            Self::CorrectNoShow { .. } => "correct_no_show",
            Self::EndEarly { .. } => "end_early",
            Self::CancelByOffice { .. } => "cancel_by_office",
        }
    }
}

fn required(field: &str, value: &str) -> Result<String, AppError> {
    crate::shared::fields::text(
        field,
        value,
        madoguchi_domain::characters::FieldKind::MultiLine,
        usize::MAX,
        true,
    )
}

/// Applies `change` to a reservation of the staff member's own office.
pub async fn record(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64, change: &Change) -> Result<(), AppError> {
    let office = office_of(staff)?;
    let r = reservations::reservation(db, id)
        .await?
        .filter(|r| r.office_code == office)
        .ok_or_else(|| AppError::NotFound {
            what: format!("reservation {id} at your office"),
        })?;
    let now = clock.now();
    let actor = format!("staff:{}", staff.id);
    change.check(&r.state, r.starts_at, now)?;
    let done = match change {
        Change::Joined => reservations::mark_joined(db, id, now).await?,
        Change::Attended => store::transition(db, id, &["confirmed"], "attended", now, &actor, "", None).await?,
        Change::CancelledByPhone { channel } => {
            let note = required("channel", channel)?;
            store::transition(
                db,
                id,
                &["requested", "confirmed"],
                "cancelled_by_user",
                now,
                &actor,
                &note,
                None,
            )
            .await?
        }
        Change::CorrectNoShow { reason } => {
            let note = required("reason", reason)?;
            store::transition(db, id, &["no_show"], "attended", now, &actor, &note, None).await?
        }
        Change::CancelByOffice { reason } => {
            let note = required("reason", reason)?;
            // The reservation carries its slot's times, also when the slot was just removed.
            let notice = crate::consultations::tell::cancellation(db, &r, None, now).await?;
            let tell = notice.as_ref().map(|n| (r.user_ref, n));
            store::transition(
                db,
                id,
                &["requested", "confirmed"],
                "cancelled_by_office",
                now,
                &actor,
                &note,
                tell,
            )
            .await?
        }
        Change::EndEarly { reason } => {
            let note = required("reason", reason)?;
            store::transition(
                db,
                id,
                &["confirmed", "attended"],
                "ended_by_office",
                now,
                &actor,
                &note,
                None,
            )
            .await?
        }
    };
    if !done {
        return Err(invalid_state(&r.state));
    }
    let mut tx = db.begin().await?;
    staff_store::audit(&mut tx, staff.id, change.code(), Some(r.user_ref), &id.to_string(), now).await?;
    tx.commit().await?;
    Ok(())
}

/// BK-9: staff enter how to join a confirmed consultation. The user is told only that the
/// details are ready; the details themselves stay on My Page.
pub async fn set_meeting(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    details: &MeetingDetails,
) -> Result<(), AppError> {
    let office = office_of(staff)?;
    let r = reservations::reservation(db, id)
        .await?
        .filter(|r| r.office_code == office && r.state == "confirmed")
        .ok_or_else(|| AppError::NotFound {
            what: format!("confirmed reservation {id} at your office"),
        })?;
    // N10: the meeting ID and passcode are text the person reads and types, like any field.
    let checked = MeetingDetails {
        meeting_id: text("meeting_id", &details.meeting_id, FieldKind::SingleLine, 100, false)?,
        passkey: text("passkey", &details.passkey, FieldKind::SingleLine, 100, false)?,
        ..details.clone()
    };
    let details = &checked;
    if !details.join_url.is_empty() && !details.join_url.starts_with("https://") {
        return Err(AppError::invalid(
            "invalid_url",
            "join_url",
            "a join URL starts with https://",
        ));
    }
    let now = clock.now();
    let first = !store::has_meeting(db, id).await?;
    let user = madoguchi_store::accounts::users::by_id(db, r.user_ref).await?;
    let mut tx = db.begin().await?;
    store::set_meeting(&mut tx, id, details, now).await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "set_meeting_details",
        Some(r.user_ref),
        &id.to_string(),
        now,
    )
    .await?;
    if let (true, Some(u)) = (first, user) {
        let letter = crate::mail::letters::details_ready(
            &u.lang,
            &u.name,
            &crate::mail::letters::start_time(&u.lang, r.starts_at),
        );
        madoguchi_store::mail::outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
        madoguchi_store::mail::inbox::add(&mut tx, r.user_ref, &letter.subject, &letter.inbox_body(), now).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// NO-1: reminders for tomorrow's consultations, each sent once. Returns how many.
pub async fn send_reminders(db: &Db, clock: &dyn Clock) -> Result<usize, AppError> {
    let Some(tomorrow) = clock.today_jst().succ_opt() else {
        return Ok(0);
    };
    let now = clock.now();
    let mut sent = 0;
    for (id, user_ref, office, starts) in store::due_reminders(db, tomorrow).await? {
        let Some(u) = madoguchi_store::accounts::users::by_id(db, user_ref).await? else {
            continue;
        };
        let office = crate::offices::get(db, &office).await?;
        let office_name = if crate::shared::locales::Lang::of(&u.lang).prefers_english() {
            office.name_en
        } else {
            office.name_ja
        };
        let letter = crate::mail::letters::reminder(
            &u.lang,
            &u.name,
            &crate::mail::letters::start_time(&u.lang, starts),
            &office_name,
        );
        let mut tx = db.begin().await?;
        if store::mark_reminded(&mut tx, id, now).await? {
            madoguchi_store::mail::outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
            madoguchi_store::mail::inbox::add(&mut tx, user_ref, &letter.subject, &letter.inbox_body(), now).await?;
            tx.commit().await?;
            sent += 1;
        }
    }
    Ok(sent)
}
