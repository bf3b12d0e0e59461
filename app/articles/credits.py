"""An article's credited origin: the verbs that set and clear it (see app/ingest/credits/credited.py
for how ingest finds one). Counting follows it like a link: the counters hook
(app/corroboration/counters.py) sees a credited origin added or removed and recounts the
claims of the article and of its copies before the transaction commits.
"""

from sqlmodel import Session

from app.articles import graph
from app.tables import Article
from app.tables import CreditedOrigin
from app.tables import LinkProvenance
from app.tables import LinkRelation


def record(
    session: Session,
    *,
    article: Article,
    outlet_id: int,
    relation: LinkRelation,
    reason: str,
    evidence: str,
    confidence: float,
    provenance: LinkProvenance = LinkProvenance.detected,
) -> bool:
    """Make `outlet_id` the article's credited origin (replacing a detected one, never a stated
    one); its claims and its copies' claims are recounted. False when nothing changed."""
    assert article.id is not None
    graph.lock_trees(session, [article.id])
    existing = session.get(CreditedOrigin, article.id, populate_existing=True)
    if existing is not None:
        same = existing.outlet_id == outlet_id and existing.relation == relation
        if same or (
            existing.provenance == LinkProvenance.stated and provenance != LinkProvenance.stated
        ):
            return False
        session.delete(existing)
        session.flush()
    session.add(
        CreditedOrigin(
            article_id=article.id,
            outlet_id=outlet_id,
            relation=relation,
            reason=reason[:1000],
            evidence=evidence[:300],
            confidence=confidence,
            provenance=provenance,
        )
    )
    session.flush()
    return True


def remove(session: Session, *, article: Article) -> bool:
    """Forget the article's credited origin; its claims are recounted. False when none."""
    graph.lock_trees(session, [article.id or 0])
    existing = session.get(CreditedOrigin, article.id, populate_existing=True)
    if existing is None:
        return False
    session.delete(existing)
    session.flush()
    return True
