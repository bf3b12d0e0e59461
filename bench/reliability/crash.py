"""Crash safety: kill -9 the server in the middle of a stream of writes; every write is then
either fully in or fully out, and re-running the same stream completes it without duplicates.

    .venv/bin/python -m bench.reliability.crash [--backend sqlite|postgresql] [--groups 400]
        [--writers 4] [--kill-after 0.4] [--transport api|batch]

The stream is `--groups` groups, each an outlet, three articles (the third syndicates the
first), a claim and three attributions: 9 writes per group, every one a single transaction.
`--writers` threads send groups concurrently; the server is killed with SIGKILL once
`--kill-after` of the groups are done. Then, before anything else: counters, roots and links
are checked for half-written work (`corroborate recount --check` and SQL); then the stream is
sent again (201 or 409 for each write: safe to retry) and the database must hold exactly the
stream's rows, once each.

`--transport batch` sends each group to POST /v1/ingest/batch instead: one NDJSON request of
three lines (one per article, each line its own transaction), so the kill lands mid-batch.
"""

import argparse
import contextlib
import json
import subprocess
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy import text

from bench.reliability.common import BIN
from bench.reliability.common import ROOT
from bench.reliability.common import Server
from bench.reliability.common import corroborate
from bench.reliability.common import postgres_database
from bench.reliability.common import request
from bench.reliability.common import say
from bench.reliability.common import scratch_env
from bench.reliability.common import sqlite_database

ARTICLES_PER_GROUP = 3


@dataclass(frozen=True)
class Group:
    n: int

    @property
    def outlet(self) -> dict[str, Any]:
        return {"slug": f"crash-outlet-{self.n}", "name": f"Crash Outlet {self.n}"}

    def article(self, i: int) -> dict[str, Any]:
        return {
            "outlet": self.outlet["slug"],
            "url": f"https://crash.example/{self.n}/{i}",
            "title": f"Story {self.n}.{i}",
            "published_at": f"2025-05-29T{10 + i:02d}:{self.n % 60:02d}:00Z",
        }

    @property
    def claim(self) -> dict[str, Any]:
        return {"text": f"Crash claim number {self.n} holds.", "claimant": "Crash Test"}


class ApiTransport:
    """One request per write; a 409 means already there (it names the existing id)."""

    def __init__(self, url: str, key: str) -> None:
        self.url = url
        self.key = key

    def _write(self, path: str, body: dict[str, Any]) -> int | None:
        status, answer = request("POST", self.url + path, body, key=self.key)
        if status == 201:
            return answer.get("id") if isinstance(answer, dict) else None
        if status == 409:
            return answer["error"]["details"][0].get("existing_id") if answer else None
        raise ConnectionError(f"POST {path}: {status} {answer}")

    def send(self, group: Group) -> None:
        self._write("/v1/outlets", group.outlet)
        ids = [self._write("/v1/articles", group.article(i)) for i in range(ARTICLES_PER_GROUP)]
        # The third article is a copy of the first (a syndicated wire story).
        status, answer = request(
            "POST",
            f"{self.url}/v1/articles/{ids[2]}/links",
            {"origin_article_id": ids[0], "relation": "syndicates"},
            key=self.key,
        )
        if status not in (201, 409):
            raise ConnectionError(f"link: {status} {answer}")
        claim_id = self._write("/v1/claims", group.claim)
        for article_id in ids:
            self._write(f"/v1/claims/{claim_id}/attributions", {"article_id": article_id})


def ingest_lines(group: Group) -> list[dict[str, Any]]:
    """One group as POST /v1/ingest/batch lines: one per article, in order (origin first)."""
    lines = []
    for i in range(ARTICLES_PER_GROUP):
        line: dict[str, Any] = {
            "outlet": group.outlet,
            "article": {k: v for k, v in group.article(i).items() if k != "outlet"},
            "claims": [{**group.claim, "match": "exact"}],
            "detect_copies": False,
        }
        if i == 2:  # the third article is a copy of the first
            line["origin"] = {"url": group.article(0)["url"], "relation": "syndicates"}
        lines.append(line)
    return lines


class BatchTransport:
    """Each group as one NDJSON batch (each line its own transaction) to POST /v1/ingest/batch."""

    def __init__(self, url: str, key: str) -> None:
        self.url = url
        self.key = key

    def send(self, group: Group) -> None:
        body = b"".join(json.dumps(line).encode() + b"\n" for line in ingest_lines(group))
        req = urllib.request.Request(
            f"{self.url}/v1/ingest/batch",
            data=body,
            method="POST",
            headers={"content-type": "application/x-ndjson", "authorization": f"Bearer {self.key}"},
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                answer = json.load(response)
        except OSError as error:
            raise ConnectionError(str(error)) from error
        if any(line["status"] not in (200, 201) for line in answer["lines"]):
            raise ConnectionError(f"batch lines failed: {answer['summary']}")


def run_stream(
    transport: Any, groups: list[Group], writers: int, stop_after: int | None, on_stop: Any
) -> int:
    done = 0
    lock = threading.Lock()
    stopped = threading.Event()

    def work(group: Group) -> None:
        nonlocal done
        if stopped.is_set():
            return
        try:
            transport.send(group)
        except ConnectionError:
            return
        with lock:
            done += 1
            if stop_after is not None and done == stop_after:
                stopped.set()
                on_stop()

    with ThreadPoolExecutor(max_workers=writers) as pool:
        list(pool.map(work, groups))
    return done


def check_integrity(database_url: str, env: dict[str, str]) -> dict[str, Any]:
    """Is anything half-written? Counters, roots and links must agree with the rows."""
    recount = subprocess.run(
        [str(BIN / "corroborate"), "recount", "--check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    engine = create_engine(database_url)
    with engine.connect() as connection:
        scalar = lambda sql: connection.scalar(text(sql))  # noqa: E731
        result = {
            "outlets": scalar("SELECT count(*) FROM outlet WHERE slug LIKE 'crash-outlet-%'"),
            "articles": scalar(
                "SELECT count(*) FROM article WHERE url LIKE 'https://crash.example/%'"
            ),
            "links": scalar("SELECT count(*) FROM article_link"),
            "claims": scalar("SELECT count(*) FROM claim WHERE claimant = 'Crash Test'"),
            "attributions": scalar("SELECT count(*) FROM attribution"),
            "articles_without_root": scalar(
                "SELECT count(*) FROM article WHERE root_article_id IS NULL"
            ),
            "copies_with_wrong_root": scalar(
                "SELECT count(*) FROM article_link l JOIN article a ON a.id = l.article_id "
                "JOIN article o ON o.id = l.origin_article_id "
                "WHERE a.root_article_id <> o.root_article_id"
            ),
            "counters_consistent": recount.returncode == 0,
        }
    engine.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--groups", type=int, default=400)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--kill-after", type=float, default=0.4)
    parser.add_argument("--transport", choices=["api", "batch"], default="api")
    args = parser.parse_args()

    database = sqlite_database() if args.backend == "sqlite" else postgres_database()
    with database as handle:
        url = handle[0] if isinstance(handle, tuple) else handle
        env = scratch_env(url, workers="1")
        corroborate(env, "migrate")
        key = corroborate(env, "keys", "create", "--scope", "write", "--name", "crash")
        groups = [Group(n) for n in range(args.groups)]
        transport_class = ApiTransport if args.transport == "api" else BatchTransport

        server = Server(env, workers=2).start()
        started = time.monotonic()
        acknowledged = run_stream(
            transport_class(server.url, key),
            groups,
            args.writers,
            stop_after=int(args.groups * args.kill_after),
            on_stop=server.kill9,
        )
        with contextlib.suppress(Exception):
            server.stop()
        say(
            f"killed -9 after {time.monotonic() - started:.1f} s; "
            f"{acknowledged} of {args.groups} groups acknowledged"
        )
        after_crash = check_integrity(url, env)
        say(f"after the crash: {after_crash}")

        server = Server(env, workers=2).start()
        try:
            rerun = run_stream(transport_class(server.url, key), groups, args.writers, None, None)
        finally:
            server.stop()
        final = check_integrity(url, env)
        say(f"re-run completed {rerun} of {args.groups} groups; final: {final}")

    expected = {
        "outlets": args.groups,
        "articles": args.groups * ARTICLES_PER_GROUP,
        "links": args.groups,
        "claims": args.groups,
        "attributions": args.groups * ARTICLES_PER_GROUP,
        "articles_without_root": 0,
        "copies_with_wrong_root": 0,
        "counters_consistent": True,
    }
    half_written = (
        after_crash["articles_without_root"]
        or after_crash["copies_with_wrong_root"]
        or not after_crash["counters_consistent"]
    )
    ok = final == expected and not half_written and rerun == args.groups
    say(
        f"{'OK' if ok else 'FAILED'}: every write fully in or out after kill -9 "
        f"({'none' if not half_written else 'SOME'} half-written); re-run left exactly the "
        f"stream's rows ({final == expected})"
    )
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
