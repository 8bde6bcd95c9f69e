//! The staff console: sign-in, look-ups and actions on a job seeker (pending confirmations,
//! a second consultation on a day, deletion), the day's schedule,
//! slots and requests, closures, seminars, notices, the access audit and disclosures, statistics.

pub mod apps;
pub mod closures;
pub mod day;
pub mod forms;
pub mod interview_room;
pub mod interviews;
pub mod notices;
pub mod people;
pub mod records;
pub mod requests;
pub mod selection;
pub mod seminars;
pub mod sign_in;
pub mod slots;
pub mod stats;
pub mod stats_chart;
pub mod translations;
