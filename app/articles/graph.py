"""Locks for writes to the copy graph (article links, publication dates, deletes).

Every article has at most one origin, so the articles form trees, each named by its root (the
article with no origin). The writes that change the graph follow one rule on PostgreSQL: lock
(SELECT … FOR UPDATE, lowest id first) the articles they change *and the root of every tree they
touch*, then read again what they decide on. Two writes that touch one tree therefore meet on its
root and run one after the other, the second seeing the first: "X cites Y" racing "Y syndicates
Z" cannot leave X's root stale, two articles cannot each become the other's origin, and a copy
cannot be dated before an origin being re-dated at the same moment. On SQLite every write
already runs alone (BEGIN IMMEDIATE), so nothing is locked.

A write that re-roots copies (a link, an unlink, a delete) locks those copies too, in the same
ascending pass as the rest, before it updates any row. Every other locker of article rows takes
them in that order as well (an attribution holds its article and that article's root FOR SHARE,
`counters.hold`), so no two of them can each hold a row the other waits for: within one call, a
later round that finds a row below one it holds lets go and starts over in order
(`core.locks.lock_until_stable`).
Updating the copies without locking them first, after the root, closed a cycle with an
attribution that held a copy whose id is below its root's and waited for the root: a deadlock
PostgreSQL broke after a second.
"""

from collections.abc import Callable
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.core.locks import LockMode
from app.core.locks import lock_rows_in_order
from app.core.locks import lock_until_stable
from app.core.locks import locks_rows
from app.corroboration import counters
from app.tables import Article
from app.tables import ArticleLink

# A write locks a few more rows each time it finds that a root moved while it waited; more
# rounds than this means the graph changes faster than it can be locked: re-run the write.
MAX_ROUNDS = 8


def roots_of(session: Session, article_ids: Iterable[int]) -> set[int]:
    """The roots of the trees these articles are in, found by walking the links themselves
    (not the stored root_article_id, which is what these locks keep true)."""
    ids = sorted(set(article_ids))
    if not ids:
        return set()
    chain: Any = select(Article.id.label("id")).where(Article.id.in_(ids)).cte(recursive=True)  # type: ignore[union-attr]
    # UNION, not UNION ALL: a cycle (which these locks prevent, and `corroborate repair` breaks)
    # would otherwise never end.
    chain = chain.union(
        select(ArticleLink.origin_article_id).join(chain, ArticleLink.article_id == chain.c.id)
    )
    has_origin = select(ArticleLink.article_id).where(ArticleLink.article_id == chain.c.id)
    return set(session.scalars(select(chain.c.id).where(~has_origin.exists())))


def _neighbours(session: Session, article_id: int) -> set[int]:
    origin = select(ArticleLink.origin_article_id).where(ArticleLink.article_id == article_id)
    copies = select(ArticleLink.article_id).where(ArticleLink.origin_article_id == article_id)
    return {article_id, *session.scalars(origin.union(copies))}


def _lock_until_stable(
    session: Session, wanted: Callable[[], set[int]], mode: Callable[[int], LockMode]
) -> None:
    def lock(ids: list[int]) -> None:
        lock_rows_in_order(session, Article.id, {i: mode(i) for i in ids})

    lock_until_stable(session, wanted, lock, rounds=MAX_ROUNDS)


def lock_trees(
    session: Session,
    article_ids: Iterable[int],
    *,
    rerooting: Iterable[int] = (),
    deleting: bool = False,
    changed: Iterable[int] = (),
    held: Iterable[int] = (),
) -> None:
    """Lock these articles and the roots of their trees until the transaction ends.

    `rerooting`: articles (of these) whose copies, and theirs, the write will give a new root:
    the copies are locked too, with the rest, before any of them is updated. Only those: the
    other copies of an origin being linked to keep their root, and locking them all would
    serialise every write into a large story.
    `deleting`: the articles themselves are about to be deleted (FOR UPDATE, which also makes
    concurrent inserts that reference them wait and then fail, to be re-run), and their copies
    re-rooted.
    `changed`: more articles (and their roots) the write changes in place, such as a credited
    origin dropped, locked in the same ascending pass rather than in a second one.
    `held`: articles the write attributes claims to, held FOR SHARE with their roots (as
    `counters.hold` holds them) in the same pass, unless the write locks them for itself.
    """
    ids = set(article_ids)
    others = set(changed)
    kept = set(held)
    if not (ids or others or kept) or not locks_rows(session):
        return

    moved = set(ids) if deleting else set(rerooting)
    writing: set[int] = set()

    def wanted() -> set[int]:
        writing.clear()
        writing.update(ids | others | roots_of(session, ids | others))
        if moved:
            writing.update(session.scalars(counters.subtree(sorted(moved))))
        return writing | kept | roots_of(session, kept)

    deleted = frozenset(ids) if deleting else frozenset()
    _lock_until_stable(
        session,
        wanted,
        lambda i: "update" if i in deleted else "no_key_update" if i in writing else "share",
    )


def lock_with_neighbours(session: Session, article_id: int) -> None:
    """Lock an article, its origin and its copies (before its publication date changes)."""
    if locks_rows(session):
        _lock_until_stable(
            session, lambda: _neighbours(session, article_id), lambda _: "no_key_update"
        )
