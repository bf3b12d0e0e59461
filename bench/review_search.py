"""Benchmark: GET /v1/reviews/search ("already fact-checked?") at N reviews (issue 15: p95 <=
100 ms at 100k reviews), with GET /v1/claims/match on the same texts as the peer.

Builds a database through the migrations, fills it with N generated claims (the generator of
bench/matching.py) and one review each (publishers, languages and dates varied, bulk inserts),
then serves the real application in this process (ASGI, through `fastapi.testclient`: routing,
validation, the matcher, the review query, serialisation) and times, per text, after ten
warm-up texts:

- `search`: `GET /v1/reviews/search?text=...`;
- `search+filters`: the same with `language=en&max_age_days=3650&publisher=...`;
- `factchecktools`: the same in the `claims:search` shape;
- `match` (the peer): `GET /v1/claims/match?text=...`, the matcher alone.

Each row gives wall-clock milliseconds and the process's CPU milliseconds per request (all its
threads, the model's included): on a shared machine the wall clock carries everyone else's
load, the CPU time much less of it.

Texts are paraphrases of stored claims (what a fact-checker asking "was this checked?" sends
most) and unseen claims, one in five. With `--matcher hybrid` the claims get vectors the way
bench/matching.py stores them (the first `--embed-budget` really embedded, the others derived
from those) and the query's embedding is computed inside each timed request. Nothing here runs in
the test suite; the figures go to docs/benchmarks.md.

    .venv/bin/python bench/review_search.py                          # 100k, SQLite, lexical
    .venv/bin/python bench/review_search.py --matcher hybrid
    .venv/bin/python bench/review_search.py --postgresql URL         # an admin URL
    .venv/bin/python bench/review_search.py --reviews 2000 --queries 20   # smoke

`--keep DIR` keeps the database (and the vector index file) for the next run with the same
`--keep`, `--reviews` and `--seed` (building 100k claims with vectors and their index takes
minutes): a kept database always holds vectors, so one serves both matchers. `--top-results
FILE` writes each `search` text's best claim (id and score) to FILE, or, when FILE exists,
compares with it: a change meant to make the search faster must not change what it finds.
`--profile FILE` runs as many other texts through the service function under cProfile (FILE
gets the stats; the top of them is printed). `--build-only` builds a kept database and its
index, and times nothing.
"""

import argparse
import cProfile
import gc
import json
import platform
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_corpus import claim_text  # bench/claim_corpus.py
from claim_corpus import database  # bench/claim_corpus.py
from claim_corpus import fill  # bench/claim_corpus.py
from claim_corpus import paraphrase  # bench/claim_corpus.py
from claim_corpus import percentile  # bench/claim_corpus.py
from claim_corpus import store_embeddings  # bench/claim_corpus.py
from claim_corpus import stored_texts  # bench/claim_corpus.py
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy import insert
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.core.config import Settings
from app.core.engine import create_db_engine
from app.core.migrations import upgrade
from app.core.pagination import PageParams
from app.main import create_app
from app.matching import vectors as claim_vectors
from app.matching.embedding import load_embedder
from app.reviews import search as review_search
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


def kept_database(folder: Path, admin_url: str | None, name: str) -> tuple[str, Path]:
    """(url, marker) of a database kept between runs: a file in `folder`, or a database `name`
    on the PostgreSQL server of `admin_url`; the marker file exists once it is filled. One that
    was not (a build that stopped) is made again, at the schema head. Never dropped here."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f"{name}.{'postgresql' if admin_url else 'sqlite'}.ready"
    if marker.exists():
        url = f"sqlite:///{folder / f'{name}.db'}"
        if admin_url is not None:
            url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        return url, marker
    if admin_url is None:
        (folder / f"{name}.db").unlink(missing_ok=True)
        url = f"sqlite:///{folder / f'{name}.db'}"
    else:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(
                text(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
            )
        admin.dispose()
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    return url, marker


def build(url: str, args: argparse.Namespace, *, vectors: bool) -> None:
    """Claims, one review each and (for the hybrid matcher) their vectors."""
    rng = random.Random(args.seed)
    engine = create_db_engine(Settings(database_url=url))
    started = time.perf_counter()
    claims = fill(engine, args.reviews, rng)
    reviews = add_reviews(engine, rng)
    print(f"filled {claims} claims and {reviews} reviews in {time.perf_counter() - started:.0f} s")
    if vectors:
        embedder = load_embedder(Settings().embedding_model)
        made = store_embeddings(
            engine,
            embedder,
            budget=min(args.embed_budget, args.reviews),
            latency_texts=5,
            seed=args.seed,
        )
        print(
            f"vectors: {made['real']:.0f} embedded ({made['throughput']:.1f}/s), "
            f"{made['derived']:.0f} derived"
        )
    engine.dispose()


def timed_requests(
    client: TestClient, path: str, texts: list[str], **params: str
) -> tuple[list[float], list[float]]:
    """Wall-clock and process CPU milliseconds of each request."""
    wall, cpu = [], []
    for query in texts:
        started, cpu_started = time.perf_counter(), time.process_time()
        response = client.get(path, params={"text": query, **params})
        cpu.append((time.process_time() - cpu_started) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return wall, cpu


class Collections:
    """The garbage collector's pauses while it is installed: a pause lands on a request's time."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses[info["generation"]].append((time.perf_counter() - self._started) * 1000)

    def summary(self) -> str:
        return "; ".join(
            f"gen {gen}: {len(p)} collections, {sum(p):.0f} ms, longest {max(p, default=0):.1f} ms"
            for gen, p in self.pauses.items()
        )


def top_results(client: TestClient, texts: list[str], path: Path) -> str:
    """Each text's best reviewed claim (id, score): written to `path`, or compared with it."""
    found = {}
    for query in texts:
        items = client.get("/v1/reviews/search", params={"text": query}).json()["items"]
        found[query] = [items[0]["claim"]["id"], items[0]["score"]] if items else None
    if not path.exists():
        path.write_text(json.dumps(found, indent=0, ensure_ascii=False), encoding="utf-8")
        return f"top results of {len(found)} texts written to {path}"
    before = json.loads(path.read_text(encoding="utf-8"))
    shared = [query for query in texts if query in before]
    other_claim = [q for q in shared if (before[q] or [None])[0] != (found[q] or [None])[0]]
    other_score = [
        q
        for q in shared
        if q not in other_claim and before[q] and abs(before[q][1] - found[q][1]) > 1e-4
    ]
    for query in other_claim[:5]:
        print(f"  top result changed: {query!r}: {before[query]} -> {found[query]}")
    return (
        f"top results against {path}: {len(shared)} texts compared, {len(other_claim)} with "
        f"another best claim, {len(other_score)} with the same claim at another score"
    )


def profile(app: Any, texts: list[str], path: Path) -> None:
    """The texts through the service function (no HTTP) under cProfile."""
    matcher = app.state.matcher
    engine = create_db_engine(app.state.settings)
    profiler = cProfile.Profile()
    for query in texts:
        with Session(engine) as session:
            profiler.enable()
            review_search.search(
                session,
                text=query,
                filters=review_search.SearchFilters(),
                params=PageParams(limit=10, cursor=None),
                matcher=matcher,
            )
            profiler.disable()
    profiler.dump_stats(str(path))
    pstats.Stats(str(path)).sort_stats("cumulative").print_stats(35)


def run(url: str, index_path: Path, args: argparse.Namespace) -> None:
    settings = Settings(
        database_url=url,
        matcher=args.matcher,
        vector_index_path=str(index_path),
        rate_limit_anonymous_per_second=1e6,
        rate_limit_anonymous_burst=1_000_000,
        access_log=False,
    )
    # Distinct texts per run: the matcher caches what it computed for a text's candidates,
    # so a text repeated across runs would make the later runs look cheaper.
    n = args.queries
    pool = min(args.embed_budget, args.reviews) if args.matcher == "hybrid" else args.reviews
    texts = queries(create_db_engine(settings), 5 * n + 10, random.Random(args.seed + 1), pool)
    # Four timed slices, and a fifth the profile runs (texts no cache has seen).
    warm_up, timed = texts[:10], [texts[10 + i * n : 10 + (i + 1) * n] for i in range(5)]
    app = create_app(settings)
    with TestClient(app) as client:
        started = time.perf_counter()
        timed_requests(client, "/v1/reviews/search", warm_up)  # builds the vector index
        print(f"warm-up (index build included): {time.perf_counter() - started:.1f} s")
        save_index(app, index_path)
        if args.build_only:
            return
        if args.gc_freeze:  # what a server could do once started: nothing of it scanned again
            gc.collect()
            gc.freeze()
        collections = Collections()
        gc.callbacks.append(collections)
        runs = {
            "search": timed_requests(client, "/v1/reviews/search", timed[0]),
            "search+filters": timed_requests(
                client,
                "/v1/reviews/search",
                timed[1],
                language="en",
                max_age_days="3650",
                publisher="politifact.com",
            ),
            "factchecktools": timed_requests(
                client, "/v1/reviews/search", timed[2], format="factchecktools"
            ),
            "match (peer)": timed_requests(client, "/v1/claims/match", timed[3]),
        }
        gc.callbacks.remove(collections)
        print(f"garbage collection during the timed requests: {collections.summary()}")
        hits = sum(
            bool(client.get("/v1/reviews/search", params={"text": t}).json()["items"])
            for t in timed[0][:50]
        )
        checked = top_results(client, timed[0], Path(args.top_results)) if args.top_results else ""
        if args.profile:
            profile(app, timed[4], Path(args.profile))
    report(args, runs, hits, checked)


def save_index(app: Any, path: Path) -> None:
    """Keep the vector index built in the warm-up, for the next run on a kept database."""
    store = claim_vectors.active()
    if store is None or path.exists() or getattr(app.state, "matcher", None) is None:
        return
    engine = create_db_engine(app.state.settings)
    with Session(engine) as session:
        store.index(session).save(path)


def report(
    args: argparse.Namespace,
    runs: dict[str, tuple[list[float], list[float]]],
    hits: int,
    checked: str,
) -> None:
    backend = "PostgreSQL" if args.postgresql else "SQLite"
    n = args.queries
    print(
        f"\n{backend}, {args.reviews:,} reviews, matcher {args.matcher}, {n} texts per row, "
        f"{platform.machine()} {platform.python_version()}; "
        f"{hits}/{min(50, n)} texts found a review"
    )
    if checked:
        print(checked)
    peer = statistics.median(runs["match (peer)"][0])
    print("| request | p50 ms | p95 ms | p99 ms | CPU p50 ms | CPU p95 ms | p50 / match p50 |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, (wall, cpu) in runs.items():
        p50 = statistics.median(wall)
        print(
            f"| {name} | {p50:.1f} | {percentile(wall, 0.95):.1f} | "
            f"{percentile(wall, 0.99):.1f} | {statistics.median(cpu):.1f} | "
            f"{percentile(cpu, 0.95):.1f} | {p50 / peer:.2f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--matcher", choices=["lexical", "hybrid"], default="lexical")
    parser.add_argument("--embed-budget", type=int, default=1024)
    parser.add_argument("--postgresql", metavar="ADMIN_URL", default=None)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--keep", metavar="DIR", default=None)
    parser.add_argument("--top-results", metavar="FILE", default=None)
    parser.add_argument("--profile", metavar="FILE", default=None)
    parser.add_argument(
        "--gc-freeze", action="store_true", help="gc.freeze() after the warm-up (a trial)"
    )
    parser.add_argument(
        "--build-only", action="store_true", help="with --keep: build (and index), time nothing"
    )
    args = parser.parse_args()
    if args.keep:
        folder = Path(args.keep)
        name = f"review_search_{args.reviews}_{args.seed}"
        url, marker = kept_database(folder, args.postgresql, name)
        index = folder / f"{marker.stem}.usearch"
        if marker.exists():
            upgrade(url)  # a migration added since it was built
        else:
            index.unlink(missing_ok=True)
            build(url, args, vectors=True)
            marker.touch()
        run(url, index, args)
        return
    with database(args.postgresql) as url, tempfile.TemporaryDirectory() as folder:
        build(url, args, vectors=args.matcher == "hybrid")
        run(url, Path(folder) / "index.usearch", args)


if __name__ == "__main__":
    main()
