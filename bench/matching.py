"""Benchmark: matching one text against N stored claims (GET /v1/claims/match, ingest).

Builds a temporary database through the migrations (the schema, with its full-text index and
triggers), fills it with N generated news claims, then times `LexicalMatcher.match` for a mix of
query texts: paraphrases of stored claims (what ingest sees most) and unseen claims, after ten
warm-up texts. Reports the median, p90 and p99 in milliseconds, and the time spent in the
full-text queries. Nothing here runs in the test suite; results go to docs/matching.md.

    .venv/bin/python bench/matching.py                      # 100k claims, SQLite
    .venv/bin/python bench/matching.py --postgresql URL     # an *admin* URL; a database is
                                                            # created for the run and dropped
    .venv/bin/python bench/matching.py --claims 2000 --queries 20   # a smoke run
"""

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, insert, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from app.claims.models import Claim
from app.claims.search import MAX_TERMS, Mode, Term, parse
from app.claims.service import fingerprint
from app.core.config import Settings
from app.core.db import create_db_engine
from app.core.migrations import scratch_database
from app.matching.analysis import content_words
from app.matching.lexical import LexicalMatcher


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
            linked += bool(candidates) and candidates[0].score >= Settings().match_link
    return timings, linked


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgresql", metavar="ADMIN_URL", default=None)
    parser.add_argument(
        "--peer-queries",
        type=int,
        default=100,
        help="Texts timed with the any-word peer in the same run (0: skip it).",
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with database(args.postgresql) as url:
        engine = create_db_engine(Settings(database_url=url))
        started = time.perf_counter()
        made = fill(engine, args.claims, rng)
        fill_seconds = time.perf_counter() - started
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
        engine.dispose()
    median = statistics.median(timings)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    backend = make_url(url).get_backend_name()
    print(f"database: {backend}, {made} claims (filled in {fill_seconds:.0f} s)")
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


if __name__ == "__main__":
    main()
