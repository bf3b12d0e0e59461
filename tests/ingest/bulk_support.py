"""Helpers for the set-based engine's tests: random NDJSON, a dump of the database by natural
keys (ids differ between runs on PostgreSQL, whose sequences a rollback does not rewind), and
the answers reduced to what must agree between the engine and the one-line path."""

import json
import random
import re
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import text

from app.ingest.models import BatchLine
from tests.factories import T0

OUTLETS = [
    {"slug": "wire", "name": "Wire Press", "domain": "wire.example", "kind": "wire_agency"},
    {"slug": "daily", "name": "The Daily", "domain": "daily.example", "kind": "newspaper"},
    {"slug": "herald", "name": "Herald", "domain": None, "kind": "newspaper"},
    {"slug": "radio", "name": "Radio One", "domain": "radio.example", "kind": "broadcaster"},
    {"slug": "daily-two", "name": "Daily Two", "domain": "daily.example", "kind": "online"},
]
CLAIMS = [
    "The port strike in Rotterdam ended after nine days.",
    "the port strike in rotterdam ended after nine days",  # same fingerprint
    "The Rotterdam port strike ended after nine days of talks.",  # a paraphrase
    "Inflation in Norway fell to 3.1 percent in March.",
    "Norway's inflation fell to 3.1% in March.",
    "The mayor of Lyon resigned on Tuesday.",
    "The mayor of Lyon did not resign on Tuesday.",
    "Heavy rain closed the Brenner pass for two days.",
    "A new bridge over the Danube opened in Vienna.",
    "The central bank raised rates by 25 basis points.",
]
TITLES = ["Strike ends", "Inflation falls", "Mayor resigns", "Rain closes pass", "Bridge opens"]


def random_lines(seed: int, count: int) -> list[str]:
    """NDJSON lines that exercise every rule: re-sends, duplicate URLs, other outlets' URLs,
    near and exact duplicate claims, stated origins (earlier, later, unknown), shared headlines,
    bodies with credits, bad JSON and invalid payloads."""
    rng = random.Random(seed)
    lines: list[str] = []
    urls: list[str] = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.04:
            lines.append('{"outlet": {"slug": "x"}, "article": ')
            continue
        if roll < 0.07:
            lines.append(json.dumps({"outlet": {"slug": "x", "name": "X"}, "article": {}}))
            continue
        if roll < 0.15 and lines:
            lines.append(rng.choice(lines))  # a re-send (or a bad line again)
            continue
        outlet = dict(rng.choice(OUTLETS))
        if outlet["domain"] is None:
            del outlet["domain"]
        url = rng.choice(urls) if urls and rng.random() < 0.15 else f"https://n.example/{n}"
        urls.append(url)
        article: dict[str, Any] = {
            "url": url,
            "title": rng.choice(TITLES) if rng.random() < 0.3 else f"Story {n}",
            "published_at": (T0 + timedelta(hours=rng.randint(0, 96))).isoformat(),
        }
        if rng.random() < 0.1:
            article["body"] = ("Words of the story go here and on. " * 12) + " (Wire Press)"
        if rng.random() < 0.05:
            article["author"] = "Wire Press"
        claims = []
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            claim: dict[str, Any] = {"text": rng.choice(CLAIMS)}
            if rng.random() < 0.2:
                claim["claimant"] = rng.choice(["Port authority", "Statistics Norway"])
            if rng.random() < 0.2:
                claim["stance"] = rng.choice(["supports", "disputes"])
            if rng.random() < 0.2:
                claim["quote"] = "as it was said"
            if rng.random() < 0.1:
                claim["match"] = "exact"
            claims.append(claim)
        line: dict[str, Any] = {"outlet": outlet, "article": article, "claims": claims}
        if rng.random() < 0.2 and urls:
            line["origin"] = {
                "url": rng.choice([*urls, "https://n.example/never"]),
                "relation": rng.choice(["syndicates", "cites"]),
            }
        if rng.random() < 0.1:
            line["detect_copies"] = False
        lines.append(json.dumps(line))
    return lines


_ARTICLE_ID = re.compile(r"article \d+")
_DUMP = {
    "outlet": "SELECT slug, name, domain, kind, country, language, owner_group FROM outlet",
    "article": """
        SELECT a.url, o.slug, a.title, a.published_at, a.author, a.language, r.url,
               a.body_simhash, a.credit, a.credit_name, a.headline_key, a.body_sentences
          FROM article a JOIN outlet o ON o.id = a.outlet_id
          LEFT JOIN article r ON r.id = a.root_article_id""",
    "article_link": """
        SELECT a.url, o.url, l.relation, l.reason, l.provenance
          FROM article_link l JOIN article a ON a.id = l.article_id
          JOIN article o ON o.id = l.origin_article_id""",
    "claim": """
        SELECT c.fingerprint, c.text, c.claimant, c.claim_date, c.outlets_count,
               c.origins_count, c.articles_count, c.disputing_outlets_count,
               c.first_reported_at, fa.url, fo.slug, c.last_reported_at, m.fingerprint
          FROM claim c LEFT JOIN article fa ON fa.id = c.first_reported_article_id
          LEFT JOIN outlet fo ON fo.id = c.first_reported_outlet_id
          LEFT JOIN claim m ON m.id = c.merged_into""",
    "attribution": """
        SELECT c.fingerprint, a.url, t.stance, t.quote, t.sourcing
          FROM attribution t JOIN claim c ON c.id = t.claim_id
          JOIN article a ON a.id = t.article_id""",
    "claim_embedding": """
        SELECT c.fingerprint, e.model FROM claim_embedding e JOIN claim c ON c.id = e.claim_id""",
    # What either path queues for a person (app/review_queue): merge suggestions and copy
    # candidates, named by natural keys.
    "review_item": """
        SELECT r.kind, r.status, c.fingerprint, t.fingerprint, a.url, o.url, ro.slug,
               r.relation, r.score, r.reason
          FROM review_item r LEFT JOIN claim c ON c.id = r.claim_id
          LEFT JOIN claim t ON t.id = r.target_claim_id
          LEFT JOIN article a ON a.id = r.article_id
          LEFT JOIN article o ON o.id = r.origin_article_id
          LEFT JOIN outlet ro ON ro.id = r.outlet_id""",
    # The events either path records, but the count events: a chunk recounts once, so it
    # records one where line after line records several.
    "event": """
        SELECT e.type, c.fingerprint FROM event e LEFT JOIN claim c ON c.id = e.claim_id
         WHERE e.type NOT IN ('claim.corroboration_changed', 'claim.disputed')""",
}


def _without_ids(value: Any) -> Any:
    # Detected links' reasons name the other article by id.
    return _ARTICLE_ID.sub("article #", value) if isinstance(value, str) else value


# Each claim's full-text row: on SQLite its columns as written (the text, and the quotes in the
# order they were appended); on PostgreSQL the document's lexemes (their positions follow the
# order `string_agg` meets the quotes in, which neither path fixes).
_SEARCH = {
    "sqlite": """
        SELECT c.fingerprint, s.text, s.quotes FROM claim_search s
          LEFT JOIN claim c ON c.id = s.rowid""",
    "postgresql": """
        SELECT c.fingerprint, array_to_string(tsvector_to_array(s.document), ' ')
          FROM claim_search s LEFT JOIN claim c ON c.id = s.claim_id""",
}


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored row of the ingest tables, by natural keys, sorted."""
    statements = {**_DUMP, "claim_search": _SEARCH[engine.dialect.name]}
    with engine.connect() as connection:
        return {
            name: sorted(
                (tuple(map(_without_ids, row)) for row in connection.execute(text(sql))),
                key=lambda row: tuple((value is None, str(value)) for value in row),
            )
            for name, sql in statements.items()
        }


def fingerprints(engine: Engine) -> dict[int, str]:
    with engine.connect() as connection:
        return {r[0]: r[1] for r in connection.execute(text("SELECT id, fingerprint FROM claim"))}


def urls(engine: Engine) -> dict[int, str]:
    with engine.connect() as connection:
        return {r[0]: r[1] for r in connection.execute(text("SELECT id, url FROM article"))}


def answers(engine: Engine, lines: list[BatchLine]) -> list[Any]:
    """The answers with ids replaced by natural keys."""
    claim_keys = fingerprints(engine)
    article_urls = urls(engine)
    reduced: list[Any] = []
    for line in lines:
        if line.result is None:
            assert line.error is not None
            reduced.append((line.line, line.status, line.error.code))
            continue
        result = line.result
        reduced.append(
            (
                line.line,
                line.status,
                article_urls[result.article_id],
                result.outlet_created,
                result.article_created,
                result.changed,
                [
                    (
                        claim_keys[c.claim_id],
                        c.action.value,
                        None if c.match is None else (claim_keys[c.match.claim_id], c.match.score),
                        None if c.match is None else c.match.signals,
                        [(claim_keys[s.claim_id], s.score) for s in c.suggestions],
                    )
                    for c in result.claims
                ],
                None
                if result.origin is None
                else (result.origin.origin.url, result.origin.relation.value),
                sorted(article_urls[link.article_id] for link in result.copies),
                sorted((c.outlet, _without_ids(c.reason)) for c in result.copy_candidates),
                result.copy_candidates_total,
                None
                if result.credited_origin is None
                else (
                    result.credited_origin.outlet.slug,
                    result.credited_origin.relation.value,
                    result.credited_origin.evidence,
                    result.credited_origin.provenance.value,
                ),
            )
        )
    return reduced
