//! A password the person cannot use: forgotten (a reset link asked for by user ID, AC-8),
//! or an account locked by its owner and the staff-sent reset (`lock`).

pub mod forgot;
pub mod lock;
