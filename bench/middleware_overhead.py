"""What the access layer costs a hot read: GET /v1/claims?limit=50 on the demo data, served
in-process (no sockets) by the full app and by the same app without its middleware (request
id, JSON access log, metrics, body limit, retry) and without rate limiting.

    .venv/bin/python -m bench.middleware_overhead [--requests 3000]

Alternates blocks of requests between the two apps and reports the median per-request time
of each, so that machine noise hits both alike. The access log is written (as JSON) to
/dev/null, so its formatting cost is counted.
"""

import argparse
import asyncio
import logging
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from app.core.config import Settings
from app.core.engine import create_db_engine
from app.core.logging import JsonFormatter
from app.core.migrations import upgrade
from app.core.unit_of_work import transaction
from app.demo.service import load
from app.main import create_app

PATH, QUERY = "/v1/claims", b"limit=50"


async def call(app: Any) -> int:
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": PATH,
        "raw_path": PATH.encode(),
        "query_string": QUERY,
        "root_path": "",
        "headers": [(b"host", b"bench")],
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 80),
    }
    await app(scope, receive, send)
    return status


async def block(app: Any, n: int) -> list[float]:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        assert await call(app) == 200
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    args = parser.parse_args()
    directory = Path(tempfile.mkdtemp(prefix="corroborate-overhead-"))
    url = f"sqlite:///{directory / 'db.sqlite'}"
    upgrade(url)
    settings = Settings(
        database_url=url, rate_limit_anonymous_per_second=1e9, rate_limit_anonymous_burst=10**9
    )
    engine = create_db_engine(settings)
    with transaction(engine, write=True) as session:
        load(session)
    engine.dispose()

    handler = logging.FileHandler("/dev/null")
    handler.setFormatter(JsonFormatter())
    access = logging.getLogger("app.access")
    access.handlers = [handler]
    access.setLevel(logging.INFO)
    access.propagate = False

    full = create_app(settings)
    bare = create_app(settings)
    bare.user_middleware = []  # before the first request builds the middleware stack
    bare.state.access.limiter = None

    async def run() -> dict[str, list[float]]:
        results: dict[str, list[float]] = {"full": [], "bare": []}
        for app in (full, bare):  # warm up: caches, connections, compiled queries
            await block(app, 200)
        for _ in range(max(1, args.requests // 200)):
            results["full"] += await block(full, 100)
            results["bare"] += await block(bare, 100)
        return results

    results = asyncio.run(run())
    print(f"GET {PATH}?{QUERY.decode()}: {len(results['full'])} requests per app")
    for name, label in (
        ("full", "middleware + rate limiter + JSON access log"),
        ("bare", "no middleware, no rate limiter"),
    ):
        print(
            f"  {name} ({label}): median {statistics.median(results[name]) * 1e6:.0f} µs, "
            f"fastest {min(results[name]) * 1e6:.0f} µs"
        )
    for stat in (statistics.median, min):
        full_us, bare_us = (stat(results[name]) * 1e6 for name in ("full", "bare"))
        print(
            f"  overhead ({stat.__name__}): {full_us - bare_us:.0f} µs per request "
            f"({(full_us / bare_us - 1) * 100:.1f} %)"
        )


if __name__ == "__main__":
    main()
