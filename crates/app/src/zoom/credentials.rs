//! An office admin enters the office's Zoom Server-to-Server OAuth app (MT-2): account ID,
//! client ID, client secret and the webhook secret token. The secrets are sealed with the
//! operator key before they reach the database and are never shown back: the form shows
//! their last four characters. Saving is audited.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::administers;
use madoguchi_store::{Db, accounts::staff as staff_store, zoom as store};

use super::ZoomConfig;
use crate::AppError;
use crate::shared::secrets::tail;
use crate::shared::{FieldProblem, StaffMember};

/// What the admin typed.
#[derive(Default)]
pub struct Entered {
    pub account_id: String,
    pub client_id: String,
    pub client_secret: String,
    pub webhook_secret: String,
}

impl std::fmt::Debug for Entered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entered")
            .field("account_id", &self.account_id)
            .field("client_id", &self.client_id)
            .finish_non_exhaustive()
    }
}

/// What the form shows of an office's Zoom app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub account_id: String,
    pub client_id: String,
    pub secret_tail: String,
    pub webhook_tail: String,
}

pub(crate) fn may_manage(staff: &StaffMember, office: &str) -> Result<(), AppError> {
    if administers(staff.role, staff.office.as_deref(), office) {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "not_office_admin",
            message: "only the office's admins set up its apps",
        })
    }
}

/// The office's Zoom app as the form shows it, if set up.
pub async fn shown(db: &Db, staff: &StaffMember, office: &str) -> Result<Option<Shown>, AppError> {
    may_manage(staff, office)?;
    Ok(store::account(db, office).await?.map(|a| Shown {
        account_id: a.account_id,
        client_id: a.client_id,
        secret_tail: a.secret_tail,
        webhook_tail: a.webhook_tail,
    }))
}

/// One credential: required, at most 200 characters, visible ASCII without spaces (what
/// Zoom's app page shows).
fn credential(field: &'static str, value: &str, problems: &mut Vec<FieldProblem>) -> String {
    let v = value.trim();
    let code = if v.is_empty() {
        Some("required")
    } else if v.chars().count() > 200 {
        Some("too_long")
    } else if !v.chars().all(|c| c.is_ascii_graphic()) {
        Some("invalid_input")
    } else {
        None
    };
    if let Some(code) = code {
        problems.push(FieldProblem::new(field, code));
    }
    v.to_owned()
}

/// Saves the office's Zoom app with its secrets sealed; every field is checked first and
/// every problem reported at once.
pub async fn save(
    db: &Db,
    clock: &dyn Clock,
    config: &ZoomConfig,
    staff: &StaffMember,
    office: &str,
    entered: &Entered,
) -> Result<(), AppError> {
    may_manage(staff, office)?;
    let keys = config.keys()?;
    let mut problems = Vec::new();
    let account_id = credential("account_id", &entered.account_id, &mut problems);
    let client_id = credential("client_id", &entered.client_id, &mut problems);
    let client_secret = credential("client_secret", &entered.client_secret, &mut problems);
    let webhook_secret = credential("webhook_secret", &entered.webhook_secret, &mut problems);
    if !problems.is_empty() {
        return Err(AppError::Fields(problems));
    }
    let sealed_secret = keys.seal(&client_secret).map_err(|e| AppError::Random(e.to_string()))?;
    let sealed_webhook = keys
        .seal(&webhook_secret)
        .map_err(|e| AppError::Random(e.to_string()))?;
    let now = clock.now();
    let mut tx = db.begin().await?;
    store::put(
        &mut tx,
        &store::NewAccount {
            office_code: office,
            account_id: &account_id,
            client_id: &client_id,
            client_secret: &sealed_secret,
            secret_tail: &tail(&client_secret),
            webhook_secret: &sealed_webhook,
            webhook_tail: &tail(&webhook_secret),
        },
        staff.id,
        now,
    )
    .await?;
    staff_store::audit(&mut tx, staff.id, "set_zoom_credentials", None, office, now).await?;
    tx.commit().await?;
    Ok(())
}

/// `madoguchi secrets rotate`: every office's secrets sealed again with the current key
/// (the previous one given as well). Returns how many offices were rewritten.
pub async fn rotate(db: &Db, config: &ZoomConfig) -> Result<usize, AppError> {
    let keys = config.keys()?;
    let unopenable = |e: crate::shared::secrets::SealError| AppError::Refused {
        code: "secrets_key_missing",
        message: e.to_string(),
    };
    let mut n = 0;
    for a in store::all(db).await? {
        let secret = keys.reseal(&a.client_secret).map_err(unopenable)?;
        let webhook = keys.reseal(&a.webhook_secret).map_err(unopenable)?;
        // A cached token that does not open is simply dropped: the next call asks for one.
        let token = a.access_token.as_deref().and_then(|t| keys.reseal(t).ok());
        if store::reseal(db, &a, &secret, &webhook, token.as_deref()).await? {
            n += 1;
        }
    }
    Ok(n)
}
