#!/usr/bin/env python3
"""Check a locale file against the Japanese reference (issue 16, item 2).

    python3 tools/check_locale.py crates/web/locales/ja-x-easy/main.ftl

Needs the `fluent.syntax` package (e.g. `python3 -m venv /tmp/ftl && /tmp/ftl/bin/pip
install fluent.syntax`, then run the script with `/tmp/ftl/bin/python`). It reports, and
exits 1 on any of them:
- junk: text the Fluent parser could not read (the product would lose those messages);
- ids missing from the file, ids the reference does not have, ids written twice;
- a message whose set of `{ $variables }` differs from the reference's, or whose
  attributes differ, or that has select expressions the reference does not have;
- characters the product may not use in its own text (N10, CH-1…CH-8), read from the
  generated table `crates/domain/src/characters/tables.rs`; TAB is refused too;
- furigana in Aozora notation (`｜漢字《かんじ》`) that is not well formed: a `｜` without
  its `《…》`, an empty base or reading, or a reading that is not hiragana or katakana.

With `--furigana` it also lists, without failing, the messages that have a kanji above
小学校 grade 2 outside a ruby base (for やさしい日本語, where such kanji carry furigana).
"""

import re
import sys
from pathlib import Path

from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor as AstVisitor

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "crates/web/locales/ja/main.ftl"
TABLES = ROOT / "crates/domain/src/characters/tables.rs"


def parse(path):
    resource = FluentParser(with_spans=False).parse(path.read_text(encoding="utf-8"))
    messages, junk, ids = {}, [], []
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            junk.append(entry.content.strip().splitlines()[0])
        elif isinstance(entry, (ast.Message, ast.Term)):
            ident = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
            ids.append(ident)
            messages[ident] = entry
    return messages, junk, ids


def shape(entry):
    """Variables, attribute names and the number of select expressions of one message."""
    variables, selects = set(), 0

    class Visitor(AstVisitor):
        def visit_VariableReference(self, node):
            variables.add(node.id.name)

        def visit_SelectExpression(self, node):
            nonlocal selects
            selects += 1
            self.generic_visit(node)

    Visitor().visit(entry)
    return variables, sorted(a.id.name for a in entry.attributes), selects


def accepted_code_points():
    text = TABLES.read_text(encoding="utf-8")
    index = re.search(r"INDEX: \[u8; 256\] = \[(.*?)\];", text, re.S).group(1)
    index = [int(n) for n in re.findall(r"\d+", index)]
    blocks_src = re.search(r"BLOCKS: \[\[u8; 256\]; \d+\] = \[(.*?)\n\];", text, re.S).group(1)
    blocks = re.findall(r'\*b"([^"]{256})"', blocks_src)
    return lambda ch: (
        ord(ch) <= 0xFFFF and ch != "\t" and blocks[index[ord(ch) >> 8]][ord(ch) & 0xFF].isupper()
    )


# 学年別漢字配当表 (2020): grades 1 and 2 need no furigana.
GRADE_1_2 = set(
    "一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕"
    "石赤千川先早草足村大男竹中虫町天田土二日入年白八百文木本名目立力林六"
    "引羽雲園遠何科夏家歌画回会海絵外角楽活間丸岩顔汽記帰弓牛魚京強教近兄形計元言原戸古午後語工公"
    "広交光考行高黄合谷国黒今才細作算止市矢姉思紙寺自時室社弱首秋週春書少場色食心新親図数西声星晴"
    "切雪船線前組走多太体台地池知茶昼長鳥朝直通弟店点電刀冬当東答頭同道読内南肉馬売買麦半番父風分"
    "聞米歩母方北毎妹万明鳴毛門夜野友用曜来里理話"
)


def unmarked_kanji(value):
    return sorted({ch for ch in RUBY.sub("", value) if "\u4e00" <= ch <= "\u9fff" and ch not in GRADE_1_2})


RUBY = re.compile(r"｜([^｜《》]+)《([^《》]*)》")
KANA = re.compile(r"^[\u3041-\u3096\u30A1-\u30FAー・]+$")


def check_ruby(value):
    problems = []
    for m in RUBY.finditer(value):
        if not KANA.match(m.group(2)):
            problems.append(f"reading 「{m.group(2)}」 is not kana")
    rest = RUBY.sub("", value)
    for mark in "｜《》":
        if mark in rest:
            problems.append(f"stray {mark}")
    return problems


def main(path, furigana=False):
    path = Path(path)
    ref, ref_junk, _ = parse(REFERENCE)
    mine, junk, ids = parse(path)
    problems = [f"junk in reference: {j}" for j in ref_junk]
    problems += [f"junk: {j}" for j in junk]
    problems += [f"written twice: {i}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    problems += [f"missing: {i}" for i in ref if i not in mine]
    problems += [f"not in the reference: {i}" for i in mine if i not in ref]
    for ident, entry in mine.items():
        if ident in ref and shape(entry) != shape(ref[ident]):
            problems.append(f"{ident}: variables/attributes {shape(entry)} != {shape(ref[ident])}")
    accepted = accepted_code_points()
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        for ch in sorted(set(line)):
            if not accepted(ch):
                problems.append(f"line {number}: character {ch!r} (U+{ord(ch):04X}) is not N10")
        if not line.startswith("#"):
            problems += [f"line {number}: {p}" for p in check_ruby(line)]
    if furigana:
        kept = 0
        reference = {}
        for line in REFERENCE.read_text(encoding="utf-8").splitlines():
            ident, sep, value = line.partition(" = ")
            if sep and not line.startswith("#"):
                reference[ident] = value
        for line in lines:
            ident, sep, value = line.partition(" = ")
            if sep and not line.startswith("#") and reference.get(ident) == value:
                kept += 1
            elif sep and not line.startswith("#") and unmarked_kanji(value):
                print(f"no furigana: {ident}: {''.join(unmarked_kanji(value))}")
        print(f"{kept} messages kept as in the reference (not checked for furigana)")
    for p in problems:
        print(p)
    ruby = sum(len(RUBY.findall(line)) for line in lines if not line.startswith("#"))
    print(f"{path}: {len(mine)} messages ({len(ref)} in the reference), {ruby} ruby, "
          f"{len(junk)} junk, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--furigana"]
    sys.exit(main(args[0] if args else REFERENCE, "--furigana" in sys.argv[1:]))
