"""Loaders for review routes."""

from typing import Annotated

from fastapi import Depends
from fastapi import Path

from app.core.db import SessionDep
from app.core.types import MAX_ID
from app.reviews import service
from app.tables import Review


def get_review(session: SessionDep, review_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Review:
    return service.get(session, review_id=review_id)


ReviewDep = Annotated[Review, Depends(get_review)]
