"""StatisticsKeeper: a bulk write analyses the PostgreSQL tables it grew, and only those."""

from collections.abc import Iterator

import pytest
import sqlalchemy.exc
from sqlalchemy import Engine
from sqlalchemy import text

from app.core import statistics
from app.core.statistics import StatisticsKeeper
from app.matching import fulltext
from app.matching import lexical
from app.matching.fulltext import DocumentFrequencies
from tests.factories import Factory


@pytest.fixture
def probes(engine: Engine) -> Iterator[None]:
    """Two tables of this test's own: the change counters of the app's tables also hold what
    earlier tests' connections report late, so only these say exactly what was written."""
    with engine.begin() as connection:
        for name in ("stats_grown", "stats_quiet"):
            # Autovacuum off for them, should the server run it: only the keeper analyses.
            connection.execute(
                text(f"CREATE TABLE {name} (n integer) WITH (autovacuum_enabled = off)")
            )
    try:
        yield
    finally:
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE stats_grown, stats_quiet"))


def _insert(engine: Engine, table: str, count: int) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(f"INSERT INTO {table} SELECT n FROM generate_series(1, :count) AS n"),
            {"count": count},
        )
        # The change counters reach pg_stat_user_tables when this backend next reports;
        # make that the end of this transaction rather than up to seconds later.
        connection.execute(text("SELECT pg_stat_force_next_flush()"))


def _analysed(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(
            text("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = :t"), {"t": table}
        )


@pytest.mark.sqlite_only
def test_sqlite_has_nothing_to_analyse(engine: Engine) -> None:
    keeper = StatisticsKeeper(engine, interval=0)
    assert not keeper.enabled
    assert keeper.after_write() == []


@pytest.mark.postgresql_only
def test_grown_tables_are_analysed_and_others_left(engine: Engine, probes: None) -> None:
    keeper = StatisticsKeeper(engine, least=1000, growth=0.5, interval=0)
    _insert(engine, "stats_quiet", 5000)
    assert "stats_quiet" in keeper.after_write()
    quiet = _analysed(engine, "stats_quiet")
    generation = statistics.generation()

    _insert(engine, "stats_grown", 999)
    assert "stats_grown" not in keeper.after_write()  # under the least number of changes
    _insert(engine, "stats_grown", 2)
    analysed = keeper.after_write()
    assert "stats_grown" in analysed
    assert "stats_quiet" not in analysed
    assert _analysed(engine, "stats_grown") == 1
    assert _analysed(engine, "stats_quiet") == quiet
    assert statistics.generation() > generation

    # Now 1,001 rows, analysed: growing by under half of that is not enough, by more is.
    relative = StatisticsKeeper(engine, least=100, growth=0.5, interval=0)
    _insert(engine, "stats_grown", 400)
    assert "stats_grown" not in relative.after_write()
    _insert(engine, "stats_grown", 200)
    assert "stats_grown" in relative.after_write()


@pytest.mark.postgresql_only
def test_looks_at_most_once_per_interval(engine: Engine, probes: None) -> None:
    keeper = StatisticsKeeper(engine, least=1, growth=0, interval=3600)
    keeper.after_write()
    _insert(engine, "stats_grown", 5)
    assert keeper.after_write() == []  # within the interval: not even looked at


@pytest.mark.postgresql_only
def test_matcher_reads_common_words_again_after_analyse(
    engine: Engine, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fulltext, "ESTIMATE_FROM", 1)  # every estimate counts, in a small table
    frequencies = DocumentFrequencies()
    for n in range(40):
        factory.claim(text=f"Zanzibar ferry timetable changed for route {n}")
    with factory.session() as session:
        session.execute(text("ANALYZE claim_search"))
        session.commit()
        # Remembered for the cache's lifetime...
        stale = frequencies._postgresql_common(session, str(engine.url), 0.0)
    for n in range(40):
        factory.claim(text=f"Quokka census finds colony {n}")
    # Which tables are due is another test's matter: here claim_search is.
    monkeypatch.setattr(statistics, "_STALE_TABLES", text("SELECT 'claim_search'"))
    keeper = StatisticsKeeper(engine, interval=0)
    assert "claim_search" in keeper.after_write()
    with factory.session() as session:
        fresh = frequencies._postgresql_common(session, str(engine.url), 0.0)
    # ...unless this process analysed the tables since.
    assert "quokka" not in stale
    assert "quokka" in fresh


@pytest.mark.postgresql_only
def test_a_failed_analyse_is_logged_not_raised_and_waits(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(statistics, "_STALE_TABLES", text("SELECT 'no_such_table'"))
    keeper = StatisticsKeeper(engine, interval=0)
    assert keeper.after_write() == []
    assert "could not analyse" in caplog.text
    caplog.clear()
    assert keeper.after_write() == []  # backing off: not tried again at once
    assert "could not analyse" not in caplog.text


@pytest.mark.postgresql_only
def test_an_exhausted_pool_is_not_the_callers_problem(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    keeper = StatisticsKeeper(engine, interval=0)

    def no_connection() -> None:
        raise sqlalchemy.exc.TimeoutError("QueuePool limit reached")

    monkeypatch.setattr(keeper.engine, "connect", no_connection)
    assert keeper.after_write() == []
    assert "could not analyse" in caplog.text


def test_one_keeper_per_engine(engine: Engine) -> None:
    assert statistics.keeper_for(engine) is statistics.keeper_for(engine)


@pytest.mark.postgresql_only
def test_only_words_well_over_the_budget_are_estimated(engine: Engine, factory: Factory) -> None:
    """A word under twice the posting budget is counted exactly, so that what a claim searches
    for does not depend on when the tables were last analysed."""
    for n in range(30):
        factory.claim(text=f"Wombat sightings rose in district {n}")
    with factory.session() as session:
        session.execute(text("ANALYZE claim_search"))
        session.commit()
        common = DocumentFrequencies()._postgresql_common(session, str(engine.url), 0.0)
        assert "wombat" not in common
        assert DocumentFrequencies().get(session, lexical.parse("wombat")[0]) == 30
