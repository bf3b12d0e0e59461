"""/v1/claims"""

from collections.abc import Awaitable
from collections.abc import Callable
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query
from fastapi import Request
from fastapi import Response
from fastapi.responses import StreamingResponse
from sqlalchemy import Connection
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.access.auth import Principal
from app.access.auth import PrincipalDep
from app.claims import attributions
from app.claims import download
from app.claims import listing
from app.claims import merging
from app.claims import service
from app.claims.dependencies import SORT_DESCRIPTION
from app.claims.dependencies import AttributionDep
from app.claims.dependencies import ClaimDep
from app.claims.dependencies import ClaimFiltersDep
from app.claims.dependencies import ClaimId
from app.claims.dependencies import ClaimItselfDep
from app.claims.dependencies import LiveClaimDep
from app.claims.dependencies import metered_if_expensive
from app.claims.dependencies import metered_if_recounting
from app.claims.download import ExportFormat
from app.claims.listing import ClaimFilters
from app.claims.listing import ClaimSort
from app.claims.models import AttributionCreate
from app.claims.models import AttributionPublic
from app.claims.models import AttributionUpdate
from app.claims.models import ClaimCreate
from app.claims.models import ClaimMerge
from app.claims.models import ClaimPublic
from app.claims.models import ClaimUpdate
from app.claims.models import ClaimWithAttributions
from app.core.config import Settings
from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.db import read_in_session
from app.core.db import read_only
from app.core.errors import responses
from app.core.pagination import ExportCursorDep
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.pagination import PageParams
from app.core.responses import JSONBody
from app.core.responses import RenderedJSON
from app.core.responses import json_bytes
from app.core.routing import create_route
from app.core.routing import delete_route
from app.corroboration import method as corroboration_method
from app.corroboration.dependencies import MethodDep
from app.tables import Attribution
from app.tables import Claim

router = APIRouter(prefix="/claims", tags=["claims"], responses=responses(422))
VARY_ACCEPT = {"Vary": "Accept"}


@create_route(router, "", name="create", responses=responses(409))
def create_claim(session: SessionDep, data: ClaimCreate) -> ClaimPublic:
    return _public(session, service.create(session, data=data))


CSV_EXAMPLE = (
    ",".join(download.COLUMNS) + "\r\n1,Vladimir Putin demands ...,"
    "Vladimir Putin,,3,2,3,0,2025-05-29T09:00:00Z,reuters,1,"
    '2025-05-29T15:00:00Z,...,"syndicates,cites",,published,1\r\n'
)
NEXT_CURSOR_HEADER = {
    "X-Next-Cursor": {
        "description": "Only for a client without an API key, whose export is one page of at "
        "most `CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` claims: pass it back as `cursor` for the "
        "next page; absent on the last page.",
        "schema": {"type": "string"},
    }
}


def _export_responses(description: str, content: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    return {
        200: {"description": description, "headers": NEXT_CURSOR_HEADER}
        | ({"content": content} if content else {}),
        **responses(429),
    }


EXPORT_DESCRIPTION = """Every claim that `GET /v1/claims` would list with the same filters, sort and
method, streamed (`limit` does not apply). Without an API key the export is one page of at most
`CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` claims; its `X-Next-Cursor` header, passed back as
`cursor`, gives the next."""


# Hot reads (list, detail): async routes that, under the stored counters, do all database work
# and JSON rendering in one step (`read_only`: on the event loop for SQLite, one worker-thread
# hop for PostgreSQL) and send the bytes the service built in the documented shape
# (tests/claims/test_json_shape.py). Other methods (as_of, collapse) count on the fly through
# a Session in a worker thread and return models, validated as usual.


@router.get(
    "",
    name="list",
    response_model=Page[ClaimPublic],
    responses=responses(429),
    dependencies=[Depends(metered_if_expensive)],
)
async def list_claims(
    request: Request,
    settings: SettingsDep,
    principal: PrincipalDep,
    filters: ClaimFiltersDep,
    page: PageDep,
    method: MethodDep,
    sort: Annotated[ClaimSort | None, Query(description=SORT_DESCRIPTION)] = None,
    format: Annotated[
        ExportFormat | None,
        Query(
            description="Kept for clients written before the export operations: `csv` or "
            "`ndjson` (or an Accept header naming `text/csv` or `application/x-ndjson`) "
            "answers as `GET /v1/claims.csv` / `GET /v1/claims.ndjson` do. Not in the "
            "schema, so that each operation has one media type.",
            include_in_schema=False,
        ),
    ] = None,
) -> Any:
    """Claims with their corroboration, most-corroborated first by default.

    With `as_of` or a non-default `collapse`, counts are computed on the fly for at most
    `CLAIMS_LIVE_LIST_MAX_CLAIMS` candidate claims (422 `too_many_claims` beyond: narrow the
    list with `q`, `claimant`, `outlet`, `since`/`until`); with `as_of` the list holds the
    claims reported by then. `GET /v1/claims.csv` and `GET /v1/claims.ndjson` export the
    same list.
    """
    chosen = download.negotiate(format, request.headers.get("accept"))
    if chosen is not ExportFormat.json:
        return await _export(request, settings, principal, chosen, filters, sort, method, page)
    if corroboration_method.is_default(method):
        return await list_page(request, filters=filters, sort=sort, page=page)
    listed = await read_in_session(
        request,
        lambda session: listing.list_(
            session,
            filters=filters,
            sort=sort,
            page=page,
            method=method,
            max_claims=settings.live_list_max_claims,
        ),
    )
    return RenderedJSON(json_bytes(listed.model_dump(mode="json")), headers=VARY_ACCEPT)


def _export_operation(fmt: ExportFormat) -> Callable[..., Awaitable[Response]]:
    """The handler of `GET /v1/claims.csv` / `.ndjson`: the claim list in `fmt` (`_export`)."""

    async def export(
        request: Request,
        settings: SettingsDep,
        principal: PrincipalDep,
        filters: ClaimFiltersDep,
        cursor: ExportCursorDep,
        method: MethodDep,
        sort: Annotated[ClaimSort | None, Query(description=SORT_DESCRIPTION)] = None,
    ) -> Response:
        page = PageParams(limit=settings.anonymous_export_max_claims, cursor=cursor)
        return await _export(request, settings, principal, fmt, filters, sort, method, page)

    export.__name__ = export.__qualname__ = f"export_{fmt.value}"
    return export


export_csv = router.get(
    ".csv",
    name="export-csv",
    response_class=Response,
    responses=_export_responses(
        "Every matching claim as CSV (RFC 4180, UTF-8) with a header row, in list order.",
        {
            "text/csv": {
                "schema": {
                    "type": "string",
                    "description": "Columns: " + ", ".join(download.COLUMNS),
                },
                "example": CSV_EXAMPLE,
            }
        },
    ),
    dependencies=[Depends(metered_if_expensive)],
    description=EXPORT_DESCRIPTION,
)(_export_operation(ExportFormat.csv))


export_ndjson = router.get(
    ".ndjson",
    name="export-ndjson",
    response_class=Response,
    # NDJSON (`application/x-ndjson; charset=utf-8`, one `ClaimPublic` object per line) is
    # described, not declared: no client generator parses it, and openapi-python-client
    # warns on (and drops) a response of a type it does not know.
    responses=_export_responses(
        "Every matching claim as NDJSON (`application/x-ndjson`): one `ClaimPublic` JSON object "
        "per line, in list order.",
        {},
    ),
    dependencies=[Depends(metered_if_expensive)],
    description=EXPORT_DESCRIPTION,
)(_export_operation(ExportFormat.ndjson))


async def _export(
    request: Request,
    settings: Settings,
    principal: Principal,
    chosen: ExportFormat,
    filters: ClaimFilters,
    sort: ClaimSort | None,
    method: Any,
    page: PageParams,
) -> Response:
    """The export in `chosen`: streamed whole for a key, one page for a client without one."""
    what = download.Download(chosen, filters, sort, method, settings.live_list_max_claims)
    if principal.anonymous:
        limit = settings.anonymous_export_max_claims
        return await _export_page(request, what, PageParams(limit=limit, cursor=page.cursor))
    chunks = download.stream(request.app.state.engine, what)
    return StreamingResponse(chunks, media_type=_media_type(chosen), headers=_headers(chosen))


async def _export_page(request: Request, what: download.Download, page: PageParams) -> Response:
    """One page of an export, for a client without a key (the cursor continues it)."""
    engine = request.app.state.engine
    body, cursor = await run_in_threadpool(lambda: download.page(engine, what, page))
    headers = _headers(what.fmt)
    if cursor is not None:
        headers["X-Next-Cursor"] = cursor
    return Response(body, media_type=_media_type(what.fmt), headers=headers)


def _media_type(chosen: ExportFormat) -> str:
    return f"{download.MEDIA_TYPES[chosen]}; charset=utf-8"


def _headers(chosen: ExportFormat) -> dict[str, str]:
    """An export is a file download, and which one depends on the Accept header."""
    return {
        "Content-Disposition": f'attachment; filename="claims.{chosen.value}"',
        "Vary": "Accept",
    }


@router.get(
    "/{claim_id}",
    name="get",
    response_model=ClaimWithAttributions,
    responses=responses(404, 429),
    dependencies=[Depends(metered_if_recounting)],
)
async def get_claim(request: Request, claim_id: ClaimId, method: MethodDep) -> Any:
    """The claim, its corroboration and its attributions (first page; see /attributions).

    A merged claim's id answers with the claim it was merged into, with `merged_into` set.
    `as_of` and `collapse` apply to the corroboration block; the attributions are always the
    current ones (see /corroboration for the reports counted under a method).
    """

    if corroboration_method.is_default(method):
        return await detail_page(request, claim_id=claim_id)

    def counted(session: Session) -> Any:
        item = ClaimWithAttributions.model_validate_json(_detail(session.connection(), claim_id))
        return service.with_method(session, item=item, method=method)

    item = await read_in_session(request, counted)
    return RenderedJSON(json_bytes(item.model_dump(mode="json")))


def _detail(db: Connection, claim_id: int) -> bytes:
    return service.answer_document(db, claim_id=claim_id)


# The default-method answers of the two hot reads, shared with app/claims/fast.py, which serves
# the plainest requests for them without FastAPI's routing and parameter machinery.


async def list_page(
    request: Request, *, filters: ClaimFilters, sort: ClaimSort | None, page: PageParams
) -> Response:
    """A JSON page of the list under the stored counters."""
    body = await read_only(
        request,
        lambda db: json_bytes(listing.list_json(db, filters=filters, sort=sort, page=page)),
    )
    return RenderedJSON(body, headers=VARY_ACCEPT)


async def detail_page(request: Request, *, claim_id: int) -> Response:
    """One claim with its first attributions, under the stored counters."""
    return RenderedJSON(await read_only(request, lambda db: _detail(db, claim_id)))


@router.patch("/{claim_id}", name="update", responses=responses(404, 409))
def update_claim(session: SessionDep, claim: LiveClaimDep, data: ClaimUpdate) -> ClaimPublic:
    return _public(session, service.update(session, claim=claim, data=data))


@delete_route(router, "/{claim_id}", name="delete", responses=responses(404, 409))
def delete_claim(
    session: SessionDep,
    claim: LiveClaimDep,
    cascade: Annotated[bool, Query(description="Also delete its attributions.")] = False,
) -> None:
    service.delete(session, claim=claim, cascade=cascade)


@router.get(
    "/{claim_id}/attributions",
    name="attributions",
    response_model=Page[AttributionPublic],
    responses=responses(404),
)
def list_attributions(session: SessionDep, claim: ClaimDep, page: PageDep) -> Response:
    """Every article attributed to the claim, earliest publication first."""
    assert claim.id is not None
    return JSONBody(
        attributions.attributions_json(session.connection(), claim_id=claim.id, page=page)
    )


@create_route(router, "/{claim_id}/attributions", name="attribute", responses=responses(404, 409))
def add_attribution(
    session: SessionDep, claim: ClaimDep, data: AttributionCreate
) -> AttributionPublic:
    added = attributions.add_attribution(session, claim=claim, data=data)
    return _attribution_public(session, added)


@router.patch(
    "/{claim_id}/attributions/{attribution_id}", name="update-attribution", responses=responses(404)
)
def update_attribution(
    session: SessionDep, attribution: AttributionDep, data: AttributionUpdate
) -> AttributionPublic:
    updated = attributions.update_attribution(session, attribution=attribution, data=data)
    return _attribution_public(session, updated)


@delete_route(
    router,
    "/{claim_id}/attributions/{attribution_id}",
    name="unattribute",
    responses=responses(404),
)
def remove_attribution(session: SessionDep, attribution: AttributionDep) -> None:
    attributions.remove_attribution(session, attribution=attribution)


@router.post("/{claim_id}/merge", name="merge", responses=responses(404, 409))
def merge_claim(
    session: SessionDep, claim: ClaimItselfDep, data: ClaimMerge
) -> ClaimWithAttributions:
    """Merge this claim into another: attributions move (without duplicates), counts follow.

    The old id then answers with the merged claim and `merged_into`; it leaves lists and
    matching. Merging into a merged claim merges into the claim that one leads to; repeating a
    merge is a no-op.
    """
    target = merging.merge(session, claim=claim, into_id=data.into)
    assert target.id is not None
    detail = service.detail(session, claim_id=target.id)
    detail.merged_into = target.id
    return detail


# A written row read back as the API shows it (its id is set by the flush).


def _public(session: Session, claim: Claim) -> ClaimPublic:
    assert claim.id is not None
    return service.public(session, claim_id=claim.id)


def _attribution_public(session: Session, attribution: Attribution) -> AttributionPublic:
    assert attribution.id is not None
    return attributions.attribution_public(session, attribution_id=attribution.id)
