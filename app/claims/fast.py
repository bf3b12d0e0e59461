"""The two hottest reads, served without FastAPI's routing and parameter machinery.

`GET /v1/claims` and `GET /v1/claims/{claim_id}` are what front ends call most. Through FastAPI
a page of 50 claims spends more CPU matching the route through the nested routers and
validating a dozen optional query parameters one by one than reading and rendering the page
(docs/benchmarks.md has the profile). The routes here sit in front of FastAPI's and take only
requests whose every parameter is in a narrow, unambiguous form that needs no validation
beyond what they check themselves: an anonymous read on an open service, JSON wanted, and
only `limit`, `cursor`, `sort`, `min_outlets`, `min_origins`, `q`, `outlet`, `since` and `until`
for the list (each at most once, plain decimal digits, a cursor in the alphabet cursors are
written in, a search of at most 500 characters run under the caller's work limits as the route
runs it, one outlet and instants validated by the route's own types), no query at all for a
claim. Anything else — another parameter, another spelling, an API key, CSV — does not match
here and goes to the FastAPI route, which validates it and answers it, errors included.

What a request matched here gets is byte for byte what the FastAPI route sends for it: both
call `list_page` / `detail_page` in app/claims/router.py after the same access check
(`admit_anonymous`, the anonymous branch of `authorize`), and
tests/claims/test_fast_reads.py compares the two. The FastAPI routes stay the documented
operations (OpenAPI); these are not in the schema.
"""

import re
from collections.abc import Awaitable
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from pydantic import TypeAdapter
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Match
from starlette.routing import Route
from starlette.types import Scope

from app.access.auth import admit_anonymous
from app.access.auth import is_anonymous_read
from app.access.auth import metered_work
from app.claims import download
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.claims.router import detail_page
from app.claims.router import list_page
from app.core.pagination import DEFAULT_LIMIT
from app.core.pagination import MAX_LIMIT
from app.core.pagination import PageParams
from app.core.types import MAX_ID
from app.core.types import Slug
from app.core.types import UTCInstant

_PARAMS = "corroborate.fast_read"
_COUNT = re.compile(r"0|[1-9][0-9]{0,9}")
_CURSOR = re.compile(r"[A-Za-z0-9_-]{1,1000}")
_SORTS = {sort.value: sort for sort in ClaimSort}
_MAX_Q = 500  # the route's `q` limit (app/claims/dependencies.py)
# The route's own parameter types: what they accept is taken, anything else falls through.
_TYPES = {"outlet": TypeAdapter(Slug), "since": TypeAdapter(UTCInstant)}
_TYPES["until"] = _TYPES["since"]

Parsed = dict[str, Any]


def _count(value: str, low: int) -> int | None:
    if _COUNT.fullmatch(value) is None:
        return None
    number = int(value)
    return number if low <= number <= MAX_ID else None


def parse_list(scope: Scope) -> Parsed | None:
    """The list's arguments when the query is in the plain form served here; None otherwise."""
    limit, cursor, sort, minimum, q = DEFAULT_LIMIT, None, None, {}, None
    seen: set[str] = set()
    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name in seen:
            return None
        seen.add(name)
        if name == "limit":
            number = _count(value, 1)
            if number is None or number > MAX_LIMIT:
                return None
            limit = number
        elif name == "cursor":
            if _CURSOR.fullmatch(value) is None:
                return None
            cursor = value
        elif name == "sort":
            sort = _SORTS.get(value)
            if sort is None:
                return None
        elif name in ("min_outlets", "min_origins"):
            number = _count(value, 0)
            if number is None:
                return None
            minimum[name] = number
        elif name == "q":
            if len(value) > _MAX_Q or not value.strip():
                return None
            q = value
        elif name in _TYPES:
            try:
                valid = _TYPES[name].validate_python(value)
            except ValidationError:
                return None
            minimum["outlets" if name == "outlet" else name] = (
                [valid] if name == "outlet" else valid
            )
        else:
            return None
    if sort is ClaimSort.relevance and q is None:
        return None  # the route's error
    return {
        "filters": ClaimFilters(**minimum, q=q),
        "sort": sort,
        "page": PageParams(limit=limit, cursor=cursor),
    }


def parse_detail(scope: Scope) -> Parsed | None:
    """The claim id when the request is `/v1/claims/<id>` with a plain id and no query."""
    if scope.get("query_string"):
        return None
    claim_id = _count(scope["path_params"]["claim_id"], 1)
    return None if claim_id is None else {"claim_id": claim_id}


class FastRead(Route):
    """A GET route that matches only the requests its `parse` accepts (see the module doc)."""

    def __init__(
        self,
        path: str,
        parse: Callable[[Scope], Parsed | None],
        answer: Callable[..., Awaitable[Response]],
    ) -> None:
        async def endpoint(request: Request) -> Response:
            await admit_anonymous(request)
            return await answer(request, **request.scope[_PARAMS])

        super().__init__(path, endpoint, methods=["GET"], include_in_schema=False)
        self.parse = parse

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or scope["method"] != "GET":
            return Match.NONE, {}
        match, child_scope = super().matches(scope)
        if match is not Match.FULL:
            return Match.NONE, {}
        request = Request({**scope, **child_scope})
        if not is_anonymous_read(request):
            return Match.NONE, {}
        if (
            download.negotiate(None, request.headers.get("accept"))
            is not download.ExportFormat.json
        ):
            return Match.NONE, {}
        parsed = self.parse({**scope, **child_scope})
        if parsed is None:
            return Match.NONE, {}
        # `route` names this route's template (the FastAPI route's) to metrics and logs.
        return Match.FULL, {**child_scope, "route": self, _PARAMS: parsed}


async def _list_or_search(
    request: Request, *, filters: ClaimFilters, sort: ClaimSort | None, page: PageParams
) -> Response:
    """`list_page`; a search under the caller's work limits, as the route's dependency runs it."""
    if filters.q is None:
        return await list_page(request, filters=filters, sort=sort, page=page)
    async with metered_work(request):
        return await list_page(request, filters=filters, sort=sort, page=page)


def fast_routes() -> list[FastRead]:
    return [
        FastRead("/v1/claims", parse_list, _list_or_search),
        FastRead("/v1/claims/{claim_id}", parse_detail, detail_page),
    ]
