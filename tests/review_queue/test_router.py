"""The review queue: uncertain decisions stored, accepted or rejected exactly once (issue 14)."""

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.unit_of_work import transaction
from app.integrity import service as integrity
from tests.assertions import all_pages
from tests.assertions import assert_consistent
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory
from tests.ingest.test_seed import RETOLD
from tests.integrity.test_races import Racer

CLAIM = {"text": "The ferry service to the islands will be suspended for a week."}


def at(hours: float) -> str:
    return (T0 + timedelta(hours=hours)).isoformat()


def article(slug: str, hours: float, title: str, **fields: Any) -> dict[str, Any]:
    return {
        "outlet": {"slug": slug, "name": slug.title(), "kind": "newspaper"},
        "article": {
            "url": f"https://{slug}.example/{int(hours)}",
            "title": title,
            "published_at": at(hours),
            **fields,
        },
        "claims": [CLAIM],
    }


def ingest(client: TestClient, payload: dict[str, Any]) -> dict[str, Any]:
    response = client.post("/v1/ingest", json=payload)
    assert response.status_code in (200, 201), response.text
    return response.json()


def findings(engine: Engine) -> dict[str, list[int]]:
    with transaction(engine, write=False) as session:
        return {f.name: f.ids for f in integrity.check(session) if f.ids}


def copy_candidate(client: TestClient) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """A paper with the wire's headline (under a wire slug) and nothing else: a candidate."""
    original = ingest(client, article("wire", 0, "Ferry service to islands suspended"))
    copy = ingest(client, article("daily", 3, "UPDATE 2-Ferry service to islands suspended!"))
    assert copy["origin"] is None
    [candidate] = copy["copy_candidates"]
    assert candidate["article_id"] == original["article_id"]
    [item] = client.get("/v1/review", params={"kind": "copy"}).json()["items"]
    return original, copy, item


def test_a_copy_candidate_is_stored_and_accepting_it_links_once(
    client: TestClient, engine: Engine
) -> None:
    original, copy, item = copy_candidate(client)
    assert (item["kind"], item["status"], item["decided_by"]) == ("copy", "pending", None)
    assert item["article"]["id"] == copy["article_id"]
    assert item["origin_article"]["id"] == original["article_id"]
    assert item["outlet"]["slug"] == "wire"
    assert item["reason"].startswith("same headline as Wire article")
    claim_id = copy["claims"][0]["claim_id"]
    assert assert_consistent(client, claim_id)["independent_origins"] == 2

    accepted = client.post(f"/v1/review/{item['id']}/accept")
    assert accepted.status_code == 200, accepted.text
    body = accepted.json()
    assert (body["status"], body["decided_by"]) == ("accepted", "test-client")
    assert body["decided_at"] is not None
    link = client.get(f"/v1/articles/{copy['article_id']}").json()["origin"]
    assert (link["origin"]["id"], link["relation"], link["provenance"]) == (
        original["article_id"],
        "syndicates",
        "stated",
    )
    assert link["reason"].startswith("accepted in review by test-client: same headline")
    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["independent_origins"]) == (2, 1)
    again = client.post(f"/v1/review/{item['id']}/accept")
    assert assert_error(again, 409, "already_decided")["details"] == [
        {"status": "accepted", "decided_by": "test-client"}
    ]
    assert_error(client.post(f"/v1/review/{item['id']}/reject"), 409, "already_decided")
    assert client.get("/v1/review").json()["items"] == []
    decided = client.get("/v1/review", params={"status": "accepted"}).json()["items"]
    assert [i["id"] for i in decided] == [item["id"]]
    assert findings(engine) == {}


def test_a_rejection_is_remembered_across_re_ingest(client: TestClient) -> None:
    _original, copy, item = copy_candidate(client)
    rejected = client.post(f"/v1/review/{item['id']}/reject")
    assert rejected.status_code == 200
    assert rejected.json()["status"] == "rejected"
    payload = article("daily", 3, "UPDATE 2-Ferry service to islands suspended!")
    # Re-sent as is, and again after the article was deleted and ingested anew.
    assert ingest(client, payload)["changed"] is False
    assert client.get("/v1/review").json()["items"] == []
    rejected_items = client.get("/v1/review", params={"status": "rejected"}).json()["items"]
    assert [(i["id"], i["decided_by"]) for i in rejected_items] == [(item["id"], "test-client")]
    link = client.get(f"/v1/articles/{copy['article_id']}").json()["origin"]
    assert link is None


def test_a_weak_credit_waits_for_review_and_accepting_it_credits_the_outlet(
    client: TestClient, engine: Engine
) -> None:
    metro = article("metro", 0, "Bridge reopens")
    metro["claims"] = [{"text": "The old bridge reopened to traffic."}]
    ingest(client, metro)
    weak = ingest(
        client,
        # A newsroom beside a detail, not in the lead (credits.leads): 0.6, for review.
        article("daily", 2, "Ferries halted", body="Ferries stop.\n\nCrews left, Metro reported."),
    )
    assert weak["credited_origin"] is None
    claim_id = weak["claims"][0]["claim_id"]
    [item] = client.get(
        "/v1/review", params={"kind": "credited_origin", "outlet": "metro", "claim": claim_id}
    ).json()["items"]
    assert (item["outlet"]["slug"], item["relation"], item["score"]) == ("metro", "cites", 0.6)
    assert item["reason"].endswith("confidence 0.60 is below 0.70")
    assert client.get("/v1/review", params={"outlet": "wire"}).json()["items"] == []
    assert client.get("/v1/review", params={"claim": claim_id + 99}).json()["items"] == []
    ingest(client, article("herald", 4, "Ferry halt confirmed"))
    before = assert_consistent(client, claim_id)
    assert (before["independent_origins"], before["credited_origins"]) == (2, 0)

    assert client.post(f"/v1/review/{item['id']}/accept").status_code == 200
    after = assert_consistent(client, claim_id)
    assert (after["independent_origins"], after["credited_origins"]) == (2, 1)
    [origin] = [
        o
        for o in client.get(f"/v1/claims/{claim_id}/corroboration").json()["origins"]
        if o["credited"]
    ]
    assert origin["outlet"]["slug"] == "metro"
    assert findings(engine) == {}


def test_claim_merge_suggestions_are_stored_and_accepting_merges(
    client: TestClient, engine: Engine
) -> None:
    payloads = [json.loads(line) for line in RETOLD.read_text(encoding="utf-8").splitlines()]
    created = [ingest(client, payload) for payload in payloads]
    suggested = {
        (outcome["claim_id"], suggestion["claim_id"])
        for result in created
        for outcome in result["claims"]
        for suggestion in outcome["suggestions"]
    }
    assert suggested
    items = all_pages(client, "/v1/review", kind="claim_merge", limit=1)
    assert {(i["claim"]["id"], i["target_claim"]["id"]) for i in items} == suggested
    assert len({i["id"] for i in items}) == len(items)  # cursor paging: each item once
    item = items[-1]
    source, target = item["claim"]["id"], item["target_claim"]["id"]
    assert client.post(f"/v1/review/{item['id']}/accept").status_code == 200
    merged = client.get(f"/v1/claims/{source}").json()
    assert merged["merged_into"] == target
    assert_consistent(client, target)
    assert findings(engine) == {}


def test_deciding_needs_a_write_key(anon_client: TestClient, client: TestClient) -> None:
    _original, _copy, item = copy_candidate(client)
    response = anon_client.post(f"/v1/review/{item['id']}/accept")
    assert response.status_code in (401, 403)
    assert_error(client.post("/v1/review/999999/accept"), 404, "not_found")
    assert_error(client.get("/v1/review", params={"kind": "other"}), 422, "validation_error")
    assert_error(client.get("/v1/review", params={"cursor": "bad"}), 422, "invalid_cursor")


@pytest.fixture
def racer(make_app: Callable[..., FastAPI], factory: Factory) -> Racer:
    app = make_app(db_pool_size=20, db_max_overflow=10)
    return Racer(app, factory.api_key(scopes=["read", "write"], name="racer"), 8)


@pytest.mark.postgresql_only
def test_concurrent_accepts_apply_once(racer: Racer, client: TestClient, engine: Engine) -> None:
    for round_ in range(5):
        original = ingest(client, article(f"wire{round_}", 0, f"Ferry news {round_}"))
        copy = ingest(client, article(f"daily{round_}", 3, f"FERRY NEWS {round_}"))
        [item] = client.get("/v1/review", params={"outlet": f"wire{round_}"}).json()["items"]

        def accept(c: TestClient, item_id: int = item["id"]) -> httpx.Response:
            return c.post(f"/v1/review/{item_id}/accept")

        def reject(c: TestClient, item_id: int = item["id"]) -> httpx.Response:
            return c.post(f"/v1/review/{item_id}/reject")

        responses = racer.race(*([accept] * 6), reject, reject)
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [200] + [409] * 7
        winner = next(r for r in responses if r.status_code == 200).json()
        link = client.get(f"/v1/articles/{copy['article_id']}").json()["origin"]
        if winner["status"] == "accepted":
            assert link["origin"]["id"] == original["article_id"]
        else:
            assert link is None
        claim_id = copy["claims"][0]["claim_id"]
        assert_consistent(client, claim_id)
    assert findings(engine) == {}
