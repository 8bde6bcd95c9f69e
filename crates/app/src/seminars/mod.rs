//! Seminars and company tours (rules SE-1…SE-6): office admins create them; job seekers
//! browse and register, or wait for a seat; cancellation promotes the first waiting; staff
//! see participants (audited) and remove one with a reason; the office cancels, suspends or
//! moves a seminar (`changes`), and staff record phone cancellations and correct no-shows
//! (`places`). Seats and the waiting list are the store's, enforced by the database.

pub mod attend;
pub(crate) mod calendar;
pub mod changes;
pub mod letters;
pub mod organise;
pub mod places;
