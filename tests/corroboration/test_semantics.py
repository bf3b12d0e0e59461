"""What the counts mean: copies, chains, disputes, several articles per outlet, first reports."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.unit_of_work import transaction
from app.corroboration import counters
from tests.assertions import assert_consistent
from tests.factories import T0
from tests.factories import Factory


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def test_a_syndicated_copy_adds_an_outlet_but_not_an_origin(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim()
    wire, paper = factory.outlet(), factory.outlet()
    original = factory.article(wire, published_at=at(0))
    copy = factory.article(paper, published_at=at(1))
    factory.link(copy, original, "syndicates", "verbatim wire copy")
    factory.attribute(claim, original)
    factory.attribute(claim, copy)
    counts = assert_consistent(client, claim.id)
    assert (counts["outlets"], counts["independent_origins"], counts["articles"]) == (2, 1, 2)
    assert counts["first_reported"]["outlet"] == wire.slug


def test_a_citation_collapses_like_a_copy(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    original = factory.article(published_at=at(0))
    rewrite = factory.article(published_at=at(1))
    factory.link(rewrite, original, "cites", "credits the original")
    factory.attribute(claim, original)
    factory.attribute(claim, rewrite)
    assert assert_consistent(client, claim.id)["independent_origins"] == 1


def test_chains_of_copies_collapse_to_the_root(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    a = factory.article(published_at=at(0))
    b = factory.article(published_at=at(1))
    c = factory.article(published_at=at(2))
    d = factory.article(published_at=at(3))
    factory.link(b, a)
    factory.link(c, b, "cites")
    factory.link(d, c)
    for article in (b, c, d):  # the root itself never reported the claim
        factory.attribute(claim, article)
    counts = assert_consistent(client, claim.id)
    assert (counts["outlets"], counts["independent_origins"]) == (3, 1)
    detail = client.get(f"/v1/claims/{claim.id}").json()
    assert {x["independent_origin"]["article_id"] for x in detail["attributions"]} == {a.id}


def test_linking_the_top_of_a_chain_re_roots_the_whole_chain(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim()
    a, b, c = (factory.article(published_at=at(i)) for i in range(3))
    factory.link(c, b)
    for article in (a, b, c):
        factory.attribute(claim, article)
    assert assert_consistent(client, claim.id)["independent_origins"] == 2
    factory.link(b, a)
    assert assert_consistent(client, claim.id)["independent_origins"] == 1
    assert client.get(f"/v1/articles/{c.id}").json()["root_article_id"] == a.id


def test_copies_from_the_same_outlet_as_their_origin_count_once(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim()
    outlet = factory.outlet()
    first = factory.article(outlet, published_at=at(0))
    update = factory.article(outlet, published_at=at(5))
    factory.attribute(claim, first)
    factory.attribute(claim, update)
    counts = assert_consistent(client, claim.id)
    assert (counts["outlets"], counts["independent_origins"], counts["articles"]) == (1, 1, 2)
    assert counts["last_reported_at"] == "2025-05-29T14:00:00Z"


def test_two_copies_of_different_wires_by_one_outlet(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    reuters, ap, paper = factory.outlet(), factory.outlet(), factory.outlet()
    r = factory.article(reuters, published_at=at(0))
    a = factory.article(ap, published_at=at(0))
    copy_r = factory.article(paper, published_at=at(1))
    copy_a = factory.article(paper, published_at=at(2))
    factory.link(copy_r, r)
    factory.link(copy_a, a)
    factory.attribute(claim, copy_r)
    factory.attribute(claim, copy_a)
    counts = assert_consistent(client, claim.id)
    assert (counts["outlets"], counts["independent_origins"]) == (1, 2)


def test_disputes_are_counted_apart(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    reporter, disputer = factory.outlet(), factory.outlet()
    factory.attribute(claim, factory.article(reporter, published_at=at(3)), stance="supports")
    factory.attribute(claim, factory.article(disputer, published_at=at(1)), stance="disputes")
    factory.attribute(claim, factory.article(disputer, published_at=at(2)), stance="disputes")
    counts = assert_consistent(client, claim.id)
    assert (counts["outlets"], counts["disputing_outlets"], counts["articles"]) == (1, 1, 1)
    assert counts["first_reported"]["outlet"] == reporter.slug  # a dispute is not a report


def test_first_report_ties_go_to_the_lower_article_id(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    first = factory.article(published_at=at(0))
    second = factory.article(published_at=at(0))
    factory.attribute(claim, second)
    factory.attribute(claim, first)
    assert assert_consistent(client, claim.id)["first_reported"]["article_id"] == first.id


def test_recount_from_scratch_agrees_with_maintained_counters(
    client: TestClient, factory: Factory, engine: Engine
) -> None:
    claims = [factory.claim() for _ in range(3)]
    articles = [factory.article(published_at=at(i)) for i in range(5)]
    factory.link(articles[1], articles[0])
    factory.link(articles[3], articles[1])
    for i, claim in enumerate(claims):
        for article in articles[i:]:
            factory.attribute(
                claim, article, stance="disputes" if article is articles[4] else "reports"
            )
    client.delete(f"/v1/articles/{articles[1].id}", params={"cascade": True})
    with transaction(engine, write=False) as session:
        assert counters.stale_claim_ids(session) == []
    before = [assert_consistent(client, c.id) for c in claims]
    with transaction(engine, write=True) as session:
        assert counters.recount_all(session) == 3
    assert [assert_consistent(client, c.id) for c in claims] == before
