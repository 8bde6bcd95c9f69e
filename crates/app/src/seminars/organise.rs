//! Office admins and seminars (rules SE-1, SE-4, SE-5): create and edit them, see the
//! participants (audited), mark attendance, remove a participant with a reason, and
//! enter the meeting details.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use madoguchi_domain::booking;
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_store::seminars::{self as store, NewSeminar, RegistrationRow, SeminarRow};
use madoguchi_store::{Db, accounts::staff as staff_store, offices as office_store};

use crate::consultations::booking::APPS;
use crate::consultations::templates::admin_office;
use crate::mail::letters;
use crate::seminars::letters as seminar_letters;
use crate::shared::StaffMember;
use crate::{AppError, offices};

use crate::seminars::attend::{notice, promotion};
/// What an office admin describes (SE-1).
#[derive(Debug, Clone)]
pub struct SeminarInput {
    /// `seminar` or `company_tour`.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: i64,
    pub app: String,
    pub recorded_with_consent: bool,
    pub capacity: i32,
    pub waitlist_limit: i32,
}

fn text(field: &str, value: &str, kind: FieldKind, max: usize) -> Result<String, AppError> {
    // A title or a reason is required; a description may be empty.
    crate::shared::fields::text(field, value, kind, max, kind == FieldKind::SingleLine)
}

/// SE-1: a new seminar on an open day inside office hours, from tomorrow on; registration
/// closes at the end of the previous day.
pub async fn create(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    office: &str,
    s: &SeminarInput,
) -> Result<i64, AppError> {
    admin_office(staff, office)?;
    create_for(db, clock, office, s, &format!("staff:{}", staff.id)).await
}

/// SE-1 for an office, by `actor` (the admin, or the demo seed): every check but the role.
pub async fn create_for(
    db: &Db,
    clock: &dyn Clock,
    office: &str,
    s: &SeminarInput,
    actor: &str,
) -> Result<i64, AppError> {
    let o = offices::get(db, office).await?;
    if s.kind != "seminar" && s.kind != "company_tour" {
        return Err(AppError::invalid("invalid_choice", "kind", "seminar or company_tour"));
    }
    if !APPS.contains(&s.app.as_str()) {
        return Err(AppError::invalid("invalid_choice", "app", "choose a meeting app"));
    }
    crate::offices::apps::check_offered(db, office, "seminar", &s.app).await?;
    if !(15..=480).contains(&s.minutes) {
        return Err(AppError::invalid("invalid_duration", "minutes", "15 to 480 minutes"));
    }
    if !(1..=500).contains(&s.capacity) || !(0..=1000).contains(&s.waitlist_limit) {
        return Err(AppError::invalid(
            "invalid_seats",
            "capacity",
            "1 to 500 seats, 0 to 1000 waiting",
        ));
    }
    let title = text("title", &s.title, FieldKind::SingleLine, 100)?;
    let description = text("description", &s.description, FieldKind::MultiLine, 2000)?;
    let ends_at = s.starts_at + Duration::minutes(s.minutes);
    let day = booking::local_date(s.starts_at);
    let closures = office_store::closures(db, &o.code, day, day).await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    booking::check_within_hours(&cal, s.starts_at, ends_at).map_err(|r| AppError::Refused {
        code: r.code(),
        message: r.to_string(),
    })?;
    if day <= clock.today_jst() {
        return Err(AppError::Refused {
            code: "cutoff_passed",
            message: "a seminar is created at least a day ahead".into(),
        });
    }
    let cutoff_at = jst()
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(s.starts_at);
    let new = NewSeminar {
        office_code: o.code.to_string(),
        kind: s.kind.clone(),
        title,
        description,
        starts_at: s.starts_at,
        ends_at,
        local_date: day,
        app: s.app.clone(),
        recorded_with_consent: s.recorded_with_consent,
        cutoff_at,
        capacity: s.capacity,
        waitlist_limit: s.waitlist_limit,
        created_by: actor.to_owned(),
    };
    Ok(store::catalogue::create(db, &new, clock.now()).await?)
}

/// A seminar of the staff member's own office (any, for a national admin).
async fn at_office(db: &Db, staff: &StaffMember, seminar_id: i64) -> Result<SeminarRow, AppError> {
    crate::seminars::changes::visible(db, staff, seminar_id).await
}

/// SE-6: a cancelled seminar is not changed any more.
fn not_cancelled(s: &SeminarRow) -> Result<(), AppError> {
    match s.cancelled_at {
        Some(_) => Err(AppError::Refused {
            code: "seminar_cancelled",
            message: "the seminar is cancelled".into(),
        }),
        None => Ok(()),
    }
}

/// SE-5: the participant list with verification identities; each person shown is audited (PV-4).
pub async fn participants(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    seminar_id: i64,
) -> Result<Vec<RegistrationRow>, AppError> {
    at_office(db, staff, seminar_id).await?;
    let rows = store::places::participants(db, seminar_id).await?;
    let mut tx = db.begin().await?;
    for r in &rows {
        let what = format!("seminar {seminar_id}");
        staff_store::audit(
            &mut tx,
            staff.id,
            "view_participants",
            Some(r.user_ref),
            &what,
            clock.now(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// SE-5: staff remove a participant (or a waiting user) who broke the rules, with a reason;
/// the seat goes to the first waiting.
pub async fn remove(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    registration_id: i64,
    reason: &str,
) -> Result<(), AppError> {
    let r = store::places::registration(db, registration_id)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: format!("seminar registration {registration_id}"),
        })?;
    let seminar = at_office(db, staff, r.seminar_id).await?;
    let reason = text("reason", reason, FieldKind::SingleLine, 200)?;
    let promote = promotion(seminar.title.clone(), seminar.starts_at);
    let told = madoguchi_store::accounts::users::by_id(db, r.user_ref).await?.map(|u| {
        let when = letters::start_time(&u.lang, seminar.starts_at);
        notice(
            &seminar_letters::removed(&u.lang, &u.name, &seminar.title, &when, &reason),
            &u.email,
        )
    });
    let actor = format!("staff:{}", staff.id);
    let done = store::places::end(
        db,
        registration_id,
        None,
        "removed_by_office",
        clock.now(),
        &actor,
        &reason,
        &promote,
        told.as_ref(),
    )
    .await?;
    if done.is_none() {
        return Err(AppError::Refused {
            code: "invalid_state",
            message: "this registration is no longer live".into(),
        });
    }
    let mut tx = db.begin().await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "remove_participant",
        Some(r.user_ref),
        &registration_id.to_string(),
        clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// SE-5: staff record that a participant joined or attended the seminar.
pub async fn mark(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    registration_id: i64,
    what: &str,
) -> Result<(), AppError> {
    if what != "joined" && what != "attended" {
        return Err(AppError::NotFound { what: what.to_owned() });
    }
    let r = store::places::registration(db, registration_id)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: format!("seminar registration {registration_id}"),
        })?;
    at_office(db, staff, r.seminar_id).await?;
    let actor = format!("staff:{}", staff.id);
    if !store::places::mark(db, registration_id, what, clock.now(), &actor).await? {
        return Err(AppError::Refused {
            code: "invalid_state",
            message: format!("not possible in state {}", r.state),
        });
    }
    Ok(())
}

/// SE-1: an office admin changes a seminar's text, app, recording flag, seats or waiting-list
/// places. Seats never drop below those taken; added seats go to the first waiting.
pub async fn edit(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    e: &store::Edit,
) -> Result<usize, AppError> {
    let seminar = at_office(db, staff, id).await?;
    admin_office(staff, &seminar.office_code)?;
    not_cancelled(&seminar)?;
    if !APPS.contains(&e.app.as_str()) {
        return Err(AppError::invalid("invalid_choice", "app", "choose a meeting app"));
    }
    // MT-1: a seminar keeps its app even if the office stopped using it; a change must be
    // to an app the office uses.
    if e.app != seminar.app {
        crate::offices::apps::check_offered(db, &seminar.office_code, "seminar", &e.app).await?;
    }
    if !(1..=500).contains(&e.capacity) || !(0..=1000).contains(&e.waitlist_limit) {
        return Err(AppError::invalid(
            "invalid_seats",
            "capacity",
            "1 to 500 seats, 0 to 1000 waiting",
        ));
    }
    let checked = store::Edit {
        title: text("title", &e.title, FieldKind::SingleLine, 100)?,
        description: text("description", &e.description, FieldKind::MultiLine, 2000)?,
        ..e.clone()
    };
    let promote = promotion(checked.title.clone(), seminar.starts_at);
    match store::catalogue::edit(db, id, &checked, clock.now(), &promote).await? {
        Some(promoted) => Ok(promoted.len()),
        None => Err(AppError::Refused {
            code: "below_taken",
            message: "seats and places cannot drop below those already taken".into(),
        }),
    }
}

/// BK-9 for seminars: staff of the office enter how to join; the first time, each registered
/// participant is told that the details are ready (never the details themselves).
pub async fn set_meeting(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    id: i64,
    m: &madoguchi_store::consultations::schedule::MeetingDetails,
) -> Result<(), AppError> {
    let seminar = at_office(db, staff, id).await?;
    not_cancelled(&seminar)?;
    // N10 as for every text typed (AC-4); the form keeps what was typed (issue 12).
    let m = &madoguchi_store::consultations::schedule::MeetingDetails {
        meeting_id: crate::shared::fields::text("meeting_id", &m.meeting_id, FieldKind::SingleLine, 100, false)?,
        passkey: crate::shared::fields::text("passkey", &m.passkey, FieldKind::SingleLine, 100, false)?,
        ..m.clone()
    };
    if !m.join_url.is_empty() && !m.join_url.starts_with("https://") {
        return Err(AppError::invalid(
            "invalid_url",
            "join_url",
            "a join URL starts with https://",
        ));
    }
    let mut told = Vec::new();
    for r in store::places::participants(db, id)
        .await?
        .into_iter()
        .filter(|r| r.state == "registered")
    {
        if let Some(u) = madoguchi_store::accounts::users::by_id(db, r.user_ref).await? {
            let when = letters::start_time(&u.lang, seminar.starts_at);
            told.push((
                r.user_ref,
                notice(&letters::details_ready(&u.lang, &u.name, &when), &u.email),
            ));
        }
    }
    let now = clock.now();
    let mut tx = db.begin().await?;
    let first = store::catalogue::set_meeting(&mut tx, id, m, now).await?;
    staff_store::audit(&mut tx, staff.id, "set_seminar_meeting", None, &id.to_string(), now).await?;
    if first {
        for (user, n) in &told {
            madoguchi_store::mail::outbox::enqueue(&mut tx, &n.mail, now).await?;
            madoguchi_store::mail::inbox::add(&mut tx, *user, &n.inbox_subject, &n.inbox_body, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// BK-9: how to join as staff entered it, for the office's staff (their form shows it).
pub async fn meeting(
    db: &Db,
    staff: &StaffMember,
    id: i64,
) -> Result<Option<madoguchi_store::consultations::schedule::MeetingDetails>, AppError> {
    at_office(db, staff, id).await?;
    Ok(store::catalogue::meeting(db, id).await?)
}
