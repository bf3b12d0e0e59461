"""The SQLite instants `bulk_rows` binds are those SQLAlchemy would bind."""

from datetime import UTC
from datetime import datetime
from datetime import timedelta
from datetime import timezone

import pytest
from sqlalchemy import create_engine

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
