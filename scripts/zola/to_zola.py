#!/usr/bin/env python3
"""Turn a photo corpus of scripts/gen_photos.py into a Zola site, for the
photo benchmark (scripts/bench_photos.py --zola).

    python3 scripts/zola/to_zola.py CORPUS_DIR SITE_DIR [--force]

SITE_DIR holds:
  config.toml                     no feeds, no search index, no Sass
  templates/                      index, section and page: plain HTML lists
                                  and the article; the page template makes,
                                  for the article's photo, what bantin makes
                                  by default (below)
  content/_index.md               home, newest first, 10 a page
  content/<cat>/_index.md         one section per category, 10 a page
  content/<cat>/<slug>.md         the article: title, date (ISO 8601, Vietnam
                                  time), its photo's file name in [extra]
  anh/<photo>.jpg                 the photos, hard-linked from the corpus
                                  (outside static/, so not copied as they are)

For each photo the page template calls Zola's `resize_image` five times,
the derivative set bantin makes by default and the Hugo twin's render hook
makes: WebP 480, 960 and 1600 px wide (quality 78), a 640×400 WebP
thumbnail (fill, centre), a 1200 px JPEG (quality 78) for og:image. Zola
keeps what it made in `static/processed_images/` (remove it for a cold
build). Standard library only; the corpus is read as scripts/hugo/to_hugo.py
reads it.
"""

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "hugo"))

from to_hugo import iter_corpus, twin_args, write  # noqa: E402

CONFIG = """base_url = "http://127.0.0.1:1111"
title = "Bản tin phường"
default_language = "vi"
compile_sass = false
build_search_index = false
generate_feeds = false
"""

BASE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{% block title %}{{ config.title }}{% endblock %}</title></head>
<body>{% block content %}{% endblock %}</body></html>
"""

LIST = """{% extends "base.html" %}
{% block content %}<h1>{{ section.title }}</h1><ul>
{% for p in paginator.pages %}<li><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.date }}</li>
{% endfor %}</ul>
{% if paginator.next %}<a href="{{ paginator.next }}">Sau</a>{% endif %}{% endblock %}
"""

PAGE = """{% extends "base.html" %}
{% block title %}{{ page.title }}{% endblock %}
{% block content %}<article><h1>{{ page.title }}</h1><p>{{ page.date }}</p>
{% if page.extra.anh %}{% set p = "anh/" ~ page.extra.anh %}
{% set s = resize_image(path=p, width=480, op="fit_width", format="webp", quality=78) %}
{% set m = resize_image(path=p, width=960, op="fit_width", format="webp", quality=78) %}
{% set l = resize_image(path=p, width=1600, op="fit_width", format="webp", quality=78) %}
{% set t = resize_image(path=p, width=640, height=400, op="fill", format="webp", quality=78) %}
{% set og = resize_image(path=p, width=1200, op="fit_width", format="jpg", quality=78) %}
<img src="{{ m.url }}" srcset="{{ s.url }} 480w, {{ m.url }} 960w, {{ l.url }} 1600w" sizes="(max-width: 48em) 100vw, 720px" width="{{ m.width }}" height="{{ m.height }}" alt="" data-thumb="{{ t.url }}" data-og="{{ og.url }}">
{% endif %}{{ page.content | safe }}</article>{% endblock %}
"""


def toml_str(s):
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(s, ensure_ascii=False)


def main():
    a = twin_args(__doc__)
    write(os.path.join(a.site, "config.toml"), CONFIG)
    templates = os.path.join(a.site, "templates")
    write(os.path.join(templates, "base.html"), BASE)
    write(os.path.join(templates, "index.html"), LIST)
    write(os.path.join(templates, "section.html"), LIST)
    write(os.path.join(templates, "page.html"), PAGE)
    content = os.path.join(a.site, "content")
    anh = os.path.join(a.site, "anh")
    os.makedirs(anh, exist_ok=True)
    cats, n, photos = {}, 0, 0
    for cat, slug, fm, body in iter_corpus(a.corpus):
        cats[cat] = fm["category"]
        lines = ["+++", "title = " + toml_str(fm["title"]), "date = " + fm["date"]]
        photo = fm.get("image")
        if photo:
            os.link(os.path.join(a.corpus, "content", cat, photo), os.path.join(anh, photo))
            lines += ["[extra]", "anh = " + toml_str(photo)]
            photos += 1
        lines += ["+++", ""]
        write(os.path.join(content, cat, slug + ".md"), "\n".join(lines) + body)
        n += 1
    section = '+++\ntitle = {}\nsort_by = "date"\npaginate_by = 10\n+++\n'
    write(os.path.join(content, "_index.md"), section.format(toml_str("Trang chủ")))
    for cat, name in sorted(cats.items()):
        write(os.path.join(content, cat, "_index.md"), section.format(toml_str(name)))
    print("zola site: {} articles ({} with a photo), {} sections -> {}".format(
        n, photos, len(cats), a.site))


if __name__ == "__main__":
    main()
