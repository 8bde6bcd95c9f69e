//! Disclosure (PV-2): the one way client addresses and user agents leave the system. Only a
//! national admin makes one, with the legal basis and the requesting authority; the export
//! is recorded in the same transaction as the audit entry, before anything is handed out.

use chrono::{Duration, NaiveDate, SecondsFormat};
use madoguchi_domain::characters::FieldKind;
use madoguchi_domain::clock::Clock;
use madoguchi_domain::usage::{Actor, Stored};
use madoguchi_store::Db;
use madoguchi_store::records::audit::{self as store, NewDisclosure};

use crate::AppError;
use crate::records::audit::{jst_midnight, national_only};
use crate::shared::StaffMember;
use crate::shared::fields;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "csv" => Some(Self::Csv),
            "json" => Some(Self::Json),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
        }
    }
}

/// What the national admin asks for, as typed.
#[derive(Debug, Clone)]
pub struct Request {
    pub legal_basis: String,
    pub authority: String,
    /// The person's user ID; empty for everyone in the period.
    pub subject_user_id: String,
    pub from: NaiveDate,
    /// Inclusive.
    pub until: NaiveDate,
    pub format: Format,
}

/// The file handed out.
#[derive(Debug, Clone)]
pub struct Export {
    pub id: i64,
    pub filename: String,
    pub content_type: &'static str,
    pub body: String,
    pub rows: usize,
}

/// The longest period one export may cover.
const MAX_DAYS: i64 = 400;

pub async fn export(db: &Db, clock: &dyn Clock, staff: &StaffMember, req: &Request) -> Result<Export, AppError> {
    national_only(staff)?;
    let basis = fields::text("legal_basis", &req.legal_basis, FieldKind::MultiLine, 500, true)?;
    let authority = fields::text("authority", &req.authority, FieldKind::SingleLine, 200, true)?;
    if req.until < req.from || (req.until - req.from).num_days() > MAX_DAYS {
        return Err(AppError::invalid(
            "invalid_period",
            "until",
            format!("the period must run forwards and cover at most {MAX_DAYS} days"),
        ));
    }
    let subject = req.subject_user_id.trim().to_ascii_lowercase();
    let subject_ref = if subject.is_empty() {
        None
    } else {
        let user = madoguchi_store::accounts::users::by_key(db, &subject).await?;
        Some(
            user.ok_or_else(|| AppError::NotFound {
                what: format!("job seeker {subject}"),
            })?
            .id,
        )
    };
    let (from, until) = (jst_midnight(req.from), jst_midnight(req.until + Duration::days(1)));
    let rows = madoguchi_store::records::usage::for_disclosure(db, subject_ref.map(Actor::User), from, until).await?;
    let body = match req.format {
        Format::Csv => csv(&rows),
        Format::Json => json(&rows),
    };
    let now = clock.now();
    let mut tx = db.begin().await?;
    let id = store::record_disclosure(
        &mut tx,
        &NewDisclosure {
            staff_ref: staff.id,
            legal_basis: &basis,
            authority: &authority,
            subject_ref,
            period_from: Some(req.from),
            period_until: Some(req.until),
            format: req.format.code(),
            rows: rows.len() as i64,
        },
        now,
    )
    .await?;
    let detail = format!("disclosure {id}: {authority}");
    madoguchi_store::accounts::staff::audit(&mut tx, staff.id, "disclosure_export", subject_ref, &detail, now).await?;
    tx.commit().await?;
    Ok(Export {
        id,
        filename: format!("disclosure-{id}.{}", req.format.code()),
        content_type: match req.format {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        },
        body,
        rows: rows.len(),
    })
}

const HEADER: [&str; 9] = [
    "time",
    "actor_kind",
    "actor_ref",
    "action",
    "outcome",
    "client_addr",
    "user_agent",
    "chain",
    "seq",
];

fn fields(r: &Stored) -> [String; 9] {
    let e = &r.entry;
    [
        e.at.to_rfc3339_opts(SecondsFormat::Micros, true),
        e.actor.kind().to_owned(),
        e.actor.reference().map(|x| x.to_string()).unwrap_or_default(),
        e.action.clone(),
        e.outcome.to_string(),
        e.client_addr.clone(),
        e.user_agent.clone(),
        e.chain.clone(),
        e.seq.to_string(),
    ]
}

/// RFC 4180: every field quoted, quotes doubled; CRLF line ends. A field a client chose (a
/// user agent) that a spreadsheet would run as a formula gets a leading apostrophe.
fn csv(rows: &[Stored]) -> String {
    let quote = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_owned()
        };
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    let mut out = HEADER.iter().map(|h| quote(h)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&fields(r).iter().map(|f| quote(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

fn json(rows: &[Stored]) -> String {
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let map: serde_json::Map<String, serde_json::Value> = HEADER
                .iter()
                .zip(fields(r))
                .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String(v)))
                .collect();
            serde_json::Value::Object(map)
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into())
}

/// Past disclosures for the national admin's page.
pub async fn history(db: &Db, staff: &StaffMember) -> Result<Vec<store::Disclosure>, AppError> {
    national_only(staff)?;
    Ok(store::disclosures(db, 100).await?)
}
