#!/usr/bin/env python3
"""Watch latency: from saving an article to the served page showing the edit.

    scripts/bench_watch.py                       # 10,000 articles, 10 edits, Hugo beside
    scripts/bench_watch.py --n 1000 --edits 20 --no-hugo

Starts `bantin watch --root SITE --port P --future --output OUT` on a copy of
the generated corpus (scripts/gen_corpus.py, cached like scripts/bench.py's)
and waits for the line naming http://127.0.0.1:P/. Then, --edits times, it
appends a sentence with a unique marker to one article's body (with
--where lead: puts it at the start of the first paragraph of an article
whose `summary:` the script took out, so that the edit changes what
lists, feeds and the search records show), takes the time
the write returns, and fetches GET /<category>/<slug>/ every --poll seconds
(5 ms) until the page contains the marker. It prints each latency and the
median, min and max, with the rebuild time bantin reports itself.

When `hugo` is installed, `hugo server` is measured the same way on the Hugo
twin of the corpus (scripts/hugo/to_hugo.py); Hugo's own "Total in N ms" is
read from its log as the shared incr_rebuild.py does. With BANTIN_TIMINGS=1
in the environment, the median time of each of bantin's stages over the
edits is printed too. Hugo's server renders
only the pages being viewed after an edit ("fast render"); pass
--hugo-args=--disableFastRender for a full rebuild.

If this bantin has no `watch` command (clap exits with 2 on an unknown
subcommand) the script says so and exits 0 without measuring.

The article is restored and the servers stopped (by their process id) at the
end. Only the standard library; Linux.
"""

import argparse
import http.client
import os
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import bench  # noqa: E402

URL_RX = re.compile(r"http://127\.0\.0\.1:(\d+)/")
# A stage line bantin prints with BANTIN_TIMINGS=1: `  search words   1.2 ms`.
STAGE_RX = re.compile(r"^  (\S.*?)\s+([\d.]+) ms$")


class Log:
    """Collects a process's output lines with the time each arrived."""

    def __init__(self, stream, path):
        self.lines = []
        self.cv = threading.Condition()
        self.f = open(path, "w", encoding="utf-8")
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace")
            self.f.write(line)
            self.f.flush()
            with self.cv:
                self.lines.append((time.monotonic(), line))
                self.cv.notify_all()
        with self.cv:
            self.lines.append((time.monotonic(), None))  # end of output
            self.cv.notify_all()

    def wait_for(self, rx, start, timeout):
        """(index, match) of the first line at or after `start` matching rx."""
        deadline = time.monotonic() + timeout
        i = start
        with self.cv:
            while True:
                while i < len(self.lines):
                    line = self.lines[i][1]
                    if line is None:
                        raise EOFError("the server exited")
                    m = rx.search(line)
                    if m:
                        return i, m
                    i += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no line matching {!r}".format(rx.pattern))
                self.cv.wait(left)

    def text(self):
        with self.cv:
            return "".join(line for _, line in self.lines if line)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        c.request("GET", path, headers={"Cache-Control": "no-cache"})
        r = c.getresponse()
        return r.status, r.read()
    except (OSError, http.client.HTTPException):
        # Not up yet, or a page cut short while the server rewrote it
        # (hugo server does this): poll again.
        return None, b""
    finally:
        c.close()


def stop(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def pick_article(root):
    """A mid-corpus article: (file, URL path)."""
    content = os.path.join(root, "content")
    files = []
    for cat in sorted(os.listdir(content)):
        d = os.path.join(content, cat)
        if os.path.isdir(d):
            files += [(cat, f) for f in sorted(os.listdir(d))
                      if f.endswith(".md") and not f.startswith("_")]
    cat, name = files[len(files) // 2]
    return os.path.join(content, cat, name), "/{}/{}/".format(cat, name[:-3])


def edited(original, sentence, where):
    """The article's bytes with `sentence` added: as a last paragraph
    (`end`), or at the start of the first paragraph (`lead`), which is the
    summary lists and feeds show when the front matter gives none."""
    if where == "end":
        return original.rstrip(b"\n") + "\n\n{}\n".format(sentence).encode("utf-8")
    text = original.decode("utf-8")
    close = text.index("\n---", 3)
    body = text.index("\n", close + 1) + 1
    while text.startswith("\n", body):
        body += 1
    return (text[:body] + sentence + " " + text[body:]).encode("utf-8")


def measure(tool, cmd, root, port, a, ready_rx, rebuild_rx):
    """Start the server, edit one article a.edits times; list of (latency ms, tool ms)."""
    article, url = pick_article(root)
    with open(article, "rb") as f:
        original = f.read()
    if a.where == "lead":
        # Its own summary taken out (on this copy of the corpus), so that
        # its first paragraph is what lists show and the edit reaches them.
        original = re.sub(rb"(?m)^summary:.*\n", b"", original, count=1)
        with open(article, "wb") as f:
            f.write(original)
    logpath = os.path.join(tempfile.gettempdir(), "bench-watch-{}.log".format(tool))
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True)
    log = Log(proc.stdout, logpath)
    results = []
    try:
        try:
            idx, _ = log.wait_for(ready_rx, 0, a.startup_timeout)
        except EOFError:
            proc.wait()
            if tool == "bantin" and proc.returncode == 2:
                return None
            raise SystemExit("{} exited with {}:\n{}".format(tool, proc.returncode, log.text()))
        deadline = time.monotonic() + a.startup_timeout
        while fetch(port, url)[0] != 200:
            if time.monotonic() > deadline:
                raise SystemExit("{}: GET {} never answered 200".format(tool, url))
            time.sleep(0.05)
        print("  {}: serving after {:.1f} s; editing {} (GET {})".format(
            tool, time.monotonic() - t0, os.path.relpath(article, root), url), flush=True)
        time.sleep(a.gap)
        pos = len(log.lines)
        first_edit = pos
        for k in range(a.edits):
            marker = "moc-do-{}-{}-{}".format(tool, os.getpid(), k + 1)
            body = edited(original, "Cập nhật lần {} ({}): nội dung được bổ sung.".format(
                k + 1, marker), a.where)
            with open(article, "wb") as f:
                f.write(body)
            tw = time.monotonic()
            needle = marker.encode()
            while True:
                status, page = fetch(port, url)
                now = time.monotonic()
                if status == 200 and needle in page:
                    break
                if now - tw > a.edit_timeout:
                    raise SystemExit("{}: edit {} not visible after {} s".format(
                        tool, k + 1, a.edit_timeout))
                time.sleep(a.poll)
            latency = (now - tw) * 1000
            own = None
            if rebuild_rx:
                try:
                    idx, m = log.wait_for(rebuild_rx, pos, 10)
                    own = float(m.group(1))
                    pos = idx + 1
                except TimeoutError:
                    pass
            results.append((latency, own))
            print("    edit {:2}: visible after {:6.0f} ms{}".format(
                k + 1, latency, "" if own is None else " (rebuild {:.0f} ms by its own clock)".format(own)),
                flush=True)
            time.sleep(a.gap)
            pos = max(pos, len(log.lines))
        stages = {}
        for _, line in log.lines[first_edit:]:
            m = line and STAGE_RX.match(line)
            if m:
                stages.setdefault(m.group(1).strip(), []).append(float(m.group(2)))
        if stages:
            print("    stages of one edit (BANTIN_TIMINGS), median ms:", flush=True)
            for name, ms in stages.items():
                print("      {:<24} {:8.1f}".format(name, statistics.median(ms)), flush=True)
    finally:
        with open(article, "wb") as f:
            f.write(original)
        stop(proc)
    return results


def summary(tool, results):
    lat = [r[0] for r in results]
    own = [r[1] for r in results if r[1] is not None]
    line = "{:<7} median {:6.0f} ms  min {:6.0f}  max {:6.0f}  ({} edits)".format(
        tool, statistics.median(lat), min(lat), max(lat), len(lat))
    if own:
        line += "; rebuild by its own clock: median {:.0f} ms".format(statistics.median(own))
    return line


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10000, help="articles (default 10000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--edits", type=int, default=10)
    ap.add_argument("--poll", type=float, default=0.005, help="seconds between GETs (default 0.005)")
    ap.add_argument("--gap", type=float, default=1.5,
                    help="seconds of quiet before and after each edit (default 1.5)")
    ap.add_argument("--startup-timeout", type=float, default=600)
    ap.add_argument("--edit-timeout", type=float, default=60)
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "bantin-bench"))
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--bantin", help="the bantin binary (default target/release/bantin)")
    ap.add_argument("--hugo", help="the hugo binary (default: HUGO=, else hugo on PATH)")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--hugo-args", default="", help="extra `hugo server` arguments")
    ap.add_argument("--where", choices=["end", "lead"], default="end",
                    help="where each edit adds its sentence: a last paragraph (default), "
                    "or the start of the first paragraph, the summary lists show")
    a = ap.parse_args()

    bantin = a.bantin or os.path.join(REPO, "target", "release", "bantin")
    if not a.no_build and not a.bantin:
        print("== cargo build --release", flush=True)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    probe = subprocess.run([bantin, "watch", "--help"], capture_output=True)
    if probe.returncode == 2:
        print("skipped: this bantin has no `watch` command ({} watch exits with 2)".format(bantin))
        return 0
    hugo, hugo_version = (None, None) if a.no_hugo else bench.find_hugo(a.hugo)

    print("== watch latency at {:,} articles, {}".format(a.n, time.strftime("%Y-%m-%d %H:%M %Z")))
    for line in bench.machine():
        print(line)
    os.makedirs(a.cache, exist_ok=True)
    corpus = bench.ensure_corpus(a.cache, a.n, a.seed)
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    work = tempfile.mkdtemp(prefix="bantin-watch-", dir=shm)
    out = []
    try:
        # Edits go to a copy, so the cached corpus stays as generated.
        site = os.path.join(work, "site")
        shutil.copytree(corpus, site)
        port = free_port()
        cmd = [bantin, "watch", "--future", "--root", site, "--port", str(port),
               "--output", os.path.join(work, "out")]
        res = measure("bantin", cmd, site, port, a, URL_RX, re.compile(r"rebuilt in (\d+) ms"))
        if res is None:
            print("skipped: this bantin has no `watch` command (it exited with 2)")
            return 0
        out.append(summary("bantin", res))
        if hugo:
            hsite = os.path.join(work, "hugo-site")
            shutil.copytree(bench.ensure_hugo_site(corpus), hsite)
            port = free_port()
            cmd = [hugo, "server", "-s", hsite, "--bind", "127.0.0.1", "--port", str(port)]
            cmd += shlex.split(a.hugo_args)
            res = measure("hugo", cmd, hsite, port, a, re.compile(r"Web Server is available"),
                          re.compile(r"Total in (\d+) ms"))
            out.append(summary("hugo " + hugo_version, res))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n== save -> page served with the edit, {:,} articles".format(a.n))
    for line in out:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
