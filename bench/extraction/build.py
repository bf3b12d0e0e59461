"""Render the extraction quality set: pages/<id>.html and gold/<id>.json from articles.py
through templates.py. Run once when the set was made; the committed pages and gold files are the
set (re-running gives the same bytes). Split: articles alternate dev, test in list order.

    python bench/extraction/build.py
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles import ARTICLES  # noqa: E402
from templates import TEMPLATES  # noqa: E402
from templates import url_of  # noqa: E402


def gold_body(article: dict) -> str:
    return "\n".join(p[3:] if p.startswith("## ") else p for p in article["paragraphs"])


def page_url(article: dict, page: str) -> str:
    """Where the page was fetched from: its canonical address, else (the old table-layout
    paper has none) its address on that paper's site, which carries no date."""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    return (
        found[1] if found else url_of(article, "www.greywelltimes.example", dated=False) + ".html"
    )


def main() -> None:
    (HERE / "pages").mkdir(exist_ok=True)
    (HERE / "gold").mkdir(exist_ok=True)
    for n, article in enumerate(ARTICLES):
        page = TEMPLATES[article["template"]](article)
        (HERE / "pages" / f"{article['id']}.html").write_text(page, encoding="utf-8")
        gold = {
            "id": article["id"],
            "split": "dev" if n % 2 == 0 else "test",
            "lang": article["lang"],
            "shape": article["template"],
            "url": page_url(article, page),
            "published_at": article["gold"],
            "body": gold_body(article),
        }
        (HERE / "gold" / f"{article['id']}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"{len(ARTICLES)} pages")


if __name__ == "__main__":
    main()
