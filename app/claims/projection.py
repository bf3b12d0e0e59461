"""The hot-path rows of claims and attributions, and the JSON they become: the one module that
knows which column stands where.

Lists and details are read far more often than anything is written, so they select plain
columns (no ORM objects), let the database render instants as the JSON text Pydantic would
produce (`json_instant`), and build JSON-ready dicts shaped exactly like ClaimPublic /
AttributionPublic (same keys, same order); routers send them with `JSONBody`, and
tests/claims/test_json_shape.py checks them byte for byte against the Pydantic models.
Elsewhere a row's value is asked for by name (`claim_value`, `attribution_value`).
"""

from functools import cache
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from app.core.columns import json_date, json_instant
from app.corroboration.models import CorroborationMethod
from app.tables import Article, ArticleLink, Attribution, Claim, CreditedOrigin, Outlet

ClaimJSON = dict[str, Any]
# The stored counters are the default method's; every payload echoes it (shared, never mutated).
DEFAULT_METHOD_JSON = CorroborationMethod().model_dump(mode="json")

_FIRST_OUTLET = aliased(Outlet)
# (name, expression) in the order of `claim_columns()`; instants and dates are JSON text.
_CLAIM_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("id", Claim.id),
    ("text", Claim.text),
    ("claimant", Claim.claimant),
    ("claim_date", json_date(Claim.claim_date)),
    ("created_at", json_instant(Claim.created_at)),
    ("updated_at", json_instant(Claim.updated_at)),
    ("outlets", Claim.outlets_count),
    ("independent_origins", Claim.origins_count),
    ("articles", Claim.articles_count),
    ("disputing_outlets", Claim.disputing_outlets_count),
    ("first_reported_at", json_instant(Claim.first_reported_at)),
    ("first_reported_article_id", Claim.first_reported_article_id),
    ("first_reported_outlet", _FIRST_OUTLET.slug),
    ("first_reported_outlet_name", _FIRST_OUTLET.name),
    ("last_reported_at", json_instant(Claim.last_reported_at)),
    ("credited_origins", Claim.credited_origins_count),
)
_CLAIM_POSITION = {name: i for i, (name, _) in enumerate(_CLAIM_COLUMNS)}


@cache  # built once: constructing aliased selects costs more than running them
def claim_columns() -> Select[Any]:
    """A claim's row for `claim_json`; callers add WHERE, ORDER BY and trailing columns."""
    return select(*(column for _, column in _CLAIM_COLUMNS)).outerjoin(
        _FIRST_OUTLET,
        _FIRST_OUTLET.id == Claim.first_reported_outlet_id,  # type: ignore[arg-type]
    )


def claim_value(row: Any, name: str) -> Any:
    """The value of the column `name` (as in `_CLAIM_COLUMNS`) in a `claim_columns()` row."""
    return row[_CLAIM_POSITION[name]]


def claim_json(row: Any) -> ClaimJSON:
    """A `claim_columns()` row (trailing extra columns ignored) as a ClaimPublic dict."""
    (
        claim_id,
        text,
        claimant,
        claim_date,
        created_at,
        updated_at,
        outlets,
        origins,
        articles,
        disputing,
        first_at,
        first_article_id,
        first_outlet,
        first_outlet_name,
        last_at,
        credited,
        *_,
    ) = row
    first = None
    if first_at is not None and first_outlet is not None:
        first = {
            "at": first_at,
            "outlet": first_outlet,
            "outlet_name": first_outlet_name,
            "article_id": first_article_id,
        }
    return {
        "text": text,
        "claimant": claimant,
        "claim_date": claim_date,
        "id": claim_id,
        "created_at": created_at,
        "updated_at": updated_at,
        "corroboration": {
            "outlets": outlets,
            "independent_origins": origins,
            "credited_origins": credited,
            "articles": articles,
            "disputing_outlets": disputing,
            "first_reported": first,
            "last_reported_at": last_at,
            "method": DEFAULT_METHOD_JSON,
        },
    }


_OUTLET = aliased(Outlet)
_ORIGIN = aliased(Article)
_ORIGIN_OUTLET = aliased(Outlet)
_ROOT = aliased(Article)
_ROOT_OUTLET = aliased(Outlet)
# (name, expression) in the order of `attribution_columns()`.
_ATTRIBUTION_COLUMNS: tuple[tuple[str, Any], ...] = (
    ("stance", Attribution.stance),
    ("quote", Attribution.quote),
    ("sourcing", Attribution.sourcing),
    ("id", Attribution.id),
    ("claim_id", Attribution.claim_id),
    ("created_at", json_instant(Attribution.created_at)),
    ("updated_at", json_instant(Attribution.updated_at)),
    ("outlet_id", _OUTLET.id),
    ("outlet_slug", _OUTLET.slug),
    ("outlet_name", _OUTLET.name),
    ("article_id", Article.id),
    ("article_url", Article.url),
    ("article_title", Article.title),
    ("published_at", json_instant(Article.published_at)),
    ("relation", ArticleLink.relation),
    ("reason", ArticleLink.reason),
    ("provenance", ArticleLink.provenance),
    ("origin_id", _ORIGIN.id),
    ("origin_url", _ORIGIN.url),
    ("origin_title", _ORIGIN.title),
    ("origin_published_at", json_instant(_ORIGIN.published_at)),
    ("origin_outlet_id", _ORIGIN_OUTLET.id),
    ("origin_outlet_slug", _ORIGIN_OUTLET.slug),
    ("origin_outlet_name", _ORIGIN_OUTLET.name),
    ("root_id", _ROOT.id),
    ("root_outlet_id", _ROOT_OUTLET.id),
    ("root_outlet_slug", _ROOT_OUTLET.slug),
    ("root_outlet_name", _ROOT_OUTLET.name),
    ("credited_outlet_id", CreditedOrigin.outlet_id),
)
_ATTRIBUTION_POSITION = {name: i for i, (name, _) in enumerate(_ATTRIBUTION_COLUMNS)}


@cache
def attribution_columns() -> Select[Any]:
    """An attribution's row for `attribution_json`; callers add WHERE and ORDER BY."""
    return (
        select(*(column for _, column in _ATTRIBUTION_COLUMNS))
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


def attribution_value(row: Any, name: str) -> Any:
    """The value of the column `name` in an `attribution_columns()` row."""
    return row[_ATTRIBUTION_POSITION[name]]


def attribution_json(row: Any) -> ClaimJSON:
    """An `attribution_columns()` row as an AttributionPublic dict."""
    (
        stance,
        quote,
        sourcing,
        attribution_id,
        claim_id,
        created_at,
        updated_at,
        outlet_id,
        outlet_slug,
        outlet_name,
        article_id,
        article_url,
        article_title,
        article_published_at,
        relation,
        reason,
        provenance,
        origin_id,
        origin_url,
        origin_title,
        origin_published_at,
        origin_outlet_id,
        origin_outlet_slug,
        origin_outlet_name,
        root_id,
        root_outlet_id,
        root_outlet_slug,
        root_outlet_name,
        credited_outlet_id,
    ) = row
    copy_of = None
    if relation is not None:
        copy_of = {
            "article": {
                "id": origin_id,
                "url": origin_url,
                "title": origin_title,
                "published_at": origin_published_at,
                "outlet": {
                    "id": origin_outlet_id,
                    "slug": origin_outlet_slug,
                    "name": origin_outlet_name,
                },
            },
            "relation": relation,
            "reason": reason,
            "provenance": provenance,
        }
    return {
        "stance": stance,
        "quote": quote,
        "sourcing": sourcing,
        "id": attribution_id,
        "claim_id": claim_id,
        "created_at": created_at,
        "updated_at": updated_at,
        "outlet": {"id": outlet_id, "slug": outlet_slug, "name": outlet_name},
        "article": {
            "id": article_id,
            "url": article_url,
            "title": article_title,
            "published_at": article_published_at,
        },
        "origin": copy_of,
        "independent_origin": {
            "article_id": root_id,
            "outlet": {"id": root_outlet_id, "slug": root_outlet_slug, "name": root_outlet_name},
            "credited": credited_outlet_id is not None,
        },
    }
