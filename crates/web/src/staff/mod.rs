//! The staff console: sign-in, look-ups and actions on a job seeker (pending confirmations,
//! a second consultation on a day, deletion), the day's schedule,
//! slots and requests, seminars, notices, the access audit and disclosures, statistics.

pub mod confirmations;
pub mod console;
pub mod day;
pub mod deletion;
pub mod forms;
pub mod members;
pub mod notices;
pub mod records;
pub mod requests;
pub mod second_day;
pub mod seminar_forms;
pub mod seminars;
pub mod sign_in;
pub mod slots;
pub mod stats;
pub mod stats_chart;
