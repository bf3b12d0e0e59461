"""Benchmark: matching one text against N stored claims (GET /v1/claims/match, ingest).

Builds a temporary database through the migrations (the schema, with its full-text index and
triggers), fills it with N generated news claims, then times `match()` for a mix of query texts:
paraphrases of stored claims (what ingest sees most) and unseen claims, after ten warm-up texts.
Reports the median (p50), p90 and p99 in milliseconds and where the time goes. Nothing here runs
in the test suite; results go to docs/matching.md and docs/benchmarks.md.

`--matcher hybrid` (the default) also fills `claim_embedding` with bulk inserts (executemany on
SQLite, COPY on PostgreSQL): the first `--embed-budget` claims are embedded with the real model
(the embedding throughput in claims/s and the single-text latency are measured there); every
other row stores a DERIVED vector, a really-embedded claim's vector plus gaussian noise,
renormalised, since embedding 1M texts on the benchmark machine would take hours. Then a fresh
serving process (spawned before the data was made, so its RSS is its own) builds the vector index
from the table, saves it (`--index-path`), loads it back as a server with CLAIMS_VECTOR_INDEX_PATH
does, and times `HybridMatcher.match`, whose query embedding the model computes inside the timed
call: no query repeats another, so none comes from the embedder's cache.

    .venv/bin/python bench/matching.py                      # 100k claims, SQLite, hybrid
    .venv/bin/python bench/matching.py --postgresql URL     # an *admin* URL; a database is
                                                            # created for the run and dropped
    .venv/bin/python bench/matching.py --claims 1000000 --compare-env OMP_WAIT_POLICY=passive
    .venv/bin/python bench/matching.py --matcher lexical    # the lexical matcher alone
    .venv/bin/python bench/matching.py --claims 2000 --queries 20 --embed-budget 256  # smoke
"""

import argparse
import gc
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from claim_corpus import EMBED_BATCH  # bench/claim_corpus.py
from claim_corpus import NOISE  # bench/claim_corpus.py
from claim_corpus import claim_text  # bench/claim_corpus.py
from claim_corpus import database  # bench/claim_corpus.py
from claim_corpus import fill  # bench/claim_corpus.py
from claim_corpus import paraphrase  # bench/claim_corpus.py
from claim_corpus import percentile  # bench/claim_corpus.py
from claim_corpus import store_embeddings  # bench/claim_corpus.py
from claim_corpus import stored_texts  # bench/claim_corpus.py
from sqlalchemy import event
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app.claims.search import MAX_TERMS
from app.claims.search import Mode
from app.claims.search import Term
from app.claims.search import parse
from app.core.config import Settings
from app.core.engine import create_db_engine
from app.matching.analysis import content_words
from app.matching.analysis import normalise_news
from app.matching.embedding import Embedder
from app.matching.embedding import load_embedder
from app.matching.factory import build_matcher
from app.matching.hybrid import HybridMatcher
from app.matching.lexical import LexicalMatcher
from app.matching.vectors import ClaimVectors


class AnyWordMatcher(LexicalMatcher):
    """The peer: candidates from *any* content word of the text (the first implementation)."""

    def _candidate_queries(self, session: Session, text: str) -> list[tuple[list[Term], Mode]]:
        terms = parse(" ".join(content_words(text)[:MAX_TERMS]))
        return [(terms, "any")] if terms else []


def time_matcher(
    engine: Engine,
    matcher: LexicalMatcher,
    queries: list[tuple[str, str | None]],
    after_warm_up: Callable[[], None] = lambda: None,
) -> tuple[list[float], int]:
    """Milliseconds per text after ten warm-up texts, and how many best candidates link."""
    timings: list[float] = []
    linked = 0
    with Session(engine) as session:
        for text_, claimant in queries[:10]:
            matcher.match(session, text=text_, claimant=claimant)
        after_warm_up()
        for text_, claimant in queries:
            started = time.perf_counter()
            candidates = matcher.match(session, text=text_, claimant=claimant, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
            linked += bool(candidates) and candidates[0].score >= matcher.link
    return timings, linked


def memory() -> dict[str, float]:
    """This process's resident set now (VmRSS) and at its peak (VmHWM), and ru_maxrss, in MiB.

    ru_maxrss survives exec on Linux: a child started from a big process reports at least the
    parent's size, so the serving process is started before the data is made (`main`), and
    VmHWM, its own peak, is the figure to read.
    """
    status = {
        line.split(":")[0]: int(line.split()[1]) / 1024
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith(("VmRSS:", "VmHWM:"))
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"vm_rss": status["VmRSS"], "vm_hwm": status["VmHWM"], "max_rss": peak}


class TimedEmbedder:
    """The real embedder, with the time and texts of each call recorded (nothing cached here)."""

    def __init__(self, embedder: Embedder, clock: dict[str, float]) -> None:
        self.model_id = embedder.model_id
        self.dim = embedder.dim
        self._embedder = embedder
        self._clock = clock

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        try:
            return self._embedder.embed(texts)
        finally:
            self._clock["embedding"] += time.perf_counter() - started
            self._clock["texts_embedded"] += len(texts)


def timed(function: Callable[..., Any], clock: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            clock[name] += time.perf_counter() - started

    return wrapper


PARTS = ("embedding", "vector_search", "index_sync", "full_text", "candidate_rows")


def serve_and_time(
    url: str,
    warm_up: list[tuple[str, str | None]],
    queries: list[tuple[str, str | None]],
    index_path: str,
    peer_queries: int,
    build: bool = True,
) -> dict[str, Any]:
    """What a fresh serving process does, measured: build the vector index from the table
    (unless `build` is false), save it, load it back, then match each query (its embedding
    computed by the model, inside the timed call). Runs in a child process, so that its RSS is
    a server's, not the filler's.
    """
    settings = Settings(database_url=url, matcher="hybrid", vector_index_path=None)
    engine = create_db_engine(settings)
    result: dict[str, Any] = {"memory_start": memory()}
    if build:
        built = build_matcher(settings)
        assert isinstance(built, HybridMatcher)
        with Session(engine) as session:
            started = time.perf_counter()
            index = built.vectors.index(session)
            result["build_seconds"] = time.perf_counter() - started
            result["indexed"] = len(index)
            result["memory_built"] = memory()
            started = time.perf_counter()
            index.save(Path(index_path))
            result["save_seconds"] = time.perf_counter() - started
        result["index_bytes"] = Path(index_path).stat().st_size
        built.vectors.forget()
        del index, built
        gc.collect()

    # The server's start with CLAIMS_VECTOR_INDEX_PATH: load the file, catch up from the table.
    clock: dict[str, float] = dict.fromkeys((*PARTS, "texts_embedded"), 0.0)
    embedder = TimedEmbedder(load_embedder(settings.embedding_model), clock)
    store = ClaimVectors(embedder, index_path=Path(index_path))
    matcher = HybridMatcher(
        vectors=store,
        lexical=LexicalMatcher(candidates=settings.match_candidates),
        vector_candidates=settings.match_candidates,
    )
    with Session(engine) as session:
        started = time.perf_counter()
        index = store.index(session)
        result["load_seconds"] = time.perf_counter() - started
        result["loaded"] = len(index)
    index.search = timed(index.search, clock, "vector_search")  # type: ignore[method-assign]
    index.sync = timed(index.sync, clock, "index_sync")  # type: ignore[method-assign]
    matcher.lexical.candidate_rows = timed(  # type: ignore[method-assign]
        matcher.lexical.candidate_rows, clock, "full_text"
    )

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        conn.info["query_started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "JOIN claim_embedding" in statement:  # the candidates' rows and stored vectors
            clock["candidate_rows"] += time.perf_counter() - conn.info["query_started"]

    link = matcher.link
    timings: list[float] = []
    parts: dict[str, list[float]] = {part: [] for part in PARTS}
    linked = 0
    load = [os.getloadavg()[0]]
    with Session(engine) as session:
        for text_, claimant in warm_up:
            matcher.match(session, text=text_, claimant=claimant)
        for text_, claimant in queries:
            for part in (*PARTS, "texts_embedded"):
                clock[part] = 0.0
            started = time.perf_counter()
            candidates = matcher.match(session, text=text_, claimant=claimant, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
            # Only the query was embedded (every candidate had its stored vector); the model
            # computed it, since no text repeats another or a warm-up one in this fresh process.
            assert clock["texts_embedded"] == 1, clock
            for part in PARTS:
                parts[part].append(clock[part] * 1000)
            linked += bool(candidates) and candidates[0].score >= link
            if len(timings) % 50 == 0:
                load.append(os.getloadavg()[0])
        load.append(os.getloadavg()[0])
        peer: list[float] = []
        if peer_queries:
            lexical = LexicalMatcher(candidates=settings.match_candidates)
            for text_, claimant in queries[:peer_queries]:
                started = time.perf_counter()
                lexical.match(session, text=text_, claimant=claimant, limit=10)
                peer.append((time.perf_counter() - started) * 1000)
    result.update(
        timings=timings,
        parts=parts,
        linked=linked,
        peer=peer,
        load=load,
        memory_end=memory(),
        omp={
            key: os.environ[key] for key in sorted(os.environ) if key.startswith(("OMP_", "GOMP"))
        },
    )
    engine.dispose()
    return result


def distinct_queries(
    stored: list[tuple[int, str, str | None]], count: int, rng: random.Random
) -> list[tuple[str, str | None]]:
    """`count` texts no two of which embed alike (so none is answered from the embedder's
    cache): two thirds paraphrases of stored claims, one third generated (most likely unseen)."""
    queries: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    while len(queries) < count:
        if len(queries) % 3 == 2:
            candidate = claim_text(rng)
        else:
            _, stored_text, claimant = rng.choice(stored)
            candidate = (paraphrase(stored_text, rng), claimant)
        key = normalise_news(candidate[0])
        if key not in seen:
            seen.add(key)
            queries.append(candidate)
    return queries


def run_hybrid(
    args: argparse.Namespace, engine: Engine, url: str, folder: str, pool: ProcessPoolExecutor
) -> None:
    rng = random.Random(args.seed + 2)
    embedder = load_embedder(Settings().embedding_model)
    budget = min(args.embed_budget, args.claims)
    started = time.perf_counter()
    vectors = store_embeddings(
        engine, embedder, budget=budget, latency_texts=args.latency_texts, seed=args.seed
    )
    vector_seconds = time.perf_counter() - started
    # Paraphrases of claims that have a real embedding, so the vector neighbours mean something.
    stored = stored_texts(engine, min(5000, budget))
    texts = distinct_queries(stored, args.queries + 10, rng)
    warm_up, queries = texts[:10], texts[10:]
    index_path = args.index_path or str(Path(folder) / "claim-vectors.usearch")
    served = pool.submit(
        serve_and_time, url, warm_up, queries, index_path, args.peer_queries
    ).result()
    report_hybrid(args, engine, vectors, vector_seconds, served)
    for setting in args.compare_env:
        # The same texts in another fresh process with extra environment (e.g. OpenMP's wait
        # policy, read when the embedding engine's library loads): it loads the saved index.
        name, _, value = setting.partition("=")
        before = os.environ.get(name)
        os.environ[name] = value
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as other:
                again = other.submit(
                    serve_and_time, url, warm_up, queries, index_path, 0, False
                ).result()
        finally:
            if before is None:
                del os.environ[name]
            else:
                os.environ[name] = before
        print(f"--- the same texts in a serving process with {setting}:")
        report_timings(again)


def report_hybrid(
    args: argparse.Namespace,
    engine: Engine,
    vectors: dict[str, float],
    vector_seconds: float,
    served: dict[str, Any],
) -> None:
    print(f"matcher: hybrid ({Settings().embedding_model}, usearch HNSW i8)")
    print(
        f"embedding throughput: {vectors['throughput']:.1f} claims/s (batches of {EMBED_BATCH}, "
        f"{vectors['real']:.0f} claims in {vectors['embed_seconds']:.0f} s); single text: "
        f"median {vectors['single_p50']:.1f} ms, p90 {vectors['single_p90']:.1f} ms "
        f"({args.latency_texts} texts)"
    )
    print(
        f"claim vectors: {vectors['rows']:.0f} rows in claim_embedding (float16); "
        f"{vectors['real']:.0f} are the real model's embeddings of their claim's text, the other "
        f"{vectors['derived']:.0f} are DERIVED: a randomly chosen real vector + gaussian noise "
        f"(sd {NOISE} per component), renormalised (mean cosine to its source "
        f"{vectors['derived_cosine']:.3f}), not the embedding of their own text; written with "
        f"{'COPY' if engine.dialect.name == 'postgresql' else 'executemany'} in "
        f"{vectors['write_seconds']:.0f} s ({vector_seconds:.0f} s with the embedding)"
    )
    mib = 1024 * 1024
    built, end = served["memory_built"], served["memory_end"]
    print(
        f"vector index: {served['indexed']} vectors built from the table in "
        f"{served['build_seconds']:.1f} s; saved in {served['save_seconds']:.1f} s "
        f"({served['index_bytes'] / mib:.0f} MiB); loaded + caught up in "
        f"{served['load_seconds']:.1f} s ({served['loaded']} vectors)"
    )
    print(
        f"serving process RSS: {served['memory_start']['vm_rss']:.0f} MiB at start; with the "
        f"index built from the table VmRSS {built['vm_rss']:.0f} MiB, VmHWM "
        f"{built['vm_hwm']:.0f} MiB, ru_maxrss {built['max_rss']:.0f} MiB; after the timed texts "
        f"on the loaded index VmRSS {end['vm_rss']:.0f} MiB, VmHWM {end['vm_hwm']:.0f} MiB, "
        f"ru_maxrss {end['max_rss']:.0f} MiB"
    )
    report_timings(served)


def report_timings(served: dict[str, Any]) -> None:
    timings: list[float] = served["timings"]
    print(
        f"queries: {len(timings)} ({len(timings) - len(timings) // 3} paraphrases of claims with "
        f"a real embedding), each query's embedding computed by the model inside the timed call"
    )
    print(
        f"match(): p50 {statistics.median(timings):.1f} ms, p90 {percentile(timings, 0.9):.1f} "
        f"ms, p99 {percentile(timings, 0.99):.1f} ms, mean {statistics.mean(timings):.1f} ms"
    )
    parts = served["parts"]
    rest = [total - sum(parts[part][i] for part in PARTS) for i, total in enumerate(timings)]
    shown = {
        "query embedding": parts["embedding"],
        "vector search": parts["vector_search"],
        "index catch-up": parts["index_sync"],
        "full-text candidates": parts["full_text"],
        "candidate rows + vectors (SQL)": parts["candidate_rows"],
        "scoring (the rest)": rest,
    }
    print("per text, median / p90 / mean ms:")
    for name, values in shown.items():
        print(
            f"  {name}: {statistics.median(values):.1f} / {percentile(values, 0.9):.1f} / "
            f"{statistics.mean(values):.1f}"
        )
    print(f"best candidate at or above the link threshold: {served['linked']}/{len(timings)}")
    if served["peer"]:
        peer = served["peer"]
        print(
            f"lexical matcher, first {len(peer)} texts: median {statistics.median(peer):.1f} ms "
            f"vs {statistics.median(timings[: len(peer)]):.1f} ms hybrid"
        )
    load = ", ".join(f"{value:.1f}" for value in served["load"])
    print(f"load average (1 min) during the timed texts: {load}")
    print(f"OpenMP environment of the serving process: {served['omp'] or 'none set'}")
    if "build_seconds" not in served:
        print(f"loaded + caught up in {served['load_seconds']:.1f} s ({served['loaded']} vectors)")


def run_lexical(args: argparse.Namespace, engine: Engine, rng: random.Random) -> None:
    with Session(engine) as session:
        stored = [
            (row.text, row.claimant)
            for row in session.execute(
                text("SELECT text, claimant FROM claim ORDER BY id LIMIT 5000")
            )
        ]
    queries = []
    for i in range(args.queries):
        if i % 3 == 2:
            queries.append(claim_text(rng))  # most likely unseen
        else:
            stored_text, claimant = rng.choice(stored)
            queries.append((paraphrase(stored_text, rng), claimant))
    sql_seconds: dict[str, float] = {"count": 0.0, "candidates": 0.0}

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        conn.info["query_started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "claim_search" in statement:
            kind = "count" if "count(" in statement else "candidates"
            sql_seconds[kind] += time.perf_counter() - conn.info["query_started"]

    matcher = LexicalMatcher(candidates=Settings().match_candidates)
    timings, found = time_matcher(
        engine, matcher, queries, lambda: sql_seconds.update(count=0.0, candidates=0.0)
    )
    per_query = {kind: total * 1000 / len(timings) for kind, total in sql_seconds.items()}
    peer: list[float] = []
    peer_found = 0
    if args.peer_queries:
        subset = queries[: args.peer_queries]
        peer, peer_found = time_matcher(
            engine, AnyWordMatcher(candidates=Settings().match_candidates), subset
        )
        mine = statistics.median(timings[: len(subset)])
    median = statistics.median(timings)
    print("matcher: lexical")
    print(
        f"queries: {len(timings)} ({len(timings) - len(timings) // 3} paraphrases of stored claims)"
    )
    print(
        f"match(): median {median:.1f} ms, p90 {percentile(timings, 0.9):.1f} ms, "
        f"p99 {percentile(timings, 0.99):.1f} ms, mean {statistics.mean(timings):.1f} ms"
    )
    print(
        f"of which, per text on average: candidate queries {per_query['candidates']:.1f} ms, "
        f"document-frequency counts {per_query['count']:.1f} ms (the rest is re-ranking)"
    )
    print(f"best candidate at or above the link threshold: {found}/{len(timings)}")
    if peer:
        print(
            f"peer (candidates from any word), first {len(peer)} texts: median "
            f"{statistics.median(peer):.1f} ms vs {mine:.1f} ms for the same texts "
            f"({statistics.median(peer) / mine:.1f}x); linked {peer_found}/{len(peer)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--matcher", choices=("hybrid", "lexical"), default="hybrid")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgresql", metavar="ADMIN_URL", default=None)
    parser.add_argument(
        "--peer-queries",
        type=int,
        default=100,
        help="Texts also timed with the peer in the same run: the any-word matcher for "
        "--matcher lexical, the lexical matcher for hybrid (0: skip it).",
    )
    parser.add_argument(
        "--embed-budget",
        type=int,
        default=4096,
        help="hybrid: claims embedded with the real model; the others get derived vectors.",
    )
    parser.add_argument(
        "--latency-texts", type=int, default=50, help="hybrid: texts embedded one at a time."
    )
    parser.add_argument(
        "--compare-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="hybrid: time the same texts again in a serving process with this environment "
        "variable set (e.g. OMP_WAIT_POLICY=passive); repeatable, one process each.",
    )
    parser.add_argument(
        "--index-path",
        default=None,
        help="hybrid: where the vector index is saved and loaded from (default: a temporary file).",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start",
        flush=True,
    )
    # The serving process starts now, while this one is small (see `memory`).
    pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
    pool.submit(gc.collect).result()
    with pool, database(args.postgresql) as url:
        # Filling is maintenance: no statement timeout (ANALYZE at 1M claims takes a while).
        engine = create_db_engine(Settings(database_url=url), statement_timeout_ms=0)
        started = time.perf_counter()
        made = fill(engine, args.claims, rng)
        backend = make_url(url).get_backend_name()
        print(
            f"database: {backend}, {made} claims (filled in {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        if args.matcher == "hybrid":
            with tempfile.TemporaryDirectory() as folder:
                run_hybrid(args, engine, url, folder, pool)
        else:
            run_lexical(args, engine, rng)
        engine.dispose()


if __name__ == "__main__":
    main()
