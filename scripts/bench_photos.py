#!/usr/bin/env python3
"""Photo benchmark (issue 15): 200 phone photos (12 MP) across a 1,000-article
corpus, bantin beside Hugo processing the same photos into the same
derivatives.

    python3 scripts/bench_photos.py --bantin PATH/TO/bantin [--runs 3]
    python3 scripts/bench_photos.py --bantin B --no-hugo --runs 5
    python3 scripts/bench_photos.py --bantin B --baseline target/release/bantin-main

What it does:
  1. the 1,000-article corpus of scripts/bench.py (scripts/gen_corpus.py, seed
     42, cached in --cache, default /tmp/bantin-bench), 200 photos from
     scripts/gen_photos.py (4000×3000 JPEG, 3–4 MB, EXIF orientation 6 on a
     quarter, GPS on a third; made once, reused) and a copy of the corpus
     with one photo beside every 5th article (hard links: no extra disk),
     as its `image:` and in its body;
  2. its Hugo twin (scripts/hugo/to_hugo.py) with the photos in assets/anh/
     and a Markdown image render hook making, per photo, what bantin makes
     by default: WebP at 480, 960 and 1600 px wide (quality 78), a 640×400
     WebP thumbnail (fill, centre), a 1200 px JPEG for og:image, each with
     images.AutoOrient first;
  3. timed runs (wall, CPU, peak RSS from wait4(), see scripts/measure.py),
     alternating the tools, each writing into a fresh folder under /dev/shm:
       cold   bantin with its image cache (ROOT/.bantin) removed; Hugo with
              its resources/_gen and cache dir removed;
       warm   the same with the caches full (after the cold run);
       none   bantin on the same corpus without photos (what "warm" is
              compared with: the issue wants it within 5 %);
       and, with --baseline B, B's build of the photo corpus (e.g. a
       bantin before the photo pipeline, which copies the originals);
     With a Zola binary (--zola, else ZOLA=, else `zola` on PATH), its twin
     (scripts/zola/to_zola.py: the photos in anh/, the page template
     calling resize_image for the same five files) is timed the same way:
     cold with its static/processed_images removed, warm with it full;
  4. a table of medians, the Hugo ÷ bantin and Zola ÷ bantin ratios (run
     pair by run pair) and warm ÷ none.

Needs Pillow and NumPy for the photos; Linux (wait4, /dev/shm).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import bench  # noqa: E402
import gen_photos  # noqa: E402
from bench import count_files, fresh, log, med  # noqa: E402
from measure import run_once  # noqa: E402

RENDER_HOOK = """{{- $alt := .Text -}}
{{- with resources.Get (printf "anh/%s" .Destination) -}}
{{- $s := .Filter images.AutoOrient (images.Process "resize 480x webp q78") -}}
{{- $m := .Filter images.AutoOrient (images.Process "resize 960x webp q78") -}}
{{- $l := .Filter images.AutoOrient (images.Process "resize 1600x webp q78") -}}
{{- $t := .Filter images.AutoOrient (images.Process "fill 640x400 Center webp q78") -}}
{{- $og := .Filter images.AutoOrient (images.Process "resize 1200x jpeg q78") -}}
<img src="{{ $m.RelPermalink }}" srcset="{{ $s.RelPermalink }} 480w, {{ $m.RelPermalink }} 960w, {{ $l.RelPermalink }} 1600w" sizes="(max-width: 48em) 100vw, 720px" width="{{ $m.Width }}" height="{{ $m.Height }}" alt="{{ $alt }}" loading="lazy" decoding="async" data-thumb="{{ $t.RelPermalink }}" data-og="{{ $og.RelPermalink }}">
{{- end -}}
"""


def ensure_hugo_photos(corpus):
    """The Hugo twin of the photo corpus, photos in assets/anh/, the hook."""
    site = bench.ensure_hugo_site(corpus)
    stamp = os.path.join(site, ".photos-complete")
    if os.path.isfile(stamp):
        return site
    anh = os.path.join(site, "assets", "anh")
    os.makedirs(anh, exist_ok=True)
    for dirpath, _, names in os.walk(os.path.join(corpus, "content")):
        for n in names:
            if n.endswith(".jpg") and not os.path.exists(os.path.join(anh, n)):
                os.link(os.path.join(dirpath, n), os.path.join(anh, n))
    hook = os.path.join(site, "layouts", "_default", "_markup", "render-image.html")
    os.makedirs(os.path.dirname(hook), exist_ok=True)
    with open(hook, "w", encoding="utf-8") as f:
        f.write(RENDER_HOOK)
    open(stamp, "w").close()
    return site


def find_zola(explicit):
    """The zola binary and its version, or (None, None)."""
    cand = explicit or os.environ.get("ZOLA") or shutil.which("zola")
    if not cand:
        return None, None
    try:
        out = subprocess.run([cand, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None, None
    return cand, out.stdout.strip().split()[-1] if out.returncode == 0 else None


def ensure_zola_photos(corpus):
    """The Zola twin of the photo corpus (scripts/zola/to_zola.py)."""
    site = corpus + "-zola"
    stamp = os.path.join(site, ".complete")
    if not os.path.isfile(stamp):
        subprocess.run([sys.executable, os.path.join(HERE, "zola", "to_zola.py"),
                        corpus, site, "--force"], check=True)
        open(stamp, "w").close()
    return site


def timed(cmd, out, clear=(), replace=False):
    """One timed run of cmd, writing into out: a fresh folder, or with
    replace the previous run's output, which the command replaces."""
    if not replace:
        fresh(out)
    for path in clear:
        fresh(path)
    wall, cpu, peak, rc = run_once(cmd)
    if rc != 0:
        raise SystemExit("failed (exit {}): {}".format(rc, " ".join(cmd)))
    return wall, cpu, peak


def summary(name, runs, out):
    html, files, size = count_files(out) if out and os.path.isdir(out) else (0, 0, 0)
    return {
        "name": name, "runs": len(runs),
        "wall": med([r[0] for r in runs]), "min": min(r[0] for r in runs), "max": max(r[0] for r in runs),
        "cpu": med([r[1] for r in runs]), "peak": max(r[2] for r in runs),
        "files": files, "mb": size / 1e6,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bantin", required=True, help="a bantin with the photo pipeline")
    ap.add_argument("--baseline", help="another bantin to time on the photo corpus (e.g. main's)")
    ap.add_argument("--hugo", help="the hugo binary (default: HUGO=, else hugo on PATH)")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--zola", help="the zola binary (default: ZOLA=, else zola on PATH)")
    ap.add_argument("--no-zola", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--hugo-runs", type=int,
                    help="timed Hugo and Zola runs (default --runs; their cold builds are slow)")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "bantin-bench"))
    ap.add_argument("--in-site", action="store_true",
                    help="bantin builds into each site's own output/ folder, replacing the "
                         "previous run's (as an editor does: the cache's files can be linked)")
    ap.add_argument("--bantin-cache", default=".bantin",
                    help="bantin's cache folder, relative to the site (default .bantin)")
    a = ap.parse_args()

    corpus = bench.ensure_corpus(a.cache, a.articles, a.seed)
    pool = gen_photos.ensure_pool(gen_photos.pool_path(a.cache, a.seed), a.photos, a.seed, log=log)
    photo_corpus = gen_photos.add_photos(
        corpus, "{}-photos{}".format(corpus, a.photos), pool, a.photos)
    hugo = None
    if not a.no_hugo:
        hugo, version = bench.find_hugo(a.hugo)
        log("hugo: {} ({})".format(hugo, version))
    hugo_site = ensure_hugo_photos(photo_corpus) if hugo else None
    zola = None
    if not a.no_zola:
        zola, z_version = find_zola(a.zola)
        log("zola: {} ({})".format(zola, z_version) if zola else "zola: not found, not run")
    zola_site = ensure_zola_photos(photo_corpus) if zola else None

    scratch = tempfile.mkdtemp(prefix="bantin-bench-photos-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    outs = {k: os.path.join(scratch, k) for k in ("bantin", "hugo", "zola", "none", "baseline")}
    if a.in_site:
        outs["bantin"] = os.path.join(photo_corpus, "output")
        outs["none"] = os.path.join(corpus, "output")
    b_cache = os.path.join(photo_corpus, a.bantin_cache)
    cmd_b = [a.bantin, "build", "--future", "--root", photo_corpus, "--output", outs["bantin"]]
    cmd_none = [a.bantin, "build", "--future", "--root", corpus, "--output", outs["none"]]
    cmd_base = [a.baseline, "build", "--future", "--root", photo_corpus, "--output", outs["baseline"]] if a.baseline else None
    if hugo:
        h_caches = [os.path.join(hugo_site, "resources"), os.path.join(scratch, "hugo-cache")]
        cmd_h = [hugo, "--quiet", "-s", hugo_site, "-d", outs["hugo"], "--cacheDir", h_caches[1]]
    if zola:
        z_caches = [os.path.join(zola_site, "static", "processed_images")]
        cmd_z = [zola, "--root", zola_site, "build", "--output-dir", outs["zola"], "--force"]
    runs = {k: [] for k in ("bantin cold", "hugo cold", "zola cold", "bantin warm", "hugo warm",
                            "zola warm", "bantin none", "baseline")}
    try:
        rep = a.in_site
        timed(cmd_none, outs["none"], replace=rep)  # warm-up: files in the page cache
        for i in range(a.runs):
            log("run {}/{}".format(i + 1, a.runs))
            runs["bantin cold"].append(timed(cmd_b, outs["bantin"], [b_cache], replace=rep))
            hugo_now = hugo and i < (a.hugo_runs if a.hugo_runs is not None else a.runs)
            zola_now = zola and i < (a.hugo_runs if a.hugo_runs is not None else a.runs)
            if hugo_now:
                runs["hugo cold"].append(timed(cmd_h, outs["hugo"], h_caches))
            if zola_now:
                runs["zola cold"].append(timed(cmd_z, outs["zola"], z_caches))
            runs["bantin warm"].append(timed(cmd_b, outs["bantin"], replace=rep))
            if hugo_now:
                runs["hugo warm"].append(timed(cmd_h, outs["hugo"]))
            if zola_now:
                runs["zola warm"].append(timed(cmd_z, outs["zola"]))
            runs["bantin none"].append(timed(cmd_none, outs["none"], replace=rep))
            if cmd_base:
                runs["baseline"].append(timed(cmd_base, outs["baseline"]))
            for k, rs in runs.items():
                if rs and len(rs) == i + 1:
                    log("  {:<12} {:7.2f} s  cpu {:6.2f} s  peak {:5.0f} MiB".format(k, *rs[-1]))
        where = {"bantin cold": "bantin", "bantin warm": "bantin", "hugo cold": "hugo",
                 "hugo warm": "hugo", "zola cold": "zola", "zola warm": "zola",
                 "bantin none": "none", "baseline": "baseline"}
        rows = [summary(k, rs, outs[where[k]]) for k, rs in runs.items() if rs]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    print("{} articles, {} photos of 4000×3000 ({:.0f} MB), medians of {} runs".format(
        a.articles, a.photos, sum(os.path.getsize(os.path.join(pool, f)) for f in os.listdir(pool)
                                  if f.endswith(".jpg")) / 1e6, a.runs))
    print("| build | wall s (median) | min–max | CPU s | peak MiB | files | MB written |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print("| {} | {:.2f} | {:.2f}–{:.2f} | {:.1f} | {:.0f} | {:,} | {:.0f} |".format(
            r["name"], r["wall"], r["min"], r["max"], r["cpu"], r["peak"], r["files"], r["mb"]))

    def ratio(x, y):
        return statistics.median(p[0] / q[0] for p, q in zip(runs[x], runs[y]))
    print("Ratios are taken run pair by run pair (over the runs both have).")
    if hugo:
        print("Hugo ÷ bantin, cold: {:.2f}×; warm: {:.2f}×".format(
            ratio("hugo cold", "bantin cold"), ratio("hugo warm", "bantin warm")))
    if zola:
        print("Zola ÷ bantin, cold: {:.2f}×; warm: {:.2f}×".format(
            ratio("zola cold", "bantin cold"), ratio("zola warm", "bantin warm")))
    print("bantin warm ÷ bantin without photos: {:.3f} (target ≤ 1.05)".format(
        ratio("bantin warm", "bantin none")))


if __name__ == "__main__":
    main()
