//! Closing an office for a day, or part of one (rules TM-3, C13, S11): typhoons and emergency
//! closures. Staff see first what a closure touches; adding it withdraws the day's slots,
//! cancels every consultation and seminar place that day as ended by the office with the
//! reason, cancels the day's seminars, and tells each person — all in one transaction.

mod letter;

use chrono::NaiveDate;
use madoguchi_domain::calendar::OfficeClosure;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::administers;
use madoguchi_store::closures::{self as store, Preview};
use madoguchi_store::{Db, mail::inbox, mail::outbox};

use crate::shared::{Site, StaffMember, fields};
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
}

/// What closing `office` on `day` would touch (shown before confirming).
pub async fn preview(db: &Db, by: &Closer<'_>, office: &str, day: NaiveDate) -> Result<Preview, AppError> {
    let office = offices::get(db, office).await?;
    by.may_close(office.code.as_str())?;
    Ok(store::preview(db, office.code.as_str(), day).await?)
}

/// Closes the office on `day` and ends what was booked. Returns how many people were told.
pub async fn close(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    by: &Closer<'_>,
    office: &str,
    day: NaiveDate,
    reason: &str,
) -> Result<usize, AppError> {
    let office = offices::get(db, office).await?;
    let actor = by.may_close(office.code.as_str())?;
    let reason = fields::text("reason", reason, FieldKind::SingleLine, 200, true)?;
    let closure = OfficeClosure { date: day, reason };
    let now = clock.now();
    let mut tx = db.begin().await?;
    let ended = store::close(&mut tx, office.code.as_str(), day, &closure.reason, now, &actor).await?;
    for e in &ended {
        let l = letter::closed(&letter::Closed {
            lang: &e.lang,
            name: &e.name,
            office: &office,
            what: &e.what,
            starts_at: e.starts_at,
            reason: &closure.reason,
            book_again: &format!(
                "{}/offices/{}/book",
                site.base_url.trim_end_matches('/'),
                office.code.as_str()
            ),
        });
        outbox::enqueue(&mut tx, &l.to(&e.email), now).await?;
        inbox::add(&mut tx, e.user_ref, &l.subject, &l.inbox_body(), now).await?;
    }
    tx.commit().await?;
    Ok(ended.len())
}

/// Lifts a closure. What it cancelled stays cancelled; slots can be published again.
pub async fn reopen(db: &Db, by: &Closer<'_>, office: &str, day: NaiveDate) -> Result<(), AppError> {
    let code = offices::get(db, office).await?.code;
    by.may_close(code.as_str())?;
    offices::remove_closure(db, code.as_str(), day).await
}
