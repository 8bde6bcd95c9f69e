//! The meeting apps an office uses per service (rule MT-1, issue 15): its admins choose
//! among `builtin`, `zoom`, `teleoffice` and `e_tumo` for consultations and for seminars, and
//! which one the template and seminar forms start from. An office that never chose offers
//! every app. TeleOffice and e-TUMO have no API: their meeting details stay hand-entered.

use madoguchi_domain::clock::Clock;
use madoguchi_domain::staff::administers;
use madoguchi_store::{Db, accounts::staff as staff_store, offices::apps as store};

use crate::AppError;
use crate::shared::StaffMember;

/// Every meeting app (BK-1, MT-1), in the order forms list them.
pub const APPS: [&str; 4] = ["zoom", "teleoffice", "e_tumo", "builtin"];
/// The services an office chooses apps for.
pub const SERVICES: [&str; 2] = ["consultation", "seminar"];

/// An office's apps for one service, and the one forms start from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub service: &'static str,
    pub apps: Vec<&'static str>,
    pub default: &'static str,
}

/// The office's choice for each service (every app, starting from the first, if it never chose).
pub async fn for_office(db: &Db, office: &str) -> Result<Vec<Choice>, AppError> {
    let rows = store::list(db, office).await?;
    Ok(SERVICES
        .iter()
        .map(|service| {
            let mine: Vec<_> = rows.iter().filter(|r| r.service == *service).collect();
            let apps: Vec<&'static str> = APPS
                .iter()
                .copied()
                .filter(|a| mine.is_empty() || mine.iter().any(|r| r.app == *a))
                .collect();
            let default = mine
                .iter()
                .find(|r| r.is_default)
                .and_then(|r| APPS.iter().copied().find(|a| *a == r.app))
                .or_else(|| apps.first().copied())
                .unwrap_or(APPS[0]);
            Choice { service, apps, default }
        })
        .collect())
}

/// The office's choice for `service`.
pub async fn choice(db: &Db, office: &str, service: &str) -> Result<Choice, AppError> {
    for_office(db, office)
        .await?
        .into_iter()
        .find(|c| c.service == service)
        .ok_or_else(|| AppError::invalid("invalid_choice", "service", "consultation or seminar"))
}

/// Refuses an app the office does not use for `service` (`app_not_offered`), or no app at all.
pub async fn check_offered(db: &Db, office: &str, service: &str, app: &str) -> Result<(), AppError> {
    if !APPS.contains(&app) {
        return Err(AppError::invalid("invalid_choice", "app", "choose a meeting app"));
    }
    if choice(db, office, service).await?.apps.contains(&app) {
        Ok(())
    } else {
        Err(AppError::invalid(
            "app_not_offered",
            "app",
            "the office does not use this app for this service",
        ))
    }
}

/// An office admin sets the apps for `service` and the default; audited.
pub async fn set(
    db: &Db,
    clock: &dyn Clock,
    staff: &StaffMember,
    office: &str,
    service: &str,
    apps: &[String],
    default: &str,
) -> Result<(), AppError> {
    if !administers(staff.role, staff.office.as_deref(), office) {
        return Err(AppError::Forbidden {
            code: "not_office_admin",
            message: "only the office's admins choose its apps",
        });
    }
    let Some(service) = SERVICES.iter().copied().find(|s| *s == service) else {
        return Err(AppError::invalid(
            "invalid_choice",
            "service",
            "consultation or seminar",
        ));
    };
    let chosen: Vec<&str> = APPS.iter().copied().filter(|a| apps.iter().any(|x| x == a)).collect();
    if apps.iter().any(|a| !APPS.contains(&a.as_str())) {
        return Err(AppError::invalid(
            "invalid_choice",
            "apps",
            "choose among the meeting apps",
        ));
    }
    if chosen.is_empty() {
        return Err(AppError::invalid("required", "apps", "choose at least one app"));
    }
    if !chosen.contains(&default) {
        return Err(AppError::invalid(
            "invalid_choice",
            "default",
            "the default must be one of the chosen apps",
        ));
    }
    let now = clock.now();
    let mut tx = db.begin().await?;
    store::set(&mut tx, office, service, &chosen, default).await?;
    staff_store::audit(
        &mut tx,
        staff.id,
        "set_office_apps",
        None,
        &format!("{office} {service}: {} (default {default})", chosen.join(",")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
