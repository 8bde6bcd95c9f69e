//! Where a person lives, for finding their office (issue 13, item 1): the 47 prefectures
//! with their JIS X 0401 codes (the first two digits of every office code), postal codes,
//! and the postal-code prefixes an office's 管轄 (the municipalities it serves) is kept by.

use std::fmt;

use crate::numbers;
use crate::office::OfficeCode;

/// A prefecture: its JIS X 0401 code (`28`), its name in Japanese and in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefecture {
    pub code: &'static str,
    pub ja: &'static str,
    pub en: &'static str,
}

const fn p(code: &'static str, ja: &'static str, en: &'static str) -> Prefecture {
    Prefecture { code, ja, en }
}

/// Every prefecture in JIS order (north to south), as the offices are numbered.
pub const PREFECTURES: [Prefecture; 47] = [
    p("01", "北海道", "Hokkaido"),
    p("02", "青森県", "Aomori"),
    p("03", "岩手県", "Iwate"),
    p("04", "宮城県", "Miyagi"),
    p("05", "秋田県", "Akita"),
    p("06", "山形県", "Yamagata"),
    p("07", "福島県", "Fukushima"),
    p("08", "茨城県", "Ibaraki"),
    p("09", "栃木県", "Tochigi"),
    p("10", "群馬県", "Gunma"),
    p("11", "埼玉県", "Saitama"),
    p("12", "千葉県", "Chiba"),
    p("13", "東京都", "Tokyo"),
    p("14", "神奈川県", "Kanagawa"),
    p("15", "新潟県", "Niigata"),
    p("16", "富山県", "Toyama"),
    p("17", "石川県", "Ishikawa"),
    p("18", "福井県", "Fukui"),
    p("19", "山梨県", "Yamanashi"),
    p("20", "長野県", "Nagano"),
    p("21", "岐阜県", "Gifu"),
    p("22", "静岡県", "Shizuoka"),
    p("23", "愛知県", "Aichi"),
    p("24", "三重県", "Mie"),
    p("25", "滋賀県", "Shiga"),
    p("26", "京都府", "Kyoto"),
    p("27", "大阪府", "Osaka"),
    p("28", "兵庫県", "Hyogo"),
    p("29", "奈良県", "Nara"),
    p("30", "和歌山県", "Wakayama"),
    p("31", "鳥取県", "Tottori"),
    p("32", "島根県", "Shimane"),
    p("33", "岡山県", "Okayama"),
    p("34", "広島県", "Hiroshima"),
    p("35", "山口県", "Yamaguchi"),
    p("36", "徳島県", "Tokushima"),
    p("37", "香川県", "Kagawa"),
    p("38", "愛媛県", "Ehime"),
    p("39", "高知県", "Kochi"),
    p("40", "福岡県", "Fukuoka"),
    p("41", "佐賀県", "Saga"),
    p("42", "長崎県", "Nagasaki"),
    p("43", "熊本県", "Kumamoto"),
    p("44", "大分県", "Oita"),
    p("45", "宮崎県", "Miyazaki"),
    p("46", "鹿児島県", "Kagoshima"),
    p("47", "沖縄県", "Okinawa"),
];

/// The prefecture with this two-digit code.
pub fn prefecture(code: &str) -> Option<&'static Prefecture> {
    PREFECTURES.iter().find(|p| p.code == code)
}

/// The prefecture named `name` in Japanese (`兵庫県`) or English (`Hyogo`, any case), or by
/// its two-digit code.
pub fn prefecture_named(name: &str) -> Option<&'static Prefecture> {
    let name = name.trim();
    PREFECTURES
        .iter()
        .find(|p| p.ja == name || p.en.eq_ignore_ascii_case(name) || p.code == name)
}

/// The prefecture an office is in: office codes begin with the prefecture's code.
pub fn office_prefecture(code: &OfficeCode) -> Option<&'static Prefecture> {
    prefecture(code.as_str().get(..2)?)
}

/// A Japanese postal code: seven digits, written `650-0044`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalCode(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a postal code is seven digits, such as 650-0044")]
pub struct InvalidPostalCode;

impl PostalCode {
    /// Seven digits, with or without the hyphen, full-width digits and hyphens read as
    /// half-width (issue 13, item 6); a leading 〒 is allowed.
    pub fn parse(s: &str) -> Result<Self, InvalidPostalCode> {
        let s = s.trim().trim_start_matches('〒');
        let digits = numbers::digits_only(s).ok_or(InvalidPostalCode)?;
        if digits.len() == 7 {
            Ok(Self(digits))
        } else {
            Err(InvalidPostalCode)
        }
    }

    /// The seven digits.
    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PostalCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", &self.0[..3], &self.0[3..])
    }
}

/// A postal-code prefix of an office's 管轄: 3 to 7 digits (`650` covers 650-0000…650-9999;
/// `6500044` one code). Hyphens and full-width digits are read as in `PostalCode`.
pub fn postal_prefix(s: &str) -> Option<String> {
    let digits = numbers::digits_only(s)?;
    (3..=7).contains(&digits.len()).then_some(digits)
}

/// Of the prefixes that match `code`, the most specific ones win: an office that serves
/// `6500044` is the answer for 650-0044 even if another serves all of `650`.
pub fn best_prefix_len<'a>(code: &PostalCode, prefixes: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    prefixes
        .into_iter()
        .filter(|p| code.digits().starts_with(p))
        .map(str::len)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Issue 13, item 1: offices are found by prefecture (from the office code) and postal code.
    #[test]
    fn prefectures_and_office_codes() {
        assert_eq!(PREFECTURES.len(), 47);
        for (i, p) in PREFECTURES.iter().enumerate() {
            assert_eq!(p.code, format!("{:02}", i + 1));
        }
        let kobe = OfficeCode::parse("28011").unwrap();
        assert_eq!(office_prefecture(&kobe).map(|p| p.ja), Some("兵庫県"));
        assert_eq!(prefecture_named("hyogo").map(|p| p.code), Some("28"));
        assert_eq!(prefecture_named("北海道").map(|p| p.en), Some("Hokkaido"));
        assert_eq!(prefecture_named("28").map(|p| p.ja), Some("兵庫県"));
        assert!(prefecture_named("兵庫").is_none());
        assert!(office_prefecture(&OfficeCode::parse("99001").unwrap()).is_none());
    }

    // Issue 13, items 1 and 6: postal codes as people type them.
    #[test]
    fn postal_codes() {
        for ok in ["650-0044", "6500044", "６５０－００４４", "〒650-0044", " 650ー0044 "] {
            assert_eq!(
                PostalCode::parse(ok).map(|p| p.to_string()),
                Ok("650-0044".into()),
                "{ok}"
            );
        }
        for bad in ["650", "650-004", "650-00444", "65O-0044", "", "abc"] {
            assert!(PostalCode::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(postal_prefix("650").as_deref(), Some("650"));
        assert_eq!(postal_prefix("650-0044").as_deref(), Some("6500044"));
        assert_eq!(postal_prefix("65"), None);
        let code = PostalCode::parse("650-0044").unwrap();
        assert_eq!(best_prefix_len(&code, ["650", "6500044", "651"]), Some(7));
        assert_eq!(best_prefix_len(&code, ["651"]), None);
    }
}
