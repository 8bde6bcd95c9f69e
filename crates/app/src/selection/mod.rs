//! 管理選考 (IV-2, issue 18): office staff publish a selection day for one employer with its
//! interview slots (here), refer job seekers to it (`refer`), who book one slot each
//! (`book`); the employer's contact sees the day's list through a mailed single-use link,
//! and staff in the console (`lists`). Mail texts in `letters`.

pub mod book;
pub mod letters;
pub mod lists;
pub mod refer;

use chrono::{NaiveDate, NaiveTime};
use madoguchi_domain::booking;
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::selection;
use madoguchi_domain::staff::Role;
use madoguchi_store::selection::{self as store, DayRow, NewDay};
use madoguchi_store::{Db, accounts::staff as staff_store, offices as office_store};

use crate::shared::fields::problem;
use crate::shared::{FieldProblem, Site, StaffMember};
use crate::{AppError, offices};

/// The apps a selection day may use (the schema's CHECK).
pub const APPS: [&str; 2] = ["builtin", "zoom"];

/// What staff type to publish a day, as typed: a refused form is drawn again from it.
#[derive(Debug, Clone, Default)]
pub struct DayInput {
    pub employer_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub job_number: String,
    pub job_title: String,
    /// `YYYY-MM-DD`, JST.
    pub date: String,
    pub app: String,
    /// `HH:MM`, JST: the first interview.
    pub start: String,
    pub minutes: String,
    pub count: String,
}

/// Office staff (counsellors and admins) of the office, or a national admin.
pub(crate) fn runs(staff: &StaffMember, office: &str) -> Result<(), AppError> {
    if staff.role == Role::NationalAdmin || staff.office.as_deref() == Some(office) {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "forbidden",
            message: "only the office's staff run its selection days",
        })
    }
}

/// A day this staff member may run; another office's is not found.
pub(crate) async fn visible(db: &Db, staff: &StaffMember, day_id: i64) -> Result<DayRow, AppError> {
    store::day(db, day_id)
        .await?
        .filter(|d| runs(staff, &d.office_code).is_ok())
        .ok_or_else(|| AppError::NotFound {
            what: format!("selection day {day_id}"),
        })
}

/// Every field's problem at once, so the form shows them all; then the values.
fn checked(d: &DayInput) -> Result<(NewDayFields, NaiveDate, NaiveTime, i64, i64), AppError> {
    let mut problems: Vec<FieldProblem> = [
        problem("employer_name", &d.employer_name, FieldKind::SingleLine, 100, true),
        problem("contact_name", &d.contact_name, FieldKind::SingleLine, 60, true),
        problem("job_number", &d.job_number, FieldKind::SingleLine, 30, true),
        problem("job_title", &d.job_title, FieldKind::SingleLine, 100, true),
    ]
    .into_iter()
    .flatten()
    .collect();
    let email = madoguchi_domain::email::Email::parse(d.contact_email.trim());
    if email.is_err() {
        problems.push(FieldProblem::new("contact_email", "invalid_email"));
    }
    let date = NaiveDate::parse_from_str(d.date.trim(), "%Y-%m-%d");
    if date.is_err() {
        problems.push(FieldProblem::new("date", "invalid_date"));
    }
    let start = NaiveTime::parse_from_str(d.start.trim(), "%H:%M");
    if start.is_err() {
        problems.push(FieldProblem::new("start", "invalid_time"));
    }
    if !APPS.contains(&d.app.as_str()) {
        problems.push(FieldProblem::new("app", "invalid_choice"));
    }
    let minutes = d
        .minutes
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|m| selection::MINUTES.contains(m));
    if minutes.is_none() {
        problems.push(FieldProblem::new("minutes", "invalid_duration"));
    }
    let count = d
        .count
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=selection::MAX_SLOTS).contains(n));
    if count.is_none() {
        problems.push(FieldProblem::new("count", "invalid_seats"));
    }
    match (email, date, start, minutes, count) {
        (Ok(email), Ok(date), Ok(start), Some(minutes), Some(count)) if problems.is_empty() => Ok((
            NewDayFields {
                employer_name: d.employer_name.trim().to_owned(),
                contact_name: d.contact_name.trim().to_owned(),
                contact_email: email.as_str().to_owned(),
                job_number: d.job_number.trim().to_owned(),
                job_title: d.job_title.trim().to_owned(),
            },
            date,
            start,
            minutes,
            count,
        )),
        _ => Err(AppError::Fields(problems)),
    }
}

struct NewDayFields {
    employer_name: String,
    contact_name: String,
    contact_email: String,
    job_number: String,
    job_title: String,
}

/// IV-2: publishes the day and its slots, and mails the contact the link to the day's list,
/// in one transaction (audited `publish_selection`). The day is an open office day, today
/// or later with every slot still to come, and every slot inside office hours (TM-2, TM-3).
pub async fn publish(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    staff: &StaffMember,
    office: &str,
    input: &DayInput,
) -> Result<i64, AppError> {
    runs(staff, office)?;
    let o = offices::get(db, office).await?;
    let (f, date, start, minutes, count) = checked(input)?;
    let slots = selection::slots(date, start, minutes, count)
        .map_err(|r| AppError::Fields(vec![FieldProblem::new(r.field(), r.code())]))?;
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
        return Err(AppError::Fields(vec![FieldProblem::new("count", "invalid_seats")]));
    };
    if date < clock.today_jst() || first.0 <= clock.now() {
        return Err(AppError::Refused {
            code: "date_in_past",
            message: "a selection day is published before it starts".into(),
        });
    }
    let closures = office_store::closures(db, &o.code, date, date).await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    booking::check_within_hours(&cal, first.0, last.1).map_err(|r| AppError::Refused {
        code: r.code(),
        message: r.to_string(),
    })?;
    let day = NewDay {
        office_code: o.code.to_string(),
        employer_name: f.employer_name,
        contact_name: f.contact_name,
        contact_email: f.contact_email,
        job_number: f.job_number,
        job_title: f.job_title,
        local_date: date,
        app: input.app.clone(),
        created_by: staff.id,
    };
    let now = clock.now();
    let mut tx = db.begin().await?;
    let id = store::publish(&mut tx, &day, &slots, now).await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "publish_selection",
        None,
        &format!("selection day {id}"),
        now,
    )
    .await?;
    lists::send_link_in(
        &mut tx,
        site,
        staff,
        id,
        &day.contact_name,
        &day.contact_email,
        &day.employer_name,
        date,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The office's days from today on, for the staff page.
pub async fn days(db: &Db, clock: &dyn Clock, staff: &StaffMember, office: &str) -> Result<Vec<DayRow>, AppError> {
    runs(staff, office)?;
    Ok(store::days(db, Some(office), clock.today_jst()).await?)
}
