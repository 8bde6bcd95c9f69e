//! Job-seeker and staff accounts: registration, sign-in and sessions, locking and reset,
//! deletion and inactivity, the staff console (AC-1…AC-10, SPEC §1): its pending
//! confirmations, deletion by staff (N15) and the second consultation of a day (BK-4).

pub mod account;
pub mod fields;
pub mod forgot;
pub mod inactivity;
pub mod language;
pub mod limits;
pub mod lock;
pub mod register;
pub mod session;
pub mod sign_in;
