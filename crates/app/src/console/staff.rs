//! Staff: accounts with TOTP two-factor sign-in, and the console's look-ups and actions,
//! written to the audit log (SPEC §1, PV-4). A look-up with a purpose reaches a registrant
//! of any office (people move, offices cover for each other); actions stay with the
//! person's own office and national admins, whose records the registration belongs to.

use chrono::NaiveDate;
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::{self as rules, Role};
use madoguchi_domain::totp;
use madoguchi_store::accounts::attempts::{self, Settled};
use madoguchi_store::accounts::sessions::{self, Owner};
use madoguchi_store::accounts::staff::{self as store, NewStaff, StaffRow};
use madoguchi_store::{Db, accounts::users, eligibility};

use crate::AppError;
use crate::accounts::limits::Limits;
use crate::accounts::session::{self, Session};
use crate::accounts::sign_in;
use crate::shared::StaffMember;

/// What the operator is shown once, when a staff account is created.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub user_id: String,
    pub password: String,
    pub totp_secret: String,
    pub otpauth_uri: String,
}

fn random_err(e: impl std::fmt::Display) -> AppError {
    AppError::Random(e.to_string())
}

/// A strong random password in the AC-3 alphabet.
fn generate_password() -> Result<String, AppError> {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789#$%&*+=?@";
    let mut bytes = [0_u8; 20];
    getrandom::fill(&mut bytes).map_err(random_err)?;
    Ok(bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect())
}

/// Creates a staff account. `creator` is `None` for the operator's CLI; a console user may
/// create only what their role allows.
#[allow(clippy::too_many_arguments)] // who creates, and the new member's role, office, ID and name
pub async fn create(
    db: &Db,
    clock: &dyn Clock,
    limits: &Limits,
    creator: Option<&StaffMember>,
    role: Role,
    office: Option<&str>,
    user_id: &str,
    name: &str,
) -> Result<Credentials, AppError> {
    if let Some(c) = creator
        && !rules::may_create(c.role, c.office.as_deref(), role, office)
    {
        return Err(AppError::Forbidden {
            code: "forbidden",
            message: "your role cannot create this account",
        });
    }
    let id = madoguchi_domain::user_id::UserId::parse(user_id)
        .map_err(|e| AppError::invalid("invalid_user_id", "user_id", e.to_string()))?;
    // AC-4: the name is shown to colleagues and written in the audit log.
    let name = crate::shared::fields::text("name", name, FieldKind::SingleLine, 60, true)?;
    let office = match (role, office) {
        (Role::NationalAdmin, _) => None,
        (_, Some(code)) => Some(crate::offices::get(db, code).await?.code.to_string()),
        (_, None) => return Err(AppError::invalid("required", "office", "office staff need an office")),
    };
    let password = generate_password()?;
    let secret = totp::new_secret().map_err(random_err)?;
    let hash = limits.hash(&password).await?;
    let new = NewStaff {
        user_id: id.as_str().to_owned(),
        user_key: id.normalized(),
        password_hash: hash,
        name: name.to_owned(),
        role: role.code().to_owned(),
        office_code: office,
        totp_secret: secret.clone(),
    };
    match store::insert(db, &new, clock.now()).await {
        Err(e) if e.is_unique_violation() => {
            return Err(AppError::invalid(
                "user_id_taken",
                "user_id",
                "this staff user ID is already in use",
            ));
        }
        other => other?,
    };
    Ok(Credentials {
        user_id: new.user_id.clone(),
        password,
        otpauth_uri: totp::otpauth_uri("Madoguchi", &new.user_id, &secret),
        totp_secret: secret,
    })
}

const INVALID: AppError = AppError::Unauthorized {
    code: "invalid_credentials",
    message: "the user ID, password or one-time code is not correct",
};

/// Staff sign-in: user ID, password and a TOTP code used once; limited and locked like
/// job-seeker sign-in (AC-5), counted before the password is checked; a new session ID.
#[allow(clippy::too_many_arguments)] // the typed credentials and where they came from
pub async fn sign_in(
    db: &Db,
    clock: &dyn Clock,
    limits: &Limits,
    user_id: &str,
    password: &str,
    code: &str,
    client_addr: &str,
    old_session: Option<&str>,
) -> Result<Session, AppError> {
    const LOCKED: AppError = AppError::Forbidden {
        code: "account_locked",
        message: "this account is locked for 15 minutes",
    };
    let now = clock.now();
    let key = sign_in::attempt_key(user_id);
    let failure_key = format!("staff:{key}");
    let attempt = sign_in::admit(db, &failure_key, client_addr, now, LOCKED).await?;
    let staff = store::by_key(db, &key).await?;
    let hash = staff.as_ref().map(|s| s.password_hash.as_str());
    let password_ok = sign_in::check(db, limits, attempt, password, hash).await?;
    let step = staff
        .as_ref()
        .and_then(|s| totp::base32_decode(&s.totp_secret))
        .and_then(|key| totp::verify(&key, code, now.timestamp()));
    let accepted = match (&staff, password_ok, step) {
        (Some(s), true, Some(step)) => store::use_totp_step(db, s.id, step).await?.then_some(s.id),
        _ => None,
    };
    match (
        attempts::settle(db, &failure_key, accepted.is_some(), now, sign_in::limits_at(now)).await?,
        accepted,
    ) {
        (Settled::SignedIn, Some(staff_id)) => session::rotate(db, clock, old_session, Owner::Staff(staff_id)).await,
        (Settled::Locked, _) => Err(LOCKED),
        _ => Err(INVALID),
    }
}

/// The staff member behind a session.
pub async fn member(db: &Db, staff_ref: i64) -> Result<Option<StaffMember>, AppError> {
    Ok(store::by_id(db, staff_ref).await?.and_then(|s: StaffRow| {
        Some(StaffMember {
            id: s.id,
            name: s.name,
            role: Role::parse(&s.role)?,
            office: s.office_code,
        })
    }))
}

/// A job seeker as the console shows them.
#[derive(Debug, Clone)]
pub struct SeekerView {
    pub user_ref: i64,
    pub user_id: String,
    pub name: String,
    pub name_kana: String,
    pub email: String,
    pub phone: String,
    pub job_seeker_number: Option<String>,
    pub job_seeker_expires: Option<NaiveDate>,
    pub confirmed: bool,
    pub exempt: bool,
    pub locked: bool,
    pub suspended_reason: Option<String>,
    /// BK-12: online booking is paused after repeated no-shows.
    pub restricted: bool,
    /// PV-2: the last sign-ins with the kind of device only, never its address or agent.
    pub recent_sign_ins: Vec<(chrono::DateTime<chrono::Utc>, madoguchi_domain::usage::DeviceClass)>,
    /// AC-12, N20-4: the nationality category, and for other foreign nationals the residence
    /// status code and the last day of the period of stay (its view is audited on its own).
    pub nationality: String,
    pub residence_status: Option<String>,
    pub stay_until: Option<NaiveDate>,
    /// PV-4: the person is registered at this staff member's office (or the member is a
    /// national admin), so the console's actions apply; a look-up across offices only reads.
    pub may_act: bool,
}

/// Reading (a look-up with a purpose, any office's registrant) or acting (own office only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    LookUp,
    Act,
}

fn not_visible(user_id: &str) -> AppError {
    AppError::NotFound {
        what: format!("job seeker {user_id} at your office"),
    }
}

/// Looks up a job seeker by user ID: office staff see a person with a job-seeker number of
/// any office, national admins anyone; every look-up, allowed or not, is audited
/// with who, whom, when and why (`purpose`, PV-4).
pub async fn look_up(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    user_id: &str,
    purpose: &str,
) -> Result<SeekerView, AppError> {
    if !PURPOSES.contains(&purpose) {
        return Err(AppError::invalid(
            "required",
            "purpose",
            "say why you are looking this person up",
        ));
    }
    find(db, clock, staff, user_id, purpose, Scope::LookUp).await
}

/// The person again after a console action, audited as part of that action.
pub async fn after_action(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    user_id: &str,
) -> Result<SeekerView, AppError> {
    find(db, clock, staff, user_id, "console_action", Scope::Act).await
}

/// The person a console action is about, if this staff member may act on them (own office,
/// or a national admin); the read is audited as part of the action.
pub(crate) async fn for_action(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    user_id: &str,
) -> Result<SeekerView, AppError> {
    find(db, clock, staff, user_id, "console_action", Scope::Act).await
}

/// Why staff may look a job seeker up (PV-4): the console offers these; each is recorded.
pub const PURPOSES: [&str; 4] = ["counter", "phone", "registration", "identity"];

/// The look-up itself, audited with `purpose` (a code of `PURPOSES`, or `console_action`);
/// residence data shown is a second entry, so the person sees that it was read (PV-4).
async fn find(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    user_id: &str,
    purpose: &str,
    scope: Scope,
) -> Result<SeekerView, AppError> {
    let key = user_id.trim().to_ascii_lowercase();
    let user = users::by_key(db, &key).await?;
    let elig = match &user {
        Some(u) => eligibility::get(db, u.id).await?,
        None => None,
    };
    let seeker_office = elig
        .as_ref()
        .and_then(|e| e.job_seeker_number.as_deref())
        .map(|n| &n[..n.len().min(5)]);
    let may_act = rules::may_see(staff.role, staff.office.as_deref(), seeker_office);
    let allowed = user.is_some()
        && match scope {
            Scope::LookUp => rules::may_look_up(staff.role, staff.office.as_deref(), seeker_office),
            Scope::Act => may_act,
        };
    let residence_shown = allowed && elig.as_ref().is_some_and(|e| e.nationality == "other");
    let mut tx = db.begin().await?;
    let action = if allowed { "view_job_seeker" } else { "search_denied" };
    // PV-4: the why. A refused search also keeps what was searched for.
    let detail = if allowed {
        purpose.trim().to_owned()
    } else {
        format!("{key}: {}", purpose.trim())
    };
    store::audit(
        &mut tx,
        staff.id,
        action,
        user.as_ref().filter(|_| allowed).map(|u| u.id),
        &detail,
        clock.now(),
    )
    .await?;
    if let (true, Some(u)) = (residence_shown, &user) {
        store::audit(
            &mut tx,
            staff.id,
            "view_residence",
            Some(u.id),
            purpose.trim(),
            clock.now(),
        )
        .await?;
    }
    tx.commit().await?;
    let (Some(u), Some(e), true) = (user, elig, allowed) else {
        return Err(not_visible(user_id));
    };
    let recent_sign_ins = madoguchi_store::records::usage::recent_sign_ins(db, u.id, 5)
        .await?
        .into_iter()
        .map(|(at, agent)| (at, madoguchi_domain::usage::device_class(&agent)))
        .collect();
    let restricted = crate::eligibility::restriction::restricted(db, clock, u.id).await?;
    Ok(SeekerView {
        nationality: e.nationality,
        residence_status: e.residence_status,
        stay_until: e.stay_until,
        may_act,
        restricted,
        recent_sign_ins,
        user_ref: u.id,
        user_id: u.user_id,
        name: u.name,
        name_kana: u.name_kana,
        email: u.email,
        phone: u.phone,
        job_seeker_number: e.job_seeker_number,
        job_seeker_expires: e.job_seeker_expires,
        confirmed: e.job_seeker_confirmed_at.is_some(),
        exempt: e.booking_exempt,
        locked: u.locked_at.is_some(),
        suspended_reason: e.suspended_reason,
    })
}

/// What the console can do to a job seeker it may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// AC-11 / C2-1: confirm the job-seeker number.
    Confirm,
    /// N3-3: allow booking without a confirmed registration.
    Exempt,
    /// AC-8: lock the account at the person's request.
    Lock,
    /// AC-8: after checking identity, mail a single-use reset link.
    SendReset,
    /// BK-13, AC-12: suspend the account with a recorded reason.
    Suspend,
    /// Lift a suspension.
    Unsuspend,
    /// BK-12: lift the no-show restriction, with a reason.
    LiftRestriction,
}

impl Action {
    pub fn code(self) -> &'static str {
        match self {
            Self::Confirm => "confirm_registration",
            Self::Exempt => "grant_exemption",
            Self::Lock => "lock_account",
            Self::SendReset => "send_reset",
            Self::Suspend => "suspend_account",
            Self::Unsuspend => "lift_suspension",
            Self::LiftRestriction => "lift_restriction",
        }
    }
}

/// Carries out `action` on the job seeker, if this staff member may see them; audited with
/// `reason` (required for a suspension).
pub async fn act(
    db: &Db,
    clock: &dyn Clock,
    site: &crate::shared::Site,
    staff: &StaffMember,
    user_id: &str,
    action: Action,
    reason: &str,
) -> Result<(), AppError> {
    let needs_reason = matches!(action, Action::Suspend | Action::LiftRestriction);
    let reason = crate::shared::fields::text("reason", reason, FieldKind::MultiLine, 500, needs_reason)?;
    let reason = reason.as_str();
    let seeker = for_action(db, clock, staff, user_id).await?;
    let now = clock.now();
    // C2-1: the person is told, in the same transaction as the confirmation.
    let confirmed_letter = match action {
        Action::Confirm => crate::console::confirmations::letter(db, seeker.user_ref).await?,
        _ => None,
    };
    let mut tx = db.begin().await?;
    match action {
        Action::Confirm => {
            if !eligibility::confirm_job_seeker(&mut tx, seeker.user_ref, now).await? {
                return Err(AppError::Conflict("no job-seeker number has been recorded".into()));
            }
            if let Some((to, letter)) = &confirmed_letter {
                madoguchi_store::mail::outbox::enqueue(&mut tx, &letter.to(to), now).await?;
                madoguchi_store::mail::inbox::add(&mut tx, seeker.user_ref, &letter.subject, &letter.inbox_body(), now)
                    .await?;
            }
        }
        Action::Exempt => eligibility::set_exempt(&mut tx, seeker.user_ref, true).await?,
        Action::Lock => users::lock(&mut tx, seeker.user_ref, now).await?,
        Action::Suspend => eligibility::set_suspension(&mut tx, seeker.user_ref, Some(reason), now).await?,
        Action::Unsuspend => eligibility::set_suspension(&mut tx, seeker.user_ref, None, now).await?,
        Action::LiftRestriction => {
            eligibility::lift_restriction(&mut tx, seeker.user_ref, now, &format!("staff:{}", staff.id), reason).await?
        }
        Action::SendReset => {}
    }
    store::audit(&mut tx, staff.id, action.code(), Some(seeker.user_ref), reason, now).await?;
    tx.commit().await?;
    match action {
        Action::Lock => {
            sessions::delete_for_user(db, seeker.user_ref).await?;
        }
        Action::SendReset => crate::accounts::lock::send_reset(db, clock, site, &seeker.user_id).await?,
        Action::Confirm | Action::Exempt | Action::Suspend | Action::Unsuspend | Action::LiftRestriction => {}
    }
    Ok(())
}
