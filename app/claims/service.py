"""Claim and attribution verbs, and the claim list with its filters, sorts and cursors."""

import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Select, bindparam, exists, func, literal, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.claims import search
from app.claims.models import (
    AttributionCreate,
    AttributionPublic,
    AttributionUpdate,
    ClaimCreate,
    ClaimPublic,
    ClaimUpdate,
    ClaimWithAttributions,
)
from app.core.db import flush_unique, json_date, json_instant, utcnow
from app.core.errors import Conflict, Invalid, NotFound, UnknownReference
from app.core.locks import lock_rows
from app.core.pagination import Page, PageParams, after, decode_cursor, encode_cursor
from app.core.prepared import PreparedSelect
from app.corroboration import live
from app.corroboration import method as corroboration_method
from app.corroboration import service as corroboration
from app.corroboration.models import (
    AsOfBasis,
    Corroboration,
    CorroborationMethod,
    FirstReport,
)
from app.tables import REPORTING_STANCES, Article, ArticleLink, Attribution, Claim, Outlet, Review

DETAIL_ATTRIBUTIONS = 100
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Case-, accent-width- and punctuation-insensitive form used to recognise the same claim."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def fingerprint(text: str, claimant: str | None) -> str:
    """Identity of a claim: its normalised text and claimant."""
    key = f"{normalise(text)}\x1f{normalise(claimant or '')}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def get(session: Session, *, claim_id: int) -> Claim:
    """The claim with this id, or NotFound."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        raise NotFound(f"claim {claim_id} not found")
    return claim


# Built once: ingest checks these for every claim, and building a statement costs more than
# running it.
_ID_BY_FINGERPRINT = select(Claim.id).where(Claim.fingerprint == bindparam("fingerprint"))
_ATTRIBUTION_ID = select(Attribution.id).where(
    Attribution.claim_id == bindparam("claim_id"),
    Attribution.article_id == bindparam("article_id"),
)


def _duplicate(session: Session, key: str, exclude_id: int | None) -> Conflict | None:
    if exclude_id is None:
        existing = session.scalar(_ID_BY_FINGERPRINT, {"fingerprint": key})
    else:
        existing = session.scalar(
            select(Claim.id).where(Claim.fingerprint == key, Claim.id != exclude_id)
        )
    if existing is None:
        return None
    return Conflict(
        f"the same claim already exists (id {existing})",
        details=[{"field": "text", "existing_id": existing}],
    )


def create(session: Session, *, data: ClaimCreate) -> Claim:
    """Create a claim; Conflict naming the existing one when the same text and claimant exist."""
    key = fingerprint(data.text, data.claimant)
    error = _duplicate(session, key, None)
    if error is not None:
        raise error
    claim = Claim.model_validate(data, update={"fingerprint": key})
    session.add(claim)
    flush_unique(session, lambda: _duplicate(session, key, None))
    return claim


def update(session: Session, *, claim: Claim, data: ClaimUpdate) -> Claim:
    """Change the claim's text, claimant or date."""
    changes = data.model_dump(exclude_unset=True)
    key = fingerprint(changes.get("text", claim.text), changes.get("claimant", claim.claimant))
    error = _duplicate(session, key, claim.id)
    if error is not None:
        raise error
    for name, value in changes.items():
        setattr(claim, name, value)
    claim.fingerprint = key
    claim.updated_at = utcnow()
    session.add(claim)
    flush_unique(session, lambda: _duplicate(session, key, claim.id))
    return claim


def delete(session: Session, *, claim: Claim, cascade: bool) -> None:
    """Delete a claim; with `cascade` also its attributions and reviews."""
    # Locked first, so a concurrent merge into or out of it, or an attribution being added,
    # either finishes before (and is deleted with it) or waits and then finds it gone.
    if not lock_rows(session, Claim.id, [claim.id or 0], mode="update"):
        raise NotFound(f"claim {claim.id} not found")
    session.refresh(claim)
    if claim.merged_into is not None:
        raise Conflict(
            f"claim {claim.id} was merged into claim {claim.merged_into}; change that one",
            code="claim_merged",
            details=[{"merged_into": claim.merged_into}],
        )
    count = session.scalar(select(func.count()).where(Attribution.claim_id == claim.id)) or 0
    reviews = session.scalar(select(func.count()).where(Review.claim_id == claim.id)) or 0
    if (count or reviews) and not cascade:
        detail: dict[str, int] = {"attributions": count}
        if reviews:
            detail["reviews"] = reviews
        raise Conflict(
            f"claim {claim.id} still has {count} attribution(s) and {reviews} review(s); "
            "pass cascade=true to delete them too",
            details=[detail],
        )
    session.execute(
        Attribution.__table__.delete().where(Attribution.claim_id == claim.id)  # type: ignore[attr-defined]
    )
    session.execute(
        Review.__table__.delete().where(Review.claim_id == claim.id)  # type: ignore[attr-defined]
    )
    # Claims merged into this one only redirect here, so they go with it.
    session.execute(sa.delete(Claim).where(Claim.merged_into == claim.id))  # type: ignore[arg-type]
    session.delete(claim)
    session.flush()


# ---- reading claims -------------------------------------------------------------------------


class ClaimSort(StrEnum):
    relevance = "relevance"
    outlets = "-outlets"
    independent_origins = "-independent_origins"
    first_reported_at = "first_reported_at"
    first_reported_at_desc = "-first_reported_at"
    last_reported_at_desc = "-last_reported_at"


@dataclass(frozen=True, slots=True)
class SortSpec:
    key: Any  # the sort column; the tie-break is always the claim id, ascending
    direction: str
    nullable: bool
    key_type: type
    row_position: int = -1  # where a `_claim_columns()` row holds the key (instants as text)

    def cursor_value(self, row: Any) -> Any:
        value = row[self.row_position]
        if self.key_type is datetime and value is not None:
            return datetime.fromisoformat(value)
        return value


_SORTS: dict[ClaimSort, SortSpec] = {
    ClaimSort.outlets: SortSpec(Claim.outlets_count, "desc", False, int, 6),
    ClaimSort.independent_origins: SortSpec(Claim.origins_count, "desc", False, int, 7),
    ClaimSort.first_reported_at: SortSpec(Claim.first_reported_at, "asc", True, datetime, 10),
    ClaimSort.first_reported_at_desc: SortSpec(Claim.first_reported_at, "desc", True, datetime, 10),
    ClaimSort.last_reported_at_desc: SortSpec(Claim.last_reported_at, "desc", True, datetime, 14),
}

# A list under a non-default method recounts every candidate claim; beyond this, narrow it.
LIVE_LIST_MAX_CLAIMS = 5000


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    """Filters of the claim list. A new filter is a field here plus its WHERE in `_filtered`."""

    outlets: list[str] = field(default_factory=list)
    claimant: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    min_outlets: int | None = None
    min_origins: int | None = None
    q: str | None = None

    def shape(self) -> tuple[Any, ...]:
        """What changes the SQL text: which filters are set, and how long each list is."""
        return tuple(
            len(value) if isinstance(value, list) else value is not None
            for value in (getattr(self, f.name) for f in fields(self))
        )

    @classmethod
    def placeholders(cls, shape: tuple[Any, ...]) -> "ClaimFilters":
        """Filters of this shape whose values are bind parameters named as `params()` names."""
        values: dict[str, Any] = {}
        for f, part in zip(fields(cls), shape, strict=True):
            if type(part) is int:  # a list of this length
                values[f.name] = [bindparam(f"{f.name}_{i}") for i in range(part)]
            else:
                values[f.name] = bindparam(f.name) if part else None
        return cls(**values)

    def params(self) -> dict[str, Any]:
        """Values for the bind parameters that `placeholders()` named."""
        values: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, list):
                values.update({f"{f.name}_{i}": item for i, item in enumerate(value)})
            elif value is not None:
                values[f.name] = value
        return values


def resolve_sort(sort: ClaimSort | None, filters: ClaimFilters) -> ClaimSort:
    """The sort to use: relevance by default when searching, most outlets otherwise."""
    if sort is None:
        return ClaimSort.relevance if filters.q is not None else ClaimSort.outlets
    if sort is ClaimSort.relevance and filters.q is None:
        raise Invalid(
            "sort=relevance needs a search query: pass q",
            code="relevance_needs_q",
            details=[{"loc": ["query", "sort"]}],
        )
    return sort


def _claim_query() -> Select[Any]:
    return select(Claim, Outlet.slug, Outlet.name).outerjoin(
        Outlet,
        Outlet.id == Claim.first_reported_outlet_id,  # type: ignore[arg-type]
    )


def to_public(row: Any, model: type[ClaimPublic] = ClaimPublic, **extra: Any) -> Any:
    """A (Claim, first reporter's slug, name) row as the API shows it."""
    claim, outlet_slug, outlet_name = row
    first = None
    if claim.first_reported_at is not None and outlet_slug is not None:
        first = FirstReport(
            at=claim.first_reported_at,
            outlet=outlet_slug,
            outlet_name=outlet_name,
            article_id=claim.first_reported_article_id,
        )
    return model(
        id=claim.id,
        text=claim.text,
        claimant=claim.claimant,
        claim_date=claim.claim_date,
        created_at=claim.created_at,
        updated_at=claim.updated_at,
        corroboration=Corroboration(
            outlets=claim.outlets_count,
            independent_origins=claim.origins_count,
            articles=claim.articles_count,
            disputing_outlets=claim.disputing_outlets_count,
            first_reported=first,
            last_reported_at=claim.last_reported_at,
        ),
        **extra,
    )


# The hot read path. Lists and details are read far more often than anything is written, so
# they select plain columns (no ORM objects), let the database render instants as the JSON text
# Pydantic would produce (`json_instant`), and build JSON-ready dicts shaped exactly like
# ClaimPublic / AttributionPublic (same keys, same order); routers send them with `JSONBody`,
# and tests/claims/test_json_shape.py checks them byte for byte against the Pydantic models.
# A new filter is a WHERE clause in `_filtered`; a variant that computes the counts another way
# (e.g. as of a date) selects other expressions in the same positions and reuses `_claim_json`.

ClaimJSON = dict[str, Any]
# The stored counters are the default method's; every payload echoes it (shared, never mutated).
DEFAULT_METHOD_JSON = CorroborationMethod().model_dump(mode="json")


@cache  # built once: constructing aliased selects costs more than running them
def _claim_columns() -> Select[Any]:
    first_outlet = aliased(Outlet)
    return select(
        Claim.id,
        Claim.text,
        Claim.claimant,
        json_date(Claim.claim_date),
        json_instant(Claim.created_at),
        json_instant(Claim.updated_at),
        Claim.outlets_count,
        Claim.origins_count,
        Claim.articles_count,
        Claim.disputing_outlets_count,
        json_instant(Claim.first_reported_at),
        Claim.first_reported_article_id,
        first_outlet.slug,
        first_outlet.name,
        json_instant(Claim.last_reported_at),
    ).outerjoin(first_outlet, first_outlet.id == Claim.first_reported_outlet_id)  # type: ignore[arg-type]


def _claim_json(row: Any) -> ClaimJSON:
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
            "articles": articles,
            "disputing_outlets": disputing,
            "first_reported": first,
            "last_reported_at": last_at,
            "method": DEFAULT_METHOD_JSON,
        },
    }


def _rows(db: Connection, query: Select[Any]) -> list[Any]:
    # Core execution: the ORM's result machinery adds nothing to plain column rows.
    return list(db.execute(query))


def _filtered(
    query: Select[Any], filters: ClaimFilters, *, matches: Any = None, counts: bool = True
) -> Select[Any]:
    """Apply the filters; `counts=False` leaves out the ones on stored counters.

    `filters` may hold values or, for a prepared statement, bind parameters in their place
    (`ClaimFilters.placeholders`): write every condition with SQL operators only."""
    query = query.where(Claim.merged_into.is_(None))  # type: ignore[union-attr]
    if matches is not None:
        query = query.join(matches, matches.c.claim_id == Claim.id)
    if filters.outlets or filters.since is not None or filters.until is not None:
        reporting = Attribution.stance.in_([literal(s) for s in REPORTING_STANCES])  # type: ignore[attr-defined]
        reported = (
            select(Attribution.claim_id)
            .join(Article, Article.id == Attribution.article_id)
            .where(reporting)
        )
        if filters.outlets:
            reported = reported.join(Outlet, Outlet.id == Article.outlet_id).where(
                Outlet.slug.in_(filters.outlets)  # type: ignore[attr-defined]
            )
        if filters.since is not None:
            reported = reported.where(Article.published_at >= filters.since)
        if filters.until is not None:
            reported = reported.where(Article.published_at <= filters.until)
        if filters.outlets:
            # Drive from the outlets' articles (index on outlet and date): bounded by what those
            # outlets published, however rarely their claims rank high in the sort order.
            query = query.where(Claim.id.in_(reported))  # type: ignore[union-attr]
        else:
            # A date range alone matches most top claims: walk the sort index, probe each.
            query = query.where(exists(reported.where(Attribution.claim_id == Claim.id)))
    if filters.claimant is not None:
        query = query.where(func.lower(Claim.claimant) == func.lower(filters.claimant))
    if counts and filters.min_outlets is not None:
        query = query.where(Claim.outlets_count >= filters.min_outlets)
    if counts and filters.min_origins is not None:
        query = query.where(Claim.origins_count >= filters.min_origins)
    return query


def _search_matches(db: Session | Connection, q: str) -> Any:
    """The (claim_id, rank) subquery of claims matching q; None when q has nothing to search."""
    terms = search.parse(q)
    if not terms:
        return None
    dialect = db.dialect.name if isinstance(db, Connection) else db.get_bind().dialect.name
    return search.matching_claims(dialect, terms).subquery("matches")


def matching_ids(
    db: Session | Connection, *, filters: ClaimFilters, claim_ids: Collection[int]
) -> set[int]:
    """Which of these claims the claim list would return under the filters (webhook filters)."""
    if not claim_ids:
        return set()
    matches = None
    if filters.q is not None:
        matches = _search_matches(db, filters.q)
        if matches is None:
            return set()
    query = select(Claim.id).where(Claim.id.in_(sorted(claim_ids)))  # type: ignore[union-attr]
    return set(db.scalars(_filtered(query, filters, matches=matches)))


def _query_token(q: str | None) -> str:
    terms = search.parse(q) if q is not None else []
    return "|".join(("*" if t.prefix else "") + " ".join(t.words) for t in terms)


def list_(
    session: Session,
    *,
    filters: ClaimFilters,
    sort: ClaimSort | None = None,
    page: PageParams,
    method: CorroborationMethod | None = None,
    max_claims: int = LIVE_LIST_MAX_CLAIMS,
) -> Page[ClaimPublic]:
    """Claims with their corroboration, filtered and sorted, one cursor page at a time.

    Claims without any reporting article have no dates: date sorts list them last, by id.
    Under a non-default method (as_of, collapse) the counts, the count filters and the sorts
    use counts computed on the fly for at most `max_claims` candidate claims.
    """
    sort = resolve_sort(sort, filters)
    chosen = method or CorroborationMethod()
    if not corroboration_method.is_default(chosen):
        matches = None
        if filters.q is not None:
            matches = _search_matches(session, filters.q)
            if matches is None:  # nothing searchable in q (only punctuation): nothing matches
                return Page[ClaimPublic](items=[], next_cursor=None)
        return _list_live(
            session,
            filters=filters,
            sort=sort,
            page=page,
            chosen=chosen,
            matches=matches,
            max_claims=max_claims,
        )
    page_json = list_json(session.connection(), filters=filters, sort=sort, page=page)
    return Page[ClaimPublic].model_validate(page_json)


@lru_cache(maxsize=1024)  # bounded: filter shapes multiply (outlet lists up to 50 long)
def _list_query(
    sort: ClaimSort, shape: tuple[Any, ...], null_segment: bool, after_cursor: bool
) -> PreparedSelect:
    """The list statement for one sort, filter shape and cursor position kind."""
    spec = _SORTS[sort]

    def build() -> Select[Any]:
        query = _filtered(_claim_columns(), ClaimFilters.placeholders(shape))
        if null_segment:
            # Claims with no date under a date sort: last, by id.
            query = query.where(spec.key.is_(None)).order_by(Claim.id.asc())  # type: ignore[union-attr]
            if after_cursor:
                query = query.where(Claim.id > bindparam("after_id"))
        else:
            direction = spec.key.desc() if spec.direction == "desc" else spec.key.asc()
            query = query.order_by(direction, Claim.id.asc())  # type: ignore[union-attr]
            if spec.nullable:
                query = query.where(spec.key.is_not(None))
            if after_cursor:
                keys = [(spec.key, spec.direction), (Claim.id, "asc")]
                query = query.where(after(keys, [bindparam("after_key"), bindparam("after_id")]))
        return query.limit(bindparam("limit"))

    return PreparedSelect(build)


def list_json(
    db: Connection, *, filters: ClaimFilters, sort: ClaimSort | None, page: PageParams
) -> ClaimJSON:
    """One page of the list under the stored counters (the default method), JSON-ready (a
    Page[ClaimPublic]): the hot path. Claims without a reporting article have no dates: date
    sorts list them last, by id."""
    sort = resolve_sort(sort, filters)
    if filters.q is not None:
        return _search_page(db, filters=filters, sort=sort, page=page)
    spec = _SORTS[sort]
    kind = f"claims{sort.value}"
    position = None
    if page.cursor is not None:
        position = decode_cursor(
            page.cursor, kind, (spec.key_type, int), nullable_key=spec.nullable
        )
    shape, params = filters.shape(), filters.params()
    wanted = page.limit + 1
    rows: list[Any] = []
    in_null_segment = spec.nullable and position is not None and position[0] is None
    if not in_null_segment:
        if position is not None:
            params.update(after_key=position[0], after_id=position[1])
        query = _list_query(sort, shape, False, position is not None)
        rows = query.rows(db, {**params, "limit": wanted})
    if spec.nullable and len(rows) < wanted:
        query = _list_query(sort, shape, True, in_null_segment)
        if in_null_segment:
            assert position is not None
            params.update(after_id=position[1])
        rows += query.rows(db, {**params, "limit": wanted - len(rows)})
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    cursor = None
    if more:
        cursor = encode_cursor(kind, [spec.cursor_value(rows[-1]), rows[-1][0]])
    return {"items": [_claim_json(row) for row in rows], "next_cursor": cursor}


def _search_page(
    db: Connection, *, filters: ClaimFilters, sort: ClaimSort, page: PageParams
) -> ClaimJSON:
    """`list_json` with `q`: the search subquery depends on the words, so the statement is
    built per request (SQLAlchemy Core) instead of prepared; rows and cursors are the same."""
    assert filters.q is not None
    matches = _search_matches(db, filters.q)
    if matches is None:  # nothing searchable in q (only punctuation): nothing matches
        return {"items": [], "next_cursor": None}
    spec, kind, position = _stored_order(sort, matches, filters.q, page.cursor)
    # Many claims can match a common word: pick the page's ids (and keys) first, then read
    # and render only those rows, instead of building every matching row before sorting.
    base = _filtered(
        select(Claim.id.label("claim_id"), spec.key.label("sort_key")), filters, matches=matches
    )  # type: ignore[union-attr]
    rows = _keyset_rows(
        base, spec, position, page.limit + 1, lambda query: _page_of(db, query, spec)
    )
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    cursor = None
    if more:
        cursor = encode_cursor(kind, [spec.cursor_value(rows[-1]), rows[-1][0]])
    return {"items": [_claim_json(row[:15]) for row in rows], "next_cursor": cursor}


def _stored_order(
    sort: ClaimSort, matches: Any, q: str | None, cursor: str | None
) -> tuple[SortSpec, str, list[Any] | None]:
    """Under the stored counters, with `matches` (the search subquery) when `q` is given: the
    sort's spec, its cursor kind (relevance cursors are bound to the query's words) and the
    position `cursor` names."""
    if sort is ClaimSort.relevance:
        assert q is not None  # resolve_sort refuses relevance without q
        spec = SortSpec(matches.c.rank, "desc", False, float)  # the appended last column
        token = corroboration_method.token(CorroborationMethod(), _query_token(q))
        kind = f"claims-relevance~{token}"
    else:
        spec = _SORTS[sort]
        kind = f"claims{sort.value}"
    position = None
    if cursor is not None:
        position = decode_cursor(cursor, kind, (spec.key_type, int), nullable_key=spec.nullable)
    return spec, kind, position


def _keyset_rows(
    base: Select[Any],
    spec: SortSpec,
    position: list[Any] | None,
    wanted: int,
    fetch: Callable[[Select[Any]], list[Any]],
) -> list[Any]:
    """Up to `wanted` rows of `base` after the cursor `position`, in `spec`'s order and then by
    id; a nullable key's rows without a key come last, by id (their own cursor segment).
    `fetch` runs a statement and returns its rows."""
    keys = [(spec.key, spec.direction), (Claim.id, "asc")]
    order = [spec.key.desc() if spec.direction == "desc" else spec.key.asc(), Claim.id.asc()]  # type: ignore[union-attr]
    rows: list[Any] = []
    in_null_segment = spec.nullable and position is not None and position[0] is None
    if not in_null_segment:
        query = base.order_by(*order)
        if spec.nullable:
            query = query.where(spec.key.is_not(None))
        if position is not None:
            query = query.where(after(keys, position))
        rows = fetch(query.limit(wanted))
    if spec.nullable and len(rows) < wanted:
        query = base.where(spec.key.is_(None)).order_by(Claim.id.asc())  # type: ignore[union-attr]
        if in_null_segment:
            assert position is not None
            query = query.where(Claim.id > position[1])
        rows += fetch(query.limit(wanted - len(rows)))
    return rows


def _page_of(db: Connection, ids: Select[Any], spec: SortSpec) -> list[Any]:
    """The `_claim_columns()` rows (plus the sort key) of the (claim_id, sort_key) rows `ids`
    selects, in its order."""
    chosen = ids.subquery("page")
    query = (
        _claim_columns()
        .join(chosen, chosen.c.claim_id == Claim.id)
        .add_columns(chosen.c.sort_key)
        .order_by(
            chosen.c.sort_key.desc() if spec.direction == "desc" else chosen.c.sort_key.asc(),
            Claim.id.asc(),  # type: ignore[union-attr]
        )
    )
    return _rows(db, query)


def page_rows(
    session: Session, *, filters: ClaimFilters, sort: ClaimSort | None, page: PageParams
) -> tuple[list[Any], str | None]:
    """One page of the list under the stored counters (default method), as raw rows
    (Claim, first reporter's slug, its name) and the next cursor; exports format these."""
    sort = resolve_sort(sort, filters)
    matches = None
    if filters.q is not None:
        matches = _search_matches(session, filters.q)
        if matches is None:
            return [], None
    spec, kind, position = _stored_order(sort, matches, filters.q, page.cursor)
    base = _filtered(_claim_query(), filters, matches=matches).add_columns(
        spec.key.label("sort_key")
    )
    rows = _keyset_rows(
        base, spec, position, page.limit + 1, lambda query: list(session.execute(query))
    )
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    cursor = None
    if more:
        last = rows[-1]
        cursor = encode_cursor(kind, [last.sort_key, last[0].id])
    return [row[:3] for row in rows], cursor


def _live_sort_value(sort: ClaimSort, counts: Corroboration, rank: float | None) -> Any:
    if sort is ClaimSort.relevance:
        return rank
    if sort is ClaimSort.outlets:
        return counts.outlets
    if sort is ClaimSort.independent_origins:
        return counts.independent_origins
    if sort is ClaimSort.last_reported_at_desc:
        return counts.last_reported_at
    return counts.first_reported.at if counts.first_reported else None


def _live_order_key(sort: ClaimSort, value: Any, claim_id: int) -> tuple[int, Any, int]:
    """Python twin of the SQL orders: value (nulls last) then claim id ascending."""
    if value is None:
        return (1, 0, claim_id)
    number = live.micros(value) if isinstance(value, datetime) else value
    ascending = sort is ClaimSort.first_reported_at
    return (0, number if ascending else -number, claim_id)


def _list_live(
    session: Session,
    *,
    filters: ClaimFilters,
    sort: ClaimSort,
    page: PageParams,
    chosen: CorroborationMethod,
    matches: Any,
    max_claims: int,
) -> Page[ClaimPublic]:
    """The list under a non-default method: candidates filtered in SQL, counted in Python."""
    kind = f"claims{sort.value}~{corroboration_method.token(chosen, _query_token(filters.q))}"
    key_type: type = {
        ClaimSort.relevance: float,
        ClaimSort.outlets: int,
        ClaimSort.independent_origins: int,
    }.get(sort, datetime)
    position = None
    if page.cursor is not None:
        position = decode_cursor(
            page.cursor, kind, (key_type, int), nullable_key=key_type is datetime
        )
    columns: list[Any] = [Claim.id]
    if matches is not None:
        columns.append(matches.c.rank)
    candidates = _filtered(select(*columns), filters, matches=matches, counts=False)
    if chosen.as_of is not None:
        # Reported by as_of at all: the stored first report is the earliest there is.
        candidates = candidates.where(Claim.first_reported_at <= chosen.as_of)
        if chosen.as_of_basis is AsOfBasis.recorded:
            candidates = candidates.where(Claim.created_at <= chosen.as_of)
    found = session.execute(candidates.order_by(Claim.id).limit(max_claims + 1)).all()
    if len(found) > max_claims:
        raise Invalid(
            f"more than {max_claims} claims match; counting under as_of or collapse is done "
            "on the fly, so narrow the list (q, claimant, outlet, since/until)",
            code="too_many_claims",
            details=[{"max_claims": max_claims}],
        )
    ranks = {row[0]: (float(row[1]) if matches is not None else None) for row in found}
    counts = live.corroboration(session, claim_ids=ranks, chosen=chosen)
    entries = []
    for claim_id, claim_counts in counts.items():
        if filters.min_outlets is not None and claim_counts.outlets < filters.min_outlets:
            continue
        if filters.min_origins is not None and (
            claim_counts.independent_origins < filters.min_origins
        ):
            continue
        value = _live_sort_value(sort, claim_counts, ranks[claim_id])
        entries.append((_live_order_key(sort, value, claim_id), value, claim_id))
    entries.sort(key=lambda entry: entry[0])
    if position is not None:
        start = _live_order_key(sort, position[0], position[1])
        entries = [entry for entry in entries if entry[0] > start]
    more = len(entries) > page.limit
    entries = entries[: page.limit]
    ids = [claim_id for _, _, claim_id in entries]
    rows = {row[0].id: row for row in session.execute(_claim_query().where(Claim.id.in_(ids)))}  # type: ignore[union-attr]
    items = [
        to_public(rows[claim_id]).model_copy(update={"corroboration": counts[claim_id]})
        for claim_id in ids
    ]
    cursor = encode_cursor(kind, [entries[-1][1], entries[-1][2]]) if more else None
    return Page[ClaimPublic](items=items, next_cursor=cursor)


def with_method(session: Session, *, item: Any, method: CorroborationMethod | None) -> Any:
    """The claim payload with its corroboration recounted under a non-default method."""
    if method is None or corroboration_method.is_default(method):
        return item
    counts = live.corroboration(session, claim_ids=[item.id], chosen=method)[item.id]
    return item.model_copy(update={"corroboration": counts})


def public(session: Session, *, claim_id: int) -> ClaimPublic:
    """One claim with its corroboration."""
    row = session.execute(_claim_query().where(Claim.id == claim_id)).one_or_none()
    if row is None:
        raise NotFound(f"claim {claim_id} not found")
    return to_public(row)


_CLAIM_BY_ID = PreparedSelect(
    lambda: _claim_columns().where(Claim.id == bindparam("claim_id"))  # type: ignore[arg-type]
)
_MERGED_INTO = PreparedSelect(
    lambda: select(Claim.merged_into).where(Claim.id == bindparam("claim_id"))  # type: ignore[arg-type]
)


def resolve_id(db: Connection, *, claim_id: int) -> int:
    """The id of the claim an id answers with (itself, or where it was merged), or NotFound."""
    current = claim_id
    for _ in range(MAX_MERGE_HOPS):
        rows = _MERGED_INTO.rows(db, {"claim_id": current})
        if not rows:
            raise NotFound(f"claim {claim_id} not found")
        if rows[0][0] is None:
            return current
        current = rows[0][0]
    raise Conflict(f"claim {claim_id} is in a merge chain longer than {MAX_MERGE_HOPS}")


def public_json(db: Connection, *, claim_id: int) -> ClaimJSON:
    """One claim with its corroboration, JSON-ready (a ClaimPublic)."""
    rows = _CLAIM_BY_ID.rows(db, {"claim_id": claim_id})
    if not rows:
        raise NotFound(f"claim {claim_id} not found")
    return _claim_json(rows[0])


def detail_json(db: Connection, *, claim_id: int) -> ClaimJSON:
    """One claim, its corroboration and its first attributions (a ClaimWithAttributions)."""
    claim = public_json(db, claim_id=claim_id)
    attributions = attributions_json(
        db, claim_id=claim_id, page=PageParams(limit=DETAIL_ATTRIBUTIONS, cursor=None)
    )
    claim["merged_into"] = None
    claim["attributions"] = attributions["items"]
    claim["attributions_next_cursor"] = attributions["next_cursor"]
    return claim


def detail(session: Session, *, claim_id: int) -> ClaimWithAttributions:
    """One claim with its corroboration and the first page of its attributions."""
    return ClaimWithAttributions.model_validate(
        detail_json(session.connection(), claim_id=claim_id)
    )


# ---- attributions ---------------------------------------------------------------------------


def get_attribution(session: Session, *, claim_id: int, attribution_id: int) -> Attribution:
    """The attribution with this id on this claim, or NotFound."""
    attribution = session.get(Attribution, attribution_id)
    if attribution is None or attribution.claim_id != claim_id:
        raise NotFound(f"attribution {attribution_id} not found on claim {claim_id}")
    return attribution


def _attribution_conflict(session: Session, claim_id: int, article_id: int) -> Conflict | None:
    existing = session.scalar(_ATTRIBUTION_ID, {"claim_id": claim_id, "article_id": article_id})
    if existing is None:
        return None
    return Conflict(
        f"article {article_id} is already attributed to claim {claim_id} (attribution {existing})",
        details=[{"field": "article_id", "existing_id": existing}],
    )


def add_attribution(session: Session, *, claim: Claim, data: AttributionCreate) -> Attribution:
    """Attribute the claim to an article; the claim's counts follow in this transaction."""
    assert claim.id is not None
    claim_id = claim.id
    if session.get(Article, data.article_id) is None:
        raise UnknownReference(
            f"article {data.article_id} not found",
            details=[{"field": "article_id", "value": data.article_id}],
        )
    error = _attribution_conflict(session, claim_id, data.article_id)
    if error is not None:
        raise error
    attribution = Attribution.model_validate(data, update={"claim_id": claim_id})
    session.add(attribution)
    flush_unique(session, lambda: _attribution_conflict(session, claim_id, data.article_id))
    corroboration.refresh(session, claim_ids=[claim_id])
    return attribution


def update_attribution(
    session: Session, *, attribution: Attribution, data: AttributionUpdate
) -> Attribution:
    """Change an attribution's stance, quote or sourcing."""
    changes = data.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(attribution, name, value)
    attribution.updated_at = utcnow()
    session.add(attribution)
    session.flush()
    if "stance" in changes:
        corroboration.refresh(session, claim_ids=[attribution.claim_id])
    return attribution


def remove_attribution(session: Session, *, attribution: Attribution) -> None:
    """Remove an attribution; the claim's counts follow in this transaction."""
    claim_id = attribution.claim_id
    session.delete(attribution)
    session.flush()
    corroboration.refresh(session, claim_ids=[claim_id])


@cache
def _attribution_columns() -> Select[Any]:
    outlet = aliased(Outlet)
    origin = aliased(Article)
    origin_outlet = aliased(Outlet)
    root = aliased(Article)
    root_outlet = aliased(Outlet)
    return (
        select(
            Attribution.stance,
            Attribution.quote,
            Attribution.sourcing,
            Attribution.id,
            Attribution.claim_id,
            json_instant(Attribution.created_at),
            json_instant(Attribution.updated_at),
            outlet.id,
            outlet.slug,
            outlet.name,
            Article.id,
            Article.url,
            Article.title,
            json_instant(Article.published_at),
            ArticleLink.relation,
            ArticleLink.reason,
            ArticleLink.provenance,
            origin.id,
            origin.url,
            origin.title,
            json_instant(origin.published_at),
            origin_outlet.id,
            origin_outlet.slug,
            origin_outlet.name,
            root.id,
            root_outlet.id,
            root_outlet.slug,
            root_outlet.name,
        )
        .join(Article, Article.id == Attribution.article_id)
        .join(outlet, outlet.id == Article.outlet_id)
        .outerjoin(ArticleLink, ArticleLink.article_id == Article.id)
        .outerjoin(origin, origin.id == ArticleLink.origin_article_id)
        .outerjoin(origin_outlet, origin_outlet.id == origin.outlet_id)
        .join(root, root.id == Article.root_article_id)
        .join(root_outlet, root_outlet.id == root.outlet_id)
    )


def _attribution_json(row: Any) -> ClaimJSON:
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
        },
    }


def attribution_public(session: Session, *, attribution_id: int) -> AttributionPublic:
    """One attribution as the API shows it, validated (for write responses)."""
    query = _attribution_columns().where(Attribution.id == attribution_id)
    rows = _rows(session.connection(), query)
    if not rows:
        raise NotFound(f"attribution {attribution_id} not found")
    return AttributionPublic.model_validate(_attribution_json(rows[0]))


@cache
def _attributions_query(after_cursor: bool) -> PreparedSelect:
    """A claim's attributions in publication order, from the start or after a cursor."""

    def build() -> Select[Any]:
        query = (
            _attribution_columns()
            .where(Attribution.claim_id == bindparam("claim_id"))
            .order_by(Article.published_at.asc(), Attribution.id.asc())  # type: ignore[attr-defined,union-attr]
        )
        if after_cursor:
            keys: list[tuple[Any, Any]] = [
                (Article.published_at, "asc"),
                (Attribution.id, "asc"),
            ]
            query = query.where(after(keys, [bindparam("after_at"), bindparam("after_id")]))
        return query.limit(bindparam("limit"))

    return PreparedSelect(build)


def attributions_page(
    session: Session, *, claim_id: int, page: PageParams
) -> Page[AttributionPublic]:
    """A claim's attributions, earliest publication first."""
    page_json = attributions_json(session.connection(), claim_id=claim_id, page=page)
    return Page[AttributionPublic].model_validate(page_json)


def attributions_json(db: Connection, *, claim_id: int, page: PageParams) -> ClaimJSON:
    """A claim's attributions, earliest publication first, JSON-ready (a
    Page[AttributionPublic])."""
    params: dict[str, Any] = {"claim_id": claim_id, "limit": page.limit + 1}
    if page.cursor is not None:
        after_at, after_id = decode_cursor(page.cursor, "attributions", (datetime, int))
        params.update(after_at=after_at, after_id=after_id)
    rows = _attributions_query(page.cursor is not None).rows(db, params)
    more = len(rows) > page.limit
    rows = rows[: page.limit]
    cursor = None
    if more:
        last_at = datetime.fromisoformat(rows[-1][13])  # the article's published_at, as JSON text
        cursor = encode_cursor("attributions", [last_at, rows[-1][3]])
    return {"items": [_attribution_json(row) for row in rows], "next_cursor": cursor}


MAX_MERGE_HOPS = 100


def resolve(session: Session, *, claim_id: int) -> Claim:
    """The claim an id answers with: itself, or the claim it was (transitively) merged into."""
    claim = get(session, claim_id=claim_id)
    for _ in range(MAX_MERGE_HOPS):
        if claim.merged_into is None:
            return claim
        claim = get(session, claim_id=claim.merged_into)
    raise Conflict(f"claim {claim_id} is in a merge chain longer than {MAX_MERGE_HOPS}")
