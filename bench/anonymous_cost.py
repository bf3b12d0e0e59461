"""The worst-case cost of an anonymous request, and what eight at once do to keyed clients.

    corroborate serve --workers 4 &            # on bench/data/S.db (bench/generate.py --size S)
    python bench/anonymous_cost.py --base-url http://127.0.0.1:8000 --key <read key> \
        --out bench/results/anonymous-cost.json

1. Each expensive request an anonymous client may send (recounts under `collapse`/`as_of`,
   exports, a timeline and the explanation of the largest claim, a search for a common word),
   once, alone: status and seconds.
2. The attack of issue 20: eight copies of the most expensive of them at once from one
   address, while a keyed client reads one claim every 0.25 s: each attack request's status
   and seconds, and the keyed reads' latencies.

Reported as JSON (docs/reliability.md quotes it). Needs only httpx.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from pathlib import Path
from typing import Any

import httpx


async def timed(client: httpx.AsyncClient, url: str, **kwargs: Any) -> tuple[int, float, int]:
    started = time.perf_counter()
    response = await client.get(url, **kwargs)
    return response.status_code, time.perf_counter() - started, len(response.content)


async def largest_claim(client: httpx.AsyncClient) -> int:
    page = (await client.get("/v1/claims", params={"limit": 1})).json()
    return int(page["items"][0]["id"])


def expensive_urls(claim_id: int, narrow: str) -> dict[str, str]:
    return {
        "recount list (collapse=none, narrowed to fit the cap)": (
            f"/v1/claims?collapse=none&{narrow}&limit=200"
        ),
        "recount list (as_of)": f"/v1/claims?as_of=2025-12-31&{narrow}&limit=200",
        "CSV export under collapse=none": f"/v1/claims?format=csv&collapse=none&{narrow}",
        "CSV export, stored counts, everything": "/v1/claims?format=csv",
        "timeline of the largest claim (hour buckets, collapse=none)": (
            f"/v1/claims/{claim_id}/timeline?bucket=hour&collapse=none"
        ),
        "corroboration explained, largest claim": f"/v1/claims/{claim_id}/corroboration",
        "search for a common word": "/v1/claims?q=said&limit=200",
    }


async def alone(base_url: str, urls: dict[str, str]) -> dict[str, Any]:
    results = {}
    async with httpx.AsyncClient(base_url=base_url, timeout=600) as client:
        for name, url in urls.items():
            waited = 0.0
            while True:  # a rate-limit debt left by the previous request: wait it out
                response = await client.get(url)
                if response.status_code != 429:
                    break
                pause = float(response.headers.get("retry-after", "1"))
                waited += pause
                await asyncio.sleep(pause)
            status, size = response.status_code, len(response.content)
            seconds = response.elapsed.total_seconds()
            results[name] = {
                "url": url,
                "status": status,
                "seconds": round(seconds, 3),
                "bytes": size,
                "waited_for_rate_limit_seconds": waited,
            }
            await asyncio.sleep(1)
    return results


async def attack(base_url: str, url: str, key: str, claim_id: int, copies: int) -> dict[str, Any]:
    keyed_latencies: list[float] = []
    done = asyncio.Event()

    async def keyed_reads() -> None:
        headers = {"X-API-Key": key}
        async with httpx.AsyncClient(base_url=base_url, timeout=600, headers=headers) as client:
            while not done.is_set():
                _status, seconds, _size = await timed(client, f"/v1/claims/{claim_id}")
                keyed_latencies.append(seconds)
                await asyncio.sleep(0.25)

    async def one(client: httpx.AsyncClient) -> dict[str, Any]:
        status, seconds, _size = await timed(client, url)
        return {"status": status, "seconds": round(seconds, 3)}

    reader = asyncio.create_task(keyed_reads())
    await asyncio.sleep(1)
    limits = httpx.Limits(max_connections=copies)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base_url, timeout=600, limits=limits) as client:
        answers = await asyncio.gather(*(one(client) for _ in range(copies)))
    wall = time.perf_counter() - started
    await asyncio.sleep(1)
    done.set()
    await reader
    return {
        "url": url,
        "copies": copies,
        "wall_seconds": round(wall, 3),
        "answers": answers,
        "keyed_reads": {
            "count": len(keyed_latencies),
            "median_seconds": round(statistics.median(keyed_latencies), 3),
            "max_seconds": round(max(keyed_latencies), 3),
        },
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=args.base_url, timeout=60) as client:
        claim_id = await largest_claim(client)
    urls = expensive_urls(claim_id, args.narrow)
    single = await alone(args.base_url, urls)
    worst = max(single.values(), key=lambda r: r["seconds"] if r["status"] == 200 else 0)
    await asyncio.sleep(10)  # let a rate-limit debt from the single runs drain
    target = args.attack_url or worst["url"]
    flood = await attack(args.base_url, target, args.key, claim_id, args.copies)
    return {"base_url": args.base_url, "largest_claim": claim_id, "alone": single, "attack": flood}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--key", required=True, help="A read key for the keyed client.")
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument(
        "--narrow",
        default="min_outlets=3",
        help="A filter leaving at most CLAIMS_LIVE_LIST_MAX_CLAIMS candidates for the recounts.",
    )
    parser.add_argument("--attack-url", help="Flood this URL instead of the slowest one.")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    result = asyncio.run(run(args))
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
