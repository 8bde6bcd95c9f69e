//! Interviews with employers (rules IV-1, IV-4, IV-5): staff arrange one and record its
//! outcome (`arrange`), the job seeker answers, sharing what they choose, or withdraws
//! (`answer`), the employer opens the mailed link (`employer`); the letters (`letters`).
//! Selection days (IV-2) and the interview room (IV-3) live elsewhere.

pub mod answer;
pub mod arrange;
pub mod employer;
pub mod letters;
pub mod representatives;

use madoguchi_domain::interview::{Outcome, Shares, State};
use madoguchi_domain::staff::Role;
use madoguchi_store::Db;
use madoguchi_store::interviews::{self as store, InterviewRow};

use crate::AppError;
use crate::shared::StaffMember;

/// An interview as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    pub row: InterviewRow,
    pub state: State,
    pub outcome: Option<Outcome>,
}

impl Interview {
    fn from_row(row: InterviewRow) -> Result<Self, AppError> {
        let state = State::parse(&row.state).ok_or_else(|| corrupt(&row.state))?;
        let outcome = match row.outcome.as_deref() {
            Some(o) => Some(Outcome::parse(o).ok_or_else(|| corrupt(o))?),
            None => None,
        };
        Ok(Self { row, state, outcome })
    }

    pub fn id(&self) -> i64 {
        self.row.id
    }

    /// IV-5: what the job seeker agreed to share.
    pub fn shares(&self) -> Shares {
        Shares {
            address: self.row.share_address,
            phone: self.row.share_phone,
            number: self.row.share_number,
        }
    }
}

fn corrupt(what: &str) -> AppError {
    AppError::Internal(madoguchi_store::StoreError::Corrupt(format!("interview value {what}")))
}

fn not_found(id: i64) -> AppError {
    AppError::NotFound {
        what: format!("interview {id}"),
    }
}

fn rows(rows: Vec<InterviewRow>) -> Result<Vec<Interview>, AppError> {
    rows.into_iter().map(Interview::from_row).collect()
}

/// IV-1: arranging and recording are for a counsellor or an office admin of the office.
fn office_of(staff: &StaffMember) -> Result<&str, AppError> {
    match (staff.role, staff.office.as_deref()) {
        (Role::Counsellor | Role::OfficeAdmin, Some(office)) => Ok(office),
        _ => Err(AppError::Forbidden {
            code: "forbidden",
            message: "interviews are arranged by the office's counsellors and admins",
        }),
    }
}

/// An interview of the staff member's own office; any other is not found.
pub async fn visible(db: &Db, staff: &StaffMember, id: i64) -> Result<Interview, AppError> {
    let office = office_of(staff)?;
    let row = store::interview(db, id)
        .await?
        .filter(|r| r.office_code == office)
        .ok_or_else(|| not_found(id))?;
    Interview::from_row(row)
}
