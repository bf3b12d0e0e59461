"""GET /v1/claims/match, and plugging in another matcher."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.core.config import Settings
from app.main import create_app
from app.matching.base import Candidate
from app.matching.hybrid import HybridMatcher
from tests.assertions import assert_error
from tests.factories import Factory


def test_candidates_best_first_with_scores_and_decisions(
    client: TestClient, factory: Factory
) -> None:
    nato = factory.claim(
        text="Vladimir Putin demands a written halt to NATO enlargement.", claimant="Vladimir Putin"
    )
    close = factory.claim(text="Putin demands guarantees on NATO.", claimant="Vladimir Putin")
    factory.claim(text="Rents rose sharply in Lisbon.", claimant=None)
    response = client.get(
        "/v1/claims/match",
        params={"text": "Putin demands a written halt to NATO enlargement", "claimant": "Putin"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["link_threshold"], body["suggest_threshold"]) == (
        HybridMatcher.link,
        HybridMatcher.suggest,
    )
    assert [m["claim"]["id"] for m in body["items"]] == [nato.id, close.id]
    best, second = body["items"]
    assert (best["score"], best["decision"]) == (1.0, "link")
    assert 0 < second["score"] < best["score"]
    assert best["claim"]["corroboration"]["outlets"] == 0
    limited = client.get("/v1/claims/match", params={"text": "Putin NATO", "limit": 1}).json()
    assert len(limited["items"]) == 1


def test_no_candidates_and_hostile_text(client: TestClient, factory: Factory) -> None:
    factory.claim(text="The mayor resigned.")
    for text in ["the of and", '"', "NEAR(", "'; drop table claim; --", "*"]:
        response = client.get("/v1/claims/match", params={"text": text})
        assert response.status_code == 200, text
        assert response.json()["items"] == []


def test_bad_parameters_are_422(client: TestClient) -> None:
    assert_error(client.get("/v1/claims/match"), 422, "validation_error")
    assert_error(client.get("/v1/claims/match", params={"text": "  "}), 422, "validation_error")
    assert_error(
        client.get("/v1/claims/match", params={"text": "x", "limit": 51}), 422, "validation_error"
    )
    assert_error(
        client.get("/v1/claims/match", params={"text": "x" * 2001}), 422, "validation_error"
    )


class EverythingMatcher:
    """A stand-in semantic matcher: every live claim scores 0.9."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def similarity(self, a: str, b: str, **_: Any) -> float:
        return 0.9

    def match(self, session: Session, *, text: str, **_: Any) -> list[Candidate]:
        from sqlalchemy import select

        from app.tables import Claim

        ids = session.scalars(select(Claim.id).order_by(Claim.id))
        return [Candidate(claim_id=claim_id, score=0.9) for claim_id in ids if claim_id]


def make_everything_matcher(settings: Settings) -> EverythingMatcher:
    return EverythingMatcher(settings)


def test_another_matcher_plugs_in_through_settings(settings: Settings, factory: Factory) -> None:
    claim = factory.claim(text="Something entirely different.")
    plugged = settings.model_copy(
        update={"matcher": "tests.matching.test_router:make_everything_matcher"}
    )
    key = factory.api_key(scopes=["write"])
    with TestClient(create_app(plugged), headers={"X-API-Key": key}) as client:
        body = client.post(
            "/v1/ingest",
            json={
                "outlet": {"slug": "daily", "name": "Daily"},
                "article": {
                    "url": "https://daily.example/1",
                    "title": "T",
                    "published_at": "2025-05-29T09:00:00Z",
                },
                "claims": [{"text": "No word in common."}],
            },
        ).json()
    assert body["claims"][0]["claim_id"] == claim.id
    assert body["claims"][0]["match"] == {"claim_id": claim.id, "score": 0.9, "signals": None}


def test_a_word_first_seen_in_a_new_claim_is_found_at_once(
    client: TestClient, factory: Factory
) -> None:
    text = "Quokka sightings doubled on Rottnest Island."
    assert client.get("/v1/claims/match", params={"text": text}).json()["items"] == []
    claim = factory.claim(text=text, claimant=None)
    items = client.get("/v1/claims/match", params={"text": text}).json()["items"]
    assert [(m["claim"]["id"], m["score"]) for m in items] == [(claim.id, 1.0)]
