"""The bulk-ingest floor: `executemany` of the rows an NDJSON ingest would create.

    .venv/bin/python bench/ingest_floor.py --rows 50000 --workdir /tmp/x

Takes the first articles of the generator's S dataset (`--size M`: M) until `--rows`
attributions are covered, writes them as NDJSON ingest payloads (one article with its outlet,
claims and origin per line, the format of `POST /v1/ingest/batch`) to WORKDIR/ingest.ndjson,
then times plain `executemany` inserts of the same outlets, articles, links, claims and
attributions into a freshly migrated SQLite file on the same disk: the floor any ingest path is
compared with.
Prints JSON: {"attributions", "seconds", "rows_per_s", "cpu_seconds", "ndjson"}; `rows_per_s`
is attributions per second (the other rows ride along), the unit ingest is measured in.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import build  # noqa: E402
from vocabulary import rewrite  # noqa: E402

from app.claims.service import fingerprint  # noqa: E402
from app.core.migrations import upgrade  # noqa: E402


def _ts(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")  # UTCDateTime's SQLite storage format


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--size", default="S", help="the generator's dataset (S, M, L)")
    parser.add_argument(
        "--vocabulary",
        choices=["template", "news"],
        default="template",
        help="news: each claim gets three words drawn by English frequency (bench/vocabulary.py)",
    )
    args = parser.parse_args()
    data = build(args.size)
    by_article: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for attribution in data.attributions:
        by_article[attribution["article_id"]].append(attribution)
    articles, total = [], 0
    for article in data.articles:
        articles.append(article)
        total += len(by_article[article["id"]])
        if total >= args.rows:
            break
    kept = {a["id"] for a in articles}
    outlets = {o["id"]: o for o in data.outlets}
    claims = {c["id"]: c for c in data.claims}
    if args.vocabulary == "news":
        rewrite(claims, fingerprint)
    article_by_id = {a["id"]: a for a in articles}
    origin_of = {link["article_id"]: link for link in data.links if link["article_id"] in kept}

    ndjson = args.workdir / "ingest.ndjson"
    with ndjson.open("w") as out:
        for article in articles:
            outlet = outlets[article["outlet_id"]]
            line: dict[str, Any] = {
                "outlet": {
                    "slug": outlet["slug"],
                    "name": outlet["name"],
                    "domain": outlet["domain"],
                    "kind": outlet["kind"],
                },
                "article": {
                    "url": article["url"],
                    "title": article["title"],
                    "published_at": article["published_at"].isoformat(),
                },
                "claims": [
                    {
                        "text": claims[a["claim_id"]]["text"],
                        "claimant": claims[a["claim_id"]]["claimant"],
                        "stance": a["stance"],
                        "quote": a["quote"],
                        "sourcing": a["sourcing"],
                    }
                    for a in by_article[article["id"]]
                ],
            }
            link = origin_of.get(article["id"])
            if link and link["origin_article_id"] in article_by_id:
                line["origin"] = {
                    "url": article_by_id[link["origin_article_id"]]["url"],
                    "relation": link["relation"],
                    "reason": link["reason"],
                }
            out.write(json.dumps(line) + "\n")

    db = args.workdir / "floor.db"
    db.unlink(missing_ok=True)
    upgrade(f"sqlite:///{db}")
    used_claims = {a["claim_id"] for art in articles for a in by_article[art["id"]]}
    used_outlets = {a["outlet_id"] for a in articles}
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    started = time.perf_counter()
    cpu_started = time.process_time()
    with connection:
        connection.executemany(
            "INSERT INTO outlet (id, slug, name, domain, kind, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    o["id"],
                    o["slug"],
                    o["name"],
                    o["domain"],
                    o["kind"],
                    _ts(o["created_at"]),
                    _ts(o["updated_at"]),
                )
                for i, o in outlets.items()
                if i in used_outlets
            ],
        )
        connection.executemany(
            "INSERT INTO article (id, outlet_id, url, title, published_at, root_article_id, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a["id"],
                    a["outlet_id"],
                    a["url"],
                    a["title"],
                    _ts(a["published_at"]),
                    a["root_article_id"] if a["root_article_id"] in kept else a["id"],
                    _ts(a["created_at"]),
                    _ts(a["updated_at"]),
                )
                for a in articles
            ],
        )
        connection.executemany(
            "INSERT INTO article_link (article_id, origin_article_id, relation, reason, "
            "provenance, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    link["article_id"],
                    link["origin_article_id"],
                    link["relation"],
                    link["reason"],
                    link["provenance"],
                    _ts(link["created_at"]),
                )
                for link in origin_of.values()
                if link["origin_article_id"] in kept
            ],
        )
        connection.executemany(
            "INSERT INTO claim (id, text, claimant, fingerprint, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    c["id"],
                    c["text"],
                    c["claimant"],
                    c["fingerprint"],
                    _ts(c["created_at"]),
                    _ts(c["updated_at"]),
                )
                for i, c in claims.items()
                if i in used_claims
            ],
        )
        connection.executemany(
            "INSERT INTO attribution (id, claim_id, article_id, stance, quote, sourcing, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a["id"],
                    a["claim_id"],
                    a["article_id"],
                    a["stance"],
                    a["quote"],
                    a["sourcing"],
                    _ts(a["created_at"]),
                    _ts(a["updated_at"]),
                )
                for art in articles
                for a in by_article[art["id"]]
            ],
        )
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    connection.close()
    print(
        json.dumps(
            {
                "attributions": total,
                "seconds": seconds,
                "rows_per_s": total / seconds,
                "cpu_seconds": cpu_seconds,
                "ndjson": str(ndjson),
            }
        )
    )


if __name__ == "__main__":
    main()
