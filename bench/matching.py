"""Benchmark: matching one text against N stored claims (GET /v1/claims/match, ingest).

Builds a temporary database through the migrations (the schema, with its full-text index and
triggers), fills it with N generated news claims, then times `match()` for a mix of query texts:
paraphrases of stored claims (what ingest sees most) and unseen claims, after ten warm-up texts.
Reports the median (p50), p90 and p99 in milliseconds and where the time goes. Nothing here runs
in the test suite; results go to docs/matching.md and docs/benchmarks.md.

`--matcher hybrid` (the default) also fills `claim_embedding` with bulk inserts (executemany on
SQLite, COPY on PostgreSQL): the first `--embed-budget` claims are embedded with the real model
(the embedding throughput in claims/s and the single-text latency are measured there); every
other row stores a DERIVED vector, a really-embedded claim's vector plus gaussian noise,
renormalised, since embedding 1M texts on the benchmark machine would take hours. Then a fresh
serving process (spawned before the data was made, so its RSS is its own) builds the vector index
from the table, saves it (`--index-path`), loads it back as a server with CLAIMS_VECTOR_INDEX_PATH
does, and times `HybridMatcher.match`, whose query embedding the model computes inside the timed
call: no query repeats another, so none comes from the embedder's cache.

    .venv/bin/python bench/matching.py                      # 100k claims, SQLite, hybrid
    .venv/bin/python bench/matching.py --postgresql URL     # an *admin* URL; a database is
                                                            # created for the run and dropped
    .venv/bin/python bench/matching.py --claims 1000000 --compare-env OMP_WAIT_POLICY=passive
    .venv/bin/python bench/matching.py --matcher lexical    # the lexical matcher alone
    .venv/bin/python bench/matching.py --claims 2000 --queries 20 --embed-budget 256  # smoke
"""

import argparse
import gc
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, insert, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlmodel import Session

from app.claims.search import MAX_TERMS, Mode, Term, parse
from app.claims.service import fingerprint
from app.core.config import Settings
from app.core.db import create_db_engine
from app.core.migrations import scratch_database
from app.matching.analysis import content_words, normalise_news
from app.matching.base import build_matcher
from app.matching.embedding import Embedder, load_embedder
from app.matching.hybrid import HybridMatcher
from app.matching.lexical import LexicalMatcher
from app.matching.vectors import ClaimVectors
from app.tables import Claim


def _options(text: str) -> list[str]:
    """A |-separated list written over several lines."""
    return [" ".join(option.split()) for option in text.split("|")]


PEOPLE = _options(
    """Vladimir Putin|Volodymyr Zelenskiy|Joe Biden|Donald Trump|Xi Jinping|Emmanuel Macron|
Olaf Scholz|Rishi Sunak|Keir Starmer|Giorgia Meloni|Narendra Modi|Recep Tayyip Erdogan|
Benjamin Netanyahu|Ursula von der Leyen|Antonio Guterres|Jens Stoltenberg|Mark Rutte|
Christine Lagarde|Jerome Powell|Elon Musk|Sam Altman|Tim Cook|Javier Milei|Lula da Silva|
Cyril Ramaphosa|Fumio Kishida|Yoon Suk Yeol|Kim Jong Un|Ali Khamenei|Mohammed bin Salman|
Viktor Orban|Donald Tusk|Pedro Sanchez|Justin Trudeau|Anthony Albanese|Claudia Sheinbaum|
Sergei Lavrov|Dmitry Peskov|Antony Blinken|Kaja Kallas"""
)
BODIES = _options(
    """the European Commission|the Kremlin|the White House|the Pentagon|NATO|
the United Nations|the World Health Organization|the IMF|the World Bank|
the European Central Bank|the Federal Reserve|
the Bank of England|the Bank of Japan|OPEC|the African Union|the G7|the Supreme Court|
the Senate|the Bundestag|the French parliament|Ukraine's army|Russia's defence ministry|
Israel's military|Hamas|Hezbollah|the Houthis|China's foreign ministry|India's election commission|
Apple|Microsoft|Google|Amazon|Meta|Tesla|Boeing|Airbus|Volkswagen|Toyota|Nvidia|OpenAI|Shell|
BP|Gazprom|Pfizer|Moderna"""
)
VERBS = _options(
    """demands|rejects|proposes|approves|announces|plans|delays|cancels|extends|suspends|
confirms|denies|calls for|warns of|agrees to|threatens|launches|halts|imposes|lifts|
blocks|backs|criticises|welcomes|investigates|pledges"""
)
OBJECTS = _options(
    """new sanctions on Russian oil|a ceasefire in Gaza|talks on a peace deal|
a cut in interest rates|a rise in interest rates|tariffs on Chinese electric vehicles|
military aid to Ukraine|
a ban on TikTok|new rules for artificial intelligence|a windfall tax on energy companies|
a review of the defence budget|an increase in the minimum wage|the sale of fighter jets|
a grain export corridor|new limits on migration|a carbon border tax|the closure of coal plants|
a merger with its largest rival|job cuts at its European plants|a recall of two million cars|
a probe into market abuse|a referendum on independence|early elections|a state of emergency|
a prisoner exchange|security guarantees for Kyiv|the expansion of NATO|relief from sanctions|
the return of frozen assets|debt relief for poor countries|a global minimum tax|
a halt to arms exports|new nuclear power plants|a ban on petrol cars|a ceiling on gas prices|
stricter rules for banks|an inquiry into the attack|aid for flood victims|
a deal on grain exports|new oil drilling licences"""
)
PLACES = _options(
    """Ukraine|Gaza|the Red Sea|Taiwan|the South China Sea|Sudan|Syria|Lebanon|Iran|Venezuela|
Brussels|Berlin|Paris|London|Washington|Beijing|Moscow|Kyiv|Tokyo|New Delhi|Brasilia|Ankara|
Warsaw|the Baltic states|the Arctic|West Africa|the Sahel|Latin America|Europe|Asia"""
)
TIMES = _options(
    """on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|this week|next month|
by the end of the year|in 2025|in 2026|within 30 days|after talks in Geneva|at a summit in
Brussels|ahead of the election|despite protests"""
)
EVENTS = _options("an earthquake|floods|a landslide|an air strike|a drone attack|a fire")
SWAPS = {
    "demands": "wants",
    "rejects": "refuses",
    "announces": "unveils",
    "plans": "is planning",
    "calls for": "urges",
    "halts": "stops",
    "expansion": "enlargement",
    "talks": "negotiations",
    "deal": "agreement",
    "ceasefire": "truce",
}


FIRST = _options(
    """Anna|Boris|Carlos|Dmitri|Elena|Fatima|Georg|Hana|Ivan|Julia|Kenji|Lena|Marco|Nadia|Omar|
Pavel|Quentin|Rosa|Sergei|Tomas|Ulrike|Viktor|Wei|Ximena|Yusuf|Zofia|Ahmed|Bianca|Chen|Diego|
Eva|Farid|Greta|Hugo|Ines|Jonas|Katya|Luis|Maria|Nikolai|Olga|Pedro|Rania|Stefan|Tariq|Ursula"""
)
LAST = _options(
    """Novak|Petrov|Garcia|Schmidt|Rossi|Kowalski|Tanaka|Haddad|Silva|Dubois|Jensen|Moreau|Ivanova|
Kim|Nguyen|Okafor|Larsen|Horvat|Costa|Yilmaz|Fischer|Popescu|Andersson|Kovacs|Lindqvist|Mendes|
Bauer|Sato|Romano|Nowak|Vidal|Keller|Markovic|Hoffmann|Castillo|Berg|Aziz|Weber|Ferrari|Molina|
Richter|Santos|Wagner|Varga|Lopez|Kaur|Mehta|Osei|Abe|Volkov|Haas|Rahman|Pereira|Engel|Sokolov"""
)
CITIES = _options(
    """Kharkiv|Odesa|Lviv|Dnipro|Zaporizhzhia|Kherson|Mykolaiv|Belgorod|Kursk|Rostov|Krasnodar|
Sevastopol|Donetsk|Luhansk|Gdansk|Krakow|Wroclaw|Hamburg|Munich|Cologne|Leipzig|Lyon|Marseille|
Toulouse|Milan|Naples|Turin|Barcelona|Valencia|Seville|Porto|Lisbon|Rotterdam|Antwerp|Vienna|
Prague|Budapest|Bucharest|Sofia|Athens|Istanbul|Izmir|Beirut|Haifa|Rafah|Khan Younis|Aden|
Hodeidah|Khartoum|Darfur|Lagos|Nairobi|Addis Ababa|Kinshasa|Johannesburg|Cairo|Tunis|Mumbai|
Chennai|Karachi|Lahore|Dhaka|Jakarta|Manila|Hanoi|Bangkok|Seoul|Busan|Osaka|Shanghai|Shenzhen|
Hong Kong|Taipei|Sydney|Melbourne|Auckland|Toronto|Vancouver|Montreal|Chicago|Houston|Phoenix|
Detroit|Atlanta|Miami|Denver|Seattle|Boston|Mexico City|Monterrey|Bogota|Lima|Santiago|
Buenos Aires|Sao Paulo|Rio de Janeiro|Caracas|Quito|Havana|Kingston|Reykjavik|Oslo|Helsinki|
Tallinn|Riga|Vilnius|Minsk|Tbilisi|Yerevan|Baku|Almaty|Tashkent|Kabul|Tehran|Baghdad|Damascus"""
)
COMPANY_PARTS = (
    _options("Nordhaven|Aster|Baltic|Crescent|Delta|Everline|Fjord|Granite|Helix|Ion|Juniper|"
             "Kestrel|Lumen|Meridian|Nova|Orion|Pioneer|Quantum|Redwood|Sterling"),
    _options("Energy|Motors|Airlines|Steel|Pharma|Bank|Telecom|Shipping|Foods|Chemicals|"
             "Mining|Semiconductors|Insurance|Logistics|Retail"),
)  # fmt: skip
PRODUCTS = _options(
    """electric vehicles|solar panels|steel|aluminium|wheat|fertiliser|semiconductors|drones|
natural gas|crude oil|coal|copper|lithium|rice|coffee|cocoa|pharmaceuticals|fighter jets|
artillery shells|air defence systems|tanks|batteries|wind turbines|smartphones|timber"""
)
MONTHS = _options("January|February|March|April|May|June|July|August|September|October|November")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _company(rng: random.Random) -> str:
    return f"{rng.choice(COMPANY_PARTS[0])} {rng.choice(COMPANY_PARTS[1])}"


def _date(rng: random.Random) -> str:
    return f"on {rng.choice(MONTHS)} {rng.randint(1, 28)}"


def claim_text(rng: random.Random) -> tuple[str, str | None]:
    """One generated news claim and its claimant.

    Claims mix a small common vocabulary (leaders, institutions, verbs, policy objects) with the
    long tail real claims have: people, companies, cities, numbers and dates.
    """
    roll = rng.random()
    if roll < 0.15:
        return (
            f"At least {rng.randint(2, 400)} people were killed in {rng.choice(EVENTS)} in "
            f"{rng.choice(CITIES)} {_date(rng)}.",
            None,
        )
    if roll < 0.3:
        company = _company(rng)
        return (
            f"{company} will cut {rng.randint(2, 90) * 100} jobs at its {rng.choice(CITIES)} "
            f"plant by {rng.choice([2025, 2026, 2027, 2028])}.",
            company,
        )
    if roll < 0.45:
        actor = rng.choice(BODIES)
        return (
            f"{actor[0].upper() + actor[1:]} {rng.choice(VERBS)} tariffs of "
            f"{rng.choice([5, 10, 15, 20, 25, 35, 50, 100])}% on {rng.choice(PRODUCTS)} from "
            f"{rng.choice(PLACES)} {_date(rng)}.",
            None,
        )
    if roll < 0.6:
        speaker = _person(rng)
        return (
            f"{speaker} says {rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"after talks in {rng.choice(CITIES)}.",
            speaker,
        )
    actor = rng.choice(PEOPLE) if roll < 0.8 else rng.choice(BODIES)
    sentence = f"{actor} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    sentence += f" in {rng.choice(CITIES)}" if rng.random() < 0.6 else f" in {rng.choice(PLACES)}"
    sentence += f" {rng.choice(TIMES)}." if rng.random() < 0.5 else f" {_date(rng)}."
    claimant = actor if actor in PEOPLE else None
    return sentence[0].upper() + sentence[1:], claimant


def paraphrase(text: str, rng: random.Random) -> str:
    """A rewording a second outlet might use: a synonym swapped, a time phrase dropped."""
    for word, other in SWAPS.items():
        if word in text and rng.random() < 0.7:
            text = text.replace(word, other, 1)
    for when in TIMES:
        if text.endswith(f" {when}.") and rng.random() < 0.5:
            text = text[: -len(when) - 2] + "."
    return text


def fill(engine: Engine, count: int, rng: random.Random) -> int:
    """Insert `count` distinct claims through the schema (the full-text triggers fire)."""
    now = datetime.now(UTC)
    seen: set[str] = set()
    rows: list[dict[str, object]] = []
    made = 0
    with engine.begin() as connection:
        while made < count:
            text_, claimant = claim_text(rng)
            key = fingerprint(text_, claimant)
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                {"text": text_, "claimant": claimant, "fingerprint": key, "created_at": now,
                 "updated_at": now}
            )  # fmt: skip
            made += 1
            if len(rows) == 5000:
                connection.execute(insert(Claim), rows)
                rows = []
        if rows:
            connection.execute(insert(Claim), rows)
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE"))
        else:
            connection.execute(text("INSERT INTO claim_search(claim_search) VALUES ('optimize')"))
    return made


@contextmanager
def database(postgresql_admin_url: str | None) -> Iterator[str]:
    """A fresh database at the schema head, removed afterwards."""
    with (
        tempfile.TemporaryDirectory() as folder,
        scratch_database(
            sqlite_directory=Path(folder),
            postgresql_admin_url=postgresql_admin_url,
            prefix="corroborate_bench",
        ) as url,
    ):
        yield url


class AnyWordMatcher(LexicalMatcher):
    """The peer: candidates from *any* content word of the text (the first implementation)."""

    def _candidate_queries(self, session: Session, text: str) -> list[tuple[list[Term], Mode]]:
        terms = parse(" ".join(content_words(text)[:MAX_TERMS]))
        return [(terms, "any")] if terms else []


def time_matcher(
    engine: Engine,
    matcher: LexicalMatcher,
    queries: list[tuple[str, str | None]],
    after_warm_up: Callable[[], None] = lambda: None,
) -> tuple[list[float], int]:
    """Milliseconds per text after ten warm-up texts, and how many best candidates link."""
    timings: list[float] = []
    linked = 0
    with Session(engine) as session:
        for text_, claimant in queries[:10]:
            matcher.match(session, text=text_, claimant=claimant)
        after_warm_up()
        for text_, claimant in queries:
            started = time.perf_counter()
            candidates = matcher.match(session, text=text_, claimant=claimant, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
            linked += bool(candidates) and candidates[0].score >= matcher.link
    return timings, linked


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# --- The hybrid matcher: claim vectors, the vector index, a serving process -----------------

EMBED_BATCH = 256  # texts per call when the stored claims are embedded (throughput figure)
NOISE = 0.02  # per-component standard deviation of the noise on derived vectors (see below)
VECTOR_WRITE_BATCH = 20_000


def stored_texts(engine: Engine, count: int) -> list[tuple[int, str, str | None]]:
    """The first `count` claims: (id, text, claimant)."""
    with engine.connect() as connection:
        return [
            (row.id, row.text, row.claimant)
            for row in connection.execute(
                text("SELECT id, text, claimant FROM claim ORDER BY id LIMIT :n"), {"n": count}
            )
        ]


def store_embeddings(
    engine: Engine, embedder: Embedder, *, budget: int, latency_texts: int, seed: int
) -> dict[str, float]:
    """Fill `claim_embedding` for every claim, with bulk inserts (not the ORM's flush hook).

    The first `budget` claims (by id) are embedded with the real model, in batches of
    EMBED_BATCH, which gives the throughput figure. Every other row stores a *derived* vector:
    the vector of a randomly chosen really-embedded claim plus gaussian noise (NOISE per
    component), renormalised. It is not the embedding of its own text: embedding 1M texts at
    tens of texts per second would take hours on the benchmark machine. What such vectors keep
    is what the index's speed depends on: the dimension, unit length, and a clustered
    distribution drawn from the model's own output.
    """
    claims = stored_texts(engine, budget)
    texts = [text_ for _, text_, _ in claims]
    real = np.empty((len(texts), embedder.dim), dtype=np.float32)
    started = time.perf_counter()
    for start in range(0, len(texts), EMBED_BATCH):
        real[start : start + EMBED_BATCH] = embedder.embed(texts[start : start + EMBED_BATCH])
    embed_seconds = time.perf_counter() - started
    # Single texts, one call each, as a request embeds its query: texts the embedder has not
    # seen (its cache would answer a repeated one).
    rng = random.Random(seed + 1)
    known = set(texts)
    singles: list[float] = []
    while len(singles) < latency_texts:
        candidate, _ = claim_text(rng)
        if candidate in known:
            continue
        known.add(candidate)
        started = time.perf_counter()
        embedder.embed([candidate])
        singles.append((time.perf_counter() - started) * 1000)

    noise = np.random.default_rng(seed)
    model = embedder.model_id
    started = time.perf_counter()
    derived = 0
    cosines: list[float] = []
    with engine.begin() as connection:
        ids = [row[0] for row in connection.execute(text("SELECT id FROM claim ORDER BY id"))]
        for start in range(0, len(ids), VECTOR_WRITE_BATCH):
            chunk = ids[start : start + VECTOR_WRITE_BATCH]
            vectors = np.empty((len(chunk), embedder.dim), dtype=np.float32)
            head = max(0, min(len(chunk), len(real) - start))  # rows that have a real vector
            vectors[:head] = real[start : start + head]
            if head < len(chunk):
                sources = noise.integers(0, len(real), size=len(chunk) - head)
                made = real[sources] + noise.normal(0.0, NOISE, (len(sources), embedder.dim))
                made /= np.linalg.norm(made, axis=1, keepdims=True)
                vectors[head:] = made
                derived += len(sources)
                if not cosines:
                    cosines = list(np.einsum("ij,ij->i", made, real[sources])[:1000])
            blobs = vectors.astype("<f2")
            rows = [(claim_id, model, blobs[i].tobytes()) for i, claim_id in enumerate(chunk)]
            write_vectors(connection, rows)
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE claim_embedding"))
    return {
        "real": float(len(real)),
        "derived": float(derived),
        "embed_seconds": embed_seconds,
        "throughput": len(real) / embed_seconds if embed_seconds else 0.0,
        "single_p50": statistics.median(singles) if singles else 0.0,
        "single_p90": percentile(singles, 0.9) if singles else 0.0,
        "derived_cosine": float(np.mean(cosines)) if cosines else 0.0,
        "write_seconds": time.perf_counter() - started,
        "rows": float(len(ids)),
    }


def write_vectors(connection: Connection, rows: list[tuple[int, str, bytes]]) -> None:
    """Bulk-insert embedding rows: COPY (binary) on PostgreSQL, executemany on SQLite."""
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(
            "COPY claim_embedding (claim_id, model, vector) FROM STDIN (FORMAT BINARY)"
        ) as copy:
            copy.set_types(["int4", "varchar", "bytea"])
            for row in rows:
                copy.write_row(row)
        return
    connection.exec_driver_sql(
        "INSERT INTO claim_embedding (claim_id, model, vector) VALUES (?, ?, ?)", rows
    )


def memory() -> dict[str, float]:
    """This process's resident set now (VmRSS) and at its peak (VmHWM), and ru_maxrss, in MiB.

    ru_maxrss survives exec on Linux: a child started from a big process reports at least the
    parent's size, so the serving process is started before the data is made (`main`), and
    VmHWM, its own peak, is the figure to read.
    """
    status = {
        line.split(":")[0]: int(line.split()[1]) / 1024
        for line in Path("/proc/self/status").read_text().splitlines()
        if line.startswith(("VmRSS:", "VmHWM:"))
    }
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"vm_rss": status["VmRSS"], "vm_hwm": status["VmHWM"], "max_rss": peak}


class TimedEmbedder:
    """The real embedder, with the time and texts of each call recorded (nothing cached here)."""

    def __init__(self, embedder: Embedder, clock: dict[str, float]) -> None:
        self.model_id = embedder.model_id
        self.dim = embedder.dim
        self._embedder = embedder
        self._clock = clock

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        started = time.perf_counter()
        try:
            return self._embedder.embed(texts)
        finally:
            self._clock["embedding"] += time.perf_counter() - started
            self._clock["texts_embedded"] += len(texts)


def timed(function: Callable[..., Any], clock: dict[str, float], name: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            clock[name] += time.perf_counter() - started

    return wrapper


PARTS = ("embedding", "vector_search", "index_sync", "full_text", "candidate_rows")


def serve_and_time(
    url: str,
    warm_up: list[tuple[str, str | None]],
    queries: list[tuple[str, str | None]],
    index_path: str,
    peer_queries: int,
    build: bool = True,
) -> dict[str, Any]:
    """What a fresh serving process does, measured: build the vector index from the table
    (unless `build` is false), save it, load it back, then match each query (its embedding
    computed by the model, inside the timed call). Runs in a child process, so that its RSS is
    a server's, not the filler's.
    """
    settings = Settings(database_url=url, matcher="hybrid", vector_index_path=None)
    engine = create_db_engine(settings)
    result: dict[str, Any] = {"memory_start": memory()}
    if build:
        built = build_matcher(settings)
        assert isinstance(built, HybridMatcher)
        with Session(engine) as session:
            started = time.perf_counter()
            index = built.vectors.index(session)
            result["build_seconds"] = time.perf_counter() - started
            result["indexed"] = len(index)
            result["memory_built"] = memory()
            started = time.perf_counter()
            index.save(Path(index_path))
            result["save_seconds"] = time.perf_counter() - started
        result["index_bytes"] = Path(index_path).stat().st_size
        built.vectors.forget()
        del index, built
        gc.collect()

    # The server's start with CLAIMS_VECTOR_INDEX_PATH: load the file, catch up from the table.
    clock: dict[str, float] = dict.fromkeys((*PARTS, "texts_embedded"), 0.0)
    embedder = TimedEmbedder(load_embedder(settings.embedding_model), clock)
    store = ClaimVectors(embedder, index_path=Path(index_path))
    matcher = HybridMatcher(
        vectors=store,
        lexical=LexicalMatcher(candidates=settings.match_candidates),
        vector_candidates=settings.match_candidates,
    )
    with Session(engine) as session:
        started = time.perf_counter()
        index = store.index(session)
        result["load_seconds"] = time.perf_counter() - started
        result["loaded"] = len(index)
    index.search = timed(index.search, clock, "vector_search")  # type: ignore[method-assign]
    index.sync = timed(index.sync, clock, "index_sync")  # type: ignore[method-assign]
    matcher.lexical.candidate_rows = timed(  # type: ignore[method-assign]
        matcher.lexical.candidate_rows, clock, "full_text"
    )

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        conn.info["query_started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "JOIN claim_embedding" in statement:  # the candidates' rows and stored vectors
            clock["candidate_rows"] += time.perf_counter() - conn.info["query_started"]

    link = matcher.link
    timings: list[float] = []
    parts: dict[str, list[float]] = {part: [] for part in PARTS}
    linked = 0
    load = [os.getloadavg()[0]]
    with Session(engine) as session:
        for text_, claimant in warm_up:
            matcher.match(session, text=text_, claimant=claimant)
        for text_, claimant in queries:
            for part in (*PARTS, "texts_embedded"):
                clock[part] = 0.0
            started = time.perf_counter()
            candidates = matcher.match(session, text=text_, claimant=claimant, limit=10)
            timings.append((time.perf_counter() - started) * 1000)
            # Only the query was embedded (every candidate had its stored vector); the model
            # computed it, since no text repeats another or a warm-up one in this fresh process.
            assert clock["texts_embedded"] == 1, clock
            for part in PARTS:
                parts[part].append(clock[part] * 1000)
            linked += bool(candidates) and candidates[0].score >= link
            if len(timings) % 50 == 0:
                load.append(os.getloadavg()[0])
        load.append(os.getloadavg()[0])
        peer: list[float] = []
        if peer_queries:
            lexical = LexicalMatcher(candidates=settings.match_candidates)
            for text_, claimant in queries[:peer_queries]:
                started = time.perf_counter()
                lexical.match(session, text=text_, claimant=claimant, limit=10)
                peer.append((time.perf_counter() - started) * 1000)
    result.update(
        timings=timings,
        parts=parts,
        linked=linked,
        peer=peer,
        load=load,
        memory_end=memory(),
        omp={
            key: os.environ[key] for key in sorted(os.environ) if key.startswith(("OMP_", "GOMP"))
        },
    )
    engine.dispose()
    return result


def distinct_queries(
    stored: list[tuple[int, str, str | None]], count: int, rng: random.Random
) -> list[tuple[str, str | None]]:
    """`count` texts no two of which embed alike (so none is answered from the embedder's
    cache): two thirds paraphrases of stored claims, one third generated (most likely unseen)."""
    queries: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    while len(queries) < count:
        if len(queries) % 3 == 2:
            candidate = claim_text(rng)
        else:
            _, stored_text, claimant = rng.choice(stored)
            candidate = (paraphrase(stored_text, rng), claimant)
        key = normalise_news(candidate[0])
        if key not in seen:
            seen.add(key)
            queries.append(candidate)
    return queries


def run_hybrid(
    args: argparse.Namespace, engine: Engine, url: str, folder: str, pool: ProcessPoolExecutor
) -> None:
    rng = random.Random(args.seed + 2)
    embedder = load_embedder(Settings().embedding_model)
    budget = min(args.embed_budget, args.claims)
    started = time.perf_counter()
    vectors = store_embeddings(
        engine, embedder, budget=budget, latency_texts=args.latency_texts, seed=args.seed
    )
    vector_seconds = time.perf_counter() - started
    # Paraphrases of claims that have a real embedding, so the vector neighbours mean something.
    stored = stored_texts(engine, min(5000, budget))
    texts = distinct_queries(stored, args.queries + 10, rng)
    warm_up, queries = texts[:10], texts[10:]
    index_path = args.index_path or str(Path(folder) / "claim-vectors.usearch")
    served = pool.submit(
        serve_and_time, url, warm_up, queries, index_path, args.peer_queries
    ).result()
    report_hybrid(args, engine, vectors, vector_seconds, served)
    for setting in args.compare_env:
        # The same texts in another fresh process with extra environment (e.g. OpenMP's wait
        # policy, read when the embedding engine's library loads): it loads the saved index.
        name, _, value = setting.partition("=")
        before = os.environ.get(name)
        os.environ[name] = value
        try:
            with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as other:
                again = other.submit(
                    serve_and_time, url, warm_up, queries, index_path, 0, False
                ).result()
        finally:
            if before is None:
                del os.environ[name]
            else:
                os.environ[name] = before
        print(f"--- the same texts in a serving process with {setting}:")
        report_timings(again)


def report_hybrid(
    args: argparse.Namespace,
    engine: Engine,
    vectors: dict[str, float],
    vector_seconds: float,
    served: dict[str, Any],
) -> None:
    print(f"matcher: hybrid ({Settings().embedding_model}, usearch HNSW i8)")
    print(
        f"embedding throughput: {vectors['throughput']:.1f} claims/s (batches of {EMBED_BATCH}, "
        f"{vectors['real']:.0f} claims in {vectors['embed_seconds']:.0f} s); single text: "
        f"median {vectors['single_p50']:.1f} ms, p90 {vectors['single_p90']:.1f} ms "
        f"({args.latency_texts} texts)"
    )
    print(
        f"claim vectors: {vectors['rows']:.0f} rows in claim_embedding (float16); "
        f"{vectors['real']:.0f} are the real model's embeddings of their claim's text, the other "
        f"{vectors['derived']:.0f} are DERIVED: a randomly chosen real vector + gaussian noise "
        f"(sd {NOISE} per component), renormalised (mean cosine to its source "
        f"{vectors['derived_cosine']:.3f}), not the embedding of their own text; written with "
        f"{'COPY' if engine.dialect.name == 'postgresql' else 'executemany'} in "
        f"{vectors['write_seconds']:.0f} s ({vector_seconds:.0f} s with the embedding)"
    )
    mib = 1024 * 1024
    built, end = served["memory_built"], served["memory_end"]
    print(
        f"vector index: {served['indexed']} vectors built from the table in "
        f"{served['build_seconds']:.1f} s; saved in {served['save_seconds']:.1f} s "
        f"({served['index_bytes'] / mib:.0f} MiB); loaded + caught up in "
        f"{served['load_seconds']:.1f} s ({served['loaded']} vectors)"
    )
    print(
        f"serving process RSS: {served['memory_start']['vm_rss']:.0f} MiB at start; with the "
        f"index built from the table VmRSS {built['vm_rss']:.0f} MiB, VmHWM "
        f"{built['vm_hwm']:.0f} MiB, ru_maxrss {built['max_rss']:.0f} MiB; after the timed texts "
        f"on the loaded index VmRSS {end['vm_rss']:.0f} MiB, VmHWM {end['vm_hwm']:.0f} MiB, "
        f"ru_maxrss {end['max_rss']:.0f} MiB"
    )
    report_timings(served)


def report_timings(served: dict[str, Any]) -> None:
    timings: list[float] = served["timings"]
    print(
        f"queries: {len(timings)} ({len(timings) - len(timings) // 3} paraphrases of claims with "
        f"a real embedding), each query's embedding computed by the model inside the timed call"
    )
    print(
        f"match(): p50 {statistics.median(timings):.1f} ms, p90 {percentile(timings, 0.9):.1f} "
        f"ms, p99 {percentile(timings, 0.99):.1f} ms, mean {statistics.mean(timings):.1f} ms"
    )
    parts = served["parts"]
    rest = [total - sum(parts[part][i] for part in PARTS) for i, total in enumerate(timings)]
    shown = {
        "query embedding": parts["embedding"],
        "vector search": parts["vector_search"],
        "index catch-up": parts["index_sync"],
        "full-text candidates": parts["full_text"],
        "candidate rows + vectors (SQL)": parts["candidate_rows"],
        "scoring (the rest)": rest,
    }
    print("per text, median / p90 / mean ms:")
    for name, values in shown.items():
        print(
            f"  {name}: {statistics.median(values):.1f} / {percentile(values, 0.9):.1f} / "
            f"{statistics.mean(values):.1f}"
        )
    print(f"best candidate at or above the link threshold: {served['linked']}/{len(timings)}")
    if served["peer"]:
        peer = served["peer"]
        print(
            f"lexical matcher, first {len(peer)} texts: median {statistics.median(peer):.1f} ms "
            f"vs {statistics.median(timings[: len(peer)]):.1f} ms hybrid"
        )
    load = ", ".join(f"{value:.1f}" for value in served["load"])
    print(f"load average (1 min) during the timed texts: {load}")
    print(f"OpenMP environment of the serving process: {served['omp'] or 'none set'}")
    if "build_seconds" not in served:
        print(f"loaded + caught up in {served['load_seconds']:.1f} s ({served['loaded']} vectors)")


def run_lexical(args: argparse.Namespace, engine: Engine, rng: random.Random) -> None:
    with Session(engine) as session:
        stored = [
            (row.text, row.claimant)
            for row in session.execute(
                text("SELECT text, claimant FROM claim ORDER BY id LIMIT 5000")
            )
        ]
    queries = []
    for i in range(args.queries):
        if i % 3 == 2:
            queries.append(claim_text(rng))  # most likely unseen
        else:
            stored_text, claimant = rng.choice(stored)
            queries.append((paraphrase(stored_text, rng), claimant))
    sql_seconds: dict[str, float] = {"count": 0.0, "candidates": 0.0}

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        conn.info["query_started"] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if "claim_search" in statement:
            kind = "count" if "count(" in statement else "candidates"
            sql_seconds[kind] += time.perf_counter() - conn.info["query_started"]

    matcher = LexicalMatcher(candidates=Settings().match_candidates)
    timings, found = time_matcher(
        engine, matcher, queries, lambda: sql_seconds.update(count=0.0, candidates=0.0)
    )
    per_query = {kind: total * 1000 / len(timings) for kind, total in sql_seconds.items()}
    peer: list[float] = []
    peer_found = 0
    if args.peer_queries:
        subset = queries[: args.peer_queries]
        peer, peer_found = time_matcher(
            engine, AnyWordMatcher(candidates=Settings().match_candidates), subset
        )
        mine = statistics.median(timings[: len(subset)])
    median = statistics.median(timings)
    print("matcher: lexical")
    print(
        f"queries: {len(timings)} ({len(timings) - len(timings) // 3} paraphrases of stored claims)"
    )
    print(
        f"match(): median {median:.1f} ms, p90 {percentile(timings, 0.9):.1f} ms, "
        f"p99 {percentile(timings, 0.99):.1f} ms, mean {statistics.mean(timings):.1f} ms"
    )
    print(
        f"of which, per text on average: candidate queries {per_query['candidates']:.1f} ms, "
        f"document-frequency counts {per_query['count']:.1f} ms (the rest is re-ranking)"
    )
    print(f"best candidate at or above the link threshold: {found}/{len(timings)}")
    if peer:
        print(
            f"peer (candidates from any word), first {len(peer)} texts: median "
            f"{statistics.median(peer):.1f} ms vs {mine:.1f} ms for the same texts "
            f"({statistics.median(peer) / mine:.1f}x); linked {peer_found}/{len(peer)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--matcher", choices=("hybrid", "lexical"), default="hybrid")
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgresql", metavar="ADMIN_URL", default=None)
    parser.add_argument(
        "--peer-queries",
        type=int,
        default=100,
        help="Texts also timed with the peer in the same run: the any-word matcher for "
        "--matcher lexical, the lexical matcher for hybrid (0: skip it).",
    )
    parser.add_argument(
        "--embed-budget",
        type=int,
        default=4096,
        help="hybrid: claims embedded with the real model; the others get derived vectors.",
    )
    parser.add_argument(
        "--latency-texts", type=int, default=50, help="hybrid: texts embedded one at a time."
    )
    parser.add_argument(
        "--compare-env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="hybrid: time the same texts again in a serving process with this environment "
        "variable set (e.g. OMP_WAIT_POLICY=passive); repeatable, one process each.",
    )
    parser.add_argument(
        "--index-path",
        default=None,
        help="hybrid: where the vector index is saved and loaded from (default: a temporary file).",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} at start",
        flush=True,
    )
    # The serving process starts now, while this one is small (see `memory`).
    pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
    pool.submit(gc.collect).result()
    with pool, database(args.postgresql) as url:
        # Filling is maintenance: no statement timeout (ANALYZE at 1M claims takes a while).
        engine = create_db_engine(Settings(database_url=url), statement_timeout_ms=0)
        started = time.perf_counter()
        made = fill(engine, args.claims, rng)
        backend = make_url(url).get_backend_name()
        print(
            f"database: {backend}, {made} claims (filled in {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        if args.matcher == "hybrid":
            with tempfile.TemporaryDirectory() as folder:
                run_hybrid(args, engine, url, folder, pool)
        else:
            run_lexical(args, engine, rng)
        engine.dispose()


if __name__ == "__main__":
    main()
