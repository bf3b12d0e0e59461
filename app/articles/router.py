"""/v1/articles"""

from typing import Annotated

from fastapi import APIRouter
from fastapi import Path
from fastapi import Query
from sqlmodel import Session

from app.articles import service
from app.articles.dependencies import ArticleDep
from app.articles.models import ArticleCreate
from app.articles.models import ArticlePublic
from app.articles.models import ArticleUpdate
from app.articles.models import LinkCreate
from app.articles.models import LinkPublic
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.routing import create_route
from app.core.routing import delete_route
from app.core.types import MAX_ID
from app.core.types import Slug
from app.core.types import UTCInstant
from app.tables import Article

router = APIRouter(prefix="/articles", tags=["articles"], responses=responses(422))


@create_route(router, "", name="create", responses=responses(404, 409))
def create_article(session: SessionDep, data: ArticleCreate) -> ArticlePublic:
    return _public(session, service.create(session, data=data))


@router.get("", name="list")
def list_articles(
    session: SessionDep,
    page: PageDep,
    outlet: Annotated[
        list[Slug], Query(max_length=50, description="Outlet slug; repeat for any of several.")
    ] = [],  # noqa: B006 (FastAPI copies defaults)
    since: Annotated[UTCInstant | None, Query(description="Published at or after.")] = None,
    until: Annotated[UTCInstant | None, Query(description="Published at or before.")] = None,
) -> Page[ArticlePublic]:
    return service.list_(session, page=page, outlets=outlet, since=since, until=until)


@router.get("/{article_id}", name="get", responses=responses(404))
def get_article(session: SessionDep, article: ArticleDep) -> ArticlePublic:
    return _public(session, article)


@router.patch("/{article_id}", name="update", responses=responses(404, 409))
def update_article(session: SessionDep, article: ArticleDep, data: ArticleUpdate) -> ArticlePublic:
    return _public(session, service.update(session, article=article, data=data))


@delete_route(router, "/{article_id}", name="delete", responses=responses(404, 409))
def delete_article(
    session: SessionDep,
    article: ArticleDep,
    cascade: Annotated[
        bool, Query(description="Also delete its attributions and the links to and from it.")
    ] = False,
) -> None:
    service.delete(session, article=article, cascade=cascade)


@create_route(router, "/{article_id}/links", name="link", responses=responses(404, 409))
def link_article(session: SessionDep, article: ArticleDep, data: LinkCreate) -> LinkPublic:
    """Record that this article copies (`syndicates`) or rewrites (`cites`) an earlier one."""
    service.add_link(session, article=article, data=data)
    assert article.id is not None
    return service.link_public(session, article_id=article.id)


@delete_route(
    router, "/{article_id}/links/{origin_article_id}", name="unlink", responses=responses(404)
)
def unlink_article(
    session: SessionDep,
    article: ArticleDep,
    origin_article_id: Annotated[int, Path(ge=1, le=MAX_ID)],
) -> None:
    service.remove_link(session, article=article, origin_article_id=origin_article_id)


def _public(session: Session, article: Article) -> ArticlePublic:
    """The article as the API shows it (after a write too: the flush has set its id)."""
    assert article.id is not None
    return service.public(session, article_id=article.id)
