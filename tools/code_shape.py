#!/usr/bin/env python3
"""Measures the shape of the code: import cycles in src/ui, long functions, size and colour
literals outside src/ui/style.rs, and parameters per widget function.

Run from the repository root: `python3 tools/code_shape.py` (or `tools/code-shape.sh`).
`--check` exits non-zero when src/ui has an import cycle or a function runs past 100 lines.
"""

import os
import re
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "src")
UI = os.path.join(SRC, "ui")
STYLE = os.path.join(UI, "style.rs")


def rust_files(top):
    for base, _, files in os.walk(top):
        for name in sorted(files):
            if name.endswith(".rs"):
                yield os.path.join(base, name)


def module_of(path):
    """`src/ui/canvas/input.rs` -> ("ui","canvas","input"); `src/ui/canvas/mod.rs` -> ("ui","canvas")."""
    rel = os.path.relpath(path, SRC)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(re.sub(r"//.*", "", line) for line in text.splitlines())


def expand_use(tree):
    """`a::{b, c::{d, self}}` -> [a::b, a::c::d, a::c]."""
    tree = tree.strip()
    depth = 0
    for i, ch in enumerate(tree):
        if ch == "{":
            if depth == 0:
                prefix = tree[:i].rstrip(":").strip()
                inner = tree[i + 1 : tree.rindex("}")]
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
                    p = p.strip()
                    if not p:
                        continue
                    if p == "self":
                        out.append(prefix)
                    else:
                        out.extend(prefix + "::" + s for s in expand_use(p))
                return out
            depth += 1
    return [re.sub(r"\s+as\s+\w+$", "", tree)]


def modules():
    mods = {}
    for path in rust_files(SRC):
        mods[module_of(path)] = path
    return mods


def resolve(current, is_mod_file, path, mods):
    """The deepest known module a `path` (as written in `current`) points into, or None."""
    segs = [s for s in path.split("::") if s]
    if not segs:
        return None
    if segs[0] == "crate":
        base, segs = (), segs[1:]
    elif segs[0] in ("super", "self"):
        base = current
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super":
                base = base[:-1]
            segs = segs[1:]
    elif is_mod_file and current + (segs[0],) in mods:
        base = current
    else:
        return None
    best = None
    for i in range(len(segs) + 1):
        cand = base + tuple(segs[:i])
        if cand in mods:
            best = cand
    return best


PATH_RE = re.compile(r"\b((?:crate|super|self)(?:::\w+)+)")


def dependencies(mods):
    deps = defaultdict(set)
    for mod, path in mods.items():
        if mod[:1] != ("ui",):
            continue
        is_mod_file = os.path.basename(path) == "mod.rs"
        text = strip_comments(open(path).read())
        paths = []
        for m in re.finditer(r"\buse\s+([^;]+);", text):
            paths.extend(expand_use(m.group(1)))
        paths.extend(PATH_RE.findall(text))
        for p in paths:
            target = resolve(mod, is_mod_file, p, mods)
            if target and target != mod and target[:1] == ("ui",):
                deps[mod].add(target)
    return deps


def sccs(nodes, edges):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
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
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def import_cycles(mods):
    """Cycles between siblings: for each folder, its files and subfolders (the folder's own
    mod.rs is the container, not a sibling), with an edge when anything in one uses the other."""
    deps = dependencies(mods)
    cycles = []
    folders = {m[:-1] for m in mods if m[:1] == ("ui",) and len(m) > 1} | {("ui",)}
    for folder in sorted(folders):
        kids = {m[: len(folder) + 1] for m in mods if m[: len(folder)] == folder and len(m) > len(folder)}
        edges = defaultdict(set)
        for src, targets in deps.items():
            if src[: len(folder)] != folder or len(src) == len(folder):
                continue
            a = src[: len(folder) + 1]
            for t in targets:
                if t[: len(folder)] == folder and len(t) > len(folder):
                    b = t[: len(folder) + 1]
                    if a != b:
                        edges[a].add(b)
        for comp in sccs(kids, edges):
            names = []
            for c in comp:
                sub = any(m[: len(c)] == c and len(m) > len(c) for m in mods)
                names.append("/".join(c[1:]) + ("/" if sub else ".rs"))
            cycles.append(names)
    return cycles


FN_RE = re.compile(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+(\w+)")


def functions(path):
    """(name, first line, line count, parameter count) for every fn with a body."""
    lines = open(path).read().splitlines()
    out = []
    for i, line in enumerate(lines):
        m = FN_RE.match(line)
        if not m:
            continue
        indent = m.group(1)
        sig = ""
        end_sig = i
        while end_sig < len(lines):
            sig += lines[end_sig] + "\n"
            s = lines[end_sig].rstrip()
            if s.endswith("{") or s.endswith(";") or s == indent + "{":
                break
            end_sig += 1
        if sig.rstrip().endswith(";"):
            continue
        end = end_sig
        if not sig.rstrip().endswith("{}"):
            while end < len(lines) and lines[end] != indent + "}":
                end += 1
        params = params_of(sig)
        out.append((m.group(2), i + 1, end - i + 1, params))
    return out


def params_of(sig):
    start = sig.find("(")
    depth, cur, parts = 0, "", []
    for c in sig[start:]:
        if c in "(<[":
            depth += 1
            if depth == 1 and c == "(":
                continue
        if c in ")>]":
            depth -= 1
            if depth == 0:
                parts.append(cur)
                break
        if c == "," and depth == 1:
            parts.append(cur)
            cur = ""
            continue
        cur += c
    return len([p for p in parts if p.strip()])


FONT_RE = re.compile(r"(FontId::(?:new|proportional|monospace)\(\s*[0-9]|\.size\(\s*[0-9])")
COLOUR_RE = re.compile(r"(Color32::(?:from_\w+|[A-Z][A-Z_]+)|Rgba::from_\w+)")
SPACE_RE = re.compile(r"add_space\(\s*-?[0-9]")


def literals():
    counts = {"font": 0, "colour": 0, "space": 0}
    for path in rust_files(UI):
        if path == STYLE or path.startswith(STYLE[:-3] + os.sep):
            continue
        text = strip_comments(open(path).read())
        counts["font"] += len(FONT_RE.findall(text))
        counts["colour"] += len(COLOUR_RE.findall(text))
        counts["space"] += len(SPACE_RE.findall(text))
    return counts


def main():
    mods = modules()
    cycles = import_cycles(mods)
    over80, over100, widget_params = [], [], []
    for path in rust_files(SRC):
        for name, line, length, params in functions(path):
            rel = os.path.relpath(path, ROOT)
            if length > 80:
                over80.append((length, f"{rel}:{line} {name}"))
            allowed = name == "apply" and rel.startswith("src/model/")
            if length > 100 and not allowed:
                over100.append((length, f"{rel}:{line} {name}"))
            if path.startswith(UI) and (name == "ui" or name.endswith("_ui")):
                widget_params.append(params)
    long_files = sorted(
        (sum(1 for _ in open(p)), os.path.relpath(p, ROOT)) for p in rust_files(SRC)
    )
    long_files = [f for f in long_files if f[0] > 450]
    lit = literals()
    print(f"import cycles in src/ui: {len(cycles)}")
    for c in cycles:
        print("  " + " <-> ".join(c))
    print(
        f"functions over 80 lines: {len(over80)} "
        f"(over 100, besides a model's exhaustive apply: {len(over100)})"
    )
    for length, where in sorted(over100, reverse=True):
        print(f"  {length:4} {where}")
    print(f"files over 450 lines: {len(long_files)}")
    for length, where in long_files:
        print(f"  {length:4} {where}")
    print(
        "literals outside style.rs: "
        f"font sizes {lit['font']}, colours {lit['colour']}, add_space {lit['space']}"
    )
    if widget_params:
        avg = sum(widget_params) / len(widget_params)
        print(
            f"widget functions (*_ui): {len(widget_params)}, parameters mean {avg:.2f}, "
            f"max {max(widget_params)}, with 5 or more {sum(p >= 5 for p in widget_params)}"
        )
    if "--check" in sys.argv and (cycles or over100):
        sys.exit(1)


if __name__ == "__main__":
    main()
