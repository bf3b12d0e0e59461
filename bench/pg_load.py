"""Fill an empty PostgreSQL database with a benchmark size by COPY, for sizes past memory (XL).

    .venv/bin/python bench/pg_load.py --size XL --database-url postgresql+psycopg://…/db
    .venv/bin/python bench/pg_load.py --size M --database-url … --check full

The rows are bench/generate.py's, story by story (`generate.stories`: the same seed gives the
same rows and ids as the SQLite files), so nothing is held in memory beyond one story. The
schema comes from the migrations; for the load its secondary indexes, unique and foreign-key
constraints are dropped and the full-text triggers disabled, then everything is rebuilt from
the definitions PostgreSQL reports for it (`pg_get_indexdef`, `pg_get_constraintdef`), so the
result is the migrated schema. The counters and `outlet_claim` are computed per story while
generating (every attribution of a claim is written with its story), by the same definitions
as app/corroboration/counters.py; `claim_search` and each claim's stored JSON are filled by one
statement each, with the trigger functions' expressions. `--check full` then compares
everything with the service's own `recount --check` logic; `--check sample` (the default)
does so for 2,000 random claims.

`--stop-below-gb` and `--max-minutes` end the generation early, at a story boundary, when the
database's disk runs low or time runs out; the summary says how far it got. Prints a JSON
summary (rows, seconds per phase, attributions per second, table and index sizes).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import create_engine
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import SIZES
from generate import outlet_rows
from generate import stories

from app.core.migrations import upgrade
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.integrity import claim_rendering
from app.tables import REPORTING_STANCES
from app.tables import Claim

LOADED = ("article", "article_link", "claim", "attribution", "outlet_claim", "claim_search")
COLUMNS = {
    "article": (
        "id", "outlet_id", "url", "title", "published_at", "author", "language",
        "root_article_id", "created_at", "updated_at",
    ),
    "article_link": (
        "article_id", "origin_article_id", "relation", "reason", "provenance", "created_at",
    ),
    "claim": (
        "id", "text", "claimant", "claim_date", "fingerprint", "created_at", "updated_at",
        "outlets_count", "origins_count", "articles_count", "disputing_outlets_count",
        "credited_origins_count", "first_reported_at", "first_reported_article_id",
        "first_reported_outlet_id", "last_reported_at",
    ),
    "attribution": (
        "id", "claim_id", "article_id", "stance", "quote", "sourcing", "created_at", "updated_at",
    ),
    "outlet_claim": (
        "outlet_id", "claim_id", "first_at", "last_at", "outlets_count", "origins_count",
        "first_reported_at", "last_reported_at",
    ),
}  # fmt: skip
REPORTING = frozenset(REPORTING_STANCES)
# The full-text document of app's claim_search_refresh (migration 0001), for every claim at once.
FILL_SEARCH = """
INSERT INTO claim_search (claim_id, document)
SELECT c.id,
       setweight(to_tsvector('english', c.text), 'A') ||
       setweight(to_tsvector('english', coalesce(q.quotes, '')), 'B')
  FROM claim c
  LEFT JOIN (SELECT claim_id, string_agg(quote, ' ') AS quotes FROM attribution
              WHERE quote IS NOT NULL GROUP BY claim_id) q ON q.claim_id = c.id
"""


def counted(
    claim: dict[str, Any], attributions: list[dict[str, Any]], articles: dict[int, dict[str, Any]]
) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """The claim's COPY row with its counters, and its `outlet_claim` rows (counters.py's
    definitions: reporting stances count; an origin is the outlet of the article's root)."""
    outlets: set[int] = set()
    origins: set[int] = set()
    disputing: set[int] = set()
    reported = 0
    first: tuple[Any, int, int] | None = None
    last = None
    per_outlet: dict[int, list[Any]] = {}
    for attribution in attributions:
        article = articles[attribution["article_id"]]
        outlet, at = article["outlet_id"], article["published_at"]
        if attribution["stance"] not in REPORTING:
            disputing.add(outlet)
            continue
        reported += 1
        outlets.add(outlet)
        origins.add(articles[article["root_article_id"]]["outlet_id"])
        if first is None or (at, article["id"]) < first[:2]:
            first = (at, article["id"], outlet)
        last = at if last is None or at > last else last
        span = per_outlet.get(outlet)
        if span is None:
            per_outlet[outlet] = [at, at]
        elif at < span[0]:
            span[0] = at
        elif at > span[1]:
            span[1] = at
    row = (
        claim["id"], claim["text"], claim["claimant"], claim["claim_date"], claim["fingerprint"],
        claim["created_at"], claim["updated_at"], len(outlets), len(origins), reported,
        len(disputing), 0, first[0] if first else None, first[1] if first else None,
        first[2] if first else None, last,
    )  # fmt: skip
    copies = [
        (outlet, claim["id"], lo, hi, len(outlets), len(origins), row[12], last)
        for outlet, (lo, hi) in sorted(per_outlet.items())
    ]
    return row, copies


def _definitions(cur: psycopg.Cursor[Any]) -> tuple[list[tuple[str, str, str]], list[str]]:
    """(table, constraint, definition) of the loaded tables' unique and foreign-key constraints,
    and the CREATE INDEX of their other secondary indexes."""
    cur.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('u', 'f') "
        "ORDER BY contype DESC, conname",
        (list(LOADED),),
    )
    constraints = [tuple(r) for r in cur.fetchall()]
    cur.execute(
        "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary AND NOT EXISTS "
        "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) ORDER BY 1",
        (list(LOADED),),
    )
    return constraints, [r[0] for r in cur.fetchall()]  # type: ignore[misc]


def _free_gb(cur: psycopg.Cursor[Any]) -> float:
    cur.execute("SHOW data_directory")
    return shutil.disk_usage(cur.fetchone()[0]).free / 1e9  # type: ignore[index]


def _copy_stories(
    conninfo: str, size: str, stop_below_gb: float, deadline: float, log: Any
) -> tuple[dict[str, int], str | None]:
    rows = dict.fromkeys([*COLUMNS, "stories"], 0)
    stopped = None
    with contextlib.ExitStack() as stack:
        copies = {}
        for table, columns in COLUMNS.items():
            conn = stack.enter_context(psycopg.connect(conninfo))
            cur = stack.enter_context(conn.cursor())
            copies[table] = stack.enter_context(
                cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN")
            )
        with psycopg.connect(conninfo, autocommit=True) as probe, probe.cursor() as cur:
            next_probe = 1_000_000
            for articles, links, claims, attributions in stories(size):
                by_id = {a["id"]: a for a in articles}
                for a in articles:
                    copies["article"].write_row(tuple(a[c] for c in COLUMNS["article"]))
                for link in links:
                    copies["article_link"].write_row(
                        tuple(link[c] for c in COLUMNS["article_link"])
                    )
                per_claim: dict[int, list[dict[str, Any]]] = {c["id"]: [] for c in claims}
                for at in attributions:
                    per_claim[at["claim_id"]].append(at)
                    copies["attribution"].write_row(tuple(at[c] for c in COLUMNS["attribution"]))
                for claim in claims:
                    row, outlet_claims = counted(claim, per_claim[claim["id"]], by_id)
                    copies["claim"].write_row(row)
                    for copy_row in outlet_claims:
                        copies["outlet_claim"].write_row(copy_row)
                    rows["outlet_claim"] += len(outlet_claims)
                rows["article"] += len(articles)
                rows["article_link"] += len(links)
                rows["claim"] += len(claims)
                rows["attribution"] += len(attributions)
                rows["stories"] += 1
                if rows["attribution"] >= next_probe:
                    next_probe += 1_000_000
                    free = _free_gb(cur)
                    log(f"{rows['attribution']:,} attributions, {free:.1f} GB free")
                    if free < stop_below_gb:
                        stopped = f"disk: {free:.1f} GB free (below {stop_below_gb} GB)"
                    elif time.monotonic() > deadline:
                        stopped = "time limit"
                    if stopped:
                        log(f"stopping early: {stopped}")
                        break
    return rows, stopped


def load(
    size: str,
    database_url: str,
    *,
    stop_below_gb: float = 30,
    max_minutes: float = 1e9,
    log: Any = print,
) -> dict[str, Any]:
    started = time.monotonic()
    upgrade(database_url)
    url = make_url(database_url)
    conninfo = psycopg.conninfo.make_conninfo(
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        user=url.username or "postgres",
        dbname=url.database,
    )
    seconds: dict[str, float] = {}
    with psycopg.connect(conninfo, autocommit=True) as conn, conn.cursor() as cur:
        # Index builds sort in memory rather than in temporary files (this session only).
        cur.execute("SET maintenance_work_mem = '1GB'")
        constraints, indexes = _definitions(cur)
        for table, name, _ in reversed(constraints):  # foreign keys first, then unique
            cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for statement in indexes:
            name = statement.split(" INDEX ", 1)[1].split(" ON ", 1)[0]
            cur.execute(f"DROP INDEX {name}")
        for table in ("claim", "attribution"):
            cur.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        outlets = outlet_rows()
        with cur.copy(f"COPY outlet ({', '.join(outlets[0])}) FROM STDIN") as copy:
            for outlet in outlets:
                copy.write_row(tuple(outlet.values()))
        t = time.monotonic()
        rows, stopped = _copy_stories(
            conninfo, size, stop_below_gb, started + max_minutes * 60, log
        )
        seconds["generate_and_copy"] = time.monotonic() - t
        log(f"copied {rows} in {seconds['generate_and_copy']:.0f} s")
        t = time.monotonic()
        cur.execute(FILL_SEARCH)
        seconds["claim_search"] = time.monotonic() - t
        t = time.monotonic()
        cur.execute(RENDER_CLAIMS)  # what the claim's triggers, disabled for the load, write
        seconds["rendered_json"] = time.monotonic() - t
        t = time.monotonic()
        for statement in indexes:
            cur.execute(statement)
        for table, name, definition in constraints:
            cur.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        for table in ("claim", "attribution"):
            cur.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        for table in ("outlet", "article", "claim", "attribution"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        seconds["indexes_and_constraints"] = time.monotonic() - t
        t = time.monotonic()
        cur.execute("VACUUM (ANALYZE)")
        seconds["vacuum_analyze"] = time.monotonic() - t
        sizes = _sizes(cur)
    seconds["total"] = time.monotonic() - started
    return {
        "size": size,
        "target": dict(zip(("claims", "attributions"), SIZES[size], strict=True)),
        "rows": rows,
        "stopped_early": stopped,
        "seconds": {k: round(v, 1) for k, v in seconds.items()},
        "attributions_per_s_generate_and_copy": round(
            rows["attribution"] / seconds["generate_and_copy"]
        ),
        "attributions_per_s_total": round(rows["attribution"] / seconds["total"]),
        "sizes": sizes,
    }


def _sizes(cur: psycopg.Cursor[Any]) -> dict[str, Any]:
    cur.execute(
        "SELECT c.relname, c.relkind, pg_relation_size(c.oid) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') "
        "AND pg_relation_size(c.oid) > 8192 * 16 ORDER BY 3 DESC"
    )
    relations = {name: {"kind": kind, "mb": round(size / 1e6, 1)} for name, kind, size in cur}
    cur.execute("SELECT pg_database_size(current_database())")
    return {"database_mb": round(cur.fetchone()[0] / 1e6), "relations": relations}  # type: ignore[index]


# Every claim's stored JSON (`claim.rendered_json`), as its triggers write it (migration 3000).
RENDER_CLAIMS = str(
    claim_rendering.RENDER.compile(
        dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
    )
)


def check(database_url: str, *, sample: int | None) -> dict[str, int]:
    """The service's `recount --check` logic over all claims (sample None) or a random sample:
    the stored counters and `outlet_claim` rows equal a from-scratch recount."""
    engine = create_engine(database_url)
    with transaction(engine, write=False) as session:
        if sample is None:
            stale = counters.stale_claim_ids(session)
            stale_copies = counters.stale_outlet_claim_ids(session)
            stale += claim_rendering.stale_claim_ids(session)
            checked = -1
        else:
            top = int(session.scalar(select(func.max(Claim.id))) or 0)
            ids = sorted(random.Random(5).sample(range(1, top + 1), min(sample, top)))
            stale = counters.stale_claim_ids(session, claim_ids=ids)
            stale_copies = counters.stale_outlet_claim_ids(session, claim_ids=ids)
            stale += claim_rendering.stale_claim_ids(session, claim_ids=ids)
            checked = len(ids)
    engine.dispose()
    if stale or stale_copies:
        raise SystemExit(
            f"counters or stored JSON disagree with a recount: {stale[:10]} {stale_copies[:10]}"
        )
    return {"claims_checked": checked}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="XL")
    parser.add_argument("--database-url", required=True, help="An empty PostgreSQL database.")
    parser.add_argument("--stop-below-gb", type=float, default=30)
    parser.add_argument("--max-minutes", type=float, default=1e9)
    parser.add_argument("--check", choices=["full", "sample", "none"], default="sample")
    parser.add_argument("--out", help="Also write the JSON summary to this file.")
    args = parser.parse_args()

    def log(message: str) -> None:
        print(f"[pg_load {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    summary = load(
        args.size,
        args.database_url,
        stop_below_gb=args.stop_below_gb,
        max_minutes=args.max_minutes,
        log=log,
    )
    if args.check != "none":
        t = time.monotonic()
        summary["check"] = check(args.database_url, sample=None if args.check == "full" else 2000)
        summary["check"]["seconds"] = round(time.monotonic() - t, 1)
    text = json.dumps(summary, indent=2)
    if args.out:
        Path(args.out).write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
