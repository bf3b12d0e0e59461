"""Numbers in request bodies are JSON numbers: true, false and "5" are refused, not read as
1, 0 and 5; an integer may be written 5.0, as JSON Schema allows.

Lax validation turned `{"into": true}` into a merge into claim 1 (schemathesis, ST201); strict
integers then refused `{"into": 2.0}`, which the schema allows (ST202). Every integer and number
a request body declares is `json_number` (app/core/types.py: `BodyId` for ids).
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel
from pydantic import ValidationError

from app.articles.models import LinkCreate
from app.claims.models import AttributionCreate
from app.claims.models import ClaimMerge
from app.events.models import SubscriptionCreate
from app.feeds.models import FeedCreate
from app.ingest.models import IngestCreditedOrigin
from app.ingest.models import IngestPayload
from app.ingest.models import IngestReviewDecision
from tests.assertions import assert_error
from tests.factories import Factory

OUTLET = {"slug": "wire", "name": "Wire"}
CASES: list[tuple[type[BaseModel], dict[str, Any], str]] = [
    (ClaimMerge, {"into": 2}, "into"),
    (AttributionCreate, {"article_id": 2}, "article_id"),
    (LinkCreate, {"origin_article_id": 2, "relation": "cites"}, "origin_article_id"),
    (
        FeedCreate,
        {"url": "https://a.example/f.xml", "poll_interval_seconds": 600},
        "poll_interval_seconds",
    ),
    (FeedCreate, {"url": "https://a.example/f.xml", "min_delay_seconds": 1.5}, "min_delay_seconds"),
    (
        IngestCreditedOrigin,
        {
            "outlet": OUTLET,
            "relation": "syndicates",
            "reason": "r",
            "evidence": "e",
            "confidence": 1,
        },
        "confidence",
    ),
    (
        IngestReviewDecision,
        {
            "kind": "copy",
            "status": "rejected",
            "decided_at": "2025-06-01T00:00:00Z",
            "score": 0.5,
            "reason": "r",
        },
        "score",
    ),
]


@pytest.mark.parametrize(
    ("model", "body", "field"), CASES, ids=lambda v: getattr(v, "__name__", "")
)
def test_a_boolean_is_not_a_number(
    model: type[BaseModel], body: dict[str, Any], field: str
) -> None:
    model.model_validate(body)  # the body is valid with its number
    for flag in (True, False):
        with pytest.raises(ValidationError) as raised:
            model.model_validate({**body, field: flag})
        assert [error["loc"] for error in raised.value.errors()] == [(field,)]


def test_lists_and_nested_ids_are_strict_too() -> None:
    hook = "https://hooks.example/x"
    assert SubscriptionCreate.model_validate({"url": hook, "claim_ids": [3.0]}).claim_ids == [3]
    with pytest.raises(ValidationError):
        SubscriptionCreate.model_validate({"url": hook, "claim_ids": [True]})
    article = {"url": "https://a.example/1", "title": "T", "published_at": "2025-06-01T00:00:00Z"}
    line = {"outlet": OUTLET, "article": article, "claims": [{"text": "A claim.", "claim_id": 1}]}
    IngestPayload.model_validate(line)
    line["claims"][0]["claim_id"] = True
    with pytest.raises(ValidationError):
        IngestPayload.model_validate(line)


def test_merge_into_true_is_a_422(client: TestClient, factory: Factory) -> None:
    first, second = factory.claim(), factory.claim()
    response = client.post(f"/v1/claims/{second.id}/merge", json={"into": True})
    assert_error(response, 422, "validation_error")
    assert client.get(f"/v1/claims/{second.id}").json()["merged_into"] is None
    assert first.id is not None
    merged = client.post(f"/v1/claims/{second.id}/merge", json={"into": float(first.id)})
    assert merged.status_code == 200, merged.text
