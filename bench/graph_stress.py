"""Deadlocks between the copy graph's writers and attributions on PostgreSQL, counted.

    .venv/bin/python bench/graph_stress.py [--seed 1] [--threads 4] [--ops 150] [--without VERB]

Seeds a fresh PostgreSQL database (CLAIMS_TEST_POSTGRES_URL, default the local server) with
ARTICLES articles over four outlets, each carrying some of ten claims, published at random
instants (so ids and dates are unrelated, and a copy's id may be below its root's). Then
THREADS threads, each with its own connections, run OPS random units of work each through the
service verbs, every one under the one retry policy (`run_transaction`): links and unlinks,
attributions added and deleted, one-line ingests (some stating an origin, some creating a
claim), article and outlet cascade deletes, and merges. Every re-run the policy decides on is
counted by its cause (40P01 is a deadlock), with the verb whose transaction lost. Afterwards
every invariant `corroborate recount --check` verifies must hold.

Prints JSON; exits 1 when an invariant is broken, a unit of work failed every attempt, or one
failed with anything but a domain refusal (404/409/422: a link to a later article, say).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402
from sqlalchemy import func  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlmodel import Session  # noqa: E402

import app.core.unit_of_work as unit_of_work  # noqa: E402
from app.articles import service as articles_service  # noqa: E402
from app.articles.models import LinkCreate  # noqa: E402
from app.claims import attributions  # noqa: E402
from app.claims import merging  # noqa: E402
from app.claims.models import AttributionCreate  # noqa: E402
from app.core.config import Settings  # noqa: E402
from app.core.engine import create_db_engine  # noqa: E402
from app.core.errors import AppError  # noqa: E402
from app.core.migrations import scratch_database  # noqa: E402
from app.core.unit_of_work import TransactionConflict  # noqa: E402
from app.core.unit_of_work import run_transaction  # noqa: E402
from app.ingest import service as ingest_service  # noqa: E402
from app.ingest.models import IngestPayload  # noqa: E402
from app.integrity import service as integrity  # noqa: E402
from app.matching.factory import build_matcher  # noqa: E402
from app.outlets import service as outlets_service  # noqa: E402
from app.tables import Article  # noqa: E402
from app.tables import ArticleLink  # noqa: E402
from app.tables import Attribution  # noqa: E402
from app.tables import Claim  # noqa: E402
from app.tables import LinkRelation  # noqa: E402
from app.tables import Outlet  # noqa: E402

ADMIN_URL = os.environ.get(
    "CLAIMS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
T0 = datetime(2025, 3, 1, tzinfo=UTC)
OUTLETS = ["north", "south", "east", "west"]
CLAIMS = [
    "The city council approved a 5% rise in bus fares",
    "Rainfall in March was double the long-term average across the northern region",
    "The health ministry reported 312 new measles cases in the capital",
    "A fire destroyed the old textile mill beside the river overnight",
    "The central bank left its main interest rate unchanged at 4.25%",
    "Engineers found cracks in two pillars of the motorway viaduct",
    "The football club sacked its manager after eight straight defeats",
    "Unemployment among graduates fell to its lowest level in a decade",
    "The airport will close its second runway for resurfacing until May",
    "Police seized three tonnes of counterfeit cigarettes at the port",
]
# Relative frequency of each unit of work.
MIX = {
    "link": 26,
    "unlink": 16,
    "attribute": 24,
    "delete_attribution": 10,
    "ingest": 16,
    "delete_article": 4,
    "merge": 2,
    "delete_outlet": 1,
}


def _kind(error: BaseException) -> str:
    """What the losing statement was doing: its verb, table and lock clause."""
    words = " ".join(str(getattr(error, "statement", "")).split())
    match = re.match(r"(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b.*?\b(?:FROM )?([a-z_]+)\b", words)
    head = f"{match.group(1)} {match.group(2)}" if match else words[:40]
    if words.startswith("SELECT"):
        table = re.search(r"\bFROM ([a-z_]+)", words)
        head = f"SELECT {table.group(1) if table else '?'}"
    clause = re.search(r"FOR (NO KEY UPDATE|UPDATE|SHARE|KEY SHARE)", words)
    return head + (f" FOR {clause.group(1)}" if clause else "")


class Refused(Exception):
    """Nothing to do (no link to remove, say): not a unit of work."""


def _random_id(session: Session, query: Any) -> int:
    found = session.scalar(query.order_by(func.random()).limit(1))
    if found is None:
        raise Refused
    return int(found)


def _instant(rng: random.Random) -> datetime:
    return T0 + timedelta(minutes=rng.randrange(0, 24 * 60))


def _payload(rng: random.Random, url: str, *, origin_url: str | None = None) -> IngestPayload:
    slug = rng.choice(OUTLETS)
    texts = rng.sample(CLAIMS, rng.randint(1, 2))
    if rng.random() < 0.15:  # a claim no stored claim states: created, or matched by the matcher
        texts.append(f"A new statement number {rng.randrange(10**9)} about the harbour works")
    body: dict[str, Any] = {
        "outlet": {"slug": slug, "name": slug.title(), "domain": f"{slug}.example"},
        "article": {"url": url, "title": "A headline", "published_at": _instant(rng).isoformat()},
        "claims": [{"text": text} for text in texts],
        "detect_copies": False,
    }
    if origin_url is not None:
        body["origin"] = {"url": origin_url, "relation": "syndicates"}
        body["article"]["published_at"] = (T0 + timedelta(days=1, minutes=1)).isoformat()
    return IngestPayload.model_validate(body)


class Stress:
    def __init__(self, engine: Any, settings: Settings, seed: int) -> None:
        self.engine = engine
        self.settings = settings
        self.matcher = build_matcher(settings)
        self.seed = seed
        self.lock = threading.Lock()
        self.current = threading.local()
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.reruns: collections.Counter[str] = collections.Counter()
        self.deadlocks_by_verb: collections.Counter[str] = collections.Counter()
        self.deadlock_statements: collections.Counter[str] = collections.Counter()
        self.deadlock_pairs: collections.Counter[str] = collections.Counter()
        self.failures: list[str] = []
        # Whose transaction was the other side of a deadlock: backend pid -> thread -> verb.
        self.verbs: dict[int, str] = {}
        self.pids: dict[int, int] = {}
        self.pids_of: dict[int, int] = {}
        event.listen(engine, "checkout", self._checked_out)
        self.urls = 0

    # -- counting what the retry policy re-runs ------------------------------------------------

    def count_reruns(self) -> None:
        real = unit_of_work.retry_pause

        def counting(error: BaseException, *, attempt: int, attempts: int) -> float | None:
            pause = real(error, attempt=attempt, attempts=attempts)
            cause = error.__cause__ if isinstance(error, TransactionConflict) else error
            orig = getattr(cause, "orig", None)
            why = getattr(orig, "sqlstate", None) or type(cause).__name__
            if pause is None and why != "40P01":  # not re-run: a domain refusal, and so on
                return pause
            verb = getattr(self.current, "verb", "?")
            with self.lock:
                # A deadlock on the last attempt is counted too (it is not re-run, and the
                # unit of work is reported as lost).
                self.reruns[why] += pause is not None
                if why == "40P01":
                    self.deadlocks_by_verb[verb] += 1
                    self.deadlock_statements[f"{verb}: {_kind(cause)}"] += 1
                    others = sorted(
                        self.verbs.get(self.pids.get(int(pid), 0), "?")
                        for pid in set(re.findall(r"Process (\d+)", str(orig)))
                        if int(pid) != self.pids_of.get(threading.get_ident())
                    )
                    self.deadlock_pairs[" + ".join([verb, *others])] += 1
            return pause

        unit_of_work.retry_pause = counting  # type: ignore[assignment]

    def _checked_out(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        pid = dbapi_connection.info.backend_pid
        with self.lock:
            self.pids[pid] = threading.get_ident()
            self.pids_of[threading.get_ident()] = pid

    # -- the units of work ---------------------------------------------------------------------

    def next_url(self) -> str:
        with self.lock:
            self.urls += 1
            return f"https://{OUTLETS[self.urls % 4]}.example/story/{self.urls}"

    def seed_database(self, articles: int) -> None:
        rng = random.Random(self.seed)
        for _ in range(articles):
            self.ingest(_payload(rng, self.next_url()))

    def ingest(self, payload: IngestPayload) -> None:
        ingest_service.ingest_one(
            self.engine, payload=payload, matcher=self.matcher, settings=self.settings
        )

    def unit(self, verb: str, rng: random.Random) -> None:
        if verb == "ingest":
            origin = None
            if rng.random() < 0.4:
                origin = self.read(lambda s: s.get(Article, _random_id(s, select(Article.id))).url)
            self.ingest(_payload(rng, self.next_url(), origin_url=origin))
            return
        work: Callable[[Session], Any] = getattr(self, f"_{verb}")
        choice = rng.random()
        run_transaction(
            self.engine,
            lambda session: work(session, choice),
            attempts=self.settings.db_retry_attempts,
        )

    def read(self, work: Callable[[Session], Any]) -> Any:
        with unit_of_work.transaction(self.engine, write=False) as session:
            return work(session)

    def _link(self, session: Session, choice: float) -> None:
        article = articles_service.get(session, article_id=_random_id(session, select(Article.id)))
        earlier = select(Article.id).where(
            Article.published_at <= article.published_at, Article.id != article.id
        )
        origin_id = _random_id(session, earlier)
        relation = LinkRelation.syndicates if choice < 0.5 else LinkRelation.cites
        articles_service.add_link(
            session,
            article=article,
            data=LinkCreate(origin_article_id=origin_id, relation=relation),
        )

    def _unlink(self, session: Session, _choice: float) -> None:
        copy_id = _random_id(session, select(ArticleLink.article_id))
        link = session.get(ArticleLink, copy_id)
        if link is None:
            raise Refused
        article = articles_service.get(session, article_id=copy_id)
        articles_service.remove_link(
            session, article=article, origin_article_id=link.origin_article_id
        )

    def _attribute(self, session: Session, _choice: float) -> None:
        claim_id = _random_id(session, select(Claim.id).where(Claim.merged_into.is_(None)))  # type: ignore[union-attr]
        article_id = _random_id(session, select(Article.id))
        claim = session.get(Claim, claim_id)
        assert claim is not None
        attributions.add_attribution(
            session, claim=claim, data=AttributionCreate(article_id=article_id)
        )

    def _delete_attribution(self, session: Session, _choice: float) -> None:
        attribution = session.get(Attribution, _random_id(session, select(Attribution.id)))
        if attribution is None:
            raise Refused
        attributions.remove_attribution(session, attribution=attribution)

    def _delete_article(self, session: Session, _choice: float) -> None:
        articles_service.delete_many(session, article_ids=[_random_id(session, select(Article.id))])

    def _merge(self, session: Session, _choice: float) -> None:
        live = select(Claim.id).where(Claim.merged_into.is_(None))  # type: ignore[union-attr]
        source = session.get(Claim, _random_id(session, live))
        assert source is not None
        merging.merge(
            session, claim=source, into_id=_random_id(session, live.where(Claim.id != source.id))
        )

    def _delete_outlet(self, session: Session, _choice: float) -> None:
        outlet = session.get(Outlet, _random_id(session, select(Outlet.id)))
        assert outlet is not None
        outlets_service.delete(session, outlet=outlet, cascade=True)

    # -- the run -------------------------------------------------------------------------------

    def worker(self, index: int, ops: int, barrier: threading.Barrier) -> None:
        rng = random.Random(self.seed * 1000 + index)
        verbs, weights = zip(*MIX.items(), strict=True)
        barrier.wait()
        for _ in range(ops):
            verb = rng.choices(verbs, weights)[0]
            self.current.verb = verb
            with self.lock:
                self.verbs[threading.get_ident()] = verb
            try:
                self.unit(verb, rng)
                outcome = "done"
            except Refused:
                outcome = "nothing to do"
            except TransactionConflict as exc:
                outcome = "every attempt lost"
                self.failures.append(f"{verb}: {exc.__cause__!r}")
            except AppError as exc:
                outcome = f"refused {exc.status_code} {exc.code}"
            except Exception:
                outcome = "error"
                self.failures.append(f"{verb}: {traceback.format_exc()}")
            with self.lock:
                self.outcomes[f"{verb} {outcome}"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--ops", type=int, default=150, help="units of work per thread")
    parser.add_argument("--articles", type=int, default=60, help="articles seeded first")
    parser.add_argument(
        "--without", action="append", default=[], choices=sorted(MIX), help="leave a verb out"
    )
    args = parser.parse_args()
    for verb in args.without:
        del MIX[verb]
    with scratch_database(
        sqlite_directory=Path(tempfile.mkdtemp()),
        postgresql_admin_url=ADMIN_URL,
        prefix="bench_graph_stress",
        durable=False,
    ) as url:
        settings = Settings(database_url=url, db_pool_size=args.threads + 2)
        engine = create_db_engine(settings)
        stress = Stress(engine, settings, args.seed)
        stress.seed_database(args.articles)
        stress.count_reruns()
        barrier = threading.Barrier(args.threads)
        threads = [
            threading.Thread(target=stress.worker, args=(i, args.ops, barrier))
            for i in range(args.threads)
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - start
        broken = {f.name: f.ids for f in integrity.check_snapshot(engine) if f.ids}
        engine.dispose()
    report = {
        "seed": args.seed,
        "threads": args.threads,
        "without": args.without,
        "units": args.threads * args.ops,
        "seconds": round(seconds, 1),
        "deadlocks": sum(stress.deadlocks_by_verb.values()),  # the lost ones included
        "reruns": dict(stress.reruns),
        "deadlocks_by_verb": dict(stress.deadlocks_by_verb.most_common()),
        "deadlock_statements": dict(stress.deadlock_statements.most_common(12)),
        "deadlock_pairs": dict(stress.deadlock_pairs.most_common(12)),
        "outcomes": dict(sorted(stress.outcomes.items())),
        "broken_invariants": broken,
        "failures": stress.failures[:5],
    }
    print(json.dumps(report, indent=1))
    sys.exit(1 if broken or stress.failures else 0)


if __name__ == "__main__":
    main()
