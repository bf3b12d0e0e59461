"""A scripted sequence of writes through the API touching every event type (but the queue's)."""

from typing import Any

from fastapi.testclient import TestClient

from tests.ingest.test_copies import CLAIM
from tests.ingest.test_copies import article
from tests.ingest.test_copies import body
from tests.ingest.test_copies import wire


def post(client: TestClient, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    response = client.post(path, json=payload)
    assert response.status_code in (200, 201), response.text
    result: dict[str, Any] = response.json()
    return result


def scripted_sequence(client: TestClient) -> dict[str, int]:
    """Ingest a wire story, a verbatim copy, an independent report, a dispute; review it;
    create a second claim and merge it in. Returns the claim ids."""
    text = body(7)
    first = post(client, "/v1/ingest", wire(body=text))
    claim = first["claims"][0]["claim_id"]
    post(client, "/v1/ingest", article("daily", 1, 3, body="ROTTERDAM - " + text))
    post(client, "/v1/ingest", article("herald", 1, 5, body=body(8)))
    post(
        client,
        "/v1/ingest",
        article(
            "skeptic",
            1,
            6,
            body=body(9),
            claims=[{**CLAIM, "claim_id": claim, "stance": "disputes"}],
        ),
    )
    post(
        client,
        f"/v1/claims/{claim}/reviews",
        {
            "url": "https://checker.example/rotterdam",
            "publisher": {"name": "Checker", "site": "checker.example"},
            "textual_rating": "Mostly true",
        },
    )
    other = post(client, "/v1/claims", {"text": "Rotterdam's port shuts for two days."})["id"]
    post(client, f"/v1/claims/{other}/merge", {"into": claim})
    return {"claim": claim, "other": other}


# The events the sequence makes, in order: (type, which claim).
EXPECTED = [
    ("claim.created", "claim"),
    ("claim.corroboration_changed", "claim"),  # wire: 1 outlet, 1 origin
    ("article.copy_detected", None),
    ("claim.corroboration_changed", "claim"),  # the copy: 2 outlets, still 1 origin
    ("claim.corroboration_changed", "claim"),  # herald: 3 outlets, 2 origins
    ("claim.corroboration_changed", "claim"),  # skeptic disputes
    ("claim.disputed", "claim"),
    ("review.created", "claim"),
    ("claim.created", "other"),
    ("claim.merged", "other"),
]
