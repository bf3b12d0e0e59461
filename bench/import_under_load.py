"""Reads and single-line writes while an import runs, on PostgreSQL (issue 13, point 5).

    .venv/bin/python bench/import_under_load.py --base 4000 --import-lines 8000 --writes 1500

Builds NDJSON from the S dataset (`bench/ingest_floor.py`) and splits it into three disjoint
slices of lines: `--base` lines loaded first (so the top-50 list and the matcher have rows),
`--import-lines` lines for `corroborate import`, and `--writes` lines for the API writers.
Then, against a fresh PostgreSQL database served by `corroborate serve` (one worker):

1. **idle**: readers GET the top-50 list (`/v1/claims?limit=50`) and one writer POSTs lines to
   `/v1/ingest`, one at a time, for `--seconds`;
2. **import**: `corroborate import FILE` runs in its own process (as an operator runs it, or as
   another replica's job would), with the same readers and writer going until it ends.

Reports, per phase: the top-50 list's latency (p50, p95, p99, max) and requests per second;
the writer's answers by status and error code (a lost race that reached a client would show as
`transaction_conflict`, `database_busy`, 503 or 500); the import's wall time and lines; and
`corroborate recount --check` after everything. The machine's two cores are shared by the
server, PostgreSQL, the import and the load generator, so the import phase measures CPU
contention as much as locking: the writer's error count is the figure that must be zero.
Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from claim_corpus import percentile  # noqa: E402  (bench/claim_corpus.py)
from harness import WRITE_KEYS  # noqa: E402
from harness import start_ours  # noqa: E402

from app.core.migrations import scratch_database  # noqa: E402

CORROBORATE = str(ROOT / ".venv" / "bin" / "corroborate")
TOP50 = "/v1/claims?limit=50"


def _slices(workdir: Path, base: int, imported: int, writes: int) -> dict[str, Path]:
    """The S dataset's first lines as NDJSON, cut into the three slices."""
    wanted = base + imported + writes
    rows = wanted * 3  # attributions: S has about 2.5 a line; the file is then cut by lines
    subprocess.run(
        [sys.executable, "-W", "ignore", str(ROOT / "bench" / "ingest_floor.py"),
         "--rows", str(rows), "--workdir", str(workdir)],
        check=True, capture_output=True,
    )  # fmt: skip
    lines = (workdir / "ingest.ndjson").read_bytes().splitlines()
    if len(lines) < wanted:
        raise SystemExit(f"the data has {len(lines)} lines, {wanted} asked for")
    cuts = {"base": lines[:base], "import": lines[base : base + imported]}
    cuts["writes"] = lines[base + imported : wanted]
    paths = {}
    for name, part in cuts.items():
        paths[name] = workdir / f"{name}.ndjson"
        paths[name].write_bytes(b"\n".join(part) + b"\n")
    return paths


def _percentiles(latencies: list[float]) -> dict[str, float | int]:
    if not latencies:
        return {"requests": 0}

    def at(share: float) -> float:
        return round(percentile(latencies, share) * 1000, 2)

    return {
        "requests": len(latencies),
        "p50_ms": at(0.50),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "max_ms": round(max(latencies) * 1000, 2),
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2),
    }


class Load:
    """Readers of the top-50 list and one writer of single lines, until stopped."""

    def __init__(self, base: str, key: str, writes: list[bytes], readers: int) -> None:
        self.base = base
        self.key = key
        self.writes = writes
        self.readers = readers
        self.stop = threading.Event()
        self.read_latencies: list[float] = []
        self.read_errors: Counter[int] = Counter()
        self.write_latencies: list[float] = []
        self.write_answers: Counter[str] = Counter()
        self.next_write = 0

    def _read(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self.stop.is_set():
                started = time.perf_counter()
                response = client.get(TOP50)
                elapsed = time.perf_counter() - started
                if response.status_code == 200:
                    self.read_latencies.append(elapsed)
                else:
                    self.read_errors[response.status_code] += 1

    def _write(self) -> None:
        headers = {"Authorization": f"Bearer {self.key}", "Content-Type": "application/json"}
        with httpx.Client(base_url=self.base, timeout=60, headers=headers) as client:
            while not self.stop.is_set() and self.next_write < len(self.writes):
                body = self.writes[self.next_write]
                self.next_write += 1
                started = time.perf_counter()
                response = client.post("/v1/ingest", content=body)
                self.write_latencies.append(time.perf_counter() - started)
                code = ""
                if response.status_code >= 400:
                    code = response.json().get("error", {}).get("code", "")
                self.write_answers[f"{response.status_code} {code}".strip()] += 1
                time.sleep(0.02)  # a steady trickle, as a feed or a newsroom tool sends

    def run(self, until: Any) -> dict[str, Any]:
        threads = [threading.Thread(target=self._read) for _ in range(self.readers)]
        threads.append(threading.Thread(target=self._write))
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        until()
        self.stop.set()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        top50 = _percentiles(self.read_latencies)
        top50["per_s"] = round(len(self.read_latencies) / seconds, 1)
        return {
            "seconds": round(seconds, 1),
            "top50": top50,
            "top50_errors": dict(self.read_errors),
            "writes": {**_percentiles(self.write_latencies), "answers": dict(self.write_answers)},
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=4000, help="lines loaded before")
    parser.add_argument("--import-lines", type=int, default=8000)
    parser.add_argument("--writes", type=int, default=1500, help="lines for the API writer")
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=30, help="length of the idle phase")
    parser.add_argument(
        "--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="import-under-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    paths = _slices(workdir, args.base, args.import_lines, args.writes)
    writes = paths["writes"].read_bytes().splitlines()
    half = len(writes) // 2
    report: dict[str, Any] = {"lines": {"base": args.base, "import": args.import_lines}}
    with scratch_database(
        sqlite_directory=workdir, postgresql_admin_url=args.admin_url, prefix="bench_load"
    ) as url:
        env = {**os.environ, "CLAIMS_DATABASE_URL": url, "CLAIMS_MATCHER": "lexical"}
        subprocess.run([CORROBORATE, "import", str(paths["base"])], env=env, check=True,
                       capture_output=True)  # fmt: skip
        os.environ["CLAIMS_MATCHER"] = "lexical"
        server = start_ours(url, name="corroborate")
        key = WRITE_KEYS[server.base]
        try:
            idle = Load(server.base, key, writes[:half], args.readers)
            report["idle"] = idle.run(lambda: time.sleep(args.seconds))
            busy = Load(server.base, key, writes[half:], args.readers)
            holder: dict[str, Any] = {}

            def run_import() -> None:
                started = time.perf_counter()
                done = subprocess.run([CORROBORATE, "import", str(paths["import"])], env=env,
                                      capture_output=True, text=True)  # fmt: skip
                holder.update(
                    exit=done.returncode,
                    seconds=round(time.perf_counter() - started, 1),
                    stderr_tail=done.stderr[-400:] if done.returncode else "",
                )

            report["import"] = busy.run(run_import)
            report["import"]["job"] = holder
        finally:
            server.stop()
        check = subprocess.run([CORROBORATE, "recount", "--check"], env=env,
                               capture_output=True, text=True)  # fmt: skip
        report["recount_check_exit"] = check.returncode
    idle_p99 = report["idle"]["top50"].get("p99_ms")
    busy_p99 = report["import"]["top50"].get("p99_ms")
    if idle_p99 and busy_p99:
        report["top50_p99_ratio"] = round(busy_p99 / idle_p99, 2)
    report["load_average"] = os.getloadavg()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
