//! The office changes a whole seminar (rule SE-6, S11-1): cancels it, suspends or resumes its
//! registrations, or moves it to another date or time. Office admins of the seminar's office
//! and national admins (`domain::staff::administers`). Cancel and move are shown first
//! (`preview_*`: the checks, and who will be told); each change is one transaction with the
//! seminar's state, every person's notice (mail and My Page, in their language) and the audit.
//!
//! Decided: a suspension tells those registered and waiting only when staff tick "tell them"
//! (a typhoon warning: "it may be cancelled"); a suspension for the office's own reasons (the
//! room, the speaker) changes nobody's place and tells nobody. Whoever was told of a
//! suspension is told when registrations resume.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use madoguchi_domain::booking;
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::staff::administers;
use madoguchi_store::seminars::SeminarRow;
use madoguchi_store::seminars::changes::{self as store, Holder, Moved, NewTime};
use madoguchi_store::{Db, Tx, accounts::staff as staff_store, offices as office_store};

use crate::mail::letters::start_time;
use crate::seminars::attend::notice;
use crate::seminars::letters as seminar_letters;
use crate::shared::{StaffMember, fields};
use crate::{AppError, offices};

/// What a change will touch, shown before it is made.
#[derive(Debug, Clone)]
pub struct Impact {
    pub seminar: SeminarRow,
    /// People with a seat, and on the waiting list: each is told.
    pub seated: usize,
    pub waiting: usize,
    /// A move's new start.
    pub to: Option<DateTime<Utc>>,
}

fn refused(code: &'static str, message: &str) -> AppError {
    AppError::Refused {
        code,
        message: message.to_owned(),
    }
}

/// A seminar the staff member may see: their office's, or any for a national admin. Another
/// office's is "not found", as everywhere else.
pub(crate) async fn visible(db: &Db, staff: &StaffMember, id: i64) -> Result<SeminarRow, AppError> {
    madoguchi_store::seminars::catalogue::get(db, id)
        .await?
        .filter(|s| {
            staff.role == madoguchi_domain::staff::Role::NationalAdmin
                || staff.office.as_deref() == Some(s.office_code.as_str())
        })
        .ok_or_else(|| AppError::NotFound {
            what: format!("seminar {id} at your office"),
        })
}

/// A seminar the staff member administers, not cancelled and not started (SE-6).
async fn changeable(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64) -> Result<SeminarRow, AppError> {
    let s = visible(db, staff, id).await?;
    if !administers(staff.role, staff.office.as_deref(), &s.office_code) {
        return Err(AppError::Forbidden {
            code: "not_office_admin",
            message: "only the office's admins cancel, suspend or move a seminar",
        });
    }
    if s.cancelled_at.is_some() {
        return Err(refused("seminar_cancelled", "the seminar is cancelled"));
    }
    if clock.now() >= s.starts_at {
        return Err(refused("already_started", "the seminar has started"));
    }
    Ok(s)
}

fn reason(value: &str, required: bool) -> Result<String, AppError> {
    fields::text("reason", value, FieldKind::SingleLine, 200, required)
}

async fn impact(db: &Db, seminar: SeminarRow, to: Option<DateTime<Utc>>) -> Result<Impact, AppError> {
    let holders = store::holders(db, seminar.id).await?;
    let seated = holders.iter().filter(|h| h.state == "registered").count();
    Ok(Impact {
        waiting: holders.len() - seated,
        seated,
        seminar,
        to,
    })
}

async fn audited(
    tx: &mut Tx,
    staff: &StaffMember,
    action: &str,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    staff_store::audit(tx, staff.id, action, None, detail, now).await?;
    Ok(())
}

/// SE-6: what cancelling would touch; refuses what `cancel` would refuse.
pub async fn preview_cancel(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    why: &str,
) -> Result<Impact, AppError> {
    let s = changeable(db, clock, staff, id).await?;
    reason(why, true)?;
    impact(db, s, None).await
}

/// SE-6: cancels the seminar with a reason; everyone registered or waiting ends as removed by
/// the office and is told. No-show counts are untouched (nobody missed anything). Returns how
/// many places ended.
pub async fn cancel(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64, why: &str) -> Result<usize, AppError> {
    let s = changeable(db, clock, staff, id).await?;
    let why = reason(why, true)?;
    let now = clock.now();
    let tell = |h: &Holder| {
        let when = start_time(&h.lang, s.starts_at);
        let waiting = h.state == "waitlisted";
        notice(
            &seminar_letters::cancelled(&h.lang, &h.name, &s.title, &when, &why, waiting),
            &h.email,
        )
    };
    let mut tx = db.begin().await?;
    let ended = store::cancel(&mut tx, id, &why, now, &format!("staff:{}", staff.id), &tell)
        .await?
        .ok_or_else(|| refused("seminar_cancelled", "the seminar was cancelled or started meanwhile"))?;
    audited(&mut tx, staff, "cancel_seminar", &format!("seminar {id}: {why}"), now).await?;
    tx.commit().await?;
    Ok(ended.len())
}

/// SE-6 (S11-1): new registrations and waiting-list places are refused (`seminar_suspended`);
/// places stay. With `tell`, everyone registered or waiting is told it may be cancelled.
/// Returns how many were told.
pub async fn suspend(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    why: &str,
    tell: bool,
) -> Result<usize, AppError> {
    let s = changeable(db, clock, staff, id).await?;
    let why = reason(why, true)?;
    if s.suspended_at.is_some() {
        return Err(refused("seminar_suspended", "registrations are already suspended"));
    }
    let now = clock.now();
    let letter = |h: &Holder| {
        let when = start_time(&h.lang, s.starts_at);
        notice(
            &seminar_letters::suspended(&h.lang, &h.name, &s.title, &when, &why),
            &h.email,
        )
    };
    let mut tx = db.begin().await?;
    let told = store::suspend(
        &mut tx,
        id,
        &why,
        now,
        &format!("staff:{}", staff.id),
        tell.then_some(&letter as _),
    )
    .await?
    .ok_or_else(|| refused("invalid_state", "the seminar changed meanwhile"))?;
    audited(&mut tx, staff, "suspend_seminar", &format!("seminar {id}: {why}"), now).await?;
    tx.commit().await?;
    Ok(told.len())
}

/// SE-6: registrations reopen; whoever was told of the suspension is told. Returns how many.
pub async fn resume(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64) -> Result<usize, AppError> {
    let s = changeable(db, clock, staff, id).await?;
    if s.suspended_at.is_none() {
        return Err(refused("invalid_state", "registrations are not suspended"));
    }
    let now = clock.now();
    let letter = |h: &Holder| {
        let when = start_time(&h.lang, s.starts_at);
        notice(&seminar_letters::resumed(&h.lang, &h.name, &s.title, &when), &h.email)
    };
    let mut tx = db.begin().await?;
    let told = store::resume(&mut tx, id, now, &format!("staff:{}", staff.id), &letter)
        .await?
        .ok_or_else(|| refused("invalid_state", "registrations are not suspended"))?;
    audited(&mut tx, staff, "resume_seminar", &format!("seminar {id}"), now).await?;
    tx.commit().await?;
    Ok(told.len())
}

/// SE-1 as SE-6 applies it to a move: the same length at `starts_at`, on a day after today
/// that the office is open, inside its hours; registration closes at the end of the day before.
async fn new_time(db: &Db, clock: &dyn Clock, s: &SeminarRow, starts_at: DateTime<Utc>) -> Result<NewTime, AppError> {
    let day = booking::local_date(starts_at);
    let today = clock.today_jst();
    if day < today || starts_at <= clock.now() {
        return Err(AppError::invalid("date_in_past", "day", "the new date has passed"));
    }
    if starts_at == s.starts_at {
        return Err(AppError::invalid(
            "same_time",
            "starts",
            "that is the seminar's time now",
        ));
    }
    let ends_at = starts_at + (s.ends_at - s.starts_at);
    let o = offices::get(db, &s.office_code).await?;
    let closures = office_store::closures(db, &o.code, day, day).await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    booking::check_within_hours(&cal, starts_at, ends_at).map_err(|r| AppError::Refused {
        code: r.code(),
        message: r.to_string(),
    })?;
    if day == today {
        return Err(refused("cutoff_passed", "a seminar moves to a day after today"));
    }
    let cutoff_at = jst()
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .single()
        .map_or(starts_at, |t| t.with_timezone(&Utc));
    Ok(NewTime {
        starts_at,
        ends_at,
        local_date: day,
        cutoff_at,
    })
}

/// SE-6: what moving to `starts_at` would touch; refuses what `move_to` would refuse.
pub async fn preview_move(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    starts_at: DateTime<Utc>,
    why: &str,
) -> Result<Impact, AppError> {
    let s = changeable(db, clock, staff, id).await?;
    new_time(db, clock, &s, starts_at).await?;
    reason(why, false)?;
    impact(db, s, Some(starts_at)).await
}

/// SE-6: moves the seminar to `starts_at` (same length); places stay; everyone registered or
/// waiting is told the new time and that they may cancel on My Page. `why` may be empty.
/// Returns how many were told.
pub async fn move_to(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    starts_at: DateTime<Utc>,
    why: &str,
) -> Result<usize, AppError> {
    let s = changeable(db, clock, staff, id).await?;
    let to = new_time(db, clock, &s, starts_at).await?;
    let why = reason(why, false)?;
    let now = clock.now();
    let letter = |h: &Holder| {
        let (from, new) = (start_time(&h.lang, s.starts_at), start_time(&h.lang, starts_at));
        notice(
            &seminar_letters::moved(&h.lang, &h.name, &s.title, &from, &new, &why),
            &h.email,
        )
    };
    let mut tx = db.begin().await?;
    let told = match store::move_to(&mut tx, id, &to, &why, now, &format!("staff:{}", staff.id), &letter).await? {
        Moved::Done(_, told) => told,
        Moved::ClosedDay => return Err(refused("closed_day", "the office closed that day meanwhile")),
        Moved::Gone => return Err(refused("invalid_state", "the seminar changed meanwhile")),
    };
    let detail = format!(
        "seminar {id}: {} -> {}",
        s.starts_at.to_rfc3339(),
        starts_at.to_rfc3339()
    );
    audited(&mut tx, staff, "move_seminar", &detail, now).await?;
    tx.commit().await?;
    Ok(told.len())
}
