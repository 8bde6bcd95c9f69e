//! A job seeker and staff members as the console shows them: the audited look-up and its
//! actions, numbers to confirm, deletion by staff, a second consultation on one day, and
//! creating staff accounts.

pub mod confirmations;
pub mod console;
pub mod deletion;
pub mod members;
pub mod second_day;
