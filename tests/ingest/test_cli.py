"""`corroborate import` (direct and over HTTP to a real server) and `corroborate export`."""

import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings
from app.core.config import get_settings
from app.core.migrations import scratch_database
from app.core.unit_of_work import transaction
from app.feeds import propose
from app.ingest.importer import ImportFailed
from app.ingest.importer import import_http
from app.main import create_app
from app.matching.factory import build_matcher
from app.tables import Article
from tests.assertions import all_pages
from tests.conftest import BACKEND
from tests.conftest import POSTGRES_ADMIN_URL
from tests.factories import Factory
from tests.ingest.test_seed import SEED
from tests.ingest.test_seed import seed_payloads


class Ran:
    """A finished command: its exit code and its output with line wrapping undone."""

    def __init__(self, exit_code: int, output: str) -> None:
        self.exit_code = exit_code
        self.output = " ".join(output.split())


def invoke(runner: CliRunner, database_url: str, *args: str) -> Ran:
    os.environ["CLAIMS_DATABASE_URL"] = database_url
    get_settings.cache_clear()
    try:
        result = runner.invoke(cli, list(args))
        return Ran(result.exit_code, result.output)
    finally:
        del os.environ["CLAIMS_DATABASE_URL"]
        get_settings.cache_clear()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_import_direct_then_again_changes_nothing(
    runner: CliRunner, database_url: str, client: TestClient, tmp_path: Path
) -> None:
    first = invoke(runner, database_url, "import", str(SEED))
    assert first.exit_code == 0, first.output
    assert "3 lines: 3 articles created; claims 10 created, 12 linked" in first.output
    again = invoke(runner, database_url, "import", str(SEED))
    assert again.exit_code == 0, again.output
    assert "3 lines: 0 articles created; claims 0 created, 0 linked, 22 already" in again.output
    nato = all_pages(client, "/v1/claims")[0]["corroboration"]
    assert (nato["outlets"], nato["independent_origins"]) == (3, 2)


def test_import_reports_bad_lines_and_fails(
    runner: CliRunner, database_url: str, engine: Any, tmp_path: Path
) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.ndjson"
    broken.write_text("\n".join([lines[0], "{nope", "", lines[1]]) + "\n", encoding="utf-8")
    result = invoke(runner, database_url, "import", str(broken))
    assert result.exit_code == 1
    assert "line 2: 422 invalid_json" in result.output
    assert "3 lines: 2 articles created" in result.output
    assert "1 failed" in result.output
    assert invoke(runner, database_url, "import", str(tmp_path / "missing")).exit_code == 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, seconds: float = 60) -> None:
    """Wait for a server started by a test to answer /healthz (importing the app takes
    several seconds on a loaded machine, so the wait is generous; a healthy start is quick)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("the server did not start")


@pytest.fixture(scope="module")
def live_server(database_url: str, engine: Any) -> Iterator[str]:
    """The service in its own process (uvicorn) on a free port, on the test database."""
    port = free_port()
    env = {
        **os.environ,
        "CLAIMS_DATABASE_URL": database_url,
        "CLAIMS_LOG_LEVEL": "warning",
        "CLAIMS_RATE_LIMIT_ENABLED": "false",  # rate limits have their own tests
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_import_over_http_to_a_running_service(
    runner: CliRunner, database_url: str, live_server: str, client: TestClient, factory: Factory
) -> None:
    key = factory.api_key(scopes=["write"])
    result = invoke(
        runner,
        database_url,
        "import",
        str(SEED),
        "--url",
        live_server,
        "--key",
        key,
        "--batch-lines",
        "2",
    )
    assert result.exit_code == 0, result.output
    assert "3 lines: 3 articles created; claims 10 created, 12 linked" in result.output
    again = invoke(runner, database_url, "import", str(SEED), "--url", live_server, "--key", key)
    assert "22 already attributed; 0 failed" in again.output
    nato = all_pages(client, "/v1/claims")[0]["corroboration"]
    assert (nato["outlets"], nato["independent_origins"]) == (3, 2)


def test_concurrent_posts_to_a_real_server_make_one_article(
    live_server: str, client: TestClient, factory: Factory
) -> None:
    import threading

    key = factory.api_key(scopes=["write"])
    payload = seed_payloads()[0]
    answers: list[httpx.Response] = []
    barrier = threading.Barrier(6)

    def send() -> None:
        with httpx.Client(timeout=60) as http:
            barrier.wait()
            answers.append(
                http.post(
                    f"{live_server}/v1/ingest",
                    json=payload,
                    headers={"Authorization": f"Bearer {key}"},
                )
            )

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [200] * 5 + [201]
    assert len({a.json()["article_id"] for a in answers}) == 1
    assert len(client.get("/v1/articles").json()["items"]) == 1


def test_import_over_http_sends_the_key_and_stops_on_a_refused_request(tmp_path: Path) -> None:
    seen: list[str | None] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization"))
        return httpx.Response(401, json={"error": {"code": "unauthorized"}})

    with SEED.open("rb") as stream, pytest.raises(ImportFailed, match="answered 401"):
        list(
            import_http(
                stream,
                url="http://service.invalid",
                key="s3cret",
                batch_lines=10,
                progress=lambda _: None,
                transport=httpx.MockTransport(refuse),
            )
        )
    assert seen == ["Bearer s3cret"]


@pytest.fixture
def empty_database_url(tmp_path: Path) -> Iterator[str]:
    """A second, empty database at the schema head (dropped afterwards)."""
    admin_url = None if BACKEND == "sqlite" else POSTGRES_ADMIN_URL
    with scratch_database(
        sqlite_directory=tmp_path, postgresql_admin_url=admin_url, prefix="corroborate_empty"
    ) as url:
        yield url


def claims_by_text(client: TestClient) -> dict[tuple[str, str | None], dict[str, Any]]:
    """Every claim with its counts, attributions and origins, keyed by text and claimant."""
    found = {}
    for claim in all_pages(client, "/v1/claims"):
        detail = client.get(f"/v1/claims/{claim['id']}").json()
        corroboration = dict(detail["corroboration"])
        first = corroboration.pop("first_reported")
        attributions = sorted(
            (
                a["article"]["url"],
                a["stance"],
                a["quote"],
                a["sourcing"],
                a["independent_origin"]["outlet"]["slug"],
                None
                if a["origin"] is None
                else (a["origin"]["article"]["url"], a["origin"]["relation"], a["origin"]["reason"],
                      a["origin"]["provenance"]),
            )
            for a in detail["attributions"]
        )  # fmt: skip
        found[(detail["text"], detail["claimant"])] = {
            "claim_date": detail["claim_date"],
            "corroboration": corroboration,
            "first": (first["at"], first["outlet"]) if first else None,
            "attributions": attributions,
        }
    return found


def test_export_then_import_into_an_empty_database_reproduces_claims_and_counts(
    runner: CliRunner,
    database_url: str,
    empty_database_url: str,
    client: TestClient,
    tmp_path: Path,
) -> None:
    for payload in seed_payloads():
        client.post("/v1/ingest", json=payload)
    # More than the seed: a stated citation, a dispute, a dated claim, a merge, a claimless article.
    extra = {
        "outlet": {"slug": "kyiv-independent", "name": "The Kyiv Independent", "kind": "online"},
        "article": {
            "url": "https://kyivindependent.com/putin-peace-terms",
            "title": "Kyiv rejects Putin's peace terms",
            "published_at": "2025-05-29T18:00:00Z",
            "author": "Staff",
        },
        "claims": [
            {
                "text": "Vladimir Putin demands a written pledge from Western leaders to stop "
                "enlarging NATO eastward as a condition for ending the war in Ukraine.",
                "claimant": "Vladimir Putin",
                "stance": "disputes",
            },
            {"text": "Kyiv calls the terms a non-starter.", "claim_date": "2025-05-29"},
            {"text": "Kyiv says the terms are a non-starter.", "claimant": "Ukrainian officials"},
        ],
        "origin": {
            "url": seed_payloads()[0]["article"]["url"],
            "relation": "cites",
            "reason": "quotes the Reuters sources",
        },
    }
    made = client.post("/v1/ingest", json=extra).json()
    merged = made["claims"][2]["claim_id"]
    client.post(f"/v1/claims/{merged}/merge", json={"into": made["claims"][1]["claim_id"]})
    client.post(
        "/v1/ingest",
        json={**extra, "article": {**extra["article"], "url": "https://kyivindependent.com/x"},
              "claims": [], "origin": None},
    )  # fmt: skip
    before = claims_by_text(client)
    assert len(before) == 11

    exported = tmp_path / "export.ndjson"
    result = invoke(runner, database_url, "export", "--output", str(exported))
    assert result.exit_code == 0, result.output
    assert "exported 5 article(s)" in result.output
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [line["outlet"]["slug"] for line in lines] == [
        "reuters", "the-moscow-times", "the-japan-times", "kyiv-independent", "kyiv-independent",
    ]  # fmt: skip
    assert lines[2]["origin"]["provenance"] == "detected"

    imported = invoke(runner, empty_database_url, "import", str(exported))
    assert imported.exit_code == 0, imported.output
    assert "5 lines: 5 articles created; claims 11 created, 13 linked" in imported.output
    with TestClient(create_app(Settings(database_url=empty_database_url))) as other:
        assert claims_by_text(other) == before
        again = invoke(runner, empty_database_url, "export", "--output", str(tmp_path / "2"))
        assert again.exit_code == 0
    assert (tmp_path / "2").read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")


def test_credited_origins_survive_export_and_import(
    runner: CliRunner,
    database_url: str,
    empty_database_url: str,
    client: TestClient,
    tmp_path: Path,
) -> None:
    claim = {"text": "The regional airline cancelled all flights for Friday over a pilots' strike."}
    for slug, hours, body in (
        ("daily-planet", 1, "PORTLAND (AP) - The regional airline cancelled its Friday flights."),
        ("the-ledger", 2, "Flights are off on Friday, according to Reuters."),
    ):
        client.post(
            "/v1/ingest",
            json={
                "outlet": {"slug": slug, "name": slug.title(), "kind": "newspaper"},
                "article": {
                    "url": f"https://{slug}.example/airline",
                    "title": "Airline cancels Friday flights",
                    "published_at": f"2025-06-0{hours}T10:00:00Z",
                    "body": body,
                },
                "claims": [claim],
            },
        )
    before = claims_by_text(client)
    [counts] = [found["corroboration"] for found in before.values()]
    assert (counts["independent_origins"], counts["credited_origins"]) == (2, 2)
    exported = tmp_path / "export.ndjson"
    assert invoke(runner, database_url, "export", "--output", str(exported)).exit_code == 0
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [line["credited_origin"]["outlet"]["slug"] for line in lines] == ["ap", "reuters"]
    assert invoke(runner, empty_database_url, "import", str(exported)).exit_code == 0
    with TestClient(create_app(Settings(database_url=empty_database_url))) as other:
        assert claims_by_text(other) == before
        again = invoke(runner, empty_database_url, "export", "--output", str(tmp_path / "2"))
        assert again.exit_code == 0
    assert (tmp_path / "2").read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")


def test_review_decisions_survive_export_and_import(
    runner: CliRunner,
    database_url: str,
    empty_database_url: str,
    client: TestClient,
    tmp_path: Path,
) -> None:
    def payload(slug: str, day: int, title: str, body: str | None = None) -> dict[str, Any]:
        article: dict[str, Any] = {
            "url": f"https://{slug}.example/ferries",
            "title": title,
            "published_at": f"2025-06-0{day}T10:00:00Z",
        }
        if body:
            article["body"] = body
        return {
            "outlet": {"slug": slug, "name": slug.title(), "kind": "newspaper"},
            "article": article,
            "claims": [{"text": "Island ferries are suspended for a week."}],
        }

    metro = payload("metro", 1, "Ferries suspended")
    metro["claims"] = [{"text": "The ferry operator blamed a shortage of crew."}]
    sent = [
        metro,
        payload("daily", 2, "FERRIES SUSPENDED!"),
        # A weak credit, for review: a newsroom beside a detail, not in the lead (0.6).
        payload("herald", 3, "Ferry halt", body="Ferries stop.\n\nCrews left, Metro reported."),
    ]
    for item in sent:
        client.post("/v1/ingest", json=item)
    items = {i["kind"]: i for i in client.get("/v1/review").json()["items"]}
    # The matcher also suggests merging the two ferry claims (same topic).
    assert set(items) == {"copy", "credited_origin", "claim_merge"}
    assert client.post(f"/v1/review/{items['claim_merge']['id']}/reject").status_code == 200
    assert client.post(f"/v1/review/{items['copy']['id']}/reject").status_code == 200
    assert client.post(f"/v1/review/{items['credited_origin']['id']}/accept").status_code == 200
    before = claims_by_text(client)

    exported = tmp_path / "export.ndjson"
    assert invoke(runner, database_url, "export", "--output", str(exported)).exit_code == 0
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [len(line.get("review_decisions", [])) for line in lines] == [0, 1, 2]
    imported = invoke(runner, empty_database_url, "import", str(exported))
    assert imported.exit_code == 0, imported.output
    with TestClient(create_app(Settings(database_url=empty_database_url))) as other:
        assert claims_by_text(other) == before
        decided = {
            i["kind"]: (i["status"], i["decided_by"], (i["article"] or {}).get("url"))
            for status in ("accepted", "rejected")
            for i in other.get("/v1/review", params={"status": status}).json()["items"]
        }
        assert decided == {
            "copy": ("rejected", "test-client", "https://daily.example/ferries"),
            "credited_origin": ("accepted", "test-client", "https://herald.example/ferries"),
            "claim_merge": ("rejected", "test-client", None),
        }
        assert other.get("/v1/review").json()["items"] == []
        # The rejected copy is not proposed again when the article is sent with detection on.
        other.post("/v1/ingest", json=sent[1])
        again = invoke(runner, empty_database_url, "export", "--output", str(tmp_path / "2"))
        assert again.exit_code == 0
    assert (tmp_path / "2").read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")


def test_claim_proposal_decisions_survive_export_and_import(
    runner: CliRunner,
    database_url: str,
    empty_database_url: str,
    client: TestClient,
    engine: Engine,
    settings: Settings,
    tmp_path: Path,
) -> None:
    title = "Harbour to reopen on Friday, port authority says"
    body = (
        "Harbour master Ana Lopes said on Monday that the dredging of the main channel was "
        "finished.\n\n“The channel is deep enough for the ferries again,” Lopes told reporters."
    )
    url = "https://harbour.example/reopen"
    stored = client.post(
        "/v1/ingest",
        json={
            "outlet": {"slug": "harbour-news", "name": "Harbour News"},
            "article": {
                "url": url,
                "title": title,
                "published_at": "2025-06-01T10:00:00Z",
            },
        },
    )
    assert stored.status_code == 201, stored.text
    matcher = build_matcher(settings.model_copy(update={"matcher": "lexical"}))

    def proposed(on: Engine) -> Counter[str]:
        with transaction(on, write=True) as session:
            article = session.scalars(select(Article).where(Article.url == url)).one()
            return propose.propose(
                session, article=article, title=title, body=body, matcher=matcher, settings=settings
            )

    assert proposed(engine) == Counter(proposed=3)
    items = client.get("/v1/review", params={"kind": "claim_proposal"}).json()["items"]
    rejected, accepted = items[0], items[1]  # newest first: the direct quote, the reported one
    assert client.post(f"/v1/review/{rejected['id']}/reject").status_code == 200
    assert client.post(f"/v1/review/{accepted['id']}/accept").status_code == 200

    exported = tmp_path / "export.ndjson"
    assert invoke(runner, database_url, "export", "--output", str(exported)).exit_code == 0
    imported = invoke(runner, empty_database_url, "import", str(exported))
    assert imported.exit_code == 0, imported.output
    with TestClient(create_app(Settings(database_url=empty_database_url))) as other:
        decided = {
            i["proposed_claim"]["text"]: (i["status"], (i["target_claim"] or {}).get("text"))
            for status in ("accepted", "rejected")
            for i in other.get("/v1/review", params={"status": status}).json()["items"]
        }
        assert decided == {
            rejected["proposed_claim"]["text"]: ("rejected", None),
            accepted["proposed_claim"]["text"]: ("accepted", accepted["proposed_claim"]["text"]),
        }
        # Read again there: the rejection is remembered, the accepted claim is attributed,
        # and only the proposal nobody decided (not exported) is queued again.
        assert proposed(other.app.state.engine) == Counter(known=1, already=1, proposed=1)
