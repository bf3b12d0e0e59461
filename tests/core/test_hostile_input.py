"""Hostile input: every request below gets a clear 4xx in the error shape (or an honest empty
answer), never a 500, and never changes data."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.assertions import assert_error
from tests.factories import Factory


@pytest.fixture
def world(factory: Factory) -> dict[str, Any]:
    outlet = factory.outlet(slug="reuters")
    article = factory.article(outlet)
    claim = factory.claim()
    factory.attribute(claim, article)
    return {"outlet": outlet, "article": article, "claim": claim}


@pytest.mark.parametrize(
    "path",
    [
        "/v1/claims/1e400",
        "/v1/claims/99999999999999999999999999999999999999",
        "/v1/claims/2147483648",
        "/v1/articles/-0",
        "/v1/claims?min_outlets=1e309",
        "/v1/claims?min_outlets=-1",
        "/v1/claims?min_origins=99999999999999999999",
        "/v1/claims?limit=0",
        "/v1/claims?limit=-1",
        "/v1/claims?limit=1.5",
        "/v1/claims?limit=NaN",
        "/v1/outlets?limit=999999999999",
        "/v1/articles?limit=",
    ],
)
def test_huge_negative_and_odd_numbers_are_422(anon_client: TestClient, path: str) -> None:
    assert_error(anon_client.get(path), 422, "validation_error")


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "=",
        "A" * 1001,
        "eyJrIjoiY2xhaW1zLW91dGxldHMiLCJwIjpbMWUzMDAsMV19",
        "%FF%FE",
        "\u00e9t\u00e9",
    ],
)
def test_malformed_cursors_are_422(anon_client: TestClient, cursor: str) -> None:
    response = anon_client.get("/v1/claims", params={"cursor": cursor})
    assert response.status_code == 422, response.text
    assert set(response.json()) == {"error"}


def test_invalid_utf8_in_a_body_is_400(client: TestClient) -> None:
    response = client.post(
        "/v1/claims",
        content=b'{"text": "\xff\xfe bad"}',
        headers={"content-type": "application/json"},
    )
    assert_error(response, 400, "bad_request")


@pytest.mark.parametrize(
    "path", ["/v1/outlets/%FF%FE", "/v1/claims?claimant=%FF", "/v1/articles?outlet=%C0%AF"]
)
def test_invalid_utf8_in_the_url_is_answered(
    anon_client: TestClient, world: Any, path: str
) -> None:
    response = anon_client.get(path)
    assert response.status_code in (200, 404, 422), response.text
    assert response.headers["content-type"] == "application/json"
    if response.status_code == 200:
        assert response.json()["items"] == []


@pytest.mark.parametrize("depth", [100, 10_000, 200_000])
def test_deeply_nested_json_is_refused(client: TestClient, depth: int) -> None:
    body = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    response = client.post("/v1/claims", content=body, headers={"content-type": "application/json"})
    assert response.status_code in (400, 422), response.text
    assert set(response.json()["error"]) == {"code", "message", "details"}
    assert client.get("/v1/claims").json()["items"] == []


@pytest.mark.parametrize(
    "value",
    [
        "'; DROP TABLE claim; --",
        '" OR 1=1 --',
        "%",
        "_",
        "\\",
        "NEAR(a b)",
        'text:"x" OR *',
        "a AND NOT b",
        "(((",
        "*",
        "$1",
        "\u202e\u0000".replace("\u0000", ""),
    ],
)
def test_sql_and_full_text_metacharacters_are_just_text(
    anon_client: TestClient, world: Any, value: str
) -> None:
    assert anon_client.get("/v1/claims", params={"claimant": value}).json()["items"] == []
    # Outlet filters are slugs: anything else is refused rather than searched for.
    assert_error(anon_client.get("/v1/claims", params={"outlet": value}), 422, "validation_error")
    assert_error(anon_client.get("/v1/articles", params={"outlet": value}), 422, "validation_error")
    assert anon_client.get(f"/v1/outlets/{value.replace('/', '')}").status_code in (404, 422)
    assert len(anon_client.get("/v1/claims").json()["items"]) == 1


def test_metacharacters_are_stored_verbatim(client: TestClient) -> None:
    text = 'It\'s 100% "true"; DROP TABLE claim; -- NEAR(*) OR \\ _'
    created = client.post("/v1/claims", json={"text": text, "claimant": "O'Brien"}).json()
    assert client.get(f"/v1/claims/{created['id']}").json()["text"] == text
    assert [
        c["id"] for c in client.get("/v1/claims", params={"claimant": "o'brien"}).json()["items"]
    ] == [created["id"]]


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://user:secret@news.example/a",
        "https://user@news.example/a",
        "//news.example/a",
        "https://",
        "https://news.example:99999/a",
        "https://news.example/a b",
    ],
)
def test_unsafe_article_urls_are_rejected(client: TestClient, world: Any, url: str) -> None:
    payload = {
        "outlet": "reuters",
        "url": url,
        "title": "T",
        "published_at": "2025-05-29T10:00:00Z",
    }
    assert_error(client.post("/v1/articles", json=payload), 422, "validation_error")


@pytest.mark.parametrize(
    "published_at", ["2025-05-29T10:00:00", "2025-05-29", "yesterday", "2025-13-01T00:00:00Z"]
)
def test_timezone_less_or_bad_datetimes_are_rejected(
    client: TestClient, world: Any, published_at: str
) -> None:
    payload = {
        "outlet": "reuters",
        "url": "https://n.example/x",
        "title": "T",
        "published_at": published_at,
    }
    assert_error(client.post("/v1/articles", json=payload), 422, "validation_error")
    assert_error(
        client.get("/v1/articles", params={"since": published_at}), 422, "validation_error"
    )


def test_nul_characters_are_refused_on_every_database(client: TestClient, world: Any) -> None:
    assert_error(client.post("/v1/claims", json={"text": "a\u0000b"}), 422, "validation_error")
    assert_error(client.get("/v1/claims", params={"claimant": "a\u0000b"}), 422, "validation_error")
    assert_error(client.get("/v1/outlets/a%00b"), 422, "validation_error")
    # An escaped backslash followed by "u0000" is ordinary text.
    assert client.post("/v1/claims", json={"text": "a\\u0000b"}).status_code == 201


def test_huge_json_numbers_in_bodies_are_422(client: TestClient, world: Any) -> None:
    claim_id = world["claim"].id
    for article_id in (10**30, -1, 0, 1e308, 1.5, "x"):
        response = client.post(
            f"/v1/claims/{claim_id}/attributions", json={"article_id": article_id}
        )
        assert_error(response, 422, "validation_error")


def test_wrong_json_types_are_422(client: TestClient) -> None:
    for body in ([], "text", 1, None, {"text": ["a"]}, {"text": {"a": 1}}, {"text": True}):
        assert_error(client.post("/v1/claims", json=body), 422, "validation_error")


@pytest.mark.parametrize("claim_date", [0.5, 1716973200, "1716973200", "2025-02-30"])
def test_numbers_are_not_dates(client: TestClient, claim_date: object) -> None:
    response = client.post("/v1/claims", json={"text": "A claim.", "claim_date": claim_date})
    assert_error(response, 422, "validation_error")
    numeric = client.post(
        "/v1/articles",
        json={
            "outlet": "x",
            "url": "https://a.example/b",
            "title": "T",
            "published_at": 1716973200,
        },
    )
    assert_error(numeric, 422, "validation_error")


def test_booleans_in_bodies_are_booleans(client: TestClient) -> None:
    payload = {
        "outlet": {"slug": "x", "name": "X"},
        "article": {
            "url": "https://x.example/1",
            "title": "T",
            "published_at": "2025-05-29T09:00:00Z",
        },
        "detect_copies": 0,
    }
    assert_error(client.post("/v1/ingest", json=payload), 422, "validation_error")
    assert client.post("/v1/ingest", json={**payload, "detect_copies": False}).status_code == 201


def test_numbers_are_not_dates_in_ingest_either(client: TestClient) -> None:
    payload = {
        "outlet": {"slug": "x", "name": "X"},
        "article": {
            "url": "https://x.example/1",
            "title": "T",
            "published_at": "2025-05-29T09:00:00Z",
        },
        "claims": [{"text": "A claim.", "claim_date": 0}],
    }
    assert_error(client.post("/v1/ingest", json=payload), 422, "validation_error")
