"""The measuring machinery of bench/run.py: the tools it needs (the project's and the bench's
virtualenvs, wrk), the servers it starts (ours, Datasette), the load it drives (wrk runs in
interleaved rounds, CPU per request) and the machine it runs on. What is measured is in
bench/measures.py, the report of it in bench/report.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any

from report import LOAD_CORE
from report import SERVER_CORE

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PROJECT_PY = ROOT / ".venv" / "bin" / "python"
BENCH_VENV = BENCH / ".venv"
DATASETTE_VERSION = "0.65.5"


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


# ---- the machine and the medians -----------------------------------------------------------


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


def dataset(size: str) -> tuple[Path, dict]:
    run([str(PROJECT_PY), str(BENCH / "generate.py"), "--size", size])
    path = BENCH / "data" / f"{size}.db"
    return path, json.loads(path.with_suffix(".json").read_text())
