"""The counting method a caller chooses: collapse rule and point in time, validated."""

import hashlib
from collections.abc import Iterable
from datetime import datetime

from app.core.errors import Invalid
from app.corroboration.models import DEFAULT_COLLAPSE
from app.corroboration.models import AsOfBasis
from app.corroboration.models import Collapse
from app.corroboration.models import CorroborationMethod

# Canonical order, so equal rules echo identically however they were written.
_ORDER = (Collapse.syndicates, Collapse.cites, Collapse.owner)


def parse_collapse(values: Iterable[str]) -> list[Collapse]:
    """Collapse relations from repeated and/or comma-separated values; Invalid when unknown."""
    values = list(values)
    if not values:
        return list(DEFAULT_COLLAPSE)
    words = [word.strip() for value in values for word in value.split(",")]
    if "" in words:
        # An empty value is not one of the documented values: say so rather than
        # quietly counting by the default rule.
        raise Invalid(
            "empty collapse value; use any of syndicates, cites, owner, or none, "
            "or leave collapse out for the default",
            code="invalid_collapse",
            details=[{"loc": ["query", "collapse"]}],
        )
    known = {item.value for item in Collapse}
    unknown = sorted({word for word in words if word not in known})
    if unknown:
        raise Invalid(
            f"unknown collapse value(s): {', '.join(unknown)}; "
            "use any of syndicates, cites, owner, or none",
            code="invalid_collapse",
            details=[{"loc": ["query", "collapse"], "unknown": unknown}],
        )
    chosen = {Collapse(word) for word in words}
    if Collapse.none in chosen:
        if len(chosen) > 1:
            raise Invalid(
                "collapse=none cannot be combined with other relations",
                code="invalid_collapse",
                details=[{"loc": ["query", "collapse"]}],
            )
        return [Collapse.none]
    return [item for item in _ORDER if item in chosen]


def method(
    *,
    collapse: Iterable[str] = (),
    as_of: datetime | None = None,
    as_of_basis: AsOfBasis = AsOfBasis.published,
) -> CorroborationMethod:
    """A validated method; `as_of_basis=recorded` needs an `as_of`."""
    if as_of_basis is AsOfBasis.recorded and as_of is None:
        raise Invalid(
            "as_of_basis=recorded needs an as_of instant",
            code="as_of_required",
            details=[{"loc": ["query", "as_of"]}],
        )
    return CorroborationMethod(
        collapse=parse_collapse(collapse), as_of=as_of, as_of_basis=as_of_basis
    )


def is_default(chosen: CorroborationMethod) -> bool:
    """True when the stored counters already answer: default collapse, counted now."""
    return chosen.as_of is None and tuple(chosen.collapse) == DEFAULT_COLLAPSE


def followed_relations(chosen: CorroborationMethod) -> frozenset[str]:
    """The link relations followed from a copy to its origin under this method."""
    return frozenset(
        item.value for item in chosen.collapse if item in (Collapse.syndicates, Collapse.cites)
    )


def merges_owners(chosen: CorroborationMethod) -> bool:
    return Collapse.owner in chosen.collapse


def token(chosen: CorroborationMethod, *extra: str) -> str:
    """A short stable name for a method (and query), used to bind cursors to it."""
    as_of = chosen.as_of.isoformat() if chosen.as_of else ""
    key = "|".join([",".join(chosen.collapse), as_of, chosen.as_of_basis.value, *extra])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
