//! Job seekers and seminars (rules SE-2…SE-5): browse, register or wait for a seat, cancel
//! (the first waiting is promoted), and the meeting details of one's place.

use chrono::{DateTime, Utc};
use madoguchi_domain::clock::Clock;
use madoguchi_store::consultations::reservations::Notice;
use madoguchi_store::seminars::{self as store, Filter, Promoted, Registered, RegistrationRow, SeminarRow};
use madoguchi_store::{Db, consultations::booking_context};

use crate::eligibility::restriction;
use crate::mail::letters;
use crate::mail::letters::Letter;
use crate::seminars::calendar::{self, Place};
use crate::seminars::letters as seminar_letters;
use crate::{AppError, eligibility};

pub async fn list(db: &Db, filter: &Filter) -> Result<Vec<SeminarRow>, AppError> {
    Ok(store::catalogue::list(db, filter).await?)
}

/// One seminar, also when cancelled (the pages say so: SE-6).
pub async fn get(db: &Db, id: i64) -> Result<SeminarRow, AppError> {
    store::catalogue::get(db, id).await?.ok_or_else(|| AppError::NotFound {
        what: format!("seminar {id}"),
    })
}

pub(crate) fn notice(letter: &Letter, email: &str) -> Notice {
    Notice {
        mail: letter.to(email),
        inbox_subject: letter.subject.clone(),
        inbox_body: letter.inbox_body(),
    }
}

/// SE-2, SE-3: registers, or takes a place on the waiting list. Requires what a booking
/// requires (confirmed registration, no restriction: SE-2, SE-4). Counted for `/metrics`.
pub async fn register(db: &Db, clock: &dyn Clock, user_ref: i64, seminar_id: i64) -> Result<Registered, AppError> {
    let outcome = register_checked(db, clock, user_ref, seminar_id).await;
    let word = outcome.as_ref().map(|r| match r {
        Registered::Waitlisted(_) => "waitlisted",
        _ => "registered",
    });
    crate::shared::outcomes::count("madoguchi_seminar_registrations_total", word);
    outcome
}

async fn register_checked(db: &Db, clock: &dyn Clock, user_ref: i64, seminar_id: i64) -> Result<Registered, AppError> {
    let now = clock.now();
    let ctx = booking_context::get(db, user_ref, 0, "seminar", now - restriction::WINDOW, now)
        .await?
        .ok_or(AppError::Unauthorized {
            code: "not_signed_in",
            message: "please sign in",
        })?;
    let restricted = usize::try_from(ctx.recent_no_shows).unwrap_or(usize::MAX) >= restriction::LIMIT;
    eligibility::gate(&eligibility::blockers(&ctx.eligibility, restricted, clock.today_jst()))?;
    crate::notices::terms::gate_counted(usize::try_from(ctx.terms_pending).unwrap_or(usize::MAX))?;
    let seminar = get(db, seminar_id).await?;
    if seminar.cancelled_at.is_some() {
        return Err(cancelled());
    }
    if seminar.suspended_at.is_some() {
        return Err(suspended());
    }
    let when = letters::start_time(&ctx.lang, seminar.starts_at);
    let seat = seminar_letters::registered(&ctx.lang, &ctx.name, &seminar.title, &when);
    let place = seminar_letters::waitlisted(&ctx.lang, &ctx.name, &seminar.title, &when);
    let number = ctx.eligibility.job_seeker_number.clone().unwrap_or_default();
    // NO-4: a seat comes with its calendar entry; a place on the waiting list does not.
    let mut seat_notice = notice(&seat, &ctx.email);
    let office = crate::offices::get(db, &seminar.office_code).await?;
    let cal = Place {
        lang: &ctx.lang,
        office: if crate::shared::locales::Lang::of(&ctx.lang).prefers_english() {
            &office.name_en
        } else {
            &office.name_ja
        },
        user_ref,
        round: madoguchi_store::mail::calendar::seminar_round(db, seminar_id, user_ref, None).await?,
        now,
    };
    calendar::attach(&mut seat_notice.mail, &seminar, &cal, false);
    let outcome = store::places::register(
        db,
        seminar_id,
        user_ref,
        (&ctx.name, &number),
        now,
        (Some(&seat_notice), Some(&notice(&place, &ctx.email))),
    )
    .await?;
    match outcome {
        Registered::Registered(_) | Registered::Waitlisted(_) => Ok(outcome),
        Registered::Full => Err(AppError::Refused {
            code: "seminar_full",
            message: "every seat and the waiting list are taken".into(),
        }),
        Registered::Closed => Err(AppError::Refused {
            code: "cutoff_passed",
            message: "registration for this seminar has closed".into(),
        }),
        Registered::Cancelled => Err(cancelled()),
        Registered::Suspended => Err(suspended()),
        Registered::Already => Err(AppError::Conflict("you are already registered or waiting".into())),
    }
}

/// SE-6: the office cancelled the seminar; it takes no registrations.
fn cancelled() -> AppError {
    AppError::Refused {
        code: "seminar_cancelled",
        message: "the office cancelled this seminar".into(),
    }
}

/// SE-6 (S11-1): the office stopped taking registrations for now.
fn suspended() -> AppError {
    AppError::Refused {
        code: "seminar_suspended",
        message: "the office is not taking registrations for this seminar for now".into(),
    }
}

/// The notice for whoever a freed seat goes to (SE-3).
pub(crate) fn promotion(title: String, starts_at: DateTime<Utc>) -> impl Fn(&Promoted) -> Notice + Send + Sync {
    move |p: &Promoted| {
        let when = letters::start_time(&p.lang, starts_at);
        notice(&seminar_letters::promoted(&p.lang, &p.name, &title, &when), &p.email)
    }
}

/// SE-4 (BK-10): the user cancels until the start; a freed seat goes to the first waiting.
pub async fn cancel_own(db: &Db, clock: &dyn Clock, user_ref: i64, registration_id: i64) -> Result<(), AppError> {
    let r = own(db, user_ref, registration_id).await?;
    let seminar = store::catalogue::get(db, r.seminar_id)
        .await?
        .ok_or_else(|| AppError::NotFound { what: "seminar".into() })?;
    if clock.now() >= seminar.starts_at && r.state == "registered" {
        return Err(AppError::Refused {
            code: "cutoff_passed",
            message: "the seminar has started".into(),
        });
    }
    let promote = promotion(seminar.title.clone(), seminar.starts_at);
    let actor = format!("user:{user_ref}");
    // The person is told in mail and on My Page, in the same transaction (issue 13, item 6).
    let told = cancellation(db, clock, &r, &seminar).await?;
    let done = store::places::end(
        db,
        registration_id,
        Some(user_ref),
        "cancelled_by_user",
        clock.now(),
        &actor,
        "",
        &promote,
        told.as_ref(),
    )
    .await?;
    match done {
        Some(_) => Ok(()),
        None => Err(AppError::Refused {
            code: "already_cancelled",
            message: "already cancelled".into(),
        }),
    }
}

/// NO-1, NO-4: the letter of the person's own cancellation; a seat's comes with its
/// calendar entry withdrawn. `None` if the account has gone.
async fn cancellation(
    db: &Db,
    clock: &dyn Clock,
    r: &RegistrationRow,
    seminar: &SeminarRow,
) -> Result<Option<Notice>, AppError> {
    let Some(u) = madoguchi_store::accounts::users::by_id(db, r.user_ref).await? else {
        return Ok(None);
    };
    let when = letters::start_time(&u.lang, seminar.starts_at);
    let waiting = r.state == "waitlisted";
    let letter = seminar_letters::cancelled_by_user(&u.lang, &u.name, &seminar.title, &when, waiting);
    let mut told = notice(&letter, &u.email);
    if r.state == "registered" {
        let office = crate::offices::get(db, &seminar.office_code).await?;
        let place = Place {
            lang: &u.lang,
            office: if crate::shared::locales::Lang::of(&u.lang).prefers_english() {
                &office.name_en
            } else {
                &office.name_ja
            },
            user_ref: r.user_ref,
            round: madoguchi_store::mail::calendar::seminar_round(db, seminar.id, r.user_ref, Some(r.id)).await?,
            now: clock.now(),
        };
        calendar::attach(&mut told.mail, seminar, &place, true);
    }
    Ok(Some(told))
}

/// The registration if it is this user's; someone else's is "not found".
pub async fn own(db: &Db, user_ref: i64, id: i64) -> Result<RegistrationRow, AppError> {
    store::places::registration(db, id)
        .await?
        .filter(|r| r.user_ref == user_ref)
        .ok_or_else(|| AppError::NotFound {
            what: format!("seminar registration {id}"),
        })
}

/// The signed-in user's seminar registrations, newest first, each with its seminar.
pub async fn mine(db: &Db, user_ref: i64) -> Result<Vec<(RegistrationRow, SeminarRow)>, AppError> {
    let mut out = Vec::new();
    for r in store::places::for_user(db, user_ref).await? {
        if let Some(s) = store::catalogue::get(db, r.seminar_id).await? {
            out.push((r, s));
        }
    }
    Ok(out)
}

/// BK-9 for seminars: how to join, for My Page only and only while the user holds a seat.
pub async fn meeting_for(
    db: &Db,
    r: &RegistrationRow,
) -> Result<Option<madoguchi_store::consultations::schedule::MeetingDetails>, AppError> {
    if r.state == "registered" {
        Ok(store::catalogue::meeting(db, r.seminar_id).await?)
    } else {
        Ok(None)
    }
}
