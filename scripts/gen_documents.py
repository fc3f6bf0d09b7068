#!/usr/bin/env python3
"""Add N generated documents (văn bản) to a corpus: `scripts/gen_documents.py
CORPUS N [--seed S]` writes CORPUS/content/van-ban/<year>/<type>-<n>.md,
every tenth with a small PDF beside it (scripts/make-pdf.py), every
twentieth replacing an earlier one, some expired, and links from one
article in fifty to a document. For the benchmark of issue 16: the same
corpus timed with and without them."""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module  # noqa: E402

make_pdf = import_module("make-pdf")

TYPES = [("Kế hoạch", "KH"), ("Quyết định", "QĐ"), ("Thông báo", "TB"), ("Nghị quyết", "NQ"),
         ("Báo cáo", "BC"), ("Công văn", "CV"), ("Hướng dẫn", "HD"), ("Chỉ thị", "CT")]
ISSUERS = [("UBND phường", "UBND"), ("Đảng ủy phường", "ĐU"), ("Ủy ban MTTQ phường", "MTTQ"),
           ("HĐND phường", "HĐND")]
WORDS = ("thực hiện công tác dân vận chính quyền chuyển đổi số cải cách hành chính phòng chống "
         "thiên tai vệ sinh môi trường an ninh trật tự giáo dục y tế văn hóa gia đình").split()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    base = os.path.join(a.corpus, "content", "van-ban")
    made = []
    for i in range(a.n):
        (tname, tcode), (iname, icode) = rng.choice(TYPES), rng.choice(ISSUERS)
        year = 2020 + i * 7 // a.n
        number = f"{i + 1}/{tcode}-{icode}"
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        title = f"{tname} về " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
        rel = os.path.join(str(year), f"{tcode.lower().replace('đ', 'd')}-{i + 1}.md")
        lines = ["---", f'title: "{title}"', f'number: "{number}"', f"type: {tname}",
                 f"issuer: {iname}", f"issued: {day:02d}/{month:02d}/{year}", "signer: Nguyễn Văn An"]
        if i % 20 == 19 and made:
            lines.append(f'replaces: "{made[rng.randrange(len(made))][1]}"')
        if i % 7 == 3:
            lines.append(f"expires: 31/12/{year}")
        path = os.path.join(base, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if i % 10 == 0:
            pdf = rel[:-3].split("/")[-1] + ".pdf"
            lines.append(f"file: {pdf}")
            with open(os.path.join(os.path.dirname(path), pdf), "wb") as f:
                f.write(make_pdf.pdf([number, title]))
        lines += ["---", "Nội dung văn bản " + " ".join(rng.choice(WORDS) for _ in range(40)), ""]
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        made.append((rel, number))
    print(f"{a.n} documents under {base}")


if __name__ == "__main__":
    main()
