//! `madoguchi stats export`: the national statistics (rule PV-5) as CSV on standard output,
//! suppressed exactly as the staff page publishes them.

use chrono::NaiveDate;
use madoguchi_app::records::stats::{self, Period};

use crate::DbArgs;
use crate::serve_cmd::{load, open};

#[derive(clap::Subcommand)]
pub enum StatsAction {
    /// Print the published tables for `[--from, --to)` (JST dates) as `table,row,column,value`.
    Export {
        #[command(flatten)]
        db: DbArgs,
        /// First day included, YYYY-MM-DD.
        #[arg(long, value_parser = date)]
        from: NaiveDate,
        /// First day not included, YYYY-MM-DD.
        #[arg(long, value_parser = date)]
        to: NaiveDate,
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
        /// Only this office (five digits); default every office.
        #[arg(long)]
        office: Option<String>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
}

fn date(s: &str) -> Result<NaiveDate, String> {
    madoguchi_domain::dates::parse_date(s)
        .ok_or(())
        .map_err(|_| format!("`{s}` is not a date written YYYY-MM-DD"))
}

/// Checks the period before anything else, so a usage mistake exits 2 like clap's own.
pub fn period(action: &StatsAction) -> Result<Period, String> {
    let StatsAction::Export { from, to, .. } = action;
    Period::new(*from, *to).map_err(|e| e.to_string())
}

pub async fn run(period: Period, action: StatsAction) -> Result<(), String> {
    let StatsAction::Export { db, format, office, .. } = action;
    let config = load(&db, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let report = stats::national_report(&db, office.as_deref(), period)
        .await
        .map_err(|e| crate::explain::app_error(&url, &e));
    db.close().await;
    match format {
        Format::Csv => print!("{}", stats::csv(&report?)),
    }
    Ok(())
}
