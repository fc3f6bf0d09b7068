#!/bin/sh
# Print the import graph between the top-level modules of src/ (an edge
# "a -> b" when a file of module a names `crate::b`, doc comments and tests
# ignored; `crate::t!` counts as i18n, where the macro lives), then every pair or cycle of modules that import each other.
# Usage: scripts/modgraph.sh [src-dir]     (exit code 1 when a cycle exists)
set -eu
SRC=${1:-"$(dirname "$0")/../src"}
cd "$SRC"
python3 - <<'PY'
import os, re, sys
edges = set()
for dirpath, _, files in os.walk("."):
    for f in files:
        if not f.endswith(".rs") or f.endswith("_tests.rs"):
            continue
        path = os.path.normpath(os.path.join(dirpath, f))
        top = path.split(os.sep)[0].removesuffix(".rs")
        if top in ("lib", "main"):
            continue
        text = open(os.path.join(dirpath, f), encoding="utf-8").read()
        # Unit tests at the end of a file do not count.
        text = re.split(r"\n#\[cfg\(test\)\]\s*\nmod tests", text)[0]
        for line in text.splitlines():
            code = line.split("//")[0]
            for m in re.finditer(r"\bcrate::([a-z_0-9]+)(!?)", code):
                # `crate::t!` is i18n's message macro, not a module.
                name = "i18n" if m.group(2) else m.group(1)
                if name != top:
                    edges.add((top, name))
nodes = sorted({a for a, _ in edges} | {b for _, b in edges})
out = {n: sorted(b for a, b in edges if a == n) for n in nodes}
for n in nodes:
    if out[n]:
        print(f"{n} -> {' '.join(out[n])}")
# Strongly connected components (Tarjan): each with more than one module is a cycle.
index, low, stack, on, sccs, i = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
    for w in out[v]:
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        sccs.append(sorted(c))
sys.setrecursionlimit(10000)
for n in nodes:
    if n not in index:
        visit(n)
cycles = [c for c in sccs if len(c) > 1]
for c in cycles:
    print("cycle: " + " <-> ".join(c))
if not cycles:
    print("no cycles")
sys.exit(1 if cycles else 0)
PY
