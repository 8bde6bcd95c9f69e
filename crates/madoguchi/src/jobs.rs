//! Background jobs run inside every `serve` process. A job runs only while this replica
//! holds its lease row, so N replicas never double-send or double-sweep. Every loop watches
//! the stop, also in the middle of a round (issue 11): a round waiting on a database that
//! does not answer is abandoned, which is as safe as the process being killed there (each
//! step is its own transaction; mail is at least once).

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::Duration;
use madoguchi_app::mail::{self, SmtpSettings, TlsMode, Transport};
use madoguchi_app::shared::Site;
use madoguchi_domain::clock::Clock;
use madoguchi_store::{Db, lease};
use tokio::sync::watch;

use crate::config::{Config, MailTls};

/// How often a replica looks for work, and how long its lease lasts without renewal.
const TICK: StdDuration = StdDuration::from_secs(5);
const LEASE: i64 = 30;
/// How long a stopping mailer waits to give its lease back.
const RELEASE_WAIT: StdDuration = StdDuration::from_secs(2);

/// The mail transport the configuration asks for, if any.
pub fn transport(config: &Config, demo: bool) -> Result<Option<Transport>, String> {
    let m = &config.mail;
    if !m.smtp_host.is_empty() {
        let settings = SmtpSettings {
            host: m.smtp_host.clone(),
            port: m.smtp_port,
            tls: match m.tls {
                MailTls::None => TlsMode::None,
                MailTls::Starttls => TlsMode::StartTls,
                MailTls::Tls => TlsMode::Tls,
            },
            username: m.username.clone(),
            password: m.password.clone(),
            from: m.from.clone(),
            timeout: StdDuration::from_secs(20),
        };
        return Transport::smtp(&settings).map(|t| Some(on_site(t, config)));
    }
    if demo {
        return Transport::files(m.demo_dir.clone(), &m.from).map(|t| Some(on_site(t, config)));
    }
    Ok(None)
}

/// Message-IDs name the site's public host when it is configured (else the sender's domain).
fn on_site(t: Transport, config: &Config) -> Transport {
    match &config.public_url {
        Some(url) => t.for_site(url),
        None => t,
    }
}

/// A name for this replica in lease rows: host and process.
pub fn owner() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "madoguchi".into());
    format!("{host}:{}", std::process::id())
}

/// Hourly housekeeping under the `housekeeping` lease: purge never-verified accounts
/// (AC-1) and sessions past their idle limit (AC-6), and the inactivity notices and
/// deletions (AC-10), which are idempotent within a day.
pub async fn housekeeping(
    db: Db,
    clock: Arc<dyn Clock>,
    site: Site,
    retention_days: i64,
    mut stop: watch::Receiver<bool>,
) {
    let me = owner();
    let round = || async {
        match lease::try_acquire(&db, "housekeeping", &me, Duration::minutes(50), clock.now()).await {
            Ok(true) => {
                if let Err(e) = run_housekeeping(&db, clock.as_ref(), &site, retention_days).await {
                    tracing::warn!(error = %e, "housekeeping failed");
                }
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "housekeeping lease check failed"),
        }
    };
    every(StdDuration::from_secs(3600), &mut stop, round).await;
}

/// Runs `round` now and then every `period` until `stop` changes, abandoning a round that
/// is still running when it does.
async fn every<F: Future<Output = ()>>(period: StdDuration, stop: &mut watch::Receiver<bool>, round: impl Fn() -> F) {
    loop {
        tokio::select! {
            () = round() => {}
            _ = stop.changed() => return,
        }
        tokio::select! {
            () = tokio::time::sleep(period) => {}
            _ = stop.changed() => return,
        }
    }
}

/// One round of housekeeping; also `madoguchi jobs run housekeeping`.
pub async fn run_housekeeping(db: &Db, clock: &dyn Clock, site: &Site, retention_days: i64) -> Result<(), String> {
    let swept = madoguchi_app::accounts::inactivity::sweep(db, clock, site)
        .await
        .map_err(|e| e.to_string())?;
    let accounts = madoguchi_app::accounts::register::purge_unverified(db, clock)
        .await
        .map_err(|e| e.to_string())?;
    let sessions = madoguchi_store::accounts::sessions::purge(db, clock.now() - madoguchi_app::accounts::session::IDLE)
        .await
        .map_err(|e| e.to_string())?;
    // Counted attempts older than every window (AC-5: 15 minutes, registrations: an hour).
    let attempts = madoguchi_store::accounts::attempts::purge(
        db,
        clock.now() - madoguchi_app::accounts::register::REGISTRATION_WINDOW,
        clock.now(),
    )
    .await
    .map_err(|e| e.to_string())?;
    let reminders = madoguchi_app::consultations::schedule::send_reminders(db, clock)
        .await
        .map_err(|e| e.to_string())?;
    // PV-1: usage entries older than the retention period, whole days at a time.
    let usage_purged = madoguchi_app::records::usage::purge(db, clock, retention_days)
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(
        accounts,
        usage_purged,
        sessions,
        attempts,
        reminders,
        noticed = swept.noticed,
        deleted = swept.deleted,
        "housekeeping done"
    );
    Ok(())
}

/// Every minute under the `no_shows` lease: reservations not joined by start + 10 minutes
/// become no-shows (BK-11), with the notices of BK-12.
pub async fn no_shows(db: Db, clock: Arc<dyn Clock>, mut stop: watch::Receiver<bool>) {
    let me = owner();
    let round = || async {
        match lease::try_acquire(&db, "no_shows", &me, Duration::seconds(90), clock.now()).await {
            Ok(true) => match madoguchi_app::consultations::no_show::sweep(&db, clock.as_ref()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(no_shows = n, "no-shows recorded"),
                Err(e) => tracing::warn!(error = %e, "no-show sweep failed"),
            },
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "no-show lease check failed"),
        }
    };
    every(StdDuration::from_secs(60), &mut stop, round).await;
}

/// Delivers the outbox while holding the `mailer` lease, until `stop` changes.
pub async fn mailer(db: Db, transport: Transport, clock: Arc<dyn Clock>, mut stop: watch::Receiver<bool>) {
    let me = owner();
    let round = || async {
        match lease::try_acquire(&db, "mailer", &me, Duration::seconds(LEASE), clock.now()).await {
            Ok(true) => match mail::deliver_due(&db, &transport, clock.as_ref(), 20).await {
                Ok(r) if r.sent + r.failed > 0 => tracing::info!(sent = r.sent, failed = r.failed, "mail delivered"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail delivery round failed"),
            },
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "mailer lease check failed"),
        }
    };
    every(TICK, &mut stop, round).await;
    // Hands the lease on early; a database that does not answer lets it expire instead.
    let _ = tokio::time::timeout(RELEASE_WAIT, lease::release(&db, "mailer", &me)).await;
}
