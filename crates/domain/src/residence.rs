//! Residence status (在留資格) and period of stay (在留期間) of foreign nationals (rule
//! AC-12, terms N20-4). The statuses are those of the Immigration Control and Refugee
//! Recognition Act, annexed tables I and II.

use chrono::NaiveDate;

/// Nationality category, as the registration form asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nationality {
    Japanese,
    /// 特別永住者: no residence status to record.
    SpecialPermanentResident,
    OtherForeignNational,
}

impl Nationality {
    pub const ALL: [Nationality; 3] = [
        Self::Japanese,
        Self::SpecialPermanentResident,
        Self::OtherForeignNational,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Japanese => "japanese",
            Self::SpecialPermanentResident => "special_permanent_resident",
            Self::OtherForeignNational => "other",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.code() == code)
    }
}

/// One residence status, by a stable code. Its words (the statutory Japanese name, and
/// each language's) are the message `residence-status-<code>` of the locale files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResidenceStatus {
    pub code: &'static str,
    /// 永住者 has no period of stay.
    pub indefinite: bool,
}

const fn s(code: &'static str) -> ResidenceStatus {
    ResidenceStatus {
        code,
        indefinite: false,
    }
}

/// The statuses of annexed tables I and II, in the Act's order, with the sub-categories
/// (号, イ/ロ/ハ) split out as the residence card prints them, so a person can pick theirs.
pub const STATUSES: &[ResidenceStatus] = &[
    s("diplomat"),
    s("official"),
    s("professor"),
    s("artist"),
    s("religious_activities"),
    s("journalist"),
    s("highly_skilled_1a"),
    s("highly_skilled_1b"),
    s("highly_skilled_1c"),
    // 高度専門職２号, like 永住者, is granted without limit of time (無期限).
    ResidenceStatus {
        code: "highly_skilled_2",
        indefinite: true,
    },
    s("business_manager"),
    s("legal_accounting"),
    s("medical_services"),
    s("researcher"),
    s("instructor"),
    s("engineer_humanities"),
    s("intra_company_transferee"),
    s("nursing_care"),
    s("entertainer"),
    s("skilled_labor"),
    s("specified_skilled_1"),
    s("specified_skilled_2"),
    s("technical_intern_1a"),
    s("technical_intern_1b"),
    s("technical_intern_2a"),
    s("technical_intern_2b"),
    s("technical_intern_3a"),
    s("technical_intern_3b"),
    s("cultural_activities"),
    s("temporary_visitor"),
    s("student"),
    s("trainee"),
    s("dependent"),
    s("designated_activities"),
    ResidenceStatus {
        code: "permanent_resident",
        indefinite: true,
    },
    s("spouse_of_japanese"),
    s("spouse_of_permanent_resident"),
    s("long_term_resident"),
];

pub fn status(code: &str) -> Option<&'static ResidenceStatus> {
    STATUSES.iter().find(|s| s.code == code)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ResidenceProblem {
    #[error("record your residence status and period of stay first")]
    Missing,
    #[error("your period of stay has ended; record the renewed one")]
    Expired,
}

impl ResidenceProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::Missing => "residence_missing",
            Self::Expired => "residence_expired",
        }
    }
}

/// AC-12: a foreign national other than a special permanent resident may book only with
/// a recorded status and an unexpired period of stay (the last day still counts).
pub fn residence_allows_booking(
    nationality: Nationality,
    status: Option<&ResidenceStatus>,
    stay_until: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<(), ResidenceProblem> {
    if nationality != Nationality::OtherForeignNational {
        return Ok(());
    }
    let status = status.ok_or(ResidenceProblem::Missing)?;
    if status.indefinite {
        return Ok(());
    }
    match stay_until {
        None => Err(ResidenceProblem::Missing),
        Some(d) if d < today => Err(ResidenceProblem::Expired),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // rule AC-12
    #[test]
    fn residence_rules() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let student = status("student");
        let other = Nationality::OtherForeignNational;
        assert_eq!(
            residence_allows_booking(Nationality::Japanese, None, None, day(1, 1)),
            Ok(())
        );
        assert_eq!(
            residence_allows_booking(Nationality::SpecialPermanentResident, None, None, day(1, 1)),
            Ok(())
        );
        assert_eq!(
            residence_allows_booking(other, None, None, day(1, 1)),
            Err(ResidenceProblem::Missing)
        );
        assert_eq!(
            residence_allows_booking(other, student, None, day(1, 1)),
            Err(ResidenceProblem::Missing)
        );
        assert_eq!(
            residence_allows_booking(other, student, Some(day(12, 31)), day(12, 31)),
            Ok(())
        );
        assert_eq!(
            residence_allows_booking(other, student, Some(day(12, 30)), day(12, 31)),
            Err(ResidenceProblem::Expired)
        );
        assert_eq!(
            residence_allows_booking(other, status("permanent_resident"), None, day(12, 31)),
            Ok(())
        );
        // 高度専門職２号 has no period of stay either; １号 does.
        assert_eq!(
            residence_allows_booking(other, status("highly_skilled_2"), None, day(12, 31)),
            Ok(())
        );
        assert_eq!(
            residence_allows_booking(other, status("highly_skilled_1a"), None, day(12, 31)),
            Err(ResidenceProblem::Missing)
        );
    }

    // rule AC-12: the 29 statuses of the Act; 高度専門職 and 技能実習 split by 号 and イ/ロ/ハ.
    #[test]
    fn status_codes_are_unique() {
        assert_eq!(STATUSES.len(), 38);
        let mut codes: Vec<_> = STATUSES.iter().map(|s| s.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), STATUSES.len());
        let indefinite: Vec<_> = STATUSES.iter().filter(|s| s.indefinite).map(|s| s.code).collect();
        assert_eq!(indefinite, ["highly_skilled_2", "permanent_resident"]);
        assert_eq!(Nationality::parse("other"), Some(Nationality::OtherForeignNational));
    }
}
