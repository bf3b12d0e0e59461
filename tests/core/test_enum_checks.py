"""Each enum column's CHECK is built from its enum (`tables.columns.one_of`), so a new member
changes the model at once; the database only follows through a migration. Alembic's
`compare_metadata` does not compare CHECKs (tests/core/test_migrations.py), so this test
does: every `one_of` CHECK allows, in the migrated database, exactly the enum's values."""

import re

from sqlalchemy import CheckConstraint
from sqlalchemy import Engine
from sqlalchemy import text
from sqlmodel import SQLModel

import app.tables  # noqa: F401  (registers every table)

_ONE_OF = re.compile(r"(\w+) IN \((.+)\)")
_LITERAL = re.compile(r"'([^']*)'")


def _enum_checks() -> list[tuple[str, str, set[str]]]:
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for constraint in table.constraints:
            if not isinstance(constraint, CheckConstraint):
                continue
            match = _ONE_OF.fullmatch(str(constraint.sqltext))
            if match is not None:
                values = set(_LITERAL.findall(match.group(2)))
                found.append((table.name, f"ck_{table.name}_{match.group(1)}", values))
    return found


def _database_literals(engine: Engine, table: str, name: str) -> set[str] | None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            ddl = connection.execute(
                text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                {"t": table},
            ).scalar_one()
            match = re.search(rf"CONSTRAINT {name} CHECK \((.*?)\)\s*(,|\n|$)", ddl)
            check = match.group(1) if match else None
        else:
            check = connection.execute(
                text(
                    "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE conname = :n AND conrelid = CAST(:t AS regclass)"
                ),
                {"n": name, "t": table},
            ).scalar_one_or_none()
    return None if check is None else set(_LITERAL.findall(check))


def test_every_enum_check_in_the_database_allows_exactly_the_enum(engine: Engine) -> None:
    checks = _enum_checks()
    assert len(checks) >= 10  # the enums of feeds, review queue, links, imports, ...
    for table, name, values in checks:
        assert _database_literals(engine, table, name) == values, (
            f"{name}: the database's CHECK differs from the model's; a migration is missing"
        )
