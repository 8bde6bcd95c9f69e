//! What the office does (IV-1, IV-4): arrange an interview, list the office's, cancel one,
//! and record the outcome the employer reported. Each change, its audit row and the job
//! seeker's letter are one transaction.

use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use madoguchi_domain::booking::local_date;
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::email::Email;
use madoguchi_domain::interview::{self, APPS, Outcome};
use madoguchi_domain::user_id::UserId;
use madoguchi_store::accounts::{staff as staff_store, users};
use madoguchi_store::interviews::{self as store, NewInterview};
use madoguchi_store::mail::{inbox, outbox};
use madoguchi_store::{Db, offices as office_store};

use super::{Interview, letters, office_of, rows, visible};
use crate::AppError;
use crate::mail::letters::Letter;
use crate::shared::fields::problem;
use crate::shared::{FieldProblem, StaffMember};

/// The arrange form as typed; every field is kept so a refused form is drawn again as is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Arrangement {
    /// The job seeker's user ID.
    pub seeker: String,
    pub employer_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub job_number: String,
    pub job_title: String,
    /// YYYY-MM-DD, Japan time.
    pub date: String,
    /// HH:MM, Japan time.
    pub time: String,
    pub minutes: String,
    /// `builtin` or `zoom`.
    pub app: String,
    pub counsellor_attends: bool,
}

/// Every field's problem at once (N10 text, the email, the date, time and length).
fn check_fields(a: &Arrangement) -> (Vec<FieldProblem>, Option<(NaiveDate, NaiveTime, i64)>) {
    let mut problems: Vec<FieldProblem> = [
        problem("employer_name", &a.employer_name, FieldKind::SingleLine, 100, true),
        problem("contact_name", &a.contact_name, FieldKind::SingleLine, 100, true),
        problem("job_number", &a.job_number, FieldKind::SingleLine, 40, true),
        problem("job_title", &a.job_title, FieldKind::SingleLine, 100, true),
    ]
    .into_iter()
    .flatten()
    .collect();
    if a.contact_email.trim().is_empty() {
        problems.push(FieldProblem::new("contact_email", "required"));
    } else if Email::parse(&a.contact_email).is_err() {
        problems.push(FieldProblem::new("contact_email", "invalid_email"));
    }
    if !APPS.contains(&a.app.as_str()) {
        problems.push(FieldProblem::new("app", "invalid_choice"));
    }
    let date = madoguchi_domain::dates::parse_date(a.date.trim());
    if date.is_none() {
        problems.push(FieldProblem::new("date", "invalid_date"));
    }
    let time = NaiveTime::parse_from_str(a.time.trim(), "%H:%M").ok();
    if time.is_none() {
        problems.push(FieldProblem::new("time", "invalid_time"));
    }
    let minutes = a.minutes.trim().parse::<i64>().ok().filter(|m| (15..=180).contains(m));
    if minutes.is_none() {
        problems.push(FieldProblem::new("minutes", "invalid_duration"));
    }
    let when = date.zip(time).zip(minutes).map(|((d, t), m)| (d, t, m));
    (problems, when)
}

/// IV-1: a proposed interview for a job seeker of any office, at this staff member's
/// office, inside its hours; the job seeker gets a letter and an inbox entry asking them to
/// answer on My Page. The employer hears nothing until the job seeker accepts.
pub async fn arrange(db: &Db, clock: &dyn Clock, staff: &StaffMember, a: &Arrangement) -> Result<i64, AppError> {
    let office = office_of(staff)?;
    let (mut problems, when) = check_fields(a);
    let seeker = match UserId::parse(a.seeker.trim()) {
        Ok(id) => users::by_key(db, &id.normalized())
            .await?
            .filter(|u| u.state == "active"),
        Err(_) => None,
    };
    if seeker.is_none() {
        problems.push(FieldProblem::new("seeker", "unknown_job_seeker"));
    }
    let (Some(u), Some((date, time, minutes)), true) = (seeker, when, problems.is_empty()) else {
        return Err(AppError::Fields(problems));
    };
    let starts_at = jst()
        .from_local_datetime(&date.and_time(time))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| AppError::invalid("invalid_time", "time", "not a time in Japan"))?;
    let ends_at = starts_at + Duration::minutes(minutes);
    let o = crate::offices::get(db, office).await?;
    let closures = office_store::closures(db, &o.code, date, date).await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    let now = clock.now();
    interview::check_time(&cal, starts_at, ends_at, now).map_err(|r| AppError::Refused {
        code: r.code(),
        message: r.to_string(),
    })?;
    let new = NewInterview {
        office_code: office.to_owned(),
        user_ref: u.id,
        employer_name: a.employer_name.trim().to_owned(),
        contact_name: a.contact_name.trim().to_owned(),
        contact_email: a.contact_email.trim().to_owned(),
        job_number: a.job_number.trim().to_owned(),
        job_title: a.job_title.trim().to_owned(),
        starts_at,
        ends_at,
        local_date: local_date(starts_at),
        app: a.app.clone(),
        counsellor_attends: a.counsellor_attends,
        arranged_by: staff.id,
    };
    let office_name = letters::office_name(&u.lang, &o.name_ja, &o.name_en);
    let letter = letters::proposed(&u.lang, &u.name, &new, &office_name);
    let mut tx = db.begin().await?;
    let id = store::insert(&mut tx, &new, now).await?;
    staff_store::audit(&mut tx, staff.id, "arrange_interview", Some(u.id), &id.to_string(), now).await?;
    tell(&mut tx, u.id, &u.email, &letter, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// A letter to the job seeker, by mail and in the My Page inbox (NO-2).
pub(crate) async fn tell(
    tx: &mut madoguchi_store::Tx,
    user_ref: i64,
    email: &str,
    letter: &Letter,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    outbox::enqueue(tx, &letter.to(email), now).await?;
    inbox::add(tx, user_ref, &letter.subject, &letter.inbox_body(), now).await?;
    Ok(())
}

/// The office's interviews on the JST days `[from, to)` (at most 62 days).
pub async fn list(db: &Db, staff: &StaffMember, from: NaiveDate, to: NaiveDate) -> Result<Vec<Interview>, AppError> {
    let office = office_of(staff)?;
    if to <= from || (to - from).num_days() > 62 {
        return Err(AppError::invalid("invalid_range", "to", "a range of 1 to 62 days"));
    }
    rows(store::for_office(db, office, from, to).await?)
}

/// One interview of the office with the job seeker's name (audited, PV-4) and its events.
pub async fn detail(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
) -> Result<(Interview, String, Vec<(chrono::DateTime<Utc>, String, String)>), AppError> {
    let i = visible(db, staff, id).await?;
    let name = users::by_id(db, i.row.user_ref)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let mut tx = db.begin().await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "view_interview",
        Some(i.row.user_ref),
        &id.to_string(),
        clock.now(),
    )
    .await?;
    tx.commit().await?;
    let events = store::events(db, id)
        .await?
        .into_iter()
        .map(|(at, kind, actor, _)| (at, kind, actor))
        .collect();
    Ok((i, name, events))
}

/// The office cancels an interview that still stands and has not begun; the job seeker
/// (and an employer already told) are told.
pub async fn cancel(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64) -> Result<(), AppError> {
    let i = visible(db, staff, id).await?;
    let now = clock.now();
    let u = users::by_id(db, i.row.user_ref).await?;
    let mut tx = db.begin().await?;
    let actor = format!("staff:{}", staff.id);
    if !store::cancel(&mut tx, id, "cancelled_by_office", &actor, "", now).await? {
        return Err(AppError::Refused {
            code: "already_decided",
            message: "the interview was already cancelled, declined or has begun".into(),
        });
    }
    staff_store::audit(
        &mut tx,
        staff.id,
        "cancel_interview",
        Some(i.row.user_ref),
        &id.to_string(),
        now,
    )
    .await?;
    if let Some(u) = u.filter(|u| u.state == "active") {
        let letter = letters::cancelled(&u.lang, &u.name, &i.row, true);
        tell(&mut tx, u.id, &u.email, &letter, now).await?;
    }
    if i.state == madoguchi_domain::interview::State::Accepted {
        outbox::enqueue(
            &mut tx,
            &letters::employer_cancelled(&i.row).to(&i.row.contact_email),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// IV-4: the outcome the employer reported, dated; the job seeker is told and sees it on
/// My Page.
pub async fn record_outcome(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    outcome: &str,
    on: &str,
) -> Result<(), AppError> {
    let i = visible(db, staff, id).await?;
    let outcome =
        Outcome::parse(outcome).ok_or_else(|| AppError::invalid("invalid_choice", "outcome", "choose an outcome"))?;
    let on = madoguchi_domain::dates::parse_date(on.trim())
        .ok_or_else(|| AppError::invalid("invalid_date", "on", "a date is YYYY-MM-DD"))?;
    let now = clock.now();
    interview::check_outcome(i.state, i.row.starts_at, on, now).map_err(|r| AppError::Refused {
        code: r.code(),
        message: r.to_string(),
    })?;
    let u = users::by_id(db, i.row.user_ref).await?;
    let mut tx = db.begin().await?;
    let actor = format!("staff:{}", staff.id);
    if !store::record_outcome(&mut tx, id, outcome.code(), on, &actor, now).await? {
        return Err(AppError::Refused {
            code: "not_started",
            message: "an outcome is recorded for an accepted interview once it has started".into(),
        });
    }
    staff_store::audit(
        &mut tx,
        staff.id,
        "interview_outcome",
        Some(i.row.user_ref),
        &id.to_string(),
        now,
    )
    .await?;
    if let Some(u) = u.filter(|u| u.state == "active") {
        let letter = letters::outcome(&u.lang, &u.name, &i.row, outcome);
        tell(&mut tx, u.id, &u.email, &letter, now).await?;
    }
    tx.commit().await?;
    Ok(())
}
