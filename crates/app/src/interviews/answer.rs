//! What the job seeker does (IV-1, IV-5): see their interviews, accept one sharing what
//! they choose, decline it, or withdraw later. Acceptance issues the employer's single-use
//! link and mails it in the same transaction; the token appears nowhere else.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::interview::{Shares, State};
use madoguchi_store::Db;
use madoguchi_store::interviews::{self as store, links};
use madoguchi_store::mail::outbox;

use super::{Interview, letters, not_found, rows};
use crate::AppError;
use crate::shared::{Site, secrets};

/// The job seeker's interviews, latest first.
pub async fn mine(db: &Db, user_ref: i64) -> Result<Vec<Interview>, AppError> {
    rows(store::for_user(db, user_ref).await?)
}

/// One of the job seeker's own interviews; anyone else's is not found.
pub async fn own(db: &Db, user_ref: i64, id: i64) -> Result<Interview, AppError> {
    let row = store::interview(db, id)
        .await?
        .filter(|r| r.user_ref == user_ref)
        .ok_or_else(|| not_found(id))?;
    Interview::from_row(row)
}

fn already(what: &str) -> AppError {
    AppError::Refused {
        code: "already_decided",
        message: format!("the interview was already answered, cancelled or has begun; it cannot be {what}"),
    }
}

/// IV-1, IV-5: the job seeker accepts, sharing `shares` with the employer. The employer's
/// contact gets the single-use link, valid until the interview ends. Returns nothing: the
/// link is in the mail only.
pub async fn accept(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    user_ref: i64,
    id: i64,
    shares: Shares,
) -> Result<(), AppError> {
    let i = own(db, user_ref, id).await?;
    let now = clock.now();
    let token = secrets::random_token().map_err(|e| AppError::Random(e.to_string()))?;
    let url = format!("{}/interviews/join/{token}", site.base_url.trim_end_matches('/'));
    let mut tx = db.begin().await?;
    if !store::answer(
        &mut tx,
        id,
        user_ref,
        true,
        [shares.address, shares.phone, shares.number],
        now,
    )
    .await?
    {
        return Err(already("accepted"));
    }
    let r = &i.row;
    links::issue(
        &mut tx,
        id,
        1,
        &r.contact_name,
        &r.contact_email,
        &secrets::hash_token(&token),
        now,
        r.ends_at,
    )
    .await?;
    store::event(&mut tx, id, "link_issued", "system", "", now).await?;
    outbox::enqueue(&mut tx, &letters::employer_link(r, &url).to(&r.contact_email), now).await?;
    tx.commit().await?;
    Ok(())
}

/// IV-1: the job seeker declines a proposal. The employer was never told of it.
pub async fn decline(db: &Db, clock: &dyn Clock, user_ref: i64, id: i64) -> Result<(), AppError> {
    own(db, user_ref, id).await?;
    let mut tx = db.begin().await?;
    if !store::answer(&mut tx, id, user_ref, false, [false; 3], clock.now()).await? {
        return Err(already("declined"));
    }
    tx.commit().await?;
    Ok(())
}

/// The job seeker withdraws from an interview that still stands and has not begun
/// (`cancelled_by_user`); an employer already sent the link is told, and the link stops.
pub async fn withdraw(db: &Db, clock: &dyn Clock, user_ref: i64, id: i64) -> Result<(), AppError> {
    let i = own(db, user_ref, id).await?;
    let now = clock.now();
    let mut tx = db.begin().await?;
    let actor = format!("user:{user_ref}");
    if !store::cancel(&mut tx, id, "cancelled_by_user", &actor, "", now).await? {
        return Err(already("withdrawn"));
    }
    if i.state == State::Accepted {
        outbox::enqueue(
            &mut tx,
            &letters::employer_cancelled(&i.row).to(&i.row.contact_email),
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
