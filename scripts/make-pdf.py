#!/usr/bin/env python3
"""Write a tiny valid one-page PDF (A4, Helvetica text lines) for the
sample documents: `scripts/make-pdf.py OUT.pdf "line 1" "line 2" ...`.
Text is written in ASCII (accents dropped) since the base-14 fonts have no
Vietnamese glyphs; the files only stand in for a ward's signed scans."""
import sys
import unicodedata


def ascii_text(s):
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.encode("ascii", "replace").decode()
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(lines):
    text = ["BT", "/F1 12 Tf", "16 TL", "72 770 Td"]
    for line in lines:
        text.append(f"({ascii_text(line)}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: make-pdf.py OUT.pdf [LINE...]")
    with open(sys.argv[1], "wb") as f:
        f.write(pdf(sys.argv[2:]))
