//! Weekly slot templates and publishing (rule BK-2): office admins describe the week once;
//! publishing makes the 30-minute slots up to the booking horizon, never on a closed day or
//! outside office hours (BK-1), and never twice.

use chrono::{Datelike, NaiveTime, TimeZone, Utc};
use madoguchi_domain::booking::{self, CONSULTATION};
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_store::consultations::templates::{self as store, Template};
use madoguchi_store::{Db, offices as office_store};

use crate::consultations::booking::APPS;
use crate::shared::StaffMember;
use crate::{AppError, offices};

/// Only office admins of that office (or national admins) manage its schedule (SPEC §1).
pub(crate) fn admin_office(staff: &StaffMember, office: &str) -> Result<(), AppError> {
    if madoguchi_domain::staff::administers(staff.role, staff.office.as_deref(), office) {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "forbidden",
            message: "only the office's admins manage its slots",
        })
    }
}

/// The same check for callers outside this crate (the web's policy form).
pub fn admin_only(staff: &StaffMember, office: &str) -> Result<(), AppError> {
    admin_office(staff, office)
}

pub async fn list(db: &Db, staff: &StaffMember, office: &str) -> Result<Vec<Template>, AppError> {
    admin_office(staff, office)?;
    Ok(store::list(db, office).await?)
}

/// One weekly template as an admin describes it.
#[derive(Debug, Clone)]
pub struct NewTemplate {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: i32,
    pub starts: NaiveTime,
    pub app: String,
    pub capacity: i32,
}

/// Adds a weekly template after checking it fits that weekday's office hours.
pub async fn add(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    office: &str,
    t: &NewTemplate,
) -> Result<i64, AppError> {
    let (weekday, starts, app, capacity) = (t.weekday, t.starts, t.app.as_str(), t.capacity);
    admin_office(staff, office)?;
    let o = offices::get(db, office).await?;
    if !APPS.contains(&app) {
        return Err(AppError::invalid("invalid_choice", "app", "choose a meeting app"));
    }
    offices::apps::check_offered(db, office, "consultation", app).await?;
    if !(1..=20).contains(&capacity) {
        return Err(AppError::invalid("invalid_capacity", "capacity", "capacity is 1 to 20"));
    }
    let day = usize::try_from(weekday)
        .ok()
        .and_then(|i| o.hours.0.get(i).copied())
        .flatten();
    let fits = day.is_some_and(|h| starts >= h.opens && starts + CONSULTATION <= h.closes);
    if !fits {
        return Err(AppError::Refused {
            code: "outside_hours",
            message: "the office is not open then".into(),
        });
    }
    Ok(store::add(db, office, weekday, starts, app, capacity, clock.now()).await?)
}

pub async fn remove(db: &Db, staff: &StaffMember, office: &str, id: i64) -> Result<(), AppError> {
    admin_office(staff, office)?;
    if store::remove(db, office, id).await? {
        Ok(())
    } else {
        Err(AppError::NotFound {
            what: format!("template {id}"),
        })
    }
}

/// Publishes every template from tomorrow to the horizon. Returns how many slots were made;
/// publishing again makes none.
pub async fn publish(db: &Db, clock: &dyn Clock, staff: &StaffMember, office: &str) -> Result<usize, AppError> {
    admin_office(staff, office)?;
    let o = offices::get(db, office).await?;
    let templates = store::list(db, office).await?;
    let today = clock.today_jst();
    let (_, last) = offices::booking_policy(db, office).await?.bookable_days(today);
    let closures = office_store::closures(db, &o.code, today, last).await?;
    let cal = OfficeCalendar {
        hours: &o.hours,
        closures: &closures,
    };
    let mut made = 0;
    let mut tx = db.begin().await?;
    for day in today.iter_days().skip(1).take_while(|d| *d <= last) {
        let weekday = i32::try_from(day.weekday().num_days_from_monday()).unwrap_or(0);
        for t in templates.iter().filter(|t| t.weekday == weekday) {
            let Some(local) = jst().from_local_datetime(&day.and_time(t.starts)).single() else {
                continue;
            };
            let starts = local.with_timezone(&Utc);
            let ends = starts + CONSULTATION;
            if booking::check_slot(&cal, starts, ends).is_err() {
                continue;
            }
            if store::publish_one(&mut tx, t, starts, ends, day).await? {
                made += 1;
            }
        }
    }
    tx.commit().await?;
    Ok(made)
}
