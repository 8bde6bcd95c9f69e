#!/usr/bin/env python3
"""Checks every locale file against the Japanese one, the source of truth.

For each `crates/web/locales/<tag>/main.ftl` (or the files given), reports:
- entries the Fluent parser could not read (Junk), and ids defined twice;
- message ids of ja/main.ftl that are missing, and ids ja does not have;
- per message, a different set of `$variables`, message references or attributes;
- a select expression without a `*[default]` variant.

A locale may write month names instead of numbers, as en does: it may use
`$monthname` where ja uses `$month` and define `month-1` … `month-12` besides.
Needs the `fluent.syntax` package (`python3 -m venv /tmp/ftl && /tmp/ftl/bin/pip install
fluent.syntax`). Usage: tools/locale_check.py [crates/web/locales/vi/main.ftl …];
exits 1 on any problem.
"""
import glob
import os
import sys

from fluent.syntax import ast, parse, visitor

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
LOCALES = os.path.join(ROOT, "crates", "web", "locales")
MONTHS = {f"month-{m}" for m in range(1, 13)}


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
