"""Test fixtures: the same suite runs on SQLite or PostgreSQL (CLAIMS_TEST_DATABASE).

The schema is built by `alembic upgrade head` once per run, in a fresh SQLite file or a fresh
PostgreSQL database that is dropped afterwards; every test starts from empty tables.
"""

import os
from collections.abc import Callable
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

import app.tables
from app.core.columns import metadata
from app.core.config import Settings
from app.core.migrations import UNMODELLED_TABLES
from app.core.migrations import scratch_database
from app.core.unit_of_work import transaction
from app.main import create_app
from app.matching import vectors
from tests.factories import Factory

BACKEND = os.environ.get("CLAIMS_TEST_DATABASE", "sqlite")
POSTGRES_ADMIN_URL = os.environ.get(
    "CLAIMS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
REQUIRE_POSTGRES = os.environ.get("CLAIMS_TEST_REQUIRE_POSTGRES", "") in {"1", "true", "yes"}

if BACKEND not in {"sqlite", "postgresql"}:
    raise pytest.UsageError(f"CLAIMS_TEST_DATABASE must be sqlite or postgresql, not {BACKEND!r}")


def pytest_report_header(config: pytest.Config) -> str:
    if BACKEND == "postgresql":
        return f"database backend: postgresql ({make_url(POSTGRES_ADMIN_URL).render_as_string()})"
    return "database backend: sqlite (a temporary file)"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BACKEND != "postgresql" and item.get_closest_marker("postgresql_only"):
            item.add_marker(pytest.mark.skip(reason="PostgreSQL-only test; backend is sqlite"))
        if BACKEND != "sqlite" and item.get_closest_marker("sqlite_only"):
            item.add_marker(pytest.mark.skip(reason="SQLite-only test; backend is postgresql"))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    admin_url = None
    if BACKEND != "sqlite":
        admin_url = POSTGRES_ADMIN_URL
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect():
                pass
        except OperationalError as exc:
            message = f"PostgreSQL is not reachable at {admin_url}: {exc.orig}"
            if REQUIRE_POSTGRES:
                pytest.fail(message, pytrace=False)
            pytest.skip(message)
        finally:
            admin.dispose()
    with scratch_database(
        sqlite_directory=tmp_path_factory.mktemp("db"),
        postgresql_admin_url=admin_url,
        prefix="corroborate_test",
        durable=False,  # a throwaway database: commits need not wait for the WAL to reach disk
    ) as url:
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # Rate limits are off for the suite (tests of limits build their own app), so that no
    # test depends on how fast the machine runs the ones before it; so is the statement
    # timeout, since tests set up bulk data through this engine (its own test sets one).
    # No job consumer in every app the tests build: the tests of jobs start their own.
    # So webhook delivery (a job) is driven by the tests that test it.
    return Settings(
        database_url=database_url,
        rate_limit_enabled=False,
        db_statement_timeout_ms=0,
        jobs_consumer=False,
        imports_directory=str(tmp_path_factory.mktemp("imports")),
    )


@pytest.fixture(scope="session")
def app(settings: Settings) -> FastAPI:
    return create_app(settings)


@pytest.fixture(scope="session")
def engine(app: FastAPI) -> Engine:
    return app.state.engine


@pytest.fixture
def client(app: FastAPI, factory: Factory) -> Iterator[TestClient]:
    """A client whose requests carry an API key with every scope (read, write, admin)."""
    secret = factory.api_key(scopes=["read", "write", "admin"], name="test-client")
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as test_client:
        yield test_client


@pytest.fixture
def anon_client(app: FastAPI) -> Iterator[TestClient]:
    """A client that sends no API key."""
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def make_app(settings: Settings) -> Iterator[Callable[..., FastAPI]]:
    """Build another app on the test database with some settings changed (limits, access)."""
    made: list[FastAPI] = []

    def make(**overrides: object) -> FastAPI:
        made.append(create_app(settings.model_copy(update=overrides)))
        return made[-1]

    yield make
    for extra in made:
        extra.state.read_connections.close()
        extra.state.engine.dispose()
        extra.state.read_engine.dispose()


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A reachable Redis server (scripts/ensure-redis.sh finds or starts one), else skip."""
    url = os.environ.get("CLAIMS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        message = f"Redis is not reachable at {url}: {exc}"
        if os.environ.get("CLAIMS_TEST_REQUIRE_REDIS", "") in {"1", "true", "yes"}:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return url


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session for service-level tests, committed when the test ends."""
    with transaction(engine, write=True) as db_session:
        yield db_session


@pytest.fixture
def factory(engine: Engine) -> Factory:
    return Factory(engine)


@pytest.fixture(autouse=True)
def _empty_tables(request: pytest.FixtureRequest) -> Iterator[None]:
    uses_database = {"engine", "app"} & set(request.fixturenames)
    engine: Engine | None = request.getfixturevalue("engine") if uses_database else None
    yield
    if engine is None:
        return
    # DELETE, children first: on tables this small it is far cheaper than TRUNCATE, whose
    # fixed cost per table dominated the PostgreSQL run. Ids are not reset: tests never
    # assume them.
    tables = [*UNMODELLED_TABLES, *(table.name for table in reversed(metadata.sorted_tables))]
    with engine.begin() as connection:
        for name in tables:
            connection.execute(text(f'DELETE FROM "{name}"'))
    # SQLite hands the emptied tables' ids out again, so the next test's key may have an id the
    # app remembers using: its last_used_at would then be written whenever the minute since
    # that use ran out, in the middle of a test that snapshots every table.
    app: FastAPI = request.getfixturevalue("app")
    app.state.access.keys.clear()
    # The same goes for claim ids in the process's vector indexes: rebuilt on next use.
    store = vectors.active()
    if store is not None:
        store.forget()
