"""A plain search by relevance is one prepared statement (`_relevance_page`): its pages and
cursors must be exactly those of the general search statement, merged claims left out."""

import random
from typing import Any

import orjson
import pytest
from sqlalchemy import Engine
from sqlalchemy import text

from app.claims import listing
from app.claims.listing import ClaimFilters
from app.core.pagination import PageParams
from app.core.responses import json_bytes
from tests.factories import Factory

WORDS = ("sanctions", "minister", "oil", "embargo", "talks", "border", "vote", "grain")
QUERIES = ("sanctions", "oil embargo", '"oil embargo"', "sanc*", "vote OR talks", "nothing", "!!")


def _pages(engine: Engine, q: str) -> list[Any]:
    pages: list[Any] = []
    cursor = None
    with engine.connect() as connection:
        while True:
            page = listing.list_json(
                connection,
                filters=ClaimFilters(q=q),
                sort=None,
                page=PageParams(limit=3, cursor=cursor),
            )
            pages.append(orjson.loads(json_bytes(page)))  # items are orjson.Fragments
            cursor = page["next_cursor"]
            if cursor is None:
                return pages


def test_plain_search_pages_equal_the_general_statement(
    engine: Engine, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(4)
    claims = [
        factory.claim(text=" ".join(rng.choice(WORDS) for _ in range(rng.randrange(2, 7))))
        for _ in range(40)
    ]
    claims += [factory.claim(text=f"sanctions oil embargo {n}") for n in range(3)]
    merged = [claim.id for claim in claims[-3:]]  # they would match the first two queries
    with engine.begin() as connection:  # claims without attributions: a valid merged state
        connection.execute(
            text("UPDATE claim SET merged_into = :target WHERE id = :id"),
            [{"target": claims[0].id, "id": claim_id} for claim_id in merged],
        )
    seeking = [_pages(engine, q) for q in QUERIES]
    monkeypatch.setattr(listing, "_plain_search", lambda _filters, _sort: False)
    general = [_pages(engine, q) for q in QUERIES]
    assert seeking == general
    found = {item["id"] for pages in seeking for page in pages for item in page["items"]}
    assert found
    assert not found & set(merged)
    assert len(seeking[0]) > 2  # "sanctions" paged
