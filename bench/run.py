"""Side-by-side benchmark: our service vs Datasette vs raw SQL, on SQLite and PostgreSQL.

    python bench/run.py --size M          # the table in docs/benchmarks.md
    python bench/run.py --smoke           # seconds-long run that only checks everything works

One run: makes sure its tools exist (the project's .venv via `make install`; a bench virtualenv
with Datasette and the same uvicorn extras as ours, and py-spy; `wrk` from Debian), generates
(or reuses) the data, starts our service (`corroborate serve`, 1 worker) and Datasette (1
process, canned queries from bench/datasette.json returning the same rows) on the same SQLite
file, each pinned to core 0 with `taskset`, with `wrk` pinned to core 1. It first checks that
both return the same ids and counts, warms up, then runs 3 interleaved rounds (server order
alternating) per endpoint and reports medians. Then: the raw-SQL floor (the statements our
service ran, replayed with the bare driver in-process), the same endpoints on PostgreSQL (our
service vs its SQL floor and pgbench running that SQL), scaling of top-50 and detail across
sizes, the server stack comparison behind `corroborate serve`, and bulk ingest when the
ingest endpoint exists. Writes bench/results/<size>.json and the results section of
docs/benchmarks.md. Only this machine's loopback is ever used; every port is picked free.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PROJECT_PY = ROOT / ".venv" / "bin" / "python"
BENCH_VENV = BENCH / ".venv"
RESULTS = BENCH / "results"
DOC = ROOT / "docs" / "benchmarks.md"
DATASETTE_VERSION = "0.65.5"
SERVER_CORE, LOAD_CORE = "0", "1"
SEARCH_TERM = "sanctions"
FILTER_OUTLET = "outlet-010"
FILTER_SINCE, FILTER_UNTIL = "2025-03-01T00:00:00Z", "2025-06-30T23:59:59Z"
DEEP_PAGE = 200  # the cursor page measured: claims 10,001-10,050 by outlets
START_MARK = "<!-- bench:results:start -->"
END_MARK = "<!-- bench:results:end -->"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---- tools ------------------------------------------------------------------------------------


def run(cmd: list[str], check: bool = True, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=check, text=True, **kwargs)


def quiet(cmd: list[str], **kwargs: Any) -> None:
    """Run a noisy installer; show its output only if it fails."""
    result = run(cmd, check=False, capture_output=True, **kwargs)
    if result.returncode != 0:
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")


def ensure_project_venv() -> None:
    if not (ROOT / ".venv" / "bin" / "corroborate").exists():
        log("installing the project (make install)")
        run(["make", "-C", str(ROOT), "install"])


def project_uvicorn_version() -> str:
    out = run(
        [str(PROJECT_PY), "-c", "import uvicorn; print(uvicorn.__version__)"], capture_output=True
    )
    return out.stdout.strip()


def ensure_bench_venv() -> Path:
    """A virtualenv with Datasette and the very uvicorn extras our service runs with."""
    uvicorn = project_uvicorn_version()
    wanted = [f"datasette=={DATASETTE_VERSION}", f"uvicorn[standard]=={uvicorn}", "py-spy"]
    marker = BENCH_VENV / "installed.json"
    if marker.exists() and json.loads(marker.read_text()) == wanted:
        return BENCH_VENV / "bin"
    log(f"creating the bench virtualenv: {' '.join(wanted)}")
    run([sys.executable, "-m", "venv", "--clear", str(BENCH_VENV)])
    pip = [str(BENCH_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    quiet([*pip, *wanted])
    marker.write_text(json.dumps(wanted))
    return BENCH_VENV / "bin"


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk (Debian package)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        quiet(["apt-get", "update", "-qq"], env=env)
        quiet(["apt-get", "install", "-y", "-qq", "wrk"], env=env)
        found = shutil.which("wrk")
    if not found:
        raise SystemExit("wrk is needed: apt-get install wrk")
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def taskset(core: str) -> list[str]:
    return ["taskset", "-c", core] if shutil.which("taskset") and os.cpu_count() > 1 else []


# ---- servers ----------------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    base: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_ready(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url} within {timeout}s")


WRITE_KEYS: dict[str, str] = {}


def start_ours(
    database_url: str, *, server: str | None = None, name: str = "corroborate"
) -> Server:
    port = free_port()
    # Rate limits off: one load generator on one address would otherwise be limited (429).
    env = {
        **os.environ,
        "CLAIMS_DATABASE_URL": database_url,
        "CLAIMS_WORKERS": "1",
        "CLAIMS_RATE_LIMIT_ENABLED": "false",
    }
    # Writes (the ingest run) need a key with the write scope.
    WRITE_KEYS[f"http://127.0.0.1:{port}"] = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "corroborate"), "keys", "create", "--scope", "write",
         "--name", "bench"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    cmd = [
        *taskset(SERVER_CORE),
        str(ROOT / ".venv" / "bin" / "corroborate"),
        "serve",
        "--port",
        str(port),
    ]
    if server:
        cmd += ["--server", server]
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base + "/healthz", process)
    return Server(name, base, process)


def start_datasette(bin_dir: Path, db_path: Path, workdir: Path) -> Server:
    port = free_port()
    metadata = json.loads((BENCH / "datasette.json").read_text())
    metadata["databases"] = {db_path.stem: metadata["databases"]["bench"]}
    meta_file = workdir / "datasette-metadata.json"
    meta_file.write_text(json.dumps(metadata))
    cmd = [
        *taskset(SERVER_CORE),
        str(bin_dir / "datasette"),
        "serve",
        str(db_path),
        "--port",
        str(port),
        "--metadata",
        str(meta_file),
        # Datasette cancels queries after 1 s by default; under 16 connections on one core a
        # queued search can pass that, and our service has no such cut-off either.
        "--setting",
        "sql_time_limit_ms",
        "60000",
    ]
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_ready(base + "/-/versions.json", process)
    return Server("datasette", base, process)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def openapi_paths(base: str) -> dict[str, Any]:
    return get_json(base + "/openapi.json")["paths"]


def has_search(base: str) -> bool:
    parameters = openapi_paths(base)["/v1/claims"]["get"].get("parameters", [])
    return any(p.get("name") == "q" for p in parameters)


# ---- load ------------------------------------------------------------------------------------

LUA_RANDOM_PATHS = """
math.randomseed(%(seed)d)
local template = "%(template)s"
local lo, hi = %(lo)d, %(hi)d
request = function()
  local path = string.gsub(template, "{id}", tostring(math.random(lo, hi)))
  return wrk.format("GET", path)
end
"""

_UNIT = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


def _seconds(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    assert match, text
    return float(match.group(1)) * _UNIT[match.group(2)]


@dataclass
class Target:
    """One endpoint as one server serves it: a fixed path, or a template with {id}."""

    path: str
    ids: tuple[int, int] | None = None


def process_tree(pid: int) -> list[int]:
    pids = [pid]
    with contextlib.suppress(OSError):
        for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
            pids += process_tree(int(child))
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes (all their threads), from /proc."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def wrk(
    base: str,
    target: Target,
    seconds: float,
    connections: int,
    workdir: Path,
    server: Server | None = None,
) -> dict:
    """One wrk run. With `server`, also the server's CPU time per request: on a shared, noisy
    machine it moves far less than req/s, which also counts time the core spent elsewhere."""
    cmd = [
        *taskset(LOAD_CORE),
        "wrk",
        "--timeout",
        "30s",
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
    ]
    if target.ids is not None:
        script = workdir / f"random-{uuid.uuid4().hex[:8]}.lua"
        script.write_text(
            LUA_RANDOM_PATHS
            % {"seed": 42, "template": target.path, "lo": target.ids[0], "hi": target.ids[1]}
        )
        cmd += ["-s", str(script), base + "/"]
    else:
        cmd.append(base + target.path)
    pids = process_tree(server.process.pid) if server else []
    cpu_before = cpu_seconds(pids)
    out = run(cmd, capture_output=True).stdout
    cpu_used = cpu_seconds(pids) - cpu_before
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)\s*$", out, re.MULTILINE))
    # Error answers are counted, not fatal: a run of many minutes should not be lost to one.
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    # Socket errors (mostly wrk's 2 s timeouts on slow endpoints) are reported, not fatal.
    found = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors: dict[str, int] = {}
    if found:
        errors = dict(
            zip(("connect", "read", "write", "timeout"), map(int, found.groups()), strict=True)
        )
    return {
        "rps": rps,
        "p50": _seconds(latency["50"]),
        "p99": _seconds(latency["99"]),
        "cpu_per_request": cpu_used / requests if server and requests else None,
        "socket_errors": errors,
        "error_responses": int(failed.group(1)) if failed else 0,
    }


@dataclass
class Endpoint:
    name: str
    ours: Target
    datasette: Target | None
    rows: str  # what is compared when verifying


@dataclass
class Measurement:
    runs: dict[str, list[dict]] = field(default_factory=dict)

    def add(self, server: str, result: dict) -> None:
        self.runs.setdefault(server, []).append(result)

    def median(self, server: str) -> dict:
        runs = self.runs[server]
        out = {key: statistics.median(r[key] for r in runs) for key in ("rps", "p50", "p99")}
        cpu = [r["cpu_per_request"] for r in runs if r.get("cpu_per_request")]
        out["cpu"] = statistics.median(cpu) if cpu else None
        return out


def interleaved(
    servers: dict[str, Server], endpoints: list[Endpoint], args: argparse.Namespace, workdir: Path
) -> dict[str, Measurement]:
    """Warm-up, then `rounds` rounds; inside a round each endpoint runs on every server in turn,
    the order of servers alternating between rounds."""
    results = {e.name: Measurement() for e in endpoints}
    for endpoint in endpoints if args.warmup > 0 else []:
        for name, server in servers.items():
            target = endpoint.ours if name != "datasette" else endpoint.datasette
            if target is not None:
                wrk(server.base, target, args.warmup, args.connections, workdir)
    names = list(servers)
    for round_no in range(args.rounds):
        order = names if round_no % 2 == 0 else list(reversed(names))
        for endpoint in endpoints:
            for name in order:
                target = endpoint.ours if name != "datasette" else endpoint.datasette
                if target is None:
                    continue
                server = servers[name]
                result = wrk(server.base, target, args.duration, args.connections, workdir, server)
                results[endpoint.name].add(name, result)
                log(
                    f"round {round_no + 1} {endpoint.name:>9} {name:>11}: "
                    f"{result['rps']:8.0f} req/s  p50 {result['p50'] * 1e3:6.1f} ms  "
                    f"p99 {result['p99'] * 1e3:6.1f} ms  "
                    f"cpu {(result['cpu_per_request'] or 0) * 1e6:5.0f} us/req"
                )
    return results


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
    """A fresh, uniquely named PostgreSQL database filled by the generator; dropped afterwards."""
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
        run([str(PROJECT_PY), str(BENCH / "generate.py"), "--size", size, "--database-url", url])
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
        "rows_per_s": rate,
        "floor_rows_per_s": floor["rows_per_s"],
        "x_vs_floor": rate / floor["rows_per_s"],
    }


# ---- reporting --------------------------------------------------------------------------------


def machine() -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = json.loads(
        run(
            [
                str(PROJECT_PY),
                "-c",
                (
                    "import json, sys, fastapi, pydantic, sqlalchemy, uvicorn, orjson, sqlite3;"
                    "import importlib.metadata as m;"
                    "print(json.dumps({'python': sys.version.split()[0],"
                    "'fastapi': fastapi.__version__,"
                    "'pydantic': pydantic.__version__, 'sqlalchemy': sqlalchemy.__version__,"
                    "'uvicorn': uvicorn.__version__, 'orjson': orjson.__version__,"
                    "'granian': m.version('granian'), 'sqlite': sqlite3.sqlite_version}))"
                ),
            ],
            capture_output=True,
        ).stdout
    )
    with contextlib.suppress(Exception):
        versions["postgresql"] = run(["psql", "--version"], capture_output=True).stdout.split()[-1]
    versions["datasette"] = DATASETTE_VERSION
    versions["wrk"] = (
        run(["wrk", "-v"], capture_output=True, check=False).stdout.split()[1]
        if shutil.which("wrk")
        else None
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "kernel": platform.release(),
        "loadavg_at_start": os.getloadavg(),
        "versions": versions,
    }


def summarise(
    measured: dict[str, Measurement], floor: dict, servers: list[str], in_process: bool = True
) -> dict:
    table: dict[str, Any] = {}
    for name, measurement in measured.items():
        row: dict[str, Any] = {s: measurement.median(s) for s in servers if s in measurement.runs}
        row["rounds"] = measurement.runs
        ours = row.get("corroborate")
        if ours and "datasette" in row:
            row["x_vs_datasette"] = ours["rps"] / row["datasette"]["rps"]
            row["p99_vs_datasette"] = ours["p99"] / row["datasette"]["p99"]
            if ours.get("cpu") and row["datasette"].get("cpu"):
                row["cpu_x_vs_datasette"] = row["datasette"]["cpu"] / ours["cpu"]
        if ours and name in floor:
            # The SQL floor's share of the server's CPU time per request: how much of a request
            # is the database's own work (SQLite runs in-process; on PostgreSQL the server's
            # CPU excludes the database's, so the share can exceed what the server spends).
            row["sql_floor_s"] = floor[name]["seconds"]
            row["sql_share"] = (
                floor[name]["seconds"] / ours["cpu"]
                if ours.get("cpu")
                else (floor[name]["seconds"] * ours["rps"])
            )
        table[name] = row
    return table


def ms(value: float) -> str:
    return f"{value * 1e3:.2f}"


def markdown(report: dict) -> str:
    m = report["machine"]
    v = m["versions"]
    lines = [
        f"Run: `{report['command']}` on {report['started']} ({report['seconds']:.0f} s).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, Linux {m['kernel']}; load average at start "
        f"{', '.join(f'{x:.2f}' for x in m['loadavg_at_start'])}, at end "
        f"{', '.join(f'{x:.2f}' for x in report['loadavg_at_end'])} (the cores are shared with "
        "other work, so absolute numbers are noisy; the ratios come from interleaved rounds).",
        "",
        f"Versions: Python {v['python']}, FastAPI {v['fastapi']}, Pydantic {v['pydantic']}, "
        f"SQLAlchemy {v['sqlalchemy']}, uvicorn {v['uvicorn']}, granian {v['granian']}, "
        f"orjson {v['orjson']}, SQLite {v['sqlite']}, PostgreSQL {v.get('postgresql', '-')}, "
        f"Datasette {v['datasette']}, wrk {v['wrk']}.",
        "",
        "Data: "
        + "; ".join(
            f"{size}: {d['rows']['claims']:,} claims, {d['rows']['attributions']:,} attributions, "
            f"{d['rows']['articles']:,} articles, {d['rows']['article_links']:,} copy links"
            for size, d in report["datasets"].items()
        ),
        "",
        f"Load: wrk, 1 thread, {report['settings']['connections']} connections, "
        f"{report['settings']['duration']} s per run after {report['settings']['warmup']} s "
        f"warm-up, {report['settings']['rounds']} interleaved rounds, medians. Servers pinned "
        f"to core {SERVER_CORE}, wrk to core {LOAD_CORE}.",
        "",
        f"### SQLite, size {report['size']}: our service vs Datasette vs the SQL floor",
        "",
        "| endpoint | ours req/s | ours p50 ms | ours p99 ms | Datasette req/s | Datasette p50 ms "
        "| Datasette p99 ms | x_vs_datasette | p99 vs Datasette | CPU µs/req ours | CPU µs/req "
        "Datasette | CPU x_vs_datasette | SQL floor ms | sql_share |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: |",
    ]
    for name, row in report.get("sqlite", {}).items():
        ours, theirs = row["corroborate"], row.get("datasette")
        cells = [name, f"{ours['rps']:.0f}", ms(ours["p50"]), ms(ours["p99"])]
        if theirs:
            cells += [
                f"{theirs['rps']:.0f}",
                ms(theirs["p50"]),
                ms(theirs["p99"]),
                f"**{row['x_vs_datasette']:.2f}x**",
                f"{row['p99_vs_datasette']:.2f}x",
                f"{(ours.get('cpu') or 0) * 1e6:.0f}",
                f"{(theirs.get('cpu') or 0) * 1e6:.0f}",
                f"{row['cpu_x_vs_datasette']:.2f}x" if "cpu_x_vs_datasette" in row else "-",
            ]
        else:
            cells += ["-"] * 8
        cells += (
            [ms(row["sql_floor_s"]), f"{row['sql_share']:.0%}"]
            if "sql_share" in row
            else ["-", "-"]
        )
        lines.append("| " + " | ".join(cells) + " |")
    failed = [
        f"{name} ({server}): {sum(r.get('error_responses', 0) for r in runs)}"
        for name, row in report.get("sqlite", {}).items()
        for server, runs in row["rounds"].items()
        if sum(r.get("error_responses", 0) for r in runs)
    ]
    if failed:
        lines += [
            "",
            "Error answers under load (wrk counts them in its rates): " + "; ".join(failed),
        ]
    if report.get("search_note"):
        lines += ["", f"Search: {report['search_note']}"]
    pg = report.get("postgresql")
    lines += ["", f"### PostgreSQL, size {report['size']}: our service vs its SQL", ""]
    if pg:
        lines += [
            "PostgREST, the natural peer here, is not installable on these machines (not in "
            "Debian's or PyPI's packages), so the peers are the SQL floor (the statements our "
            "service ran, replayed in-process with psycopg) and pgbench running those same "
            "statements with the same 16 connections.",
            "",
            "| endpoint | ours req/s | ours p50 ms | ours p99 ms | SQL floor ms | sql_share "
            "| pgbench tps (same SQL) | ours / pgbench |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, row in pg.items():
            ours = row["corroborate"]
            bench = row.get("pgbench")
            lines.append(
                f"| {name} | {ours['rps']:.0f} | {ms(ours['p50'])} | {ms(ours['p99'])} | "
                f"{ms(row['sql_floor_s'])} | {row['sql_share']:.0%} | "
                + (
                    f"{bench['tps']:.0f} | {ours['rps'] / bench['tps']:.2f}x |"
                    if bench
                    else "- | - |"
                )
            )
    else:
        lines.append(report.get("postgresql_note", "not measured"))
    scaling = report.get("scaling")
    if scaling:
        lines += [
            "",
            "### Scaling: our service on SQLite at each size (interleaved rounds, medians)",
            "",
            "| size | claims | attributions | top50 req/s | top50 p50 ms | top50 p99 ms "
            "| top50 CPU µs/req | detail req/s | detail p50 ms | detail p99 ms "
            "| detail CPU µs/req |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for size, row in scaling["sizes"].items():
            d = report["datasets"][size]["rows"]
            cells = [size, f"{d['claims']:,}", f"{d['attributions']:,}"]
            for name in ("top50", "detail"):
                r = row[name]
                cells += [
                    f"{r['rps']:.0f}",
                    ms(r["p50"]),
                    ms(r["p99"]),
                    f"{r['cpu_per_request'] * 1e6:.0f}",
                ]
            lines.append("| " + " | ".join(cells) + " |")
        sizes = list(scaling["sizes"])
        for name, ratio in scaling.get("largest_vs_smallest_p50", {}).items():
            cpu = scaling.get("largest_vs_smallest_cpu", {}).get(name)
            lines += [
                "",
                f"{name}: p50 latency at {sizes[-1]} is {ratio:.2f}x that at {sizes[0]}"
                + (f"; CPU per request {cpu:.2f}x." if cpu else "."),
            ]
    stacks = report.get("stacks")
    if stacks:
        lines += [
            "",
            "### Server stack for `corroborate serve` (top50, SQLite)",
            "",
            "| stack | req/s | p50 ms | p99 ms | CPU µs/req |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for name, row in stacks.items():
            lines.append(
                f"| {name} | {row['rps']:.0f} | {ms(row['p50'])} | {ms(row['p99'])} | "
                f"{(row.get('cpu') or 0) * 1e6:.0f} |"
            )
    prof = report.get("profile")
    if prof:
        lines += [
            "",
            f"### Where a top-50 request's time goes (py-spy, {prof['samples']} samples)",
            "",
            "| part | share of samples |",
            "| --- | ---: |",
        ]
        for group, share in sorted(prof["groups"].items(), key=lambda kv: -kv[1]):
            lines.append(f"| {group} | {share:.0%} |")
    ing = report.get("ingest")
    if ing:
        lines += ["", "### Bulk ingest", ""]
        if ing["available"]:
            lines.append(
                f"NDJSON through `POST /v1/ingest/batch`: {ing['rows_per_s']:.0f} "
                f"attributions/s; executemany floor {ing['floor_rows_per_s']:.0f} rows/s; "
                f"**{ing['x_vs_floor']:.3f}x** the floor."
            )
        else:
            lines.append(
                f"Not available: {ing['note']}. The executemany floor on this disk was "
                f"{ing['floor_rows_per_s']:.0f} attribution rows/s."
            )
    targets = report.get("targets")
    if targets:
        lines += ["", "### Targets", "", "| target | result | met |", "| --- | --- | --- |"]
        for t in targets:
            lines.append(f"| {t['target']} | {t['result']} | {'yes' if t['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def check_targets(report: dict) -> list[dict]:
    out = []
    sqlite_rows = report.get("sqlite", {})
    top = sqlite_rows.get("top50", {})
    if "x_vs_datasette" in top:
        out.append(
            {
                "target": "top50 ≥ 1.5x Datasette req/s",
                "result": f"{top['x_vs_datasette']:.2f}x",
                "met": top["x_vs_datasette"] >= 1.5,
            }
        )
        out.append(
            {
                "target": "top50 p99 ≤ Datasette's",
                "result": f"{top['p99_vs_datasette']:.2f}x",
                "met": top["p99_vs_datasette"] <= 1.0,
            }
        )
    for name in ("detail", "search"):
        row = sqlite_rows.get(name, {})
        if "x_vs_datasette" in row:
            out.append(
                {
                    "target": f"{name} ≥ 1.0x Datasette req/s",
                    "result": f"{row['x_vs_datasette']:.2f}x",
                    "met": row["x_vs_datasette"] >= 1.0,
                }
            )
        elif name == "search":
            out.append(
                {
                    "target": "search ≥ 1.0x Datasette req/s",
                    "result": "not measured: `q` does not exist yet",
                    "met": False,
                }
            )
    scaling = report.get("scaling") or {}
    for name, ratio in scaling.get("largest_vs_smallest_p50", {}).items():
        out.append(
            {
                "target": f"{name} latency at {scaling['largest']} ≤ 1.3x at {scaling['smallest']}",
                "result": f"p50 {ratio:.2f}x"
                + (
                    f" (CPU per request {scaling['largest_vs_smallest_cpu'][name]:.2f}x)"
                    if name in scaling.get("largest_vs_smallest_cpu", {})
                    else ""
                ),
                "met": ratio <= 1.3,
            }
        )
    ing = report.get("ingest") or {}
    if ing.get("available"):
        out.append(
            {
                "target": "bulk ingest ≥ 0.25x executemany",
                "met": ing["x_vs_floor"] >= 0.25,
                "result": f"{ing['x_vs_floor']:.3f}x",
            }
        )
    return out


def write_doc(text: str) -> None:
    current = DOC.read_text() if DOC.exists() else f"# Benchmarks\n\n{START_MARK}\n{END_MARK}\n"
    if START_MARK not in current:
        current += f"\n{START_MARK}\n{END_MARK}\n"
    head, rest = current.split(START_MARK, 1)
    _, tail = rest.split(END_MARK, 1)
    DOC.write_text(f"{head}{START_MARK}\n{text}{END_MARK}{tail}")


# ---- main -------------------------------------------------------------------------------------


def dataset(size: str) -> tuple[Path, dict]:
    run([str(PROJECT_PY), str(BENCH / "generate.py"), "--size", size])
    path = BENCH / "data" / f"{size}.db"
    return path, json.loads(path.with_suffix(".json").read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=["T", "S", "M", "L"], default="M")
    parser.add_argument("--duration", type=float, default=10, help="Seconds per measured run.")
    parser.add_argument("--warmup", type=float, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument(
        "--scaling", default="S,M,L", help="Sizes for the scaling table ('' to skip)."
    )
    parser.add_argument(
        "--parts",
        default="sqlite,postgres,scaling,stacks,profile,ingest",
        help="Which comparisons to run (comma-separated subset of the default).",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="Tiny data and sub-second runs: checks that everything works.",
    )
    parser.add_argument("--no-doc", action="store_true", help="Do not touch docs/benchmarks.md.")
    parser.add_argument(
        "--render",
        metavar="RESULTS_JSON",
        help="Only rewrite docs/benchmarks.md from a saved bench/results/*.json.",
    )
    args = parser.parse_args()
    if args.render:
        write_doc(markdown(json.loads(Path(args.render).read_text())))
        return
    parts = set(args.parts.split(","))
    if args.smoke:
        args.size, args.duration, args.warmup, args.rounds = "T", 1, 0, 1
        args.no_doc = True
        parts -= {"scaling", "stacks", "profile"}
    started = time.time()
    ensure_project_venv()
    bench_bin = ensure_bench_venv()
    ensure_wrk()
    report: dict[str, Any] = {
        "command": " ".join(["python", "bench/run.py", *sys.argv[1:]]),
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "size": args.size,
        "settings": {k: getattr(args, k) for k in ("duration", "warmup", "rounds", "connections")},
        "datasets": {},
    }
    db_path, summary = dataset(args.size)
    report["datasets"][args.size] = summary
    claims = summary["rows"]["claims"]
    deep_pages = min(DEEP_PAGE, max(2, claims // 50 - 2))
    sqlite_url = f"sqlite:///{db_path}"
    with tempfile.TemporaryDirectory(prefix="corroborate-bench-") as tmp:
        workdir = Path(tmp)
        ours = start_ours(sqlite_url)
        datasette = start_datasette(bench_bin, db_path, workdir) if "sqlite" in parts else None
        try:
            search = has_search(ours.base)
            if not search:
                report["search_note"] = (
                    "not measured in this run: `GET /v1/claims` has no `q` parameter yet "
                    "(full-text search arrives with issue 4). bench/run.py measures it against "
                    "Datasette's FTS5 canned query as soon as the parameter exists."
                )
                log("search: skipped, /v1/claims has no q parameter yet")
            endpoints, extra = endpoints_for(ours, db_path.stem, claims, search, deep_pages)
            report.update(extra)
            if datasette is not None:
                report["verified_rows"] = verify(ours, datasette, endpoints, claims)
                log(f"verified: both servers return the same rows {report['verified_rows']}")
                measured = interleaved(
                    {"corroborate": ours, "datasette": datasette}, endpoints, args, workdir
                )
        finally:
            ours.stop()
            if datasette is not None:
                datasette.stop()
        if datasette is not None:
            floor = sql_floor(sqlite_url, endpoints, claims, floor_seconds(args), workdir)
            report["sqlite"] = summarise(measured, floor, ["corroborate", "datasette"])

        if "postgres" in parts:
            with postgres_database(args.size) as pg_url:
                if pg_url is None:
                    report["postgresql_note"] = "PostgreSQL was not reachable; not measured."
                else:
                    report["postgresql"] = measure_postgres(
                        pg_url, endpoints, claims, args, workdir
                    )
        if "scaling" in parts and args.scaling:
            report["scaling"] = measure_scaling(args, workdir, report)
        if "stacks" in parts:
            report["stacks"] = measure_stacks(sqlite_url, args, workdir)
        if "profile" in parts:
            report["profile"] = profile(sqlite_url, bench_bin, args, workdir)
        if "ingest" in parts:
            report["ingest"] = measure_ingest(args, workdir)
    report["loadavg_at_end"] = os.getloadavg()
    report["seconds"] = time.time() - started
    report["targets"] = check_targets(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{args.size}{'-smoke' if args.smoke else ''}.json"
    out.write_text(json.dumps(report, indent=2, default=str) + "\n")
    text = markdown(report)
    print(text)
    if not args.no_doc:
        write_doc(text)
        log(f"wrote {DOC.relative_to(ROOT)} and {out.relative_to(ROOT)}")
    else:
        log(f"wrote {out.relative_to(ROOT)}")


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
    ("SQL (driver executing and fetching)", ("app/core/prepared.py",)),
    ("rows to dicts (app/claims/service.py)", ("app/claims/service.py",)),
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


if __name__ == "__main__":
    main()
