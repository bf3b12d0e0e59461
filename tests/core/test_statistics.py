"""StatisticsKeeper: a bulk write analyses the PostgreSQL tables it grew, and only those."""

import pytest
from sqlalchemy import Engine
from sqlalchemy import text

from app.core import statistics
from app.core.statistics import StatisticsKeeper
from app.matching.lexical import DocumentFrequencies
from tests.factories import Factory


def _insert_outlets(engine: Engine, count: int, tag: str) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO outlet (slug, name, kind, created_at, updated_at) "
                "SELECT :tag || '-' || n, 'Outlet ' || n, 'other', "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP "
                "FROM generate_series(1, :count) AS n"
            ),
            {"tag": tag, "count": count},
        )
        # The change counters reach pg_stat_user_tables when this backend next reports;
        # make that the end of this transaction rather than up to seconds later.
        connection.execute(text("SELECT pg_stat_force_next_flush()"))


def _analysed(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.scalar(
            text("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = :t"), {"t": table}
        )


def test_sqlite_has_nothing_to_analyse(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("the SQLite side")
    keeper = StatisticsKeeper(engine, interval=0)
    assert not keeper.enabled
    assert keeper.after_write() == []


@pytest.mark.postgresql_only
def test_grown_tables_are_analysed_and_others_left(engine: Engine) -> None:
    keeper = StatisticsKeeper(engine, least=1000, growth=0.5, interval=0)
    keeper.after_write()  # whatever earlier tests left changed is analysed now
    before, claims_before = _analysed(engine, "outlet"), _analysed(engine, "claim")
    generation = statistics.generation()

    _insert_outlets(engine, 999, "few")
    assert keeper.after_write() == []  # under the least number of changes
    _insert_outlets(engine, 2, "more")
    assert keeper.after_write() == ["outlet"]
    assert _analysed(engine, "outlet") == before + 1
    assert _analysed(engine, "claim") == claims_before
    assert statistics.generation() == generation + 1

    # Now 1,001 rows, analysed: growing by under half of that is not enough, by more is.
    relative = StatisticsKeeper(engine, least=100, growth=0.5, interval=0)
    _insert_outlets(engine, 400, "under-half")
    assert relative.after_write() == []
    _insert_outlets(engine, 200, "over-half")
    assert relative.after_write() == ["outlet"]


@pytest.mark.postgresql_only
def test_looks_at_most_once_per_interval(engine: Engine) -> None:
    keeper = StatisticsKeeper(engine, least=1, growth=0, interval=3600)
    keeper.after_write()
    _insert_outlets(engine, 5, "soon")
    assert keeper.after_write() == []  # within the interval: not even looked at


@pytest.mark.postgresql_only
def test_matcher_reads_common_words_again_after_analyse(engine: Engine, factory: Factory) -> None:
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
    keeper = StatisticsKeeper(engine, least=1, growth=0, interval=0)
    with engine.connect() as connection:  # flush the change counters of the factory's commits
        connection.execute(text("SELECT pg_stat_force_next_flush()"))
        connection.commit()
    assert "claim_search" in keeper.after_write()
    with factory.session() as session:
        fresh = frequencies._postgresql_common(session, str(engine.url), 0.0)
    # ...unless this process analysed the tables since.
    assert "quokka" not in stale
    assert "quokka" in fresh


@pytest.mark.postgresql_only
def test_a_failed_analyse_is_logged_not_raised(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(statistics, "_STALE_TABLES", text("SELECT 'no_such_table'"))
    keeper = StatisticsKeeper(engine, interval=0)
    assert keeper.after_write() == []
    assert "could not analyse" in caplog.text
