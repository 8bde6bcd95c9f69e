//! What a job seeker records so they may book, and the check a booking makes (rules
//! AC-11, AC-12).

pub mod restriction;

use chrono::NaiveDate;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::job_seeker::{JobSeekerNumber, Registration, registration_allows_booking};
use madoguchi_domain::residence::{self, Nationality, residence_allows_booking};
use madoguchi_store::Db;
use madoguchi_store::eligibility::{self, EligibilityRow};

use crate::AppError;
use crate::shared::FieldProblem;

fn problem(field: &'static str, code: &'static str) -> FieldProblem {
    FieldProblem {
        field,
        code,
        detail: None,
        offences: Vec::new(),
    }
}

/// AC-11: the job-seeker number and its expiry date; staff confirm it afterwards.
pub async fn record_job_seeker(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    number: &str,
    expires: Option<NaiveDate>,
) -> Result<(), AppError> {
    let mut problems = Vec::new();
    let parsed = JobSeekerNumber::parse(number);
    if parsed.is_err() {
        problems.push(problem("job_seeker_number", "invalid_job_seeker_number"));
    }
    match expires {
        None => problems.push(problem("job_seeker_expires", "required")),
        Some(d) if d < clock.today_jst() => problems.push(problem("job_seeker_expires", "date_in_past")),
        Some(_) => {}
    }
    let (Ok(number), Some(expires), true) = (parsed, expires, problems.is_empty()) else {
        return Err(AppError::Fields(problems));
    };
    let mut tx = db.begin().await?;
    eligibility::set_job_seeker(&mut tx, user_ref, number.as_str(), expires).await?;
    tx.commit().await?;
    Ok(())
}

/// AC-12: nationality category, and for other foreign nationals the residence status and
/// the last day of the period of stay.
pub async fn record_residence(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    nationality: &str,
    status: Option<&str>,
    stay_until: Option<NaiveDate>,
) -> Result<(), AppError> {
    let mut problems = Vec::new();
    let nat = Nationality::parse(nationality);
    if nat.is_none() {
        problems.push(problem("nationality", "invalid_choice"));
    }
    let foreign = nat == Some(Nationality::OtherForeignNational);
    let status = status.filter(|s| !s.is_empty());
    let known = status.and_then(residence::status);
    if foreign && known.is_none() {
        problems.push(problem(
            "residence_status",
            if status.is_none() { "required" } else { "invalid_choice" },
        ));
    }
    let needs_period = foreign && known.is_some_and(|s| !s.indefinite);
    match stay_until {
        None if needs_period => problems.push(problem("stay_until", "required")),
        Some(d) if needs_period && d < clock.today_jst() => problems.push(problem("stay_until", "date_in_past")),
        _ => {}
    }
    let (Some(nat), true) = (nat, problems.is_empty()) else {
        return Err(AppError::Fields(problems));
    };
    let (status, until) = if foreign {
        (known.map(|s| s.code), stay_until.filter(|_| needs_period))
    } else {
        (None, None)
    };
    let mut tx = db.begin().await?;
    eligibility::set_residence(&mut tx, user_ref, nat.code(), status, until).await?;
    tx.commit().await?;
    Ok(())
}

/// The stable codes of everything that stands between this account and a booking; empty
/// means it may book.
pub async fn booking_blockers(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<Vec<&'static str>, AppError> {
    let row = eligibility::get(db, user_ref).await?.ok_or(AppError::Unauthorized {
        code: "not_signed_in",
        message: "please sign in",
    })?;
    let restricted = crate::eligibility::restriction::restricted(db, clock, user_ref).await?;
    Ok(blockers(&row, restricted, clock.today_jst()))
}

/// The blockers of an eligibility row (AC-11, AC-12, BK-12, BK-13), with `restricted`
/// already decided from the no-show history.
pub fn blockers(row: &EligibilityRow, restricted: bool, today: NaiveDate) -> Vec<&'static str> {
    let registration = Registration {
        has_number: row.job_seeker_number.is_some(),
        expires: row.job_seeker_expires,
        confirmed: row.job_seeker_confirmed_at.is_some(),
        exempt: row.booking_exempt,
    };
    let nationality = Nationality::parse(&row.nationality).unwrap_or(Nationality::Japanese);
    let status = row.residence_status.as_deref().and_then(residence::status);
    let mut out = Vec::new();
    if row.suspended_reason.is_some() {
        out.push("account_suspended");
    }
    if let Err(p) = registration_allows_booking(registration, today) {
        out.push(p.code());
    }
    if let Err(p) = residence_allows_booking(nationality, status, row.stay_until, today) {
        out.push(p.code());
    }
    if restricted {
        out.push("booking_restricted");
    }
    out
}

/// A booking's gate: `booking_restricted`, or `not_eligible` naming the first blocker.
pub fn gate(blockers: &[&'static str]) -> Result<(), AppError> {
    match blockers.first() {
        None => Ok(()),
        Some(&"booking_restricted") => Err(AppError::Forbidden {
            code: "booking_restricted",
            message: "online booking is paused after repeated no-shows; please contact the office",
        }),
        Some(code) => Err(AppError::Forbidden {
            code: "not_eligible",
            message: code,
        }),
    }
}

/// The gate for callers that have not read the eligibility row yet.
pub async fn ensure_may_book(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<(), AppError> {
    gate(&booking_blockers(db, clock, user_ref).await?)
}

/// Confirms the recorded job-seeker number (C2-1: the online registrant becomes a full
/// registrant) without telling the person: for demo data and tests. Staff confirm in the
/// console, the operator with `accounts::confirmations::confirm_by_operator`; both tell.
pub async fn confirm_job_seeker(db: &Db, clock: &dyn Clock, user_id: &str) -> Result<(), AppError> {
    let key = user_id.trim().to_ascii_lowercase();
    let user = madoguchi_store::accounts::users::by_key(db, &key)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: format!("account {user_id}"),
        })?;
    let mut tx = db.begin().await?;
    let done = eligibility::confirm_job_seeker(&mut tx, user.id, clock.now()).await?;
    tx.commit().await?;
    if done {
        Ok(())
    } else {
        Err(AppError::Conflict(format!(
            "{user_id} has not recorded a job-seeker number"
        )))
    }
}
