//! Consultations: slots and their templates, the booking context read, reservations and
//! their events, moving one to another slot, requests, the day's schedule and meeting details.

pub mod book;
pub mod booking_context;
pub mod moves;
pub mod requests;
pub mod reservations;
pub mod schedule;
pub mod templates;
