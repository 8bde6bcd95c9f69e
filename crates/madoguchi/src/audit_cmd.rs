//! `madoguchi audit verify` (PV-3): walks the usage record's chains and reports the first
//! broken or missing link. It prints each chain's head hash, which an operator may copy
//! elsewhere: a copy kept off the database also shows a chain rewritten from scratch.

use crate::DbArgs;
use crate::serve_cmd::{load, open};

pub async fn verify(args: DbArgs) -> Result<(), String> {
    let config = load(&args, None)?;
    let db = open(&config).await?;
    let report = madoguchi_app::audit::verify(&db).await;
    db.close().await;
    let report = report.map_err(|e| e.to_string())?;
    for (chain, seq, hash) in &report.heads {
        println!("{chain}\t#{seq}\t{hash}");
    }
    match report.problem {
        None => {
            println!(
                "audit verify: OK — {} entries in {} chains ({} still open)",
                report.entries, report.chains, report.open
            );
            Ok(())
        }
        Some(b) => Err(format!("audit verify: FAILED — {b}")),
    }
}
