#!/usr/bin/env python3
"""Page weight of an article with 5 phone photos on a phone (issue 15).

    python3 scripts/page_weight.py --bantin target/release/bantin
    python3 scripts/page_weight.py --bantin B --photos 5 --keep /tmp/site

Builds the sample site (content/ + site.yaml) with five photos of the
benchmark pool (scripts/gen_photos.py: 4000×3000 JPEG, 3–4 MB, some with
EXIF orientation 6 and GPS) beside one article and shown in its body, serves
it on 127.0.0.1 (no compression: photos do not compress) and opens the
article in Chromium at 360 px wide, DPR 2 (scripts/page_weight.mjs, with
playwright-core from tests/browser): every byte the page downloads, by
type, and each image chosen. The issue's target is at most 600 KB of HTML
and images; exit status 1 above it.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import gen_photos  # noqa: E402
import lighthouse  # noqa: E402

ARTICLE = "content/cong-tac-dang/hoi-nghi-ban-chap-hanh-so-ket-6-thang-dau-nam-2024.md"
TARGET_KB = 600


def pool_photos(pool):
    """The JPEGs of a pool folder, in name order."""
    return sorted(os.path.join(pool, n) for n in os.listdir(pool) if n.lower().endswith((".jpg", ".jpeg")))


def make_site(dest, pool, count):
    """The sample site with `count` pool photos in ARTICLE's body."""
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(dest, "content"))
    shutil.copy(os.path.join(REPO, "site.yaml"), dest)
    md = os.path.join(dest, ARTICLE)
    with open(md, encoding="utf-8") as f:
        text = f.read()
    head, body = re.match(r"(?s)(---\n.*?\n---\n)(.*)", text).groups()
    paras = body.strip().split("\n\n")
    for i in range(count):
        name = "anh-hoi-nghi-{}.jpg".format(i + 1)
        shutil.copy(pool_photos(pool)[i], os.path.join(os.path.dirname(md), name))
        at = min(len(paras), 1 + 2 * i)
        paras.insert(at, "![Quang cảnh hội nghị, ảnh {}]({})".format(i + 1, name))
    with open(md, "w", encoding="utf-8") as f:
        f.write(head + "\n\n".join(paras) + "\n")
    path = os.path.splitext(os.path.relpath(md, os.path.join(dest, "content")))[0]
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bantin", default=os.path.join(REPO, "target", "release", "bantin"))
    ap.add_argument("--photos", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "bantin-bench"))
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--keep", help="build here and keep it (default: a temporary folder)")
    ap.add_argument("--pool", help="take the photos (*.jpg, in name order) from this folder "
                    "instead of generating them, e.g. real camera photos")
    a = ap.parse_args()

    if a.pool:
        pool = a.pool
        if len(pool_photos(pool)) < a.photos:
            raise SystemExit("{} holds fewer than {} JPEG photos".format(pool, a.photos))
    else:
        pool = gen_photos.ensure_pool(gen_photos.pool_path(a.cache, a.seed), a.photos, a.seed)
    tmp = a.keep or tempfile.mkdtemp(prefix="bantin-weight-")
    try:
        site, out = os.path.join(tmp, "site"), os.path.join(tmp, "out")
        make_site(site, pool, a.photos)
        port = lighthouse.free_port()
        build = subprocess.run([a.bantin, "build", "--root", site, "--output", out,
                                "--base-url", "http://127.0.0.1:{}/".format(port)],
                               capture_output=True, text=True)
        if build.returncode != 0:
            raise SystemExit("bantin build failed:\n" + build.stderr)
        # The article's address: the page whose body shows the photos.
        url = None
        for dirpath, _, names in os.walk(out):
            if "index.html" in names and "anh-hoi-nghi-1" in open(os.path.join(dirpath, "index.html"), encoding="utf-8").read() \
                    and 'class="article-body' in open(os.path.join(dirpath, "index.html"), encoding="utf-8").read():
                url = "/" + os.path.relpath(dirpath, out).replace(os.sep, "/") + "/"
                break
        if not url:
            raise SystemExit("no article page shows the photos")
        server = lighthouse.serve(out, port)
        try:
            run = subprocess.run(["node", os.path.join(HERE, "page_weight.mjs"), "--url",
                                  "http://127.0.0.1:{}{}".format(port, url), "--chromium", a.chromium],
                                 capture_output=True, text=True)
        finally:
            server.shutdown()
        if run.returncode != 0:
            raise SystemExit("page_weight.mjs failed:\n" + run.stderr)
        r = json.loads(run.stdout)
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)

    photos_mb = sum(os.path.getsize(p) for p in pool_photos(pool)[: a.photos]) / 1e6
    print("Article with {} phone photos ({:.1f} MB of originals), 360×740 at DPR 2, {}".format(
        a.photos, photos_mb, url))
    for kind, n in sorted(r["byType"].items(), key=lambda kv: -kv[1]):
        print("  {:<12} {:>10,.0f} KB".format(kind, n / 1024))
    html_images = r["byType"].get("document", 0) + r["byType"].get("image", 0)
    print("  {:<12} {:>10,.0f} KB".format("all", r["total"] / 1024))
    print("HTML + images: {:,.0f} KB (target ≤ {} KB)".format(html_images / 1024, TARGET_KB))
    for img in r["images"]:
        print("  image {:>8,.0f} KB  {}".format(img["bytes"] / 1024, img["url"].split("/", 3)[-1]))
    sys.exit(0 if html_images <= TARGET_KB * 1024 else 1)


if __name__ == "__main__":
    main()
