//! `madoguchi audit verify` (PV-3): walks the usage record's chains and reports the first
//! broken or missing link. It prints each chain's head; kept off the database (a ticket, a
//! write-once store) and given back with `--expect-heads FILE`, those copies also reveal a
//! chain deleted whole, or cut short or rewritten together with its head.

use std::path::Path;

use chrono::{Duration, NaiveDate};
use madoguchi_domain::clock::{Clock, SystemClock};

use crate::DbArgs;
use crate::serve_cmd::{load, open};

pub async fn verify(args: DbArgs, expect_heads: Option<&Path>, day: Option<NaiveDate>) -> Result<(), String> {
    let expected = match expect_heads {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read the heads file {}: {e}", path.display()))?;
            madoguchi_app::records::audit::parse_heads(&text)
        }
        None => Vec::new(),
    };
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let url = config.database_url()?;
    let purged_before = SystemClock.today_jst() - Duration::days(i64::from(config.usage.retention_days.max(1)));
    let report = match day {
        Some(d) => madoguchi_app::records::audit::verify_day(&db, d).await,
        None => madoguchi_app::records::audit::verify(&db).await,
    };
    let earlier = match &report {
        Ok(r) if r.problem.is_none() => {
            madoguchi_app::records::audit::check_expected(&db, &expected, purged_before).await
        }
        _ => Ok(None),
    };
    db.close().await;
    let report = report.map_err(|e| crate::explain::app_error(&url, &e))?;
    for (chain, seq, hash) in &report.heads {
        println!("{chain}\t#{seq}\t{hash}");
    }
    match report
        .problem
        .or(earlier.map_err(|e| crate::explain::app_error(&url, &e))?)
    {
        None => {
            println!(
                "audit verify: OK — {} entries in {} chains ({} still open; {} earlier heads matched)",
                report.entries,
                report.chains,
                report.open,
                expected.len()
            );
            Ok(())
        }
        Some(b) => Err(format!("audit verify: FAILED — {b}")),
    }
}
