#!/usr/bin/env python3
"""Generate crates/domain/src/calendar/holidays-1990-2050.csv (rule TM-3).

The fixture is the oracle for `national_holiday` in holidays.rs, so it is built
from two independent published calendars, the PyPI packages `holidays` and
`jpholiday`, and is written only when they agree:

  * on the set of holiday dates, 1990-01-01 to 2050-12-31, exactly;
  * on the name of every date, after normalising both sides (see `canonical`).

If they disagree, nothing is written: the differences are printed and the
script exits 1. The names written are jpholiday's, verbatim (they follow the
Holidays Act except for the few spellings `canonical` lists; the Rust test
applies the same normalisation).

Usage:  pip install holidays jpholiday
        python3 tools/gen_holiday_fixture.py
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from importlib.metadata import version
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 1990, 2050
OUT = (
    Path(__file__).resolve().parent.parent
    / "crates/domain/src/calendar/holidays-1990-2050.csv"
)

try:
    import holidays
    import jpholiday
except ImportError as err:  # pragma: no cover - setup error, not a data error
    sys.exit(f"{err}: run `pip install holidays jpholiday` first")

# Spellings that differ between the two packages (and the law) for the same day.
# Keys are either package's spelling; values are the law's name.
SPELLINGS = {
    # jpholiday: 即位の礼正殿の儀 (1990); holidays: ...が行われる日 (2019).
    # The laws (平成2年法律第24号, 平成30年法律第99号) say 即位礼正殿の儀.
    "即位の礼正殿の儀": "即位礼正殿の儀",
    "即位礼正殿の儀が行われる日": "即位礼正殿の儀",
    # 平成5年法律第32号: 皇太子徳仁親王の結婚の儀. jpholiday doubles the title,
    # holidays shortens it.
    "皇太子・皇太子徳仁親王の結婚の儀": "皇太子徳仁親王の結婚の儀",
    "結婚の儀": "皇太子徳仁親王の結婚の儀",
}
SUBSTITUTE = "振替休日"


def canonical(name: str) -> str:
    """The law's name for a package's name.

    jpholiday names a substitute holiday after the holiday it replaces
    ("憲法記念日 振替休日"); holidays and the law just say 振替休日.
    """
    if name.endswith(SUBSTITUTE):
        return SUBSTITUTE
    return SPELLINGS.get(name, name)


def from_jpholiday() -> dict[dt.date, str]:
    return {
        day: name
        for year in range(FIRST_YEAR, LAST_YEAR + 1)
        for day, name in jpholiday.year_holidays(year)
    }


def from_holidays() -> dict[dt.date, str]:
    cal = holidays.Japan(years=range(FIRST_YEAR, LAST_YEAR + 1), language="ja")
    return dict(cal.items())


def main() -> int:
    jp = from_jpholiday()
    hd = from_holidays()

    problems = []
    for day in sorted(jp.keys() - hd.keys()):
        problems.append(f"{day}: only jpholiday has {jp[day]}")
    for day in sorted(hd.keys() - jp.keys()):
        problems.append(f"{day}: only holidays has {hd[day]}")
    for day in sorted(jp.keys() & hd.keys()):
        if canonical(jp[day]) != canonical(hd[day]):
            problems.append(
                f"{day}: jpholiday {jp[day]!r} vs holidays {hd[day]!r}"
            )
    if problems:
        print(
            f"refusing to write {OUT.name}: the calendars disagree "
            f"({len(problems)} differences)",
            file=sys.stderr,
        )
        for line in problems:
            print("  " + line, file=sys.stderr)
        return 1

    with OUT.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["date", "name"])
        for day in sorted(jp):
            out.writerow([day.isoformat(), jp[day]])

    print(
        f"wrote {len(jp)} holiday dates {FIRST_YEAR}-{LAST_YEAR} to {OUT.name} "
        f"(holidays {version('holidays')} and jpholiday {version('jpholiday')} "
        "agree on dates and names)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
