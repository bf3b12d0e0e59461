"""Outlet verbs. Keyword-only, no HTTP: they raise domain errors and flush, never commit."""

from typing import Any

from sqlalchemy import case
from sqlalchemy import delete as sa_delete
from sqlalchemy import distinct
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.articles import graph
from app.articles import service as articles_service
from app.core.columns import apply_changes
from app.core.errors import Conflict
from app.core.errors import NotFound
from app.core.locks import LockMode
from app.core.locks import lock_rows
from app.core.locks import locks_rows
from app.core.pagination import Keyset
from app.core.pagination import Page
from app.core.pagination import PageParams
from app.core.unit_of_work import duplicate_of
from app.core.unit_of_work import flush_unique
from app.core.unit_of_work import lost_race
from app.corroboration import counters
from app.outlets.models import CopySource
from app.outlets.models import OutletCreate
from app.outlets.models import OutletDetail
from app.outlets.models import OutletProfile
from app.outlets.models import OutletPublic
from app.outlets.models import OutletUpdate
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import Outlet
from app.tables import OutletKind
from app.tables import OutletRef

COPY_SOURCES = 5


def get_by_slug(session: Session, *, slug: str) -> Outlet:
    """The outlet with this slug, or NotFound."""
    outlet = session.scalar(select(Outlet).where(Outlet.slug == slug))
    if outlet is None:
        raise NotFound(f"outlet {slug!r} not found")
    return outlet


def _conflict(
    session: Session, *, slug: str | None, domain: str | None, exclude_id: int | None
) -> Conflict | None:
    for field, value in (("slug", slug), ("domain", domain)):
        if value is None:
            continue
        error = duplicate_of(
            session,
            Outlet.id,
            getattr(Outlet, field) == value,
            field=field,
            value=value,
            what="an outlet",
            exclude_id=exclude_id,
        )
        if error is not None:
            return error
    return None


def create(session: Session, *, data: OutletCreate) -> Outlet:
    """Create an outlet; Conflict when its slug or domain is taken."""
    error = _conflict(session, slug=data.slug, domain=data.domain, exclude_id=None)
    if error is not None:
        raise error
    outlet = Outlet.model_validate(data)
    session.add(outlet)
    flush_unique(
        session, lambda: _conflict(session, slug=data.slug, domain=data.domain, exclude_id=None)
    )
    return outlet


def update(session: Session, *, outlet: Outlet, data: OutletUpdate) -> Outlet:
    """Change the given fields of an outlet."""
    changes = data.model_dump(exclude_unset=True)
    error = _conflict(
        session, slug=changes.get("slug"), domain=changes.get("domain"), exclude_id=outlet.id
    )
    if error is not None:
        raise error
    if changes.keys() & {"slug", "name"}:
        # The rename's trigger re-renders the claims this outlet first reported, so it locks
        # them after the outlet; a recount locks its claim first and the outlet after (the
        # rendering trigger's share lock). Their claims are locked first here, in the order
        # recounts keep. A claim that takes the outlet as first reporter after this read is
        # still locked after the outlet: rare, and a deadlock the retry policy re-runs.
        # An ingest that found the outlet holds it (FOR KEY SHARE) before its claims, which a
        # new slug's FOR UPDATE waits for: so, as the cascade delete does, the rename first
        # waits for the writers holding the outlet now, holding nothing itself.
        mode: LockMode = "update" if "slug" in changes else "no_key_update"  # a key changes
        _wait_for_holders(session, outlet.id or 0, mode=mode)
        first_reports = select(Claim.id).where(Claim.first_reported_outlet_id == outlet.id)
        counters.lock(session, claim_ids=session.scalars(first_reports))
    session.add(apply_changes(outlet, changes))
    flush_unique(
        session,
        lambda: _conflict(
            session, slug=changes.get("slug"), domain=changes.get("domain"), exclude_id=outlet.id
        ),
    )
    return outlet


# Rounds of locking newly found articles before the outlet's articles are known to be all.
LOCK_ROUNDS = 4


def _has_articles(outlet: Outlet, count: int) -> Conflict:
    return Conflict(
        f"outlet {outlet.slug!r} still has {count} article(s); "
        "pass cascade=true to delete them too",
        details=[{"articles": count}],
    )


def _articles_of(outlet_id: int | None) -> Any:
    """The outlet's articles' ids (a SELECT)."""
    return select(Article.id).where(Article.outlet_id == outlet_id)


def _crediting(outlet_id: int | None) -> Any:
    """The ids of the articles whose credited origin is the outlet (a SELECT)."""
    return select(CreditedOrigin.article_id).where(CreditedOrigin.outlet_id == outlet_id)


def _wait_for_holders(session: Session, outlet_id: int, *, mode: LockMode) -> None:
    """Wait until the writers that hold the outlet's row now (in a way `mode`, the lock the
    write will take, conflicts with) have finished, holding nothing: the lock is taken in a
    savepoint rolled back at once, which releases it. PostgreSQL only."""
    if not locks_rows(session):
        return
    with session.begin_nested() as waiting:
        lock_rows(session, Outlet.id, [outlet_id], mode=mode)
        waiting.rollback()


def _lock_before_the_outlet(session: Session, *, outlet: Outlet, cascade: bool) -> None:
    """Lock what deleting this outlet changes in the order every writer keeps on PostgreSQL:
    article rows (ascending, with their trees), then the claims they carry, and the outlet row
    (FOR UPDATE) last. NotFound when the outlet is gone; Conflict when it has articles and
    `cascade` is off."""
    outlet_id = outlet.id or 0
    articles = _articles_of(outlet_id)
    crediting = _crediting(outlet_id)
    if not locks_rows(session):  # SQLite: one writer at a time, nothing to lock
        count = session.scalar(select(func.count()).select_from(articles.subquery())) or 0
        if count and not cascade:
            raise _has_articles(outlet, count)
        return
    # A recount locks its claims, then the outlets it writes rows for (the foreign key of
    # `outlet_claim`) and its first-reporting outlet (the rendering trigger's share lock).
    # Holding the outlet first and then waiting for a claim closed a cycle with every such
    # recount of a claim this outlet's articles carry (bench/graph_stress.py: deletes lost
    # every attempt), so the outlet is locked last here. A writer that names the outlet in a
    # row it inserts (an ingest: FOR KEY SHARE when it finds the outlet, then its article's
    # foreign key) holds it from before its claims' locks, the other way round; so the delete
    # first waits for the writers that hold the outlet now while it holds nothing itself (the
    # lock is taken in a savepoint rolled back at once, which releases it). One that finds
    # the outlet in the few statements between that wait and the lock below can still close
    # a cycle with this delete: a deadlock, re-run by the retry policy.
    _wait_for_holders(session, outlet_id, mode="update")
    locked: set[int] = set()
    first_reported = select(Claim.id).where(Claim.first_reported_outlet_id == outlet_id)
    for round_ in range(LOCK_ROUNDS):
        doomed = set(session.scalars(articles))
        if doomed and not cascade:
            raise _has_articles(outlet, len(doomed))
        changed = set(session.scalars(crediting))
        new = (doomed | changed) - locked
        if round_ and not new:
            return
        graph.lock_trees(session, doomed - locked, deleting=True, changed=changed - locked)
        claims = set(session.scalars(first_reported)) if round_ == 0 else set()
        if new:
            claims.update(
                session.scalars(counters.claims_of_articles(counters.subtree(sorted(new))))
            )
        counters.lock(session, claim_ids=claims)
        locked |= new
        # An ingest that found the outlet holds it (FOR KEY SHARE, app/ingest/writes.py) and
        # this waits for it. Once this holds the outlet, no article or credited origin can
        # name it any more (their foreign keys wait), so the next read is the last: what
        # committed meanwhile is locked then, on top of the outlet (out of order, but rare; a
        # cycle there is a deadlock the retry policy re-runs). An ingest that comes later
        # waits for this, then finds no outlet and creates it anew; an insert that still
        # references it (found another way) fails its foreign key and is re-run, never a 500.
        if round_ == 0 and not lock_rows(session, Outlet.id, [outlet_id], mode="update"):
            raise NotFound(f"outlet {outlet.slug!r} not found")
    raise lost_race("articles kept arriving in the outlet while its delete waited for it")


def delete(session: Session, *, outlet: Outlet, cascade: bool) -> None:
    """Delete an outlet; with `cascade` also its articles and their attributions and links."""
    _lock_before_the_outlet(session, outlet=outlet, cascade=cascade)
    articles = _articles_of(outlet.id)
    if session.scalar(select(articles.exists())):
        articles_service.delete_many(session, article_ids=articles)
    # Articles crediting it lose their credited origin with it: their claims (and their
    # copies' claims) are recounted before this transaction commits. Their trees are locked
    # above, as a credited origin's own verbs lock them (app/articles/credits.py): a claim
    # being attributed to one of them (or to a copy) at the same moment is recounted by that
    # write after this one, or found by this one's recount after that write.
    crediting = list(session.scalars(_crediting(outlet.id)))
    if crediting:
        counters.touch(session, article_ids=crediting)
        session.execute(
            sa_delete(CreditedOrigin).where(CreditedOrigin.outlet_id == outlet.id)  # type: ignore[arg-type]
        )
    session.delete(outlet)
    session.flush()


_BY_SLUG = Keyset("outlets", ((Outlet.slug, "asc"),), (str,))


def list_(
    session: Session,
    *,
    page: PageParams,
    kind: OutletKind | None = None,
    country: str | None = None,
) -> Page[OutletPublic]:
    """Outlets in slug order, optionally of one kind or country."""
    query = select(Outlet)
    if kind is not None:
        query = query.where(Outlet.kind == kind)
    if country is not None:
        query = query.where(Outlet.country == country.upper())
    rows = list(session.scalars(_BY_SLUG.seek(query, page)))
    rows, cursor = _BY_SLUG.page(rows, page.limit, lambda outlet: [outlet.slug])
    return Page[OutletPublic](
        items=[OutletPublic.model_validate(row) for row in rows], next_cursor=cursor
    )


def detail(session: Session, *, outlet: Outlet) -> OutletDetail:
    """The outlet with its profile; every count is bounded by the outlet's own rows (indexed
    by outlet, article, or first reporter), never a scan of the whole database."""
    outlet_id = outlet.id
    articles = session.scalar(select(func.count()).where(Article.outlet_id == outlet_id)) or 0
    copies = (
        session.scalar(
            select(func.count())
            .select_from(Article)
            .join(ArticleLink, ArticleLink.article_id == Article.id)
            .where(Article.outlet_id == outlet_id)
        )
        or 0
    )
    claims_reported = (
        session.scalar(
            select(func.count(distinct(Attribution.claim_id)))
            .join(Article, Article.id == Attribution.article_id)
            .where(
                Article.outlet_id == outlet_id,
                Attribution.stance.in_(REPORTING_STANCES),  # type: ignore[attr-defined]
            )
        )
        or 0
    )
    first_reports = (
        session.scalar(select(func.count()).where(Claim.first_reported_outlet_id == outlet_id)) or 0
    )
    origin = aliased(Article)
    source = aliased(Outlet)
    total = func.count().label("copies")
    rows = session.execute(
        select(
            source,
            total,
            func.sum(case((ArticleLink.relation == "syndicates", 1), else_=0)).label("syn"),
            func.sum(case((ArticleLink.relation == "cites", 1), else_=0)).label("cit"),
        )
        .select_from(Article)
        .join(ArticleLink, ArticleLink.article_id == Article.id)
        .join(origin, origin.id == ArticleLink.origin_article_id)
        .join(source, source.id == origin.outlet_id)
        .where(Article.outlet_id == outlet_id, origin.outlet_id != outlet_id)
        .group_by(source.id, source.slug, source.name)
        .order_by(total.desc(), source.slug)
        .limit(COPY_SOURCES)
    ).all()
    profile = OutletProfile(
        articles=articles,
        claims_reported=claims_reported,
        first_reports=first_reports,
        copies=copies,
        copy_share=round(copies / articles, 4) if articles else None,
        copies_from=[
            CopySource(
                outlet=OutletRef.model_validate(row[0]),
                copies=row.copies,
                syndicates=row.syn,
                cites=row.cit,
            )
            for row in rows
        ],
    )
    return OutletDetail.model_validate(outlet, update={"profile": profile})
