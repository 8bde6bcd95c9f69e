//! Madoguchi's use cases: one function per thing a person does. Each takes the
//! database and the clock, applies the domain rules, and returns a domain result
//! or an `AppError` with a stable code.

pub mod accounts;
pub mod closures;
pub mod console;
pub mod consultations;
pub mod demo;
pub mod eligibility;
#[cfg(test)]
mod golden_letters;
pub mod interviews;
pub mod mail;
pub mod notices;
pub mod offices;
pub mod records;
pub mod room;
pub mod selection;
pub mod seminars;
pub mod shared;
pub mod translations;
pub mod zoom;

pub use madoguchi_store::Db;
pub use shared::error::{AppError, ErrorCode};
