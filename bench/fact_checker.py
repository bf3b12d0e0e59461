"""Cost of counting on the fly (as_of / collapse) against the stored counters, on SQLite.

    .venv/bin/python bench/fact_checker.py [--claims 5000] [--repeat 15]

Builds a temporary SQLite database through the migrations, fills it in bulk with a skewed,
seeded dataset (a few wires copied by many outlets, a long tail of claims), rebuilds the stored
counters with the same code the service uses, then times the service verbs (no HTTP) and prints
a Markdown table of medians. Never part of the test suite.
"""

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy import select

from app.claims import download
from app.claims import listing
from app.claims import service
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.core.config import Settings
from app.core.engine import create_db_engine
from app.core.migrations import upgrade
from app.core.pagination import PageParams
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.corroboration import live
from app.corroboration import service as corroboration
from app.corroboration.method import method
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def build(url: str, claims: int, seed: int) -> dict[str, int]:
    """Bulk-load outlets, articles (with copy links and roots), claims and attributions."""
    rng = random.Random(seed)
    engine = create_db_engine(Settings(database_url=url))
    now = datetime.now(UTC)
    outlets = [
        {
            "id": i,
            "slug": f"outlet-{i}",
            "name": f"Outlet {i}",
            "kind": "wire_agency" if i <= 3 else "newspaper",
            "owner_group": f"Group {i % 7}" if i % 3 == 0 else None,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(1, 81)
    ]
    articles, links = [], []
    for i in range(1, claims * 4 + 1):
        outlet = 1 + min(int(rng.paretovariate(1.2)) - 1, 79)
        published = T0 + timedelta(minutes=i * 3)
        root = i
        if outlet > 3 and rng.random() < 0.35 and articles:  # a copy of a recent article
            origin = articles[max(0, len(articles) - rng.randrange(1, 200))]
            root = origin["root_article_id"]
            links.append(
                {
                    "article_id": i,
                    "origin_article_id": origin["id"],
                    "relation": rng.choice(["syndicates", "syndicates", "cites"]),
                    "reason": "bench copy",
                    "provenance": "stated",
                    "created_at": now,
                }
            )
        articles.append(
            {
                "id": i,
                "outlet_id": outlet,
                "url": f"https://bench.example/{i}",
                "title": f"Story {i}",
                "published_at": published,
                "root_article_id": root,
                "created_at": now,
                "updated_at": now,
            }
        )
    claim_rows, attributions = [], []
    sizes: dict[int, int] = {}
    for c in range(1, claims + 1):
        claim_rows.append(
            {
                "id": c,
                "text": f"Bench claim {c} about the talks.",
                "claimant": f"Speaker {c % 50}",
                "fingerprint": f"{c:064d}",
                "created_at": now,
                "updated_at": now,
            }
        )
        size = 1000 if c == 1 else 100 if c == 2 else 10 if c == 3 else int(rng.paretovariate(1.1))
        size = min(size, len(articles))
        sizes[c] = size
        start = rng.randrange(0, len(articles) - size + 1)
        for article in articles[start : start + size]:
            attributions.append(
                {
                    "claim_id": c,
                    "article_id": article["id"],
                    "stance": "disputes" if rng.random() < 0.03 else "reports",
                    "sourcing": "unknown",
                    "created_at": now,
                    "updated_at": now,
                }
            )
    with engine.begin() as connection:
        for model, rows in (
            (Outlet, outlets),
            (Article, articles),
            (ArticleLink, links),
            (Claim, claim_rows),
            (Attribution, attributions),
        ):
            for start in range(0, len(rows), 5000):
                connection.execute(insert(model.__table__), rows[start : start + 5000])  # type: ignore[attr-defined]
    with transaction(engine, write=True) as session:
        counters.recount_all(session)
    engine.dispose()
    return {
        "claims": claims,
        "articles": len(articles),
        "links": len(links),
        "attributions": len(attributions),
    }


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade(url)
        sizes = build(url, args.claims, args.seed)
        engine = create_db_engine(Settings(database_url=url))
        as_of = method(as_of=T0 + timedelta(days=200))
        none = method(collapse=["none"])
        owner = method(collapse=["syndicates,cites,owner"])
        rows: list[tuple[str, float, float]] = []
        with transaction(engine, write=False) as session:
            for claim_id in (3, 2, 1):
                n = session.scalar(select(Claim.articles_count).where(Claim.id == claim_id))
                stored = median_ms(
                    lambda c=claim_id: service.public(session, claim_id=c), args.repeat
                )
                for label, chosen in (("as_of", as_of), ("collapse=none", none), ("owner", owner)):
                    onfly = median_ms(
                        lambda c=claim_id, m=chosen: live.corroboration(
                            session, claim_ids=[c], chosen=m
                        ),
                        args.repeat,
                    )
                    rows.append((f"one claim, {n} reports, {label}", stored, onfly))
                explain = median_ms(
                    lambda c=claim_id: corroboration.explain(session, claim_id=c, chosen=method()),
                    args.repeat,
                )
                rows.append((f"one claim, {n} reports, explanation", stored, explain))
            page = PageParams(limit=50, cursor=None)
            for label, filters in (
                ("list, 1 claimant (~100 candidates)", ClaimFilters(claimant="speaker 7")),
                (f"list, all {args.claims} candidates", ClaimFilters()),
            ):
                stored = median_ms(
                    lambda f=filters: listing.list_(
                        session, filters=f, sort=ClaimSort.outlets, page=page
                    ),
                    args.repeat,
                )
                onfly = median_ms(
                    lambda f=filters: listing.list_(
                        session,
                        filters=f,
                        sort=ClaimSort.independent_origins,
                        page=page,
                        method=none,
                        max_claims=args.claims,
                    ),
                    max(3, args.repeat // 5),
                )
                rows.append((f"{label}, collapse=none, 50 per page", stored, onfly))
        started = time.perf_counter()
        exported = sum(
            chunk.count(b"\n")
            for chunk in download.stream(
                engine,
                download.Download(download.ExportFormat.csv, ClaimFilters(), None, None, 10),
            )
        )
        export_s = time.perf_counter() - started
        engine.dispose()
    print(
        f"dataset: {sizes['claims']} claims, {sizes['articles']} articles, "
        f"{sizes['links']} copy links, {sizes['attributions']} attributions; "
        f"median of {args.repeat} runs"
    )
    print()
    print("| operation | stored counters (ms) | on the fly (ms) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for label, stored, onfly in rows:
        print(f"| {label} | {stored:.2f} | {onfly:.2f} | {onfly / stored:.1f}x |")
    print()
    rate = (exported - 1) / export_s
    print(f"CSV export: {exported - 1} claims in {export_s:.2f} s ({rate:,.0f} rows/s)")


if __name__ == "__main__":
    main()
