"""GET /v1/claims as CSV and NDJSON: same filters, every row, streamed in bounded memory."""

import csv
import gc
import io
import json
import os
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text

from app.claims import download
from app.claims.download import ExportFormat
from app.claims.download import negotiate
from app.claims.listing import ClaimFilters
from tests.assertions import all_pages
from tests.assertions import assert_error
from tests.factories import T0
from tests.factories import Factory


def rows(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.text)))


@pytest.fixture
def claims(factory: Factory) -> list[int]:
    reuters = factory.outlet(slug="reuters", name="Reuters")
    made = []
    for i in range(7):
        claim = factory.claim(text=f"Claim {i} about ceasefire talks.", claimant=f"Speaker {i % 2}")
        for hours in range(i % 4):
            factory.attribute(
                claim,
                factory.article(
                    reuters, published_at=(T0 + timedelta(hours=i + hours)).isoformat()
                ),
            )
        made.append(claim.id)
    return made  # type: ignore[return-value]


def test_csv_and_ndjson_hold_every_claim_of_the_json_list(
    client: TestClient, claims: list[int]
) -> None:
    for params in (
        {},
        {"sort": "first_reported_at"},
        {"claimant": "speaker 1"},
        {"outlet": "reuters", "min_outlets": 2},
        {"q": "ceasefire", "since": (T0 + timedelta(hours=3)).isoformat()},
        {"collapse": "none", "sort": "-independent_origins"},
        {"as_of": (T0 + timedelta(hours=5)).isoformat()},
    ):
        listed = all_pages(client, "/v1/claims", limit=2, **params)
        table = rows(client.get("/v1/claims", params={**params, "format": "csv", "limit": 1}))
        assert [int(row["id"]) for row in table] == [c["id"] for c in listed], params
        ndjson = client.get("/v1/claims", params={**params, "format": "ndjson"})
        assert ndjson.headers["content-type"] == "application/x-ndjson; charset=utf-8"
        assert [json.loads(line) for line in ndjson.text.splitlines()] == listed
        for row, item in zip(table, listed, strict=True):
            counts = item["corroboration"]
            assert row["text"] == item["text"]
            assert row["claimant"] == item["claimant"]
            assert int(row["outlets"]) == counts["outlets"]
            assert int(row["independent_origins"]) == counts["independent_origins"]
            assert row["first_reported_at"] == (
                counts["first_reported"]["at"] if counts["first_reported"] else ""
            )
            assert row["method_collapse"] == ",".join(counts["method"]["collapse"])
            assert row["method_as_of"] == (counts["method"]["as_of"] or "")
            assert row["method_version"] == counts["method"]["version"]


def test_csv_header_and_headers(client: TestClient, claims: list[int]) -> None:
    response = client.get("/v1/claims", headers={"Accept": "text/csv"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="claims.csv"'
    assert response.headers["vary"] == "Accept"
    assert response.text.splitlines()[0] == ",".join(download.COLUMNS)
    assert client.get("/v1/claims").headers["vary"] == "Accept"
    assert client.get("/v1/claims", params={"format": "json"}).json()["items"]


def test_formulas_are_defused(client: TestClient, factory: Factory) -> None:
    factory.claim(text='=HYPERLINK("http://evil.example","click")', claimant="+cmd|' /C calc'!A0")
    (row,) = rows(client.get("/v1/claims", params={"format": "csv"}))
    assert row["text"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["claimant"] == "'+cmd|' /C calc'!A0"


def test_export_errors_come_before_the_stream(client: TestClient, claims: list[int]) -> None:
    for params, code in (
        ({"format": "csv", "sort": "relevance"}, "relevance_needs_q"),
        ({"format": "csv", "collapse": "bogus"}, "invalid_collapse"),
        ({"format": "ndjson", "as_of_basis": "recorded"}, "as_of_required"),
        ({"format": "xml"}, "validation_error"),
    ):
        assert_error(client.get("/v1/claims", params=params), 422, code)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, ExportFormat.json),
        ("*/*", ExportFormat.json),
        ("text/csv", ExportFormat.csv),
        ("application/x-ndjson", ExportFormat.ndjson),
        ("text/html, text/csv;q=0.9, */*;q=0.1", ExportFormat.csv),
        ("application/json;q=0.5, text/csv", ExportFormat.csv),
        ("text/csv;q=0, application/x-ndjson;q=0.2", ExportFormat.ndjson),
        ("image/png", ExportFormat.json),
        ("text/csv;q=nonsense", ExportFormat.json),
    ],
)
def test_accept_negotiation(accept: str | None, expected: ExportFormat) -> None:
    assert negotiate(None, accept) is expected
    assert negotiate(ExportFormat.ndjson, accept) is ExportFormat.ndjson


def _bulk_claims(engine: Engine, count: int) -> None:
    """Claims made by one INSERT ... SELECT in SQLite (the services would take minutes)."""
    outlet = Factory(engine).outlet(name="Bulk Wire")
    with engine.begin() as connection:
        connection.execute(
            text(
                "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq "
                "WHERE i < :count) "
                "INSERT INTO claim (text, claimant, fingerprint, created_at, updated_at, "
                "outlets_count, origins_count, articles_count, disputing_outlets_count, "
                "first_reported_at, first_reported_outlet_id, last_reported_at) "
                "SELECT 'Bulk claim number ' || i || ' says something about the talks.', "
                "'Claimant ' || (i % 97), printf('%064d', i), :now, :now, "
                "i % 40, i % 7, i % 40, 0, "
                "CASE WHEN i % 3 = 0 THEN NULL ELSE :now END, :outlet, "
                "CASE WHEN i % 3 = 0 THEN NULL ELSE :now END FROM seq"
            ),
            {"count": count, "now": "2025-05-29 09:00:00.000000", "outlet": outlet.id},
        )


def _rss() -> int:
    """This process's resident memory now, in bytes (Linux /proc)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.sqlite_only  # 100k rows: one database is enough to show the streaming bound
@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs Linux /proc")
def test_a_100k_row_export_streams_in_flat_memory(engine: Engine) -> None:
    _bulk_claims(engine, 100_000)
    filters = ClaimFilters()
    for _ in download.stream(  # warm up: imports, compiled SQL, caches are not the export
        engine, download.Download(ExportFormat.csv, filters, None, None, 10)
    ):
        break
    gc.collect()
    before = _rss()
    written = lines = chunks = 0
    first_chunk = 0
    at_tenth = None
    peak = before
    for chunk in download.stream(
        engine, download.Download(ExportFormat.csv, filters, None, None, 10)
    ):
        chunks += 1
        first_chunk = first_chunk or len(chunk)
        written += len(chunk)
        lines += chunk.count(b"\n")
        peak = max(peak, _rss())
        if at_tenth is None and lines >= 10_000:
            at_tenth = peak
    assert lines == 100_001
    assert written > 15_000_000  # the whole file
    # It arrives page by page (1000 rows), not built first and sent at the end...
    assert chunks == 100
    assert first_chunk < 300_000
    # ...and memory after the first tenth stays flat while 90% of the file goes through.
    assert at_tenth is not None
    assert peak - at_tenth < 4_000_000, (before, at_tenth, peak, written)
    assert peak - before < 20_000_000, (before, at_tenth, peak, written)


def test_exports_page_through_the_list_in_batches(
    client: TestClient, claims: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(download, "EXPORT_BATCH", 2)
    for params in (
        {},
        {"q": "ceasefire talks"},
        {"collapse": "owner"},
        {"sort": "-first_reported_at"},
    ):
        listed = [c["id"] for c in all_pages(client, "/v1/claims", **params)]
        table = rows(client.get("/v1/claims", params={**params, "format": "csv"}))
        assert [int(row["id"]) for row in table] == listed, params
        lines = client.get("/v1/claims", params={**params, "format": "ndjson"}).text.splitlines()
        assert [json.loads(line)["id"] for line in lines] == listed, params
