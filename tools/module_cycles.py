#!/usr/bin/env python3
"""Lists import circles between the files of a crate and between its folders.

Reads every `crate::…` and `super::…` path in `src/**/*.rs` (grouped `use` lines
included), resolves each to the deepest module that exists, and reports strongly
connected components of size > 1 at file level and at folder level.
Usage: tools/module_cycles.py crates/app [crates/web …]; exits 1 if any circle.
"""
import os
import re
import sys


def modules(src):
    """Map module path tuple -> file, from the file layout."""
    mods = {}
    for root, _, files in os.walk(src):
        for f in files:
            if not f.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(root, f), src)[:-3].split(os.sep)
            if rel[-1] in ("mod", "lib", "main"):
                rel = rel[:-1]
            mods[tuple(rel)] = os.path.join(root, f)
    return mods


def expand(tree):
    """Expands `a::{b, c::{d}}` into ['a::b', 'a::c::d']."""
    tree = tree.replace(" ", "").replace("\n", "")
    depth = 0
    for i, ch in enumerate(tree):
        if ch == "{" and depth == 0:
            prefix, inner = tree[:i], tree[i + 1 : tree.rindex("}")]
            parts, cur, d = [], "", 0
            for c in inner:
                if c == "," and d == 0:
                    parts.append(cur)
                    cur = ""
                    continue
                d += c == "{"
                d -= c == "}"
                cur += c
            parts.append(cur)
            out = []
            for p in parts:
                if p:
                    out += expand(prefix + p)
            return out
    return [tree]


PATH = re.compile(r"\b((?:crate|super|self)(?:::(?:[A-Za-z_][A-Za-z0-9_]*|\{[^;]*?\}))+)", re.S)


def deps(mod, text, mods):
    out = set()
    text = re.sub(r"//[^\n]*", "", text)
    # Drop test modules: they may reach anywhere.
    text = re.split(r"#\[cfg\(test\)\]", text)[0]
    for m in PATH.finditer(text):
        for p in expand(m.group(1)):
            segs = [s for s in p.split("::") if s and s != "self"]
            base = list(mod)
            if segs[0] == "crate":
                base, segs = [], segs[1:]
            else:
                # `super` is the parent of the module, for a file and a mod.rs alike.
                while segs and segs[0] == "super":
                    segs, base = segs[1:], base[:-1]
            best = None
            for i in range(len(segs), 0, -1):
                if tuple(base + segs[:i]) in mods:
                    best = tuple(base + segs[:i])
                    break
            if best is not None and best != tuple(mod) and best != ():
                out.add(best)
    # A folder's mod.rs may name its children without `crate::` or `self::`.
    for child in (m for m in mods if len(m) == len(mod) + 1 and m[: len(mod)] == tuple(mod)):
        if mod and re.search(r"(?<![:\w])" + child[-1] + r"::", text):
            out.add(child)
    return out


def sccs(graph):
    index, low, stack, on, res, i = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = i[0]
        i[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                res.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    return res


def main():
    bad = 0
    for crate in sys.argv[1:]:
        src = os.path.join(crate, "src")
        mods = modules(src)
        graph = {}
        for mod, path in mods.items():
            with open(path, encoding="utf-8") as f:
                graph[mod] = deps(list(mod), f.read(), mods)
        folders = {}
        for mod, ds in graph.items():
            a = mod[:1]
            for d in ds:
                b = d[:1]
                if a and b and a != b:
                    folders.setdefault(a, set()).add(b)
        for kind, g in (("file", graph), ("folder", folders)):
            for comp in sccs(g):
                bad += 1
                print(f"{crate}: {kind} circle: " + " ↔ ".join("::".join(c) for c in comp))
    if bad:
        sys.exit(1)
    print("no import circles")


if __name__ == "__main__":
    main()
