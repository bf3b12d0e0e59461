"""What an ingest line holds of the article it finds stored, and until when.

A line that finds its article stored keeps it from being deleted until commit, and where the
article is a copy, holds its tree the way the graph's writers and the recount lock theirs
(root first): docs/reliability.md, "Graph races on PostgreSQL".
"""

from sqlmodel import Session

from app.articles import graph
from app.core.locks import LockMode
from app.core.locks import lock_rows
from app.corroboration import counters
from app.ingest.models import IngestPayload
from app.ingest.writes import Changes
from app.tables import Article
from app.tables import ArticleLink


def keep(session: Session, article: Article, payload: IngestPayload, changes: Changes) -> bool:
    """Keep a stored article from being deleted until commit; False if it is gone (a
    concurrent delete committed first: the line is re-run and creates it anew). FOR KEY
    SHARE; a copy is held FOR SHARE with its root, root first, as `has_origin` would hold it
    later: holding the copy alone, then its root, deadlocked with a delete of the copy, which
    locks the root first (tests/integrity/test_lock_rounds.py). FOR NO KEY UPDATE where the
    line may fill in its body (no upgrade for two re-sends to deadlock on); the graph's own
    locks where it may relink it."""
    assert article.id is not None
    if payload.may_relink:
        changes.tree_held = session.get(ArticleLink, article.id) is not None
        graph.lock_trees(session, [article.id], rerooting=[article.id] if changes.tree_held else [])
    elif article.root_article_id not in (None, article.id):
        blank = article.body_simhash is None and article.body_minhash is None
        own: LockMode = "no_key_update" if blank else "share"
        counters.hold(session, [article.id], own=own)
        changes.tree_held = True
    return bool(lock_rows(session, Article.id, [article.id], mode="key_share"))


def has_origin(session: Session, article_id: int, payload: IngestPayload, held: bool) -> bool:
    """Whether a stored article has an origin. One that has keeps it until commit (`keep`
    held it already where `held`): a concurrent unlink, or delete of the origin, cannot remove
    the link this answer reports and on which detection was skipped; it waits, or ran first
    and is read here."""
    if session.get(ArticleLink, article_id) is None:
        return False
    if not held and payload.may_relink:
        graph.lock_trees(session, [article_id], rerooting=[article_id])
    elif not held:
        counters.hold(session, [article_id])
    return session.get(ArticleLink, article_id, populate_existing=True) is not None
