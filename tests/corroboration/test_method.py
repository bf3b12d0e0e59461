"""Counting under a chosen method: as_of, collapse rules, the explanation, and the echo."""

import random
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text
from sqlmodel import Session

from app.articles import service as articles_service
from app.articles.models import ArticleCreate
from app.articles.models import LinkCreate
from app.claims import attributions as claims_attributions
from app.claims import service as claims_service
from app.claims.models import AttributionCreate
from app.claims.models import ClaimCreate
from app.core.unit_of_work import transaction
from app.corroboration import live
from app.corroboration.method import method
from app.corroboration.models import CorroborationMethod
from app.demo.service import load
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from tests.assertions import DEFAULT_METHOD
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


@pytest.fixture
def nato(engine: Engine, client: TestClient) -> int:
    with transaction(engine, write=True) as session:
        load(session)
    claim: int = client.get("/v1/claims", params={"limit": 1}).json()["items"][0]["id"]
    return claim


# ---- acceptance: the founding story -------------------------------------------------------


def test_nato_as_of_the_day_before_has_no_outlets(client: TestClient, nato: int) -> None:
    for url in (f"/v1/claims/{nato}", f"/v1/claims/{nato}/corroboration"):
        body = client.get(url, params={"as_of": "2025-05-28"}).json()
        counts = body["corroboration"]
        assert (counts["outlets"], counts["independent_origins"], counts["articles"]) == (0, 0, 0)
        assert counts["first_reported"] is None
        assert counts["method"] == {
            **DEFAULT_METHOD,
            "as_of": "2025-05-28T23:59:59.999999Z",
        }
    # The demo rows were recorded long after 2025; as_of follows publication dates.
    counts = client.get(f"/v1/claims/{nato}", params={"as_of": "2025-05-29T12:00:00Z"}).json()[
        "corroboration"
    ]
    assert (counts["outlets"], counts["independent_origins"]) == (2, 2)


def test_nato_collapse_none_counts_three_origins(client: TestClient, nato: int) -> None:
    body = client.get(f"/v1/claims/{nato}/corroboration", params={"collapse": "none"}).json()
    assert body["corroboration"]["independent_origins"] == 3
    assert body["corroboration"]["method"]["collapse"] == ["none"]
    assert [o["outlet"]["slug"] for o in body["origins"]] == [
        "reuters",
        "the-moscow-times",
        "the-japan-times",
    ]
    assert all(a["relation"] == "original" for o in body["origins"] for a in o["articles"])


def test_nato_default_lists_the_japan_times_under_reuters(client: TestClient, nato: int) -> None:
    body = client.get(f"/v1/claims/{nato}/corroboration").json()
    assert body["corroboration"]["independent_origins"] == 2
    assert body["corroboration"]["method"] == DEFAULT_METHOD
    reuters, moscow = body["origins"]
    assert reuters["outlet"]["slug"] == "reuters"
    assert [(a["article"]["outlet"]["slug"], a["relation"]) for a in reuters["articles"]] == [
        ("reuters", "original"),
        ("the-japan-times", "syndicates"),
    ]
    japan = reuters["articles"][1]
    assert japan["reason"] == (
        "verbatim Reuters wire copy: same headline and text as the Reuters report"
    )
    assert japan["collapsed_into"]["outlet"]["slug"] == "reuters"
    assert japan["chain"] == [
        {
            "article_id": japan["article"]["id"],
            "origin_article_id": reuters["articles"][0]["article"]["id"],
            "relation": "syndicates",
            "reason": japan["reason"],
            "provenance": "stated",
        }
    ]
    assert [a["article"]["outlet"]["slug"] for a in moscow["articles"]] == ["the-moscow-times"]


def test_default_list_payload_echoes_the_method(client: TestClient, nato: int) -> None:
    item = client.get("/v1/claims", params={"limit": 1}).json()["items"][0]
    assert item["corroboration"]["method"] == DEFAULT_METHOD
    assert client.get(f"/v1/claims/{nato}").json()["corroboration"]["method"] == DEFAULT_METHOD


# ---- collapse rules -----------------------------------------------------------------------


def test_each_relation_collapses_only_when_chosen(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    wire = factory.article(published_at=at(0))
    copy = factory.article(published_at=at(1))
    rewrite = factory.article(published_at=at(2))
    factory.link(copy, wire, "syndicates", "wire copy")
    factory.link(rewrite, copy, "cites", "credits the copy")
    for article in (wire, copy, rewrite):
        factory.attribute(claim, article)

    def origins(collapse: str) -> int:
        body = client.get(f"/v1/claims/{claim.id}/corroboration", params={"collapse": collapse})
        assert body.status_code == 200, body.text
        return body.json()["corroboration"]["independent_origins"]

    assert origins("syndicates,cites") == 1  # rewrite -> copy -> wire
    assert origins("syndicates") == 2  # the citation is not followed: rewrite stands alone
    assert origins("cites") == 2  # rewrite -> copy, but copy is not merged into the wire
    assert origins("none") == 3
    body = client.get(f"/v1/claims/{claim.id}/corroboration", params={"collapse": "cites"}).json()
    (copy_origin,) = [o for o in body["origins"] if len(o["articles"]) == 2]
    assert [(a["article"]["id"], a["relation"]) for a in copy_origin["articles"]] == [
        (copy.id, "original"),
        (rewrite.id, "cites"),
    ]


def test_owner_collapse_merges_outlets_of_one_group(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    daily = factory.outlet(name="Daily", owner_group="Big Media")
    sunday = factory.outlet(name="Sunday", owner_group="Big Media")
    wire = factory.outlet(name="Wire")
    independent = factory.outlet(name="Independent")
    wire_story = factory.article(wire, published_at=at(0))
    daily_story = factory.article(daily, published_at=at(1))
    sunday_story = factory.article(sunday, published_at=at(2))
    copy = factory.article(independent, published_at=at(3))
    factory.link(copy, wire_story, "syndicates", "wire copy")
    for article in (wire_story, daily_story, sunday_story, copy):
        factory.attribute(claim, article)

    def counts(collapse: str) -> dict:  # type: ignore[type-arg]
        return client.get(
            f"/v1/claims/{claim.id}/corroboration", params={"collapse": collapse}
        ).json()

    assert counts("syndicates,cites")["corroboration"]["independent_origins"] == 3
    merged = counts("syndicates,cites,owner")
    assert merged["corroboration"]["independent_origins"] == 2
    assert merged["corroboration"]["method"]["collapse"] == ["syndicates", "cites", "owner"]
    group = next(o for o in merged["origins"] if o["owner_group"] == "Big Media")
    assert group["outlet"]["slug"] == daily.slug  # the earliest root's outlet leads
    assert [o["slug"] for o in group["outlets"]] == sorted([daily.slug, sunday.slug])
    assert [a["relation"] for a in group["articles"]] == ["original", "owner"]
    assert group["articles"][1]["reason"] == "Sunday and Daily share the owner group 'Big Media'"
    # owner alone follows no links: the copy stands on its own
    assert counts("owner")["corroboration"]["independent_origins"] == 3
    assert counts("owner,syndicates")["corroboration"]["independent_origins"] == 2


BAD_METHODS: list[tuple[dict, str]] = [  # type: ignore[type-arg]
    ({"collapse": "wire"}, "invalid_collapse"),
    ({"collapse": "none,cites"}, "invalid_collapse"),
    ({"collapse": ["none", "owner"]}, "invalid_collapse"),
    ({"collapse": ""}, "invalid_collapse"),  # not a documented value (schemathesis ST201)
    ({"collapse": "syndicates,"}, "invalid_collapse"),
    ({"as_of": "2025-05-28T10:00:00"}, "validation_error"),  # no offset
    ({"as_of": "yesterday"}, "validation_error"),
    ({"as_of_basis": "recorded"}, "as_of_required"),
    ({"as_of_basis": "guessed", "as_of": "2025-05-28"}, "validation_error"),
]


def test_bad_method_parameters_are_422(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    for params, code in BAD_METHODS:
        for url in (
            f"/v1/claims/{claim.id}",
            f"/v1/claims/{claim.id}/corroboration",
            f"/v1/claims/{claim.id}/timeline",
            "/v1/claims",
        ):
            assert_error(client.get(url, params=params), 422, code)


def test_repeated_and_comma_separated_collapse_are_the_same(
    client: TestClient, factory: Factory
) -> None:
    claim = factory.claim()
    url = f"/v1/claims/{claim.id}/corroboration"
    a = client.get(url, params={"collapse": ["cites", "syndicates"]}).json()
    b = client.get(url, params={"collapse": "syndicates, cites"}).json()
    assert a == b
    assert a["corroboration"]["method"]["collapse"] == ["syndicates", "cites"]


# ---- as_of: publication dates, and the opt-in "what the database knew" ----------------------


def _set_recorded(engine: Engine, table: str, column: str, row_id: int, when: datetime) -> None:
    value = when.replace(tzinfo=None) if engine.dialect.name == "sqlite" else when
    with engine.begin() as connection:
        connection.execute(
            text(f"UPDATE {table} SET created_at = :when WHERE {column} = :id"),
            {"when": value, "id": row_id},
        )


def test_as_of_recorded_uses_when_rows_were_recorded(
    client: TestClient, factory: Factory, engine: Engine
) -> None:
    claim = factory.claim()
    wire = factory.article(published_at=at(0))
    copy = factory.article(published_at=at(1))
    late = factory.article(published_at=at(2))
    factory.link(copy, wire, "syndicates")
    first = factory.attribute(claim, wire)
    second = factory.attribute(claim, copy)
    third = factory.attribute(claim, late)
    # Recorded: the wire and copy attributions an hour after publication, the link only at +10h,
    # the third attribution at +30h (a backfill).
    _set_recorded(engine, "attribution", "id", first.id, T0 + timedelta(hours=1))
    _set_recorded(engine, "attribution", "id", second.id, T0 + timedelta(hours=2))
    _set_recorded(engine, "attribution", "id", third.id, T0 + timedelta(hours=30))
    _set_recorded(engine, "article_link", "article_id", copy.id, T0 + timedelta(hours=10))
    url = f"/v1/claims/{claim.id}/corroboration"

    def counts(as_of: datetime, basis: str) -> tuple[int, int]:
        body = client.get(url, params={"as_of": as_of.isoformat(), "as_of_basis": basis}).json()
        assert body["corroboration"]["method"]["as_of_basis"] == basis
        return (body["corroboration"]["outlets"], body["corroboration"]["independent_origins"])

    # Published basis: every article published by then, links as recorded now.
    assert counts(T0 + timedelta(hours=5), "published") == (3, 2)
    # Recorded basis at +5h: the third attribution and the link were not yet recorded.
    assert counts(T0 + timedelta(hours=5), "recorded") == (2, 2)
    assert counts(T0 + timedelta(hours=12), "recorded") == (2, 1)
    assert counts(T0 + timedelta(hours=40), "recorded") == (3, 2)
    assert counts(T0 + timedelta(hours=1, minutes=30), "recorded") == (1, 1)


def test_disputes_follow_as_of(client: TestClient, factory: Factory) -> None:
    claim = factory.claim()
    factory.attribute(claim, factory.article(published_at=at(0)))
    factory.attribute(claim, factory.article(published_at=at(5)), stance="disputes")
    url = f"/v1/claims/{claim.id}/corroboration"
    assert (
        client.get(url, params={"as_of": at(1)}).json()["corroboration"]["disputing_outlets"] == 0
    )
    assert (
        client.get(url, params={"as_of": at(5)}).json()["corroboration"]["disputing_outlets"] == 1
    )


# ---- computed the same way everywhere ------------------------------------------------------


def _random_world(session: Session, rng: random.Random, prefix: str) -> list[int]:
    groups = ["Group A", "Group B", None, None]
    outlets = [
        outlets_service.create(
            session,
            data=OutletCreate(
                slug=f"{prefix}-random-{i}", name=f"Random {i}", owner_group=rng.choice(groups)
            ),
        )
        for i in range(7)
    ]
    articles = []
    for i in range(30):
        article = articles_service.create(
            session,
            data=ArticleCreate(
                outlet=rng.choice(outlets).slug,
                url=f"https://random.example/{prefix}/{i}",
                title=f"Story {i}",
                published_at=T0 + timedelta(minutes=rng.randrange(0, 4000)),
            ),
        )
        articles.append(article)
    by_date = sorted(articles, key=lambda a: (a.published_at, a.id))
    for index, article in enumerate(by_date[1:], start=1):
        if rng.random() < 0.45:
            origin = rng.choice(by_date[:index])
            articles_service.add_link(
                session,
                article=article,
                data=LinkCreate(
                    origin_article_id=origin.id,  # type: ignore[arg-type]
                    relation=rng.choice(["syndicates", "cites"]),
                    reason=f"random {index}",
                ),
            )
    claims = []
    for i in range(18):
        claim = claims_service.create(session, data=ClaimCreate(text=f"Random claim {prefix} {i}."))
        for article in rng.sample(articles, rng.randrange(0, 9)):
            claims_attributions.add_attribution(
                session,
                claim=claim,
                data=AttributionCreate(
                    article_id=article.id,  # type: ignore[arg-type]
                    stance=rng.choice(["reports", "reports", "supports", "disputes"]),
                ),
            )
        claims.append(claim.id)
    return claims  # type: ignore[return-value]


def _stored(session: Session, claim_ids: list[int]) -> dict[int, dict]:  # type: ignore[type-arg]
    return {
        claim_id: claims_service.public(session, claim_id=claim_id).corroboration.model_dump()
        for claim_id in claim_ids
    }


def test_on_the_fly_default_equals_the_stored_counters(engine: Engine) -> None:
    claim_ids = []
    for seed in (1, 2):
        with transaction(engine, write=True) as session:
            claim_ids += _random_world(session, random.Random(seed), f"s{seed}")
    with transaction(engine, write=False) as session:
        stored = _stored(session, claim_ids)
        default = live.corroboration(session, claim_ids=claim_ids, chosen=CorroborationMethod())
        assert {k: v.model_dump() for k, v in default.items()} == stored
        # as_of after every publication (either basis) counts exactly what is stored
        future = datetime.now(UTC) + timedelta(days=1)
        for basis in ("published", "recorded"):
            chosen = method(as_of=future, as_of_basis=basis)  # type: ignore[arg-type]
            later = live.corroboration(session, claim_ids=claim_ids, chosen=chosen)
            for claim_id in claim_ids:
                got = later[claim_id].model_dump(exclude={"method"})
                assert got == {k: v for k, v in stored[claim_id].items() if k != "method"}
        none = live.corroboration(session, claim_ids=claim_ids, chosen=method(collapse=["none"]))
        owner = live.corroboration(
            session, claim_ids=claim_ids, chosen=method(collapse=["syndicates,cites,owner"])
        )
        for claim_id in claim_ids:
            assert none[claim_id].independent_origins == stored[claim_id]["outlets"]
            assert owner[claim_id].independent_origins <= stored[claim_id]["independent_origins"]
            reports = live.reports(session, claim_ids=[claim_id], chosen=CorroborationMethod())
            explained = live.explain(reports[claim_id], CorroborationMethod())
            assert len(explained) == stored[claim_id]["independent_origins"]
            assert sum(len(o.articles) for o in explained) == stored[claim_id]["articles"]
