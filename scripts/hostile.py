#!/usr/bin/env python3
"""Hostile-input campaign against a release `bantin` binary (issue 12).

    python3 scripts/hostile.py                      # target/release/bantin, seed 1
    python3 scripts/hostile.py --before OLD_BIN --before-site OLD_CHECKOUT

Four classes, each with counts, printed as one summary table at the end:

  (a) mutated sites: byte flips, insertions (control characters, NFD text,
      legacy bytes, huge lines, YAML and Markdown syntax), deletions and
      truncations of the sample articles and site.yaml. Counted: panics
      ("panicked" on stderr, or an exit code outside 0-3), the exit codes,
      and failed builds that changed the previous output or left a
      `.bantin-*` sibling.
  (b) kill -9 / SIGINT / SIGTERM at a random moment of a 2,000-article
      build (scripts/gen_corpus.py). Counted: runs after which the output
      was missing or not exactly one complete build, and `.bantin-*`
      siblings left after the next build.
  (c) XSS payloads in titles, summaries, tags, authors, categories, bodies,
      raw HTML, link targets and image alt texts. Counted: payloads whose
      script elements, on* attributes or javascript:/vbscript:/data: URLs
      reach a page, a feed item (title/description decoded as HTML, as
      readers do) or a JSON-LD block (which must stay valid JSON).
  (d) output-path abuse: a file, a symlink to a folder, a dangling symlink,
      a non-empty folder, a folder holding bantin's marker, output inside
      content/, `--output .`. Reported: exit code and what happened to the
      user's files.

Standard library only; seeded (same --seed, same inputs); bounded by
--budget seconds (default 600) shared between the classes.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIBLING = re.compile(r"\.bantin-(new|old|lock)")


def run(cmd, timeout=120, **kw):
    """Runs cmd; returns (exit code, stdout+stderr text). Timeout = code -999."""
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout, **kw)
        return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -999, "TIMEOUT"


def manifest(root):
    """{relative path: sha256} of every file under root (None if absent)."""
    root = Path(root)
    if not root.is_dir():
        return None
    out = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            p = Path(dirpath, f)
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def siblings(folder):
    return sorted(n for n in os.listdir(folder) if SIBLING.search(n))


def copy_site(src, dst):
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    for name in ("content", "themes", "static"):
        if (src / name).exists():
            shutil.copytree(src / name, dst / name, symlinks=True)
    shutil.copy2(src / "site.yaml", dst / "site.yaml")


# ---------------------------------------------------------------- (a) mutations

CONTROL = [b"\x00", b"\x08", b"\x0b", b"\x0c", b"\x1b", b"\x7f", "\u0085".encode(), "\ufeff".encode(),
           "\u202e".encode(), "\ufffe".encode(), b"\r", b"\r\n"]
SYNTAX = [b"---\n", b": ", b"\n  - ", b"{{", b"{%", b"[", b"](", b"<", b"&", b"\"", b"'", b"\t", b"#",
          b"date: 31/02/2020\n", b"date: 2020-13-45\n", b"category: KHONG CO\n", b"draft: maybe\n",
          b"views: -1e309\n", b"title: \n", b"*&a [*a]\n", b"!!binary x\n", b"[x][y]\n", b"<!--",
          b"![a](../../../../etc/passwd)", b"[a](../khong-co.md#x)"]


def mutate(data, rnd):
    """One random mutation of the bytes `data`."""
    kind = rnd.choice(["flip", "insert", "control", "syntax", "nfd", "legacy", "huge", "truncate",
                       "delete", "duplicate", "invalid_utf8", "lone_surrogate"])
    pos = rnd.randrange(len(data) + 1)
    if kind == "flip" and data:
        i = rnd.randrange(len(data))
        return kind, data[:i] + bytes([data[i] ^ (1 << rnd.randrange(8))]) + data[i + 1:]
    if kind == "insert":
        return kind, data[:pos] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16))) + data[pos:]
    if kind == "control":
        return kind, data[:pos] + rnd.choice(CONTROL) + data[pos:]
    if kind == "syntax":
        return kind, data[:pos] + rnd.choice(SYNTAX) + data[pos:]
    if kind == "nfd":
        return kind, unicodedata.normalize("NFD", data.decode("utf-8", "replace")).encode()
    if kind == "legacy":
        text = data.decode("utf-8", "replace")
        return kind, text.encode(rnd.choice(["cp1258", "cp1252", "latin-1"]), "replace")
    if kind == "huge":
        line = (rnd.choice(["Phường Bồ Đề ", "a", "*", "[", "<b>", "\\", "| a "]) * rnd.randint(50_000, 400_000))
        return kind, data[:pos] + line.encode() + data[pos:]
    if kind == "truncate":
        return kind, data[:pos]
    if kind == "delete" and data:
        j = min(len(data), pos + rnd.randint(1, 200))
        return kind, data[:pos] + data[j:]
    if kind == "duplicate":
        j = min(len(data), pos + rnd.randint(1, 400))
        return kind, data[:pos] + data[pos:j] * rnd.randint(2, 50) + data[pos:]
    if kind == "invalid_utf8":
        return kind, data[:pos] + rnd.choice([b"\xc3", b"\xe1\xba", b"\xff\xfe", b"\xed\xa0\x80", b"\xc0\xaf"]) + data[pos:]
    return "lone_surrogate", data[:pos] + b"\xed\xb0\x80" + data[pos:]


def campaign_mutants(binary, site_src, n, seed, work, deadline, label):
    site = work / f"mut-{label}"
    copy_site(site_src, site)
    out = work / f"mut-{label}-out"
    code, text = run([binary, "build", "--root", str(site), "--output", str(out)])
    if code != 0:
        return {"error": f"pristine build failed ({code}): {text[:200]}"}
    files = sorted(site.glob("content/**/*.md")) + [site / "site.yaml"]
    originals = {f: f.read_bytes() for f in files}
    rnd = random.Random(seed)
    codes, kinds = Counter(), Counter()
    panics, changed, left, timeouts, done = [], [], [], 0, 0
    last = manifest(out)
    for i in range(n):
        if time.time() > deadline:
            break
        targets = rnd.sample(files, rnd.randint(1, 3))
        for f in targets:
            data = originals[f]
            for _ in range(rnd.randint(1, 3)):
                kind, data = mutate(data, rnd)
                kinds[kind] += 1
            f.write_bytes(data)
        cmd = "check" if i % 5 == 4 else "build"
        args = [binary, cmd, "--root", str(site)] + (["--output", str(out)] if cmd == "build" else [])
        code, text = run(args, timeout=60)
        codes[code] += 1
        done += 1
        if code == -999:
            timeouts += 1
        if "panicked" in text or code not in (0, 1, 2, 3):
            panics.append((i, code, text.strip().splitlines()[-1:] if text.strip() else ""))
        if cmd == "build":
            now = manifest(out)
            if code != 0 and now != last:
                changed.append(i)
            if code == 0:
                last = now
            if siblings(out.parent) and code in (0, 1):
                left.append((i, siblings(out.parent)))
        for f in targets:
            f.write_bytes(originals[f])
    return {"runs": done, "codes": dict(sorted(codes.items())), "panics": panics,
            "failed_build_changed_output": changed, "siblings_left": left, "timeouts": timeouts,
            "mutations": dict(kinds.most_common())}


# ---------------------------------------------------------------- (b) interruptions

def campaign_kills(binary, corpus, runs, seed, work, deadline, label):
    out = work / f"kill-{label}-out"
    shutil.rmtree(out, ignore_errors=True)
    base = [binary, "build", "--future", "--root", str(corpus), "--output", str(out)]
    t0 = time.time()
    code, text = run(base, timeout=300)
    took = time.time() - t0
    if code != 0:
        return {"error": f"first build failed ({code}): {text[:200]}"}
    ref = manifest(out)
    rnd = random.Random(seed)
    bad, stale, after_kill_siblings, codes, done = [], [], 0, Counter(), 0
    sigs = [signal.SIGKILL, signal.SIGINT, signal.SIGTERM]
    for i in range(runs):
        if time.time() > deadline:
            break
        sig = sigs[i % 3]
        delay = rnd.uniform(0.0, took * 1.1)
        p = subprocess.Popen(base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(delay)
        try:
            p.send_signal(sig)
        except ProcessLookupError:
            pass
        code = p.wait()
        codes[f"{sig.name}:{code}"] += 1
        done += 1
        now = manifest(out)
        if now != ref:
            missing = "missing" if now is None else f"{len(now)} files vs {len(ref)}"
            bad.append((i, sig.name, round(delay, 2), missing))
        if siblings(out.parent):
            after_kill_siblings += 1
        code, text = run(base, timeout=300)
        left = siblings(out.parent)
        if code != 0 or left or manifest(out) != ref:
            stale.append((i, sig.name, code, left, text.strip()[:120]))
    return {"runs": done, "build_s": round(took, 2), "exit": dict(codes), "output_missing_or_incomplete": bad,
            "runs_leaving_siblings_until_next_build": after_kill_siblings,
            "stale_after_next_build": stale}


# ---------------------------------------------------------------- (c) XSS

PAYLOADS = [
    "<script>alert('xss{k}')</script>",
    "<img src=x onerror=alert('xss{k}')>",
    "\"><script>alert('xss{k}')</script>",
    "'><svg onload=alert('xss{k}')>",
    "</title><script>alert('xss{k}')</script>",
    "</script><script>alert('xss{k}')</script>",
    "<iframe src=javascript:alert('xss{k}')>",
    "<a href=\"javascript:alert('xss{k}')\">x</a>",
    "<body onload=alert('xss{k}')>",
    "<details open ontoggle=alert('xss{k}')>",
    "&lt;script&gt;alert('xss{k}')&lt;/script&gt;",
    "&#60;img src=x onerror=alert('xss{k}')&#62;",
    "<![CDATA[<script>alert('xss{k}')</script>]]>",
    "]]><script>alert('xss{k}')</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss{k}')>",
    "<svg><script>alert('xss{k}')</script></svg>",
    "<object data=\"javascript:alert('xss{k}')\">",
    "<input autofocus onfocus=alert('xss{k}')>",
    "<style>@import 'javascript:alert(xss{k})'</style>",
    "\" onmouseover=\"alert('xss{k}')",
    "' onmouseover='alert(xss{k})",
    "{{ 7*7 }} {% raw %}<script>alert('xss{k}')</script>",
    "<scr<script>ipt>alert('xss{k}')</script>",
    "<SCRIPT SRC=//evil.example/xss{k}.js></SCRIPT>",
    "<img src=\"x\" onerror=\"alert&#40;'xss{k}'&#41;\">",
    "\u003cscript\u003ealert('xss{k}')\u003c/script\u003e",
    "<a href=\"jav&#x09;ascript:alert('xss{k}')\">x</a>",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert('xss{k}')\">",
    "<base href=\"javascript:alert('xss{k}')//\">",
    "<form action=javascript:alert('xss{k}')><button>x</button></form>",
    "</textarea><script>alert('xss{k}')</script>",
    "<!--<img src=x onerror=alert('xss{k}')>-->",
]
LINK_TARGETS = ["javascript:alert('xss{k}')", "JaVaScRiPt:alert('xss{k}')", "vbscript:msgbox(xss{k})",
                "data:text/html,<script>alert('xss{k}')</script>", "java\tscript:alert('xss{k}')",
                "&#106;avascript:alert('xss{k}')", " javascript:alert('xss{k}')",
                "javascript&colon;alert('xss{k}')"]
FIELDS = ["title", "summary", "tags", "author", "category", "body", "raw_html", "link", "image_alt"]
BAD_URL = re.compile(r"^(javascript|vbscript|data):", re.I)


class Danger(HTMLParser):
    """Collects script elements, on* attributes and script URLs."""

    URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "content", "srcdoc", "poster"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_script = [], False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.in_script = dict(attrs).get("type") != "application/ld+json"
            if self.in_script:
                self.found.append(("script", dict(attrs).get("src") or ""))
        for name, value in attrs:
            v = re.sub(r"[\x00-\x20]", "", value or "")
            if name.startswith("on"):
                self.found.append(("on-attr", f"{tag} {name}={value}"))
            elif name == "content":
                if "http-equiv" in dict(attrs) and re.search(r"url=(javascript|vbscript|data):", v, re.I):
                    self.found.append(("url", f"{tag} {name}={value}"))
            elif name in self.URL_ATTRS and BAD_URL.match(v):
                self.found.append(("url", f"{tag} {name}={value}"))

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and self.found and self.found[-1][0] == "script":
            self.found[-1] = ("script", self.found[-1][1] + data[:200])


def dangers(html):
    p = Danger()
    p.feed(html)
    p.close()
    return p.found


def scan_output(out):
    """(dangerous things in pages, in feed items, JSON-LD problems), each a list of (file, what)."""
    pages, feeds, ld = [], [], []
    for f in out.rglob("*.html"):
        text = f.read_text("utf-8", "replace")
        for kind, what in dangers(text):
            pages.append((str(f.relative_to(out)), kind, what))
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            try:
                json.loads(block)
            except ValueError as e:
                ld.append((str(f.relative_to(out)), f"invalid JSON-LD: {e}"))
            if re.search(r"</script|<!--", block, re.I):
                ld.append((str(f.relative_to(out)), "markup in JSON-LD"))
    for f in out.rglob("*.xml"):
        try:
            tree = ET.parse(f)
        except ET.ParseError as e:
            feeds.append((str(f.relative_to(out)), "malformed XML", str(e)))
            continue
        for el in tree.iter():
            tag = el.tag.split("}")[-1]
            if tag in ("title", "description", "summary", "content", "subtitle") and el.text:
                for kind, what in dangers(el.text):
                    feeds.append((str(f.relative_to(out)), kind, what))
    return pages, feeds, ld


def put_payload(text, field, payload, k):
    """The article `text` with `payload` in `field`."""
    head, body = text.split("\n---\n", 1)
    q = json.dumps(payload, ensure_ascii=False)
    if field in ("title", "summary", "author"):
        head = re.sub(rf"\n{field}:.*", "", head)
        head += f"\n{field}: {q}"
    elif field == "tags":
        head = re.sub(r"\ntags:.*", "", head) + f"\ntags: [{q}, \"an toàn\"]"
    elif field == "category":
        head = re.sub(r"\ncategory:.*", "", head) + f"\ncategory: {q}"
    elif field == "body":
        body = f"Đoạn có {payload} ở giữa.\n\n# Tiêu đề {payload}\n\n" + body
    elif field == "raw_html":
        body = f"\n{payload}\n\n" + body
    elif field == "link":
        target = LINK_TARGETS[k % len(LINK_TARGETS)].replace("{k}", str(k))
        body = f"[bấm vào đây]({target}) và <{target}> và [ref][r{k}]\n\n[r{k}]: {target}\n\n" + body
    elif field == "image_alt":
        body = f"![{payload}](anh-{k}.png \"{payload}\")\n\n" + body
    return head + "\n---\n" + body


def campaign_xss(binary, site_src, work, deadline, label):
    site = work / f"xss-{label}"
    copy_site(site_src, site)
    out = work / f"xss-{label}-out"
    code, text = run([binary, "build", "--root", str(site), "--output", str(out)])
    if code != 0:
        return {"error": f"pristine build failed: {text[:200]}"}
    base_pages, base_feeds, base_ld = scan_output(out)
    baseline = {(k, w) for _, k, w in base_pages}
    articles = sorted(site.glob("content/**/*.md"))
    originals = {f: f.read_text("utf-8") for f in articles}
    rows, leaks = {}, []
    for field in FIELDS:
        if time.time() > deadline:
            break
        # one build per field: article i carries payload i (payloads cycle over the articles)
        refused = built = 0
        for start in range(0, len(PAYLOADS), len(articles)):
            for j, f in enumerate(articles):
                k = start + j
                if k < len(PAYLOADS):
                    f.write_text(put_payload(originals[f], field, PAYLOADS[k].replace("{k}", str(k)), k), "utf-8")
            shutil.rmtree(out, ignore_errors=True)
            code, text = run([binary, "build", "--drafts", "--future", "--root", str(site), "--output", str(out)])
            if "panicked" in text or code not in (0, 1, 2, 3):
                leaks.append((field, "panic", code))
            if code != 0:
                refused += min(len(articles), len(PAYLOADS) - start)
            else:
                built += min(len(articles), len(PAYLOADS) - start)
                pages, feeds, ld = scan_output(out)
                for f, kind, what in pages:
                    if "xss" in what.lower() or (kind != "script" and (kind, what) not in baseline):
                        leaks.append((field, f, kind, what[:100]))
                for item in feeds + ld:
                    leaks.append((field,) + item)
            for f in articles:
                f.write_text(originals[f], "utf-8")
        rows[field] = {"payloads_built": built, "payloads_refused_by_build": refused}
    return {"fields": rows, "payloads": len(PAYLOADS), "link_targets": len(LINK_TARGETS),
            "leaks": leaks, "baseline_feed_or_ld_problems": base_feeds + base_ld}


# ---------------------------------------------------------------- (d) output paths

def campaign_paths(binary, site_src, work, label):
    root = work / f"paths-{label}"
    rows = []

    def case(name, prepare, output, cwd=None):
        site = root / name / "site"
        copy_site(site_src, site)
        user = prepare(root / name, site)
        before = {p: (p.read_bytes() if p.is_file() else None) for p in user}
        code, text = run([binary, "build", "--root", str(site), "--output", str(output(root / name, site))],
                         cwd=cwd(root / name, site) if cwd else None)
        lost = [str(p.relative_to(root / name)) for p, b in before.items()
                if (b is None and not p.exists()) or (b is not None and (not p.is_file() or p.read_bytes() != b))]
        src_ok = manifest(site / "content") == manifest(site_src / "content")
        out_path = output(root / name, site)
        if "symlink" in name:
            lost = lost or []
            note = "link kept" if os.path.islink(out_path) else "LINK REPLACED"
        first = next((l for l in text.splitlines() if "error" in l), text.strip().splitlines()[-1] if text.strip() else "")
        if "symlink" in name:
            first = note + "; " + first
        rows.append((name, code, "none" if not lost else ",".join(lost), src_ok, first[:110]))

    def docs(d, s):
        (d / "docs").mkdir(parents=True, exist_ok=True)
        (d / "docs" / "bao-cao.docx").write_bytes(b"PK\x03\x04 bao cao")
        return [d / "docs" / "bao-cao.docx"]

    def a_file(d, s):
        (d / "out").write_text("precious")
        return [d / "out"]

    def link_dir(d, s):
        (d / "www").mkdir(parents=True, exist_ok=True)
        (d / "www" / "index.html").write_text("old site")
        os.symlink(d / "www", d / "out")
        return [d / "out"]

    def dangling(d, s):
        os.symlink(d / "nowhere", d / "out")
        return []

    def link_file(d, s):
        (d / "target.txt").write_text("precious")
        os.symlink(d / "target.txt", d / "out")
        return [d / "target.txt"]

    def marked(d, s):
        (d / "out").mkdir(parents=True, exist_ok=True)
        (d / "out" / ".bantin-output").write_text("x")
        (d / "out" / "mine.txt").write_text("user file in a marked folder")
        return [d / "out" / "mine.txt"]

    def nothing(d, s):
        return []

    case("non-empty folder", docs, lambda d, s: d / "docs")
    case("a file", a_file, lambda d, s: d / "out")
    case("symlink to folder", link_dir, lambda d, s: d / "out")
    def link_marked(d, s):
        (d / "www").mkdir(parents=True, exist_ok=True)
        (d / "www" / ".bantin-output").write_text("x")
        (d / "www" / "index.html").write_text("old site")
        os.symlink(d / "www", d / "out")
        return []

    case("symlink to marked folder", link_marked, lambda d, s: d / "out")
    case("dangling symlink", dangling, lambda d, s: d / "out")
    case("symlink to file", link_file, lambda d, s: d / "out")
    case("folder with marker", marked, lambda d, s: d / "out")
    case("inside content/", nothing, lambda d, s: s / "content" / "out")
    case("--output content", nothing, lambda d, s: s / "content")
    case("--output . (site root)", nothing, lambda d, s: Path("."), cwd=lambda d, s: s)
    case("--output = --root", nothing, lambda d, s: s)
    return rows


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--after", default=str(REPO / "target/release/bantin"))
    ap.add_argument("--before", help="an older binary to run classes (a), (b), (d) against too")
    ap.add_argument("--before-site", help="the older checkout whose sample site fits --before")
    ap.add_argument("--site", default=str(REPO), help="the site (site.yaml, content/, themes/) for --after")
    ap.add_argument("--label", default="after", help="the column name of --after in the table")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mutants", type=int, default=300)
    ap.add_argument("--kills", type=int, default=21)
    ap.add_argument("--corpus", default="/tmp/c2k", help="2,000-article corpus (generated if absent)")
    ap.add_argument("--budget", type=float, default=600, help="seconds for the whole run")
    ap.add_argument("--json", help="write the full results here")
    a = ap.parse_args()
    start = time.time()
    corpus = Path(a.corpus)
    if not (corpus / "site.yaml").exists():
        subprocess.run([sys.executable, str(REPO / "scripts/gen_corpus.py"), "--n", "2000", "--seed", "1",
                        "--out", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="bantin-hostile-"))
    bins = [(a.label, a.after, Path(a.site))]
    if a.before:
        bins.append(("before", a.before, Path(a.before_site or REPO)))
    share = a.budget / len(bins)
    results = {}
    for label, binary, site in bins:
        t = time.time()
        r = {}
        r["a"] = campaign_mutants(binary, site, a.mutants, a.seed, work, t + share * 0.25, label)
        r["b"] = campaign_kills(binary, corpus, a.kills, a.seed, work, t + share * 0.85, label)
        r["c"] = campaign_xss(binary, site, work, t + share * 0.97, label)
        r["d"] = campaign_paths(binary, site, work, label)
        results[label] = r
    shutil.rmtree(work, ignore_errors=True)
    if a.json:
        Path(a.json).write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str))
    report(results, time.time() - start)
    after = results[a.label]
    failed = (after["a"].get("panics") or after["a"].get("failed_build_changed_output")
              or after["b"].get("output_missing_or_incomplete") or after["b"].get("stale_after_next_build")
              or after["c"].get("leaks") or "error" in after["a"] or "error" in after["b"] or "error" in after["c"])
    sys.exit(1 if failed else 0)


def report(results, took):
    print(f"\nhostile-input campaign ({took:.0f} s)")
    print(f"{'class':<44}" + "".join(f"{label:>14}" for label in results))

    def row(name, fn):
        cells = []
        for r in results.values():
            try:
                cells.append(str(fn(r)))
            except (KeyError, TypeError):
                cells.append("-")
        print(f"{name:<44}" + "".join(f"{c:>14}" for c in cells))
    row("(a) mutated sites run", lambda r: r["a"]["runs"])
    row("(a) panics / exit code outside 0-3", lambda r: len(r["a"]["panics"]))
    row("(a) failed build changed previous output", lambda r: len(r["a"]["failed_build_changed_output"]))
    row("(a) .bantin-* siblings left", lambda r: len(r["a"]["siblings_left"]))
    for label, r in results.items():
        print(f"    {label} exit codes: {r['a'].get('codes', r['a'].get('error'))}")
    row("(b) interrupted 2,000-article builds", lambda r: r["b"]["runs"])
    row("(b) output missing/incomplete after", lambda r: len(r["b"]["output_missing_or_incomplete"]))
    row("(b) runs leaving siblings (before next)", lambda r: r["b"]["runs_leaving_siblings_until_next_build"])
    row("(b) stale siblings after next build", lambda r: len(r["b"]["stale_after_next_build"]))
    for label, r in results.items():
        print(f"    {label} signal:exit: {r['b'].get('exit', r['b'].get('error'))}")
    row("(c) XSS payloads x fields", lambda r: r["c"]["payloads"] * len(r["c"]["fields"]))
    row("(c) ... refused by the build (exit 1)", lambda r: sum(v["payloads_refused_by_build"] for v in r["c"]["fields"].values()))
    row("(c) unescaped in page/feed/JSON-LD", lambda r: len(r["c"]["leaks"]))
    for label, r in results.items():
        for leak in r["c"].get("leaks", [])[:5]:
            print(f"    {label} leak: {leak}")
    for label, r in results.items():
        print(f"(d) output-path abuse, {label}: exit, user files lost, content/ intact, message")
        for name, code, lost, src_ok, msg in r["d"]:
            print(f"    {name:<24} exit {code:<4} lost: {lost:<22} content ok: {src_ok!s:<5} {msg}")
    for label, r in results.items():
        for p in r["a"].get("panics", [])[:5]:
            print(f"    {label} panic: {p}")
        for s in r["b"].get("output_missing_or_incomplete", [])[:5]:
            print(f"    {label} incomplete: {s}")
        for s in r["b"].get("stale_after_next_build", [])[:5]:
            print(f"    {label} stale: {s}")


if __name__ == "__main__":
    main()
