//! Publishing consultation slots and booking them (rules BK-1…BK-5, BK-10). The rules that
//! need no count are the domain's; capacity and one-per-day are the database's.

use chrono::{DateTime, Utc};
use madoguchi_domain::booking::{self, BookingRefusal, CONSULTATION};
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::reservations::{self as store, Booked, Details, NewSlot, ReservationRow};
use madoguchi_store::{Db, consultations::booking_context, offices as office_store};

use crate::consultations::tell::{self, Calendar, Event, Recipient};
use crate::eligibility::restriction;
use crate::shared::{Site, fields};
use crate::{AppError, eligibility, offices};

/// The meeting apps an office may offer (BK-1, MT-1).
pub use crate::offices::apps::APPS;

fn refused(r: BookingRefusal) -> AppError {
    AppError::Refused {
        code: r.code(),
        message: r.to_string(),
    }
}

/// BK-6: what the job seeker writes with a booking, every field's problem at once (AC-4).
pub fn check_details(d: &Details) -> Result<(), AppError> {
    let problems: Vec<_> = [
        ("topic", &d.topic, 400),
        ("verify_name", &d.verify_name, 60),
        ("verify_number", &d.verify_number, 20),
        ("companion", &d.companion, 200),
    ]
    .into_iter()
    .filter_map(|(field, value, max)| fields::problem(field, value, FieldKind::MultiLine, max, false))
    .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::Fields(problems))
    }
}

/// Publishes one 30-minute slot (BK-1, BK-2): only on an open day inside office hours.
pub async fn publish_slot(
    db: &Db,
    office: &str,
    starts_at: DateTime<Utc>,
    app: &str,
    capacity: i32,
) -> Result<i64, AppError> {
    let office = offices::get(db, office).await?;
    if !APPS.contains(&app) {
        return Err(AppError::invalid(
            "invalid_choice",
            "app",
            "choose zoom, teleoffice, e_tumo or builtin",
        ));
    }
    if capacity < 1 {
        return Err(AppError::invalid(
            "invalid_capacity",
            "capacity",
            "a slot seats at least one",
        ));
    }
    let ends_at = starts_at + CONSULTATION;
    let day = booking::local_date(starts_at);
    let closures = office_store::closures(db, &office.code, day, day).await?;
    let cal = OfficeCalendar {
        hours: &office.hours,
        closures: &closures,
    };
    booking::check_slot(&cal, starts_at, ends_at).map_err(refused)?;
    let slot = NewSlot {
        office_code: office.code.to_string(),
        starts_at,
        ends_at,
        local_date: day,
        app: app.to_owned(),
        capacity,
    };
    let mut tx = db.begin().await?;
    let id = store::add_slot(&mut tx, &slot).await?;
    tx.commit().await?;
    Ok(id)
}

/// BK-8: during a consultation the counsellor books the user's next one, confirmed at once.
/// The same rules hold (cut-off, one per day, capacity); the slot must be at the staff
/// member's own office; the actor recorded is the staff member; audited.
pub async fn book_next_for(
    db: &Db,
    clock: &dyn Clock,
    staff: &crate::shared::StaffMember,
    current_reservation: i64,
    slot_id: i64,
) -> Result<i64, AppError> {
    let office = staff.office.clone().unwrap_or_default();
    let current = store::reservation(db, current_reservation)
        .await?
        .filter(|r| r.office_code == office)
        .ok_or_else(|| AppError::NotFound {
            what: format!("reservation {current_reservation} at your office"),
        })?;
    let slot = store::slot(db, slot_id)
        .await?
        .filter(|s| s.office_code == office)
        .ok_or_else(|| AppError::NotFound {
            what: format!("slot {slot_id} at your office"),
        })?;
    let policy = offices::booking_policy(db, &office).await?;
    booking::check_booking_time(slot.starts_at, clock.now(), policy).map_err(refused)?;
    let uid = tell::new_uid()?;
    let cal = Calendar {
        uid: &uid,
        sequence: 0,
        reservation: None,
        site: None,
        now: clock.now(),
    };
    let notice = tell::notice(db, current.user_ref, &slot, Event::Booked, &cal).await?;
    let actor = format!("staff:{}", staff.id);
    let booked = store::book_as(
        db,
        slot_id,
        current.user_ref,
        &Details::default(),
        clock.now(),
        &actor,
        &uid,
        notice.as_ref(),
    )
    .await?;
    let id = match booked {
        Booked::Confirmed(id) => id,
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
    let mut tx = db.begin().await?;
    madoguchi_store::accounts::staff::audit(
        &mut tx,
        staff.id,
        "book_next",
        Some(current.user_ref),
        &id.to_string(),
        clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A job seeker books a free slot directly (BK-3, BK-4, BK-5, AC-11, AC-12). Everything the
/// checks and the confirmation need comes from one read; the seat, the reservation and the
/// confirmation are then written in one transaction. Counted by outcome for `/metrics`.
pub async fn book(db: &Db, clock: &dyn Clock, user_ref: i64, slot_id: i64, details: &Details) -> Result<i64, AppError> {
    Ok(book_at(db, clock, None, user_ref, slot_id, details).await?.id)
}

/// As `book`, with the links of the site in the confirmation (My Page, the connection test).
pub async fn book_on(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    user_ref: i64,
    slot_id: i64,
    details: &Details,
) -> Result<i64, AppError> {
    Ok(book_at(db, clock, Some(site), user_ref, slot_id, details).await?.id)
}

/// As `book_on`, answering the reservation as booked (from what the booking read and wrote,
/// so the answer needs no read after the write).
pub async fn book_row_on(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    user_ref: i64,
    slot_id: i64,
    details: &Details,
) -> Result<ReservationRow, AppError> {
    book_at(db, clock, Some(site), user_ref, slot_id, details).await
}

async fn book_at(
    db: &Db,
    clock: &dyn Clock,
    site: Option<&Site>,
    user_ref: i64,
    slot_id: i64,
    details: &Details,
) -> Result<ReservationRow, AppError> {
    // Issue 13, item 6: the job-seeker number given for identification is a number field.
    let details = &Details {
        verify_number: madoguchi_domain::numbers::half_width(&details.verify_number),
        ..details.clone()
    };
    let booked = book_checked(db, clock, site, user_ref, slot_id, details).await;
    crate::shared::outcomes::count(
        "madoguchi_consultation_bookings_total",
        booked.as_ref().map(|_| "booked"),
    );
    booked
}

async fn book_checked(
    db: &Db,
    clock: &dyn Clock,
    site: Option<&Site>,
    user_ref: i64,
    slot_id: i64,
    details: &Details,
) -> Result<ReservationRow, AppError> {
    check_details(details)?;
    let now = clock.now();
    let ctx = booking_context::get(db, user_ref, slot_id, "consultation", now - restriction::WINDOW, now)
        .await?
        .ok_or(AppError::Unauthorized {
            code: "not_signed_in",
            message: "please sign in",
        })?;
    // BK-12: the count already covers the window (now − 90 days, now].
    let restricted = usize::try_from(ctx.recent_no_shows).unwrap_or(usize::MAX) >= restriction::LIMIT;
    eligibility::gate(&eligibility::blockers(&ctx.eligibility, restricted, clock.today_jst()))?;
    crate::notices::terms::gate_counted(usize::try_from(ctx.terms_pending).unwrap_or(usize::MAX))?;
    if ctx.day_closed {
        return Err(closed_day());
    }
    if ctx.hours_closed {
        return Err(refused(BookingRefusal::ClosedHours));
    }
    let slot = ctx.slot.as_ref().ok_or_else(|| AppError::NotFound {
        what: format!("slot {slot_id}"),
    })?;
    // BK-7: an office that takes requests books nothing directly.
    if ctx.booking_mode == "request" {
        return Err(AppError::Refused {
            code: "request_only",
            message: "this office takes requests: send up to three preferred times instead".into(),
        });
    }
    let policy = offices::policy_from(ctx.cutoff_days, ctx.horizon_days);
    booking::check_booking_time(slot.starts_at, now, policy).map_err(refused)?;
    let to = Recipient {
        name: &ctx.name,
        email: &ctx.email,
        lang: &ctx.lang,
        office: if crate::shared::locales::Lang::of(&ctx.lang).prefers_english() {
            &ctx.office_name_en
        } else {
            &ctx.office_name_ja
        },
    };
    let uid = tell::new_uid()?;
    let cal = Calendar {
        uid: &uid,
        sequence: 0,
        reservation: None,
        site,
        now,
    };
    let notice = tell::compose(&to, slot, Event::Booked, &cal);
    match store::book_as(
        db,
        slot_id,
        user_ref,
        details,
        now,
        &format!("user:{user_ref}"),
        &uid,
        Some(&notice),
    )
    .await?
    {
        Booked::Confirmed(id) => Ok(ReservationRow {
            id,
            slot_id,
            user_ref,
            office_code: slot.office_code.clone(),
            local_date: slot.local_date,
            state: "confirmed".to_owned(),
            starts_at: slot.starts_at,
            ends_at: slot.ends_at,
            app: slot.app.clone(),
            topic: details.topic.clone(),
            calendar_uid: uid,
            calendar_sequence: 0,
        }),
        // A closure that committed while this booking waited withdrew the slot (TM-3).
        Booked::SlotFull => Err(no_seat(db, slot).await?),
        Booked::DailyLimit => Err(AppError::Refused {
            code: "daily_limit",
            message: "you already have a consultation that day".into(),
        }),
    }
}

/// Why a seat could not be taken on `slot`: a closure that committed meanwhile withdrew it or
/// closed its hours (TM-3), else it is full. Booking and moving a booking both ask this.
pub(crate) async fn no_seat(db: &Db, slot: &store::SlotRow) -> Result<AppError, AppError> {
    Ok(
        match offices::closure_on(db, &slot.office_code, slot.local_date).await? {
            Some(c) if c.hours.is_none() => closed_day(),
            Some(c) if c.hours.is_some_and(|h| overlaps(h, slot)) => refused(BookingRefusal::ClosedHours),
            _ => AppError::Refused {
                code: "slot_full",
                message: "this slot has no free seat".into(),
            },
        },
    )
}

/// TM-3: whether the slot has a minute in the hours the office closed that day.
fn overlaps(h: madoguchi_domain::calendar::ClosedHours, slot: &store::SlotRow) -> bool {
    let jst = madoguchi_domain::clock::jst();
    h.overlaps(
        slot.starts_at.with_timezone(&jst).time(),
        slot.ends_at.with_timezone(&jst).time(),
    )
}

/// TM-3: the office is closed on the slot's day.
fn closed_day() -> AppError {
    AppError::Refused {
        code: "closed_day",
        message: "the office is closed that day".into(),
    }
}

/// The user cancels until the start time (BK-10); the seat is freed, the row kept. The
/// notice (with the calendar entry withdrawn, NO-4) is written from the reservation as it
/// was read; a move in between (BK-17) makes the cancellation read it again.
pub async fn cancel_own(db: &Db, clock: &dyn Clock, user_ref: i64, id: i64) -> Result<(), AppError> {
    cancel_own_at(db, clock, None, user_ref, id).await
}

/// As `cancel_own`, with the site's link in the calendar entry.
pub async fn cancel_own_on(db: &Db, clock: &dyn Clock, site: &Site, user_ref: i64, id: i64) -> Result<(), AppError> {
    cancel_own_at(db, clock, Some(site), user_ref, id).await
}

async fn cancel_own_at(
    db: &Db,
    clock: &dyn Clock,
    site: Option<&Site>,
    user_ref: i64,
    id: i64,
) -> Result<(), AppError> {
    for _ in 0..3 {
        let r = own(db, user_ref, id).await?;
        let state = booking::State::parse(&r.state).unwrap_or(booking::State::CancelledByUser);
        if !booking::user_may_cancel(state, r.starts_at, clock.now()) {
            return Err(not_cancellable(state));
        }
        let notice = tell::cancellation(db, &r, site, clock.now()).await?;
        let done = store::cancel_as_seen(
            db,
            id,
            r.calendar_sequence,
            "cancelled_by_user",
            clock.now(),
            &format!("user:{user_ref}"),
            "",
            notice.as_ref().map(|n| (user_ref, n)),
        )
        .await?;
        if done {
            return Ok(());
        }
    }
    let r = own(db, user_ref, id).await?;
    let state = booking::State::parse(&r.state).unwrap_or(booking::State::CancelledByUser);
    Err(not_cancellable(state))
}

/// Why a reservation cannot be cancelled (or moved) by its person any more.
pub(crate) fn not_cancellable(state: booking::State) -> AppError {
    let code = if state.may_become(booking::State::CancelledByUser) {
        "cutoff_passed"
    } else {
        "already_cancelled"
    };
    AppError::Refused {
        code,
        message: "this reservation can no longer be changed here".into(),
    }
}

/// The reservation if it is this user's; someone else's is "not found", never "forbidden".
pub async fn own(db: &Db, user_ref: i64, id: i64) -> Result<ReservationRow, AppError> {
    store::reservation(db, id)
        .await?
        .filter(|r| r.user_ref == user_ref)
        .ok_or_else(|| AppError::NotFound {
            what: format!("reservation {id}"),
        })
}
