//! Seminars and company tours (rules SE-1…SE-5): office admins create them; job seekers
//! browse and register, or wait for a seat; cancellation promotes the first waiting; staff
//! see participants (audited) and remove one with a reason. Seats and the waiting list are
//! the store's, enforced by the database.

pub mod attend;
pub(crate) mod calendar;
pub mod letters;
pub mod organise;
