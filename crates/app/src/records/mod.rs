//! What the service keeps about its use: the usage record (PV-1, PV-3), the staff access
//! audit (PV-4), disclosures (PV-2) and statistics (PV-5).

pub mod audit;
pub mod disclosure;
pub mod stats;
pub mod usage;
