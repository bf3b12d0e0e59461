"""POST /v1/imports (202, stored upload, background job), GET progress and paged errors, and
the job system under it: a job runs once, survives a restart, resumes where it stopped."""

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import text

from app.core.config import Settings
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.ingest.imports import service
from app.matching.factory import build_matcher
from app.tables import ImportState
from tests.assertions import assert_error
from tests.factories import Factory
from tests.ingest.bulk_support import dump
from tests.ingest.bulk_support import random_lines
from tests.ingest.test_bulk_engine import _wipe

NDJSON = {"content-type": "application/x-ndjson"}


def _line(n: int, **extra: Any) -> str:
    body = {
        "outlet": {"slug": f"paper-{n % 3}", "name": f"Paper {n % 3}"},
        "article": {
            "url": f"https://imports.example/{n}",
            "title": f"Story {n}",
            "published_at": "2026-01-01T00:00:00Z",
        },
        "claims": [{"text": f"The harbour of town {n % 5} reopened after the storm."}],
    }
    body.update(extra)
    return json.dumps(body)


@pytest.fixture
def worker_client(make_app: Any, factory: Factory, tmp_path: Path) -> Iterator[TestClient]:
    """A client of an app whose lifespan runs a job consumer, as `corroborate serve` does."""
    secret = factory.api_key(scopes=["read", "write", "admin"], name="imports")
    app = make_app(jobs_consumer=True, matcher="lexical", imports_directory=str(tmp_path))
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as client:
        yield client


def _wait(client: TestClient, job_id: int, seconds: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = client.get(f"/v1/imports/{job_id}").json()
        if body["state"] in {"done", "failed"}:
            return body
        time.sleep(0.1)
    raise AssertionError(f"import {job_id} did not finish: {body}")


def test_an_upload_answers_202_then_the_job_reports_progress_and_paged_errors(
    worker_client: TestClient, engine: Engine, tmp_path: Path
) -> None:
    lines = [_line(n) for n in range(1, 41)]
    lines[4] = "{broken"
    lines[19] = _line(20, claims="nope")
    lines[30] = ""
    response = worker_client.post("/v1/imports", content="\n".join(lines) + "\n", headers=NDJSON)
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["location"] == f"/v1/imports/{job['id']}"
    assert job["state"] in {"queued", "running", "done"}
    done = _wait(worker_client, job["id"])
    assert done["state"] == "done"
    assert (done["succeeded"], done["failed"], done["lines_done"]) == (37, 2, 40)
    assert done["progress"] == 1.0
    assert done["articles_created"] == 37
    assert done["claims_created"] + done["claims_linked"] == 37
    first = worker_client.get(f"/v1/imports/{job['id']}/errors", params={"limit": 1}).json()
    assert [(e["line"], e["status"], e["error"]["code"]) for e in first["items"]] == [
        (5, 422, "invalid_json")
    ]
    assert set(first["items"][0]["error"]) == {"code", "message", "details"}
    second = worker_client.get(
        f"/v1/imports/{job['id']}/errors", params={"limit": 1, "cursor": first["next_cursor"]}
    ).json()
    assert [(e["line"], e["error"]["code"]) for e in second["items"]] == [(20, "validation_error")]
    assert second["next_cursor"] is None
    assert list(tmp_path.glob("upload-*")) == []  # the stored upload is removed when done
    with transaction(engine, write=False) as session:
        assert counters.stale_claim_ids(session) == []


def test_upload_limits_and_bad_ndjson_are_4xx_in_the_error_shape(
    make_app: Any, factory: Factory, tmp_path: Path
) -> None:
    secret = factory.api_key(scopes=["read", "write"], name="limits")
    app = make_app(
        max_body_bytes=1024,
        ingest_batch_max_bytes=2048,
        imports_max_bytes=8192,
        imports_directory=str(tmp_path),
    )
    client = TestClient(app, headers={"Authorization": f"Bearer {secret}"})
    big = ("\n".join(_line(n) for n in range(1, 25)) + "\n").encode()
    assert 2048 < len(big) < 8192  # over the batch limit, under the upload limit
    assert client.post("/v1/imports", content=big, headers=NDJSON).status_code == 202
    assert_error(
        client.post("/v1/imports", content=big * 4, headers=NDJSON), 413, "payload_too_large"
    )
    assert_error(
        client.post("/v1/imports", content=big, headers={"content-type": "text/csv"}),
        415,
        "unsupported_media_type",
    )
    assert_error(client.post("/v1/imports", content=b"\n\n", headers=NDJSON), 422, "empty_batch")
    assert_error(
        client.post("/v1/imports", content=b'[{"a": 1}]\n', headers=NDJSON), 422, "invalid_ndjson"
    )
    assert_error(client.get("/v1/imports/999999"), 404, "not_found")
    assert_error(client.get("/v1/imports/999999/errors"), 404, "not_found")
    stored = sorted(p.name for p in tmp_path.glob("upload-*"))
    assert len(stored) == 1  # only the accepted one; refused bodies leave nothing
    assert_error(
        TestClient(app).post("/v1/imports", content=big, headers=NDJSON), 401, "unauthorized"
    )


def _queued_job(engine: Engine, settings: Settings, tmp_path: Path, lines: list[str]) -> int:
    source = tmp_path / "upload.ndjson"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with transaction(engine, write=True) as session:
        job = service.create(session, source=source, key="upload:test", uploaded=False)
        return job.id or 0


def test_a_job_is_claimed_once_however_many_workers_race_for_it(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    job_id = _queued_job(engine, settings, tmp_path, [_line(1)])
    wins: list[bool] = []
    barrier = threading.Barrier(6)

    def race() -> None:
        barrier.wait()
        wins.append(service.claim(engine, job_id=job_id, stale_after=300, attempts=5))

    threads = [threading.Thread(target=race) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(wins) == [False] * 5 + [True]
    assert service.due(engine, stale_after=300) == []  # running, heartbeat fresh
    assert service.due(engine, stale_after=0.0) == [job_id]  # its runner looks dead: resumable


def test_a_stopped_job_resumes_where_it_stopped_and_equals_a_full_run(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    lines = random_lines(31, 120)
    matcher = build_matcher(settings.model_copy(update={"matcher": "lexical"}))
    _wipe(engine)
    job_id = _queued_job(engine, settings, tmp_path, lines)
    assert service.claim(engine, job_id=job_id, stale_after=300, attempts=3)
    service.run(engine, job_id=job_id, matcher=matcher, settings=settings, chunk_lines=7)
    expected = dump(engine)

    _wipe(engine)
    job_id = _queued_job(engine, settings, tmp_path, lines)
    assert service.claim(engine, job_id=job_id, stale_after=300, attempts=3)

    class Stop(Exception):
        pass

    seen = []

    def stop_after_three(job: Any) -> None:
        seen.append(job.lines_done)
        if len(seen) == 3:
            raise Stop

    with pytest.raises(Stop):
        service.run(
            engine,
            job_id=job_id,
            matcher=matcher,
            settings=settings,
            chunk_lines=7,
            progress=stop_after_three,
        )
    with engine.connect() as connection:
        state, done = connection.execute(
            text("SELECT state, lines_done FROM import_job WHERE id = :id"), {"id": job_id}
        ).one()
    assert (state, done) == ("running", seen[-1])
    assert service.claim(engine, job_id=job_id, stale_after=0.0, attempts=3)  # the sweep's view
    finished = service.run(engine, job_id=job_id, matcher=matcher, settings=settings, chunk_lines=7)
    assert finished.state == ImportState.done
    assert finished.attempts == 2
    assert dump(engine) == expected
