"""`q` on the claim list: ranked full-text search, combinable with every filter and sort."""

import math

import pytest
from fastapi.testclient import TestClient

from app.core.pagination import decode_cursor
from app.core.pagination import encode_cursor
from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory


def ids(client: TestClient, url: str = "/v1/claims", **params: object) -> list[int]:
    return [c["id"] for c in all_pages(client, url, **params)]


@pytest.fixture
def claims(factory: Factory) -> dict[str, int]:
    reuters = factory.outlet(slug="reuters")
    made = {
        "nato": factory.claim(
            text="Putin demands a written halt to NATO enlargement.", claimant="Vladimir Putin"
        ),
        "nato2": factory.claim(text="NATO enlargement must stop, NATO members are told."),
        "sanctions": factory.claim(text="Russia demands partial sanctions relief."),
        "assets": factory.claim(text="The question of frozen assets must be resolved."),
    }
    factory.attribute(
        made["assets"], factory.article(reuters, published_at=T0.isoformat()), quote="no NATO"
    )
    factory.attribute(made["nato"], factory.article(published_at=T0.isoformat()))
    return {key: claim.id for key, claim in made.items()}  # type: ignore[misc]


def test_q_searches_text_and_quotes_most_relevant_first(
    client: TestClient, claims: dict[str, int]
) -> None:
    found = ids(client, q="NATO")
    assert set(found) == {claims["nato"], claims["nato2"], claims["assets"]}
    assert found[-1] == claims["assets"]  # a quote weighs less than the claim text
    assert ids(client, q="NATO", sort="relevance") == found
    assert ids(client, q='"written halt"') == [claims["nato"]]
    assert ids(client, q='"halt written"') == []
    # rank functions differ between FTS5 (bm25) and PostgreSQL (ts_rank_cd): compare sets
    assert set(ids(client, q="enlarg*")) == {claims["nato"], claims["nato2"]}
    assert ids(client, q="sanction") == [claims["sanctions"]]
    assert ids(client, q="demands relief") == [claims["sanctions"]]


def test_q_combines_with_filters_and_other_sorts(
    client: TestClient, claims: dict[str, int]
) -> None:
    assert ids(client, q="NATO", outlet="reuters") == [claims["assets"]]
    assert ids(client, q="NATO", claimant="vladimir putin") == [claims["nato"]]
    assert ids(client, q="NATO", min_outlets=1, sort="-outlets") == [
        claims["nato"],
        claims["assets"],
    ]
    assert ids(client, q="NATO", sort="-outlets") == [
        claims["nato"],
        claims["assets"],
        claims["nato2"],
    ]
    assert ids(client, q="NATO", sort="first_reported_at") == [
        claims["nato"],
        claims["assets"],
        claims["nato2"],
    ]
    assert ids(client, q="NATO", collapse="none", sort="relevance") == ids(client, q="NATO")
    assert ids(client, "/v1/outlets/reuters/claims", q="NATO") == [claims["assets"]]
    assert ids(client, "/v1/outlets/reuters/claims", q="sanctions") == []


def test_relevance_needs_q(client: TestClient, claims: dict[str, int]) -> None:
    error = assert_error(
        client.get("/v1/claims", params={"sort": "relevance"}), 422, "relevance_needs_q"
    )
    assert error["details"] == [{"loc": ["query", "sort"]}]
    assert_error(
        client.get("/v1/claims", params={"sort": "relevance", "q": "  "}), 422, "relevance_needs_q"
    )
    assert ids(client, q="") == ids(client)  # a blank search box is no search


HOSTILE = [
    '"',
    "*",
    "NEAR(",
    "'; drop table claim; --",
    "a AND (b",
    "((((",
    '"unbalanced',
    "-",
    "OR",
]


def test_hostile_q_never_errors(client: TestClient, claims: dict[str, int]) -> None:
    for q in [*HOSTILE, "é*", "NEAR(a b)", "a:b ^c", "x" * 500]:
        for params in ({"q": q}, {"q": q, "sort": "relevance"}, {"q": q, "collapse": "none"}):
            response = client.get("/v1/claims", params=params)
            assert response.status_code == 200, (q, response.text)
    # NUL is refused in every URL, the same on both databases (PostgreSQL cannot store it).
    assert_error(client.get("/v1/claims", params={"q": "\x00"}), 422, "validation_error")
    assert client.get("/v1/claims", params={"q": "NEAR("}).json()["items"] == []
    assert client.get("/v1/claims", params={"q": '"'}).json()["items"] == []
    assert len(all_pages(client, "/v1/claims")) == 4  # nothing was dropped


def test_update_is_searchable_at_once(client: TestClient, claims: dict[str, int]) -> None:
    client.patch(f"/v1/claims/{claims['sanctions']}", json={"text": "Kremlin wants assets back."})
    assert ids(client, q="sanctions") == []
    assert ids(client, q="kremlin") == [claims["sanctions"]]


def test_relevance_cursor_pages_through_ties_exactly(client: TestClient, factory: Factory) -> None:
    # Equal documents rank equally: the claim id breaks ties, and the float rank in the
    # cursor must come back exact for the keyset to neither skip nor repeat.
    made = [factory.claim(text=f"Ceasefire talks resume, round {i}.") for i in range(7)]
    made += [
        factory.claim(text=f"Ceasefire ceasefire ceasefire talks, round {i}.") for i in range(3)
    ]
    full = ids(client, q="ceasefire talks", limit=200)
    assert sorted(full) == sorted(c.id for c in made)
    plain, repeated = [c.id for c in made[:7]], [c.id for c in made[7:]]
    # two groups of equal rank (which ranks higher differs between FTS5 and PostgreSQL),
    # each in ascending id order
    assert full in (plain + repeated, repeated + plain)
    for limit in (1, 2, 3, 6):
        assert ids(client, q="ceasefire talks", limit=limit) == full
    cursor = client.get("/v1/claims", params={"q": "ceasefire", "limit": 1}).json()["next_cursor"]
    assert_error(
        client.get("/v1/claims", params={"q": "talks", "cursor": cursor}), 422, "invalid_cursor"
    )


@pytest.mark.parametrize("value", [0.1, 1 / 3, 5e-324, 1.7976931348623157e308, -2.5e-7, 12.0])
def test_float_cursor_keys_round_trip_exactly(value: float) -> None:
    token = encode_cursor("k", [value, 7])
    decoded = decode_cursor(token, "k", (float, int))
    assert decoded == [value, 7]
    assert math.copysign(1, decoded[0]) == math.copysign(1, value)
