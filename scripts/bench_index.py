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
  2. the repository's sample site built by each: the probe's buckets must
     be empty and the real ones not, so that a probe built without the
     feature cannot pass for one;
  3. on the 10,000-article corpora of scripts/bench.py (ours and, when
     ../shared/bench/gen_corpus.py exists, the shared generator's), the
     replacing builds of `scripts/bench.py --replace-only` (bench_replace):
     each binary on its own copy of the site on /dev/shm, a first build and
     --warmup untimed ones, then --runs timed ones, alternating (A B C A B C
     ...). Before each run one article gets a new sentence (`bench.py
     --edit`): a build of an unchanged site keeps its search files from the
     last build and makes no index, so only an edit shows what the index
     costs. Wall time, CPU and peak RSS from wait4() (scripts/measure.py);
  4. the table of medians, and the index's cost: the median wall and CPU
     time of the real build minus those of the build with an empty index.

Only the standard library; Linux (wait4, /dev/shm).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bench  # noqa: E402

TARGET_EXTRA = 0.1
REAL, PROBE = "bantin", "no index (probe)"


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


def check_probe(bantin, probe, env, probe_env):
    """The repository's sample site built by each binary: the probe's first
    bucket must be empty and the real one not, so that a probe built without
    the feature cannot pass for one."""
    def first_bucket(binary, environment):
        with tempfile.TemporaryDirectory(prefix="bantin-probe-check-") as site:
            for d in ("content", "themes"):
                shutil.copytree(os.path.join(REPO, d), os.path.join(site, d))
            shutil.copy(os.path.join(REPO, "site.yaml"), site)
            bench.sh([binary, "build", "--root", site], env=environment,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            with open(os.path.join(site, "output", "tim-kiem", "tu", "0.json"),
                      encoding="utf-8") as f:
                return f.read()
    if first_bucket(probe, probe_env) != "{}" or first_bucket(bantin, env) == "{}":
        raise SystemExit("the probe did not leave the index empty (or the real build did): "
                         "is target/probes/ built with --features bench-probes?")


def costs(rows):
    """Per corpus and real binary: its median wall and CPU time minus the
    probe's."""
    by = {(r["label"], r["tool"]): r for r in rows}
    for (label, tool), r in by.items():
        if tool == PROBE:
            continue
        without = by[(label, PROBE)]
        extra = r["wall"] - without["wall"]
        bench.log("{}: the index costs {} {:.3f} s of wall time and {:.2f} CPU-s "
                  "(target <= {} s: {})".format(
                      label, tool, extra, r["cpu"] - without["cpu"], TARGET_EXTRA,
                      "met" if extra <= TARGET_EXTRA else "NOT met"))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11, help="timed runs per binary (default 11)")
    ap.add_argument("--warmup", type=int, default=2,
                    help="untimed runs after the first build (default 2)")
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
    a.edit = True  # see 3. above

    bantin, probe = build_binaries(a)
    env = dict(os.environ)
    env.pop("BANTIN_PROBE_EMPTY_INDEX", None)
    probe_env = dict(env, BANTIN_PROBE_EMPTY_INDEX="1")
    check_probe(bantin, probe, env, probe_env)
    tools = [(REAL, bantin, env), (PROBE, probe, probe_env)]
    if a.baseline:
        tools.insert(1, ("baseline", a.baseline, env))

    bench.log("== what the search index costs a build, 10,000 articles")
    for line in bench.machine():
        bench.log(line)
    bench.log("runs: {} timed after {} warm-up, alternating binaries; medians".format(
        a.runs, a.warmup))
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
            rows += bench.bench_replace(label, 10000, make(), None, a.runs, a, tools, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    bench.log(bench.replace_table(rows))
    costs(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
