"""Loaders for outlet routes."""

from typing import Annotated

from fastapi import Depends
from fastapi import Path

from app.core.db import SessionDep
from app.outlets import service
from app.tables import Outlet


def get_outlet(
    session: SessionDep, slug: Annotated[str, Path(max_length=64, description="Outlet slug.")]
) -> Outlet:
    return service.get_by_slug(session, slug=slug)


OutletDep = Annotated[Outlet, Depends(get_outlet)]
