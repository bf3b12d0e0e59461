"""Concurrent writers on PostgreSQL: N clients ingest the same overlapping outlets, articles,
claims and attributions at once. No duplicates, no deadlock errors surface to clients.

    .venv/bin/python -m bench.reliability.concurrency [--writers 16] [--groups 60]
        [--shared-claims 8] [--server-workers 4]

Every writer sends every group (an outlet, three articles, a syndication link, a claim and
three attributions) in its own random order; claims are shared between groups, so writers
contend for the same claim rows (their counters) all the time. Every answer must be 201 or
409 (already there): any 5xx, including a `transaction_conflict` 503, is a failure. The
server re-runs transactions that lose a deadlock or serialisation race; the script counts
those retries from the server log.
"""

import argparse
import json
import random
import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy import text

from bench.reliability.common import Server
from bench.reliability.common import corroborate
from bench.reliability.common import postgres_database
from bench.reliability.common import request
from bench.reliability.common import say
from bench.reliability.common import scratch_env

ARTICLES = 3


_RERUN = re.compile(r"^re-running (\S+) (\S+) \(attempt \d+ of \d+\): (.*)", re.DOTALL)
# SQLAlchemy renders a DBAPI error as "(psycopg.errors.Class) first line\nDETAIL: ...".
_DBAPI_ERROR = re.compile(r"^\((?:[\w.]+\.)?(\w+)\) ([^\n]*)")
_ID_SEGMENT = re.compile(r"/\d+(?=/|$)")


def retry_causes(log: str) -> Counter[str]:
    """Why the server re-ran transactions, from its JSON log: error class and first line,
    with the route template-like path (ids replaced by N) so that like causes count together.
    """
    causes: Counter[str] = Counter()
    for line in log.splitlines():
        try:
            message = json.loads(line).get("message", "")
        except (json.JSONDecodeError, AttributeError):
            message = line  # a text log (CLAIMS_LOG_FORMAT=text) or a stray line
        rerun = _RERUN.match(message)
        if rerun is None:
            continue
        method, path, cause = rerun.groups()
        error = _DBAPI_ERROR.match(cause)
        what = f"{error[1]}: {error[2]}" if error else cause.splitlines()[0] or "(no cause)"
        causes[f"{what} ({method} {_ID_SEGMENT.sub('/N', path)})"] += 1
    return causes


def group_writes(n: int, shared_claims: int) -> list[tuple[str, Any]]:
    """The writes of group n, as (kind, payload) in dependency order."""
    slug = f"conc-outlet-{n % 20}"  # outlets are shared by several groups too
    articles = [
        {
            "outlet": slug,
            "url": f"https://conc.example/{n}/{i}",
            "title": f"T{n}.{i}",
            "published_at": f"2025-05-29T{10 + i:02d}:00:00Z",
        }
        for i in range(ARTICLES)
    ]
    claim = {"text": f"Shared claim {n % shared_claims} is reported.", "claimant": "Concurrency"}
    return [
        ("outlet", {"slug": slug, "name": slug.title()}),
        ("articles", articles),
        ("claim", claim),
    ]


class Writer:
    def __init__(self, url: str, key: str, statuses: Counter[str]) -> None:
        self.url = url
        self.key = key
        self.statuses = statuses

    def post(self, path: str, body: Any) -> tuple[int, Any]:
        status, answer = request("POST", self.url + path, body, key=self.key, timeout=60)
        code = answer["error"]["code"] if isinstance(answer, dict) and "error" in answer else ""
        self.statuses[f"{status} {code}".strip()] += 1
        return status, answer

    def id_of(self, status: int, answer: Any) -> int | None:
        if status == 201:
            return answer["id"]
        if status == 409:
            return answer["error"]["details"][0].get("existing_id")
        return None

    def run(self, groups: list[list[tuple[str, Any]]]) -> None:
        for writes in groups:
            _, outlet = writes[0]
            self.post("/v1/outlets", outlet)
            ids = [self.id_of(*self.post("/v1/articles", a)) for a in writes[1][1]]
            if None in ids:
                continue
            self.post(
                f"/v1/articles/{ids[2]}/links",
                {"origin_article_id": ids[0], "relation": "syndicates"},
            )
            claim_id = self.id_of(*self.post("/v1/claims", writes[2][1]))
            if claim_id is None:
                continue
            order = list(ids)
            random.shuffle(order)
            for article_id in order:
                self.post(f"/v1/claims/{claim_id}/attributions", {"article_id": article_id})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--groups", type=int, default=60)
    parser.add_argument("--shared-claims", type=int, default=8)
    parser.add_argument("--server-workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    random.seed(args.seed)

    with postgres_database() as url:
        env = scratch_env(url, db_pool_size="8", db_max_overflow="8")
        corroborate(env, "migrate")
        key = corroborate(env, "keys", "create", "--scope", "write", "--name", "concurrency")
        groups = [group_writes(n, args.shared_claims) for n in range(args.groups)]
        server = Server(env, workers=args.server_workers).start()
        statuses: Counter[str] = Counter()
        started = time.monotonic()
        try:
            with ThreadPoolExecutor(max_workers=args.writers) as pool:
                for _ in range(args.writers):
                    order = list(groups)
                    random.shuffle(order)
                    pool.submit(Writer(server.url, key, statuses).run, order)
        finally:
            elapsed = time.monotonic() - started
            server.stop()
        causes = retry_causes(server.log.read_text())
        retries = sum(causes.values())
        engine = create_engine(url)
        with engine.connect() as connection:
            q = lambda sql: connection.scalar(text(sql))  # noqa: E731
            counts = {
                "outlets": q("SELECT count(*) FROM outlet"),
                "distinct outlet slugs": q("SELECT count(DISTINCT slug) FROM outlet"),
                "articles": q("SELECT count(*) FROM article"),
                "distinct article urls": q("SELECT count(DISTINCT url) FROM article"),
                "links": q("SELECT count(*) FROM article_link"),
                "claims": q("SELECT count(*) FROM claim"),
                "distinct claim fingerprints": q("SELECT count(DISTINCT fingerprint) FROM claim"),
                "attributions": q("SELECT count(*) FROM attribution"),
                "distinct (claim, article)": q(
                    "SELECT count(*) FROM (SELECT DISTINCT claim_id, article_id FROM attribution) d"
                ),
            }
        engine.dispose()
        consistent = True
        try:
            corroborate(env, "recount", "--check")
        except Exception:
            consistent = False

    expected = {
        "outlets": min(20, args.groups),
        "distinct outlet slugs": min(20, args.groups),
        "articles": args.groups * ARTICLES,
        "distinct article urls": args.groups * ARTICLES,
        "links": args.groups,
        "claims": min(args.shared_claims, args.groups),
        "distinct claim fingerprints": min(args.shared_claims, args.groups),
        "attributions": args.groups * ARTICLES,
        "distinct (claim, article)": args.groups * ARTICLES,
    }
    requests = sum(statuses.values())
    errors = {k: v for k, v in statuses.items() if not k.startswith(("201", "409"))}
    say(
        f"{args.writers} writers x {args.groups} groups: {requests} requests in {elapsed:.1f} s "
        f"({requests / elapsed:.0f}/s) against {args.server_workers} server processes"
    )
    say(f"answers: {dict(sorted(statuses.items()))}")
    say(
        f"transactions re-run by the server: {retries}"
        + "".join(f"\n  {count} x {cause}" for cause, count in causes.most_common())
    )
    say(f"rows: {counts}")
    say(f"counters consistent (recount --check): {consistent}")
    ok = counts == expected and not errors and consistent
    say(
        "OK: no duplicates, no errors surfaced"
        if ok
        else f"FAILED: errors {errors}, expected {expected}"
    )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
