"""POST /v1/ingest/batch: NDJSON, one transaction per line, bad lines reported by number."""

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select

from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.main import create_app
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from tests.assertions import assert_consistent
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory
from tests.ingest.test_router import payload

NDJSON = {"content-type": "application/x-ndjson"}


def line(n: int, **overrides: Any) -> str:
    """A payload; every tenth one reports a claim (one of ten), the others only the article."""
    claims = [{"text": f"The port strike in city {n % 100} ended after nine days."}]
    body = payload(
        slug=f"paper-{n % 7}",
        url=f"https://news.example/story/{n}",
        title=f"Story number {n}",
        published_at=(T0 + timedelta(minutes=n)).isoformat(),
        claims=claims if n % 10 == 0 else [],
    )
    body["outlet"]["domain"] = f"paper{n % 7}.example"
    body.update(overrides)
    return json.dumps(body)


def count(engine: Engine, model: Any) -> int:
    with transaction(engine, write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_one_bad_line_among_a_thousand_lands_the_other_999(
    client: TestClient, engine: Engine
) -> None:
    lines = [line(n) for n in range(1, 1001)]
    lines[499] = '{"outlet": {"slug": "x", "name": "X"}, "article": '  # line 500: cut short
    response = client.post("/v1/ingest/batch", content="\n".join(lines) + "\n", headers=NDJSON)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["summary"] == {
        "lines": 1000,
        "succeeded": 999,
        "failed": 1,
        "articles_created": 999,
        "claims_created": 10,
        "claims_linked": 89,
        "claims_already_attributed": 0,
    }
    failed = [entry for entry in body["lines"] if entry["error"] is not None]
    assert [(f["line"], f["status"], f["error"]["code"]) for f in failed] == [
        (500, 422, "invalid_json")
    ]
    assert failed[0]["error"]["message"].startswith("line 500 is not valid JSON")
    assert [entry["line"] for entry in body["lines"]] == list(range(1, 1001))
    assert all(entry["status"] == 201 for entry in body["lines"] if entry["line"] != 500)
    assert (count(engine, Article), count(engine, Claim), count(engine, Attribution)) == (
        999,
        10,
        99,
    )
    claim_id = body["lines"][9]["result"]["claims"][0]["claim_id"]  # city 10: lines 10, 110...
    counts = assert_consistent(client, claim_id)
    assert (counts["outlets"], counts["articles"]) == (7, 10)


def test_every_kind_of_bad_line_is_reported_and_the_rest_land(
    client: TestClient, engine: Engine
) -> None:
    unknown_claim = json.loads(line(4))
    unknown_claim["claims"] = [{"text": "x", "claim_id": 2147483647}]
    body = "\n".join(
        [
            line(1),
            "",  # blank lines are skipped, but still counted for numbering
            "[1, 2, 3]",
            line(4).replace('"published_at"', '"published"'),
            json.dumps(unknown_claim),
            "\xff\xfe not utf-8",
            "   ",
            line(8),
        ]
    ).encode("utf-8", errors="surrogateescape")
    response = client.post("/v1/ingest/batch", content=body, headers=NDJSON)
    assert response.status_code == 200, response.text
    result = response.json()
    outcome = {entry["line"]: entry for entry in result["lines"]}
    assert sorted(outcome) == [1, 3, 4, 5, 6, 8]
    assert (outcome[1]["status"], outcome[8]["status"]) == (201, 201)
    assert (outcome[3]["status"], outcome[3]["error"]["code"]) == (422, "validation_error")
    assert outcome[4]["error"]["code"] == "validation_error"
    locations = [d["loc"] for d in outcome[4]["error"]["details"]]
    assert ["article", "published_at"] in locations
    assert ["article", "published"] in locations
    assert (outcome[5]["status"], outcome[5]["error"]["code"]) == (404, "not_found")
    assert outcome[5]["error"]["message"].startswith("line 5: ")
    assert (outcome[6]["status"], outcome[6]["error"]["code"]) == (422, "invalid_json")
    assert result["summary"]["failed"] == 4
    assert count(engine, Article) == 2


def test_resending_a_batch_changes_nothing(client: TestClient, engine: Engine) -> None:
    body = "\n".join(line(n) for n in range(10, 60, 10))
    first = client.post("/v1/ingest/batch", content=body, headers=NDJSON).json()
    again = client.post("/v1/ingest/batch", content=body, headers=NDJSON).json()
    assert [e["status"] for e in again["lines"]] == [200] * 5
    assert [e["result"]["article_id"] for e in again["lines"]] == [
        e["result"]["article_id"] for e in first["lines"]
    ]
    assert again["summary"]["claims_already_attributed"] == 5
    assert all(e["result"]["changed"] is False for e in again["lines"])


def test_a_streamed_body_is_read_in_chunks(client: TestClient, engine: Engine) -> None:
    def chunks() -> Iterator[bytes]:
        for n in range(1, 4):
            text = line(n) + "\n"
            yield text[:10].encode()
            yield text[10:].encode()

    response = client.post("/v1/ingest/batch", content=chunks(), headers=NDJSON)
    assert response.status_code == 200, response.text
    assert response.json()["summary"]["succeeded"] == 3


@pytest.fixture
def small_client(settings: Settings, factory: Factory) -> Iterator[TestClient]:
    limited = settings.model_copy(
        update={"ingest_batch_max_lines": 3, "ingest_batch_max_bytes": 4096}
    )
    key = factory.api_key(scopes=["write"])
    with TestClient(create_app(limited), headers={"X-API-Key": key}) as test_client:
        yield test_client


def test_limits_on_lines_and_bytes_are_413_and_nothing_lands(
    small_client: TestClient, engine: Engine
) -> None:
    four = "\n".join(line(n) for n in range(1, 5))
    error = assert_error(
        small_client.post("/v1/ingest/batch", content=four, headers=NDJSON), 413, "too_many_lines"
    )
    assert error["details"] == [{"lines": 4, "max_lines": 3}]
    big = line(1, extra="x" * 5000)
    assert_error(
        small_client.post("/v1/ingest/batch", content=big, headers=NDJSON),
        413,
        "payload_too_large",
    )

    def streamed() -> Iterator[bytes]:
        yield big.encode()

    assert_error(
        small_client.post("/v1/ingest/batch", content=streamed(), headers=NDJSON),
        413,
        "payload_too_large",
    )
    assert count(engine, Article) == 0


def test_the_batch_is_written_in_chunks_of_the_configured_size(
    settings: Settings, factory: Factory, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CLAIMS_INGEST_CHUNK_LINES is the transaction size of the batch route too."""
    from app.ingest.bulk import engine as bulk

    sizes: list[int] = []
    real = bulk.ingest_chunk

    def counted(engine: Engine, chunk: list[Any], **kwargs: Any) -> Any:
        sizes.append(len(chunk))
        return real(engine, chunk, **kwargs)

    monkeypatch.setattr(bulk, "ingest_chunk", counted)
    configured = settings.model_copy(update={"ingest_chunk_lines": 2})
    key = factory.api_key(scopes=["write"])
    with TestClient(create_app(configured), headers={"X-API-Key": key}) as chunked:
        body = "\n".join(line(n) for n in range(1, 6))
        response = chunked.post("/v1/ingest/batch", content=body, headers=NDJSON)
    assert response.status_code == 200, response.text
    assert [entry["line"] for entry in response.json()["lines"]] == [1, 2, 3, 4, 5]
    assert sizes == [2, 2, 1]
    assert count(engine, Article) == 5


def test_wrong_content_type_and_empty_batches(client: TestClient) -> None:
    assert_error(
        client.post("/v1/ingest/batch", content=line(1), headers={"content-type": "text/plain"}),
        415,
        "unsupported_media_type",
    )
    assert_error(
        client.post("/v1/ingest/batch", json=json.loads(line(1))), 415, "unsupported_media_type"
    )
    assert_error(
        client.post("/v1/ingest/batch", content="\n \n", headers=NDJSON), 422, "empty_batch"
    )
