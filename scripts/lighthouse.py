#!/usr/bin/env python3
"""Lighthouse (mobile preset) on every page kind of a built bantin site.

    python3 scripts/lighthouse.py                       # build the sample site, audit it
    python3 scripts/lighthouse.py --site OUTPUT_DIR     # audit a site already built
    python3 scripts/lighthouse.py --bantin target/release/bantin --root SITE --runs 5
    python3 scripts/lighthouse.py --kinds home,article --json results.json

What it does:
  1. Lighthouse from npm, pinned (LIGHTHOUSE_VERSION), installed once into
     --tools (default /tmp/bantin-lighthouse, outside the repository) with
     `npm install`; Chromium is Debian's (/usr/bin/chromium, or --chromium),
     run with --headless=new --no-sandbox --disable-gpu as tests/browser does;
  2. unless --site is given, `bantin build` of --root (default: the
     repository's sample site, content/ + site.yaml) into a temporary folder,
     with --base-url http://127.0.0.1:PORT/;
  3. serves the folder on 127.0.0.1:PORT (Python's http.server, no
     compression, 404.html for a missing page, as a plain host would);
  4. finds one page of each kind from the site itself: home, category,
     article, article with photos (the article with the most images in its
     body, when one has 5 or more), archive, author, tag, search (?q=dan van),
     404 (/404.html: Lighthouse refuses a page answered with status 404);
  5. runs Lighthouse --runs times on each (mobile form factor, slow 4G and
     4× CPU slowdown applied for real: --throttling-method=devtools, since
     the default simulated throttling replays a fast local load and does not
     see the menu jump of a late script), categories performance,
     accessibility, best practices and SEO; more flags in LIGHTHOUSE_FLAGS;
  6. prints a table of the medians: the four scores, CLS and LCP; with
     --json, writes every run's figures too.

Exit status 0 when every page has performance ≥ 95, the other three
scores 100 and CLS ≤ 0.05 (the targets of issue 15), 1 otherwise.
"""

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
LIGHTHOUSE_VERSION = "13.5.0"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions"
# Throttling applied to the real network and CPU (slow 4G, 4× slowdown): a
# deferred script then really arrives after the first paint. Lighthouse's
# default (simulated) replays a fast local load and misses such a shift.
EXTRA = ["--throttling-method=devtools"] + os.environ.get("LIGHTHOUSE_FLAGS", "").split()
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def ensure_lighthouse(tools):
    cli = os.path.join(tools, "node_modules", "lighthouse", "cli", "index.js")
    pkg = os.path.join(tools, "node_modules", "lighthouse", "package.json")
    if os.path.isfile(pkg) and json.load(open(pkg))["version"] == LIGHTHOUSE_VERSION:
        return cli
    os.makedirs(tools, exist_ok=True)
    log("installing lighthouse@{} into {} …".format(LIGHTHOUSE_VERSION, tools))
    if not os.path.isfile(os.path.join(tools, "package.json")):
        with open(os.path.join(tools, "package.json"), "w") as f:
            f.write('{"private": true}\n')
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent",
                    "lighthouse@" + LIGHTHOUSE_VERSION], cwd=tools, check=True)
    return cli


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; 404.html with status 404 for what is missing."""

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        body = open(page, "rb").read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *a):
        pass


def serve(site, port):
    handler = functools.partial(Handler, directory=site)
    handler.extensions_map = {**Handler.extensions_map, ".webp": "image/webp", ".avif": "image/avif",
                              ".js": "text/javascript", ".html": "text/html; charset=utf-8"}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def read(site, rel):
    with open(os.path.join(site, rel.strip("/"), "index.html") if not rel.endswith(".html")
              else os.path.join(site, rel), encoding="utf-8") as f:
        return f.read()


def first_link(site, page, pattern):
    m = re.search(r'href="(/{}[^"#?]*/)"'.format(pattern), read(site, page))
    return m.group(1) if m else None


def page_kinds(site):
    """One URL path of each kind, found in the built site."""
    kinds = {"home": "/"}
    categories = [c for c in sorted(os.listdir(site))
                  if os.path.isfile(os.path.join(site, c, "index.html"))
                  and c not in ("luu-tru", "tac-gia", "the", "tim-kiem", "trang", "van-ban")]
    if categories:
        kinds["category"] = "/{}/".format(categories[0])
    best, best_imgs, article = None, 0, None
    for c in categories:
        for name in sorted(os.listdir(os.path.join(site, c))):
            page = os.path.join(site, c, name, "index.html")
            if name == "trang" or not os.path.isfile(page):
                continue
            html = open(page, encoding="utf-8").read()
            if 'class="article-body' not in html:
                continue
            article = article or "/{}/{}/".format(c, name)
            body = html.split('class="article-body', 1)[1]
            imgs = body.count("<img")
            if imgs > best_imgs:
                best, best_imgs = "/{}/{}/".format(c, name), imgs
    if article:
        kinds["article"] = article
    if best and best_imgs >= 5:
        kinds["article-{}-photos".format(best_imgs)] = best
    kinds["archive"] = "/luu-tru/"
    author = first_link(site, "/tac-gia/", "tac-gia/")
    if author:
        kinds["author"] = author
    tag = first_link(site, "/the/", "the/")
    if tag:
        kinds["tag"] = tag
    kinds["search"] = "/tim-kiem/?q=dan%20van"
    # Lighthouse refuses a page answered with status 404: the 404 page itself.
    kinds["404"] = "/404.html"
    return kinds


def audit(cli, chromium, url):
    env = dict(os.environ, CHROME_PATH=chromium)
    run = subprocess.run(
        ["node", cli, url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=" + CHROME_FLAGS,
         "--max-wait-for-load=60000"] + EXTRA,
        env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("lighthouse failed on {}:\n{}".format(url, run.stderr[-2000:]))
    lhr = json.loads(run.stdout)
    row = {c: round(100 * (lhr["categories"][c]["score"] or 0)) for c in CATEGORIES}
    row["cls"] = lhr["audits"]["cumulative-layout-shift"]["numericValue"]
    row["lcp"] = lhr["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    row["bytes"] = lhr["audits"]["total-byte-weight"]["numericValue"]
    failing = [a["id"] for a in lhr["audits"].values()
               if a.get("score") is not None and a["score"] < 0.9
               and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
    row["failing"] = failing
    return row


def table(results):
    head = "{:<22} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>9}".format(
        "page (median of {})".format(len(next(iter(results.values())))),
        "perf", "a11y", "bp", "seo", "CLS", "LCP s", "KB")
    lines = [head, "-" * len(head)]
    ok = True
    for kind, runs in results.items():
        m = {k: statistics.median(r[k] for r in runs) for k in CATEGORIES + ["cls", "lcp", "bytes"]}
        ok &= m["performance"] >= 95 and all(m[c] == 100 for c in CATEGORIES[1:]) and m["cls"] <= 0.05
        lines.append("{:<22} {:>5.0f} {:>5.0f} {:>5.0f} {:>5.0f} {:>7.3f} {:>7.1f} {:>9.0f}".format(
            kind, m["performance"], m["accessibility"], m["best-practices"], m["seo"],
            m["cls"], m["lcp"], m["bytes"] / 1024))
    return "\n".join(lines), ok


def build(bantin, root, port):
    out = tempfile.mkdtemp(prefix="bantin-lighthouse-")
    site = os.path.join(out, "site")
    run = subprocess.run([bantin, "build", "--root", root, "--output", site,
                          "--base-url", "http://127.0.0.1:{}/".format(port)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit("bantin build failed:\n" + run.stderr)
    return out, site


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", help="a site bantin built with --base-url http://127.0.0.1:PORT/")
    ap.add_argument("--port", type=int, help="with --site: the port of its --base-url")
    ap.add_argument("--bantin", default=os.path.join(REPO, "target", "release", "bantin"))
    ap.add_argument("--root", default=REPO, help="the site to build (default: the sample site)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--kinds", help="comma-separated page kinds (default: all)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--tools", default="/tmp/bantin-lighthouse")
    ap.add_argument("--json", help="write every run's figures here")
    a = ap.parse_args()

    cli = ensure_lighthouse(a.tools)
    tmp = None
    if a.site:
        site, port = os.path.abspath(a.site), a.port or 8080
    else:
        port = a.port or free_port()
        tmp, site = build(a.bantin, a.root, port)
    server = serve(site, port)
    try:
        kinds = page_kinds(site)
        if a.kinds:
            kinds = {k: v for k, v in kinds.items() if any(k.startswith(w) for w in a.kinds.split(","))}
        results = {k: [] for k in kinds}
        for i in range(a.runs):
            for kind, path in kinds.items():
                row = audit(cli, a.chromium, "http://127.0.0.1:{}{}".format(port, path))
                results[kind].append(row)
                log("run {} {:<20} perf {:>3} CLS {:.3f} LCP {:.1f} s{}".format(
                    i + 1, kind, row["performance"], row["cls"], row["lcp"],
                    "  below 0.9: " + ", ".join(row["failing"]) if row["failing"] else ""))
    finally:
        server.shutdown()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    text, ok = table(results)
    print("Lighthouse {} (mobile), Chromium {}".format(LIGHTHOUSE_VERSION, chromium_version(a.chromium)))
    print(text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"kinds": kinds, "runs": results}, f, indent=1)
    sys.exit(0 if ok else 1)


def chromium_version(chromium):
    try:
        return subprocess.run([chromium, "--version"], capture_output=True, text=True).stdout.split()[1]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    main()
