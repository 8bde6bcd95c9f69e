//! IV-3: an employer may send two representatives, each with their own link (seat 1 is the
//! contact the office named, mailed when the job seeker accepts). Staff of the office issue
//! the second seat's link to the representative's address, or a fresh link for a seat whose
//! mail was lost (the seat's earlier link stops). Only while the interview stands accepted
//! and has not ended; there is no third seat.

use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::email::Email;
use madoguchi_domain::interview::State;
use madoguchi_store::Db;
use madoguchi_store::accounts::staff as staff_store;
use madoguchi_store::interviews::{self as store, links};
use madoguchi_store::mail::outbox;

use super::{letters, visible};
use crate::AppError;
use crate::shared::fields::problem;
use crate::shared::{FieldProblem, Site, StaffMember, secrets};

/// The form as typed; kept whole when a field is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Representative {
    pub name: String,
    pub email: String,
}

/// Every field's problem at once.
fn check(r: &Representative) -> Vec<FieldProblem> {
    let mut problems: Vec<FieldProblem> = problem("rep_name", &r.name, FieldKind::SingleLine, 100, true)
        .into_iter()
        .collect();
    if r.email.trim().is_empty() {
        problems.push(FieldProblem::new("rep_email", "required"));
    } else if Email::parse(&r.email).is_err() {
        problems.push(FieldProblem::new("rep_email", "invalid_email"));
    }
    problems
}

/// Issues seat `seat`'s link (1 or 2; `no_such_seat` otherwise) and mails it to the
/// representative, in one transaction with its event and the staff audit row.
pub async fn issue_link(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    staff: &StaffMember,
    id: i64,
    seat: i32,
    rep: &Representative,
) -> Result<(), AppError> {
    let i = visible(db, staff, id).await?;
    if !(1..=2).contains(&seat) {
        return Err(AppError::Refused {
            code: "no_such_seat",
            message: "an interview has two employer seats".into(),
        });
    }
    let problems = check(rep);
    if !problems.is_empty() {
        return Err(AppError::Fields(problems));
    }
    let now = clock.now();
    if i.state != State::Accepted || now >= i.row.ends_at {
        return Err(AppError::Refused {
            code: "interview_not_accepted",
            message: "a representative's link is issued for an accepted interview that has not ended".into(),
        });
    }
    let token = secrets::random_token().map_err(|e| AppError::Random(e.to_string()))?;
    let url = format!("{}/interviews/join/{token}", site.base_url.trim_end_matches('/'));
    let (name, email) = (rep.name.trim(), rep.email.trim());
    // The letter greets the representative, not the contact.
    let mut row = i.row.clone();
    name.clone_into(&mut row.contact_name);
    let mut tx = db.begin().await?;
    links::issue(
        &mut tx,
        id,
        seat,
        name,
        email,
        &secrets::hash_token(&token),
        now,
        i.row.ends_at,
    )
    .await?;
    let actor = format!("staff:{}", staff.id);
    store::event(&mut tx, id, "link_issued", &actor, &format!("seat {seat}"), now).await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "issue_interview_link",
        Some(i.row.user_ref),
        &format!("{id} seat {seat}"),
        now,
    )
    .await?;
    outbox::enqueue(&mut tx, &letters::employer_link(&row, &url).to(email), now).await?;
    tx.commit().await?;
    Ok(())
}
