//! One reservation on My Page: its confirmation page (`confirmation`) and the change of
//! time (`reschedule`, BK-17).

pub mod confirmation;
pub mod reschedule;
