//! Reading the records: `audit verify` over the usage chains (PV-3), the national admin's
//! search of staff accesses and each job seeker's "who viewed my data" (PV-4).

use chrono::{DateTime, NaiveDate, Utc};
use madoguchi_domain::clock::jst;
use madoguchi_domain::staff::Role;
use madoguchi_domain::usage::{self, Break};
use madoguchi_store::Db;
use madoguchi_store::records::audit::{self as store, Access, Search};

use crate::AppError;
use crate::shared::StaffMember;

/// What `madoguchi audit verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub chains: usize,
    pub entries: i64,
    /// Chains not sealed: still being written, or their process stopped without a
    /// graceful shutdown. They are checked all the same.
    pub open: usize,
    /// The last hash of each chain, for an operator who keeps copies elsewhere.
    pub heads: Vec<(String, i64, String)>,
    /// The first broken or missing link, if any.
    pub problem: Option<Break>,
}

/// Entries read per query while walking a chain.
const PAGE: i64 = 5_000;

/// Walks every chain in order and stops at the first problem (PV-3). Safe to run while
/// servers write: entries added during the walk are accepted when the chain's head, read
/// again, covers them.
pub async fn verify(db: &Db) -> Result<Verified, AppError> {
    verify_scope(db, None).await
}

/// The same walk over the chains of one JST day only (`audit verify --day`): what an
/// operator checks daily, at a cost that does not grow with the rest of the year (issue 17).
pub async fn verify_day(db: &Db, day: NaiveDate) -> Result<Verified, AppError> {
    verify_scope(db, Some(day)).await
}

async fn verify_scope(db: &Db, day: Option<NaiveDate>) -> Result<Verified, AppError> {
    use madoguchi_store::records::usage as stored;
    let chains = match day {
        Some(d) => stored::chains_of_day(db, d).await?,
        None => stored::chains(db).await?,
    };
    let mut report = Verified {
        chains: chains.len(),
        entries: 0,
        open: chains.iter().filter(|c| c.sealed_at.is_none()).count(),
        heads: Vec::new(),
        problem: None,
    };
    let orphans = match day {
        Some(d) => stored::orphans_of_day(db, d).await?,
        None => stored::orphans(db).await?,
    };
    if let Some(chain) = orphans.into_iter().next() {
        report.problem = Some(Break::Orphan { chain });
        return Ok(report);
    }
    for chain in chains {
        if !chain.id.starts_with(&format!("{}/", chain.day)) {
            report.problem = Some(Break::Relabelled { chain: chain.id });
            return Ok(report);
        }
        let mut state = usage::start(&chain.id);
        // From the lowest number there is, so an entry numbered 0 or below is seen too.
        let mut cursor = i64::MIN;
        loop {
            let rows = madoguchi_store::records::usage::page(db, &chain.id, cursor, PAGE).await?;
            let Some(last) = rows.last() else { break };
            cursor = last.entry.seq;
            report.entries += rows.len() as i64;
            if let Err(b) = usage::check_segment(&mut state, &rows) {
                report.problem = Some(b);
                return Ok(report);
            }
        }
        let (mut head_seq, mut head_hash) = (chain.head_seq, chain.head_hash);
        if usage::check_head(&chain.id, &state, head_seq, &head_hash).is_err()
            && let Some(now) = madoguchi_store::records::usage::head(db, &chain.id).await?
        {
            (head_seq, head_hash) = now;
        }
        if let Err(b) = usage::check_head(&chain.id, &state, head_seq, &head_hash) {
            report.problem = Some(b);
            return Ok(report);
        }
        report.heads.push((chain.id, head_seq, head_hash));
    }
    Ok(report)
}

/// Reads heads as `verify` prints them (`CHAIN<TAB>#SEQ<TAB>HASH`); other lines are skipped.
pub fn parse_heads(text: &str) -> Vec<(String, i64, String)> {
    text.lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let (chain, seq, hash) = (f.next()?, f.next()?, f.next()?);
            let seq = seq.strip_prefix('#')?.parse().ok()?;
            Some((chain.to_owned(), seq, hash.trim().to_owned()))
        })
        .collect()
}

/// Compares heads copied elsewhere earlier with the database: each chain must still hold
/// that entry with that hash, unless the chain's day is past `purged_before` (retention).
/// This catches what the chain alone cannot: a chain deleted whole, or cut short or
/// rewritten together with its head.
pub async fn check_expected(
    db: &Db,
    expected: &[(String, i64, String)],
    purged_before: NaiveDate,
) -> Result<Option<Break>, AppError> {
    let chains = madoguchi_store::records::usage::chains(db).await?;
    for (id, seq, hash) in expected {
        if !chains.iter().any(|c| &c.id == id) {
            let day = id.split('/').next().and_then(|d| d.parse::<NaiveDate>().ok());
            if day.is_none_or(|d| d >= purged_before) {
                return Ok(Some(Break::Vanished { chain: id.clone() }));
            }
            continue;
        }
        let found = madoguchi_store::records::usage::page(db, id, seq - 1, 1).await?;
        if found.first().is_none_or(|r| r.entry.seq != *seq || &r.hash != hash) {
            return Ok(Some(Break::Rewritten {
                chain: id.clone(),
                seq: *seq,
            }));
        }
    }
    Ok(None)
}

/// What only the national administration may do: the access search and disclosures.
pub(crate) fn national_only(staff: &StaffMember) -> Result<(), AppError> {
    if staff.role == Role::NationalAdmin {
        Ok(())
    } else {
        Err(AppError::Forbidden {
            code: "not_allowed",
            message: "only a national administrator may do this",
        })
    }
}

/// The search form's fields, as typed.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub staff_user_id: String,
    pub seeker_user_id: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// The start of a JST day, as an instant.
pub fn jst_midnight(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(jst()).single())
        .map_or_else(
            || d.and_time(chrono::NaiveTime::MIN).and_utc(),
            |t| t.with_timezone(&Utc),
        )
}

/// PV-4: a national admin searches who looked at whom, when and why. An unknown job
/// seeker's user ID finds nothing rather than everything.
pub async fn search(db: &Db, staff: &StaffMember, q: &Query) -> Result<Vec<Access>, AppError> {
    national_only(staff)?;
    let seeker = q.seeker_user_id.trim().to_ascii_lowercase();
    let user_ref = if seeker.is_empty() {
        None
    } else {
        match madoguchi_store::accounts::users::by_key(db, &seeker).await? {
            Some(u) => Some(u.id),
            None => return Ok(Vec::new()),
        }
    };
    let staff_key = q.staff_user_id.trim().to_ascii_lowercase();
    let filter = Search {
        staff_key: (!staff_key.is_empty()).then_some(staff_key),
        user_ref,
        from: q.from.map(jst_midnight),
        until: q.until.map(|d| jst_midnight(d + chrono::Duration::days(1))),
        limit: 500,
    };
    Ok(store::search(db, &filter).await?)
}

/// One line of "who viewed my data": the office and role, never the staff member's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewed {
    pub at: DateTime<Utc>,
    /// `None` for the national administration: (Japanese, English).
    pub office_name: Option<(String, String)>,
    pub role: Role,
    pub action: String,
    pub purpose: String,
    /// IV-5: an employer's view through an interview link, by the company's name (then
    /// `office_name` and `role` say nothing; `action` is `employer_view`, `purpose` what
    /// was shown).
    pub employer: Option<String>,
}

/// PV-4: every staff access to the signed-in job seeker's data, and every employer view
/// of it through an interview link (IV-5), newest first.
pub async fn who_viewed(db: &Db, user_ref: i64) -> Result<Vec<Viewed>, AppError> {
    let rows = store::about_user(db, user_ref, 200).await?;
    let mut out: Vec<Viewed> = rows
        .into_iter()
        .map(|a| Viewed {
            at: a.at,
            office_name: a.office_name_ja.zip(a.office_name_en),
            role: Role::parse(&a.role).unwrap_or(Role::Counsellor),
            action: a.action,
            purpose: a.detail,
            employer: None,
        })
        .collect();
    let employers = madoguchi_store::interviews::links::views_of(db, user_ref, 200).await?;
    out.extend(employers.into_iter().map(|v| Viewed {
        at: v.at,
        office_name: None,
        role: Role::Counsellor,
        action: "employer_view".into(),
        purpose: v.shown,
        employer: Some(v.employer_name),
    }));
    out.sort_by_key(|v| std::cmp::Reverse(v.at));
    out.truncate(200);
    Ok(out)
}
