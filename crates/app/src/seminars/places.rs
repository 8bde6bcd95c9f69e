//! What staff record about one seminar place (rule SE-6, S6-3, as BK-10 and BK-16 do for
//! consultations): a cancellation the person phoned in, before the start (the seat goes to
//! the first waiting, who is told; never a no-show), and the correction of a no-show the
//! sweep recorded, after the start (it stops counting toward BK-12). Staff of the seminar's
//! office and national admins; each with a reason, the person's notice and an audit row.

use madoguchi_domain::booking::attendance::{self, Record};
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_store::seminars::{RegistrationRow, SeminarRow};
use madoguchi_store::{Db, accounts::staff as staff_store, accounts::users};

use crate::AppError;
use crate::mail::letters::start_time;
use crate::seminars::attend::{notice, promotion};
use crate::seminars::changes::visible;
use crate::seminars::letters as seminar_letters;
use crate::shared::{StaffMember, fields};

/// What a correction says happened: the person `attended`, or was `excused` (a valid reason,
/// told to the office: recorded as their own cancellation, as a phone call is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Correction {
    Attended,
    Excused,
}

impl Correction {
    pub fn parse(code: &str) -> Result<Self, AppError> {
        match code {
            "attended" => Ok(Self::Attended),
            "excused" => Ok(Self::Excused),
            _ => Err(AppError::invalid("invalid_choice", "outcome", "attended or excused")),
        }
    }

    fn state(self) -> &'static str {
        match self {
            Self::Attended => "attended",
            Self::Excused => "cancelled_by_user",
        }
    }
}

/// A place at a seminar the staff member may act on, with its seminar.
pub async fn place(
    db: &Db,
    staff: &StaffMember,
    registration_id: i64,
) -> Result<(RegistrationRow, SeminarRow), AppError> {
    let r = madoguchi_store::seminars::places::registration(db, registration_id)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: format!("seminar registration {registration_id}"),
        })?;
    let s = visible(db, staff, r.seminar_id).await?;
    Ok((r, s))
}

fn invalid_state(state: &str) -> AppError {
    AppError::Refused {
        code: "invalid_state",
        message: format!("not possible in state {state}"),
    }
}

fn when(what: Record, s: &SeminarRow, now: chrono::DateTime<chrono::Utc>) -> Result<(), AppError> {
    attendance::may_record(what, s.starts_at, now).map_err(|e| AppError::Refused {
        code: e.code(),
        message: e.to_string(),
    })
}

fn reason(value: &str) -> Result<String, AppError> {
    fields::text("reason", value, FieldKind::SingleLine, 200, true)
}

/// S6-3 (BK-10): whether a phone cancellation may be recorded now, with this reason; the
/// confirmation page shows the place first.
pub async fn preview_phone_cancel(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    registration_id: i64,
    why: &str,
) -> Result<(RegistrationRow, SeminarRow), AppError> {
    let (r, s) = place(db, staff, registration_id).await?;
    if r.state != "registered" && r.state != "waitlisted" {
        return Err(invalid_state(&r.state));
    }
    when(Record::Cancellation, &s, clock.now())?;
    reason(why)?;
    Ok((r, s))
}

/// S6-3 (BK-10): the person cancelled by phone; staff record it with a reason before the
/// start. The place ends as the person's own cancellation (set by staff, so statistics count
/// it as a phone cancellation), the seat goes to the first waiting (told), the person is told.
pub async fn phone_cancel(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    registration_id: i64,
    why: &str,
) -> Result<(), AppError> {
    let (r, s) = preview_phone_cancel(db, clock, staff, registration_id, why).await?;
    let why = reason(why)?;
    let told = users::by_id(db, r.user_ref).await?.map(|u| {
        let when = start_time(&u.lang, s.starts_at);
        notice(
            &seminar_letters::phone_cancelled(&u.lang, &u.name, &s.title, &when),
            &u.email,
        )
    });
    let promote = promotion(s.title.clone(), s.starts_at);
    let now = clock.now();
    let actor = format!("staff:{}", staff.id);
    let mut tx = db.begin().await?;
    let done = madoguchi_store::seminars::places::end_in(
        &mut tx,
        registration_id,
        None,
        "cancelled_by_user",
        now,
        &actor,
        &why,
        &promote,
        told.as_ref(),
    )
    .await?;
    if done.is_none() {
        return Err(invalid_state("ended"));
    }
    let detail = format!("{registration_id}: {why}");
    staff_store::audit(
        &mut tx,
        staff.id,
        "seminar_phone_cancel",
        Some(r.user_ref),
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// BK-16: whether a no-show may be corrected now, with this reason.
pub async fn preview_correction(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    registration_id: i64,
    why: &str,
) -> Result<(RegistrationRow, SeminarRow), AppError> {
    let (r, s) = place(db, staff, registration_id).await?;
    if r.state != "no_show" {
        return Err(invalid_state(&r.state));
    }
    when(Record::Correction, &s, clock.now())?;
    reason(why)?;
    Ok((r, s))
}

/// S6-3, BK-16: staff correct a recorded no-show with a reason; it no longer counts toward
/// the restriction (BK-12), which is worked out from no-shows as they stand. The person is
/// told; the correction is audited.
pub async fn correct_no_show(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    registration_id: i64,
    outcome: Correction,
    why: &str,
) -> Result<(), AppError> {
    let (r, s) = preview_correction(db, clock, staff, registration_id, why).await?;
    let why = reason(why)?;
    let told = users::by_id(db, r.user_ref).await?.map(|u| {
        let when = start_time(&u.lang, s.starts_at);
        notice(
            &seminar_letters::no_show_corrected(&u.lang, &u.name, &s.title, &when),
            &u.email,
        )
    });
    let now = clock.now();
    let actor = format!("staff:{}", staff.id);
    let note = format!("correction: {why}");
    let mut tx = db.begin().await?;
    let done = madoguchi_store::seminars::places::correct_no_show(
        &mut tx,
        registration_id,
        outcome.state(),
        now,
        &actor,
        &note,
        told.as_ref(),
    )
    .await?;
    if !done {
        return Err(invalid_state("corrected"));
    }
    let detail = format!("{registration_id}: {why}");
    staff_store::audit(
        &mut tx,
        staff.id,
        "seminar_correct_no_show",
        Some(r.user_ref),
        &detail,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
