//! Job-seeker and staff accounts: users, sessions, the attempts that sign-in and
//! registration limits count, password reset requests (AC-8), single-use tokens, staff
//! rows, inactivity and erasure (AC-1…AC-10, PV-6).

pub mod attempts;
pub mod erase;
pub mod inactivity;
pub mod resets;
pub mod sessions;
pub mod staff;
pub mod tokens;
pub mod users;
