"""`listed`: one array parameter on PostgreSQL, an expanding IN on SQLite, the same rows."""

import pytest
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy.dialects import postgresql
from sqlalchemy.dialects import sqlite

from app.core.listed import listed
from app.core.unit_of_work import transaction
from app.tables import Outlet

_SLUGS = select(Outlet.slug).where(listed(Outlet.slug, "slugs")).order_by(Outlet.slug)


def test_each_database_gets_its_form() -> None:
    assert "= ANY (%(slugs)s::VARCHAR(64)[])" in str(_SLUGS.compile(dialect=postgresql.dialect()))
    assert "IN (__[POSTCOMPILE_slugs])" in str(_SLUGS.compile(dialect=sqlite.dialect()))


@pytest.mark.parametrize(
    ("asked", "found"),
    [(["b", "d", "x"], ["b", "d"]), ([], []), (["a"], ["a"]), (["a", "b", "c", "d"], list("abcd"))],
)
def test_it_selects_the_rows_an_in_list_selects(
    engine: Engine, asked: list[str], found: list[str]
) -> None:
    with transaction(engine, write=True) as session:
        for slug in "abcd":
            session.add(Outlet(slug=f"listed-{slug}", name=slug))
        session.flush()
        names = [f"listed-{slug}" for slug in asked]
        rows = list(session.scalars(_SLUGS, {"slugs": names}))
        expected = list(
            session.scalars(select(Outlet.slug).where(Outlet.slug.in_(names)).order_by(Outlet.slug))  # type: ignore[attr-defined]
        )
        assert rows == expected == [f"listed-{slug}" for slug in found]
        session.rollback()
