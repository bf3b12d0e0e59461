"""The `corroborate` command line."""

import pytest
from sqlalchemy import Engine
from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import get_settings


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, database_url: str, engine: Engine) -> CliRunner:
    monkeypatch.setenv("CLAIMS_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield CliRunner()  # type: ignore[misc]
    get_settings.cache_clear()


def test_migrate_then_demo_load_twice(runner: CliRunner, engine: Engine) -> None:
    assert runner.invoke(cli, ["migrate"]).exit_code == 0
    first = runner.invoke(cli, ["demo", "load"])
    assert first.exit_code == 0, first.output
    assert "39 rows created, 0 already there" in first.output
    second = runner.invoke(cli, ["demo", "load"])
    assert "0 rows created, 39 already there" in second.output
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM claim")) == 10


def test_recount_check_finds_and_repairs_stale_counters(runner: CliRunner, engine: Engine) -> None:
    runner.invoke(cli, ["demo", "load"])
    assert runner.invoke(cli, ["recount", "--check"]).exit_code == 0
    with engine.begin() as connection:
        connection.execute(text("UPDATE claim SET outlets_count = 99"))
    stale = runner.invoke(cli, ["recount", "--check"])
    assert stale.exit_code == 1
    assert "stale_counters: 10 " in stale.output
    assert runner.invoke(cli, ["recount"]).exit_code == 0
    assert runner.invoke(cli, ["recount", "--check"]).exit_code == 0


def test_recount_check_finds_stale_roots_and_repair_fixes_them(
    runner: CliRunner, engine: Engine
) -> None:
    runner.invoke(cli, ["demo", "load"])
    with engine.begin() as connection:
        copies = (
            connection.execute(text("SELECT article_id FROM article_link ORDER BY article_id"))
            .scalars()
            .all()
        )
        connection.execute(text("UPDATE article SET root_article_id = id"))
    assert copies, "the demo has copies"
    stale = runner.invoke(cli, ["recount", "--check"])
    assert stale.exit_code == 1
    assert f"stale_roots: {len(copies)} " in stale.output
    repaired = runner.invoke(cli, ["repair"])
    assert repaired.exit_code == 0, repaired.output
    assert f"stale_roots: {len(copies)} " in repaired.output
    assert "every invariant holds" in repaired.output
    assert runner.invoke(cli, ["recount", "--check"]).exit_code == 0


def test_openapi_check_passes_on_the_committed_file(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["openapi", "--check"])
    assert result.exit_code == 0, result.output


def test_openapi_check_fails_on_a_stale_file(runner: CliRunner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    stale = tmp_path / "openapi.json"
    stale.write_text("{}\n")
    assert runner.invoke(cli, ["openapi", "--check", "--output", str(stale)]).exit_code == 1


def test_serve_runs_granian_by_default_and_uvicorn_on_request(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import granian.server
    import uvicorn

    calls: list[tuple[str, dict]] = []

    class FakeGranian:
        def __init__(self, target: str, **options: object) -> None:
            calls.append(("granian", {"target": target, **options}))

        def serve(self) -> None:
            pass

    monkeypatch.setattr(granian.server, "Server", FakeGranian)
    monkeypatch.setattr(
        uvicorn, "run", lambda target, **options: calls.append(("uvicorn", options))
    )
    assert runner.invoke(cli, ["serve", "--port", "8123"]).exit_code == 0
    assert runner.invoke(cli, ["serve", "--server", "uvicorn"]).exit_code == 0
    assert runner.invoke(cli, ["serve", "--server", "uvicorn-h11", "--workers", "2"]).exit_code == 0
    (first, granian_options), (_, fast), (_, portable) = calls
    assert first == "granian"
    assert granian_options["target"] == "app.main:create_app"
    assert (granian_options["factory"], granian_options["port"], granian_options["workers"]) == (
        True,
        8123,
        1,
    )
    # The app logs each request itself, as JSON (RequestContextMiddleware): no server access log.
    assert granian_options["log_access"] is False
    assert (fast["loop"], fast["http"], fast["access_log"]) == ("uvloop", "httptools", False)
    assert (portable["loop"], portable["http"], portable["workers"]) == ("asyncio", "h11", 2)
