"""/v1/keys: API key management, for keys with the `admin` scope only."""

from typing import Annotated

from fastapi import APIRouter
from fastapi import BackgroundTasks
from fastapi import Query
from fastapi import Request

from app.access import service
from app.access.auth import Access
from app.access.auth import AdminDep
from app.access.dependencies import ApiKeyDep
from app.access.models import ApiKeyCreate
from app.access.models import ApiKeyCreated
from app.access.models import ApiKeyPublic
from app.core.db import SessionDep
from app.core.errors import Gone
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.routing import create_route
from app.core.routing import delete_route

router = APIRouter(prefix="/keys", tags=["keys"], responses=responses(422))


@create_route(router, "", name="create")
def create_key(session: SessionDep, _admin: AdminDep, data: ApiKeyCreate) -> ApiKeyCreated:
    """Create a key. The response is the only time the key itself is shown."""
    key, secret = service.create(session, data=data)
    return ApiKeyCreated.model_validate(service.to_public(key), update={"key": secret})


@router.get("", name="list")
def list_keys(
    session: SessionDep,
    _admin: AdminDep,
    page: PageDep,
    include_revoked: Annotated[bool, Query(description="Also list revoked keys.")] = True,
) -> Page[ApiKeyPublic]:
    return service.list_(session, page=page, include_revoked=include_revoked)


@router.get("/{key_id}", name="get", responses=responses(404, 410))
def get_key(_admin: AdminDep, key: ApiKeyDep) -> ApiKeyPublic:
    """An active key. A revoked one is 410 (it still appears in the list, for the record)."""
    if key.revoked_at is not None:
        raise Gone(
            f"API key {key.id} was revoked",
            details=[{"id": key.id, "revoked_at": key.revoked_at.isoformat()}],
        )
    return service.to_public(key)


@delete_route(router, "/{key_id}", name="revoke", responses=responses(404))
def revoke_key(
    request: Request,
    background_tasks: BackgroundTasks,
    session: SessionDep,
    _admin: AdminDep,
    key: ApiKeyDep,
) -> None:
    """Revoke a key: it stops working at once in this process, within
    `CLAIMS_KEY_CACHE_SECONDS` in others. Revoking twice is harmless."""
    service.revoke(session, key=key)
    access: Access = request.app.state.access
    assert key.id is not None
    access.keys.forget(key.id)
    # Again once committed, in case a concurrent request cached the key in between.
    background_tasks.add_task(access.keys.forget, key.id)
