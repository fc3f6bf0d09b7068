#!/usr/bin/env python3
"""Whole-process timing with public tools only (pure stdlib, Linux).

A copy of the shared benchmark's measure.py, kept here so the repository's
benchmark runs on its own; scripts/bench.py imports `run_once` from it.

Runs COMMAND R times after W warm-up runs and prints min / median / max of
wall seconds (monotonic clock around fork..reap), cpu = user + sys seconds and
peak RSS (MiB) as reported by wait4() for the finished child (children it
waited for included).  With --vs 'COMMAND_B', A and B alternate (A B A B ...)
and the A/B wall ratio is taken pair by pair.  Quote the median.

    python3 measure.py -n 5 --warmup 1 -- hugo --quiet -s site-hugo-10k -d /tmp/outH
    python3 measure.py -n 5 --vs "zola --root site-zola-10k build -o /tmp/outZ --force" \
        -- hugo --quiet -s site-hugo-10k -d /tmp/outH

Commands get no shell; for pipes or `rm -rf X && ...` use sh -c '...'.
Their output is discarded.
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(cmd, env=None):
    """(wall s, cpu s, peak RSS MiB, exit code) of one run of cmd (no shell)."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, p.returncode


def fmt(name, xs, unit):
    return "{:<5} min {:9.3f}  median {:9.3f}  max {:9.3f} {}".format(
        name, min(xs), statistics.median(xs), max(xs), unit)


def report(label, runs):
    print("{}: {} runs, exit codes {}".format(label, len(runs), sorted({r[3] for r in runs})))
    print("  " + fmt("wall", [r[0] for r in runs], "s"))
    print("  " + fmt("cpu", [r[1] for r in runs], "s"))
    print("  " + fmt("peak", [r[2] for r in runs], "MiB"))


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit(__doc__)
    i = argv.index("--")
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--vs", default=None)
    a = ap.parse_args(argv[:i])
    cmd_a = argv[i + 1:]
    cmd_b = shlex.split(a.vs) if a.vs else None
    for _ in range(a.warmup):
        run_once(cmd_a)
        if cmd_b:
            run_once(cmd_b)
    ra, rb = [], []
    for _ in range(a.n):
        ra.append(run_once(cmd_a))
        if cmd_b:
            rb.append(run_once(cmd_b))
    report("A " + " ".join(cmd_a), ra)
    if cmd_b:
        report("B " + " ".join(cmd_b), rb)
        ratios = [x[0] / y[0] for x, y in zip(ra, rb)]
        print("  " + fmt("A/B", ratios, "(wall ratio, pairwise)"))


if __name__ == "__main__":
    main()
