#!/usr/bin/env python3
"""Checks every locale file against the Japanese one, the source of truth.

For each `crates/web/locales/<tag>/main.ftl` (or the files given), reports:
- entries the Fluent parser could not read (Junk), and ids defined twice;
- message ids of ja/main.ftl that are missing, and ids ja does not have;
- per message, a different set of `$variables`, message references or attributes;
- a select expression without a `*[default]` variant.

For `ja-x-easy` (やさしい日本語) it also reports characters the product may not use in its own
text (N10, CH-1…CH-8, read from `crates/domain/src/characters/tables.rs`), furigana that is
not well formed (`｜漢字《かんじ》`: a stray `｜`, `《` or `》`, a reading not in kana), and kanji
above 小学校 grade 2 outside a furigana base.

A locale may write month names instead of numbers, as en does: it may use
`$monthname` where ja uses `$month` and define `month-1` … `month-12` besides.
Needs the `fluent.syntax` package (`python3 -m venv /tmp/ftl && /tmp/ftl/bin/pip install
fluent.syntax`). Usage: tools/locale_check.py [crates/web/locales/vi/main.ftl …];
exits 1 on any problem.
"""
import glob
import os
import re
import sys

from fluent.syntax import ast, parse, visitor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LOCALES = os.path.join(ROOT, "crates", "web", "locales")
MONTHS = {f"month-{m}" for m in range(1, 13)}
EASY = "ja-x-easy"
TABLES = os.path.join(ROOT, "crates", "domain", "src", "characters", "tables.rs")
# 学年別漢字配当表 (2020), grades 1 and 2: these kanji need no furigana in やさしい日本語.
GRADE_1_2 = set(
    "一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕"
    "石赤千川先早草足村大男竹中虫町天田土二日入年白八百文木本名目立力林六"
    "引羽雲園遠何科夏家歌画回会海絵外角楽活間丸岩顔汽記帰弓牛魚京強教近兄形計元言原戸古午後語工公"
    "広交光考行高黄合谷国黒今才細作算止市矢姉思紙寺自時室社弱首秋週春書少場色食心新親図数西声星晴"
    "切雪船線前組走多太体台地池知茶昼長鳥朝直通弟店点電刀冬当東答頭同道読内南肉馬売買麦半番父風分"
    "聞米歩母方北毎妹万明鳴毛門夜野友用曜来里理話"
)
RUBY = re.compile(r"｜([^｜《》]+)《([^《》]*)》")
KANA = re.compile(r"^[\u3041-\u3096\u30a1-\u30faー・]+$")


class Refs(visitor.Visitor):
    """Collects the variables and references of one entry, and its selectors' defaults."""

    def __init__(self):
        super().__init__()
        self.refs = set()
        self.defaultless = 0

    def visit_VariableReference(self, node):
        self.refs.add("$" + node.id.name)

    def visit_MessageReference(self, node):
        self.refs.add(node.id.name)

    def visit_TermReference(self, node):
        self.refs.add("-" + node.id.name)

    def visit_SelectExpression(self, node):
        if not any(v.default for v in node.variants):
            self.defaultless += 1
        self.generic_visit(node)


def load(path):
    """Returns ({id: (refs, attributes, defaultless)}, problems)."""
    with open(path, encoding="utf-8") as f:
        resource = parse(f.read())
    entries, problems = {}, []
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            problems.append(f"unreadable: {entry.content.strip()[:80]!r}")
            continue
        if not isinstance(entry, (ast.Message, ast.Term)):
            continue
        name = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
        if name in entries:
            problems.append(f"defined twice: {name}")
        refs = Refs()
        refs.visit(entry)
        attrs = sorted(a.id.name for a in entry.attributes)
        entries[name] = (refs.refs, attrs, refs.defaultless)
    return entries, problems


def n10_accepts():
    """Whether a character is one the product accepts (an upper-case class in the N10 table)."""
    with open(TABLES, encoding="utf-8") as f:
        text = f.read()
    index = re.search(r"INDEX: \[u8; 256\] = \[(.*?)\];", text, re.S).group(1)
    index = [int(n) for n in re.findall(r"\d+", index)]
    blocks = re.search(r"BLOCKS: .*? = \[(.*?)\n\];", text, re.S).group(1)
    blocks = re.findall(r'\*b"([^"]{256})"', blocks)

    def accepts(ch):
        cp = ord(ch)
        return cp <= 0xFFFF and ch != "\t" and blocks[index[cp >> 8]][cp & 0xFF].isupper()

    return accepts


def easy(path):
    """The やさしい日本語 rules: N10 characters, well-formed furigana, furigana above grade 2."""
    accepts, problems = n10_accepts(), []
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for number, line in enumerate(lines, 1):
        for ch in sorted(set(line)):
            if not accepts(ch):
                problems.append(f"line {number}: {ch!r} (U+{ord(ch):04X}) is outside N10")
        name, sep, value = line.partition(" = ")
        if line.startswith("#") or not sep:
            continue
        for m in RUBY.finditer(value):
            if not KANA.match(m.group(2)):
                problems.append(f"{name}: the reading of {m.group(1)} is not in kana")
        bare = RUBY.sub("", value)
        if any(mark in bare for mark in "｜《》"):
            problems.append(f"{name}: furigana not written ｜漢字《かんじ》")
        hard = sorted({ch for ch in bare if "\u4e00" <= ch <= "\u9fff" and ch not in GRADE_1_2})
        if hard:
            problems.append(f"{name}: no furigana on {''.join(hard)}")
    return problems


def compare(ja, path):
    entries, problems = load(path)
    for name, (refs, attrs, _) in ja.items():
        if name not in entries:
            problems.append(f"missing: {name}")
            continue
        their_refs, their_attrs, defaultless = entries[name]
        if "$monthname" in their_refs and "$month" in refs:
            their_refs = (their_refs - {"$monthname"}) | {"$month"}
        if their_refs != refs:
            problems.append(f"{name}: uses {sorted(their_refs)}, ja uses {sorted(refs)}")
        if their_attrs != attrs:
            problems.append(f"{name}: attributes {their_attrs}, ja has {attrs}")
        if defaultless:
            problems.append(f"{name}: a selector has no *[default] variant")
    for name in entries:
        if name not in ja and name not in MONTHS:
            problems.append(f"not in ja: {name}")
    if os.path.basename(os.path.dirname(os.path.abspath(path))) == EASY:
        problems += easy(path)
    return len(entries), problems


def main(paths):
    ja, problems = load(os.path.join(LOCALES, "ja", "main.ftl"))
    failed = bool(problems)
    for p in problems:
        print(f"ja: {p}")
    paths = paths or sorted(
        p for p in glob.glob(os.path.join(LOCALES, "*", "main.ftl"))
        if os.path.basename(os.path.dirname(p)) != "ja"
    )
    for path in paths:
        count, problems = compare(ja, path)
        tag = os.path.basename(os.path.dirname(path))
        print(f"{tag}: {count} messages (ja: {len(ja)}), {len(problems)} problems")
        for p in problems:
            print(f"  {p}")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
