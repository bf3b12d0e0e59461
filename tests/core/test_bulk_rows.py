"""On SQLite, `bulk_rows` binds the instants SQLAlchemy would bind, and its multi-row INSERTs
leave what SQLAlchemy's executemany leaves."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest
from sqlalchemy import JSON
from sqlalchemy import Column
from sqlalchemy import Integer
from sqlalchemy import MetaData
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import create_engine
from sqlalchemy import text

from app.core.bulk_rows import ROWS_PER_INSERT
from app.core.bulk_rows import insert_rows
from app.core.bulk_rows import sqlite_utc_text
from app.core.columns import UTCDateTime

_INSTANTS = [
    datetime(2026, 12, 7, 8, 30, tzinfo=UTC),
    datetime(2026, 12, 7, 8, 30, 5, 120, tzinfo=UTC),
    datetime(2026, 3, 29, 1, 59, 59, 999999, tzinfo=timezone(timedelta(hours=5, minutes=30))),
    datetime(999, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-7))),
    datetime(1, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=1))),
    datetime(9999, 12, 31, 23, 59, 59, 1, tzinfo=UTC),
    None,
]


@pytest.mark.parametrize("instant", _INSTANTS)
def test_the_sqlite_text_of_an_instant_is_what_sqlalchemy_binds(instant: datetime | None) -> None:
    dialect = create_engine("sqlite://").dialect
    process = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)  # as bulk_rows asks
    assert process is not None
    assert sqlite_utc_text(instant) == process(instant)


def test_a_naive_instant_is_refused_as_sqlalchemy_refuses_it() -> None:
    naive = datetime(2026, 12, 7, 8, 30)
    dialect = create_engine("sqlite://").dialect
    process = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)
    assert process is not None
    with pytest.raises(ValueError, match="naive datetime"):
        process(naive)
    with pytest.raises(ValueError, match="naive datetime"):
        sqlite_utc_text(naive)


def _written(through_insert_rows: bool, rows: list[dict]) -> tuple[list, list, list]:
    """Rows inserted into a fresh SQLite table (AUTOINCREMENT, a row trigger logging each
    insert, a column left to its default) by `insert_rows` or by `table.insert()`'s
    executemany: the table, the trigger's log and the AUTOINCREMENT sequence."""
    table = Table(
        "item",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("name", String(20)),
        Column("at", UTCDateTime),
        Column("data", JSON),
        Column("kind", String(10), default="plain"),
        sqlite_autoincrement=True,
    )
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        table.metadata.create_all(connection)
        connection.exec_driver_sql("CREATE TABLE seen (n INTEGER PRIMARY KEY, item_id, name)")
        connection.exec_driver_sql(
            "CREATE TRIGGER item_seen AFTER INSERT ON item BEGIN "
            "INSERT INTO seen (item_id, name) VALUES (new.id, new.name); END"
        )
        connection.execute(table.insert(), [{"id": 40, "name": "stored"}])
        connection.execute(table.delete())  # AUTOINCREMENT: id 40 is not handed out again
        if through_insert_rows:
            insert_rows(connection, table, rows)
        else:
            connection.execute(table.insert(), rows)
        return (
            [tuple(row) for row in connection.execute(text("SELECT * FROM item ORDER BY id"))],
            [tuple(row) for row in connection.execute(text("SELECT * FROM seen ORDER BY n"))],
            [tuple(row) for row in connection.execute(text("SELECT * FROM sqlite_sequence"))],
        )


def test_multi_row_inserts_leave_what_the_executemany_leaves() -> None:
    """More rows than one INSERT takes, the last INSERT a short one: the same rows with the
    same ids and stored values, each row's trigger fired in the same order."""
    at = datetime(2026, 12, 7, 8, 30, tzinfo=UTC)
    rows = [
        {"name": f"n{index}", "at": at + timedelta(seconds=index % 3), "data": {"i": index}}
        for index in range(2 * ROWS_PER_INSERT + 7)
    ]
    assert _written(True, rows) == _written(False, rows)
