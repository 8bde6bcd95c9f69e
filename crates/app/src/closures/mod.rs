//! Closing an office for a day, or part of one (rules TM-3, C13, S11): typhoons and emergency
//! closures. Staff see first what a closure touches; adding it withdraws the slots it covers,
//! cancels every consultation and seminar place on them as ended by the office with the
//! reason, cancels the seminars it covers, and tells each person — all in one transaction.
//! One closure per office and day: a second is refused (`already_closed`), so confirming the
//! same closure twice (two tabs, a reload) tells nobody twice; to change one, lift it first.

pub mod draft;
pub(crate) mod letter;

use chrono::NaiveDate;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::office::Office;
use madoguchi_domain::staff::administers;
use madoguchi_store::closures::{self as store, Listed, NewClosure, Preview, Window};
use madoguchi_store::{Db, accounts::staff as staff_store, mail::inbox, mail::outbox};

pub use draft::{Closing, Draft, check, hours_text};

use crate::shared::{Site, StaffMember};
use crate::{AppError, offices};

/// Who is closing: an office admin of that office, a national admin, or the operator's CLI.
pub enum Closer<'a> {
    Staff(&'a StaffMember),
    Operator,
}

impl Closer<'_> {
    fn may_close(&self, office: &str) -> Result<String, AppError> {
        match self {
            Closer::Operator => Ok("operator".to_owned()),
            Closer::Staff(s) if administers(s.role, s.office.as_deref(), office) => Ok(format!("staff:{}", s.id)),
            Closer::Staff(_) => Err(AppError::Forbidden {
                code: "not_office_admin",
                message: "only the office's admins close it",
            }),
        }
    }

    fn staff(&self) -> Option<&StaffMember> {
        match self {
            Closer::Staff(s) => Some(s),
            Closer::Operator => None,
        }
    }
}

fn already_closed() -> AppError {
    AppError::Refused {
        code: "already_closed",
        message: "the office already has a closure that day; lift it first to change it".into(),
    }
}

/// The office, once the closer may close it.
async fn office_for(db: &Db, by: &Closer<'_>, office: &str) -> Result<(Office, String), AppError> {
    let office = offices::get(db, office).await?;
    let actor = by.may_close(office.code.as_str())?;
    Ok((office, actor))
}

fn window(c: &Closing) -> Window {
    c.hours.map(|h| h.instants(c.day))
}

/// The day is still today or later (the preview may have been shown before midnight), and
/// the reason is one a notice may carry (a `Closing` can be built without `check`).
fn not_past(clock: &dyn Clock, c: &Closing) -> Result<(), AppError> {
    if c.day < clock.today_jst() {
        return Err(AppError::invalid(
            "date_in_past",
            "day",
            "a closure is for today or later",
        ));
    }
    let reason = crate::shared::fields::problem(
        "reason",
        &c.reason,
        madoguchi_domain::characters::FieldKind::SingleLine,
        draft::REASON_MAX,
        true,
    );
    match reason {
        Some(p) => Err(AppError::Fields(vec![p])),
        None => Ok(()),
    }
}

/// What the closure would touch (shown before confirming). Changes nothing; staff reading
/// the names of the people it lists is written to the access audit (PV-4).
pub async fn preview(
    db: &Db,
    clock: &dyn Clock,
    by: &Closer<'_>,
    office: &str,
    c: &Closing,
) -> Result<Preview, AppError> {
    let (office, _) = office_for(db, by, office).await?;
    not_past(clock, c)?;
    if offices::closure_on(db, office.code.as_str(), c.day).await?.is_some() {
        return Err(already_closed());
    }
    let now = clock.now();
    let seen = store::preview(db, office.code.as_str(), c.day, window(c), now).await?;
    if let Some(s) = by.staff().filter(|_| !seen.reservations.is_empty()) {
        let mut tx = db.begin().await?;
        for r in &seen.reservations {
            let detail = format!("{} {}", office.code, c.day);
            staff_store::audit(&mut tx, s.id, "view_closure_preview", Some(r.user_ref), &detail, now).await?;
        }
        tx.commit().await?;
    }
    Ok(seen)
}

/// Closes the office on the day (or the hours) and ends what was booked. Returns how many
/// people were told. Refused with `already_closed` if the office has a closure that day.
pub async fn close(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    by: &Closer<'_>,
    office: &str,
    c: &Closing,
) -> Result<usize, AppError> {
    let (office, actor) = office_for(db, by, office).await?;
    not_past(clock, c)?;
    let now = clock.now();
    let book_again = format!(
        "{}/offices/{}/book",
        site.base_url.trim_end_matches('/'),
        office.code.as_str()
    );
    let mut tx = db.begin().await?;
    let new = NewClosure {
        office: office.code.as_str(),
        day: c.day,
        reason: &c.reason,
        window: window(c),
        staff: by.staff().map(|s| s.id),
    };
    let Some(ended) = store::close(&mut tx, &new, now, &actor).await? else {
        return Err(already_closed());
    };
    for e in &ended {
        let l = letter::closed(&letter::Closed {
            lang: &e.lang,
            name: &e.name,
            office: &office,
            what: &e.what,
            starts_at: e.starts_at,
            hours: c.hours,
            reason: &c.reason,
            book_again: &book_again,
        });
        outbox::enqueue(&mut tx, &l.to(&e.email), now).await?;
        inbox::add(&mut tx, e.user_ref, &l.subject, &letter::inbox_text(&l), now).await?;
    }
    if let Some(s) = by.staff() {
        let hours = hours_text(c.hours).unwrap_or_else(|| "all day".to_owned());
        let detail = format!("{} {} {hours}: {} ({} told)", office.code, c.day, c.reason, ended.len());
        staff_store::audit(&mut tx, s.id, "close_office", None, &detail, now).await?;
    }
    tx.commit().await?;
    Ok(ended.len())
}

/// The office's closures from today on, with who added them (for the console).
pub async fn upcoming(db: &Db, clock: &dyn Clock, by: &Closer<'_>, office: &str) -> Result<Vec<Listed>, AppError> {
    let (office, _) = office_for(db, by, office).await?;
    Ok(store::upcoming(db, office.code.as_str(), clock.today_jst()).await?)
}

/// One closure of the office, to confirm lifting it (`not_found` if there is none that day).
pub async fn one(db: &Db, by: &Closer<'_>, office: &str, day: NaiveDate) -> Result<Listed, AppError> {
    let (office, _) = office_for(db, by, office).await?;
    store::upcoming(db, office.code.as_str(), day)
        .await?
        .into_iter()
        .find(|c| c.day == day)
        .ok_or_else(|| AppError::NotFound {
            what: format!("closure of office {} on {day}", office.code),
        })
}

/// Lifts a closure. What it cancelled stays cancelled; slots can be published again.
pub async fn reopen(db: &Db, clock: &dyn Clock, by: &Closer<'_>, office: &str, day: NaiveDate) -> Result<(), AppError> {
    let (office, _) = office_for(db, by, office).await?;
    let mut tx = db.begin().await?;
    if !madoguchi_store::offices::remove_closure(&mut tx, &office.code, day).await? {
        return Err(AppError::NotFound {
            what: format!("closure of office {} on {day}", office.code),
        });
    }
    if let Some(s) = by.staff() {
        let detail = format!("{} {day}", office.code);
        staff_store::audit(&mut tx, s.id, "reopen_office", None, &detail, clock.now()).await?;
    }
    tx.commit().await?;
    Ok(())
}
