"""Webhook delivery as a job of the one job system (huey): woken by commits, retried on time."""

import time
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import select
from sqlmodel import Session

from app.events.tasks import _FOLLOW_UP_KEY
from app.events.tasks import DRAIN
from app.events.tasks import schedule_follow_up
from app.jobs import queue_for
from app.tables import Event
from tests.events.conftest import FAST
from tests.events.receiver import Receiver
from tests.events.script import scripted_sequence
from tests.events.test_delivery import assert_in_order_per_claim
from tests.events.test_delivery import subscribe
from tests.factories import Factory


def _event_ids(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return [i for i in session.scalars(select(Event.id).order_by(Event.id)) if i is not None]


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def _jobs(tmp_path: Path) -> dict[str, Any]:
    # A queue of this test's own: no task another test left behind is run here.
    return {"jobs_url": f"sqlite:///{tmp_path / 'jobs.sqlite'}", "imports_directory": str(tmp_path)}


def test_the_job_consumer_delivers_every_event_with_retries_and_no_one_driving_it(
    make_app: Callable[..., FastAPI], factory: Factory, receiver: Receiver, tmp_path: Path
) -> None:
    app = make_app(jobs_consumer=True, matcher="lexical", **_jobs(tmp_path), **FAST)
    failures = {"left": 5}

    def flaky(_request: Any) -> int:
        if failures["left"] > 0:
            failures["left"] -= 1
            return 503
        return 204

    receiver.answer = flaky
    secret = factory.api_key(scopes=["read", "write"], name="jobs")
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as client:
        subscription = subscribe(client, receiver.url)
        scripted_sequence(client)
        engine = app.state.engine
        expected = _event_ids(engine)

        def everything_arrived() -> bool:
            return sorted(p["id"] for p in receiver.accepted(subscription["secret"])) == expected

        # Nothing calls the dispatcher here: commits wake a drain task, failed deliveries
        # schedule the drain again for their retry time.
        _wait(everything_arrived, 60, "the consumer did not deliver every event")
    payloads = receiver.accepted(subscription["secret"])
    assert len(payloads) == len(expected)  # each once
    assert_in_order_per_claim(payloads)
    assert sum(r.headers["x-answered"] == "503" for r in receiver.requests) == 5


def test_a_commit_wakes_a_drain_only_while_someone_is_subscribed(
    make_app: Callable[..., FastAPI], factory: Factory, receiver: Receiver, tmp_path: Path
) -> None:
    app = make_app(matcher="lexical", **_jobs(tmp_path), **FAST)  # no consumer: count the tasks
    queue = queue_for(app.state.settings)
    secret = factory.api_key(scopes=["read", "write"], name="wake")
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as client:
        assert client.post("/v1/claims", json={"text": "Nobody follows this."}).status_code == 201
        assert queue.pending_count() == 0
        subscribe(client, receiver.url)  # its own commit writes no event
        assert client.post("/v1/claims", json={"text": "Someone follows this."}).status_code == 201
        pending = [t.name for t in queue.pending()]
        assert pending == [DRAIN]
        assert client.get("/v1/claims").status_code == 200  # a read commits no event
        assert queue.pending_count() == 1
        # A drain already waits: it will read this commit too, so none more is sent.
        assert client.post("/v1/claims", json={"text": "Followed again."}).status_code == 201
        assert queue.pending_count() == 1


def test_a_drain_that_finds_a_later_retry_plans_it_even_though_it_was_the_planned_one(
    make_app: Callable[..., FastAPI], tmp_path: Path
) -> None:
    """The follow-up drain planned for now runs, a delivery fails again, and the next retry must
    be planned: the stored plan (its own time, just past) promised nothing. It used to count
    as a drain still to come, and the retry waited for the minute's sweep."""
    app = make_app(matcher="lexical", **_jobs(tmp_path), **FAST)  # no consumer: count the tasks
    settings = app.state.settings
    queue = queue_for(settings)
    now = time.time()
    queue.put(_FOLLOW_UP_KEY, now - 0.2)  # the drain running now was planned for this
    schedule_follow_up(settings, datetime.fromtimestamp(now + 5, UTC))
    assert queue.pending_count() == 1
    # A plan still to come, before the new retry, is kept: no second drain is sent.
    schedule_follow_up(settings, datetime.fromtimestamp(now + 9, UTC))
    assert queue.pending_count() == 1
