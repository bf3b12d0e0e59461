"""Database outage under a running server: 503 in the error shape while the database is gone,
/readyz says why, and service resumes by itself when the database is back (no app restart).

    .venv/bin/python -m bench.reliability.outage [--backend sqlite|postgresql|both]

SQLite: the database file is moved away (what a lost volume looks like; chmod 000 would not
stop root). PostgreSQL: a throwaway cluster (initdb, free port) is stopped with `pg_ctl stop
-m fast` and started again; the machine's own server is never touched.
"""

import argparse
import shutil
import time
from collections import Counter
from typing import Any

from bench.reliability.common import PostgresCluster
from bench.reliability.common import Server
from bench.reliability.common import corroborate
from bench.reliability.common import request
from bench.reliability.common import say
from bench.reliability.common import scratch_env
from bench.reliability.common import sqlite_database


def error_shaped(body: Any) -> bool:
    return (
        isinstance(body, dict)
        and set(body) == {"error"}
        and set(body["error"]) == {"code", "message", "details"}
    )


def probe(server: Server, key: str, seconds: float) -> dict[str, Any]:
    """Reads, writes and /readyz for `seconds`; what came back."""
    statuses: Counter[str] = Counter()
    shapes_ok = True
    slowest = 0.0
    ready_message = None
    n = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        n += 1
        for name, method, path, body in (
            ("read", "GET", "/v1/claims?limit=5", None),
            ("write", "POST", "/v1/outlets", {"slug": f"outage-{time.time_ns()}", "name": "X"}),
            ("readyz", "GET", "/readyz", None),
        ):
            started = time.monotonic()
            status, answer = request(method, server.url + path, body, key=key, timeout=30)
            slowest = max(slowest, time.monotonic() - started)
            code = answer["error"]["code"] if error_shaped(answer) else None
            statuses[f"{name} {status} {code or ''}".strip()] += 1
            if status >= 400 and not error_shaped(answer):
                shapes_ok = False
            if name == "readyz" and status == 503:
                ready_message = answer["error"]["message"]
        time.sleep(0.05)
    return {
        "rounds": n,
        "statuses": dict(statuses),
        "error_shape": shapes_ok,
        "slowest_s": round(slowest, 3),
        "readyz": ready_message,
    }


def recover(server: Server, key: str, timeout: float = 60) -> float:
    """Seconds until a read, a write and /readyz all succeed again."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        read, _ = request("GET", f"{server.url}/v1/claims?limit=5")
        write, _ = request(
            "POST",
            f"{server.url}/v1/outlets",
            {"slug": f"back-{time.time_ns()}", "name": "Back"},
            key=key,
        )
        ready, _ = request("GET", f"{server.url}/readyz")
        if (read, write, ready) == (200, 201, 200):
            return time.monotonic() - started
        time.sleep(0.1)
    raise RuntimeError("service did not recover")


def scenario(name: str, env: dict[str, str], cut: Any, restore: Any) -> dict[str, Any]:
    corroborate(env, "migrate")
    corroborate(env, "demo", "load")
    key = corroborate(env, "keys", "create", "--scope", "write", "--name", "outage")
    server = Server(env, workers=1).start()
    try:
        before = probe(server, key, 1.0)
        pid = server.process.pid if server.process else None
        cut()
        during = probe(server, key, 3.0)
        restore()
        recovery = recover(server, key)
        after = probe(server, key, 1.0)
        assert server.process is not None
        alive = server.process.pid == pid and server.process.poll() is None
    finally:
        server.stop()
    result = {
        "backend": name,
        "before": before,
        "during": during,
        "after": after,
        "recovery_s": round(recovery, 2),
        "same_process": alive,
    }
    ok = (
        all(s.split()[1] in ("200", "201") for s in before["statuses"])
        and all(s.split()[1] == "503" for s in during["statuses"])
        and during["error_shape"]
        and during["readyz"] is not None
        and all(s.split()[1] in ("200", "201") for s in after["statuses"])
        and alive
    )
    result["ok"] = ok
    return result


def sqlite_outage() -> dict[str, Any]:
    with sqlite_database() as (url, path):
        env = scratch_env(url)
        away = path.with_suffix(".away")
        return scenario(
            "sqlite", env, lambda: shutil.move(path, away), lambda: shutil.move(away, path)
        )


def postgres_outage() -> dict[str, Any]:
    cluster = PostgresCluster().init()
    try:
        return scenario("postgresql", scratch_env(cluster.url), cluster.stop, cluster.start)
    finally:
        cluster.destroy()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    results = []
    if args.backend in ("sqlite", "both"):
        results.append(sqlite_outage())
    if args.backend in ("postgresql", "both"):
        results.append(postgres_outage())
    for result in results:
        say(f"== {result['backend']}: {'OK' if result['ok'] else 'FAILED'}")
        for phase in ("before", "during", "after"):
            say(f"  {phase:6} {result[phase]['statuses']}  slowest {result[phase]['slowest_s']} s")
        say(f"  /readyz during the outage: {result['during']['readyz']!r}")
        say(
            f"  recovered {result['recovery_s']} s after the database came back, "
            f"same server process: {result['same_process']}"
        )
    if not all(r["ok"] for r in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
