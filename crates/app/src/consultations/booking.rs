//! Publishing consultation slots and booking them (rules BK-1…BK-5, BK-10). The rules that
//! need no count are the domain's; capacity and one-per-day are the database's.

use chrono::{DateTime, Utc};
use madoguchi_domain::booking::{self, BookingRefusal, CONSULTATION};
use madoguchi_domain::calendar::OfficeCalendar;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::reservations::{self as store, Booked, Details, NewSlot, ReservationRow};
use madoguchi_store::{Db, consultations::booking_context, offices as office_store};

use crate::eligibility::restriction;
use crate::shared::fields;
use crate::{AppError, eligibility, mail::letters, offices};

/// The meeting apps an office may offer (BK-1, MT-1).
pub const APPS: [&str; 4] = ["zoom", "teleoffice", "e_tumo", "builtin"];

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
    let notice = notice(db, current.user_ref, &slot, Event::Booked).await?;
    let actor = format!("staff:{}", staff.id);
    let booked = store::book(
        db,
        slot_id,
        current.user_ref,
        &Details::default(),
        clock.now(),
        &actor,
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
    // Issue 13, item 6: the job-seeker number given for identification is a number field.
    let details = &Details {
        verify_number: madoguchi_domain::numbers::half_width(&details.verify_number),
        ..details.clone()
    };
    let booked = book_checked(db, clock, user_ref, slot_id, details).await;
    crate::shared::outcomes::count(
        "madoguchi_consultation_bookings_total",
        booked.as_ref().map(|_| "booked"),
    );
    booked
}

async fn book_checked(
    db: &Db,
    clock: &dyn Clock,
    user_ref: i64,
    slot_id: i64,
    details: &Details,
) -> Result<i64, AppError> {
    check_details(details)?;
    let now = clock.now();
    let ctx = booking_context::get(db, user_ref, slot_id, now - restriction::WINDOW, now)
        .await?
        .ok_or(AppError::Unauthorized {
            code: "not_signed_in",
            message: "please sign in",
        })?;
    // BK-12: the count already covers the window (now − 90 days, now].
    let restricted = usize::try_from(ctx.recent_no_shows).unwrap_or(usize::MAX) >= restriction::LIMIT;
    eligibility::gate(&eligibility::blockers(&ctx.eligibility, restricted, clock.today_jst()))?;
    crate::notices::terms::gate(db, clock, user_ref, "consultation").await?;
    if ctx.day_closed {
        return Err(closed_day());
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
        office: if ctx.lang == "en" {
            &ctx.office_name_en
        } else {
            &ctx.office_name_ja
        },
    };
    let notice = compose(&to, user_ref, slot, Event::Booked);
    match store::book(
        db,
        slot_id,
        user_ref,
        details,
        now,
        &format!("user:{user_ref}"),
        Some(&notice),
    )
    .await?
    {
        Booked::Confirmed(id) => Ok(id),
        // A closure that committed while this booking waited withdrew the slot (TM-3).
        Booked::SlotFull if offices::is_closed(db, &slot.office_code, slot.local_date).await? => Err(closed_day()),
        Booked::SlotFull => Err(AppError::Refused {
            code: "slot_full",
            message: "this slot has no free seat".into(),
        }),
        Booked::DailyLimit => Err(AppError::Refused {
            code: "daily_limit",
            message: "you already have a consultation that day".into(),
        }),
    }
}

/// TM-3: the office is closed on the slot's day.
fn closed_day() -> AppError {
    AppError::Refused {
        code: "closed_day",
        message: "the office is closed that day".into(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    Booked,
    Cancelled,
    /// BK-7: staff scheduled the person's request (date with weekday, app, My Page).
    Scheduled,
}

/// Who a notice goes to, and the office's name in their language.
pub(crate) struct Recipient<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub lang: &'a str,
    pub office: &'a str,
}

/// The mail and inbox entry for a booking or cancellation (NO-1, NO-2), with the `.ics`
/// for a booking (NO-4). `None` if the account has gone.
pub(crate) async fn notice(
    db: &Db,
    user_ref: i64,
    slot: &store::SlotRow,
    event: Event,
) -> Result<Option<store::Notice>, AppError> {
    let Some(user) = madoguchi_store::accounts::users::by_id(db, user_ref).await? else {
        return Ok(None);
    };
    let office = offices::get(db, &slot.office_code).await?;
    let to = Recipient {
        name: &user.name,
        email: &user.email,
        lang: &user.lang,
        office: if user.lang == "en" {
            &office.name_en
        } else {
            &office.name_ja
        },
    };
    Ok(Some(compose(&to, user_ref, slot, event)))
}

/// Writes the notice; no reads, so the booking path can compose it from what it has.
pub(crate) fn compose(to: &Recipient<'_>, user_ref: i64, slot: &store::SlotRow, event: Event) -> store::Notice {
    let when = letters::start_time(to.lang, slot.starts_at);
    let letter = match event {
        Event::Booked => letters::booked(to.lang, to.name, to.office, &when),
        Event::Cancelled => letters::cancelled(to.lang, to.name, to.office, &when),
        Event::Scheduled => crate::mail::decisions::request_scheduled(
            to.lang,
            to.name,
            to.office,
            &crate::mail::decisions::when_with_weekday(to.lang, slot.starts_at),
            &crate::mail::decisions::app_name(to.lang, &slot.app),
        ),
    };
    let mut mail = letter.to(to.email);
    if event != Event::Cancelled {
        let (summary, note) = if to.lang == "en" {
            ("Online job consultation", "How to join: see My Page.")
        } else {
            ("オンライン職業相談", "接続情報はマイページでご確認ください。")
        };
        let uid = format!("slot-{}-user-{user_ref}@madoguchi", slot.id);
        mail.attachment = Some(madoguchi_store::mail::outbox::Attachment {
            name: "consultation.ics".into(),
            content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
            body: crate::mail::ics::consultation(
                &uid,
                &format!("{summary}（{}）", to.office),
                slot.starts_at,
                slot.ends_at,
                note,
            ),
        });
    }
    store::Notice {
        inbox_subject: letter.subject.clone(),
        inbox_body: letter.inbox_body(),
        mail,
    }
}

/// The user cancels until the start time (BK-10); the seat is freed, the row kept.
pub async fn cancel_own(db: &Db, clock: &dyn Clock, user_ref: i64, id: i64) -> Result<(), AppError> {
    let r = own(db, user_ref, id).await?;
    let state = booking::State::parse(&r.state).unwrap_or(booking::State::CancelledByUser);
    if !booking::user_may_cancel(state, r.starts_at, clock.now()) {
        let code = if state.may_become(booking::State::CancelledByUser) {
            "cutoff_passed"
        } else {
            "already_cancelled"
        };
        return Err(AppError::Refused {
            code,
            message: "this reservation can no longer be cancelled here".into(),
        });
    }
    let slot = store::slot(db, r.slot_id)
        .await?
        .ok_or_else(|| AppError::NotFound { what: "slot".into() })?;
    let notice = notice(db, user_ref, &slot, Event::Cancelled).await?;
    let done = store::cancel(
        db,
        id,
        "cancelled_by_user",
        clock.now(),
        &format!("user:{user_ref}"),
        "",
        notice.as_ref().map(|n| (user_ref, n)),
    )
    .await?;
    if done {
        Ok(())
    } else {
        Err(AppError::Refused {
            code: "already_cancelled",
            message: "already cancelled".into(),
        })
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
