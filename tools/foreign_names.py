"""Suggestions for names that are not Japanese (issue 16 item 4, rules AC-4, N10).

Imported by tools/gen_char_tables.py; adds to its table of suggestions, never to what
is accepted.

  * Latin letters with diacritics -> the base letter (ễ -> e, ã -> a, ç -> c, ü -> u),
    from Unicode canonical decomposition (Python's unicodedata): the letter's NFD with
    every combining mark removed. Letters whose stroke or ligature is not a combining
    mark (Ł, Đ, Ø, ß, Æ, …) are listed by hand in LATIN_SPECIAL. The replacement is
    half-width ASCII, as every other Latin suggestion in the table (① -> 1, Ⅰ -> I):
    each text field accepts it (CH-1).
  * Simplified Chinese -> its JIS form (伟 -> 偉, 刘 -> 劉, 张 -> 張), from Unihan's
    kTraditionalVariant, and failing that kZVariant (the same character in another
    glyph), read from tools/data/Unihan_Variants.txt.bz2: a byte-for-byte copy of the
    file Debian's `unicode-data` package (15.0.0-1) installs as
    /usr/share/unicode/Unihan_Variants.txt.bz2; its SHA-256 is checked before use.
    Only targets N10 accepts are kept; a character with two accepted forms (发 -> 發 or
    髮) gets none, because the right one depends on the name.
"""

from __future__ import annotations

import bz2
import hashlib
import re
import sys
import unicodedata
from pathlib import Path

UNIHAN = Path(__file__).resolve().parent / "data/Unihan_Variants.txt.bz2"
UNIHAN_SHA256 = "42f42d18fe0368ca8dfb76d91bb2612b4bb34fe7960a4aa770687c0bf48a0cce"

# Latin blocks whose letters may carry diacritics: Latin-1 Supplement, Extended-A,
# Extended-B, Extended Additional (Vietnamese).
LATIN_BLOCKS = [(0x00C0, 0x00FF), (0x0100, 0x017F), (0x0180, 0x024F), (0x1E00, 0x1EFF)]

# Letters whose mark is part of the letter (no decomposition), and ligatures.
LATIN_SPECIAL = {
    "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o",
    "Ħ": "H", "ħ": "h", "Ŧ": "T", "ŧ": "t", "Ŀ": "L", "ŀ": "l", "ı": "i", "ſ": "s",
    "Ƀ": "B", "ƀ": "b", "Ɨ": "I", "Ƶ": "Z", "ƶ": "z", "Ǥ": "G", "ǥ": "g",
    "ß": "ss", "ẞ": "SS", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Þ": "TH",
    "þ": "th", "Ĳ": "IJ", "ĳ": "ij",
}


def latin(rejected) -> dict[str, str]:
    """Each rejected Latin letter with diacritics -> its base letter(s) in ASCII."""
    out = {}
    for lo, hi in LATIN_BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if not rejected(ch) or not unicodedata.category(ch).startswith("L"):
                continue
            if ch in LATIN_SPECIAL:
                out[ch] = LATIN_SPECIAL[ch]
                continue
            base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
            if base != ch and base.isascii() and base.isalpha():
                out[ch] = base
    missing = [c for c in LATIN_SPECIAL if c not in out]
    if missing:
        sys.exit(f"LATIN_SPECIAL lists letters that are accepted or not letters: {missing}")
    return out


def _variants() -> dict[str, dict[str, list[str]]]:
    raw = UNIHAN.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != UNIHAN_SHA256:
        sys.exit(f"{UNIHAN} is not the copy from Debian's unicode-data 15.0.0-1 (sha256 {digest})")
    table: dict[str, dict[str, list[str]]] = {}
    for line in bz2.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cp, field, value = line.split("\t")
        if field in ("kTraditionalVariant", "kZVariant"):
            targets = [chr(int(h, 16)) for h in re.findall(r"U\+([0-9A-F]+)", value)]
            table.setdefault(field, {})[chr(int(cp[2:], 16))] = targets
    return table


def unihan_version() -> str:
    head = bz2.decompress(UNIHAN.read_bytes()).decode("utf-8").splitlines()[:5]
    return next(line.split(":")[1].strip() for line in head if line.startswith("# Unicode version"))


def chinese(rejected, accepted) -> tuple[dict[str, str], int]:
    """Rejected ideographs -> the one accepted traditional (or z-) variant; how many
    had more than one and were left without a suggestion."""
    v = _variants()
    trad, zvar = v["kTraditionalVariant"], v["kZVariant"]
    out, ambiguous = {}, 0
    for ch in sorted(set(trad) | set(zvar), key=ord):
        if not rejected(ch):
            continue
        found = [t for t in trad.get(ch, []) if t != ch and accepted(t)]
        if not found:
            around = [ch, *trad.get(ch, [])]
            found = [z for a in around for z in zvar.get(a, []) if z != ch and accepted(z)]
        found = list(dict.fromkeys(found))
        if len(found) == 1:
            out[ch] = found[0]
        elif found:
            ambiguous += 1
    return out, ambiguous
