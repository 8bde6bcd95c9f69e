//! Job-seeker numbers waiting for staff (AC-11, C2-1): the office's list, each person on it
//! audited as viewed (PV-4), and the letter telling a person their number is confirmed.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::Role;
use madoguchi_store::eligibility::{self, Pending};
use madoguchi_store::{Db, accounts::staff as staff_store, accounts::users};

use crate::AppError;
use crate::mail::letters::Letter;
use crate::shared::StaffMember;

/// At most this many people are listed at once; the oldest accounts come first.
pub const LIST_LIMIT: i64 = 200;

/// The people whose number carries this staff member's office and waits for confirmation
/// (every office's for a national admin), oldest account first.
pub async fn pending(db: &Db, clock: &dyn Clock, staff: &StaffMember) -> Result<Vec<Pending>, AppError> {
    let office = match (staff.role, staff.office.as_deref()) {
        (Role::NationalAdmin, _) => None,
        (_, Some(code)) => Some(code),
        (_, None) => return Ok(Vec::new()),
    };
    let rows = eligibility::pending_confirmation(db, office, LIST_LIMIT).await?;
    let mut tx = db.begin().await?;
    for r in &rows {
        staff_store::audit(
            &mut tx,
            staff.id,
            "view_pending_confirmations",
            Some(r.user_ref),
            "",
            clock.now(),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(rows)
}

/// C2-1: the letter (and its address) telling the person their number is confirmed; `None`
/// if the account has gone.
pub(crate) async fn letter(db: &Db, user_ref: i64) -> Result<Option<(String, Letter)>, AppError> {
    Ok(users::by_id(db, user_ref).await?.map(|u| {
        (
            u.email.clone(),
            crate::mail::decisions::registration_confirmed(&u.lang, &u.name),
        )
    }))
}

/// The operator's confirmation (`madoguchi account confirm-job-seeker`): as the console's,
/// the person is told by mail and inbox in the same transaction.
pub async fn confirm_by_operator(db: &Db, clock: &dyn Clock, user_id: &str) -> Result<(), AppError> {
    let user = users::by_key(db, &user_id.trim().to_ascii_lowercase())
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: format!("account {user_id}"),
        })?;
    let now = clock.now();
    let letter = crate::mail::decisions::registration_confirmed(&user.lang, &user.name);
    let mut tx = db.begin().await?;
    if !eligibility::confirm_job_seeker(&mut tx, user.id, now).await? {
        return Err(AppError::Conflict(format!(
            "{user_id} has not recorded a job-seeker number"
        )));
    }
    madoguchi_store::mail::outbox::enqueue(&mut tx, &letter.to(&user.email), now).await?;
    madoguchi_store::mail::inbox::add(&mut tx, user.id, &letter.subject, &letter.inbox_body(), now).await?;
    tx.commit().await?;
    Ok(())
}
