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

/// A name for this replica in lease rows and in the `replica` label of `/metrics`: host and
/// process. systemd sets no `HOSTNAME`, so the kernel's host name comes next (hidden by the
/// unit's `ProcSubset=pid`, hence `/etc/hostname` after it).
pub fn owner() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "madoguchi".into());
    format!("{host}:{}", std::process::id())
}

/// Tells `/metrics` how a round of `job` went on this replica (issue 17): whether it holds
/// the lease, and (when a round it ran succeeded) the time, so an alert can see a job that
/// no replica has completed for too long. `replica` is `owner()`, as in `job_leases`.
fn report(job: &'static str, me: &str, round: Round, clock: &dyn Clock) {
    let held = !matches!(round, Round::NotHolder | Round::LeaseUnknown);
    metrics::gauge!("madoguchi_job_lease_held", "job" => job, "replica" => me.to_owned()).set(if held {
        1.0
    } else {
        0.0
    });
    match round {
        Round::Succeeded => {
            let at = clock.now().timestamp_millis() as f64 / 1000.0;
            metrics::gauge!("madoguchi_job_last_success_timestamp_seconds", "job" => job, "replica" => me.to_owned())
                .set(at);
        }
        Round::Failed | Round::LeaseUnknown => {
            metrics::counter!("madoguchi_job_failures_total", "job" => job).increment(1);
        }
        Round::NotHolder => {}
    }
}

/// How one round of a job went, for `report`.
#[derive(Clone, Copy)]
enum Round {
    Succeeded,
    Failed,
    /// Another replica holds the lease: nothing to do here.
    NotHolder,
    /// The lease could not be checked (the database did not answer).
    LeaseUnknown,
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
        let outcome = match lease::try_acquire(&db, "housekeeping", &me, Duration::minutes(50), clock.now()).await {
            Ok(true) => match run_housekeeping(&db, clock.as_ref(), &site, retention_days).await {
                Ok(()) => Round::Succeeded,
                Err(e) => {
                    tracing::warn!(error = %e, "housekeeping failed");
                    Round::Failed
                }
            },
            Ok(false) => Round::NotHolder,
            Err(e) => {
                tracing::warn!(error = %e, "housekeeping lease check failed");
                Round::LeaseUnknown
            }
        };
        report("housekeeping", &me, outcome, clock.as_ref());
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
    // Issue 15: Zoom webhook keys past any replay window (a day; the window is 5 minutes).
    let webhook_keys = madoguchi_store::zoom::webhooks::purge(db, clock.now() - Duration::days(1))
        .await
        .map_err(|e| e.to_string())?;
    tracing::info!(
        accounts,
        webhook_keys,
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
        let outcome = match lease::try_acquire(&db, "no_shows", &me, Duration::seconds(90), clock.now()).await {
            Ok(true) => match madoguchi_app::consultations::no_show::sweep(&db, clock.as_ref()).await {
                Ok(n) => {
                    if n > 0 {
                        tracing::info!(no_shows = n, "no-shows recorded");
                    }
                    Round::Succeeded
                }
                Err(e) => {
                    tracing::warn!(error = %e, "no-show sweep failed");
                    Round::Failed
                }
            },
            Ok(false) => Round::NotHolder,
            Err(e) => {
                tracing::warn!(error = %e, "no-show lease check failed");
                Round::LeaseUnknown
            }
        };
        report("no_shows", &me, outcome, clock.as_ref());
    };
    every(StdDuration::from_secs(60), &mut stop, round).await;
}

/// Every 30 seconds under the `zoom_meetings` lease (issue 15, MT-2): each `zoom`
/// reservation's meeting created, moved or deleted at Zoom, outside any booking transaction.
pub async fn zoom_meetings(
    db: Db,
    clock: Arc<dyn Clock>,
    zoom: madoguchi_app::zoom::ZoomConfig,
    mut stop: watch::Receiver<bool>,
) {
    let me = owner();
    let round = || async {
        let outcome = match lease::try_acquire(&db, "zoom_meetings", &me, Duration::seconds(90), clock.now()).await {
            Ok(true) => match madoguchi_app::zoom::meetings::run(&db, clock.as_ref(), &zoom).await {
                Ok(r) => {
                    metrics::counter!("madoguchi_zoom_retries_total").increment(r.retried as u64);
                    metrics::counter!("madoguchi_zoom_gave_up_total").increment(r.gave_up as u64);
                    if r != madoguchi_app::zoom::meetings::RoundReport::default() {
                        tracing::info!(
                            created = r.created,
                            patched = r.patched,
                            deleted = r.deleted,
                            retried = r.retried,
                            gave_up = r.gave_up,
                            "zoom meetings"
                        );
                    }
                    Round::Succeeded
                }
                Err(e) => {
                    tracing::warn!(error = %e, "zoom meetings round failed");
                    Round::Failed
                }
            },
            Ok(false) => Round::NotHolder,
            Err(e) => {
                tracing::warn!(error = %e, "zoom meetings lease check failed");
                Round::LeaseUnknown
            }
        };
        report("zoom_meetings", &me, outcome, clock.as_ref());
    };
    every(StdDuration::from_secs(30), &mut stop, round).await;
}

/// Delivers the outbox while holding the `mailer` lease, until `stop` changes.
pub async fn mailer(db: Db, transport: Transport, clock: Arc<dyn Clock>, mut stop: watch::Receiver<bool>) {
    let me = owner();
    let round = || async {
        let outcome = match lease::try_acquire(&db, "mailer", &me, Duration::seconds(LEASE), clock.now()).await {
            Ok(true) => match mail::deliver_due(&db, &transport, clock.as_ref(), 20).await {
                Ok(r) => {
                    if r.sent + r.failed > 0 {
                        tracing::info!(sent = r.sent, failed = r.failed, "mail delivered");
                    }
                    metrics::counter!("madoguchi_mail_sent_total").increment(r.sent as u64);
                    metrics::counter!("madoguchi_mail_send_failures_total").increment(r.failed as u64);
                    // A round that reached the SMTP server but had every send refused is no success.
                    if r.failed > 0 && r.sent == 0 {
                        Round::Failed
                    } else {
                        Round::Succeeded
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "mail delivery round failed");
                    Round::Failed
                }
            },
            Ok(false) => Round::NotHolder,
            Err(e) => {
                tracing::warn!(error = %e, "mailer lease check failed");
                Round::LeaseUnknown
            }
        };
        report("mailer", &me, outcome, clock.as_ref());
    };
    every(TICK, &mut stop, round).await;
    // Hands the lease on early; a database that does not answer lets it expire instead.
    let _ = tokio::time::timeout(RELEASE_WAIT, lease::release(&db, "mailer", &me)).await;
    report("mailer", &me, Round::NotHolder, clock.as_ref());
}
