//! IV-2, IV-5: the day's list. The employer's contact gets a single-use link, valid until
//! the day ends (token shown once, stored by hash); the first browser to use it is bound to
//! it, and each time that browser opens the list it sees only what each job seeker agreed to
//! share, and each person shown is recorded (`selection_views`, for "who viewed my data").
//! Staff see the list in the console, each person an audit row (PV-4).

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use madoguchi_domain::clock::{Clock, jst};
use madoguchi_domain::selection::Shares;
use madoguchi_store::selection::book::{self as bookings, BookedRow, SharedRow};
use madoguchi_store::selection::{self as store, DayRow, ReferralRow, SlotRow, links};
use madoguchi_store::{Db, Tx, accounts::staff as staff_store, mail::outbox};

use super::{letters, visible};
use crate::AppError;
use crate::accounts::session::Session;
use crate::shared::{Site, StaffMember, secrets};

/// Where the contact's link points; the token follows.
pub const LINK_PATH: &str = "/selection/list";

/// The end of the day in Japan: when the contact's link stops working.
fn end_of(day: NaiveDate) -> DateTime<Utc> {
    let next = day.succ_opt().unwrap_or(day).and_time(NaiveTime::MIN);
    // A fixed offset has exactly one instant for every local time; the fallback is unreachable.
    jst()
        .from_local_datetime(&next)
        .single()
        .map_or_else(|| Utc.from_utc_datetime(&next), |t| t.with_timezone(&Utc))
}

/// Issues a link and mails it to the contact, in the caller's transaction.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn send_link_in(
    tx: &mut Tx,
    site: &Site,
    staff: &StaffMember,
    day_id: i64,
    contact_name: &str,
    contact_email: &str,
    employer: &str,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let token = secrets::random_token().map_err(|e| AppError::Random(e.to_string()))?;
    links::issue(tx, day_id, &secrets::hash_token(&token), staff.id, now, end_of(date)).await?;
    let url = format!("{}{LINK_PATH}/{token}", site.base_url.trim_end_matches('/'));
    let letter = letters::employer_link(contact_name, employer, date, &url);
    outbox::enqueue(tx, &letter.to(contact_email), now).await?;
    Ok(())
}

/// Staff send the contact a new link (the earlier one stops working), until the day ends.
pub async fn send_link(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    staff: &StaffMember,
    day_id: i64,
) -> Result<(), AppError> {
    let day = visible(db, staff, day_id).await?;
    let now = clock.now();
    if end_of(day.local_date) <= now {
        return Err(AppError::Refused {
            code: "day_over",
            message: "the selection day is over".into(),
        });
    }
    let mut tx = db.begin().await?;
    send_link_in(
        &mut tx,
        site,
        staff,
        day.id,
        &day.contact_name,
        &day.contact_email,
        &day.employer_name,
        day.local_date,
        now,
    )
    .await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "send_selection_link",
        None,
        &format!("selection day {}", day.id),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn link_used() -> AppError {
    AppError::Refused {
        code: "link_used",
        message: "this link was already used or has expired; ask the office for a new one".into(),
    }
}

/// Spends the contact's link for this browser's session (not signed in); the day it opens.
/// Unknown, used and expired links get the same answer (`link_used`).
pub async fn redeem(db: &Db, clock: &dyn Clock, token: &str, session: &Session) -> Result<i64, AppError> {
    if session.user_ref.is_some() || session.staff_ref.is_some() {
        return Err(link_used());
    }
    links::redeem(
        db,
        &secrets::hash_token(token),
        &secrets::hash_token(&session.id),
        clock.now(),
    )
    .await?
    .ok_or_else(link_used)
}

/// The day's list as the employer sees it.
#[derive(Debug, Clone)]
pub struct EmployerList {
    pub day: DayRow,
    pub rows: Vec<SharedRow>,
}

/// IV-5: the list for the browser that spent the day's link, while the link lasts; each
/// person shown is recorded with what was shown, in one transaction with the read.
pub async fn for_employer(
    db: &Db,
    clock: &dyn Clock,
    day_id: i64,
    session: &Session,
) -> Result<EmployerList, AppError> {
    let now = clock.now();
    let link = links::of_session(db, day_id, &secrets::hash_token(&session.id), now)
        .await?
        .ok_or_else(link_used)?;
    let day = store::day(db, day_id).await?.ok_or_else(link_used)?;
    let rows = bookings::shared(db, day_id).await?;
    let mut tx = db.begin().await?;
    for r in &rows {
        let shown = Shares {
            address: r.address.is_some(),
            phone: r.phone.is_some(),
            number: r.job_seeker_number.is_some(),
        }
        .shown();
        links::viewed(&mut tx, link, r.interview_id, r.user_ref, &shown, now).await?;
    }
    tx.commit().await?;
    Ok(EmployerList { day, rows })
}

/// The day as staff see it in the console.
#[derive(Debug, Clone)]
pub struct StaffDay {
    pub day: DayRow,
    pub slots: Vec<SlotRow>,
    pub referrals: Vec<ReferralRow>,
    pub booked: Vec<BookedRow>,
}

/// The day's slots, referrals and bookings; each person listed is an audit row (PV-4).
pub async fn for_staff(db: &Db, clock: &dyn Clock, staff: &StaffMember, day_id: i64) -> Result<StaffDay, AppError> {
    let day = visible(db, staff, day_id).await?;
    let slots = store::slots(db, day_id).await?;
    let referrals = store::referrals(db, day_id).await?;
    let booked = bookings::booked(db, day_id).await?;
    let mut tx = db.begin().await?;
    for r in &referrals {
        staff_store::audit(
            &mut tx,
            staff.id,
            "view_selection",
            Some(r.user_ref),
            &format!("selection day {day_id}"),
            clock.now(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(StaffDay {
        day,
        slots,
        referrals,
        booked,
    })
}

/// IV-5, PV-4: each time an employer's list showed this person, for "who viewed my data".
pub async fn employer_views(db: &Db, user_ref: i64) -> Result<Vec<links::ViewRow>, AppError> {
    Ok(links::views_of(db, user_ref).await?)
}
