#!/usr/bin/env python3
"""Turn a corpus of scripts/gen_corpus.py into a Hugo site, for the comparison.

    python3 scripts/hugo/to_hugo.py CORPUS_DIR SITE_DIR [--force]

A self-contained copy of the shared benchmark's `to_hugo.py` + `corpus_io.py`
(same skeleton in `site_skel/`, same output), with one difference: bantin's
date forms (`19/02/2020 07:02`, `2020-02-19 07:02`, `19/02/2020`,
`2020-02-19`, ISO 8601) are written to Hugo as ISO 8601 in Vietnam time, so
Hugo dates and archives every article as bantin does. (The shared script
copies the date line as it is and would file `19/02/2020` under year "19/0".)

SITE_DIR = a copy of site_skel/ plus content/:
  content/_index.md                 home (paginated 10 a page by layouts/index.html)
  content/<cat>/_index.md           one section per category (title = category name)
  content/<cat>/<slug>.md           the article, its front matter kept, plus the
                                    archive taxonomy terms  nam: ["2019"]  and
                                    thang: ["2019-05"]

The Hugo site publishes less than bantin (no author, tag or search pages, one
feed): compare the HTML file counts the benchmark prints beside the times.
Standard library only; the front matter is the subset gen_corpus.py writes
(one `key: value` a line, JSON-compatible quoted strings and lists).
"""

import argparse
import json
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))

DATE_FORMS = [
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?([+-]\d\d:\d\d|Z)$"), "ymd"),
    (re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?: (\d\d):(\d\d))?$"), "ymd"),
    (re.compile(r"^(\d\d?)/(\d\d?)/(\d{4})(?: (\d\d?):(\d\d))?$"), "dmy"),
]


def iso_date(text):
    """Any of bantin's date forms -> 2020-02-19T07:02:00+07:00."""
    text = text.strip().strip('"')
    for rx, order in DATE_FORMS:
        m = rx.match(text)
        if not m:
            continue
        g = m.groups()
        if order == "ymd":
            y, mo, d = g[0], g[1], g[2]
        else:
            d, mo, y = g[0], g[1], g[2]
        hh, mm = g[3] or "0", g[4] or "0"
        ss = g[5] if len(g) > 5 and g[5] else "0"
        zone = g[6] if len(g) > 6 and g[6] else "+07:00"
        return "{}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}".format(
            y, int(mo), int(d), int(hh), int(mm), int(ss), zone)
    raise ValueError("not a date bantin writes: " + text)


def read_article(path):
    with open(path, encoding="utf-8") as f:  # text mode: CRLF becomes LF
        text = f.read()
    if not text.startswith("---\n"):
        raise ValueError("no front matter: " + path)
    end = text.index("\n---\n", 4)
    fm = {}
    for line in text[4:end].split("\n"):
        key, _, val = line.partition(": ")
        fm[key] = iso_date(val) if key == "date" else json.loads(val)
    return fm, text[end + 5:]


def iter_corpus(corpus):
    """(category slug, article slug, front matter, body) in a stable order."""
    content = os.path.join(corpus, "content")
    for cat in sorted(os.listdir(content)):
        d = os.path.join(content, cat)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".md") and not name.startswith("_"):
                fm, body = read_article(os.path.join(d, name))
                yield cat, name[:-3], fm, body


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def twin_args(doc, *extra):
    """The command line of a twin maker: CORPUS SITE [--force], plus `extra`
    (name, default) options. SITE is removed when --force says so."""
    ap = argparse.ArgumentParser(description=doc,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("site")
    for name, default in extra:
        ap.add_argument(name, default=default)
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    if os.path.exists(a.site):
        if not a.force:
            raise SystemExit("{} exists (use --force to replace it)".format(a.site))
        shutil.rmtree(a.site)
    return a


def main():
    a = twin_args(__doc__, ("--skel", os.path.join(HERE, "site_skel")))
    shutil.copytree(a.skel, a.site)
    content = os.path.join(a.site, "content")
    os.makedirs(content, exist_ok=True)
    cats = {}
    n = 0
    for cat, slug, fm, body in iter_corpus(a.corpus):
        cats[cat] = fm["category"]
        date = fm["date"]
        lines = [
            "---",
            "title: " + json.dumps(fm["title"], ensure_ascii=False),
            "date: " + date,
            "views: {}".format(fm["views"]),
            "author: " + json.dumps(fm["author"], ensure_ascii=False),
            "category: " + json.dumps(fm["category"], ensure_ascii=False),
            "summary: " + json.dumps(fm["summary"], ensure_ascii=False),
            "tags: " + json.dumps(fm["tags"], ensure_ascii=False),
            'nam: ["{}"]'.format(date[:4]),
            'thang: ["{}"]'.format(date[:7]),
            "---",
            "",
        ]
        write(os.path.join(content, cat, slug + ".md"), "\n".join(lines) + body)
        n += 1
    write(os.path.join(content, "_index.md"), '---\ntitle: "Trang chủ"\n---\n')
    for cat, name in sorted(cats.items()):
        write(os.path.join(content, cat, "_index.md"),
              "---\ntitle: {}\n---\n".format(json.dumps(name, ensure_ascii=False)))
    with open(os.path.join(a.site, "hugo.toml"), "a", encoding="utf-8") as f:
        for cat, name in sorted(cats.items()):
            f.write('\n[[params.nav]]\n  name = {}\n  url = "/{}/"\n'.format(
                json.dumps(name, ensure_ascii=False), cat))
    print("hugo site: {} articles, {} sections -> {}".format(n, len(cats), a.site))


if __name__ == "__main__":
    main()
