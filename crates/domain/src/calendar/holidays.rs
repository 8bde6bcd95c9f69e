//! Japanese national holidays (rule TM-3), from the Holidays Act
//! (国民の祝日に関する法律, in force 1948-07-20) and the one-off laws that made
//! single days holidays. Everything is computed from the date alone: no table
//! per year, no allocation, a handful of cheap checks per call.
//!
//! The Act has three kinds of day off, and they take precedence in this order:
//! 1. 国民の祝日 (art. 2), the named holidays, plus the one-off days;
//! 2. 振替休日 (art. 3(2), from 1973-04-12): a 祝日 on a Sunday moves a day off
//!    to the next day, and from 2007 to the next day that is not a 祝日;
//! 3. 国民の休日 (art. 3(3), from 1985-12-27): a day, not a Sunday, between
//!    two 祝日.

use chrono::{Datelike, NaiveDate, Weekday};

/// A national holiday: a stable code (pages show the message `holiday-<code>` of the
/// reader's language), its name as the law has it, and in English (for the API).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub code: &'static str,
    pub name_ja: &'static str,
    pub name_en: &'static str,
}

const fn h(code: &'static str, name_ja: &'static str, name_en: &'static str) -> Holiday {
    Holiday { code, name_ja, name_en }
}

const NEW_YEAR: Holiday = h("new_years_day", "元日", "New Year's Day");
const COMING_OF_AGE: Holiday = h("coming_of_age_day", "成人の日", "Coming of Age Day");
const FOUNDATION: Holiday = h("national_foundation_day", "建国記念の日", "National Foundation Day");
const EMPEROR: Holiday = h("emperors_birthday", "天皇誕生日", "The Emperor's Birthday");
const VERNAL: Holiday = h("vernal_equinox_day", "春分の日", "Vernal Equinox Day");
const SHOWA: Holiday = h("showa_day", "昭和の日", "Showa Day");
const GREENERY: Holiday = h("greenery_day", "みどりの日", "Greenery Day");
const CONSTITUTION: Holiday = h("constitution_memorial_day", "憲法記念日", "Constitution Memorial Day");
const CHILDREN: Holiday = h("childrens_day", "こどもの日", "Children's Day");
const MARINE: Holiday = h("marine_day", "海の日", "Marine Day");
const MOUNTAIN: Holiday = h("mountain_day", "山の日", "Mountain Day");
const AGED: Holiday = h("respect_for_the_aged_day", "敬老の日", "Respect for the Aged Day");
const AUTUMNAL: Holiday = h("autumnal_equinox_day", "秋分の日", "Autumnal Equinox Day");
const HEALTH_SPORTS: Holiday = h("health_and_sports_day", "体育の日", "Health and Sports Day");
const SPORTS: Holiday = h("sports_day", "スポーツの日", "Sports Day");
const CULTURE: Holiday = h("culture_day", "文化の日", "Culture Day");
const LABOUR: Holiday = h("labour_thanksgiving_day", "勤労感謝の日", "Labour Thanksgiving Day");
const SUBSTITUTE: Holiday = h("substitute_holiday", "振替休日", "Substitute Holiday");
const CITIZENS: Holiday = h("citizens_holiday", "国民の休日", "Citizens' Holiday");
const ENTHRONEMENT_CEREMONY: Holiday = h("enthronement_ceremony", "即位礼正殿の儀", "Enthronement Ceremony");
const ENTHRONEMENT: Holiday = h("enthronement_day", "天皇の即位の日", "The Emperor's Enthronement Day");
const WEDDING_AKIHITO: Holiday = h(
    "wedding_of_crown_prince_akihito",
    "皇太子明仁親王の結婚の儀",
    "Wedding of Crown Prince Akihito",
);
const FUNERAL_SHOWA: Holiday = h(
    "funeral_of_emperor_showa",
    "昭和天皇の大喪の礼",
    "Funeral of Emperor Showa",
);
const WEDDING_NARUHITO: Holiday = h(
    "wedding_of_crown_prince_naruhito",
    "皇太子徳仁親王の結婚の儀",
    "Wedding of Crown Prince Naruhito",
);

/// Every holiday this module can name, so each code's words can be checked in every locale.
pub const HOLIDAYS: &[Holiday] = &[
    NEW_YEAR,
    COMING_OF_AGE,
    FOUNDATION,
    EMPEROR,
    VERNAL,
    SHOWA,
    GREENERY,
    CONSTITUTION,
    CHILDREN,
    MARINE,
    MOUNTAIN,
    AGED,
    AUTUMNAL,
    HEALTH_SPORTS,
    SPORTS,
    CULTURE,
    LABOUR,
    SUBSTITUTE,
    CITIZENS,
    ENTHRONEMENT_CEREMONY,
    ENTHRONEMENT,
    WEDDING_AKIHITO,
    FUNERAL_SHOWA,
    WEDDING_NARUHITO,
];

/// A date as a constant. `from_ymd_opt` is const; the fallback is never taken
/// for the literal dates below.
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// The Act came into force on 1948-07-20 (昭和23年法律第178号).
const ACT_IN_FORCE: NaiveDate = ymd(1948, 7, 20);
/// 振替休日 exists for Sunday holidays from this date (昭和48年法律第10号).
const SUBSTITUTE_FROM: NaiveDate = ymd(1973, 4, 12);
/// 国民の休日 exists from this date (昭和60年法律第103号).
const CITIZENS_FROM: NaiveDate = ymd(1985, 12, 27);

/// The national holiday on `date`, if any, including 振替休日 (substitute
/// holiday) and 国民の休日 (citizens' holiday, a day sandwiched between two
/// holidays).
pub fn national_holiday(date: NaiveDate) -> Option<Holiday> {
    if let Some(holiday) = shukujitsu(date).or_else(|| one_off(date).map(|(h, _)| h)) {
        return Some(holiday);
    }
    if is_substitute(date) {
        return Some(SUBSTITUTE);
    }
    if is_citizens_holiday(date) {
        return Some(CITIZENS);
    }
    None
}

/// The 国民の祝日 of art. 2 on `date`, with the years each one was in force.
fn shukujitsu(date: NaiveDate) -> Option<Holiday> {
    if date < ACT_IN_FORCE {
        return None;
    }
    let (y, d) = (date.year(), date.day());
    // Happy Monday holidays (from 2000 and 2003) fall on the nth Monday.
    let nth_monday = |n: u32| date.weekday() == Weekday::Mon && d.div_ceil(7) == n;
    // The Olympic special measures moved 海の日, スポーツの日 and 山の日 in these years.
    let olympic = matches!(y, 2020 | 2021);
    let holiday = match (date.month(), d) {
        (1, 1) => NEW_YEAR,
        (1, 15) if y < 2000 => COMING_OF_AGE,
        (1, _) if y >= 2000 && nth_monday(2) => COMING_OF_AGE,
        // First observed in 1967, by cabinet order under the 1966 amendment.
        (2, 11) if y >= 1967 => FOUNDATION,
        // The new Emperor's birthday; the change took effect on 2019-04-30,
        // so 2019 has no 天皇誕生日 at all.
        (2, 23) if y >= 2020 => EMPEROR,
        (3, _) if d == vernal_equinox_day(y) => VERNAL,
        (4, 29) if y < 1989 => EMPEROR,
        (4, 29) if y < 2007 => GREENERY,
        (4, 29) => SHOWA,
        (5, 3) => CONSTITUTION,
        (5, 4) if y >= 2007 => GREENERY,
        (5, 5) => CHILDREN,
        (7, 20) if (1996..2003).contains(&y) => MARINE,
        (7, _) if y >= 2003 && !olympic && nth_monday(3) => MARINE,
        (7, 23) if y == 2020 => MARINE,
        (7, 24) if y == 2020 => SPORTS,
        (7, 22) if y == 2021 => MARINE,
        (7, 23) if y == 2021 => SPORTS,
        (8, 11) if y >= 2016 && !olympic => MOUNTAIN,
        (8, 10) if y == 2020 => MOUNTAIN,
        (8, 8) if y == 2021 => MOUNTAIN,
        (9, 15) if (1966..2003).contains(&y) => AGED,
        (9, _) if y >= 2003 && nth_monday(3) => AGED,
        (9, _) if d == autumnal_equinox_day(y) => AUTUMNAL,
        (10, 10) if (1966..2000).contains(&y) => HEALTH_SPORTS,
        (10, _) if (2000..2020).contains(&y) && nth_monday(2) => HEALTH_SPORTS,
        (10, _) if y >= 2022 && nth_monday(2) => SPORTS,
        (11, 3) => CULTURE,
        (11, 23) => LABOUR,
        (12, 23) if (1989..2019).contains(&y) => EMPEROR,
        _ => return None,
    };
    Some(holiday)
}

/// Days made holidays by their own law. The flag says whether the law deems
/// the day a 祝日 for art. 3(3), as the 2019 law does: that is what made
/// 2019-04-30 and 2019-05-02 国民の休日.
fn one_off(date: NaiveDate) -> Option<(Holiday, bool)> {
    let found = match (date.year(), date.month(), date.day()) {
        (1959, 4, 10) => (WEDDING_AKIHITO, false),
        (1989, 2, 24) => (FUNERAL_SHOWA, false),
        (1990, 11, 12) => (ENTHRONEMENT_CEREMONY, false),
        (1993, 6, 9) => (WEDDING_NARUHITO, false),
        (2019, 5, 1) => (ENTHRONEMENT, true),
        (2019, 10, 22) => (ENTHRONEMENT_CEREMONY, true),
        _ => return None,
    };
    Some(found)
}

/// Art. 3(2): the day off owed for a 祝日 that fell on a Sunday. Until 2006 it
/// is the Monday; from 2007 it is the first day after that is not a 祝日, so
/// we walk back over the run of 祝日 just before `date` looking for a Sunday.
/// The caller has already ruled out `date` itself being a holiday.
fn is_substitute(date: NaiveDate) -> bool {
    let mut day = date;
    while let Some(prev) = day.pred_opt() {
        if shukujitsu(prev).is_none() {
            return false;
        }
        if prev.weekday() == Weekday::Sun {
            return prev >= SUBSTITUTE_FROM && (prev.year() >= 2007 || day == date);
        }
        day = prev;
    }
    false
}

/// Art. 3(3): a day between two 祝日 is a holiday, unless it is a Sunday or a
/// 振替休日 (the caller checks the latter first). Saturdays count.
fn is_citizens_holiday(date: NaiveDate) -> bool {
    let counts = |d: Option<NaiveDate>| {
        d.is_some_and(|d| shukujitsu(d).is_some() || one_off(d).is_some_and(|(_, deemed)| deemed))
    };
    date >= CITIZENS_FROM && date.weekday() != Weekday::Sun && counts(date.pred_opt()) && counts(date.succ_opt())
}

/// Day of March of 春分の日. The law leaves the date to the equinox, which the
/// cabinet announces each February from the National Astronomical
/// Observatory's almanac; this is the standard formula that reproduces it.
fn vernal_equinox_day(year: i32) -> u32 {
    equinox_day(year, [20_835_700, 20_843_100, 21_851_000])
}

/// Day of September of 秋分の日; see `vernal_equinox_day`.
fn autumnal_equinox_day(year: i32) -> u32 {
    equinox_day(year, [23_258_800, 23_248_800, 24_248_800])
}

/// floor(C + 0.242194 (y − 1980) − trunc((y − Y₀) / 4)), with C in millionths
/// for 1900–1979, 1980–2099 and 2100–2150 (Y₀ = 1983 for the first range,
/// else 1980). Integer arithmetic, so no float rounding at the boundaries. The
/// formula is a prediction: past 2150 it drifts, and we keep the last constant.
fn equinox_day(year: i32, constants: [i64; 3]) -> u32 {
    let (c, leap_base) = match year {
        ..1980 => (constants[0], 1983),
        1980..2100 => (constants[1], 1980),
        _ => (constants[2], 1980),
    };
    let y = i64::from(year);
    // Rust's `/` truncates toward zero, as the formula's INT() does: it
    // matters for the 1900–1979 range, where y − 1983 is negative.
    let day = (c + 242_194 * (y - 1980)).div_euclid(1_000_000) - (y - leap_base) / 4;
    u32::try_from(day).unwrap_or(0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn name(date: NaiveDate) -> Option<&'static str> {
        national_holiday(date).map(|h| h.name_ja)
    }

    /// The fixture is jpholiday's calendar, checked against the `holidays`
    /// package by tools/gen_holiday_fixture.py. jpholiday spells a few names
    /// its own way; this maps them to the law's names, as the script does:
    /// a substitute holiday is "憲法記念日 振替休日" there and 振替休日 in the
    /// law, 1990's ceremony is 即位の礼正殿の儀 there and 即位礼正殿の儀 in
    /// 平成2年法律第24号, and 1993's wedding repeats the title there.
    fn law_name(fixture_name: &str) -> &str {
        match fixture_name {
            n if n.ends_with("振替休日") => "振替休日",
            "即位の礼正殿の儀" => "即位礼正殿の儀",
            "皇太子・皇太子徳仁親王の結婚の儀" => "皇太子徳仁親王の結婚の儀",
            n => n,
        }
    }

    // rule TM-3: every date 1990–2050 is a holiday exactly when the fixture
    // lists it, under the same name.
    #[test]
    fn matches_fixture_1990_to_2050() {
        let fixture: std::collections::BTreeMap<NaiveDate, &str> = include_str!("holidays-1990-2050.csv")
            .lines()
            .skip(1)
            .map(|line| {
                let (date, name) = line.split_once(',').unwrap();
                (date.parse().unwrap(), law_name(name))
            })
            .collect();
        // Guard against a truncated fixture passing vacuously (~17 a year).
        assert!(fixture.len() > 1000, "fixture has {} dates", fixture.len());

        let differences: Vec<String> = d(1990, 1, 1)
            .iter_days()
            .take_while(|day| *day <= d(2050, 12, 31))
            .filter_map(|day| {
                let (ours, theirs) = (name(day), fixture.get(&day).copied());
                (ours != theirs).then(|| format!("{day}: ours {ours:?}, fixture {theirs:?}"))
            })
            .collect();
        assert!(
            differences.is_empty(),
            "{} differences:\n{}",
            differences.len(),
            differences.join("\n")
        );
    }

    // rule TM-3
    #[test]
    fn spot_checks() {
        assert_eq!(name(d(2027, 1, 1)), Some("元日"));
        assert_eq!(national_holiday(d(2019, 5, 1)), Some(ENTHRONEMENT));
        assert_eq!(name(d(2019, 4, 30)), Some("国民の休日"));
        assert_eq!(name(d(2019, 5, 2)), Some("国民の休日"));
        // Between 敬老の日 (Mon 9/21) and 秋分の日 (Wed 9/23).
        assert_eq!(name(d(2026, 9, 22)), Some("国民の休日"));
        // 憲法記念日 on Sunday 5/3: 5/4 and 5/5 are holidays, so 5/6.
        assert_eq!(name(d(2026, 5, 6)), Some("振替休日"));
        assert_eq!(name(d(2026, 5, 7)), None);
        assert_eq!(name(d(2026, 12, 23)), None);
        assert_eq!(name(d(2018, 12, 23)), Some("天皇誕生日"));
        assert_eq!(name(d(2019, 2, 23)), None);
    }

    // rule TM-3: the Olympic moves, and the days they vacated.
    #[test]
    fn olympic_years() {
        assert_eq!(name(d(2020, 7, 23)), Some("海の日"));
        assert_eq!(name(d(2020, 7, 24)), Some("スポーツの日"));
        assert_eq!(name(d(2020, 8, 10)), Some("山の日"));
        assert_eq!(name(d(2021, 7, 22)), Some("海の日"));
        assert_eq!(name(d(2021, 7, 23)), Some("スポーツの日"));
        assert_eq!(name(d(2021, 8, 8)), Some("山の日"));
        assert_eq!(name(d(2021, 8, 9)), Some("振替休日"));
        for vacated in [d(2020, 7, 20), d(2020, 8, 11), d(2020, 10, 12), d(2021, 7, 19)] {
            assert_eq!(name(vacated), None, "{vacated}");
        }
        for vacated in [d(2021, 8, 11), d(2021, 10, 11)] {
            assert_eq!(name(vacated), None, "{vacated}");
        }
    }

    // rule TM-3: before the fixture's range, where the rules first apply.
    #[test]
    fn early_years() {
        assert_eq!(name(d(1948, 5, 5)), None, "before the Act");
        assert_eq!(name(d(1948, 9, 23)), Some("秋分の日"));
        assert_eq!(name(d(1949, 1, 1)), Some("元日"));
        // Sunday 4/29 before the 1973 amendment: no substitute...
        assert_eq!(name(d(1962, 4, 30)), None);
        // ...and the first substitute holiday after it.
        assert_eq!(name(d(1973, 4, 30)), Some("振替休日"));
        // The first 国民の休日, a Wednesday.
        assert_eq!(name(d(1988, 5, 4)), Some("国民の休日"));
        assert_eq!(name(d(1989, 2, 24)), Some("昭和天皇の大喪の礼"));
        assert_eq!(name(d(1959, 4, 10)), Some("皇太子明仁親王の結婚の儀"));
    }

    // rule TM-3 (issue 16, item 1): every holiday computed from 1948 to 2100 is one of
    // `HOLIDAYS`, whose codes are unique, so pages can name each one from the locale files.
    #[test]
    fn every_holiday_is_listed_with_a_unique_code() {
        let mut codes: Vec<_> = HOLIDAYS.iter().map(|h| h.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), HOLIDAYS.len());
        let mut seen = std::collections::BTreeSet::new();
        for day in d(1948, 1, 1).iter_days().take_while(|day| day.year() <= 2100) {
            if let Some(h) = national_holiday(day) {
                assert!(HOLIDAYS.contains(&h), "{day}: {h:?}");
                seen.insert(h.code);
            }
        }
        assert_eq!(seen.len(), HOLIDAYS.len(), "a listed holiday never falls: {seen:?}");
    }
}
