"""Article and article-link verbs, and the roots that independent-origin counts collapse into."""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Select
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import literal
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.articles import graph
from app.articles.headlines import headline_key
from app.articles.models import ArticleCreate
from app.articles.models import ArticlePublic
from app.articles.models import ArticleUpdate
from app.articles.models import CreditedOriginPublic
from app.articles.models import LinkCreate
from app.articles.models import LinkPublic
from app.core.columns import apply_changes
from app.core.db import get_or_not_found
from app.core.errors import Conflict
from app.core.errors import Invalid
from app.core.errors import NotFound
from app.core.errors import UnknownReference
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.unit_of_work import duplicate_of
from app.core.unit_of_work import flush_unique
from app.corroboration import counters
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import CreditedOrigin
from app.tables import LinkProvenance
from app.tables import Outlet
from app.tables import OutletRef


def get(session: Session, *, article_id: int) -> Article:
    """The article with this id, or NotFound."""
    return get_or_not_found(session, Article, article_id, what="article")


# Built once: ingest runs these for every article, and building a statement costs more than
# running it.
_BY_URL = select(Article).where(Article.url == bindparam("url"))
_OUTLET_ID = select(Outlet.id).where(Outlet.slug == bindparam("slug"))


def get_by_url(session: Session, *, url: str) -> Article | None:
    """The article at this canonical URL, if any."""
    return session.scalar(_BY_URL, {"url": url})


def _outlet_id(session: Session, slug: str) -> int:
    outlet_id = session.scalar(_OUTLET_ID, {"slug": slug})
    if outlet_id is None:
        raise UnknownReference(
            f"outlet {slug!r} not found", details=[{"field": "outlet", "value": slug}]
        )
    return outlet_id


def _url_conflict(session: Session, url: str, exclude_id: int | None) -> Conflict | None:
    return duplicate_of(
        session,
        Article.id,
        Article.url == url,
        field="url",
        value=url,
        what="an article",
        exclude_id=exclude_id,
    )


def create(session: Session, *, data: ArticleCreate) -> Article:
    """Create an article; Conflict when its canonical URL is already stored."""
    outlet_id = _outlet_id(session, data.outlet)
    error = _url_conflict(session, data.url, None)
    if error is not None:
        raise error
    article = Article.model_validate(
        data.model_dump(exclude={"outlet"}),
        update={"outlet_id": outlet_id, "headline_key": headline_key(data.title)},
    )
    session.add(article)
    flush_unique(session, lambda: _url_conflict(session, data.url, None))
    article.root_article_id = article.id
    session.flush()
    return article


def update(session: Session, *, article: Article, data: ArticleUpdate) -> Article:
    """Change the given fields; counts of the claims it carries follow in the same transaction."""
    changes = data.model_dump(exclude_unset=True)
    if "outlet" in changes:
        changes["outlet_id"] = _outlet_id(session, changes.pop("outlet"))
    if "url" in changes:
        error = _url_conflict(session, changes["url"], article.id)
        if error is not None:
            raise error
    if "published_at" in changes:
        assert article.id is not None
        graph.lock_with_neighbours(session, article.id)
        if session.get(Article, article.id, populate_existing=True) is None:
            raise NotFound(f"article {article.id} not found")
        _check_order_after_date_change(
            session, article=article, published_at=changes["published_at"]
        )
    # A changed outlet or date moves its claims' counts: app/corroboration/counters.py sees it.
    if "title" in changes:
        changes["headline_key"] = headline_key(changes["title"])
    session.add(apply_changes(article, changes))
    flush_unique(session, lambda: _url_conflict(session, article.url, article.id))
    return article


def _check_order_after_date_change(
    session: Session, *, article: Article, published_at: datetime
) -> None:
    origin_at = session.scalar(
        select(Article.published_at)
        .join(ArticleLink, ArticleLink.origin_article_id == Article.id)
        .where(ArticleLink.article_id == article.id)
    )
    if origin_at is not None and published_at < origin_at:
        raise Invalid(
            "published_at would put this article before the article it copies or cites",
            code="copy_before_origin",
            details=[{"field": "published_at", "origin_published_at": origin_at.isoformat()}],
        )
    earliest_copy = session.scalar(
        select(func.min(Article.published_at))
        .join(ArticleLink, ArticleLink.article_id == Article.id)
        .where(ArticleLink.origin_article_id == article.id)
    )
    if earliest_copy is not None and published_at > earliest_copy:
        raise Invalid(
            "published_at would put this article after an article that copies or cites it",
            code="copy_before_origin",
            details=[
                {"field": "published_at", "earliest_copy_published_at": earliest_copy.isoformat()}
            ],
        )


def _ancestors(article_id: int) -> Select[Any]:
    chain = select(literal(article_id).label("id")).cte("ancestors", recursive=True)
    chain = chain.union(
        select(ArticleLink.origin_article_id).join(chain, ArticleLink.article_id == chain.c.id)
    )
    return select(chain.c.id)


def _reroot(session: Session, *, article_id: int, root_id: int) -> None:
    session.execute(
        sa.update(Article)
        .where(Article.id.in_(counters.subtree([article_id])))  # type: ignore[union-attr]
        .values(root_article_id=root_id)
        .execution_options(synchronize_session="fetch")
    )


def add_link(
    session: Session,
    *,
    article: Article,
    data: LinkCreate,
    provenance: LinkProvenance = LinkProvenance.stated,
) -> ArticleLink:
    """Record that `article` copies or cites an earlier article; its claims' counts follow."""
    assert article.id is not None
    if data.origin_article_id == article.id:
        raise Invalid("an article cannot copy or cite itself", code="self_link")
    session.flush()
    graph.lock_trees(session, [article.id, data.origin_article_id], rerooting=[article.id])
    # Read again under the locks: a concurrent write may have linked, re-dated or deleted them.
    if session.get(Article, article.id, populate_existing=True) is None:
        raise NotFound(f"article {article.id} not found")
    origin = session.get(Article, data.origin_article_id, populate_existing=True)
    if origin is None:
        raise UnknownReference(
            f"origin article {data.origin_article_id} not found",
            details=[{"field": "origin_article_id", "value": data.origin_article_id}],
        )
    existing = session.get(ArticleLink, article.id, populate_existing=True)
    if existing is not None:
        raise Conflict(
            f"article {article.id} already has an origin (article {existing.origin_article_id}); "
            "delete that link first",
            details=[{"existing_origin_article_id": existing.origin_article_id}],
        )
    if origin.published_at > article.published_at:
        raise Invalid(
            f"origin article {origin.id} was published after article {article.id}; "
            "a copy cannot precede its origin",
            code="copy_before_origin",
        )
    if session.scalar(select(literal(1)).where(literal(article.id).in_(_ancestors(origin.id)))):
        raise Conflict(
            f"linking article {article.id} to {origin.id} would create a cycle", code="cycle"
        )
    link = ArticleLink(
        article_id=article.id,
        origin_article_id=origin.id,
        relation=data.relation,
        reason=data.reason,
        provenance=provenance,
    )
    session.add(link)
    flush_unique(session, lambda: None)
    # From the links themselves; the stored root is the fallback only inside a cycle, which
    # the check above refuses to make (`corroborate repair` breaks one made before).
    root_id = min(graph.roots_of(session, [origin.id or 0]), default=origin.root_article_id)
    assert root_id is not None
    _reroot(session, article_id=article.id, root_id=root_id)
    return link


def remove_link(session: Session, *, article: Article, origin_article_id: int) -> None:
    """Forget that `article` copies or cites `origin_article_id`; its claims' counts follow."""
    assert article.id is not None
    graph.lock_trees(session, [article.id, origin_article_id], rerooting=[article.id])
    link = session.get(ArticleLink, article.id, populate_existing=True)
    if link is None or link.origin_article_id != origin_article_id:
        raise NotFound(f"article {article.id} has no link to article {origin_article_id}")
    session.delete(link)
    session.flush()
    _reroot(session, article_id=article.id, root_id=article.id)


def replace_detected_link(
    session: Session, *, article: Article, data: LinkCreate, provenance: LinkProvenance
) -> ArticleLink:
    """Link `article` to `data`'s origin, replacing the link it has if that one was detected (a
    guess gives way to a statement or a decision); a stated link stays, and `add_link` refuses."""
    assert article.id is not None
    # Read under the locks: a concurrent unlink (or link) must not change what is replaced.
    graph.lock_trees(session, [article.id, data.origin_article_id], rerooting=[article.id])
    existing = session.get(ArticleLink, article.id, populate_existing=True)
    if existing is not None and existing.provenance == LinkProvenance.detected:
        remove_link(session, article=article, origin_article_id=existing.origin_article_id)
    return add_link(session, article=article, data=data, provenance=provenance)


def delete(session: Session, *, article: Article, cascade: bool) -> None:
    """Delete an article; with `cascade` also its attributions and the links to and from it."""
    attributions = (
        session.scalar(select(func.count()).where(Attribution.article_id == article.id)) or 0
    )
    copies = (
        session.scalar(select(func.count()).where(ArticleLink.origin_article_id == article.id)) or 0
    )
    if (attributions or copies) and not cascade:
        raise Conflict(
            f"article {article.id} is still referenced by {attributions} attribution(s) and "
            f"{copies} copy link(s); pass cascade=true to delete them too",
            details=[{"attributions": attributions, "copies": copies}],
        )
    delete_many(session, article_ids=[article.id])


def delete_many(session: Session, *, article_ids: Any) -> None:
    """Delete articles (a list or a SELECT of ids) with their attributions and links.

    Articles that copied a deleted one become roots of their own chains again, and every claim
    that loses an attribution or changes roots is recounted, all in this transaction.
    """
    doomed = select(Article.id).where(Article.id.in_(article_ids))  # type: ignore[union-attr]
    graph.lock_trees(session, session.scalars(doomed), deleting=True)
    orphans = list(
        session.scalars(
            select(ArticleLink.article_id).where(
                ArticleLink.origin_article_id.in_(doomed),  # type: ignore[attr-defined]
                ArticleLink.article_id.not_in(doomed),  # type: ignore[attr-defined]
            )
        )
    )
    affected = set(session.scalars(counters.claims_of_articles(doomed)))
    if orphans:
        affected.update(session.scalars(counters.claims_of_articles(counters.subtree(orphans))))
    session.execute(
        sa.delete(Attribution).where(Attribution.article_id.in_(doomed))  # type: ignore[attr-defined]
    )
    session.execute(
        sa.delete(ArticleLink).where(
            ArticleLink.article_id.in_(doomed)  # type: ignore[attr-defined]
            | ArticleLink.origin_article_id.in_(doomed)  # type: ignore[attr-defined]
        )
    )
    for orphan in orphans:
        _reroot(session, article_id=orphan, root_id=orphan)
    session.execute(
        sa.delete(Article).where(Article.id.in_(list(session.scalars(doomed))))  # type: ignore[union-attr]
    )
    counters.touch(session, claim_ids=affected)  # bulk deletes: the ORM saw none of them


def _public_query() -> Select[Any]:
    origin = aliased(Article)
    origin_outlet = aliased(Outlet)
    credited_outlet = aliased(Outlet)
    return (
        select(Article, Outlet, ArticleLink, origin, origin_outlet, CreditedOrigin, credited_outlet)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .outerjoin(ArticleLink, ArticleLink.article_id == Article.id)
        .outerjoin(origin, origin.id == ArticleLink.origin_article_id)
        .outerjoin(origin_outlet, origin_outlet.id == origin.outlet_id)
        .outerjoin(CreditedOrigin, CreditedOrigin.article_id == Article.id)  # type: ignore[arg-type]
        .outerjoin(credited_outlet, credited_outlet.id == CreditedOrigin.outlet_id)
    )


def _to_public(row: Any) -> ArticlePublic:
    article, outlet, link, origin, origin_outlet, credit, credited_outlet = row
    link_public = None
    if link is not None:
        link_public = LinkPublic.of(
            link=link, origin=origin, outlet=OutletRef.model_validate(origin_outlet)
        )
    credited = None
    if credit is not None:
        credited = CreditedOriginPublic.model_validate(
            credit, update={"outlet": OutletRef.model_validate(credited_outlet)}
        )
    return ArticlePublic.model_validate(
        article,
        update={
            "outlet": OutletRef.model_validate(outlet),
            "origin": link_public,
            "credited_origin": credited,
        },
    )


def public(session: Session, *, article_id: int) -> ArticlePublic:
    """The article as the API shows it: with its outlet and the link to its origin."""
    row = session.execute(_public_query().where(Article.id == article_id)).one_or_none()
    if row is None:
        raise NotFound(f"article {article_id} not found")
    return _to_public(row)


def link_public(session: Session, *, article_id: int) -> LinkPublic:
    """The article's link to its origin as the API shows it."""
    origin = public(session, article_id=article_id).origin
    if origin is None:
        raise NotFound(f"article {article_id} has no origin link")
    return origin


_NEWEST = Keyset(
    "articles",
    ((Article.published_at, "desc"), (Article.id, "desc")),
    (datetime, int),
)


def list_(
    session: Session,
    *,
    page: PageParams,
    outlets: list[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Page[ArticlePublic]:
    """Articles, newest first, optionally of some outlets and within a publication window."""
    query = _public_query()
    if outlets:
        query = query.where(Outlet.slug.in_(outlets))  # type: ignore[attr-defined]
    if since is not None:
        query = query.where(Article.published_at >= since)
    if until is not None:
        query = query.where(Article.published_at <= until)
    rows = session.execute(_NEWEST.seek(query, page)).all()
    items, cursor = _NEWEST.page(
        [_to_public(row) for row in rows], page.limit, lambda item: [item.published_at, item.id]
    )
    return Page[ArticlePublic](items=items, next_cursor=cursor)
