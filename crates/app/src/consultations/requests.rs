//! The request mode (rule BK-7): the user sends up to three preferred times; staff of the
//! office schedule one of the free slots as a confirmed reservation, or decline with a
//! reason; either way the person is told by mail and on My Page (C6-3). The person may
//! withdraw a request still open.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use madoguchi_domain::booking::{self, CONSULTATION};
use madoguchi_domain::calendar::{DayStatus, OfficeCalendar};
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::requests::{self, RequestRow, Scheduled};
use madoguchi_store::consultations::reservations::{self as store, Details};
use madoguchi_store::{Db, accounts::staff as staff_store, offices as office_store};

use crate::consultations::tell::{self, Calendar, Event};
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

/// The field each preferred time's problem names, in the order given.
pub const PREFERENCE_FIELDS: [&str; 3] = ["preference1", "preference2", "preference3"];

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
    // Each problem names the preference it is about, so a form can show it next to it.
    for (p, field) in preferences.iter().zip(PREFERENCE_FIELDS) {
        if let Err(r) = booking::check_booking_time(*p, clock.now(), policy)
            .and_then(|()| booking::check_slot(&cal, *p, *p + CONSULTATION))
        {
            problems.push(problem(field, r.code()));
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

async fn audit(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    action: &str,
    user_ref: i64,
    detail: &str,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    staff_store::audit(&mut tx, staff.id, action, Some(user_ref), detail, clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

async fn open_at_office(db: &Db, staff: &StaffMember, id: i64) -> Result<RequestRow, AppError> {
    let r = requests::get(db, id).await?.ok_or_else(|| AppError::NotFound {
        what: format!("request {id}"),
    })?;
    own_office(staff, &r)?;
    if r.state == "open" {
        Ok(r)
    } else {
        Err(already_decided())
    }
}

fn already_decided() -> AppError {
    AppError::Refused {
        code: "already_decided",
        message: "this request is already decided".into(),
    }
}

/// Staff schedule the request into a free slot of their office: a confirmed reservation,
/// and the person is told the date (JST, with weekday), the app and that the meeting details
/// come on My Page (C6-3), in the same transaction.
pub async fn schedule(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64, slot_id: i64) -> Result<i64, AppError> {
    let r = open_at_office(db, staff, id).await?;
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
    let uid = tell::new_uid()?;
    let cal = Calendar {
        uid: &uid,
        sequence: 0,
        reservation: None,
        site: None,
        now: clock.now(),
    };
    let notice = tell::notice(db, r.user_ref, &slot, Event::Scheduled, &cal).await?;
    let reservation = match requests::schedule(
        db,
        id,
        slot_id,
        r.user_ref,
        &details,
        clock.now(),
        &actor,
        &uid,
        notice.as_ref(),
    )
    .await?
    {
        Scheduled::Confirmed(rid) => rid,
        Scheduled::AlreadyDecided => return Err(already_decided()),
        Scheduled::SlotFull => {
            return Err(AppError::Refused {
                code: "slot_full",
                message: "no free seat".into(),
            });
        }
        Scheduled::DailyLimit => {
            return Err(AppError::Refused {
                code: "daily_limit",
                message: "already one that day".into(),
            });
        }
    };
    audit(db, clock, staff, "schedule_request", r.user_ref, &id.to_string()).await?;
    Ok(reservation)
}

/// Staff decline a request they cannot fit, with the reason the person is told (C6-3).
pub async fn decline(db: &Db, clock: &dyn Clock, staff: &StaffMember, id: i64, reason: &str) -> Result<(), AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(
            "required",
            "reason",
            "say why the request is declined",
        ));
    }
    let offences = madoguchi_domain::characters::validate(reason, madoguchi_domain::characters::FieldKind::MultiLine);
    if !offences.is_empty() || reason.chars().count() > 400 {
        return Err(AppError::Fields(vec![FieldProblem {
            offences,
            ..problem("reason", "invalid_characters")
        }]));
    }
    let r = open_at_office(db, staff, id).await?;
    let notice = match madoguchi_store::accounts::users::by_id(db, r.user_ref).await? {
        Some(u) => {
            let office = offices::get(db, &r.office_code).await?;
            let name = if crate::shared::locales::Lang::of(&u.lang).prefers_english() {
                &office.name_en
            } else {
                &office.name_ja
            };
            let letter = crate::mail::decisions::request_declined(&u.lang, &u.name, name, reason);
            Some(store::Notice {
                inbox_subject: letter.subject.clone(),
                inbox_body: letter.inbox_body(),
                mail: letter.to(&u.email),
            })
        }
        None => None,
    };
    let actor = format!("staff:{}", staff.id);
    let told = notice.as_ref().map(|n| (r.user_ref, n));
    if !requests::decline(db, id, reason, clock.now(), &actor, told).await? {
        return Err(already_decided());
    }
    audit(db, clock, staff, "decline_request", r.user_ref, reason).await
}

/// The person's own requests, newest first (My Page).
pub async fn mine(db: &Db, user_ref: i64) -> Result<Vec<RequestRow>, AppError> {
    Ok(requests::for_user(db, user_ref).await?)
}

/// The person withdraws an open request of theirs; someone else's is "not found".
pub async fn withdraw(db: &Db, clock: &dyn Clock, user_ref: i64, id: i64) -> Result<(), AppError> {
    let r = requests::get(db, id)
        .await?
        .filter(|r| r.user_ref == user_ref)
        .ok_or_else(|| AppError::NotFound {
            what: format!("request {id}"),
        })?;
    if r.state == "open" && requests::withdraw(db, id, user_ref, clock.now()).await? {
        Ok(())
    } else {
        Err(already_decided())
    }
}

/// BK-7: whether the office takes requests instead of direct bookings.
pub async fn takes_requests(db: &Db, office: &str) -> Result<bool, AppError> {
    Ok(requests::booking_mode(db, office).await? == "request")
}

/// What the request form offers: the open days that may be requested now (BK-3, TM-3) and
/// the 30-minute start times that fit the office's hours on some day (TM-2). The use case
/// still checks each chosen time against that day's hours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    pub days: Vec<NaiveDate>,
    pub times: Vec<NaiveTime>,
}

pub async fn choices(db: &Db, clock: &dyn Clock, office: &str) -> Result<Choices, AppError> {
    let o = offices::get(db, office).await?;
    let (first, last) = offices::booking_policy(db, o.code.as_str())
        .await?
        .bookable_days(clock.today_jst());
    let closures = office_store::closures(db, &o.code, first, last).await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    let mut days = Vec::new();
    let mut times = std::collections::BTreeSet::new();
    for day in first.iter_days().take_while(|d| *d <= last) {
        if let DayStatus::Open(h) = cal.day(day) {
            days.push(day);
            let mut t = h.opens;
            while t + CONSULTATION <= h.closes && t >= h.opens {
                times.insert(t);
                t += CONSULTATION;
            }
        }
    }
    Ok(Choices {
        days,
        times: times.into_iter().collect(),
    })
}
