//! `serve` and `migrate`: load configuration, open the database, run.

use std::net::SocketAddr;
use std::sync::Arc;

use madoguchi_app::demo::{SEEKER_ID, SEEKER_PASSWORD};
use madoguchi_domain::clock::{Clock, OffsetClock, SystemClock};
use madoguchi_store::{DatabaseUrl, Db, connect};
use madoguchi_web::AppState;
use tracing_subscriber::EnvFilter;

use crate::config::{self, Config, LogFormat, Overrides};
use crate::shutdown::Shutdown;
use crate::{DbArgs, explain};

/// Loads configuration from flags, the file and the environment.
pub fn load(db: &DbArgs, listen: Option<SocketAddr>) -> Result<Config, String> {
    let flags = Overrides {
        config: db.config.clone(),
        listen,
        database_url: db.database_url.clone(),
    };
    config::load(&flags, std::env::vars())
}

/// Opens and migrates the configured database. A SQLite file's lock (`db_lock`) is taken
/// first: during a restore nothing is opened, so no file is created where the copy goes.
pub async fn open(config: &Config) -> Result<Db, String> {
    let url = config.database_url()?;
    if let DatabaseUrl::Sqlite(path) = &url {
        crate::db_lock::hold_shared(path)?;
    }
    let db = connect(&url, config.pool_sizes())
        .await
        .map_err(|e| explain::store_error(&url, &e))?;
    db.migrate().await.map_err(|e| explain::store_error(&url, &e))?;
    Ok(db)
}

fn init_logging(config: &Config) {
    let filter = EnvFilter::try_new(&config.log.level).unwrap_or_else(|_| EnvFilter::new("info"));
    // Colour only on a terminal: log files and shippers get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi);
    // A second init (tests) is harmless; ignore it.
    let _ = match config.log.format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// `madoguchi jobs run NAME`: one round of a job, for cron-style operation.
pub async fn run_job(args: DbArgs, name: &str) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let clock = SystemClock;
    let result = match name {
        "mailer" => {
            let transport = crate::jobs::transport(&config, false)?
                .ok_or("mail.smtp_host is not set, so there is nowhere to send mail")?;
            madoguchi_app::mail::deliver_due(&db, &transport, &clock, 200)
                .await
                .map(|r| println!("mailer: {} sent, {} failed", r.sent, r.failed))
                .map_err(|e| explain::store_error(&url, &e))
        }
        "housekeeping" => {
            let site = madoguchi_app::shared::Site {
                base_url: base_url(&config, config.listen),
            };
            crate::jobs::run_housekeeping(&db, &clock, &site, i64::from(config.usage.retention_days.max(1))).await
        }
        "no-shows" => madoguchi_app::consultations::no_show::sweep(&db, &clock)
            .await
            .map(|n| println!("no-shows: {n} recorded"))
            .map_err(|e| explain::app_error(&url, &e)),
        "zoom-meetings" => {
            let zoom = crate::zoom_config::zoom_config(&config.secrets, &config.zoom)?;
            madoguchi_app::zoom::meetings::run(&db, &clock, &zoom)
                .await
                .map(|r| println!("zoom-meetings: {r:?}"))
                .map_err(|e| explain::app_error(&url, &e))
        }
        other => Err(format!(
            "unknown job {other}; jobs: mailer, housekeeping, no-shows, zoom-meetings"
        )),
    };
    db.close().await;
    result
}

/// `madoguchi secrets rotate`: every office's Zoom secrets sealed again with `secrets.key`,
/// opening them with `secrets.previous_key` where the new key does not (issue 15).
pub async fn rotate_secrets(args: DbArgs) -> Result<(), String> {
    let config = load(&args, None)?;
    let zoom = crate::zoom_config::zoom_config(&config.secrets, &config.zoom)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let result = madoguchi_app::zoom::credentials::rotate(&db, &zoom)
        .await
        .map(|n| println!("secrets: {n} offices sealed again with the current key"))
        .map_err(|e| explain::app_error(&url, &e));
    db.close().await;
    result
}

/// `madoguchi account send-reset USER_ID`
pub async fn send_reset(args: DbArgs, user_id: &str) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let site = madoguchi_app::shared::Site {
        base_url: base_url(&config, config.listen),
    };
    let result = madoguchi_app::accounts::lock::send_reset(&db, &SystemClock, &site, user_id)
        .await
        .map(|()| println!("a reset link is on its way to the registered address of {user_id}"))
        .map_err(|e| explain::app_error(&url, &e));
    db.close().await;
    result
}

/// `madoguchi admin create-national-admin | create-staff`: prints the credentials once.
pub async fn create_staff(
    args: DbArgs,
    role: String,
    office: Option<String>,
    user_id: String,
    name: String,
) -> Result<(), String> {
    let role = madoguchi_domain::staff::Role::parse(&role)
        .ok_or_else(|| format!("unknown role {role}; roles: counsellor, office_admin, national_admin"))?;
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let limits = config.security.limits();
    let result = madoguchi_app::console::staff::create(
        &db,
        &SystemClock,
        &limits,
        None,
        role,
        office.as_deref(),
        &user_id,
        &name,
    )
    .await;
    db.close().await;
    let c = result.map_err(|e| explain::app_error(&url, &e))?;
    println!("created {} {}", role.code(), c.user_id);
    println!("password: {}", c.password);
    println!("TOTP secret: {}", c.totp_secret);
    println!("otpauth URI: {}", c.otpauth_uri);
    println!("Store these now: they are not shown again.");
    Ok(())
}

/// `madoguchi account confirm-job-seeker USER_ID`
pub async fn confirm_job_seeker(args: DbArgs, user_id: &str) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let result = madoguchi_app::console::confirmations::confirm_by_operator(&db, &SystemClock, user_id)
        .await
        .map(|()| println!("the job-seeker number of {user_id} is confirmed"))
        .map_err(|e| explain::app_error(&url, &e));
    db.close().await;
    result
}

pub async fn lift_restriction(args: DbArgs, user_id: &str, reason: &str) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let result = madoguchi_app::eligibility::restriction::lift_for(&db, &SystemClock, user_id, reason)
        .await
        .map(|()| println!("online booking is open again for {user_id}"))
        .map_err(|e| e.to_string());
    db.close().await;
    result
}

/// Where links in mail point: `public_url`, or this server's own address.
pub(crate) fn base_url(config: &Config, addr: SocketAddr) -> String {
    config.public_url.clone().unwrap_or_else(|| format!("http://{addr}"))
}

pub async fn migrate(args: DbArgs) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    println!("migrations applied to {}", config.database_url()?);
    db.close().await;
    Ok(())
}

pub async fn run(args: DbArgs, listen: Option<SocketAddr>, demo: bool, test_clock: bool) -> Result<(), String> {
    let config = load(&args, listen)?;
    init_logging(&config);
    // The metrics recorder before the jobs: what their first round reports is kept.
    madoguchi_web::http::health::prometheus();
    let url = config.database_url()?;
    let db = open(&config).await?;
    tracing::info!(database = %url, "database ready");
    let offset_clock = (demo && test_clock).then(|| Arc::new(OffsetClock::default()));
    let clock: Arc<dyn Clock> = match &offset_clock {
        Some(c) => c.clone(),
        None => Arc::new(SystemClock),
    };
    if demo
        && madoguchi_app::demo::seed_if_empty(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?
    {
        tracing::info!("demo offices seeded");
    }
    if demo {
        let terms = madoguchi_app::demo::seed_terms(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?;
        tracing::info!(terms, "demo terms versions");
    }
    let demo_staff = if demo {
        madoguchi_app::demo::seed_staff(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?
    } else {
        Vec::new()
    };
    if demo
        && madoguchi_app::demo::seed_job_seeker(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?
    {
        tracing::info!("demo job seeker seeded");
    }
    if demo {
        let seminars = madoguchi_app::demo::seed_seminars(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?;
        tracing::info!(seminars, "demo seminars");
        let translations = madoguchi_app::demo::translations::seed_translations(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?;
        tracing::info!(translations, "demo English texts of a notice, a seminar and the terms");
    }
    if demo {
        let slots = madoguchi_app::demo::seed_slots(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?;
        tracing::info!(slots, "demo consultation slots");
        let past = madoguchi_app::demo::history::seed_history(&db, clock.as_ref())
            .await
            .map_err(|e| explain::app_error(&url, &e))?;
        tracing::info!(past, "demo finished consultations for the statistics");
    }
    let transport = crate::jobs::transport(&config, demo)?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!(
        "Madoguchi is running on {} ({}). Open http://{addr}/",
        url.backend(),
        url
    );
    let base_url = base_url(&config, addr);
    let site = madoguchi_app::shared::Site {
        base_url: base_url.clone(),
    };
    let zoom = crate::zoom_config::zoom_config(&config.secrets, &config.zoom)?;
    let shutdown = Shutdown::new(config.shutdown.grace());
    let mut workers = vec![(
        "housekeeping",
        tokio::spawn(crate::jobs::housekeeping(
            db.clone(),
            clock.clone(),
            site,
            i64::from(config.usage.retention_days.max(1)),
            shutdown.jobs(),
        )),
    )];
    workers.push((
        "no-shows",
        tokio::spawn(crate::jobs::no_shows(db.clone(), clock.clone(), shutdown.jobs())),
    ));
    if zoom.keys.is_some() {
        workers.push((
            "zoom-meetings",
            tokio::spawn(crate::jobs::zoom_meetings(
                db.clone(),
                clock.clone(),
                zoom.clone(),
                shutdown.jobs(),
            )),
        ));
    }
    match transport {
        Some(t) => workers.push((
            "mailer",
            tokio::spawn(crate::jobs::mailer(db.clone(), t, clock.clone(), shutdown.jobs())),
        )),
        None => tracing::warn!("mail.smtp_host is not set: mail waits in the outbox until it is"),
    }
    let retention = i64::from(config.usage.retention_days.max(1));
    let (usage_stop, usage_stopped) = tokio::sync::watch::channel(None);
    let (usage, usage_writer) = if config.usage.record {
        let instance = madoguchi_app::records::usage::instance_name().map_err(|e| e.to_string())?;
        let (r, h) =
            madoguchi_app::records::usage::start(db.clone(), clock.clone(), instance, retention, usage_stopped);
        (r, Some(h))
    } else {
        tracing::warn!("usage.record is off: requests are not recorded (PV-1)");
        (madoguchi_app::records::usage::Recorder::off(retention), None)
    };
    let state = AppState {
        usage,
        db: db.clone(),
        clock,
        site: madoguchi_app::shared::Site { base_url },
        cookie_secure: config.cookie_secure,
        mailbox: (demo && config.mail.smtp_host.is_empty()).then(|| config.mail.demo_dir.clone()),
        test_clock: offset_clock,
        maintenance: madoguchi_web::http::maintenance::ModeCache::default(),
        http: crate::limits::http_config(&config.http, &config.metrics),
        limits: config.security.limits(),
        room: madoguchi_web::room::Rooms::start(&db, config.room.config())
            .await
            .map_err(|e| format!("room signalling: {e}"))?,
        zoom: zoom.clone(),
    };
    tracing::info!(http = ?state.http, "connection limits");
    if demo {
        println!("Demo job seeker: user ID {SEEKER_ID} / password {SEEKER_PASSWORD}");
        println!(
            "Second demo job seeker: user ID {} / password {SEEKER_PASSWORD}",
            madoguchi_app::demo::SEEKER2_ID
        );
        for (role, c) in &demo_staff {
            println!(
                "Demo staff ({role}) at http://{addr}/staff/sign-in: user ID {} / password {} / TOTP {}",
                c.user_id, c.password, c.otpauth_uri
            );
        }
        if state.mailbox.is_some() {
            println!("Mail is not sent in demo mode; read it at http://{addr}/dev/mail");
        }
        if state.test_clock.is_some() {
            println!("Test clock: move the server's time forward at http://{addr}/dev/clock");
        }
    }
    let served = shutdown
        .within_grace(madoguchi_web::serve(listener, state, shutdown.signal()))
        .await;
    match served {
        Some(result) => result.map_err(|e| format!("server error: {e}"))?,
        // Their transactions were not committed and they get no answer: nothing is lost.
        None => tracing::warn!("requests still running at the end of the grace period were cut off"),
    }
    // Every request has finished: write what the usage record still holds, then seal.
    usage_stop.send_replace(Some(shutdown.deadline()));
    if let Some(w) = usage_writer {
        shutdown.join("usage writer", w).await;
    }
    for (name, w) in workers {
        shutdown.join(name, w).await;
    }
    if shutdown.within_grace(db.close()).await.is_none() {
        tracing::warn!("database connections were not closed before the end of the grace period");
    }
    println!("Madoguchi stopped.");
    Ok(())
}

/// `madoguchi maintenance open|read-only|closed [--title T --body B]` (NT-2): every replica
/// follows within seconds, since the switch lives in the database.
pub async fn maintenance(args: DbArgs, mode: String, title: Option<String>, body: String) -> Result<(), String> {
    use madoguchi_app::notices::{self, Mode, Publisher};
    let mode = Mode::parse(&mode).ok_or_else(|| format!("unknown mode {mode}; modes: open, read-only, closed"))?;
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let body = if body.trim().is_empty() {
        title.clone().unwrap_or_default()
    } else {
        body
    };
    let notice = title.as_deref().map(|t| (t, body.as_str()));
    let result = notices::switch(&db, &SystemClock, Publisher::Operator, mode, notice)
        .await
        .map(|()| println!("maintenance: {}", mode.code()))
        .map_err(|e| explain::app_error(&url, &e));
    db.close().await;
    result
}
