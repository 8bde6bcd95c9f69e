//! The request mode (rule BK-7): the user sends up to three preferred times; staff of the
//! office schedule one of the free slots as a confirmed reservation, or decline.

use chrono::{DateTime, Utc};
use madoguchi_domain::booking::{self, CONSULTATION};
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::requests::{self, RequestRow};
use madoguchi_store::consultations::reservations::{self as store, Booked, Details};
use madoguchi_store::{Db, accounts::staff as staff_store, consultations::schedule, offices as office_store};

use crate::shared::FieldProblem;
use crate::shared::StaffMember;
use crate::{AppError, eligibility, offices};

fn problem(field: &'static str, code: &'static str) -> FieldProblem {
    FieldProblem {
        field,
        code,
        detail: None,
        offences: Vec::new(),
    }
}

/// A job seeker asks for a consultation at one of up to three times.
pub async fn request(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    office: &str,
    preferences: &[DateTime<Utc>],
    topic: &str,
) -> Result<i64, AppError> {
    let o = offices::get(db, office).await?;
    if requests::booking_mode(db, o.code.as_str()).await? != "request" {
        return Err(AppError::Refused {
            code: "direct_booking",
            message: "this office books directly; pick a free slot".into(),
        });
    }
    eligibility::ensure_may_book(db, clock, user_ref).await?;
    crate::notices::terms::gate(db, clock, user_ref, "consultation").await?;
    let mut problems = Vec::new();
    if preferences.is_empty() || preferences.len() > 3 {
        problems.push(problem("preferences", "one_to_three"));
    }
    let closures = office_store::closures(
        db,
        &o.code,
        clock.today_jst(),
        clock.today_jst() + chrono::Days::new(60),
    )
    .await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    let policy = offices::booking_policy(db, o.code.as_str()).await?;
    for p in preferences {
        if let Err(r) = booking::check_booking_time(*p, clock.now(), policy)
            .and_then(|()| booking::check_slot(&cal, *p, *p + CONSULTATION))
        {
            problems.push(problem("preferences", r.code()));
        }
    }
    let offences = madoguchi_domain::characters::validate(topic, madoguchi_domain::characters::FieldKind::MultiLine);
    if !offences.is_empty() || topic.chars().count() > 400 {
        problems.push(FieldProblem {
            offences,
            ..problem("topic", "invalid_characters")
        });
    }
    if !problems.is_empty() {
        return Err(AppError::Fields(problems));
    }
    let list: Vec<String> = preferences.iter().map(DateTime::to_rfc3339).collect();
    Ok(requests::create(db, user_ref, o.code.as_str(), &list.join(","), topic, clock.now()).await?)
}

fn own_office(staff: &StaffMember, r: &RequestRow) -> Result<(), AppError> {
    if staff.office.as_deref() == Some(r.office_code.as_str()) {
        Ok(())
    } else {
        Err(AppError::NotFound {
            what: format!("request {} at your office", r.id),
        })
    }
}

/// The office's open requests; listing them is audited per person (PV-4).
pub async fn open(db: &Db, clock: &dyn Clock, staff: &StaffMember) -> Result<Vec<RequestRow>, AppError> {
    let office = staff.office.clone().unwrap_or_default();
    let rows = requests::open_for_office(db, &office).await?;
    let mut tx = db.begin().await?;
    for r in &rows {
        staff_store::audit(
            &mut tx,
            staff.id,
            "view_requests",
            Some(r.user_ref),
            &r.id.to_string(),
            clock.now(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// Staff schedule the request into a free slot of their office: a confirmed reservation.
pub async fn schedule(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64, slot_id: i64) -> Result<i64, AppError> {
    let r = requests::get(db, id).await?.ok_or_else(|| AppError::NotFound {
        what: format!("request {id}"),
    })?;
    own_office(staff, &r)?;
    if r.state != "open" {
        return Err(AppError::Refused {
            code: "already_decided",
            message: "this request is already decided".into(),
        });
    }
    let slot = store::slot(db, slot_id)
        .await?
        .filter(|s| s.office_code == r.office_code)
        .ok_or_else(|| AppError::NotFound {
            what: format!("slot {slot_id} at your office"),
        })?;
    let policy = offices::booking_policy(db, &r.office_code).await?;
    booking::check_booking_time(slot.starts_at, clock.now(), policy).map_err(|e| AppError::Refused {
        code: e.code(),
        message: e.to_string(),
    })?;
    let actor = format!("staff:{}", staff.id);
    let details = Details {
        topic: r.topic.clone(),
        ..Details::default()
    };
    let reservation = match store::book(db, slot_id, r.user_ref, &details, clock.now(), &actor, None).await? {
        Booked::Confirmed(rid) => rid,
        Booked::SlotFull => {
            return Err(AppError::Refused {
                code: "slot_full",
                message: "no free seat".into(),
            });
        }
        Booked::DailyLimit => {
            return Err(AppError::Refused {
                code: "daily_limit",
                message: "already one that day".into(),
            });
        }
    };
    if !requests::decide(db, id, "scheduled", Some(reservation), clock.now(), &actor).await? {
        // Someone scheduled it at the same moment: undo ours, keep theirs.
        schedule::transition(
            db,
            reservation,
            &["confirmed"],
            "cancelled_by_office",
            clock.now(),
            &actor,
            "duplicate scheduling",
            None,
        )
        .await?;
        return Err(AppError::Refused {
            code: "already_decided",
            message: "this request was scheduled by someone else".into(),
        });
    }
    let mut tx = db.begin().await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "schedule_request",
        Some(r.user_ref),
        &id.to_string(),
        clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(reservation)
}

/// Staff decline a request they cannot fit.
pub async fn decline(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64) -> Result<(), AppError> {
    let r = requests::get(db, id).await?.ok_or_else(|| AppError::NotFound {
        what: format!("request {id}"),
    })?;
    own_office(staff, &r)?;
    if requests::decide(db, id, "declined", None, clock.now(), &format!("staff:{}", staff.id)).await? {
        Ok(())
    } else {
        Err(AppError::Refused {
            code: "already_decided",
            message: "this request is already decided".into(),
        })
    }
}
