"""Loaders for article routes."""

from typing import Annotated

from fastapi import Depends
from fastapi import Path

from app.articles import service
from app.core.db import SessionDep
from app.core.types import MAX_ID
from app.tables import Article


def get_article(session: SessionDep, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> Article:
    return service.get(session, article_id=article_id)


ArticleDep = Annotated[Article, Depends(get_article)]
