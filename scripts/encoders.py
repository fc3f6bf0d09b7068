#!/usr/bin/env python3
"""Encoder comparison for photos (issue 15): bytes at equal visual quality,
and time, of what bantin can write for a page photo.

    python3 scripts/encoders.py --bantin target/release/bantin [--photos 12]

What it does:
  1. takes the first --photos phone photos of the pool made by
     scripts/gen_photos.py (4000×3000 JPEG, /tmp/bantin-bench/photos-200-s42-v1)
     and, for each format bantin offers (`images: format: webp | jpeg`) and
     each quality in --qualities, builds a one-article site holding them all
     with `images: widths: [960]` and that quality (cache removed, so every
     photo is decoded, scaled and encoded), timing the build (wall and CPU
     via wait4);
  2. scores every 960 px file bantin wrote with SSIM (luma, 8×8 windows
     with the usual constants, computed here with NumPy: an independent
     check, not bantin's code) against the photo decoded by Pillow, turned
     by its EXIF orientation and scaled to the same size with Pillow's
     Lanczos filter;
  3. does the same with Pillow's own encoders on Pillow's scaled pixels:
     libjpeg-turbo (optimised Huffman tables, 4:2:0) and libwebp (method 4
     and 6), for a reference outside bantin;
  4. prints, per encoder and quality, the mean SSIM, the total bytes and
     the time per photo, then the bytes each encoder needs to reach the
     SSIM of bantin's default (WebP, quality 78), interpolated between
     qualities.

Needs Pillow (with WebP) and NumPy.
"""

import argparse
import io
import os
import shutil
import sys
import tempfile
import time

import numpy as np
from PIL import Image, ImageOps

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from measure import run_once  # noqa: E402

WIDTH = 960


def luma(img):
    a = np.asarray(img.convert("RGB"), dtype=np.float64)
    return 0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]


def ssim(x, y):
    """Mean SSIM of two luma planes over 8×8 blocks (stride 4)."""
    h = min(x.shape[0], y.shape[0]) // 4 * 4
    w = min(x.shape[1], y.shape[1]) // 4 * 4
    x, y = x[:h, :w], y[:h, :w]
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2

    def blocks(a):
        s = a.strides
        n0, n1 = (a.shape[0] - 8) // 4 + 1, (a.shape[1] - 8) // 4 + 1
        return np.lib.stride_tricks.as_strided(a, (n0, n1, 8, 8), (s[0] * 4, s[1] * 4, s[0], s[1]))

    bx, by = blocks(np.ascontiguousarray(x)), blocks(np.ascontiguousarray(y))
    mx, my = bx.mean(axis=(2, 3)), by.mean(axis=(2, 3))
    vx = bx.var(axis=(2, 3))
    vy = by.var(axis=(2, 3))
    cov = (bx * by).mean(axis=(2, 3)) - mx * my
    s = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))
    return float(s.mean())


def reference(path):
    img = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    h = round(img.height * WIDTH / img.width)
    return img.resize((WIDTH, h), Image.LANCZOS)


def bantin_run(bantin, photos, fmt, q, work):
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    folder = os.path.join(site, "content", "anh")
    os.makedirs(folder)
    with open(os.path.join(site, "site.yaml"), "w") as f:
        f.write('title: "Thử ảnh"\nbase_url: "http://127.0.0.1/"\n')
        f.write("images:\n  widths: [%d]\n  quality: %d\n  format: %s\n" % (WIDTH, q, fmt))
    body = ["---", 'title: "Ảnh"', "date: 01/03/2026 08:00", "category: TIN TỨC", "---", ""]
    for i, p in enumerate(photos):
        name = "anh-%02d.jpg" % i
        os.link(p, os.path.join(folder, name))
        body.append("![Ảnh %d](%s)\n" % (i, name))
    with open(os.path.join(folder, "index.md"), "w") as f:
        f.write("\n".join(body))
    out = os.path.join(work, "out")
    shutil.rmtree(out, ignore_errors=True)
    wall, cpu, peak, code = run_once([bantin, "build", "--root", site, "--output", out])
    if code != 0:
        sys.exit("bantin build failed (%s %d)" % (fmt, q))
    ext = "webp" if fmt == "webp" else "jpg"
    files = [os.path.join(out, "anh", "anh-%02d.%dw.%s" % (i, WIDTH, ext)) for i in range(len(photos))]
    return files, cpu / len(photos)


def pillow_encode(img, enc, q):
    buf = io.BytesIO()
    t = time.process_time()
    if enc == "libjpeg-turbo":
        img.save(buf, "JPEG", quality=q, optimize=True, subsampling="4:2:0")
    else:
        img.save(buf, "WEBP", quality=q, method=int(enc[-1]))
    return buf.getvalue(), time.process_time() - t


def interpolate(rows, target):
    """Bytes at SSIM `target`, linear between the two qualities around it."""
    rows = sorted(rows, key=lambda r: r[1])
    for (q0, s0, b0, _), (q1, s1, b1, _) in zip(rows, rows[1:]):
        if s0 <= target <= s1:
            return b0 + (b1 - b0) * (target - s0) / ((s1 - s0) or 1)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bantin", required=True)
    ap.add_argument("--pool", default="/tmp/bantin-bench/photos-200-s42-v1")
    ap.add_argument("--photos", type=int, default=12)
    ap.add_argument("--qualities", default="60,70,78,85,92")
    args = ap.parse_args()
    photos = sorted(os.path.join(args.pool, f) for f in os.listdir(args.pool) if f.endswith(".jpg"))
    photos = photos[: args.photos]
    if not photos:
        sys.exit("no photos in %s: make them with scripts/gen_photos.py" % args.pool)
    qualities = [int(q) for q in args.qualities.split(",")]
    refs = [reference(p) for p in photos]
    ref_luma = [luma(r) for r in refs]
    results = {}
    with tempfile.TemporaryDirectory(prefix="bantin-enc-") as work:
        for fmt in ["webp", "jpeg"]:
            name = "bantin %s" % ("libwebp" if fmt == "webp" else "image-rs JPEG")
            for q in qualities:
                files, cpu = bantin_run(os.path.abspath(args.bantin), photos, fmt, q, work)
                scores = [ssim(r, luma(Image.open(f))) for r, f in zip(ref_luma, files)]
                size = sum(os.path.getsize(f) for f in files)
                results.setdefault(name, []).append((q, float(np.mean(scores)), size, cpu))
                print("%-26s q%-3d SSIM %.4f  %8d bytes  %6.0f ms/photo (whole build)" % (
                    name, q, np.mean(scores), size, cpu * 1000), flush=True)
    for enc in ["libjpeg-turbo", "libwebp m4", "libwebp m6"]:
        name = "Pillow " + enc
        for q in qualities:
            size, secs, scores = 0, 0.0, []
            for r, rl in zip(refs, ref_luma):
                data, t = pillow_encode(r, enc, q)
                size += len(data)
                secs += t
                scores.append(ssim(rl, luma(Image.open(io.BytesIO(data)))))
            results.setdefault(name, []).append((q, float(np.mean(scores)), size, secs / len(refs)))
            print("%-26s q%-3d SSIM %.4f  %8d bytes  %6.1f ms/photo (encode only)" % (
                name, q, np.mean(scores), size, secs / len(refs) * 1000), flush=True)
    default = [r for r in results["bantin libwebp"] if r[0] == 78]
    if default:
        target = default[0][1]
        print("\nBytes for %d photos at %d px at the SSIM of bantin's default (WebP q78, %.4f):" % (
            len(photos), WIDTH, target))
        for name, rows in results.items():
            b = interpolate(rows, target)
            print("  %-26s %s" % (name, "%8.0f bytes" % b if b else "not reached in the qualities tried"))


if __name__ == "__main__":
    main()
