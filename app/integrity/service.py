"""Invariants of the stored graph and of everything derived from it: check, and repair.

What must hold after any interleaving of writes (the writers lock to keep it so; see
docs/reliability.md) and what `corroborate recount --check` verifies:

- merges: `merged_into` names a live claim, never the claim itself (so no chain, no cycle);
- live claims only: no attribution or review on a merged claim;
- links: no cycle; no copy published before its origin;
- roots: every article's `root_article_id` is the end of its chain of origins;
- counters: every claim's stored corroboration equals a recount;
- search index: one `claim_search` row per claim, with its text and quotes;
- rendered JSON: every claim's stored `rendered_json` equals the code's rendering of it.

`repair` fixes each in that order (later fixes rely on earlier ones), then recounts.
"""

from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.claims.merging import move_claim_rows
from app.core.unit_of_work import transaction
from app.corroboration import counters
from app.integrity import claim_rendering
from app.integrity import search_index
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import Outlet
from app.tables import OutletClaim
from app.tables import Review

SAMPLE = 20


@dataclass
class Finding:
    """One invariant and the ids (claims or articles) that break it."""

    name: str
    description: str
    ids: list[int] = field(default_factory=list)


def _chained_merges(session: Session) -> list[int]:
    target = aliased(Claim)
    return sorted(
        session.scalars(
            select(Claim.id)
            .join(target, target.id == Claim.merged_into)
            .where((target.merged_into.is_not(None)) | (Claim.merged_into == Claim.id))  # type: ignore[union-attr]
        )
    )


def _merged_with_rows(session: Session) -> list[int]:
    merged = select(Claim.id).where(Claim.merged_into.is_not(None))  # type: ignore[union-attr]
    attributed = select(Attribution.claim_id).where(Attribution.claim_id.in_(merged))  # type: ignore[attr-defined]
    reviewed = select(Review.claim_id).where(Review.claim_id.in_(merged))  # type: ignore[attr-defined]
    return sorted(set(session.scalars(attributed.union(reviewed))))


def _true_roots() -> Any:
    """(article id, root id) for every article reachable down from a root; articles in or
    under a link cycle are not reached."""
    has_origin = select(ArticleLink.article_id).where(ArticleLink.article_id == Article.id)
    tree: Any = (
        select(Article.id.label("id"), Article.id.label("root"))  # type: ignore[union-attr]
        .where(~has_origin.exists())
        .cte("tree", recursive=True)
    )
    tree = tree.union_all(
        select(ArticleLink.article_id, tree.c.root).join(
            tree, ArticleLink.origin_article_id == tree.c.id
        )
    )
    return tree


def unreached() -> Any:
    """Articles no chain from a root reaches: those in, or copying from, a cycle of links.

    An anti-join, not `NOT IN (SELECT ...)`: PostgreSQL ran a NOT IN over the recursive tree as a
    scan of the tree per article (it did not expect the tree to fit in work_mem), for minutes at
    129,000 articles (docs/benchmarks.md, "Bulk ingest, seventh pass")."""
    tree = _true_roots()
    return select(Article.id).outerjoin(tree, tree.c.id == Article.id).where(tree.c.id.is_(None))


def _in_cycles(session: Session) -> list[int]:
    return sorted(session.scalars(unreached()))


def _stale_roots(session: Session) -> list[int]:
    tree = _true_roots()
    query = (
        select(Article.id)
        .join(tree, tree.c.id == Article.id)
        .where(Article.root_article_id.is_distinct_from(tree.c.root))  # type: ignore[union-attr]
    )
    return sorted(session.scalars(query))


def _copies_before_origin(session: Session) -> list[int]:
    copy, origin = aliased(Article), aliased(Article)
    return sorted(
        session.scalars(
            select(ArticleLink.article_id)
            .join(copy, copy.id == ArticleLink.article_id)
            .join(origin, origin.id == ArticleLink.origin_article_id)
            .where(copy.published_at < origin.published_at)
        )
    )


CHECKS: list[tuple[str, str, Callable[[Session], list[int]]]] = [
    ("chained_merges", "claims merged into a merged claim or into themselves", _chained_merges),
    ("merged_with_rows", "merged claims holding attributions or reviews", _merged_with_rows),
    ("link_cycles", "articles in (or copying from) a cycle of links", _in_cycles),
    ("copies_before_origin", "copies dated before their origin", _copies_before_origin),
    ("stale_roots", "articles whose root is not the end of their chain", _stale_roots),
    ("stale_counters", "claims with counters unlike a recount", counters.stale_claim_ids),
    ("stale_outlet_claims", "claims with per-outlet rows unlike their attributions",
     counters.stale_outlet_claim_ids),
    ("stale_search_rows", "claims with a stale search row", search_index.stale_claim_ids),
    ("orphan_search_rows", "search index rows of deleted claims", search_index.orphan_rows),
    ("stale_rendered_json", "claims whose stored JSON differs from their rendering",
     claim_rendering.stale_claim_ids),
]  # fmt: skip


def check(session: Session) -> list[Finding]:
    """Every invariant, each with the ids that break it (empty lists when all hold)."""
    return [Finding(name, description, run(session)) for name, description, run in CHECKS]


def check_snapshot(engine: Engine) -> list[Finding]:
    """`check` on one snapshot of the database (REPEATABLE READ on PostgreSQL), as `recount
    --check` runs it on a serving database: each check compares stored values with what
    other rows derive, in several statements, and under READ COMMITTED a write committing
    between two of them was reported as a finding (a claim's counters read before an ingest
    committed, its attributions after)."""
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with transaction(engine, write=False) as session:
        return check(session)


def _flatten_merges(session: Session) -> set[int]:
    """Point every merged claim at the live claim its chain ends in; a cycle keeps its lowest
    id live. Returns the claims whose rows or counts may change."""
    merged = dict(
        session.execute(
            select(Claim.id, Claim.merged_into).where(Claim.merged_into.is_not(None))
        ).all()  # type: ignore[union-attr]
    )
    freed: set[int] = set()
    for start in sorted(merged):
        seen = [start]
        current = merged[start]
        while current in merged and current not in seen and current not in freed:
            seen.append(current)
            current = merged[current]
        if current in seen:  # a cycle: its lowest member becomes live again
            cycle = seen[seen.index(current) :]
            freed.add(min(cycle))
    touched: set[int] = set(freed)
    for claim_id in freed:
        session.execute(sa.update(Claim).where(Claim.id == claim_id).values(merged_into=None))  # type: ignore[arg-type]
        merged.pop(claim_id)
    for start, target in sorted(merged.items()):
        end = target
        while end in merged:
            end = merged[end]
        if end != target:
            session.execute(sa.update(Claim).where(Claim.id == start).values(merged_into=end))  # type: ignore[arg-type]
            touched.update({start, end})
    return touched


def _move_to_live(session: Session) -> set[int]:
    touched: set[int] = set()
    for claim_id in _merged_with_rows(session):
        target = session.scalar(select(Claim.merged_into).where(Claim.id == claim_id))
        assert target is not None
        move_claim_rows(session, source_id=claim_id, target_id=target)
        touched.update({claim_id, target})
    return touched


def _break_link_cycles(session: Session) -> list[int]:
    """Delete, in each cycle, the link of its earliest article (which then is the root)."""
    stuck = _in_cycles(session)
    origins = dict(
        session.execute(
            select(ArticleLink.article_id, ArticleLink.origin_article_id).where(
                ArticleLink.article_id.in_(stuck)  # type: ignore[attr-defined]
            )
        ).all()
    )
    dates = dict(
        session.execute(select(Article.id, Article.published_at).where(Article.id.in_(stuck))).all()  # type: ignore[union-attr]
    )
    unlinked: list[int] = []
    for start in stuck:
        seen: list[int] = []
        current = start
        while current in origins and current not in seen:
            seen.append(current)
            current = origins[current]
        if current not in seen:
            continue  # under a cycle (or under one already broken), not in it
        cycle = seen[seen.index(current) :]
        earliest = min(cycle, key=lambda article_id: (dates[article_id], article_id))
        origins.pop(earliest)
        unlinked.append(earliest)
    if unlinked:
        session.execute(sa.delete(ArticleLink).where(ArticleLink.article_id.in_(unlinked)))  # type: ignore[attr-defined]
    return unlinked


def _fix_roots(session: Session) -> list[int]:
    tree = _true_roots()
    rows = session.execute(
        select(Article.id, tree.c.root)
        .join(tree, tree.c.id == Article.id)
        .where(Article.root_article_id.is_distinct_from(tree.c.root))  # type: ignore[union-attr]
    ).all()
    for article_id, root_id in rows:
        session.execute(
            sa.update(Article).where(Article.id == article_id).values(root_article_id=root_id)  # type: ignore[arg-type]
        )
    return sorted(row[0] for row in rows)


# Every table an invariant reads or `repair` writes, in the order writers usually first write
# them (fewer lock waits that close a cycle with a writer already under way).
_GUARDED = (Outlet, Article, ArticleLink, CreditedOrigin, Claim, Attribution, OutletClaim, Review)


def _hold_still(session: Session) -> None:
    """Keep every writer out of the guarded tables until this transaction ends.

    `repair` reads the state, then writes what it derives from it (roots, links, index rows).
    On PostgreSQL a writer committing in between was overwritten: an article linked while the
    repair fixed its drifted root got back the root the repair derived from before the link.
    EXCLUSIVE mode waits for the writers under way to finish, and makes every later write to
    these tables wait for the repair to commit, and so every row lock (`SELECT ... FOR UPDATE`
    or `FOR SHARE`, which writers take before they write) too: a writer holding rows the repair
    is about to update would deadlock with it. Plain reads go on. A writer that already holds
    one of these tables and then needs one the repair holds closes a wait cycle: PostgreSQL
    aborts one of the two, and the retry policy runs it again. Writes wait for the whole
    repair, so on a large database the service's statement timeout answers some of them 504:
    a repair belongs in a quiet window (docs/reliability.md). On SQLite the write transaction
    already holds the database's only write lock.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    names = ", ".join(table.__table__.name for table in _GUARDED)  # type: ignore[attr-defined]
    session.execute(sa.text(f"LOCK TABLE {names}, claim_search IN EXCLUSIVE MODE"))


def repair(session: Session) -> list[Finding]:
    """Fix what `check` finds; returns what was found before fixing. Run inside one write
    transaction (`corroborate repair`), which keeps writers out until it commits: correct
    beside concurrent writers, which wait for it."""
    _hold_still(session)
    found = check(session)
    claims = _flatten_merges(session) | _move_to_live(session)
    unlinked = _break_link_cycles(session)
    early = _copies_before_origin(session)
    if early:  # a copy cannot precede its origin: the link is what is wrong
        session.execute(sa.delete(ArticleLink).where(ArticleLink.article_id.in_(early)))  # type: ignore[attr-defined]
    rerooted = _fix_roots(session)
    moved = unlinked + early + rerooted
    if moved:
        claims.update(session.scalars(counters.claims_of_articles(moved)))
    claims.update(counters.stale_claim_ids(session))
    claims.update(counters.stale_outlet_claim_ids(session))
    session.expire_all()
    counters.touch(session, claim_ids=claims)
    search_index.rebuild(session, claim_ids=search_index.stale_claim_ids(session))
    claim_rendering.rebuild(session, claim_ids=claim_rendering.stale_claim_ids(session))
    return found
