"""/v1/outlets/{slug}/feeds: the feeds the crawler watches for an outlet (writes need `write`)."""

from fastapi import APIRouter

from app.core.config import SettingsDep
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.pagination import Page
from app.core.pagination import PageDep
from app.core.routing import create_route
from app.core.routing import delete_route
from app.feeds import service
from app.feeds import tasks as _tasks  # noqa: F401  (registers feeds.crawl on app/jobs)
from app.feeds.dependencies import FeedDep
from app.feeds.models import FeedCreate
from app.feeds.models import FeedPublic
from app.outlets.dependencies import OutletDep

router = APIRouter(prefix="/outlets/{slug}/feeds", tags=["feeds"], responses=responses(404, 422))


@create_route(router, "", name="create", responses=responses(409))
def create_feed(
    session: SessionDep, outlet: OutletDep, settings: SettingsDep, data: FeedCreate
) -> FeedPublic:
    """Watch an RSS/Atom feed or a sitemap of the outlet: `corroborate watch` (or any job
    consumer) reads it politely and fetches each new article once (docs/feeds.md)."""
    feed = service.create(session, outlet=outlet, data=data, settings=settings)
    return service.to_public(session, feed=feed, outlet=outlet, settings=settings)


@router.get("", name="list")
def list_feeds(
    session: SessionDep, outlet: OutletDep, settings: SettingsDep, page: PageDep
) -> Page[FeedPublic]:
    """The outlet's feeds with their crawl policy and health, oldest first."""
    return service.list_(session, outlet=outlet, page=page, settings=settings)


@router.get("/{feed_id}", name="get")
def get_one(
    session: SessionDep, outlet: OutletDep, settings: SettingsDep, feed: FeedDep
) -> FeedPublic:
    """One feed: its policy in force and its health (a feed that kept failing is `disabled`)."""
    return service.to_public(session, feed=feed, outlet=outlet, settings=settings)


@router.post("/{feed_id}/enable", name="enable")
def enable_feed(
    session: SessionDep, outlet: OutletDep, settings: SettingsDep, feed: FeedDep
) -> FeedPublic:
    """Read a feed again that was disabled after repeated failures: it becomes `active` with no
    failures counted and is due at once (the next crawler pass reads it, under its host's
    delay). Enabling an active feed changes nothing."""
    feed = service.enable(session, feed=feed)
    return service.to_public(session, feed=feed, outlet=outlet, settings=settings)


@delete_route(router, "/{feed_id}", name="delete")
def delete_feed(session: SessionDep, feed: FeedDep) -> None:
    """Stop watching the feed; the articles it brought stay."""
    service.delete(session, feed=feed)
