//! The signed-in staff member several use cases act for (notices, audit, schedules).

use madoguchi_domain::staff::Role;

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub office: Option<String>,
}
