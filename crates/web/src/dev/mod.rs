//! Development aids served only in demo mode: the mailbox and the test clock.

pub mod clock;
pub mod mail;
