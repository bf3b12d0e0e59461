"""Loaders for feed routes."""

from typing import Annotated

from fastapi import Depends
from fastapi import Path

from app.core.db import SessionDep
from app.core.types import MAX_ID
from app.feeds import service
from app.outlets.dependencies import OutletDep
from app.tables import Feed


def get_feed(
    session: SessionDep,
    outlet: OutletDep,
    feed_id: Annotated[int, Path(ge=1, le=MAX_ID, description="The feed's id.")],
) -> Feed:
    return service.get(session, outlet=outlet, feed_id=feed_id)


FeedDep = Annotated[Feed, Depends(get_feed)]
