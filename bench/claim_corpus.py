"""The generated news claims the matching benches run on (bench/matching.py,
bench/review_search.py): the vocabulary and `claim_text`, `paraphrase`, `fill` (through the
schema, so the full-text triggers fire), a scratch `database`, and the claims' stored vectors
(`store_embeddings`: the first `budget` really embedded, the others derived; `write_vectors`).
"""

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.engine import Engine

from app.claims.service import fingerprint
from app.core.migrations import scratch_database
from app.matching.embedding import Embedder
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
