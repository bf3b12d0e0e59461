"""Benchmark: GET /v1/reviews/search ("already fact-checked?") at N reviews (issue 15: p95 <=
100 ms at 100k reviews), with GET /v1/claims/match on the same texts as the peer.

Builds a temporary database through the migrations, fills it with N generated claims (the
generator of bench/matching.py) and one review each (publishers, languages and dates varied,
bulk inserts), then serves the real application in this process (ASGI, through
`fastapi.testclient`: routing, validation, the matcher, the review query, serialisation) and
times, per text, after ten warm-up texts:

- `search`: `GET /v1/reviews/search?text=...`;
- `search+filters`: the same with `language=en&max_age_days=3650&publisher=...`;
- `factchecktools`: the same in the `claims:search` shape;
- `match` (the peer): `GET /v1/claims/match?text=...`, the matcher alone.

Texts are paraphrases of stored claims (what a fact-checker asking "was this checked?" sends
most) and unseen claims, one in five. With `--matcher hybrid` the claims get vectors the way
bench/matching.py stores them (the first `--embed-budget` really embedded, the others derived
from those) and the query's embedding is computed inside each timed request. Nothing here runs in
the test suite; the figures go to docs/benchmarks.md.

    .venv/bin/python bench/review_search.py                          # 100k, SQLite, lexical
    .venv/bin/python bench/review_search.py --matcher hybrid
    .venv/bin/python bench/review_search.py --postgresql URL         # an admin URL
    .venv/bin/python bench/review_search.py --reviews 2000 --queries 20   # smoke
"""

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_corpus import (  # bench/claim_corpus.py
    claim_text,
    database,
    fill,
    paraphrase,
    percentile,
    store_embeddings,
    stored_texts,
)
from fastapi.testclient import TestClient
from sqlalchemy import insert, text
from sqlalchemy.engine import Engine

from app.core.config import Settings
from app.core.engine import create_db_engine
from app.main import create_app
from app.matching.embedding import load_embedder
from app.tables import Review

PUBLISHERS = [
    ("PolitiFact", "politifact.com", "en"),
    ("Full Fact", "fullfact.org", "en"),
    ("AFP Factuel", "factuel.afp.com", "fr"),
    ("Maldita.es", "maldita.es", "es"),
    ("Aos Fatos", "aosfatos.org", "pt"),
    ("CORRECTIV", "correctiv.org", "de"),
]
RATINGS = ["False", "Mostly false", "Misleading", "Half true", "Mostly true", "True"]


def add_reviews(engine: Engine, rng: random.Random) -> int:
    """One review per claim, bulk-inserted: a publisher, its language, a date in ten years."""
    now = datetime.now(UTC)
    today = date.today()
    with engine.begin() as connection:
        ids = [row[0] for row in connection.execute(text("SELECT id FROM claim ORDER BY id"))]
        rows = []
        for claim_id in ids:
            name, site, language = rng.choice(PUBLISHERS)
            rows.append(
                {
                    "claim_id": claim_id,
                    "publisher_name": name,
                    "publisher_site": site,
                    "url": f"https://{site}/check/{claim_id}",
                    "title": None,
                    "review_date": today - timedelta(days=rng.randint(0, 3650)),
                    "textual_rating": rng.choice(RATINGS),
                    "language": language,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            if len(rows) == 10_000:
                connection.execute(insert(Review), rows)
                rows = []
        if rows:
            connection.execute(insert(Review), rows)
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
    return len(ids)


def queries(engine: Engine, count: int, rng: random.Random, pool: int) -> list[str]:
    """Paraphrases of stored claims (four in five) and unseen claims, none repeated."""
    stored = stored_texts(engine, pool)
    known = {t for _, t, _ in stored}
    found: list[str] = []
    seen: set[str] = set()
    while len(found) < count:
        if rng.random() < 0.8:
            candidate = paraphrase(rng.choice(stored)[1], rng)
        else:
            candidate, _ = claim_text(rng)
            if candidate in known:
                continue
        if candidate not in seen:
            seen.add(candidate)
            found.append(candidate)
    return found


def time_requests(client: TestClient, path: str, texts: list[str], **params: str) -> list[float]:
    timings = []
    for query in texts:
        started = time.perf_counter()
        response = client.get(path, params={"text": query, **params})
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--matcher", choices=["lexical", "hybrid"], default="lexical")
    parser.add_argument("--embed-budget", type=int, default=1024)
    parser.add_argument("--postgresql", metavar="ADMIN_URL", default=None)
    parser.add_argument("--seed", type=int, default=20261204)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with database(args.postgresql) as url, tempfile.TemporaryDirectory() as folder:
        engine = create_db_engine(Settings(database_url=url))
        started = time.perf_counter()
        claims = fill(engine, args.reviews, rng)
        reviews = add_reviews(engine, rng)
        print(
            f"filled {claims} claims and {reviews} reviews in {time.perf_counter() - started:.0f} s"
        )
        pool = args.reviews
        if args.matcher == "hybrid":
            embedder = load_embedder(Settings().embedding_model)
            budget = min(args.embed_budget, args.reviews)
            vectors = store_embeddings(
                engine, embedder, budget=budget, latency_texts=5, seed=args.seed
            )
            print(
                f"vectors: {vectors['real']:.0f} embedded ({vectors['throughput']:.1f}/s), "
                f"{vectors['derived']:.0f} derived"
            )
            pool = budget  # paraphrase claims whose vectors are their own
        engine.dispose()
        settings = Settings(
            database_url=url,
            matcher=args.matcher,
            vector_index_path=str(Path(folder) / "index.usearch"),
            rate_limit_anonymous_per_second=1e6,
            rate_limit_anonymous_burst=1_000_000,
            access_log=False,
        )
        # Distinct texts per run: the matcher caches what it computed for a text's candidates,
        # so a text repeated across runs would make the later runs look cheaper.
        n = args.queries
        texts = queries(create_db_engine(settings), 4 * n + 10, rng, pool)
        warm_up, timed = texts[:10], [texts[10 + i * n : 10 + (i + 1) * n] for i in range(4)]
        app = create_app(settings)
        with TestClient(app) as client:
            started = time.perf_counter()
            time_requests(client, "/v1/reviews/search", warm_up)  # builds the vector index
            print(f"warm-up (index build included): {time.perf_counter() - started:.1f} s")
            runs = {
                "search": time_requests(client, "/v1/reviews/search", timed[0]),
                "search+filters": time_requests(
                    client,
                    "/v1/reviews/search",
                    timed[1],
                    language="en",
                    max_age_days="3650",
                    publisher="politifact.com",
                ),
                "factchecktools": time_requests(
                    client, "/v1/reviews/search", timed[2], format="factchecktools"
                ),
                "match (peer)": time_requests(client, "/v1/claims/match", timed[3]),
            }
            hits = sum(
                bool(client.get("/v1/reviews/search", params={"text": t}).json()["items"])
                for t in timed[0][:50]
            )
    backend = "PostgreSQL" if args.postgresql else "SQLite"
    print(
        f"\n{backend}, {args.reviews:,} reviews, matcher {args.matcher}, {n} texts per row, "
        f"{platform.machine()} {platform.python_version()}; "
        f"{hits}/{min(50, n)} texts found a review"
    )
    peer = statistics.median(runs["match (peer)"])
    print("| request | p50 ms | p95 ms | p99 ms | p50 / match p50 |")
    print("| --- | --- | --- | --- | --- |")
    for name, timings in runs.items():
        p50 = statistics.median(timings)
        print(
            f"| {name} | {p50:.1f} | {percentile(timings, 0.95):.1f} | "
            f"{percentile(timings, 0.99):.1f} | {p50 / peer:.2f} |"
        )


if __name__ == "__main__":
    main()
