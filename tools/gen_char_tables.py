#!/usr/bin/env python3
"""Generate crates/domain/src/characters/tables.rs (N10, rules CH-1..CH-8).

Every JIS character set is read from CPython's own codecs, so the tables can be
rebuilt offline and reviewed against the standards' row/cell layout:

  * euc_jp        JIS X 0208 (2-byte, rows 1-84) and JIS X 0212 (0x8F + 2 bytes)
  * euc_jis_2004  JIS X 0213 plane 1 (2-byte) and plane 2 (0x8F + 2 bytes)
  * cp932         the code-page-932 Unicode forms of JIS X 0208 cells (note 2
                  is written in these) and the NEC/IBM vendor rows

Each BMP code point gets one class byte (an accepted category in A-M, or the
reason it is rejected in lower case / '.'); the first matching rule in
`classify_bmp` wins, so the categories are disjoint. Nothing outside the BMP is
in the table: the Rust side rejects it (CH-5).

The script refuses to write anything (exit 1) unless the counts the SPEC states
come out: JIS X 0208 level 1 / level 2 = 2,965 / 3,390 (CH-3), JIS X 0212 =
5,801 (CH-4); it also checks JIS X 0213 level 3 / level 4 = 1,259 / 2,436, that
note 2 of the terms equals row 1 + row 2 cells 1-14 + Greek in cp932 form, and
that the CH-6 JIS forms are exactly the six the SPEC lists.

Suggestions for names that are not Japanese (Latin letters with diacritics, simplified
Chinese) come from tools/foreign_names.py; they add messages, never accepted characters.

Usage:  python3 tools/gen_char_tables.py            # writes the file, prints counts
        python3 tools/gen_char_tables.py --markdown # also prints the docs table
        python3 tools/gen_char_tables.py --check    # exit 1 unless the checked-in file
                                                    # is what the script writes, byte for byte
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import foreign_names

OUT = Path(__file__).resolve().parent.parent / "crates/domain/src/characters/tables.rs"

# N10 note 2, copied verbatim from the terms of use (第10条 注2), without 全角空白,
# which the note names in words; U+3000 is prepended below.
NOTE2 = (
    "、。，．・：；？！゛゜´｀¨＾￣＿ヽヾゝゞ〃仝々〆〇ー"
    "―‐／＼～∥｜…‥‘’“”（）〔〕［］｛｝〈〉《》「」『』【】＋－±×"
    "÷＝≠＜＞≦≧∞∴♂♀°′″℃￥＄￠￡％＃＆＊＠§☆★○●◎"
    "◇◆□■△▲▽▼※〒→←↑↓〓ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟ"
    "ΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρστυφ"
    "χψω"
)
# CH-6: JIS-standard forms of note-2 characters (SPEC §9, "decided").
SPEC_JIS_FORMS = {0x301C, 0x2016, 0x2212, 0x00A2, 0x00A3, 0x2014}
# JIS X 0213:2004 maps 1-1-29 to U+2014; Python's codecs give U+2015 for it.
EXTRA_JIS_FORMS = {0x2014: (1, 29)}

# (byte, Rust constant, Rust variant) — accepted categories, then reasons.
CATEGORIES = [
    ("A", "ASCII", "Ascii"),
    ("B", "HALF_WIDTH_KATAKANA", "HalfWidthKatakana"),
    ("C", "KANA", "Kana"),
    ("D", "FULL_WIDTH_ALNUM", "FullWidthAlnum"),
    ("E", "NOTE2_SYMBOL", "Note2Symbol"),
    ("F", "GREEK", "Greek"),
    ("G", "NOTE2_JIS_FORM", "Note2JisForm"),
    ("H", "KANJI_0208_LEVEL1", "Kanji0208Level1"),
    ("I", "KANJI_0208_LEVEL2", "Kanji0208Level2"),
    ("J", "KANJI_0212", "Kanji0212"),
    ("K", "KANJI_0213_LEVEL3", "Kanji0213Level3"),
    ("L", "KANJI_0213_LEVEL4", "Kanji0213Level4"),
    ("M", "COMPAT_IDEOGRAPH", "CompatIdeograph"),
]
REASONS = [
    ("c", "R_CONTROL"),
    ("i", "R_INVISIBLE"),
    ("p", "R_PRIVATE_USE"),
    ("x", "R_EXTENSION_A"),
    ("u", "R_UNLISTED"),
    ("v", "R_VENDOR_SPECIFIC"),
    ("k", "R_JIS0213_KANA"),
    ("e", "R_EMOJI"),
    (".", "R_NOT_JIS"),
]

INVISIBLE = [(0x00A0, 0x00A0), (0x00AD, 0x00AD), (0x034F, 0x034F), (0x115F, 0x1160),
             (0x17B4, 0x17B5), (0x180B, 0x180F), (0x2000, 0x200F), (0x2028, 0x202F),
             (0x205F, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
             (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB)]
# BMP code points commonly shown as emoji (Misc Symbols, Dingbats, a few others).
EMOJI = [(0x231A, 0x231B), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x2600, 0x27BF),
         (0x2934, 0x2935), (0x2B05, 0x2B07), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50),
         (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D), (0x3297, 0x3297),
         (0x3299, 0x3299)]
# JIS X 0213 plane 2 rows (all level-4 kanji). euc_jis_2004 also decodes the
# JIS X 0212 rows behind 0x8F for compatibility; those are not JIS X 0213.
PLANE2_ROWS = {1, 3, 4, 5, 8, 12, 13, 14, 15, *range(78, 95)}

# Hand-kept replacements for common rejected characters (AC-4). Characters
# marked NFKC take their compatibility decomposition (circled numbers, units...).
NFKC_SUGGEST = (
    [*range(0x2460, 0x2474), *range(0x3251, 0x3260), *range(0x32B1, 0x32C0)]  # ①-⑳ ㉑-㊿
    + [*range(0x2474, 0x2488)]  # ⑴-⒇
    + [*range(0x2160, 0x216C), *range(0x2170, 0x217C)]  # Ⅰ-Ⅻ ⅰ-ⅻ
    + [ord(c) for c in "㈱㈲㈹㍻㍼㍽㍾㋿℡"]
    + [ord(c) for c in "㍉㌔㌢㍍㌘㌧㌃㌶㍑㍗㌍㌦㌣㌫㍊㌻㎜㎝㎞㎎㎏㏄㎡"]
    + [0xFF02, 0xFF07, 0x00A0, *range(0x2002, 0x200B), 0x202F, 0x205F]
)
MANUAL_SUGGEST = {
    "⓪": "0", "№": "No.", "㏍": "K.K.", "〝": "“", "〟": "”", "￤": "｜", "∑": "Σ",
    "㊤": "(上)", "㊥": "(中)", "㊦": "(下)", "㊧": "(左)", "㊨": "(右)",
    "¥": "￥", "‾": "￣", "·": "・", "–": "-", "‒": "-", "\t": " ",
    "ゔ": "ヴ", "ゕ": "ヵ", "ゖ": "ヶ", "ヷ": "ヴァ", "ヸ": "ヴィ", "ヹ": "ヴェ", "ヺ": "ヴォ",
    **dict(zip("ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ", "クシストヌハヒフヘホムラリルレロ")),
    # Vendor (IBM) kanji whose everyday form is in JIS X 0208.
    "髙": "高", "悅": "悦", "敎": "教", "昻": "昂", "淸": "清", "靑": "青",
    "𠮷": "吉",
}


def decode(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        return None


def cells(codec: str, prefix: bytes = b"") -> dict[tuple[int, int], str]:
    """Row/cell -> decoded text for every valid EUC sequence of one plane."""
    out = {}
    for row in range(1, 95):
        for cell in range(1, 95):
            text = decode(prefix + bytes([0xA0 + row, 0xA0 + cell]), codec)
            if text:
                out[(row, cell)] = text
    return out


def sjis(row: int, cell: int) -> bytes:
    lead = (row + 0x21) // 2 + (0x70 if row <= 62 else 0xB0)
    if row % 2:
        trail = cell + (0x3F if cell <= 63 else 0x40)
    else:
        trail = cell + 0x9E
    return bytes([lead, trail])


def build():
    jis0208 = cells("euc_jp")
    jis0212 = cells("euc_jp", b"\x8f")
    plane1 = cells("euc_jis_2004")
    plane2 = {k: v for k, v in cells("euc_jis_2004", b"\x8f").items() if k[0] in PLANE2_ROWS}
    cp932 = {k: decode(sjis(*k), "cp932") for k in jis0208}

    def one(text: str) -> int:
        assert len(text) == 1, text
        return ord(text)

    level1 = {one(v) for (r, _), v in jis0208.items() if 16 <= r <= 47}
    level2 = {one(v) for (r, _), v in jis0208.items() if 48 <= r <= 84}
    kanji0212 = {one(v) for (r, _), v in jis0212.items() if 16 <= r <= 77}
    level3 = {one(v) for k, v in plane1.items() if k[0] >= 14 and k not in jis0208}
    level4 = {one(v) for v in plane2.values()}
    checks = [("CH-3 JIS X 0208 level 1", len(level1), 2965),
              ("CH-3 JIS X 0208 level 2", len(level2), 3390),
              ("CH-4 JIS X 0212 kanji", len(kanji0212), 5801),
              ("CH-5 JIS X 0213 level 3", len(level3), 1259),
              ("CH-5 JIS X 0213 level 4", len(level4), 2436)]
    bad = [c for c in checks if c[1] != c[2]]
    for name, got, want in checks:
        print(f"{name}: {got} (standard: {want})", file=sys.stderr)
    if bad:
        sys.exit(f"refusing to write: counts differ from the standards: {bad}")

    note2_cells = [(1, c) for c in range(1, 95)] + [(2, c) for c in range(1, 15)]
    greek_cells = [k for k in jis0208 if k[0] == 6]
    note2 = {ord(cp932[k]) for k in note2_cells}
    greek = {ord(cp932[k]) for k in greek_cells}
    written = [ord(c) for c in "\u3000" + NOTE2]
    if len(written) != len(set(written)) or set(written) != note2 | greek:
        sys.exit(f"note 2 of the terms differs from JIS X 0208 row 1, row 2 cells 1-14 and "
                 f"Greek: {sorted(map(chr, set(written) ^ (note2 | greek)))}")
    jis_forms = {ord(jis0208[k]) for k in note2_cells + greek_cells} - note2 - greek
    jis_forms |= set(EXTRA_JIS_FORMS)
    if jis_forms != SPEC_JIS_FORMS:
        sys.exit(f"CH-6 JIS forms differ from the SPEC: {sorted(map(hex, jis_forms))}")

    all0208 = {ord(v) for v in jis0208.values()} | {ord(v) for v in cp932.values()}
    vendor = set()
    for lead in [0x87, 0xED, 0xEE, 0xFA, 0xFB, 0xFC]:
        for trail in range(0x40, 0xFD):
            text = decode(bytes([lead, trail]), "cp932")
            if text:
                vendor.add(one(text))
    in0213 = {ord(c) for v in [*plane1.values(), *plane2.values()] for c in v}
    other_jis = in0213 | {ord(v) for v in jis0212.values()}
    kana_blocks = [(0x3040, 0x30FF), (0x31F0, 0x31FF)]
    kana = {ord(cp932[k]) for k in jis0208 if k[0] in (4, 5)}
    alnum = {ord(cp932[k]) for k in jis0208 if k[0] == 3}

    def within(cp, ranges):
        return any(lo <= cp <= hi for lo, hi in ranges)

    def classify_bmp(cp: int) -> str:
        if cp < 0x20 or 0x7F <= cp <= 0x9F:
            return "c"  # CH-7
        if cp <= 0x7E:
            return "A"  # CH-1
        if 0xFF61 <= cp <= 0xFF9F:
            return "B"  # CH-1
        if cp in note2:
            return "E"  # CH-2
        if cp in greek:
            return "F"  # CH-2
        if cp in jis_forms:
            return "G"  # CH-6
        if cp in kana:
            return "C"  # CH-2
        if cp in alnum:
            return "D"  # CH-2
        if cp in level1:
            return "H"  # CH-3
        if cp in level2:
            return "I"  # CH-3
        if cp in kanji0212:
            return "J"  # CH-4
        if 0x3400 <= cp <= 0x4DBF:
            return "x"  # CH-5: Extension A excluded even where JIS X 0213 has it
        if (cp in level3 or cp in level4) and 0xF900 <= cp <= 0xFAFF:
            return "M"  # CH-5
        if cp in level3:
            return "K"  # CH-5
        if cp in level4:
            return "L"  # CH-5
        if within(cp, INVISIBLE):
            return "i"
        if 0xE000 <= cp <= 0xF8FF:
            return "p"  # 外字
        if cp in all0208:
            return "u"  # CH-2: rest of row 2, Cyrillic, box drawing
        if cp in vendor:
            return "v"  # CH-6
        if within(cp, EMOJI):
            return "e"  # CH-6
        if cp in in0213 and within(cp, kana_blocks):
            return "k"  # CH-2
        if cp in other_jis:
            return "u"  # JIS X 0212/0213 non-kanji: not in note 2
        return "."

    return [classify_bmp(cp) for cp in range(0x10000)], vendor


def suggestions(classes: list[str], vendor: set[int]) -> list[tuple[str, str]]:
    def accepted(text: str) -> bool:
        return all(ord(c) < 0x10000 and classes[ord(c)].isupper() for c in text)

    def rejected(ch: str) -> bool:
        return ord(ch) >= 0x10000 or not classes[ord(ch)].isupper()

    table = {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in NFKC_SUGGEST}
    # Names that are not Japanese (issue 16): the hand-kept and NFKC entries win.
    han, ambiguous = foreign_names.chinese(rejected, accepted)
    latin = foreign_names.latin(rejected)
    print(f"suggestions: {len(latin)} Latin letters, {len(han)} ideographs "
          f"({ambiguous} with several accepted forms left without)", file=sys.stderr)
    table = {**latin, **han, **table}
    # Vendor compatibility ideographs whose canonical form is accepted.
    for cp in sorted(c for c in vendor if 0xF900 <= c <= 0xFAFF):
        nfc = unicodedata.normalize("NFC", chr(cp))
        if nfc != chr(cp) and rejected(chr(cp)) and accepted(nfc):
            table[chr(cp)] = nfc
    table.update(MANUAL_SUGGEST)
    for ch, rep in table.items():
        if not rejected(ch) or not accepted(rep) or not rep:
            sys.exit(f"bad suggestion {ch!r} (U+{ord(ch):04X}) -> {rep!r}")
    return sorted(table.items(), key=lambda kv: ord(kv[0]))


def rust_char(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x20 or unicodedata.category(ch) in ("Zs", "Mn") or ch in "'\\":
        return f"'\\u{{{cp:04X}}}'"
    return f"'{ch}'"


def rust_str(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def render(classes: list[str], suggest: list[tuple[str, str]]) -> str:
    blocks: list[str] = []
    index = []
    for hi in range(256):
        block = "".join(classes[hi * 256:(hi + 1) * 256])
        if block not in blocks:
            blocks.append(block)
        index.append(blocks.index(block))
    out = [
        "// @generated by tools/gen_char_tables.py — do not edit by hand; rerun the script.",
        f"// Sources: CPython codecs euc_jp, euc_jis_2004, cp932; Unicode {unicodedata.unidata_version}"
        " (NFKC for suggestions).",
        f"// Suggestions for names: Unicode {unicodedata.unidata_version} decomposition (Latin letters);"
        f" Unihan {foreign_names.unihan_version()} kTraditionalVariant, kZVariant (ideographs).",
        "// See docs/characters.md for the rules (N10, CH-1..CH-8) and the counts.",
        "",
        "// Class bytes: accepted categories.",
    ]
    out += [f"pub(super) const {name}: u8 = b'{b}';" for b, name, _ in CATEGORIES]
    out += ["", "// Class bytes: reasons for rejection."]
    out += [f"pub(super) const {name}: u8 = b'{b}';" for b, name in REASONS]
    out += [
        "",
        "/// Block of 256 code points for each high byte of a BMP code point.",
        "#[rustfmt::skip]",
        "pub(super) static INDEX: [u8; 256] = [",
    ]
    for i in range(0, 256, 32):
        out.append("    " + ", ".join(str(x) for x in index[i:i + 32]) + ",")
    out += ["];", "", "/// Class byte of each code point, per distinct 256-code-point block.",
            "#[rustfmt::skip]",
            f"pub(super) static BLOCKS: [[u8; 256]; {len(blocks)}] = ["]
    for block in blocks:
        out.append(f'    *b"{block}",')
    out += ["];", "", "/// Suggested replacement for common rejected characters, sorted by char.",
            "#[rustfmt::skip]",
            f"pub(super) static SUGGESTIONS: [(char, &str); {len(suggest)}] = ["]
    for ch, rep in suggest:
        out.append(f'    ({rust_char(ch)}, "{rust_str(rep)}"),')
    out += ["];", ""]
    return "\n".join(out)


def main() -> None:
    classes, vendor = build()
    suggest = suggestions(classes, vendor)
    text = render(classes, suggest)
    if "--check" in sys.argv:
        if OUT.read_bytes() != text.encode("utf-8"):
            sys.exit(f"{OUT} differs from what tools/gen_char_tables.py writes: rerun it")
        print(f"{OUT.name} is what the script writes, byte for byte")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(Path.cwd()) if OUT.is_relative_to(Path.cwd()) else OUT}")
    rows = [(variant, b, classes.count(b)) for b, _, variant in CATEGORIES]
    for variant, _, n in rows:
        print(f"{variant:18} {n:6}")
    print(f"{'total accepted':18} {sum(n for _, _, n in rows):6}")
    print(f"{'suggestions':18} {len(suggest):6}")
    if "--markdown" in sys.argv:
        print("\n| category | accepted code points |\n| --- | ---: |")
        for variant, _, n in rows:
            print(f"| `{variant}` | {n:,} |")
        print(f"| total | {sum(n for _, _, n in rows):,} |")


if __name__ == "__main__":
    main()
