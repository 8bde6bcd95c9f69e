//! Registration (rule AC-1): a provisional account, a verification mail with a 24-hour
//! link, activation when the link is opened, and the purge of accounts never verified.

use chrono::Duration;
use madoguchi_domain::clock::Clock;
use madoguchi_store::accounts::attempts;
use madoguchi_store::accounts::tokens::{self, Consumed, Purpose};
use madoguchi_store::accounts::users::{self, NewUser};
use madoguchi_store::mail::inbox::{self, Acceptance};
use madoguchi_store::{Db, mail::outbox};

use crate::accounts::fields::{self, RegistrationForm, ValidRegistration};
use crate::accounts::limits::Limits;
use crate::shared::Site;
use crate::{AppError, mail::letters, shared::secrets};

/// How long a verification link works (AC-1, decided).
pub const VERIFY_FOR: Duration = Duration::hours(24);
/// How long an unverified account waits before it is purged (AC-1, decided).
pub const PURGE_AFTER: Duration = Duration::days(7);
/// The system terms version recorded at registration while no version has been published
/// (AC-13); published versions (`terms`) take over from it.
pub const SYSTEM_TERMS_VERSION: &str = "2026-04-01";

fn random() -> Result<String, AppError> {
    secrets::random_token().map_err(|e| AppError::Random(e.to_string()))
}

/// Registrations from one client address are counted over this window.
pub const REGISTRATION_WINDOW: Duration = Duration::hours(1);

/// Creates the provisional account and queues the verification mail, in one transaction.
/// A valid form is counted against the client address's hourly limit before its password
/// is hashed; a registration that then does not happen is taken off the count.
pub async fn register(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    limits: &Limits,
    form: &RegistrationForm,
    client_addr: &str,
) -> Result<i64, AppError> {
    let valid = fields::check_registration(form)?;
    let now = clock.now();
    let since = now - REGISTRATION_WINDOW;
    let Some(attempt) =
        attempts::admit_registration(db, client_addr, now, since, limits.registrations_per_hour()).await?
    else {
        return Err(AppError::RateLimited);
    };
    let created = create(db, clock, site, limits, form, &valid, client_addr).await;
    if created.is_err() {
        attempts::withdraw_registration(db, attempt).await?;
    }
    created
}

/// The registration itself, once the form is valid and counted.
async fn create(
    db: &Db,
    clock: &dyn Clock,
    site: &Site,
    limits: &Limits,
    form: &RegistrationForm,
    valid: &ValidRegistration,
    client_addr: &str,
) -> Result<i64, AppError> {
    let hash = limits.hash(&form.password).await?;
    let now = clock.now();
    let user = NewUser {
        user_id: valid.user_id.clone(),
        user_key: valid.user_key.clone(),
        password_hash: hash,
        name: form.name.clone(),
        name_kana: form.name_kana.clone(),
        address: form.address.clone(),
        email: valid.email.clone(),
        phone: madoguchi_domain::numbers::half_width(&form.phone),
        lang: form.lang.clone(),
    };
    // AC-13: registering accepts the versions in force of every service's terms (the page
    // links them); the system terms' first version if none has been published.
    let mut in_force = Vec::new();
    for service in crate::notices::terms::SERVICES {
        let (rows, current) = crate::notices::terms::versions(db, clock, service).await?;
        match rows.into_iter().find(|r| Some(r.id) == current) {
            Some(r) => in_force.push((service, r.version)),
            None if service == "system" => in_force.push((service, SYSTEM_TERMS_VERSION.to_owned())),
            None => {}
        }
    }
    let mut tx = db.begin().await?;
    let id = match users::insert_provisional(&mut tx, &user, now).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => {
            return Err(AppError::invalid(
                "user_id_taken",
                "user_id",
                "this user ID is already in use",
            ));
        }
        Err(e) => return Err(e.into()),
    };
    for (service, version) in &in_force {
        let acceptance = Acceptance {
            service: (*service).into(),
            version: version.clone(),
            accepted_at: now,
            client_addr: client_addr.to_owned(),
        };
        inbox::accept_terms(&mut tx, id, &acceptance).await?;
    }
    let (verify, lock) = (random()?, random()?);
    tokens::issue(
        &mut tx,
        id,
        Purpose::Verify,
        &secrets::hash_token(&verify),
        now,
        now + VERIFY_FOR,
    )
    .await?;
    tokens::issue(
        &mut tx,
        id,
        Purpose::Lock,
        &secrets::hash_token(&lock),
        now,
        now + Duration::days(3650),
    )
    .await?;
    let letter = letters::verification(
        &user.lang,
        &user.name,
        &site.link("/register/verify", &verify),
        &site.link("/lock", &lock),
    );
    outbox::enqueue(&mut tx, &letter.to(&user.email), now).await?;
    inbox::add(&mut tx, id, &letter.subject, &letter.inbox_body(), now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Opens the verification link: activates the account once. An expired link is a
/// distinct error so the page can offer a new one.
pub async fn verify(db: &Db, clock: &dyn Clock, site: &Site, token: &str) -> Result<i64, AppError> {
    let now = clock.now();
    let mut tx = db.begin().await?;
    let user_ref = match tokens::consume(&mut tx, &secrets::hash_token(token), Purpose::Verify, now).await? {
        Consumed::Ok(u) => u,
        Consumed::Expired(_) => {
            return Err(AppError::invalid("token_expired", "token", "this link has expired"));
        }
        Consumed::Invalid => return Err(AppError::invalid("token_invalid", "token", "this link is not valid")),
    };
    if users::activate(&mut tx, user_ref, now).await?
        && let Some(u) = users::by_id(db, user_ref).await?
    {
        let lock = random()?;
        tokens::issue(
            &mut tx,
            user_ref,
            Purpose::Lock,
            &secrets::hash_token(&lock),
            now,
            now + Duration::days(3650),
        )
        .await?;
        let letter = letters::welcome(&u.lang, &u.name, &site.link("/lock", &lock));
        outbox::enqueue(&mut tx, &letter.to(&u.email), now).await?;
        inbox::add(&mut tx, user_ref, &letter.subject, &letter.inbox_body(), now).await?;
    }
    tx.commit().await?;
    Ok(user_ref)
}

/// Deletes provisional accounts older than seven days (AC-1). Returns how many.
pub async fn purge_unverified(db: &Db, clock: &dyn Clock) -> Result<u64, AppError> {
    Ok(users::purge_provisional(db, clock.now() - PURGE_AFTER).await?)
}
