//! What a signed-in job seeker does with their own account: change the password (AC-7)
//! and delete the registration (AC-9).

use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, accounts::erase, accounts::sessions, accounts::users};

use crate::AppError;
use crate::accounts::limits::Limits;
use crate::accounts::session::{self, Session};
use crate::shared::FieldProblem;

fn weak(detail: &'static str) -> AppError {
    AppError::Fields(vec![FieldProblem {
        field: "new_password",
        code: "weak_password",
        detail: Some(detail),
        offences: Vec::new(),
    }])
}

const WRONG_CURRENT: AppError = AppError::Unauthorized {
    code: "invalid_credentials",
    message: "the current password is not correct",
};

async fn check_current(db: &Db, limits: &Limits, user_ref: i64, current: &str) -> Result<users::UserRow, AppError> {
    let user = users::by_id(db, user_ref).await?.ok_or(WRONG_CURRENT)?;
    if limits.verify(current, &user.password_hash).await? {
        Ok(user)
    } else {
        Err(WRONG_CURRENT)
    }
}

/// AC-7: a new password, different from the current one. Every other session ends and
/// this one gets a new ID.
pub async fn change_password(
    db: &Db,
    clock: &dyn Clock,
    limits: &Limits,
    user_ref: i64,
    current: &str,
    new: &str,
) -> Result<Session, AppError> {
    let user = check_current(db, limits, user_ref, current).await?;
    madoguchi_domain::password::validate_new(new, &user.user_id, Some(current)).map_err(|p| weak(p.code()))?;
    let hash = limits.hash(new).await?;
    let mut tx = db.begin().await?;
    users::set_password(&mut tx, user_ref, &hash, clock.now(), false).await?;
    tx.commit().await?;
    sessions::delete_for_user(db, user_ref).await?;
    session::start(db, clock, sessions::Owner::User(user_ref)).await
}

/// AC-9: the person deletes their registration. Future consultations and seminar places
/// are given back first; then personal data is erased at once, and an anonymous record
/// stays for statistics (PV-6).
pub async fn delete(db: &Db, clock: &dyn Clock, limits: &Limits, user_ref: i64, current: &str) -> Result<(), AppError> {
    check_current(db, limits, user_ref, current).await?;
    release_future(db, clock, user_ref).await?;
    let mut tx = db.begin().await?;
    erase::erase_user(&mut tx, user_ref, clock.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels, as the person would, every consultation and seminar place still ahead of them,
/// so a deleted account holds no seat (a waiting person is promoted as usual). What can no
/// longer be cancelled (started, already ended) is left as it is.
pub async fn release_future(db: &Db, clock: &dyn Clock, user_ref: i64) -> Result<(), AppError> {
    let now = clock.now();
    let ignore_refusal = |r: Result<(), AppError>| match r {
        Ok(()) | Err(AppError::Refused { .. }) => Ok(()),
        Err(e) => Err(e),
    };
    for r in madoguchi_store::consultations::reservations::for_user(db, user_ref).await? {
        if matches!(r.state.as_str(), "confirmed" | "requested") && r.starts_at > now {
            ignore_refusal(crate::consultations::booking::cancel_own(db, clock, user_ref, r.id).await)?;
        }
    }
    for r in madoguchi_store::seminars::places::for_user(db, user_ref).await? {
        if !matches!(r.state.as_str(), "registered" | "waitlisted") {
            continue;
        }
        let ahead = madoguchi_store::seminars::catalogue::get(db, r.seminar_id)
            .await?
            .is_some_and(|s| s.starts_at > now);
        if ahead {
            ignore_refusal(crate::seminars::attend::cancel_own(db, clock, user_ref, r.id).await)?;
        }
    }
    // IV-2: a selection day's interview still to come frees its seat (a started one stays).
    for d in madoguchi_store::selection::for_seeker(db, user_ref, clock.today_jst()).await? {
        if let Some(id) = d.interview_id {
            madoguchi_store::selection::book::cancel(db, id, user_ref, now).await?;
        }
    }
    Ok(())
}
