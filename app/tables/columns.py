"""Column and constraint builders the tables share (column types live in app/core/columns.py)."""

from enum import StrEnum

from sqlalchemy import CheckConstraint
from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy.types import TypeEngine


def reference(
    table: str,
    *,
    ondelete: str | None = "CASCADE",
    primary_key: bool = False,
    nullable: bool = False,
    index: bool | None = None,
    type_: type[TypeEngine[int]] = Integer,
) -> Column:  # type: ignore[type-arg]
    """A column holding the id of a row of `table`; by default deleting that row deletes this one.

    A new Column each call: one Column object cannot belong to two tables.
    """
    return Column(
        type_,
        ForeignKey(f"{table}.id", ondelete=ondelete),
        primary_key=primary_key,
        nullable=nullable,
        index=index,
    )


def one_of(column: str, values: type[StrEnum]) -> CheckConstraint:
    """The CHECK that `column` holds a value of the enum (named after the column)."""
    allowed = ", ".join(f"'{member.value}'" for member in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=column)
