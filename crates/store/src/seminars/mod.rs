//! Seminars and company tours (rules SE-1…SE-6). Seats and waiting-list places are the
//! counters `registered` and `waitlisted`, moved only by conditional updates inside the
//! transaction that writes the registration, and bounded by CHECKs. Every change to one
//! seminar first takes that seminar's row, so changes to it happen one after another on
//! every backend and replica; the waiting list is served in id order. The office's changes
//! to a whole seminar (cancel, suspend, resume, move: SE-6) are `changes`.

pub mod catalogue;
pub mod changes;
pub mod places;

use chrono::{DateTime, NaiveDate, Utc};

use crate::consultations::reservations::Notice;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSeminar {
    pub office_code: String,
    /// `seminar` or `company_tour`.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub app: String,
    pub recorded_with_consent: bool,
    pub cutoff_at: DateTime<Utc>,
    pub capacity: i32,
    pub waitlist_limit: i32,
    pub created_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SeminarRow {
    pub id: i64,
    pub office_code: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub local_date: NaiveDate,
    pub app: String,
    pub recorded_with_consent: bool,
    pub cutoff_at: DateTime<Utc>,
    pub capacity: i32,
    pub registered: i32,
    pub waitlist_limit: i32,
    pub waitlisted: i32,
    pub cancelled_at: Option<DateTime<Utc>>,
    /// SE-6: why the office cancelled it ('' for a closure's cancellation, which says so itself).
    pub cancel_reason: String,
    /// SE-6 (S11-1): new registrations are refused from this instant; places are kept.
    pub suspended_at: Option<DateTime<Utc>>,
    pub suspend_reason: String,
}

impl SeminarRow {
    /// Whether it is cancelled, or its registrations are suspended (SE-6).
    pub fn status(&self) -> &'static str {
        match (self.cancelled_at, self.suspended_at) {
            (Some(_), _) => "cancelled",
            (None, Some(_)) => "suspended",
            (None, None) => "open",
        }
    }
}

const COLUMNS: &str = "id, office_code, kind, title, description, starts_at, ends_at, local_date, app,
    recorded_with_consent, cutoff_at, capacity, registered, waitlist_limit, waitlisted, cancelled_at,
    cancel_reason, suspended_at, suspend_reason";

/// What the list is filtered by: office, start in `from..to`, a keyword in title or description.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub office: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub keyword: Option<String>,
}

/// The outcome of a registration attempt (SE-2, SE-3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    Registered(i64),
    Waitlisted(i64),
    /// Full, and the waiting list is full too (or there is none).
    Full,
    /// Past the cut-off, or no such seminar.
    Closed,
    /// The office cancelled it (SE-6).
    Cancelled,
    /// The office suspended its registrations (SE-6, S11-1).
    Suspended,
    /// The user already holds a registration or a place on the list.
    Already,
}

/// Who was moved up from the waiting list, with what a notice to them needs.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Promoted {
    pub registration_id: i64,
    pub user_ref: i64,
    pub name: String,
    pub email: String,
    pub lang: String,
}

/// Writes the notice for a promoted user (SE-3), given their name, address and language.
pub type PromotionNotice<'a> = &'a (dyn Fn(&Promoted) -> Notice + Send + Sync);

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RegistrationRow {
    pub id: i64,
    pub seminar_id: i64,
    pub user_ref: i64,
    pub state: String,
    pub verify_name: String,
    pub verify_number: String,
    pub created_at: DateTime<Utc>,
    pub joined_at: Option<DateTime<Utc>>,
}

const REG_COLUMNS: &str = "id, seminar_id, user_ref, state, verify_name, verify_number, created_at, joined_at";

/// What an office admin may change on a seminar (SE-1). Times stay: a move is its own change
/// (`changes::move_to`), which tells everyone registered or waiting (SE-6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub title: String,
    pub description: String,
    pub app: String,
    pub recorded_with_consent: bool,
    pub capacity: i32,
    pub waitlist_limit: i32,
}
