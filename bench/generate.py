"""Deterministic benchmark data, written through our own schema (Alembic migrations).

    python bench/generate.py --size M                    # bench/data/M.db (SQLite)
    python bench/generate.py --size S --database-url postgresql+psycopg://.../db

Sizes (claims / attributions): T 1k / 10k (CI smoke), S 20k / 200k, M 100k / 1M, L 200k / 2M,
XL 2M / 20M (PostgreSQL only, streamed by bench/pg_load.py: it does not fit in memory).

The shape follows how news spreads: stories ("events") break on a date; a heavy-tailed number of
articles covers each one; outlets are Zipf-distributed (a few wire agencies and big papers write
most articles, a long tail of small outlets the rest); a fifth of the non-wire articles are
verbatim wire copies (`syndicates`) and a few rewrite a wire story crediting it (`cites`); each
claim of an event is carried by a random share of the event's articles, with a few supporting
and disputing stances and quotes. The same seed gives the same rows, ids included.

Rows are bulk-inserted (no per-row service calls), then the counters are computed by the
service's own recount path and verified with the `recount --check` logic, so the file is
exactly what the service would hold after the same writes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import insert
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.claims.service import fingerprint  # noqa: E402
from app.core.config import Settings  # noqa: E402
from app.core.engine import create_db_engine  # noqa: E402
from app.core.migrations import upgrade  # noqa: E402
from app.core.unit_of_work import transaction  # noqa: E402
from app.corroboration import counters  # noqa: E402
from app.tables import Article  # noqa: E402
from app.tables import ArticleLink  # noqa: E402
from app.tables import Attribution  # noqa: E402
from app.tables import Claim  # noqa: E402
from app.tables import Outlet  # noqa: E402

GENERATOR_VERSION = 4  # bump when the data or the schema it is written through changes
DATA_DIR = ROOT / "bench" / "data"
SIZES: dict[str, tuple[int, int]] = {
    "T": (1_000, 10_000),
    "S": (20_000, 200_000),
    "M": (100_000, 1_000_000),
    "L": (200_000, 2_000_000),
    "XL": (2_000_000, 20_000_000),  # PostgreSQL, by COPY: bench/pg_load.py
}
OUTLETS = 400
WIRES = ("reuters", "ap", "afp", "dpa", "efe", "ansa")
START = datetime(2025, 1, 1, tzinfo=UTC)
DAYS = 365

# fmt: off
ACTORS = [
    "Vladimir Putin", "Volodymyr Zelenskiy", "Friedrich Merz", "Emmanuel Macron",
    "Keir Starmer", "Xi Jinping", "Narendra Modi", "Ursula von der Leyen", "Mark Rutte",
    "Antonio Guterres", "Recep Tayyip Erdogan", "Giorgia Meloni", "Pedro Sanchez",
    "Donald Tusk", "Shigeru Ishiba", "Luiz Inacio Lula da Silva", "Cyril Ramaphosa",
    "Benjamin Netanyahu", "Mohammed bin Salman", "Javier Milei", "Claudia Sheinbaum",
    "Anthony Albanese", "Mark Carney", "Yoon Suk Yeol", "Prabowo Subianto", "Kremlin",
    "Pentagon", "European Commission", "NATO", "IMF", "World Health Organization",
    "Bank of England", "European Central Bank", "Federal Reserve", "OPEC", "Gazprom",
    "Ukrainian army", "Russian defence ministry", "Chinese foreign ministry", "UN envoy",
]
VERBS = [
    "demands", "rejects", "proposes", "announces", "denies", "confirms", "warns of",
    "calls for", "promises", "threatens", "signs", "suspends", "backs", "criticises",
    "approves", "blocks", "plans", "welcomes", "condemns", "accepts", "postpones", "seeks",
    "offers", "predicts", "questions", "defends", "extends", "cancels", "investigates",
    "negotiates",
]
OBJECTS = [
    "a written halt to NATO enlargement", "sanctions relief", "a ceasefire", "new tariffs",
    "an interest rate cut", "an arms package", "a gas supply deal", "peace talks",
    "a grain corridor", "frozen asset transfers", "a prisoner exchange", "a climate pact",
    "emergency funding", "an energy price cap", "troop withdrawals", "election observers",
    "a trade agreement", "export controls on chips", "a debt restructuring",
    "a nuclear inspection", "border controls", "a refugee quota", "a defence budget increase",
    "a vaccine rollout", "an oil output cut", "a data privacy law", "a minimum tax deal",
    "a security guarantee", "a reconstruction fund", "a humanitarian corridor",
    "a new sanctions package", "a visa ban", "an airspace closure", "a naval blockade",
    "a joint military exercise", "a summit meeting", "a referendum", "a currency swap",
    "an export ban on grain", "a cyber defence pact",
]
QUALIFIERS = [
    "for Ukraine", "with China", "in the Black Sea", "before the summit", "within weeks",
    "for Europe", "in the Middle East", "for the Baltic states", "by the end of the year",
    "with Western powers", "in Africa", "for Moldova", "for Georgia", "in the Arctic",
    "with India", "at the G20", "in Gaza", "for Taiwan", "with Brazil", "in the Sahel",
    "for Japan", "with Turkey", "for Poland", "in Syria", "with Iran",
]
# fmt: on


@dataclass(frozen=True)
class Dataset:
    outlets: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    links: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    attributions: list[dict[str, Any]]

    def counts(self) -> dict[str, int]:
        return {
            "outlets": len(self.outlets),
            "articles": len(self.articles),
            "article_links": len(self.links),
            "claims": len(self.claims),
            "attributions": len(self.attributions),
        }


def _claim_texts(rng: random.Random, n: int) -> list[tuple[str, str | None]]:
    combos = len(ACTORS) * len(VERBS) * len(OBJECTS) * len(QUALIFIERS)
    picks = rng.sample(range(combos * 4), n)
    out = []
    for index in picks:
        variant, index = divmod(index, combos)
        index, q = divmod(index, len(QUALIFIERS))
        index, o = divmod(index, len(OBJECTS))
        a, v = divmod(index, len(VERBS))
        actor = ACTORS[a]
        tail = ("", " again", " officially", " in a statement")[variant]
        sentence = f"{actor} {VERBS[v]} {OBJECTS[o]} {QUALIFIERS[q]}{tail}."
        claimant = None if rng.random() < 0.1 else actor
        out.append((sentence, claimant))
    return out


def outlet_rows() -> list[dict[str, Any]]:
    created = datetime(2026, 1, 1, tzinfo=UTC)
    outlets = []
    for i in range(OUTLETS):
        slug = WIRES[i] if i < len(WIRES) else f"outlet-{i:03d}"
        kind = "wire_agency" if i < len(WIRES) else ("newspaper", "broadcaster", "online")[i % 3]
        outlets.append(
            {
                "id": i + 1,
                "slug": slug,
                "name": slug.upper() if i < len(WIRES) else f"Outlet {i:03d} News",
                "domain": f"{slug}.example",
                "country": None,
                "language": "en",
                "kind": kind,
                "owner_group": None if i % 7 else f"group-{i % 5}",
                "created_at": created,
                "updated_at": created,
            }
        )
    return outlets


Rows = list[dict[str, Any]]


def stories(size: str, seed: int = 20250529) -> Iterator[tuple[Rows, Rows, Rows, Rows]]:
    """The dataset one story at a time: (articles, links, claims, attributions) of each, in id
    order; deterministic for a size and seed. `build` collects them, bench/pg_load.py streams
    them into COPY so that a size far larger than memory can be written."""
    n_claims, n_attributions = SIZES[size]
    rng = random.Random(seed)
    outlets = outlet_rows()
    # Zipf: outlet rank r writes in proportion to 1 / r^1.1; wires head the list.
    weights = [1 / (r + 1) ** 1.1 for r in range(OUTLETS)]
    non_wire = list(range(len(WIRES), OUTLETS))
    non_wire_weights = weights[len(WIRES) :]
    cumulative = list(itertools.accumulate(non_wire_weights))

    texts = _claim_texts(rng, n_claims)
    n_articles = n_claimed = n_attributed = 0
    per_claim_target = n_attributions / n_claims

    # Events sorted by date so ids grow with time, as they would when ingested live.
    n_events = max(1, n_claims // 4)
    event_starts = sorted(
        START + timedelta(seconds=rng.randrange(DAYS * 86400)) for _ in range(n_events)
    )
    claims_left = n_claims
    for event_index, start in enumerate(event_starts):
        events_left = n_events - event_index
        k = claims_left if events_left == 1 else min(claims_left, rng.randint(1, 7))
        k = max(0, min(k, claims_left - (events_left - 1)))
        if k == 0:
            continue
        claims_left -= k
        # Heavy-tailed coverage: most stories get a handful of articles, a few get hundreds.
        coverage = min(1500, max(1, int(rng.paretovariate(1.6) * per_claim_target * 0.62)))
        event_articles: Rows = []
        wire_articles: Rows = []
        links: Rows = []
        claims: Rows = []
        attributions: Rows = []
        drawn = []
        for _ in range(coverage):
            is_wire = rng.random() < 0.12
            outlet = (
                rng.randrange(len(WIRES))
                if is_wire
                else rng.choices(non_wire, cum_weights=cumulative)[0]
            )
            drawn.append((start + timedelta(minutes=int(rng.expovariate(1 / 600))), outlet))
        # Ids follow publication time, so an origin always has a lower id than its copies.
        for at, outlet in sorted(drawn):
            n_articles += 1
            article_id = n_articles
            article = {
                "id": article_id,
                "outlet_id": outlet + 1,
                "url": f"https://{outlets[outlet]['domain']}/{at:%Y/%m/%d}/story-{article_id}",
                "title": f"Story {event_index}: {texts[n_claimed][0][:80]}",
                "published_at": at,
                "author": None,
                "language": "en",
                "root_article_id": article_id,
                "created_at": at,
                "updated_at": at,
            }
            event_articles.append(article)
            if outlet < len(WIRES):
                wire_articles.append(article)
        for article in event_articles:
            if article["outlet_id"] <= len(WIRES) or not wire_articles:
                continue
            roll = rng.random()
            if roll < 0.25:
                origin = rng.choice(wire_articles)
                if origin["published_at"] <= article["published_at"]:
                    relation = "syndicates" if roll < 0.2 else "cites"
                    links.append(
                        {
                            "article_id": article["id"],
                            "origin_article_id": origin["id"],
                            "relation": relation,
                            "reason": "verbatim wire copy"
                            if relation == "syndicates"
                            else "credits the wire",
                            "provenance": "stated",
                            "created_at": article["created_at"],
                        }
                    )
                    article["root_article_id"] = origin["root_article_id"]
        for _ in range(k):
            n_claimed += 1
            claim_id = n_claimed
            sentence, claimant = texts[claim_id - 1]
            claims.append(
                {
                    "id": claim_id,
                    "text": sentence,
                    "claimant": claimant,
                    "claim_date": start.date(),
                    "fingerprint": fingerprint(sentence, claimant),
                    "created_at": start,
                    "updated_at": start,
                }
            )
            share = rng.uniform(0.3, 1.0)
            carried = [a for a in event_articles if rng.random() < share] or [event_articles[0]]
            for article in carried:
                roll = rng.random()
                stance = "reports" if roll < 0.85 else ("supports" if roll < 0.93 else "disputes")
                quote = None
                if rng.random() < 0.15:
                    quote = f"{sentence.split(' ', 3)[-1]} the spokesperson said"
                n_attributed += 1
                attributions.append(
                    {
                        "id": n_attributed,
                        "claim_id": claim_id,
                        "article_id": article["id"],
                        "stance": stance,
                        "quote": quote,
                        "sourcing": ("named", "anonymous", "official", "unknown")[rng.randrange(4)],
                        "created_at": article["created_at"],
                        "updated_at": article["created_at"],
                    }
                )
        yield event_articles, links, claims, attributions


def build(size: str, seed: int = 20250529) -> Dataset:
    """The whole dataset as rows, deterministic for a size and seed."""
    data = Dataset(outlet_rows(), [], [], [], [])
    for articles, links, claims, attributions in stories(size, seed):
        data.articles.extend(articles)
        data.links.extend(links)
        data.claims.extend(claims)
        data.attributions.extend(attributions)
    return data


def _insert(engine: Engine, data: Dataset) -> None:
    chunk = 20_000
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("PRAGMA synchronous = OFF")
        for model, rows in (
            (Outlet, data.outlets),
            (Article, data.articles),
            (ArticleLink, data.links),
            (Claim, data.claims),
            (Attribution, data.attributions),
        ):
            table = model.__table__  # type: ignore[attr-defined]
            for start in range(0, len(rows), chunk):
                connection.execute(insert(table), rows[start : start + chunk])
        if engine.dialect.name == "postgresql":
            for table in ("outlet", "article", "claim", "attribution"):
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )


def meta_path(db_path: Path) -> Path:
    return db_path.with_suffix(".json")


def generate(size: str, database_url: str, *, log: Any = print) -> dict[str, Any]:
    """Create the schema at `database_url` (empty) and fill it; returns a summary."""
    started = time.perf_counter()
    upgrade(database_url)
    data = build(size)
    built = time.perf_counter()
    engine = create_engine(database_url)
    _insert(engine, data)
    engine.dispose()
    inserted = time.perf_counter()
    engine = create_db_engine(Settings(database_url=database_url), statement_timeout_ms=0)
    with transaction(engine, write=True) as session:
        counters.recount_all(session)
    counted = time.perf_counter()
    with transaction(engine, write=False) as session:
        stale = counters.stale_claim_ids(session)
        stale += counters.stale_outlet_claim_ids(session)
    if stale:
        raise SystemExit(f"counters disagree with a recount for {len(stale)} claims: {stale[:10]}")
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    summary = {
        "generator_version": GENERATOR_VERSION,
        "size": size,
        "rows": data.counts(),
        "seconds": {
            "build": round(built - started, 1),
            "insert": round(inserted - built, 1),
            "recount": round(counted - inserted, 1),
            "check": round(time.perf_counter() - counted, 1),
        },
    }
    log(f"generated {size}: {summary['rows']} in {summary['seconds']}")
    return summary


def sqlite_file(size: str, *, fresh: bool = False, log: Any = print) -> tuple[Path, dict[str, Any]]:
    """The SQLite file for a size, generated once and reused while the generator is unchanged."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / f"{size}.db"
    meta = meta_path(path)
    if not fresh and path.exists() and meta.exists():
        summary = json.loads(meta.read_text())
        if summary.get("generator_version") == GENERATOR_VERSION:
            return path, summary
    for stale in (path, meta, path.with_suffix(".db-wal"), path.with_suffix(".db-shm")):
        stale.unlink(missing_ok=True)
    summary = generate(size, f"sqlite:///{path}", log=log)
    meta.write_text(json.dumps(summary, indent=2) + "\n")
    return path, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument(
        "--database-url",
        help="Fill this (empty) database instead of bench/data/<size>.db; PostgreSQL works too.",
    )
    parser.add_argument("--fresh", action="store_true", help="Regenerate even if cached.")
    args = parser.parse_args()
    if args.database_url:
        generate(args.size, args.database_url)
    else:
        path, summary = sqlite_file(args.size, fresh=args.fresh)
        print(f"{path}: {summary['rows']}")


if __name__ == "__main__":
    main()
