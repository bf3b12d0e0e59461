"""What bench/run.py measures: the endpoints and their checks (both servers return the same
rows), the raw-SQL floor and pgbench, the PostgreSQL comparison, scaling across sizes, the
server stacks, the profile and bulk ingest. Each returns a results dict for bench/report.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harness import BENCH
from harness import PROJECT_PY
from harness import ROOT
from harness import WRITE_KEYS
from harness import Endpoint
from harness import Server
from harness import Target
from harness import dataset
from harness import get_json
from harness import interleaved
from harness import log
from harness import openapi_paths
from harness import run
from harness import start_ours
from harness import summarise
from harness import taskset
from harness import wrk
from report import LOAD_CORE
from report import SERVER_CORE

SEARCH_TERM = "sanctions"
FILTER_OUTLET = "outlet-010"
FILTER_SINCE, FILTER_UNTIL = "2025-03-01T00:00:00Z", "2025-06-30T23:59:59Z"
DEEP_PAGE = 200  # the cursor page measured: claims 10,001-10,050 by outlets


# ---- what is measured -------------------------------------------------------------------------


def deep_cursor(base: str, pages: int) -> tuple[str, int, int]:
    """The cursor of page `pages` + 1 of the default list, and the last (outlets, id) before it."""
    cursor = None
    last: dict[str, Any] = {}
    for _ in range(pages):
        query = "/v1/claims?limit=50" + (f"&cursor={cursor}" if cursor else "")
        page = get_json(base + query)
        last = page["items"][-1]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert cursor is not None, "not enough claims for the deep page"
    return cursor, last["corroboration"]["outlets"], last["id"]


def endpoints_for(
    ours: Server, db_stem: str, claims: int, search: bool, deep_pages: int
) -> tuple[list[Endpoint], dict[str, Any]]:
    cursor, deep_outlets, deep_id = deep_cursor(ours.base, deep_pages)
    ds = f"/{db_stem}"
    since = urllib.parse.quote(FILTER_SINCE)
    until = urllib.parse.quote(FILTER_UNTIL)
    ds_since = urllib.parse.quote(FILTER_SINCE.replace("T", " ").replace("Z", ".000000"))
    ds_until = urllib.parse.quote(FILTER_UNTIL.replace("T", " ").replace("Z", ".999999"))
    endpoints = [
        Endpoint(
            "top50", Target("/v1/claims?limit=50"), Target(f"{ds}/top50.json?_shape=array"), "list"
        ),
        Endpoint(
            "detail",
            Target("/v1/claims/{id}", (1, claims)),
            Target(ds + "/detail.json?_shape=array&id={id}", (1, claims)),
            "detail",
        ),
        Endpoint(
            "filtered",
            Target(f"/v1/claims?limit=50&outlet={FILTER_OUTLET}&since={since}&until={until}"),
            Target(
                f"{ds}/filtered.json?_shape=array&outlet={FILTER_OUTLET}"
                f"&since={ds_since}&until={ds_until}"
            ),
            "list",
        ),
        Endpoint(
            "deep_page",
            Target(f"/v1/claims?limit=50&cursor={cursor}"),
            Target(f"{ds}/after.json?_shape=array&outlets={deep_outlets}&id={deep_id}"),
            "list",
        ),
    ]
    if search:
        endpoints.append(
            Endpoint(
                "search",
                Target(f"/v1/claims?limit=50&sort=relevance&q={SEARCH_TERM}"),
                # The FTS5 expression the service builds for the word: a quoted string.
                Target(f"{ds}/search.json?_shape=array&q=%22{SEARCH_TERM}%22"),
                "search",
            )
        )
    return endpoints, {"deep_cursor_after": [deep_outlets, deep_id]}


def _counts(item: dict) -> tuple:
    c = item["corroboration"]
    return (item["id"], c["outlets"], c["independent_origins"], c["articles"])


def _ds_counts(row: dict) -> tuple:
    return (row["id"], row["outlets_count"], row["origins_count"], row["articles_count"])


def verify(ours: Server, datasette: Server, endpoints: list[Endpoint], claims: int) -> dict:
    """Both servers return the same claims with the same counts (and attributions)."""
    checked: dict[str, int] = {}
    for endpoint in endpoints:
        if endpoint.rows == "detail":
            rng = random.Random(7)
            for claim_id in [rng.randint(1, claims) for _ in range(20)]:
                mine = get_json(ours.base + endpoint.ours.path.replace("{id}", str(claim_id)))
                assert endpoint.datasette is not None
                theirs = get_json(
                    datasette.base + endpoint.datasette.path.replace("{id}", str(claim_id))
                )
                assert _counts(mine) == _ds_counts(theirs[0]), (claim_id, mine, theirs[0])
                assert [a["id"] for a in mine["attributions"]] == [
                    r["attribution_id"] for r in theirs
                ], claim_id
            checked[endpoint.name] = 20
            continue
        mine = get_json(ours.base + endpoint.ours.path)["items"]
        assert endpoint.datasette is not None
        theirs = get_json(datasette.base + endpoint.datasette.path)
        if endpoint.rows == "search":
            # Both rank by relevance; the sets must agree even if rank ties order differently.
            assert sorted(map(_counts, mine)) == sorted(map(_ds_counts, theirs)), endpoint.name
        else:
            assert [_counts(i) for i in mine] == [_ds_counts(r) for r in theirs], endpoint.name
        assert mine, f"{endpoint.name} returned no rows: the comparison would prove nothing"
        checked[endpoint.name] = len(mine)
    return checked


def floor_seconds(args: argparse.Namespace) -> float:
    return 0.2 if args.smoke else max(1.0, args.duration / 3)


def sql_floor(
    database_url: str,
    endpoints: list[Endpoint],
    claims: int,
    seconds: float,
    workdir: Path,
    pgbench_dir: Path | None = None,
) -> dict:
    """The in-process SQL floor of each endpoint (bench/sql_floor.py)."""
    rng = random.Random(11)
    requests: dict[str, list[str]] = {}
    for endpoint in endpoints:
        if endpoint.ours.ids is not None:
            requests[endpoint.name] = [
                endpoint.ours.path.replace("{id}", str(rng.randint(1, claims))) for _ in range(50)
            ]
        else:
            requests[endpoint.name] = [endpoint.ours.path]
    spec = workdir / f"floor-{uuid.uuid4().hex[:6]}.json"
    spec.write_text(json.dumps(requests))
    cmd = [
        str(PROJECT_PY),
        "-W",
        "ignore",
        str(BENCH / "sql_floor.py"),
        "--database-url",
        database_url,
        "--requests",
        str(spec),
        "--seconds",
        str(seconds),
    ]
    if pgbench_dir is not None:
        cmd += ["--pgbench-dir", str(pgbench_dir)]
    return json.loads(run([*taskset(SERVER_CORE), *cmd], capture_output=True).stdout)


def pgbench(database_url: str, scripts: list[str], seconds: float, connections: int) -> dict:
    from_url = urllib.parse.urlsplit(database_url.replace("postgresql+psycopg", "postgresql"))
    cmd = [
        "pgbench",
        "-n",
        "-h",
        from_url.hostname or "127.0.0.1",
        "-p",
        str(from_url.port or 5432),
        "-U",
        from_url.username or "postgres",
        "-c",
        str(connections),
        "-j",
        "1",
        # Simple-query mode: pgbench's prepared modes read the ":MI:SS" of the statements'
        # time formats as pgbench variables. Each statement is therefore planned every time.
        "-T",
        str(max(1, int(seconds))),
        "-r",
    ]
    for script in scripts:
        cmd += ["-f", script]
    cmd.append(from_url.path.lstrip("/"))
    result = run([*taskset(LOAD_CORE), *cmd], check=False, capture_output=True)
    if result.returncode != 0:
        raise SystemExit(f"pgbench failed: {result.stderr[-2000:]}")
    out = result.stdout
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = float(re.search(r"latency average = ([\d.]+) ms", out).group(1)) / 1e3  # type: ignore[union-attr]
    return {"tps": tps, "latency_avg": latency}


# ---- PostgreSQL -------------------------------------------------------------------------------

POSTGRES_ADMIN = os.environ.get(
    "CLAIMS_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextlib.contextmanager
def postgres_database(size: str) -> Iterator[str | None]:
    """A fresh, uniquely named PostgreSQL database holding the size's rows; dropped after."""
    admin = urllib.parse.urlsplit(POSTGRES_ADMIN.replace("postgresql+psycopg", "postgresql"))
    name = f"corroborate_bench_{size.lower()}_{uuid.uuid4().hex[:8]}"
    psql = [
        "psql",
        "-v",
        "ON_ERROR_STOP=1",
        "-q",
        "-h",
        admin.hostname or "127.0.0.1",
        "-p",
        str(admin.port or 5432),
        "-U",
        admin.username or "postgres",
        "-d",
        admin.path.lstrip("/") or "postgres",
    ]
    try:
        run([*psql, "-c", f'CREATE DATABASE "{name}"'], capture_output=True)
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        log(f"PostgreSQL not available ({exc}); skipping the PostgreSQL part")
        yield None
        return
    url = POSTGRES_ADMIN.rsplit("/", 1)[0] + "/" + name
    try:
        # The generator's rows by COPY (bench/pg_load.py: same rows, ids and schema, counters
        # checked against the service's recount), vacuumed and analysed.
        run(
            [str(PROJECT_PY), str(BENCH / "pg_load.py"), "--size", size, "--database-url", url,
             "--check", "full"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        yield url
    finally:
        run([*psql, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], capture_output=True)


# ---- ingest -----------------------------------------------------------------------------------


def ingest(base: str, workdir: Path, rows: int) -> dict:
    """Bulk NDJSON ingest rows/s through POST /v1/ingest/batch vs executemany of the same rows."""
    floor = json.loads(
        run(
            [
                str(PROJECT_PY),
                "-W",
                "ignore",
                str(BENCH / "ingest_floor.py"),
                "--rows",
                str(rows),
                "--workdir",
                str(workdir),
            ],
            capture_output=True,
        ).stdout
    )
    paths = openapi_paths(base)
    if "/v1/ingest/batch" not in paths:
        return {
            "available": False,
            "floor_rows_per_s": floor["rows_per_s"],
            "note": "POST /v1/ingest/batch does not exist yet (issue 3); not measured",
        }
    body = Path(floor["ndjson"]).read_bytes()
    lines = body.count(b"\n")
    started = time.perf_counter()
    for start in range(0, len(body.splitlines()), 500):
        chunk = b"\n".join(body.splitlines()[start : start + 500]) + b"\n"
        request = urllib.request.Request(
            base + "/v1/ingest/batch",
            data=chunk,
            method="POST",
            headers={
                "content-type": "application/x-ndjson",
                "authorization": f"Bearer {WRITE_KEYS.get(base, '')}",
            },
        )
        with urllib.request.urlopen(request, timeout=600) as response:
            summary = json.loads(response.read())["summary"]
        if summary["failed"]:
            raise SystemExit(f"ingest: {summary['failed']} line(s) failed: {summary}")
    elapsed = time.perf_counter() - started
    rate = floor["attributions"] / elapsed
    return {
        "available": True,
        "lines": lines,
        "attributions": floor["attributions"],
        # The server's matcher is whatever its settings say (hybrid, the default, embeds each
        # new claim): asked of the project's settings with the environment the server got.
        "matcher": run(
            [
                str(PROJECT_PY),
                "-c",
                "from app.core.config import Settings; print(Settings().matcher)",
            ],
            capture_output=True,
        ).stdout.strip(),
        "rows_per_s": rate,
        "floor_rows_per_s": floor["rows_per_s"],
        "x_vs_floor": rate / floor["rows_per_s"],
    }


def measure_postgres(
    pg_url: str, endpoints: list[Endpoint], claims: int, args: argparse.Namespace, workdir: Path
) -> dict:
    ours = start_ours(pg_url)
    try:
        pg_endpoints = [e for e in endpoints if e.name != "deep_page"]
        cursor, _, _ = deep_cursor(ours.base, min(DEEP_PAGE, max(2, claims // 50 - 2)))
        pg_endpoints.append(
            Endpoint("deep_page", Target(f"/v1/claims?limit=50&cursor={cursor}"), None, "list")
        )
        measured = interleaved({"corroborate": ours}, pg_endpoints, args, workdir)
    finally:
        ours.stop()
    floor = sql_floor(
        pg_url,
        pg_endpoints,
        claims,
        floor_seconds(args),
        workdir,
        pgbench_dir=workdir / "pgbench",
    )
    table = summarise(measured, floor, ["corroborate"], in_process=False)
    for endpoint in pg_endpoints:
        scripts = floor[endpoint.name].get("pgbench_scripts")
        if scripts and shutil.which("pgbench") and not args.smoke:
            table[endpoint.name]["pgbench"] = pgbench(
                pg_url, scripts, args.duration, args.connections
            )
    return table


def measure_scaling(args: argparse.Namespace, workdir: Path, report: dict) -> dict:
    sizes = [s for s in args.scaling.split(",") if s]
    result: dict[str, Any] = {"sizes": {}}
    servers: dict[str, Server] = {}
    try:
        for size in sizes:
            path, summary = dataset(size)
            report["datasets"][size] = summary
            servers[size] = start_ours(f"sqlite:///{path}", name=f"corroborate-{size}")
        # Interleave sizes like servers: each round runs every size in turn.
        endpoints = {
            size: [
                Endpoint("top50", Target("/v1/claims?limit=50"), None, "list"),
                Endpoint(
                    "detail",
                    Target("/v1/claims/{id}", (1, report["datasets"][size]["rows"]["claims"])),
                    None,
                    "detail",
                ),
            ]
            for size in sizes
        }
        for size in sizes:
            for endpoint in endpoints[size]:
                wrk(servers[size].base, endpoint.ours, args.warmup, args.connections, workdir)
        runs: dict[str, dict[str, list[dict]]] = {s: {"top50": [], "detail": []} for s in sizes}
        for round_no in range(args.rounds):
            order = sizes if round_no % 2 == 0 else list(reversed(sizes))
            for name in ("top50", "detail"):
                for size in order:
                    endpoint = next(e for e in endpoints[size] if e.name == name)
                    r = wrk(
                        servers[size].base,
                        endpoint.ours,
                        args.duration,
                        args.connections,
                        workdir,
                        servers[size],
                    )
                    runs[size][name].append(r)
                    log(
                        f"scaling round {round_no + 1} {name:>6} {size}: {r['rps']:8.0f} req/s "
                        f"p50 {r['p50'] * 1e3:6.1f} ms"
                    )
        for size in sizes:
            result["sizes"][size] = {
                name: {
                    k: statistics.median(r[k] or 0 for r in runs[size][name])
                    for k in ("rps", "p50", "p99", "cpu_per_request")
                }
                for name in ("top50", "detail")
            }
            result["sizes"][size]["rounds"] = runs[size]
        if len(sizes) >= 2:
            small, large = sizes[0], sizes[-1]
            result["smallest"], result["largest"] = small, large
            result["largest_vs_smallest_p50"] = {
                name: result["sizes"][large][name]["p50"] / result["sizes"][small][name]["p50"]
                for name in ("top50", "detail")
            }
            result["largest_vs_smallest_cpu"] = {
                name: result["sizes"][large][name]["cpu_per_request"]
                / result["sizes"][small][name]["cpu_per_request"]
                for name in ("top50", "detail")
                if result["sizes"][small][name]["cpu_per_request"]
            }
    finally:
        for server in servers.values():
            server.stop()
    return result


def measure_stacks(sqlite_url: str, args: argparse.Namespace, workdir: Path) -> dict:
    """top50 under each server stack `corroborate serve --server` offers, interleaved."""
    stacks = ["uvicorn-h11", "uvicorn", "granian"]
    servers = {}
    try:
        for stack in stacks:
            servers[stack] = start_ours(sqlite_url, server=stack, name=stack)
        endpoint = Endpoint("top50", Target("/v1/claims?limit=50"), None, "list")
        measured = interleaved(servers, [endpoint], args, workdir)["top50"]
    finally:
        for server in servers.values():
            server.stop()
    return {stack: measured.median(stack) | {"rounds": measured.runs[stack]} for stack in stacks}


PROFILE_GROUPS = [
    ("SQL (driver executing and fetching)", ("app/core/prepared.py", "psycopg/")),
    ("rows to dicts (app/claims/projection.py)", ("app/claims/projection.py",)),
    ("JSON rendering (orjson)", ("app/core/responses.py",)),
    ("connection and transaction (SQLAlchemy)", ("sqlalchemy/",)),
    ("access log (logging)", ("logging/", "granian/log", "granian/_internal/log")),
    (
        "our middleware (request id, metrics, body limit, retry) and access control",
        (
            "app/core/middleware.py",
            "app/core/metrics.py",
            "prometheus_client",
            "app/access/auth.py",
        ),
    ),
    (
        "routing, parameter parsing and validation (FastAPI, Starlette, Pydantic, fast routes)",
        (
            "fastapi/",
            "starlette/",
            "pydantic",
            "annotated_types",
            "typing.py",
            "app/claims/fast.py",
        ),
    ),
    ("ASGI server (granian)", ("granian/",)),
    (
        "thread hop (anyio worker threads, threading)",
        ("anyio/", "threading.py", "concurrent/futures/"),
    ),
    ("event loop and other", ("",)),
]


def profile(url: str, bench_bin: Path, args: argparse.Namespace, workdir: Path) -> dict:
    """py-spy over our server (all processes) while wrk loads the top-50 list: where the CPU
    time of a request goes, grouped by the innermost frame of each sample in our code."""
    server = start_ours(url)
    out = workdir / "profile.txt"
    try:
        target = Target("/v1/claims?limit=50")
        wrk(server.base, target, args.warmup, args.connections, workdir)
        seconds = max(2, round(args.duration))
        load = subprocess.Popen(
            [
                *taskset(LOAD_CORE),
                "wrk",
                "-t1",
                f"-c{args.connections}",
                f"-d{seconds + 2}s",
                server.base + target.path,
            ],
            stdout=subprocess.DEVNULL,
        )
        time.sleep(1)
        run(
            [
                str(bench_bin / "py-spy"),
                "record",
                "--subprocesses",
                "--nonblocking",
                "-r",
                "200",
                "-d",
                str(seconds),
                "-f",
                "raw",
                "-o",
                str(out),
                "-p",
                str(server.process.pid),
            ],
            capture_output=True,
        )
        load.wait()
    finally:
        server.stop()
    groups: dict[str, int] = dict.fromkeys((g for g, _ in PROFILE_GROUPS), 0)
    total = 0
    for line in out.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [f for f in stack.split(";") if not f.startswith("process ")]
        if not frames or ("Thread._bootstrap" in frames[0] and "wait" in frames[-1]):
            continue
        total += int(count)
        leaf = frames[-1]
        for group, needles in PROFILE_GROUPS:
            # The innermost frame that belongs to a group decides (a C call is charged to
            # the Python frame that made it).
            if any(n in leaf for n in needles):
                groups[group] += int(count)
                break
    return {"samples": total, "groups": {g: c / total for g, c in groups.items() if total}}


def measure_ingest(args: argparse.Namespace, workdir: Path) -> dict:
    rows = 100 if args.smoke else 3_000
    url = f"sqlite:///{workdir / 'ingest.db'}"
    run(
        [str(ROOT / ".venv" / "bin" / "corroborate"), "migrate"],
        env={**os.environ, "CLAIMS_DATABASE_URL": url},
        capture_output=True,
    )
    server = start_ours(url)
    try:
        return ingest(server.base, workdir, rows)
    finally:
        server.stop()
