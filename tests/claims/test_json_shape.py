"""The hot read path sends bytes it built itself (app/core/responses.py): prove they are exactly
what FastAPI would have sent through the documented Pydantic models.

Two checks per endpoint: (1) the body equals, byte for byte, the Pydantic model's own JSON of
the same data (same keys, order, datetime and date formats, escaping), so the OpenAPI schema
describes the fast path exactly; (2) the values equal a reference built independently from ORM
objects through the models, so the hand-written SQL selects the right data.
"""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy import select

from app.claims.models import AttributionPublic
from app.claims.models import ClaimPublic
from app.claims.models import ClaimWithAttributions
from app.claims.models import CopyOf
from app.claims.models import IndependentOrigin
from app.core.pagination import Page
from app.core.unit_of_work import transaction
from app.corroboration.models import Corroboration
from app.corroboration.models import FirstReport
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import ArticleLink
from app.tables import ArticleRef
from app.tables import Attribution
from app.tables import Claim
from app.tables import OriginArticleRef
from app.tables import Outlet
from app.tables import OutletRef
from tests.factories import Factory

ODD_TEXT = 'Ünïcødé “quotes” \\ back\\slash, "dq", tab-free \u2028 line sep, bell \x07, 日本語 ✓'


@pytest.fixture
def varied(factory: Factory) -> dict[str, Any]:
    """Claims covering every shape: no claimant, no date, no reports, copies, disputes,
    microsecond and whole-second instants, non-ASCII and control characters."""
    wire = factory.outlet(name="Wire “W”")
    paper = factory.outlet(name="Päper 日本")
    base = datetime(2025, 5, 29, 9, 0, tzinfo=UTC)
    original = factory.article(wire, published_at=base.isoformat(), title=ODD_TEXT[:60])
    copy = factory.article(
        paper, published_at=(base + timedelta(hours=2, microseconds=123400)).isoformat()
    )
    late = factory.article(
        paper,
        published_at=datetime(2025, 5, 30, 1, 2, 3, 5, tzinfo=UTC).isoformat(),
    )
    factory.link(copy, original, "syndicates", ODD_TEXT)
    full = factory.claim(text=ODD_TEXT, claimant=None, claim_date="2025-05-28")
    factory.attribute(full, original, quote=ODD_TEXT, sourcing="named")
    factory.attribute(full, copy, stance="supports")
    factory.attribute(full, late, stance="disputes")
    bare = factory.claim(text="Nobody reported this yet.", claimant="Some One")
    single = factory.claim(text="Only the late one.", claimant="X")
    factory.attribute(single, late)
    return {"full": full.id, "bare": bare.id, "single": single.id, "paper": paper.slug}


def _same_bytes(body: bytes, model: type[BaseModel]) -> None:
    """The body is exactly the model's own JSON of what it contains."""
    assert body == model.model_validate_json(body).model_dump_json().encode()


def _first_report(session: Any, claim: Claim) -> FirstReport | None:
    if claim.first_reported_at is None:
        return None
    outlet = session.get(Outlet, claim.first_reported_outlet_id)
    return FirstReport(
        at=claim.first_reported_at,
        outlet=outlet.slug,
        outlet_name=outlet.name,
        article_id=claim.first_reported_article_id,
    )


def reference_claim(session: Any, claim_id: int) -> ClaimPublic:
    """A claim built from ORM objects through the models: the slow, obvious way."""
    claim = session.get(Claim, claim_id)
    return ClaimPublic(
        id=claim.id,
        text=claim.text,
        claimant=claim.claimant,
        claim_date=claim.claim_date,
        created_at=claim.created_at,
        updated_at=claim.updated_at,
        corroboration=Corroboration(
            outlets=claim.outlets_count,
            independent_origins=claim.origins_count,
            articles=claim.articles_count,
            disputing_outlets=claim.disputing_outlets_count,
            first_reported=_first_report(session, claim),
            last_reported_at=claim.last_reported_at,
        ),
    )


def reference_attribution(session: Any, attribution: Attribution) -> AttributionPublic:
    article = session.get(Article, attribution.article_id)
    outlet = session.get(Outlet, article.outlet_id)
    link = session.get(ArticleLink, article.id)
    origin = None
    if link is not None:
        source = session.get(Article, link.origin_article_id)
        origin = CopyOf(
            article=OriginArticleRef(
                id=source.id,
                url=source.url,
                title=source.title,
                published_at=source.published_at,
                outlet=OutletRef.model_validate(session.get(Outlet, source.outlet_id)),
            ),
            relation=link.relation,
            reason=link.reason,
            provenance=link.provenance,
        )
    root = session.get(Article, article.root_article_id)
    return AttributionPublic(
        id=attribution.id,
        claim_id=attribution.claim_id,
        stance=attribution.stance,
        quote=attribution.quote,
        sourcing=attribution.sourcing,
        created_at=attribution.created_at,
        updated_at=attribution.updated_at,
        outlet=OutletRef.model_validate(outlet),
        article=ArticleRef.model_validate(article),
        origin=origin,
        independent_origin=IndependentOrigin(
            article_id=root.id, outlet=OutletRef.model_validate(session.get(Outlet, root.outlet_id))
        ),
    )


def reference_attributions(session: Any, claim_id: int) -> list[AttributionPublic]:
    rows = session.scalars(
        select(Attribution)
        .join(Article, Article.id == Attribution.article_id)
        .where(Attribution.claim_id == claim_id)
        .order_by(Article.published_at, Attribution.id)
    )
    return [reference_attribution(session, row) for row in rows]


@pytest.mark.parametrize(
    "sort",
    ["-outlets", "-independent_origins", "first_reported_at", "-first_reported_at",
     "-last_reported_at"],
)  # fmt: skip
def test_list_bytes_match_the_models(
    client: TestClient, engine: Engine, varied: dict[str, Any], sort: str
) -> None:
    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 1, "sort": sort, **({"cursor": cursor} if cursor else {})}
        response = client.get("/v1/claims", params=params)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        _same_bytes(response.content, Page[ClaimPublic])
        seen += response.json()["items"]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
    with transaction(engine, write=False) as session:
        expected = {c: reference_claim(session, c).model_dump(mode="json") for c in varied.values()
                    if isinstance(c, int)}  # fmt: skip
    assert {item["id"]: item for item in seen} == expected


def test_detail_bytes_match_the_models(
    client: TestClient, engine: Engine, varied: dict[str, Any]
) -> None:
    for key in ("full", "bare", "single"):
        response = client.get(f"/v1/claims/{varied[key]}")
        assert response.status_code == 200
        _same_bytes(response.content, ClaimWithAttributions)
        with transaction(engine, write=False) as session:
            reference = ClaimWithAttributions(
                **reference_claim(session, varied[key]).model_dump(),
                attributions=reference_attributions(session, varied[key]),
                attributions_next_cursor=None,
            )
        assert response.json() == reference.model_dump(mode="json")
    full = client.get(f"/v1/claims/{varied['full']}").json()
    assert full["text"] == " ".join(ODD_TEXT.split())  # claim text collapses whitespace
    assert full["attributions"][0]["quote"] == ODD_TEXT
    assert full["claimant"] is None
    assert full["claim_date"] == "2025-05-28"
    assert full["corroboration"]["first_reported"]["at"] == "2025-05-29T09:00:00Z"
    stamps = [a["article"]["published_at"] for a in full["attributions"]]
    assert stamps == [
        "2025-05-29T09:00:00Z",
        "2025-05-29T11:00:00.123400Z",
        "2025-05-30T01:02:03.000005Z",
    ]
    assert full["attributions"][1]["origin"]["reason"] == ODD_TEXT


def test_attribution_pages_match_the_models(
    client: TestClient, engine: Engine, varied: dict[str, Any]
) -> None:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        response = client.get(f"/v1/claims/{varied['full']}/attributions", params=params)
        _same_bytes(response.content, Page[AttributionPublic])
        items += response.json()["items"]
        cursor = response.json()["next_cursor"]
        if cursor is None:
            break
    with transaction(engine, write=False) as session:
        reference = [
            a.model_dump(mode="json") for a in reference_attributions(session, varied["full"])
        ]
    assert items == reference
    assert len(items) == 3


def test_outlet_claims_and_filters_match_the_models(
    client: TestClient, engine: Engine, varied: dict[str, Any]
) -> None:
    response = client.get(f"/v1/outlets/{varied['paper']}/claims")
    _same_bytes(response.content, Page[ClaimPublic])
    # The paper reported (supports) the full claim and the single one; its dispute is no report.
    assert [c["id"] for c in response.json()["items"]] == [varied["full"], varied["single"]]
    filtered = client.get(
        "/v1/claims",
        params={"outlet": varied["paper"], "since": "2025-05-30T00:00:00Z", "min_outlets": 1},
    )
    _same_bytes(filtered.content, Page[ClaimPublic])
    assert [c["id"] for c in filtered.json()["items"]] == [varied["single"]]
    with transaction(engine, write=False) as session:
        assert filtered.json()["items"] == [
            reference_claim(session, varied["single"]).model_dump(mode="json")
        ]
    assert REPORTING_STANCES == ("reports", "supports")
