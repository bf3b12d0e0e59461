"""The SQL floor: the exact statements our service runs for a request, replayed with the raw driver.

    .venv/bin/python bench/sql_floor.py --database-url URL --requests requests.json

`requests.json` maps an endpoint name to a list of request paths (several for "random id"
endpoints). Each path is sent once through the app in-process (Starlette's TestClient) while an
engine event records every statement and its parameters; then those statements are replayed
with the bare DB-API connection (sqlite3 / psycopg: no SQLAlchemy, no HTTP, no JSON), cycling
through the paths, and the median time of one request's statements is reported. With
`--pgbench-dir DIR` it also writes one pgbench script per endpoint with the same statements
(parameters rendered as literals). Prints JSON: {endpoint: {"seconds": median, "statements": n}}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import event  # noqa: E402

from app.core.config import Settings  # noqa: E402
from app.core.prepared import PreparedSelect  # noqa: E402
from app.main import create_app  # noqa: E402


def capture(database_url: str, paths: dict[str, list[str]]) -> dict[str, list[list[Any]]]:
    """For each endpoint, per path, the (statement, parameters) the service executed."""
    app = create_app(Settings(database_url=database_url))
    engine = app.state.engine
    recorded: list[tuple[str, Any]] = []

    @event.listens_for(engine, "before_cursor_execute")
    def _record(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            recorded.append((statement, parameters))

    # Hot reads bypass SQLAlchemy's execution (app/core/prepared.py): record them where they
    # bind their parameters.
    original_bound = PreparedSelect.bound

    def recording_bound(self: PreparedSelect, dialect: Any, params: Any) -> tuple[str, Any]:
        sql, values = original_bound(self, dialect, params)
        recorded.append((sql, values))
        return sql, values

    PreparedSelect.bound = recording_bound  # type: ignore[method-assign]
    out: dict[str, list[list[Any]]] = {}
    with TestClient(app) as client:
        for name, urls in paths.items():
            out[name] = []
            for url in urls:
                recorded.clear()
                response = client.get(url)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
                if not recorded:
                    raise SystemExit(f"{url}: no SQL statement was recorded")
                out[name].append(list(recorded))
    engine.dispose()
    PreparedSelect.bound = original_bound  # type: ignore[method-assign]
    return out


def _raw_connection(database_url: str) -> Any:
    if database_url.startswith("sqlite"):
        import sqlite3

        return sqlite3.connect(database_url.split("///", 1)[1], check_same_thread=False)
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    return psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database, autocommit=True
    )


def replay(database_url: str, captured: dict[str, list[list[Any]]], seconds: float) -> dict:
    """Median time of one request's statements, executed and fetched with the bare driver."""
    connection = _raw_connection(database_url)
    result: dict[str, dict[str, Any]] = {}
    for name, requests in captured.items():
        timings: list[float] = []
        deadline = time.perf_counter() + seconds
        i = 0
        while time.perf_counter() < deadline or len(timings) < 20:
            statements = requests[i % len(requests)]
            i += 1
            started = time.perf_counter()
            for statement, parameters in statements:
                cursor = connection.cursor()
                cursor.execute(statement, parameters)
                cursor.fetchall()
                cursor.close()
            timings.append(time.perf_counter() - started)
        result[name] = {
            "seconds": statistics.median(timings),
            "statements": len(requests[0]),
            "samples": len(timings),
        }
    connection.close()
    return result


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        return f"'{value.isoformat()}'::timestamptz"
    return "'" + str(value).replace("'", "''") + "'"


def pgbench_scripts(captured: dict[str, list[list[Any]]], directory: Path) -> dict[str, list[str]]:
    """Per endpoint, one pgbench script per captured request (pgbench weights them equally)."""
    directory.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[str]] = {}
    for name, requests in captured.items():
        files[name] = []
        for n, statements in enumerate(requests):
            body = []
            for statement, parameters in statements:
                sql = statement
                if isinstance(parameters, dict):
                    for key in sorted(parameters, key=len, reverse=True):
                        sql = sql.replace(f"%({key})s", _literal(parameters[key]))
                body.append(" ".join(sql.split()) + ";")
            path = directory / f"{name}-{n}.sql"
            path.write_text("\n".join(body) + "\n")
            files[name].append(str(path))
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", required=True, help="JSON file: {endpoint: [path, ...]}")
    parser.add_argument("--seconds", type=float, default=2.0, help="Replay time per endpoint.")
    parser.add_argument("--pgbench-dir", help="Also write pgbench scripts here (PostgreSQL).")
    args = parser.parse_args()
    paths = json.loads(Path(args.requests).read_text())
    captured = capture(args.database_url, paths)
    result = replay(args.database_url, captured, args.seconds)
    if args.pgbench_dir:
        for name, files in pgbench_scripts(captured, Path(args.pgbench_dir)).items():
            result[name]["pgbench_scripts"] = files
    print(json.dumps(result))


if __name__ == "__main__":
    main()
