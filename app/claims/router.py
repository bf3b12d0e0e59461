"""/v1/claims"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from sqlalchemy import Connection
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.access.auth import PrincipalDep
from app.claims import export, merging, service
from app.claims.dependencies import (
    SORT_DESCRIPTION,
    AttributionDep,
    ClaimDep,
    ClaimFiltersDep,
    ClaimId,
    ClaimItselfDep,
    LiveClaimDep,
    metered_if_expensive,
    metered_if_recounting,
)
from app.claims.export import ExportFormat
from app.claims.models import (
    AttributionCreate,
    AttributionPublic,
    AttributionUpdate,
    ClaimCreate,
    ClaimMerge,
    ClaimPublic,
    ClaimUpdate,
    ClaimWithAttributions,
)
from app.claims.service import ClaimSort
from app.core.config import Settings, SettingsDep
from app.core.db import SessionDep, read_in_session, read_only
from app.core.errors import responses
from app.core.pagination import Page, PageDep, PageParams
from app.core.responses import JSONBody, RenderedJSON, json_bytes
from app.corroboration import method as corroboration_method
from app.corroboration.dependencies import MethodDep

router = APIRouter(prefix="/claims", tags=["claims"], responses=responses(422))
VARY_ACCEPT = {"Vary": "Accept"}


@router.post(
    "",
    name="create",
    status_code=status.HTTP_201_CREATED,
    response_model=ClaimPublic,
    responses=responses(409),
)
def create_claim(session: SessionDep, data: ClaimCreate) -> ClaimPublic:
    claim = service.create(session, data=data)
    assert claim.id is not None
    return service.public(session, claim_id=claim.id)


EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A page of claims as JSON; or, as CSV (`text/csv`) or NDJSON "
        "(`application/x-ndjson`), every matching claim streamed in list order.",
        "content": {
            export.MEDIA_TYPES[ExportFormat.csv]: {
                "schema": {"type": "string"},
                "example": ",".join(export.COLUMNS) + "\r\n1,Vladimir Putin demands ...,"
                "Vladimir Putin,,3,2,3,0,2025-05-29T09:00:00Z,reuters,1,"
                '2025-05-29T15:00:00Z,...,"syndicates,cites",,published,1\r\n',
            },
            export.MEDIA_TYPES[ExportFormat.ndjson]: {
                "schema": {"type": "string", "description": "One ClaimPublic object per line."}
            },
        },
    }
}


# Hot reads (list, detail): async routes that, under the stored counters, do all database work
# and JSON rendering in one step (`read_only`: on the event loop for SQLite, one worker-thread
# hop for PostgreSQL) and send the bytes the service built in the documented shape
# (tests/claims/test_json_shape.py). Other methods (as_of, collapse) count on the fly through
# a Session in a worker thread and return models, validated as usual.


@router.get(
    "",
    name="list",
    response_model=Page[ClaimPublic],
    responses={**EXPORT_RESPONSES, **responses(429)},
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
            description="Representation: `json` (a page), `csv` or `ndjson` (every matching "
            "claim, streamed; `limit` and `cursor` do not apply). Without it the Accept "
            "header decides (`text/csv`, `application/x-ndjson`); JSON otherwise. Without an "
            "API key an export is one page of at most `CLAIMS_ANONYMOUS_EXPORT_MAX_CLAIMS` "
            "claims; its `X-Next-Cursor` header, passed back as `cursor`, gives the next."
        ),
    ] = None,
) -> Any:
    """Claims with their corroboration, most-corroborated first by default.

    With `as_of` or a non-default `collapse`, counts are computed on the fly for at most
    `CLAIMS_LIVE_LIST_MAX_CLAIMS` candidate claims (422 `too_many_claims` beyond: narrow the
    list with `q`, `claimant`, `outlet`, `since`/`until`); with `as_of` the list holds the
    claims reported by then. CSV and NDJSON exports take the same filters, sort and method.
    """
    chosen = export.negotiate(format, request.headers.get("accept"))
    if chosen is not ExportFormat.json and principal.anonymous:
        return await _export_page(request, settings, chosen, filters, sort, method, page)
    if chosen is not ExportFormat.json:
        chunks = export.stream(
            request.app.state.engine,
            fmt=chosen,
            filters=filters,
            sort=sort,
            method=method,
            max_claims=settings.live_list_max_claims,
        )
        media_type = export.MEDIA_TYPES[chosen]
        return StreamingResponse(
            chunks,
            media_type=f"{media_type}; charset=utf-8",
            headers={
                "Content-Disposition": f'attachment; filename="claims.{chosen.value}"',
                "Vary": "Accept",
            },
        )
    if corroboration_method.is_default(method):
        return await list_page(request, filters=filters, sort=sort, page=page)
    listed = await read_in_session(
        request,
        lambda session: service.list_(
            session,
            filters=filters,
            sort=sort,
            page=page,
            method=method,
            max_claims=settings.live_list_max_claims,
        ),
    )
    return RenderedJSON(json_bytes(listed.model_dump(mode="json")), headers=VARY_ACCEPT)


async def _export_page(
    request: Request,
    settings: Settings,
    chosen: ExportFormat,
    filters: service.ClaimFilters,
    sort: ClaimSort | None,
    method: Any,
    page: PageParams,
) -> Response:
    """One page of an export, for a client without a key (the cursor continues it)."""
    body, cursor = await run_in_threadpool(
        lambda: export.page(
            request.app.state.engine,
            fmt=chosen,
            filters=filters,
            sort=sort,
            method=method,
            max_claims=settings.live_list_max_claims,
            page=PageParams(limit=settings.anonymous_export_max_claims, cursor=page.cursor),
        )
    )
    headers = {
        "Content-Disposition": f'attachment; filename="claims.{chosen.value}"',
        "Vary": "Accept",
    }
    if cursor is not None:
        headers["X-Next-Cursor"] = cursor
    media_type = export.MEDIA_TYPES[chosen]
    return Response(body, media_type=f"{media_type}; charset=utf-8", headers=headers)


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
        item = ClaimWithAttributions.model_validate(_detail(session.connection(), claim_id))
        return service.with_method(session, item=item, method=method)

    item = await read_in_session(request, counted)
    return RenderedJSON(json_bytes(item.model_dump(mode="json")))


def _detail(db: Connection, claim_id: int) -> dict[str, Any]:
    target = service.resolve_id(db, claim_id=claim_id)
    item = service.detail_json(db, claim_id=target)
    if target != claim_id:
        item["merged_into"] = target
    return item


# The default-method answers of the two hot reads, shared with app/claims/fast.py, which serves
# the plainest requests for them without FastAPI's routing and parameter machinery.


async def list_page(
    request: Request, *, filters: service.ClaimFilters, sort: ClaimSort | None, page: PageParams
) -> Response:
    """A JSON page of the list under the stored counters."""
    body = await read_only(
        request,
        lambda db: json_bytes(service.list_json(db, filters=filters, sort=sort, page=page)),
    )
    return RenderedJSON(body, headers=VARY_ACCEPT)


async def detail_page(request: Request, *, claim_id: int) -> Response:
    """One claim with its first attributions, under the stored counters."""
    return RenderedJSON(await read_only(request, lambda db: json_bytes(_detail(db, claim_id))))


@router.patch(
    "/{claim_id}", name="update", response_model=ClaimPublic, responses=responses(404, 409)
)
def update_claim(session: SessionDep, claim: LiveClaimDep, data: ClaimUpdate) -> ClaimPublic:
    service.update(session, claim=claim, data=data)
    assert claim.id is not None
    return service.public(session, claim_id=claim.id)


@router.delete(
    "/{claim_id}",
    name="delete",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(404, 409),
)
def delete_claim(
    session: SessionDep,
    claim: LiveClaimDep,
    cascade: Annotated[bool, Query(description="Also delete its attributions.")] = False,
) -> Response:
    service.delete(session, claim=claim, cascade=cascade)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{claim_id}/attributions",
    name="attributions",
    response_model=Page[AttributionPublic],
    responses=responses(404),
)
def list_attributions(session: SessionDep, claim: ClaimDep, page: PageDep) -> Response:
    """Every article attributed to the claim, earliest publication first."""
    assert claim.id is not None
    return JSONBody(service.attributions_json(session.connection(), claim_id=claim.id, page=page))


@router.post(
    "/{claim_id}/attributions",
    name="attribute",
    status_code=status.HTTP_201_CREATED,
    response_model=AttributionPublic,
    responses=responses(404, 409),
)
def add_attribution(
    session: SessionDep, claim: ClaimDep, data: AttributionCreate
) -> AttributionPublic:
    attribution = service.add_attribution(session, claim=claim, data=data)
    assert attribution.id is not None
    return service.attribution_public(session, attribution_id=attribution.id)


@router.patch(
    "/{claim_id}/attributions/{attribution_id}",
    name="update-attribution",
    response_model=AttributionPublic,
    responses=responses(404),
)
def update_attribution(
    session: SessionDep, attribution: AttributionDep, data: AttributionUpdate
) -> AttributionPublic:
    service.update_attribution(session, attribution=attribution, data=data)
    assert attribution.id is not None
    return service.attribution_public(session, attribution_id=attribution.id)


@router.delete(
    "/{claim_id}/attributions/{attribution_id}",
    name="unattribute",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(404),
)
def remove_attribution(session: SessionDep, attribution: AttributionDep) -> Response:
    service.remove_attribution(session, attribution=attribution)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{claim_id}/merge",
    name="merge",
    response_model=ClaimWithAttributions,
    responses=responses(404, 409),
)
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
