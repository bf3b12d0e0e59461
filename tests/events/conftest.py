"""Fixtures for events: an app that may target local receivers, fast retries, a receiver."""

import time
from collections.abc import Callable
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import select
from sqlmodel import Session

from app.core.config import Settings
from app.events.delivery import Sender
from app.events.delivery import deliver_once
from app.events.delivery import dispatch_once
from app.tables import Delivery
from app.tables import DeliveryStatus
from tests.events.receiver import Receiver
from tests.events.receiver import running_receiver
from tests.factories import Factory

FAST = {
    "webhook_allow_private": True,
    "webhook_retry_base_seconds": 0.02,
    "webhook_retry_max_interval_seconds": 0.1,
    "webhook_timeout_seconds": 5.0,
    "webhook_lease_seconds": 6.0,
}


@pytest.fixture
def hook_settings(settings: Settings) -> Settings:
    return settings.model_copy(update=FAST)


@pytest.fixture
def hook_app(make_app: Callable[..., FastAPI]) -> FastAPI:
    """An app that lets subscriptions target 127.0.0.1 (CLAIMS_WEBHOOK_ALLOW_PRIVATE=true)."""
    return make_app(**FAST)


@pytest.fixture
def hook_client(hook_app: FastAPI, factory: Factory) -> Iterator[TestClient]:
    secret = factory.api_key(scopes=["read", "write"], name="hooks")
    with TestClient(hook_app, headers={"Authorization": f"Bearer {secret}"}) as test_client:
        yield test_client


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


def unfinished(engine: Engine) -> int:
    with Session(engine) as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.status == DeliveryStatus.pending.value)
            )
            or 0
        )


def drain(engine: Engine, settings: Settings, *, timeout: float = 20.0) -> None:
    """Dispatch and deliver until nothing is pending (or fail after `timeout`)."""
    sender = Sender(settings)
    deadline = time.monotonic() + timeout
    try:
        while True:
            busy = dispatch_once(engine, settings) + deliver_once(engine, settings, sender)
            if not busy and not unfinished(engine):
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{unfinished(engine)} deliveries still pending")
            if not busy:
                time.sleep(0.02)
    finally:
        sender.close()
