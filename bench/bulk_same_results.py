"""Dump what an import of an NDJSON file leaves and answers, to compare two versions' results.

    .venv/bin/python bench/bulk_same_results.py NDJSON OUT      # OUT.rows, OUT.answers
    diff OUT_before.rows OUT_after.rows && diff OUT_before.answers OUT_after.answers
    .venv/bin/python bench/bulk_same_results.py NDJSON OUT --postgresql ADMIN_URL

Runs the set-based engine (`ingest_stream`, as bench/bulk_ingest.py runs it, lexical matcher,
chunks of 1,000) into a fresh SQLite file, then writes every stored row (`iterdump`'s INSERT
lines, sorted) and every line's answer (its JSON, in input order). The full-text index's
segments (`claim_search_data`, `claim_search_idx`) depend on the order of its writes as well as
on what it holds, so OUT.index has it again after FTS5's 'optimize' (one segment, its
write-counting structure record left out): equal there means the same terms, rows and positions.
Only the run's own instants are masked: a timestamp between the run's start and end, in the
stored form (`YYYY-MM-DD HH:MM:SS.ffffff`) or the answers' ISO form, becomes `<now>`; every
other value is kept, the input's own dates included (docs/benchmarks.md, eighteenth pass).

With `--postgresql ADMIN_URL` (a server's admin URL, as bench/bulk_ingest.py takes it) the import
goes into a scratch PostgreSQL database instead, and OUT.rows holds every row of every table but
`alembic_version` as `COPY` writes it (session time zone UTC; `claim_search`'s documents
included, as tsvector text), prefixed by its table and sorted, masked alike. OUT.index is not
written there: PostgreSQL's full-text rows are among the rows.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import tempfile
from datetime import UTC
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_STRUCTURE = 10  # FTS5's record of its segments, with a counter of every write
_PAGE_OF_SEGMENT = (1 << 37) - 1  # a page's id without its segment's number (fts5_index.c)
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|\+00:00)?")


def _masker(start: datetime, end: datetime):
    def mask(match: re.Match[str]) -> str:
        raw = match.group(0).replace("T", " ").removesuffix("Z").removesuffix("+00:00")
        try:
            when = datetime.fromisoformat(raw).replace(tzinfo=UTC)
        except ValueError:
            return match.group(0)
        return "<now>" if start <= when <= end else match.group(0)

    return lambda text: _INSTANT.sub(mask, text)


def _postgresql_rows(url: str, mask) -> list[str]:  # type: ignore[no-untyped-def]
    import psycopg
    from sqlalchemy.engine import make_url

    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    rows: list[str] = []
    with psycopg.connect(dsn) as connection:
        connection.execute("SET TIME ZONE 'UTC'")
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version' ORDER BY tablename"
        ).fetchall()
        for (table,) in tables:
            with connection.cursor().copy(f'COPY "{table}" TO STDOUT') as copy:
                text = b"".join(bytes(block) for block in copy).decode()
            rows.extend(f"{table}\t{mask(line)}" for line in text.splitlines())
    return sorted(rows)


def main() -> None:
    ndjson, out = Path(sys.argv[1]), Path(sys.argv[2])
    admin_url = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--postgresql" else None
    os.environ["CLAIMS_MATCHER"] = "lexical"
    from app.core.config import Settings
    from app.core.engine import create_db_engine
    from app.core.migrations import scratch_database
    from app.ingest.bulk.engine import ingest_stream
    from app.matching.factory import build_matcher

    with (
        tempfile.TemporaryDirectory() as directory,
        scratch_database(
            sqlite_directory=Path(directory), postgresql_admin_url=admin_url, prefix="same"
        ) as url,
    ):
        settings = Settings(database_url=url, matcher="lexical")
        engine = create_db_engine(settings, statement_timeout_ms=0)
        matcher = build_matcher(settings)
        answers = []
        start = datetime.now(UTC)
        with ndjson.open("rb") as stream:
            for line in ingest_stream(
                engine, stream, matcher=matcher, settings=settings, chunk_lines=1000
            ):
                answers.append(line.model_dump_json())
        end = datetime.now(UTC)
        engine.dispose()
        mask = _masker(start, end)
        if admin_url is not None:
            rows = _postgresql_rows(url, mask)
            Path(f"{out}.rows").write_text("\n".join(rows) + "\n")
            Path(f"{out}.answers").write_text("\n".join(mask(a) for a in answers) + "\n")
            print(f"{len(rows)} rows, {len(answers)} answers")
            return
        connection = sqlite3.connect(url.removeprefix("sqlite:///"))
        rows = sorted(mask(line) for line in connection.iterdump() if line.startswith("INSERT"))
        # The full-text index as FTS5 holds it, merged into one segment: its segments and
        # their merges depend on the order of the writes, not only on what is indexed.
        connection.execute("INSERT INTO claim_search (claim_search) VALUES ('optimize')")
        # Which number the merged segment gets depends on the segments before it: left out
        # of the pages' ids (`claim_search_data`) and of the term index (`claim_search_idx`).
        index = sorted(
            repr(("data", rowid & _PAGE_OF_SEGMENT, block))
            for rowid, block in connection.execute("SELECT id, block FROM claim_search_data")
            if rowid != _STRUCTURE
        ) + sorted(
            repr(("idx", term, page))
            for term, page in connection.execute("SELECT term, pgno FROM claim_search_idx")
        )
        connection.close()
    Path(f"{out}.index").write_text("\n".join(index) + "\n")
    Path(f"{out}.rows").write_text("\n".join(rows) + "\n")
    Path(f"{out}.answers").write_text("\n".join(mask(answer) for answer in answers) + "\n")
    print(f"{len(rows)} rows, {len(answers)} answers")


if __name__ == "__main__":
    main()
