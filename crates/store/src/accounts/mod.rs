//! Job-seeker and staff accounts: users, sessions and sign-in failures, single-use tokens,
//! staff rows, inactivity and erasure (AC-1…AC-10, PV-6).

pub mod erase;
pub mod inactivity;
pub mod sessions;
pub mod staff;
pub mod tokens;
pub mod users;
