"""Acceptance 1: the founding story ingested as three payloads, with no claim ids and no origins."""

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.demo import data
from tests.assertions import all_pages
from tests.assertions import assert_consistent

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_ingest.ndjson"


def seed_payloads() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines()]


def test_the_fixture_states_no_claim_ids_and_no_origins() -> None:
    payloads = seed_payloads()
    assert [p["outlet"]["slug"] for p in payloads] == [
        "reuters",
        "the-moscow-times",
        "the-japan-times",
    ]
    assert all("origin" not in p for p in payloads)
    assert all("claim_id" not in c for p in payloads for c in p["claims"])
    texts = [c["text"] for p in payloads for c in p["claims"]]
    assert len(set(texts)) == len(texts)  # every outlet words its claims its own way


def test_seed_story_ingested_yields_the_demo_counts(client: TestClient) -> None:
    results = []
    for payload in seed_payloads():
        response = client.post("/v1/ingest", json=payload)
        assert response.status_code == 201, response.text
        results.append(response.json())
    reuters, moscow, japan = results
    assert [c["action"] for c in reuters["claims"]] == ["created"] * 10
    assert [c["action"] for c in moscow["claims"]] == ["linked"] * 2
    assert [c["action"] for c in japan["claims"]] == ["linked"] * 10
    assert [c["claim_id"] for c in japan["claims"]] == [c["claim_id"] for c in reuters["claims"]]
    assert [c["claim_id"] for c in moscow["claims"]] == [
        c["claim_id"] for c in reuters["claims"][:2]
    ]

    claims = all_pages(client, "/v1/claims")
    assert len(claims) == len(data.CLAIMS)
    nato = claims[0]
    assert nato["id"] == reuters["claims"][0]["claim_id"]
    assert nato["corroboration"]["outlets"] == 3
    assert nato["corroboration"]["independent_origins"] == 2
    assert nato["corroboration"]["articles"] == 3
    assert nato["corroboration"]["first_reported"]["outlet"] == "reuters"
    expected = {c["id"]: (2, 1) for c in claims}
    expected[reuters["claims"][0]["claim_id"]] = (3, 2)
    expected[reuters["claims"][1]["claim_id"]] = (3, 2)
    for claim in claims:
        counts = assert_consistent(client, claim["id"])
        assert (counts["outlets"], counts["independent_origins"]) == expected[claim["id"]]

    # The Japan Times copy was detected, with a reason a fact-checker can read.
    assert moscow["origin"] is None
    link = japan["origin"]
    assert link["relation"] == "syndicates"
    assert link["provenance"] == "detected"
    assert link["origin"]["id"] == reuters["article_id"]
    assert link["reason"].startswith("body 100% similar to Reuters article")
    assert (
        '(SimHash of 3-word shingles: 0 of 64 bits differ); credits Reuters: "(Reuters)"'
        in (link["reason"])
    )
    assert link["reason"].endswith("; same headline")
    article = client.get(f"/v1/articles/{japan['article_id']}").json()
    assert article["origin"] == link


RETOLD = Path(__file__).resolve().parent.parent / "data" / "seed_retold.ndjson"


def test_the_story_retold_in_other_words_copies_first_ends_at_3_outlets_2_origins(
    client: TestClient,
) -> None:
    """Issue 12's story: every outlet words every claim its own way, the copy arrives first and
    no claim id is given. Ingest links what the matcher is sure of and suggests the rest; a
    fact-checker accepting the NATO suggestions (a merge each) gets 3 outlets, 2 origins. No
    claim is linked to another demand (the link would be wrong) nor loses its suggestion."""
    payloads = [json.loads(line) for line in RETOLD.read_text(encoding="utf-8").splitlines()]
    assert [p["outlet"]["slug"] for p in payloads] == [
        "the-japan-times",
        "the-moscow-times",
        "reuters",
    ]
    japan, moscow, reuters = (client.post("/v1/ingest", json=p).json() for p in payloads)
    japan_ids = [c["claim_id"] for c in japan["claims"]]
    assert len(set(japan_ids)) == 10  # ten distinct demands and statements: ten claims

    def same_as(outcome: dict[str, Any], claim_id: int) -> bool:
        if outcome["claim_id"] == claim_id:
            return True
        return claim_id in [s["claim_id"] for s in outcome.get("suggestions") or []]

    # Reuters' n-th claim is the Japan Times' n-th: linked, or at least suggested.
    for n, outcome in enumerate(reuters["claims"]):
        assert same_as(outcome, japan_ids[n]), (n, outcome)
        if outcome["action"] == "linked":
            assert outcome["claim_id"] == japan_ids[n]  # never linked to another claim
    for n, outcome in enumerate(moscow["claims"]):  # NATO, then sanctions
        assert same_as(outcome, japan_ids[n]), (n, outcome)
        if outcome["action"] == "linked":
            assert outcome["claim_id"] == japan_ids[n]

    # Accept the NATO suggestions, as a fact-checker would.
    nato = japan_ids[0]
    for outcome in (reuters["claims"][0], moscow["claims"][0]):
        if outcome["claim_id"] != nato:
            merged = client.post(f"/v1/claims/{outcome['claim_id']}/merge", json={"into": nato})
            assert merged.status_code == 200, merged.text
    counts = assert_consistent(client, nato)
    assert (counts["outlets"], counts["independent_origins"]) == (3, 2)
    first = client.get(f"/v1/claims/{nato}").json()["corroboration"]["first_reported"]
    assert first["outlet"] == "reuters"
