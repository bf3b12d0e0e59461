"""Extraction quality on the committed HTML set (bench/extraction/): body token F1 and
publication-time exact match, per split.

    .venv/bin/python bench/extraction_quality.py [--split dev|test|all] [--show]

Body F1: both texts are NFKC-normalised, lower-cased and cut into tokens by the Unicode word
regex `\\w+` (letters, digits and underscore; punctuation and whitespace separate tokens); the
two bags of tokens (multisets) give precision = common / extracted, recall = common / gold, F1
their harmonic mean, per page (an empty extraction scores 0), averaged over the pages of a split.
Publication time: exact when the extracted instant equals the gold instant to the second (both
in UTC); a missing one is a miss.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.feeds.extract import extract  # noqa: E402

SET = ROOT / "bench" / "extraction"


def tokens(text: str | None) -> Counter[str]:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text or "").lower()))


def token_f1(extracted: str | None, gold: str) -> float:
    got, want = tokens(extracted), tokens(gold)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision = common / sum(got.values())
    recall = common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def evaluate(split: str, *, show: bool = False) -> dict[str, float]:
    f1s, exact = [], 0
    golds = sorted(SET.glob("gold/*.json"))
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split != "all" and gold["split"] != split:
            continue
        html = (SET / "pages" / f"{gold['id']}.html").read_text(encoding="utf-8")
        page = extract(html, url=gold["url"])
        f1 = token_f1(page.body, gold["body"])
        want = datetime.fromisoformat(gold["published_at"].replace("Z", "+00:00"))
        hit = page.published_at is not None and page.published_at == want
        f1s.append(f1)
        exact += hit
        if show and (f1 < 0.9 or not hit):
            print(
                f"  {gold['id']:28} {gold['shape']:10} F1 {f1:.3f}  time {'ok' if hit else 'MISS'}"
                f"  got {page.published_at and page.published_at.isoformat()}"
                f"  want {want.isoformat()}"
            )
    n = len(f1s)
    return {"pages": n, "body_f1": sum(f1s) / n, "time_exact": exact / n, "min_f1": min(f1s)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="dev")
    parser.add_argument(
        "--show", action="store_true", help="list the pages below F1 0.9 or with a wrong time"
    )
    args = parser.parse_args()
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    for split in splits:
        result = evaluate(split, show=args.show)
        print(
            f"{split:4}  pages {result['pages']:3}  body F1 {result['body_f1']:.3f}"
            f" (min {result['min_f1']:.3f})"
            f"  publication time exact {result['time_exact']:.1%}"
        )


if __name__ == "__main__":
    main()
