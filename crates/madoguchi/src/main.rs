//! `madoguchi`: the one binary. `serve` runs the web application; `migrate`, `office`,
//! `backup`, `restore`, `stats export` and `text check` are the operator's tools.

mod audit_cmd;
mod backup_cmd;
mod config;
mod db_lock;
mod explain;
mod jobs;
mod limits;
mod office_cmd;
mod room_config;
mod serve_cmd;
mod shutdown;
mod stats_cmd;
mod text_check;
mod zoom_config;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "madoguchi",
    version,
    about = "The online counter of Japan's public employment offices (Hello Work)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the configuration comes from; shared by every command that opens the database.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct DbArgs {
    /// Configuration file (default: ./madoguchi.toml if present).
    // `global`: accepted anywhere after the command, also after its subcommand
    // (`madoguchi audit verify --database-url …`).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// `sqlite:PATH` (created if absent) or `postgres://…`.
    #[arg(long, value_name = "URL", global = true)]
    pub database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application.
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Address and port to listen on (default 127.0.0.1:8080; port 0 picks a free one).
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<SocketAddr>,
        /// Seed demo offices on first start.
        #[arg(long)]
        demo: bool,
        /// With --demo: a clock that /dev/clock moves forward, for browser tests of
        /// no-shows and the day of a consultation.
        #[arg(long, requires = "demo")]
        test_clock: bool,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// SQLite: write a consistent copy of the database to a new file, also while `serve`
    /// runs (PostgreSQL: use pg_dump).
    Backup {
        #[command(flatten)]
        db: DbArgs,
        /// The copy to write; an existing file is never overwritten.
        #[arg(long, value_name = "FILE")]
        to: PathBuf,
    },
    /// SQLite: check a copy made by `backup` and put it in place of the database, which no
    /// process may have open; the replaced file is kept beside it (PostgreSQL: use pg_restore).
    Restore {
        #[command(flatten)]
        db: DbArgs,
        /// The copy to restore.
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
    /// NT-2: switch the whole system to `open`, `read-only` or `closed` (with a notice).
    Maintenance {
        #[command(flatten)]
        db: DbArgs,
        /// open | read-only | closed
        mode: String,
        /// The notice's title (required for read-only and closed).
        #[arg(long)]
        title: Option<String>,
        /// The notice's text.
        #[arg(long, default_value = "")]
        body: String,
    },
    /// Add, edit and list offices and their closures.
    Office {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        action: office_cmd::OfficeAction,
    },
    /// Staff accounts: the first national admin, and staff for automation.
    Admin {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Job-seeker accounts: the office's tools until the staff console exists.
    Account {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        action: AccountAction,
    },
    /// Background jobs, one round at a time (they also run inside every `serve`).
    Jobs {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        action: JobAction,
    },
    /// PV-3: check the usage record's hash chains.
    Audit {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        action: AuditAction,
    },
    /// PV-5 statistics: aggregate counts with small cells suppressed.
    Stats {
        #[command(subcommand)]
        action: stats_cmd::StatsAction,
    },
    /// Text tools for operators.
    Text {
        #[command(subcommand)]
        action: TextAction,
    },
    /// Print the OpenAPI document of the JSON API.
    Openapi,
    /// The operator key that seals offices' Zoom secrets (issue 15).
    Secrets {
        #[command(flatten)]
        db: DbArgs,
        #[command(subcommand)]
        action: SecretsAction,
    },
}

#[derive(Subcommand)]
enum SecretsAction {
    /// Seal every office's secrets again with `secrets.key`; give the old key as
    /// `secrets.previous_key` (MADOGUCHI_SECRETS__PREVIOUS_KEY) for the run.
    Rotate,
}

#[derive(Subcommand)]
enum AdminAction {
    /// Create a national admin; prints the password, the TOTP secret and an otpauth URI once.
    CreateNationalAdmin {
        #[arg(long)]
        user_id: String,
        #[arg(long, default_value = "本省管理者")]
        name: String,
    },
    /// Create a staff account; prints the password and the TOTP secret once.
    CreateStaff {
        /// counsellor, office_admin or national_admin
        #[arg(long)]
        role: String,
        /// Five-digit office code (not for national_admin).
        #[arg(long)]
        office: Option<String>,
        #[arg(long)]
        user_id: String,
        #[arg(long, default_value = "職員")]
        name: String,
    },
}

#[derive(Subcommand)]
enum AccountAction {
    /// After checking the person's identity, mail a single-use link to set a new password;
    /// using it lifts a lock (rule AC-8).
    SendReset { user_id: String },
    /// Confirm the job-seeker number the person recorded (rule AC-11), after checking it.
    ConfirmJobSeeker { user_id: String },
    /// Lift the pause on online booking after repeated no-shows (rule BK-12), with the
    /// reason, which is kept with the lift.
    LiftRestriction {
        user_id: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand)]
enum JobAction {
    /// Run one round of a job: `mailer` delivers due mail; `housekeeping` purges unverified accounts and old sessions.
    Run { name: String },
}

#[derive(Subcommand)]
enum AuditAction {
    /// Walk every chain; report the first broken or missing link and exit 1 if there is one.
    Verify {
        /// The output of an earlier run, kept outside the database: each head it lists must
        /// still be there (unless purged by retention).
        #[arg(long, value_name = "FILE")]
        expect_heads: Option<PathBuf>,
        /// Only the chains of this JST day (YYYY-MM-DD): the daily check, whose cost does
        /// not grow with the rest of the year.
        #[arg(long, value_name = "DATE", conflicts_with = "expect_heads")]
        day: Option<chrono::NaiveDate>,
    },
}

#[derive(Subcommand)]
enum TextAction {
    /// Check lines from standard input against the N10 character rules.
    /// Prints `LINE:COLUMN U+XXXX REASON [→ SUGGESTION]` per offending character.
    Check {
        /// Check against the password alphabet (rule AC-3) instead.
        #[arg(long, conflicts_with = "multiline")]
        password: bool,
        /// Judge as a multi-line field: CR is accepted.
        #[arg(long)]
        multiline: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Text {
            action: TextAction::Check { password, multiline },
        } => text_check::run(password, multiline),
        Command::Openapi => {
            println!("{}", madoguchi_web::api::doc::openapi_pretty());
            ExitCode::SUCCESS
        }
        Command::Serve {
            db,
            listen,
            demo,
            test_clock,
        } => run_async(serve_cmd::run(db, listen, demo, test_clock)),
        Command::Migrate { db } => run_async(serve_cmd::migrate(db)),
        Command::Backup { db, to } => backup_cmd::backup(db, to),
        Command::Restore { db, from } => backup_cmd::restore(db, from),
        Command::Office { db, action } => run_async(office_cmd::run(db, action)),
        Command::Stats { action } => match stats_cmd::period(&action) {
            Ok(period) => run_async(stats_cmd::run(period, action)),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
        Command::Maintenance { db, mode, title, body } => run_async(serve_cmd::maintenance(db, mode, title, body)),
        Command::Admin { db, action } => match action {
            AdminAction::CreateNationalAdmin { user_id, name } => run_async(serve_cmd::create_staff(
                db,
                "national_admin".into(),
                None,
                user_id,
                name,
            )),
            AdminAction::CreateStaff {
                role,
                office,
                user_id,
                name,
            } => run_async(serve_cmd::create_staff(db, role, office, user_id, name)),
        },
        Command::Account {
            db,
            action: AccountAction::SendReset { user_id },
        } => run_async(serve_cmd::send_reset(db, &user_id)),
        Command::Account {
            db,
            action: AccountAction::ConfirmJobSeeker { user_id },
        } => run_async(serve_cmd::confirm_job_seeker(db, &user_id)),
        Command::Account {
            db,
            action: AccountAction::LiftRestriction { user_id, reason },
        } => run_async(serve_cmd::lift_restriction(db, &user_id, &reason)),
        Command::Jobs {
            db,
            action: JobAction::Run { name },
        } => run_async(serve_cmd::run_job(db, &name)),
        Command::Audit {
            db,
            action: AuditAction::Verify { expect_heads, day },
        } => run_async(audit_cmd::verify(db, expect_heads.as_deref(), day)),
        Command::Secrets {
            db,
            action: SecretsAction::Rotate,
        } => run_async(serve_cmd::rotate_secrets(db)),
    }
}

/// Runs an async command; its error is one line on stderr and a non-zero exit.
fn run_async(fut: impl std::future::Future<Output = Result<(), String>>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(fut);
    // Tasks left behind (a connection cut off at the end of `serve`'s grace period, a
    // password hash) must not hold the exit.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
