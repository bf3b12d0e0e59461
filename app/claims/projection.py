"""The hot-path rows of claims and attributions, and the JSON they become: the one module that
knows how a claim and an attribution are shaped.

Lists and details are read far more often than anything is written, so they select no ORM
objects: the database renders each row's ClaimPublic / AttributionPublic as JSON text (same
keys, same order, instants as Pydantic writes them; app/core/json_documents.py), and routers
embed that text as it is (`orjson.Fragment`). tests/claims/test_json_shape.py checks the
bytes against the Pydantic models on both databases. A row's first column is that text;
callers that page add the values a cursor needs as trailing columns.
"""

from datetime import UTC
from datetime import datetime
from functools import cache
from typing import Any

import orjson
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.core.columns import json_date
from app.core.columns import json_instant
from app.core.json_documents import json_constant
from app.core.json_documents import json_document
from app.core.json_documents import json_flag
from app.core.json_documents import json_when
from app.corroboration.models import CorroborationMethod
from app.tables import CLAIM_RENDERED_JSON
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import Outlet

ClaimJSON = dict[str, Any]
# The stored counters are the default method's; every payload echoes it (shared, never mutated).
DEFAULT_METHOD_JSON = CorroborationMethod().model_dump(mode="json")

_FIRST_OUTLET = aliased(Outlet, name="first_outlet")


def _first_outlet(column: Any) -> Any:
    """A column of the claim's first-reporting outlet, as a correlated scalar subquery: the
    rendering then reads the claim row alone, so the same expression serves a SELECT, an
    UPDATE of the claim and a trigger on it."""
    return (
        select(column)
        .where(_FIRST_OUTLET.id == Claim.first_reported_outlet_id)  # type: ignore[arg-type]
        .correlate(Claim)
        .scalar_subquery()
    )


# A ClaimPublic, field for field: the keys, their order and the nesting of the model.
CLAIM_RENDERING = json_document(
    ("text", Claim.text),
    ("claimant", Claim.claimant),
    ("claim_date", json_date(Claim.claim_date)),
    ("id", Claim.id),
    ("created_at", json_instant(Claim.created_at)),
    ("updated_at", json_instant(Claim.updated_at)),
    (
        "corroboration",
        json_document(
            ("outlets", Claim.outlets_count),
            ("independent_origins", Claim.origins_count),
            ("credited_origins", Claim.credited_origins_count),
            ("articles", Claim.articles_count),
            ("disputing_outlets", Claim.disputing_outlets_count),
            (
                "first_reported",
                json_when(
                    and_(
                        Claim.first_reported_at.is_not(None),  # type: ignore[union-attr]
                        _first_outlet(_FIRST_OUTLET.slug).is_not(None),
                    ),
                    json_document(
                        ("at", json_instant(Claim.first_reported_at)),
                        ("outlet", _first_outlet(_FIRST_OUTLET.slug)),
                        ("outlet_name", _first_outlet(_FIRST_OUTLET.name)),
                        ("article_id", Claim.first_reported_article_id),
                    ),
                ),
            ),
            ("last_reported_at", json_instant(Claim.last_reported_at)),
            ("method", json_constant(DEFAULT_METHOD_JSON)),
        ),
    ),
)
# What the lists and the detail read: the rendering the database keeps in the claim row
# (`claim.rendered_json`, written by triggers, migration 3000), or, should a row lack it, the
# same rendering made on the spot.
_CLAIM_DOCUMENT = func.coalesce(CLAIM_RENDERED_JSON, CLAIM_RENDERING)


@cache  # built once: constructing aliased selects costs more than running them
def claim_columns() -> Select[Any]:
    """A claim's row: its ClaimPublic JSON text first (`claim_item`, `claim_json`); callers
    add WHERE, ORDER BY and trailing columns (a cursor's values)."""
    return select(_CLAIM_DOCUMENT.label("document")).select_from(Claim)


def claim_item(row: Any) -> orjson.Fragment:
    """A `claim_columns()` row's ClaimPublic, embedded as it is by `json_bytes`."""
    return orjson.Fragment(row[0])


def claim_json(row: Any) -> ClaimJSON:
    """A `claim_columns()` row as a ClaimPublic dict (for paths that validate or edit it)."""
    return orjson.loads(row[0])


def instant(value: Any) -> datetime | None:
    """A UTCDateTime column's value as a trailing column brings it: a datetime through
    SQLAlchemy or from PostgreSQL, the stored naive-UTC text from SQLite's bare driver."""
    if value is None:
        return None
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


_OUTLET = aliased(Outlet)
_ORIGIN = aliased(Article)
_ORIGIN_OUTLET = aliased(Outlet)
_ROOT = aliased(Article)
_ROOT_OUTLET = aliased(Outlet)
# An AttributionPublic, field for field.
_ATTRIBUTION_DOCUMENT = json_document(
    ("stance", Attribution.stance),
    ("quote", Attribution.quote),
    ("sourcing", Attribution.sourcing),
    ("id", Attribution.id),
    ("claim_id", Attribution.claim_id),
    ("created_at", json_instant(Attribution.created_at)),
    ("updated_at", json_instant(Attribution.updated_at)),
    ("outlet", json_document(("id", _OUTLET.id), ("slug", _OUTLET.slug), ("name", _OUTLET.name))),
    (
        "article",
        json_document(
            ("id", Article.id),
            ("url", Article.url),
            ("title", Article.title),
            ("published_at", json_instant(Article.published_at)),
        ),
    ),
    (
        "origin",
        json_when(
            ArticleLink.relation.is_not(None),  # type: ignore[attr-defined]
            json_document(
                (
                    "article",
                    json_document(
                        ("id", _ORIGIN.id),
                        ("url", _ORIGIN.url),
                        ("title", _ORIGIN.title),
                        ("published_at", json_instant(_ORIGIN.published_at)),
                        (
                            "outlet",
                            json_document(
                                ("id", _ORIGIN_OUTLET.id),
                                ("slug", _ORIGIN_OUTLET.slug),
                                ("name", _ORIGIN_OUTLET.name),
                            ),
                        ),
                    ),
                ),
                ("relation", ArticleLink.relation),
                ("reason", ArticleLink.reason),
                ("provenance", ArticleLink.provenance),
            ),
        ),
    ),
    (
        "independent_origin",
        json_document(
            ("article_id", _ROOT.id),
            (
                "outlet",
                json_document(
                    ("id", _ROOT_OUTLET.id),
                    ("slug", _ROOT_OUTLET.slug),
                    ("name", _ROOT_OUTLET.name),
                ),
            ),
            ("credited", json_flag(CreditedOrigin.outlet_id.is_not(None))),  # type: ignore[union-attr]
        ),
    ),
)


@cache
def attribution_columns() -> Select[Any]:
    """An attribution's row: its AttributionPublic JSON text first (`attribution_item`);
    callers add WHERE, ORDER BY and trailing columns."""
    return (
        select(_ATTRIBUTION_DOCUMENT.label("document"))
        .join(Article, Article.id == Attribution.article_id)
        .join(_OUTLET, _OUTLET.id == Article.outlet_id)
        .outerjoin(ArticleLink, ArticleLink.article_id == Article.id)
        .outerjoin(_ORIGIN, _ORIGIN.id == ArticleLink.origin_article_id)
        .outerjoin(_ORIGIN_OUTLET, _ORIGIN_OUTLET.id == _ORIGIN.outlet_id)
        .join(_ROOT, _ROOT.id == Article.root_article_id)
        # A root crediting an outlet counts under that outlet (docs/corroboration.md).
        .outerjoin(CreditedOrigin, CreditedOrigin.article_id == _ROOT.id)  # type: ignore[arg-type]
        .join(
            _ROOT_OUTLET,
            _ROOT_OUTLET.id == func.coalesce(CreditedOrigin.outlet_id, _ROOT.outlet_id),
        )
    )


def attribution_item(row: Any) -> orjson.Fragment:
    """An `attribution_columns()` row's AttributionPublic, embedded as it is by `json_bytes`."""
    return orjson.Fragment(row[0])
