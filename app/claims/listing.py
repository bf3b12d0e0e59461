"""The claim list: its filters, its named sorts, search, and the pages of it.

Three paths serve one list. Under the stored counters (the default method) `list_json` reads
one prepared statement per sort and filter shape (the hot path) or, with `q`, a statement
built per request around the search subquery. Under another method (as_of, collapse)
`list_` counts the candidate claims on the fly and orders them in Python. Every path pages
with the sort's `Keyset` (app/core/pagination.py), so they share cursors and orders.
"""

from collections.abc import Callable
from collections.abc import Collection
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import literal_column
from sqlalchemy import or_
from sqlalchemy import select
from sqlmodel import Session

from app.claims import search
from app.claims.models import ClaimPublic
from app.claims.projection import ClaimJSON
from app.claims.projection import claim_columns
from app.claims.projection import claim_item
from app.claims.projection import instant
from app.core.errors import Invalid
from app.core.pagination import Direction
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.pagination import after
from app.core.prepared import PreparedSelect
from app.core.responses import json_bytes
from app.corroboration import live
from app.corroboration import method as corroboration_method
from app.corroboration.models import AsOfBasis
from app.corroboration.models import Corroboration
from app.corroboration.models import CorroborationMethod
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet
from app.tables import OutletClaim

# A list under a non-default method recounts every candidate claim; beyond this, narrow it.
LIVE_LIST_MAX_CLAIMS = 5000


class ClaimSort(StrEnum):
    relevance = "relevance"
    outlets = "-outlets"
    independent_origins = "-independent_origins"
    first_reported_at = "first_reported_at"
    first_reported_at_desc = "-first_reported_at"
    last_reported_at_desc = "-last_reported_at"


@dataclass(frozen=True, slots=True)
class SortSpec:
    """One order of the claim list: the stored column and its direction (ties: claim id,
    ascending), the type of its values, and how to read the same value from counts made on
    the fly. Instants may be null: those claims come last."""

    column: Any  # None for relevance: the search subquery's rank, per request
    direction: Direction
    key_type: type
    live_value: Callable[[Corroboration, float | None], Any]

    def keyset(self, kind: str, column: Any = None) -> Keyset:
        """This order as a keyset on `column` (default: the stored column)."""
        return Keyset(
            kind,
            ((self.column if column is None else column, self.direction), (Claim.id, "asc")),
            (self.key_type, int),
            nullable=self.key_type is datetime,
        )

    def outlet_keyset(self, kind: str) -> Keyset:
        """This order on the per-outlet copy of the column (`outlet_claim`), same cursors."""
        column = getattr(OutletClaim, self.column.key)
        return Keyset(
            kind,
            ((column, self.direction), (OutletClaim.claim_id, "asc")),
            (self.key_type, int),
            nullable=self.key_type is datetime,
        )

    def with_key(self, query: Select[Any]) -> Select[Any]:
        """`query` (`claim_columns()`) with the cursor's values as trailing columns."""
        return query.add_columns(self.column, Claim.id)

    def cursor_values(self, row: Any) -> list[Any]:
        """The sort key of a `with_key` row, as a cursor holds it."""
        value = instant(row[-2]) if self.key_type is datetime else row[-2]
        return [value, row[-1]]


def _first_reported_at(counts: Corroboration, _rank: float | None) -> datetime | None:
    return counts.first_reported.at if counts.first_reported else None


SORTS: dict[ClaimSort, SortSpec] = {
    ClaimSort.relevance: SortSpec(None, "desc", float, lambda _counts, rank: rank),
    ClaimSort.outlets: SortSpec(
        Claim.outlets_count, "desc", int, lambda counts, _rank: counts.outlets
    ),
    ClaimSort.independent_origins: SortSpec(
        Claim.origins_count, "desc", int, lambda counts, _rank: counts.independent_origins
    ),
    ClaimSort.first_reported_at: SortSpec(
        Claim.first_reported_at, "asc", datetime, _first_reported_at
    ),
    ClaimSort.first_reported_at_desc: SortSpec(
        Claim.first_reported_at, "desc", datetime, _first_reported_at
    ),
    ClaimSort.last_reported_at_desc: SortSpec(
        Claim.last_reported_at, "desc", datetime, lambda counts, _rank: counts.last_reported_at
    ),
}


def search_text(q: str | None) -> str | None:
    """The `q` filter as the list takes it: a search of blanks only is no search."""
    return q if q is not None and q.strip() else None


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
    if corroboration_method.is_default(chosen):
        page_json = list_json(session.connection(), filters=filters, sort=sort, page=page)
        return Page[ClaimPublic].model_validate_json(json_bytes(page_json))
    return _list_live(
        session, filters=filters, sort=sort, page=page, chosen=chosen, max_claims=max_claims
    )


# The names the prepared list statement gives a cursor's values (the null segment has no key).
_AFTER = ("after_key", "after_id")


@lru_cache(maxsize=1024)  # bounded: filter shapes multiply (outlet lists up to 50 long)
def _list_query(
    sort: ClaimSort, shape: tuple[Any, ...], null_segment: bool, after_cursor: bool
) -> PreparedSelect:
    """The list statement for one sort, filter shape and cursor segment."""
    spec = SORTS[sort]
    keyset = spec.keyset(f"claims{sort.value}")

    def build() -> Select[Any]:
        query = _filtered(spec.with_key(claim_columns()), ClaimFilters.placeholders(shape))
        names = _AFTER[1:] if null_segment else _AFTER
        after_values = [bindparam(name) for name in names] if after_cursor else None
        query = keyset.ordered(query, after_values=after_values, null_segment=null_segment)
        return query.limit(bindparam("limit"))

    return PreparedSelect(build)


def _reported_within(since: Any, until: Any) -> Any:
    """An `outlet_claim` row's outlet reported the claim in [since, until] (either may be None).

    The outlet's first and last report decide it unless they straddle the range; only then are
    its articles on the claim probed."""
    first, last = OutletClaim.first_at, OutletClaim.last_at
    if until is None:
        return last >= since
    if since is None:
        return first <= until
    probe = (
        select(Attribution.id)
        .join(Article, Article.id == Attribution.article_id)
        .where(
            Attribution.claim_id == OutletClaim.claim_id,
            Article.outlet_id == OutletClaim.outlet_id,
            Attribution.stance.in_([literal(s) for s in REPORTING_STANCES]),  # type: ignore[attr-defined]
            Article.published_at >= since,
            Article.published_at <= until,
        )
    )
    return or_(
        and_(first >= since, first <= until),
        and_(last >= since, last <= until),
        and_(first < since, last > until, exists(probe)),
    )


@lru_cache(maxsize=256)
def _outlet_list_query(
    sort: ClaimSort, shape: tuple[Any, ...], null_segment: bool, after_cursor: bool
) -> PreparedSelect:
    """The list statement of one outlet's claims (`_by_one_outlet`): it walks the outlet's
    `outlet_claim` index in sort order, so its cost does not grow with what the outlet published."""
    spec = SORTS[sort]
    keyset = spec.outlet_keyset(f"claims{sort.value}")

    def build() -> Select[Any]:
        filters = ClaimFilters.placeholders(shape)
        outlet_id = select(Outlet.id).where(Outlet.slug == filters.outlets[0]).scalar_subquery()
        query = (
            spec.with_key(claim_columns())
            .join(OutletClaim, OutletClaim.claim_id == Claim.id)  # type: ignore[arg-type]
            .where(OutletClaim.outlet_id == outlet_id, Claim.merged_into.is_(None))  # type: ignore[union-attr]
        )
        if filters.since is not None or filters.until is not None:
            query = query.where(_reported_within(filters.since, filters.until))
        if filters.claimant is not None:
            query = query.where(func.lower(Claim.claimant) == func.lower(filters.claimant))
        if filters.min_outlets is not None:
            query = query.where(OutletClaim.outlets_count >= filters.min_outlets)
        if filters.min_origins is not None:
            query = query.where(OutletClaim.origins_count >= filters.min_origins)
        names = _AFTER[1:] if null_segment else _AFTER
        after_values = [bindparam(name) for name in names] if after_cursor else None
        query = keyset.ordered(query, after_values=after_values, null_segment=null_segment)
        return query.limit(bindparam("limit"))

    return PreparedSelect(build)


def _by_one_outlet(filters: ClaimFilters) -> bool:
    """One outlet and no search: served from `outlet_claim` (same rows, same cursors)."""
    return len(filters.outlets) == 1 and filters.q is None


def list_json(
    db: Connection, *, filters: ClaimFilters, sort: ClaimSort | None, page: PageParams
) -> ClaimJSON:
    """One page of the list under the stored counters (the default method), JSON-ready (a
    Page[ClaimPublic] whose items are the database's JSON text, `orjson.Fragment`s: render it
    with `json_bytes`): the hot path. Claims without a reporting article have no dates: date
    sorts list them last, by id."""
    sort = resolve_sort(sort, filters)
    if filters.q is not None:
        return _search_page(db, filters=filters, sort=sort, page=page)
    spec = SORTS[sort]
    keyset = spec.keyset(f"claims{sort.value}")
    shape, params = filters.shape(), filters.params()
    statement = _outlet_list_query if _by_one_outlet(filters) else _list_query

    def fetch(null_segment: bool, after_values: Any, limit: int) -> list[Any]:
        query = statement(sort, shape, null_segment, after_values is not None)
        bound = (
            dict(zip(_AFTER[-len(after_values) :], after_values, strict=True))
            if after_values
            else {}
        )
        return query.rows(db, {**params, **bound, "limit": limit})

    rows = keyset.rows(fetch, keyset.position(page.cursor), page.limit + 1)
    rows, cursor = keyset.page(rows, page.limit, spec.cursor_values)
    return {"items": [claim_item(row) for row in rows], "next_cursor": cursor}


def _search_page(
    db: Connection, *, filters: ClaimFilters, sort: ClaimSort, page: PageParams
) -> ClaimJSON:
    """`list_json` with `q`: the search subquery depends on the words, so the statement is
    built per request (SQLAlchemy Core) instead of prepared; rows and cursors are the same."""
    assert filters.q is not None
    if _plain_search(filters, sort):
        return _relevance_page(db, q=filters.q, page=page)
    matches = _search_matches(db, filters.q)
    if matches is None:  # nothing searchable in q (only punctuation): nothing matches
        return {"items": [], "next_cursor": None}
    keyset = _stored_keyset(sort, matches, filters.q)
    # Many claims can match a common word: pick the page's ids (and keys) first, then read
    # and render only those rows, instead of building every matching row before sorting.
    key = keyset.keys[0][0]
    base = _filtered(
        select(Claim.id.label("claim_id"), key.label("sort_key")),  # type: ignore[union-attr]
        filters,
        matches=matches,
    )

    def fetch(null_segment: bool, after_values: Any, limit: int) -> list[Any]:
        ids = keyset.ordered(base, after_values=after_values, null_segment=null_segment)
        return _page_of(db, ids.limit(limit), keyset)

    rows = keyset.rows(fetch, keyset.position(page.cursor), page.limit + 1)
    rows, cursor = keyset.page(rows, page.limit, lambda row: [row.sort_key, row.claim_id])
    return {"items": [claim_item(row) for row in rows], "next_cursor": cursor}


def _plain_search(filters: ClaimFilters, sort: ClaimSort) -> bool:
    """A search by relevance and nothing else: served by `_relevance_page` (same rows, cursors)."""
    return sort is ClaimSort.relevance and filters == ClaimFilters(q=filters.q)


@lru_cache(maxsize=256)
def _relevance_query(dialect: str, kinds: tuple[str, ...], after_cursor: bool) -> PreparedSelect:
    """The page of a plain search by relevance in one prepared statement: the page's ids and
    ranks straight from the full-text index (live claims only: the few merged ones are left out
    by an anti-join instead of reading every match's claim row), then only those claims' rows."""

    def build() -> Select[Any]:
        matches, rank, claim_id = search.ranked(dialect, kinds)
        merged = select(Claim.id).where(Claim.merged_into.is_not(None))  # type: ignore[union-attr]
        ids = matches.add_columns(claim_id.label("claim_id"), rank.label("sort_key")).where(
            claim_id.not_in(merged)
        )
        if after_cursor:
            keys = ((rank, "desc"), (claim_id, "asc"))
            ids = ids.where(after(keys, [bindparam(name) for name in _AFTER]))  # type: ignore[arg-type]
        chosen = (
            ids.order_by(literal_column("sort_key").desc(), literal_column("claim_id").asc())
            .limit(bindparam("limit"))
            .subquery("page")
        )
        return (
            claim_columns()
            .join(chosen, chosen.c.claim_id == Claim.id)
            .add_columns(chosen.c.claim_id, chosen.c.sort_key)
            .order_by(chosen.c.sort_key.desc(), Claim.id.asc())  # type: ignore[union-attr]
        )

    return PreparedSelect(build)


def _relevance_page(db: Connection, *, q: str, page: PageParams) -> ClaimJSON:
    """`_search_page` of a search by relevance without other filters (the common search)."""
    terms = search.parse(q)
    if not terms:  # nothing searchable in q (only punctuation): nothing matches
        return {"items": [], "next_cursor": None}
    dialect = db.dialect.name
    token = corroboration_method.token(CorroborationMethod(), _query_token(q))
    keyset = SORTS[ClaimSort.relevance].keyset(f"claims-relevance~{token}", literal("rank"))
    position = keyset.position(page.cursor)
    statement = _relevance_query(dialect, search.shape(dialect, terms), position is not None)
    params: dict[str, Any] = {**search.values(dialect, terms), "limit": page.limit + 1}
    if position is not None:
        params.update(zip(_AFTER, position, strict=True))
    rows = statement.rows(db, params)
    rows, cursor = keyset.page(rows, page.limit, lambda row: [row[-1], row[-2]])
    return {"items": [claim_item(row) for row in rows], "next_cursor": cursor}


def _stored_keyset(sort: ClaimSort, matches: Any, q: str) -> Keyset:
    """The keyset of a search under the stored counters: relevance is the rank of `matches`
    (the search subquery), and its cursors are bound to the query's words."""
    if sort is ClaimSort.relevance:
        token = corroboration_method.token(CorroborationMethod(), _query_token(q))
        return SORTS[sort].keyset(f"claims-relevance~{token}", matches.c.rank)
    return SORTS[sort].keyset(f"claims{sort.value}")


def _page_of(db: Connection, ids: Select[Any], keyset: Keyset) -> list[Any]:
    """The `claim_columns()` rows, plus `claim_id` and `sort_key`, of the (claim_id, sort_key)
    rows `ids` selects, in its order."""
    chosen = ids.subquery("page")
    direction = keyset.keys[0][1]
    query = (
        claim_columns()
        .join(chosen, chosen.c.claim_id == Claim.id)
        .add_columns(chosen.c.claim_id, chosen.c.sort_key)
        .order_by(
            chosen.c.sort_key.desc() if direction == "desc" else chosen.c.sort_key.asc(),
            Claim.id.asc(),  # type: ignore[union-attr]
        )
    )
    return list(db.execute(query))


def _list_live(
    session: Session,
    *,
    filters: ClaimFilters,
    sort: ClaimSort,
    page: PageParams,
    chosen: CorroborationMethod,
    max_claims: int,
) -> Page[ClaimPublic]:
    """The list under a non-default method: candidates filtered in SQL, counted in Python."""
    matches = None
    if filters.q is not None:
        matches = _search_matches(session, filters.q)
        if matches is None:  # nothing searchable in q (only punctuation): nothing matches
            return Page[ClaimPublic](items=[], next_cursor=None)
    spec = SORTS[sort]
    token = corroboration_method.token(chosen, _query_token(filters.q))
    keyset = spec.keyset(f"claims{sort.value}~{token}")
    position = keyset.position(page.cursor)
    columns: list[Any] = [Claim.id]
    if matches is not None:
        columns.append(matches.c.rank)
    candidates = _filtered(select(*columns), filters, matches=matches, counts=False)
    if chosen.as_of is not None:
        # Reported by as_of at all (the stored first report is the earliest there is), or
        # disputed by then: a claim only disputed so far is in the list now, so it is as_of.
        disputed = exists().where(
            Attribution.claim_id == Claim.id,
            Attribution.stance == "disputes",
            Article.id == Attribution.article_id,
            Article.published_at <= chosen.as_of,
        )
        candidates = candidates.where(
            or_(
                Claim.first_reported_at <= chosen.as_of,
                and_(Claim.disputing_outlets_count > 0, disputed),  # never disputed: no probe
            )
        )
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
        value = spec.live_value(claim_counts, ranks[claim_id])
        entries.append((keyset.sort_key([value, claim_id]), value, claim_id))
    entries.sort(key=lambda entry: entry[0])
    if position is not None:
        start = keyset.sort_key(position)
        entries = [entry for entry in entries if entry[0] > start]
    entries, cursor = keyset.page(entries, page.limit, lambda entry: [entry[1], entry[2]])
    ids = [claim_id for _, _, claim_id in entries]
    query = claim_columns().add_columns(Claim.id).where(Claim.id.in_(ids))  # type: ignore[union-attr]
    rows = {row[-1]: row for row in session.connection().execute(query)}
    items = [
        ClaimPublic.model_validate_json(rows[claim_id][0]).model_copy(
            update={"corroboration": counts[claim_id]}
        )
        for claim_id in ids
    ]
    return Page[ClaimPublic](items=items, next_cursor=cursor)


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
