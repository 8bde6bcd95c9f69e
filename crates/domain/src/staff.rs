//! Staff roles and what each may see (SPEC §1, rule PV-4): least privilege by office.

/// A staff member's role. The codes are stored and never change meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 相談員: reservations, seminars and users of their own office.
    Counsellor,
    /// 所管理者: as a counsellor, plus slots, seminars, notices and staff of their office.
    OfficeAdmin,
    /// 本省管理者: every office; terms, national notices, statistics, disclosure.
    NationalAdmin,
}

impl Role {
    pub const ALL: [Role; 3] = [Self::Counsellor, Self::OfficeAdmin, Self::NationalAdmin];

    pub fn code(self) -> &'static str {
        match self {
            Self::Counsellor => "counsellor",
            Self::OfficeAdmin => "office_admin",
            Self::NationalAdmin => "national_admin",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Whether a staff member of `role` at `staff_office` may see a job seeker whose
/// registration is at `seeker_office` (the office part of the job-seeker number).
/// National admins see everyone; office staff only their own office's registrants.
pub fn may_see(role: Role, staff_office: Option<&str>, seeker_office: Option<&str>) -> bool {
    match role {
        Role::NationalAdmin => true,
        Role::Counsellor | Role::OfficeAdmin => staff_office.is_some() && staff_office == seeker_office,
    }
}

/// Whether a staff member may look up, with a stated purpose, a job seeker whose number
/// carries `seeker_office` (PV-4). People move and offices cover for each other, so office
/// staff may look up a registrant of any office; each look-up is audited with its purpose.
/// Someone with no number yet belongs to no office and is seen by national admins only.
/// Changing anything stays with the person's own office (`may_see`).
pub fn may_look_up(role: Role, staff_office: Option<&str>, seeker_office: Option<&str>) -> bool {
    match role {
        Role::NationalAdmin => true,
        Role::Counsellor | Role::OfficeAdmin => staff_office.is_some() && seeker_office.is_some(),
    }
}

/// Whether a staff member of `role` at `staff_office` administers `office` (its slots,
/// seminars and closures): national admins every office, an office admin their own.
pub fn administers(role: Role, staff_office: Option<&str>, office: &str) -> bool {
    match role {
        Role::NationalAdmin => true,
        Role::OfficeAdmin => staff_office == Some(office),
        Role::Counsellor => false,
    }
}

/// Whether `creator` may create a staff account of `role` at `office`.
pub fn may_create(creator: Role, creator_office: Option<&str>, role: Role, office: Option<&str>) -> bool {
    match creator {
        Role::NationalAdmin => true,
        Role::OfficeAdmin => role != Role::NationalAdmin && creator_office.is_some() && creator_office == office,
        Role::Counsellor => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // SPEC §1 and rule PV-4: a counsellor cannot see another office's job seekers.
    #[test]
    fn office_scope() {
        assert!(may_see(Role::Counsellor, Some("28011"), Some("28011")));
        assert!(!may_see(Role::Counsellor, Some("28011"), Some("13010")));
        assert!(!may_see(Role::OfficeAdmin, Some("28011"), None));
        assert!(may_see(Role::NationalAdmin, None, Some("13010")));
        assert!(may_create(
            Role::OfficeAdmin,
            Some("28011"),
            Role::Counsellor,
            Some("28011")
        ));
        assert!(!may_create(
            Role::OfficeAdmin,
            Some("28011"),
            Role::Counsellor,
            Some("13010")
        ));
        assert!(!may_create(Role::OfficeAdmin, Some("28011"), Role::NationalAdmin, None));
        assert!(!may_create(
            Role::Counsellor,
            Some("28011"),
            Role::Counsellor,
            Some("28011")
        ));
        assert_eq!(Role::parse("office_admin"), Some(Role::OfficeAdmin));
    }

    // rule PV-4: a look-up (with a purpose) reaches any office's registrant; acting does not.
    #[test]
    fn look_up_across_offices() {
        assert!(may_look_up(Role::Counsellor, Some("28011"), Some("13010")));
        assert!(may_look_up(Role::OfficeAdmin, Some("28011"), Some("28011")));
        assert!(
            !may_look_up(Role::Counsellor, Some("28011"), None),
            "no number, no office"
        );
        assert!(!may_look_up(Role::Counsellor, None, Some("13010")));
        assert!(may_look_up(Role::NationalAdmin, None, None));
        assert!(
            !may_see(Role::Counsellor, Some("28011"), Some("13010")),
            "acting stays local"
        );
    }
}
