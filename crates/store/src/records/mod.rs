//! The usage record and its chains, the staff access audit and disclosures, statistics.

pub mod audit;
pub mod stats;
pub mod usage;
