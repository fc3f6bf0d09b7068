#!/usr/bin/env python3
"""Phone photos for the photo benchmark (issue 15): 12 MP JPEGs that compress
like photos, put beside articles of a benchmark corpus.

    python3 scripts/gen_photos.py POOL --count 200 [--seed 42]
    python3 scripts/gen_photos.py POOL --count 200 --corpus CORPUS --out DEST

The first form makes the pool: POOL/photo-000.jpg … 4000×3000 JPEG
(quality 92, 4:2:0 as phones write them), each a smooth sky-to-ground
gradient, a low-frequency texture, a few dozen shapes (some blurred, some
sharp-edged) and mild sensor noise: 3–5 MB each, about what a phone gives.
Every 4th photo has EXIF orientation 6 (a portrait taken with the phone
turned: stored 4000×3000, shown 3000×4000); every 3rd carries GPS
coordinates (around Bồ Đề, Long Biên), a camera make and model. Each photo
is made once (written under a temporary name, then renamed) and reused by
every run; a run with fewer photos uses the pool's first ones.

The second form copies CORPUS (a scripts/gen_corpus.py corpus) to DEST and
gives `--count` articles (every n-th in path order) one photo each: the photo
is hard-linked beside the article as `<article>-anh.jpg` (no extra disk),
named as the article's `image:` and shown in its body after the first
paragraph (`![Quang cảnh …](<article>-anh.jpg)`).

Needs Pillow and NumPy (`pip install pillow numpy`).
"""

import argparse
import os
import re
import shutil
import sys

GEN_VERSION = 1
WIDTH, HEIGHT = 4000, 3000


def make_photo(i, seed):
    """One photo as JPEG bytes; deterministic in (i, seed). Built in Pillow's
    C code (a tenth-size scene scaled up, shapes, noise) so that 200 photos
    take minutes on a busy machine, not an hour."""
    import numpy as np
    from PIL import Image, ImageChops, ImageDraw

    rng = np.random.default_rng(seed * 100003 + i)
    sw, sh = WIDTH // 10, HEIGHT // 10
    # Sky to ground: two gradients meeting at a horizon, with a
    # low-frequency texture (light, foliage, walls), at a tenth of the size.
    y = np.linspace(0.0, 1.0, sh)[:, None, None]
    x = np.linspace(0.0, 1.0, sw)[None, :, None]

    def c(lo, hi):
        return rng.uniform(lo, hi, 3)
    sky_top, sky_low, ground_hi, ground_low = c(90, 230), c(150, 250), c(40, 160), c(20, 120)
    horizon = rng.uniform(0.35, 0.6)
    t_sky = np.clip(y / horizon, 0, 1)
    t_ground = np.clip((y - horizon) / (1 - horizon), 0, 1)
    sky = sky_top * (1 - t_sky) + sky_low * t_sky
    ground = ground_hi * (1 - t_ground) + ground_low * t_ground
    img = np.where(y < horizon, sky, ground) + (x - 0.5) * c(-40, 40)
    small = Image.fromarray(rng.normal(0, 1, (30, 40)).astype(np.float32))
    texture = np.asarray(small.resize((sw, sh), Image.BICUBIC))[:, :, None] * c(8, 25)
    scene = Image.fromarray(np.clip(img + texture, 0, 255).astype(np.uint8), "RGB")
    # Buildings, people, banners in the distance: drawn small, so soft
    # once scaled up.
    draw = ImageDraw.Draw(scene)
    for _ in range(int(rng.integers(12, 24))):
        shape(draw, rng, sw, sh)
    photo = scene.resize((WIDTH, HEIGHT), Image.BICUBIC)
    # Sharp-edged things in front.
    draw = ImageDraw.Draw(photo)
    for _ in range(int(rng.integers(6, 14))):
        shape(draw, rng, WIDTH, HEIGHT)
    # Sensor noise, a little different in each channel.
    sigma = 6 + i % 5
    noise = Image.merge("RGB", [Image.effect_noise((WIDTH, HEIGHT), sigma) for _ in range(3)])
    photo = ImageChops.add(photo, noise, 1.0, -128)

    exif = Image.Exif()
    if i % 4 == 1:
        exif[0x0112] = 6  # Orientation: rotate 90° clockwise to show.
    if i % 3 == 0:
        exif[0x010F] = "Samsung"  # Make
        exif[0x0110] = "Galaxy A54"  # Model
        gps = exif.get_ifd(0x8825)
        lat = 21.0 + 2.0 / 60 + (30 + i % 30) / 3600
        lon = 105.0 + 52.0 / 60 + (40 + i % 20) / 3600
        gps[1], gps[3] = "N", "E"
        gps[2] = dms(lat)
        gps[4] = dms(lon)
    from io import BytesIO
    buf = BytesIO()
    photo.save(buf, "JPEG", quality=92, subsampling=2, exif=exif.tobytes())
    return buf.getvalue()


def shape(draw, rng, w, h):
    """A rectangle or an ellipse of one colour, in the lower three quarters."""
    cx, cy = rng.uniform(0, w), rng.uniform(h * 0.25, h)
    sw, sh = rng.uniform(0.02, 0.22) * w, rng.uniform(0.03, 0.4) * h
    colour = tuple(int(v) for v in rng.uniform(10, 245, 3))
    box = [cx - sw / 2, cy - sh / 2, cx + sw / 2, cy + sh / 2]
    if rng.random() < 0.5:
        draw.rectangle(box, fill=colour)
    else:
        draw.ellipse(box, fill=colour)


def dms(deg):
    from PIL.TiffImagePlugin import IFDRational
    d = int(deg)
    m = int((deg - d) * 60)
    s = round(((deg - d) * 60 - m) * 60 * 100)
    return (IFDRational(d, 1), IFDRational(m, 1), IFDRational(s, 100))


def write_photo(job):
    path, i, seed = job
    if not os.path.isfile(path):
        data = make_photo(i, seed)
        with open(path + ".part", "wb") as f:
            f.write(data)
        os.rename(path + ".part", path)
    return os.path.getsize(path)


def ensure_pool(pool, count, seed, log=print, jobs=2):
    """POOL with photo-000.jpg … photo-<count-1>.jpg; reused when complete."""
    from multiprocessing import Pool

    os.makedirs(pool, exist_ok=True)
    todo = [(os.path.join(pool, "photo-{:03d}.jpg".format(i)), i, seed) for i in range(count)]
    if all(os.path.isfile(t[0]) for t in todo):
        return pool
    total = 0
    with Pool(jobs) as workers:
        for n, size in enumerate(workers.imap(write_photo, todo), 1):
            total += size
            if n % 20 == 0:
                log("  photos: {}/{} ({:.0f} MB)".format(n, count, total / 1e6))
    return pool


def pool_path(cache, seed):
    """One pool per seed: a smaller run uses its first photos."""
    return os.path.join(cache, "photos-200-s{}-v{}".format(seed, GEN_VERSION))


def articles(corpus):
    out = []
    for dirpath, _, names in os.walk(os.path.join(corpus, "content")):
        out += [os.path.join(dirpath, n) for n in names if n.endswith(".md") and not n.startswith("_")]
    return sorted(out)


def add_photos(corpus, dest, pool, count):
    """DEST = CORPUS with one pool photo beside each of `count` articles."""
    stamp = os.path.join(dest, ".complete")
    if os.path.isfile(stamp):
        return dest
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(corpus, dest)
    arts = articles(dest)
    step = max(1, len(arts) // count)
    for i, md in enumerate(arts[::step][:count]):
        name = os.path.splitext(os.path.basename(md))[0] + "-anh.jpg"
        os.link(os.path.join(pool, "photo-{:03d}.jpg".format(i)), os.path.join(os.path.dirname(md), name))
        with open(md, encoding="utf-8") as f:
            text = f.read()
        head, body = re.match(r"(?s)(---\n.*?\n)---\n(.*)", text).groups()
        paras = body.split("\n\n", 1)
        figure = "![Quang cảnh buổi làm việc]({})".format(name)
        body = paras[0] + "\n\n" + figure + ("\n\n" + paras[1] if len(paras) > 1 else "\n")
        with open(md, "w", encoding="utf-8") as f:
            f.write(head + "image: \"{}\"\n---\n".format(name) + body)
    open(stamp, "w").close()
    return dest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pool")
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--corpus")
    ap.add_argument("--out")
    a = ap.parse_args()
    ensure_pool(a.pool, a.count, a.seed, log=lambda m: print(m, file=sys.stderr))
    if a.corpus:
        print(add_photos(a.corpus, a.out, a.pool, a.count))


if __name__ == "__main__":
    main()
