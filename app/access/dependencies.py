"""Loaders for API key routes."""

from typing import Annotated

from fastapi import Depends
from fastapi import Path

from app.access import service
from app.core.db import SessionDep
from app.core.types import MAX_ID
from app.tables import ApiKey


def get_key(session: SessionDep, key_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> ApiKey:
    return service.get(session, key_id=key_id)


ApiKeyDep = Annotated[ApiKey, Depends(get_key)]
