#!/usr/bin/env python3
"""Checks every locale file against the Japanese source (ja is the source of truth).

For each crates/web/locales/<lang>/main.ftl other than ja: the file parses as Fluent with no
Junk entry; every message id of ja appears exactly once; no id is unknown to ja (the English
month-N names aside); each message uses the same `$variables`, attributes and string literals
as in ja (`$month` and `$monthname` count as one); every select expression has a `*[...]` default variant.
Needs the `fluent.syntax` package (pip install fluent.syntax, e.g. into a venv).
Usage: tools/locale_check.py [crates/web/locales]; exits 1 on any problem.
"""
import os
import re
import sys

from fluent.syntax import ast, parse
from fluent.syntax.visitor import Visitor

EXTRA_OK = re.compile(r"month-\d+")


class Shape(Visitor):
    def __init__(self):
        super().__init__()
        self.variables = set()
        self.literals = []
        self.selects_without_default = 0

    def visit_VariableReference(self, node):
        # Dates get both `$month` (a number) and `$monthname` (month-N); either will do.
        name = node.id.name
        self.variables.add("month" if name == "monthname" else name)

    def visit_SelectExpression(self, node):
        if not any(v.default for v in node.variants):
            self.selects_without_default += 1
        self.generic_visit(node)

    def visit_StringLiteral(self, node):
        self.literals.append(node.value)


def load(path):
    with open(path, encoding="utf-8") as f:
        resource = parse(f.read())
    messages, problems = {}, []
    for entry in resource.body:
        if isinstance(entry, ast.Junk):
            problems.append(f"junk: {entry.content[:60]!r}")
        elif isinstance(entry, (ast.Message, ast.Term)):
            name = entry.id.name
            if name in messages:
                problems.append(f"{name}: defined twice")
            shape = Shape()
            shape.visit(entry)
            if shape.selects_without_default:
                problems.append(f"{name}: a select expression has no *[default] variant")
            attributes = sorted(a.id.name for a in entry.attributes)
            messages[name] = (shape.variables, attributes, shape.literals)
    return messages, problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "crates/web/locales"
    source, problems = load(os.path.join(root, "ja", "main.ftl"))
    failed = bool(problems)
    for p in problems:
        print(f"ja: {p}")
    for lang in sorted(os.listdir(root)):
        path = os.path.join(root, lang, "main.ftl")
        if lang == "ja" or not os.path.isfile(path):
            continue
        messages, problems = load(path)
        for name in source:
            if name not in messages:
                problems.append(f"{name}: missing")
            elif messages[name] != source[name]:
                problems.append(f"{name}: variables/attributes/literals differ from ja")
        for name in messages:
            if name not in source and not EXTRA_OK.fullmatch(name):
                problems.append(f"{name}: not in ja")
        print(f"{lang}: {len(messages)} messages, {len(problems)} problems")
        for p in problems:
            print(f"  {p}")
        failed = failed or bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
