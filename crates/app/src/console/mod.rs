//! What staff do from the console: staff accounts and their TOTP sign-in, the audited
//! look-ups and actions on a job seeker, numbers to confirm (AC-11), deletion by staff (N15),
//! and a second consultation on one day (BK-4).

pub mod confirmations;
pub mod removal;
pub mod second_consultation;
pub mod staff;
