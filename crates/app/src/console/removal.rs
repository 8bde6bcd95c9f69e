//! Staff delete a registration (N15): office admins of the person's office and national
//! admins, with a reason. The same erasure as self-deletion (AC-9, PV-6): future seats are
//! given back, personal data erased, an anonymous record kept. The person is told by a last
//! letter, written before the erasure in the same transaction; the outbox deletes it once
//! sent, so their address outlives the account only until they are told.

use madoguchi_domain::characters::{FieldKind, validate};
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::Role;
use madoguchi_store::mail::outbox;
use madoguchi_store::{Db, accounts::erase, accounts::staff as staff_store, accounts::users};

use crate::AppError;
use crate::console::staff::{self, SeekerView};
use crate::shared::StaffMember;

fn admins_only(member: &StaffMember) -> Result<(), AppError> {
    if member.role == Role::Counsellor {
        return Err(AppError::Forbidden {
            code: "not_allowed",
            message: "only an office or national administrator may delete a registration",
        });
    }
    Ok(())
}

/// The person the confirmation page names, if this member may delete them (the read is
/// audited as a console action).
pub async fn preview(db: &Db, clock: &dyn Clock, member: &StaffMember, user_id: &str) -> Result<SeekerView, AppError> {
    admins_only(member)?;
    staff::for_action(db, clock, member, user_id).await
}

/// N15: deletes the registration as AC-9 does, tells the person why, audits the reason.
pub async fn delete(
    db: &Db,
    clock: &dyn Clock,
    member: &StaffMember,
    user_id: &str,
    reason: &str,
) -> Result<(), AppError> {
    admins_only(member)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(
            "required",
            "reason",
            "say why the registration is deleted",
        ));
    }
    let offences = validate(reason, FieldKind::MultiLine);
    if !offences.is_empty() {
        return Err(AppError::InvalidCharacters {
            fields: vec![("reason".into(), offences)],
        });
    }
    let seeker = staff::for_action(db, clock, member, user_id).await?;
    let user = users::by_id(db, seeker.user_ref)
        .await?
        .ok_or_else(|| AppError::NotFound {
            what: format!("job seeker {user_id}"),
        })?;
    crate::accounts::account::release_future(db, clock, user.id).await?;
    let letter = crate::mail::decisions::deleted_by_office(&user.lang, &user.name, reason);
    let now = clock.now();
    let mut tx = db.begin().await?;
    erase::erase_user(&mut tx, user.id, now).await?;
    // After the erasure, which deletes every other letter to this address.
    outbox::enqueue_last(&mut tx, &letter.to(&user.email), now).await?;
    // Written after the erasure too, so the reason stays: why staff deleted an account.
    staff_store::audit(&mut tx, member.id, "delete_registration", Some(user.id), reason, now).await?;
    tx.commit().await?;
    Ok(())
}
