//! Madoguchi's use cases: one function per thing a person does. Each takes the
//! database and the clock, applies the domain rules, and returns a domain result
//! or an `AppError` with a stable code.

pub mod account;
pub mod account_fields;
pub mod audit;
pub mod booking;
pub mod calendar;
pub mod demo;
pub mod demo_history;
pub mod disclosure;
pub mod eligibility;
mod error;
pub mod field;
pub mod ics;
pub mod inactivity;
pub mod letters;
pub mod lock;
pub mod mail;
pub mod no_show;
pub mod notices;
pub mod offices;
pub mod register;
pub mod requests;
pub mod schedule;
pub mod secrets;
pub mod seminar_letters;
pub mod seminars;
pub mod session;
pub mod sign_in;
pub mod slots;
pub mod smtp_sink;
pub mod staff;
pub mod stats;
pub mod templates;
pub mod terms;
pub mod usage;

pub use error::{AppError, ErrorCode};
pub use madoguchi_store::Db;
