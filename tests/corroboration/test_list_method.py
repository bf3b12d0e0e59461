"""The claim list under a chosen method: counts, count filters and sorts follow the method."""

import random
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.claims import listing
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.core.pagination import PageParams
from app.core.unit_of_work import transaction
from app.corroboration.method import method
from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def test_as_of_lists_claims_reported_by_then_with_their_counts_then(
    client: TestClient, factory: Factory
) -> None:
    early, late, never = factory.claim(), factory.claim(), factory.claim()
    factory.attribute(early, factory.article(published_at=at(0)))
    factory.attribute(late, factory.article(published_at=at(1)))
    for hours in (10, 11, 12):  # `late` overtakes `early` after hour 10
        factory.attribute(late, factory.article(published_at=at(hours)))
    now = [c["id"] for c in client.get("/v1/claims").json()["items"]]
    assert now == [late.id, early.id, never.id]
    then = client.get("/v1/claims", params={"as_of": at(2)}).json()["items"]
    assert [(c["id"], c["corroboration"]["outlets"]) for c in then] == [
        (early.id, 1),
        (late.id, 1),
    ]
    assert {c["corroboration"]["method"]["as_of"] for c in then} == {"2025-05-29T11:00:00Z"}
    assert [
        c["id"] for c in client.get("/v1/claims", params={"as_of": at(-1)}).json()["items"]
    ] == []
    # count filters use the counts under the method
    assert [c["id"] for c in all_pages(client, "/v1/claims", as_of=at(11), min_outlets=3)] == [
        late.id
    ]
    assert [c["id"] for c in all_pages(client, "/v1/claims", min_outlets=3)] == [late.id]
    assert all_pages(client, "/v1/claims", as_of=at(10), min_outlets=3) == []


def test_a_claim_only_disputed_so_far_is_listed_as_of_then_as_it_is_now(
    client: TestClient, factory: Factory
) -> None:
    disputed, reported = factory.claim(), factory.claim()
    factory.attribute(disputed, factory.article(published_at=at(1)), stance="disputes")
    factory.attribute(disputed, factory.article(published_at=at(30)))  # reported much later
    factory.attribute(reported, factory.article(published_at=at(0)))
    then = client.get("/v1/claims", params={"as_of": at(5)}).json()["items"]
    assert sorted(
        (c["id"], c["corroboration"]["outlets"], c["corroboration"]["disputing_outlets"])
        for c in then
    ) == sorted([(disputed.id, 0, 1), (reported.id, 1, 0)])
    detail = client.get(f"/v1/claims/{disputed.id}", params={"as_of": at(5)}).json()
    assert detail["corroboration"]["disputing_outlets"] == 1
    assert [
        c["id"] for c in client.get("/v1/claims", params={"as_of": at(0.5)}).json()["items"]
    ] == [reported.id]


def test_collapse_changes_the_order(client: TestClient, factory: Factory) -> None:
    wire_heavy, independent = factory.claim(), factory.claim()
    story = factory.article(published_at=at(0))
    factory.attribute(wire_heavy, story)
    for hours in (1, 2, 3):
        copy = factory.article(published_at=at(hours))
        factory.link(copy, story)
        factory.attribute(wire_heavy, copy)
    for hours in (1, 2):
        factory.attribute(independent, factory.article(published_at=at(hours)))
    by_origins = [
        (c["id"], c["corroboration"]["independent_origins"])
        for c in client.get("/v1/claims", params={"sort": "-independent_origins"}).json()["items"]
    ]
    assert by_origins == [(independent.id, 2), (wire_heavy.id, 1)]
    none = [
        (c["id"], c["corroboration"]["independent_origins"])
        for c in client.get(
            "/v1/claims", params={"sort": "-independent_origins", "collapse": "none"}
        ).json()["items"]
    ]
    assert none == [(wire_heavy.id, 4), (independent.id, 2)]


SORTS = [
    "-outlets",
    "-independent_origins",
    "first_reported_at",
    "-first_reported_at",
    "-last_reported_at",
]


def test_live_cursor_paging_never_skips_or_repeats(client: TestClient, factory: Factory) -> None:
    rng = random.Random(4)
    outlets = [factory.outlet(owner_group=rng.choice(["G", None])) for _ in range(4)]
    articles = [
        factory.article(rng.choice(outlets), published_at=at(rng.randrange(6))) for _ in range(8)
    ]
    claims = [factory.claim() for _ in range(15)]
    for claim in claims:
        for article in rng.sample(articles, rng.randrange(0, 4)):
            factory.attribute(claim, article)
    for sort in SORTS:
        params = {"sort": sort, "collapse": "owner"}
        full = [
            c["id"]
            for c in client.get("/v1/claims", params={**params, "limit": 200}).json()["items"]
        ]
        assert sorted(full) == sorted(c.id for c in claims)
        for limit in (1, 6):
            paged = [c["id"] for c in all_pages(client, "/v1/claims", limit=limit, **params)]
            assert paged == full, sort
        # a cursor is bound to its method
        cursor = client.get("/v1/claims", params={**params, "limit": 1}).json()["next_cursor"]
        assert_error(
            client.get("/v1/claims", params={"sort": sort, "collapse": "none", "cursor": cursor}),
            422,
            "invalid_cursor",
        )


def test_too_many_candidates_is_a_clear_422(engine: Engine, factory: Factory) -> None:
    for _ in range(3):
        factory.claim()
    with transaction(engine, write=False) as session:
        with pytest.raises(listing.Invalid) as raised:
            listing.list_(
                session,
                filters=ClaimFilters(),
                sort=ClaimSort.outlets,
                page=PageParams(limit=10, cursor=None),
                method=method(collapse=["none"]),
                max_claims=2,
            )
        assert raised.value.code == "too_many_claims"
        page = listing.list_(
            session,
            filters=ClaimFilters(),
            page=PageParams(limit=10, cursor=None),
            method=method(collapse=["none"]),
            max_claims=3,
        )
        assert len(page.items) == 3


def test_outlet_claims_take_the_method_too(client: TestClient, factory: Factory) -> None:
    outlet = factory.outlet()
    claim = factory.claim()
    factory.attribute(claim, factory.article(outlet, published_at=at(5)))
    url = f"/v1/outlets/{outlet.slug}/claims"
    assert [c["id"] for c in client.get(url).json()["items"]] == [claim.id]
    assert client.get(url, params={"as_of": at(1)}).json()["items"] == []
