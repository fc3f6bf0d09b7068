#!/usr/bin/env python3
"""What the search word index costs a build (issue 17 item 3: "the index
made inside the build for <= 0.1 s extra at 10,000 articles").

    scripts/bench_index.py                    # our corpus and the shared one, 11 runs
    scripts/bench_index.py --runs 7 --baseline OLD_BANTIN

What it does, in order:
  1. `cargo build --release`, and the same with `--features bench-probes`
     into target/probes/ (skip both with --no-build). The probe binary
     leaves the word index empty when BANTIN_PROBE_EMPTY_INDEX is set (every
     `tim-kiem/tu/<n>.json` is then `{}`); nothing else differs;
  2. the 10,000-article corpora of scripts/bench.py (ours and, when
     ../shared/bench/gen_corpus.py exists, the shared generator's), each
     copied once per binary to /dev/shm;
  3. --warmup untimed builds, then --runs timed builds of each binary,
     alternating (A B C A B C ...), each replacing the output of its own
     copy (`bantin build --future --root COPY`, so the spare tree is used as
     an editor's build uses it). Wall time, CPU and peak RSS from wait4()
     (scripts/measure.py);
  4. a table of medians, and the index's cost: the median wall and CPU time
     of the real build minus those of the build with an empty index.

The probe's output is checked to have empty buckets and the real build's
not, so a probe built without the feature cannot pass for one.

Only the standard library; Linux (wait4, /dev/shm).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bench  # noqa: E402
from measure import run_once  # noqa: E402

TARGET_EXTRA = 0.1


def build_binaries(a):
    bantin = os.path.join(REPO, "target", "release", "bantin")
    probe = os.path.join(REPO, "target", "probes", "release", "bantin")
    if not a.no_build:
        bench.log("== cargo build --release (and with --features bench-probes)")
        bench.sh(["cargo", "build", "--release", "--quiet"], cwd=REPO)
        bench.sh(["cargo", "build", "--release", "--quiet", "--features", "bench-probes",
                  "--target-dir", os.path.join(REPO, "target", "probes")], cwd=REPO)
    for b in (bantin, probe):
        if not os.access(b, os.X_OK):
            raise SystemExit("no binary at {} (run without --no-build)".format(b))
    return bantin, probe


def bucket(out):
    with open(os.path.join(out, "tim-kiem", "tu", "0.json"), encoding="utf-8") as f:
        return f.read()


def measure_corpus(label, corpus, tools, a, scratch):
    """tools: (name, binary, env). Returns rows of medians."""
    copies = {}
    for name, _, _ in tools:
        copies[name] = os.path.join(scratch, name)
        bench.fresh(copies[name])
        shutil.copytree(corpus, copies[name], symlinks=True)
    cmd = {name: [binary, "build", "--future", "--root", copies[name]]
           for name, binary, _ in tools}
    envs = {name: env for name, _, env in tools}
    for _ in range(max(a.warmup, 1)):
        for name, _, _ in tools:
            run(cmd[name], envs[name])
    empty = bucket(os.path.join(copies["no index (probe)"], "output")) == "{}"
    real = bucket(os.path.join(copies["bantin"], "output")) != "{}"
    if not (empty and real):
        raise SystemExit("the probe did not leave the index empty (or the real build did): "
                         "is target/probes/ built with --features bench-probes?")
    runs = {name: [] for name, _, _ in tools}
    for _ in range(a.runs):
        for name, _, _ in tools:
            runs[name].append(run(cmd[name], envs[name]))
    rows = []
    for name, _, _ in tools:
        r = runs[name]
        rows.append({
            "label": label, "tool": name,
            "wall": statistics.median(x[0] for x in r),
            "walls": [x[0] for x in r],
            "cpu": statistics.median(x[1] for x in r),
            "peak": statistics.median(x[2] for x in r),
            "peak_max": max(x[2] for x in r),
        })
    for name in copies.values():
        shutil.rmtree(name, ignore_errors=True)
    return rows


def run(cmd, env):
    wall, cpu, peak, rc = run_once(cmd, env)
    if rc != 0:
        raise SystemExit("failed (exit {}): {}".format(rc, " ".join(cmd)))
    return wall, cpu, peak


def report(rows):
    lines = ["| corpus | build | wall s (median) | runs (wall s) | CPU s | peak MiB (median, max) |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| {} | {} | {:.3f} | {} | {:.2f} | {:.0f}, {:.0f} |".format(
            r["label"], r["tool"], r["wall"], " ".join("{:.2f}".format(w) for w in r["walls"]),
            r["cpu"], r["peak"], r["peak_max"]))
    bench.log("\n".join(lines))
    by = {(r["label"], r["tool"]): r for r in rows}
    for label in dict.fromkeys(r["label"] for r in rows):
        for tool in ("bantin", "baseline"):
            if (label, tool) not in by:
                continue
            with_index, without = by[(label, tool)], by[(label, "no index (probe)")]
            extra = with_index["wall"] - without["wall"]
            bench.log("{}: the index costs {} {:.3f} s of wall time and {:.2f} CPU-s "
                      "(target <= {} s: {})".format(
                          label, tool, extra, with_index["cpu"] - without["cpu"], TARGET_EXTRA,
                          "met" if extra <= TARGET_EXTRA else "NOT met"))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11, help="timed runs per binary (default 11)")
    ap.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "bantin-bench"),
                    help="where corpora are kept between runs (default /tmp/bantin-bench)")
    ap.add_argument("--no-build", action="store_true",
                    help="use target/release/bantin and target/probes/release/bantin as they are")
    ap.add_argument("--baseline",
                    help="another bantin binary (an older commit) in the alternation; its cost "
                         "is taken against the same probe, so it is the index's alone only when "
                         "the two differ in the index alone")
    ap.add_argument("--shared-gen", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"),
                    help="the shared corpus generator ('' to skip that corpus)")
    a = ap.parse_args()

    bantin, probe = build_binaries(a)
    env = dict(os.environ)
    env.pop("BANTIN_PROBE_EMPTY_INDEX", None)
    probe_env = dict(env, BANTIN_PROBE_EMPTY_INDEX="1")
    tools = [("bantin", bantin, env), ("no index (probe)", probe, probe_env)]
    if a.baseline:
        tools.insert(1, ("baseline", a.baseline, env))

    bench.log("== what the search index costs a build, 10,000 articles")
    for line in bench.machine():
        bench.log(line)
    bench.log("runs: {} timed after {} warm-up, alternating binaries; medians".format(
        a.runs, max(a.warmup, 1)))
    os.makedirs(a.cache, exist_ok=True)
    jobs = [("10,000", lambda: bench.ensure_corpus(a.cache, 10000, a.seed))]
    if a.shared_gen and os.path.isfile(a.shared_gen):
        jobs.append(("10,000 shared", lambda: bench.shared_with_images(a.cache, a.shared_gen)))
    elif a.shared_gen:
        bench.log("shared corpus skipped: no {}".format(a.shared_gen))
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    scratch = tempfile.mkdtemp(prefix="bantin-index-", dir=shm)
    rows = []
    try:
        for label, make in jobs:
            bench.log("== {} articles".format(label))
            rows += measure_corpus(label, make(), tools, a, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
