"""/v1/outlets"""

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query

from app.claims import listing as claims_listing
from app.claims.dependencies import SORT_DESCRIPTION
from app.claims.dependencies import ClaimFiltersDep
from app.claims.dependencies import metered_if_expensive
from app.claims.listing import ClaimSort
from app.claims.models import ClaimPublic
from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.routing import create_route
from app.core.routing import delete_route
from app.core.types import CountryCode
from app.corroboration.dependencies import MethodDep
from app.outlets import service
from app.outlets.dependencies import OutletDep
from app.outlets.models import OutletCreate
from app.outlets.models import OutletDetail
from app.outlets.models import OutletPublic
from app.outlets.models import OutletUpdate
from app.tables import OutletKind

router = APIRouter(prefix="/outlets", tags=["outlets"], responses=responses(422))


@create_route(router, "", name="create", responses=responses(409))
def create_outlet(session: SessionDep, data: OutletCreate) -> OutletPublic:
    return OutletPublic.model_validate(service.create(session, data=data))


@router.get("", name="list")
def list_outlets(
    session: SessionDep,
    page: PageDep,
    kind: OutletKind | None = None,
    country: Annotated[CountryCode | None, Query()] = None,
) -> Page[OutletPublic]:
    return service.list_(session, page=page, kind=kind, country=country)


@router.get("/{slug}", name="get", responses=responses(404))
def get_outlet(session: SessionDep, outlet: OutletDep) -> OutletDetail:
    """The outlet and its profile: claims reported, first reports, share of copies, and the
    outlets it copies from most."""
    return service.detail(session, outlet=outlet)


@router.patch("/{slug}", name="update", responses=responses(404, 409))
def update_outlet(session: SessionDep, outlet: OutletDep, data: OutletUpdate) -> OutletPublic:
    return OutletPublic.model_validate(service.update(session, outlet=outlet, data=data))


@delete_route(router, "/{slug}", name="delete", responses=responses(404, 409))
def delete_outlet(
    session: SessionDep,
    outlet: OutletDep,
    cascade: Annotated[bool, Query(description="Also delete its articles.")] = False,
) -> None:
    service.delete(session, outlet=outlet, cascade=cascade)


@router.get(
    "/{slug}/claims",
    name="claims",
    responses=responses(404, 429),
    dependencies=[Depends(metered_if_expensive)],
)
def list_outlet_claims(
    session: SessionDep,
    settings: SettingsDep,
    outlet: OutletDep,
    filters: ClaimFiltersDep,
    page: PageDep,
    method: MethodDep,
    sort: Annotated[ClaimSort | None, Query(description=SORT_DESCRIPTION)] = None,
) -> Page[ClaimPublic]:
    """Claims this outlet reported (stance `reports` or `supports`), same shape as /v1/claims."""
    scoped = replace(filters, outlets=[outlet.slug])
    return claims_listing.list_(
        session,
        filters=scoped,
        sort=sort,
        page=page,
        method=method,
        max_claims=settings.live_list_max_claims,
    )
