"""The database dumped as ingest payloads (NDJSON lines): every article with its outlet,
claims and origin. `corroborate export` writes it; `corroborate import` reads it back.

Importing the export into an empty database reproduces the same claims with the same counts:
articles come in publication order (an origin always before its copies), claims are matched
`exact`ly (so that a claim never merges into a similar one on the way back), links keep their
provenance, and copy detection is switched off (what was linked is stated; what was not stays
unlinked).
"""

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import Outlet
from app.tables import ReviewItem
from app.tables import ReviewKind
from app.tables import ReviewStatus

BATCH = 500
_OUTLET_FIELDS = ("slug", "name", "domain", "country", "language", "kind", "owner_group")


def _instant(value: Any) -> str:
    return value.isoformat().replace("+00:00", "Z")


def _without_nulls(fields: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def payloads(session: Session) -> Iterator[dict[str, Any]]:
    """One ingest payload per article, origins before their copies."""
    outlets = {
        outlet.id: _without_nulls({f: getattr(outlet, f) for f in _OUTLET_FIELDS})
        for outlet in session.scalars(select(Outlet))
    }
    decisions = _decisions(session, outlets)
    emitted: set[int] = set()
    waiting: dict[int, list[dict[str, Any]]] = defaultdict(list)
    last: tuple[Any, int] | None = None
    while True:
        query = select(Article).order_by(Article.published_at, Article.id).limit(BATCH)
        if last is not None:
            query = query.where(
                (Article.published_at > last[0])
                | ((Article.published_at == last[0]) & (Article.id > last[1]))  # type: ignore[operator]
            )
        articles = list(session.scalars(query))
        if not articles:
            break
        last = (articles[-1].published_at, articles[-1].id or 0)
        for item in _batch(session, articles, outlets):
            if item["_id"] in decisions:
                item["review_decisions"] = decisions[item["_id"]]
            origin_id = item.pop("_origin_id")
            if origin_id is not None and origin_id not in emitted:
                waiting[origin_id].append(item)  # same instant as its origin, listed first
                continue
            yield from _emit(item, emitted, waiting)
    for items in waiting.values():  # only if links broke the date order; keep them all
        for item in items:
            item.pop("_id")
            yield item


def _claim_key(claim: Claim | None) -> dict[str, Any] | None:
    if claim is None:
        return None
    return _without_nulls({"text": claim.text, "claimant": claim.claimant})


def _live(session: Session, claim_id: int | None) -> Claim | None:
    claim = session.get(Claim, claim_id) if claim_id else None
    if claim is not None and claim.merged_into is not None:
        return session.get(Claim, claim.merged_into)
    return claim


def _latest_article(session: Session, claim_ids: list[int]) -> int | None:
    """The last article (in export order) carrying any of these claims."""
    return session.scalar(
        select(Article.id)
        .join(Attribution, Attribution.article_id == Article.id)
        .where(Attribution.claim_id.in_(claim_ids))  # type: ignore[attr-defined]
        .order_by(Article.published_at.desc(), Article.id.desc())  # type: ignore[attr-defined]
        .limit(1)
    )


def _decisions(
    session: Session, outlets: dict[int | None, dict[str, Any]]
) -> dict[int, list[dict[str, Any]]]:
    """Decided review items, each on the line of the article it is about (a claim merge: the
    last article carrying either claim, so that both exist when it is imported)."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    decided = session.scalars(
        select(ReviewItem).where(ReviewItem.status != ReviewStatus.pending).order_by(ReviewItem.id)  # type: ignore[arg-type]
    )
    for item in decided:
        entry: dict[str, Any] = {
            "kind": item.kind,
            "status": item.status,
            "decided_by": item.decided_by,
            "decided_at": _instant(item.decided_at) if item.decided_at else None,
            "score": item.score,
            "reason": item.reason,
            "evidence": item.evidence,
            "relation": item.relation,
        }
        at: int | None = item.article_id
        if item.kind == ReviewKind.copy:
            origin = (
                session.get(Article, item.origin_article_id) if item.origin_article_id else None
            )
            if origin is None:
                continue
            entry["origin_url"] = origin.url
        elif item.kind == ReviewKind.credited_origin:
            entry["outlet"] = outlets.get(item.outlet_id)
        elif item.kind == ReviewKind.claim_proposal:
            entry["proposed_claim"] = {
                "text": item.proposed_text,
                "claimant": item.proposed_claimant,
                "quote": item.quote,
            }
            target = _live(session, item.target_claim_id)
            entry["target_claim"] = _claim_key(target) if target is not None else None
        else:
            claim = session.get(Claim, item.claim_id) if item.claim_id else None
            if claim is not None and claim.merged_into is not None:
                claim = None  # merged: its text is no longer a claim of its own
            target = _live(session, item.target_claim_id)
            if target is None:
                continue
            entry["claim"] = _claim_key(claim)
            entry["target_claim"] = _claim_key(target)
            at = _latest_article(session, [c.id or 0 for c in (claim, target) if c is not None])
        if at is not None:
            found[at].append(_without_nulls(entry))
    return found


def _emit(
    item: dict[str, Any], emitted: set[int], waiting: dict[int, list[dict[str, Any]]]
) -> Iterator[dict[str, Any]]:
    stack = [item]
    while stack:
        current = stack.pop()
        article_id = current.pop("_id")
        emitted.add(article_id)
        yield current
        stack.extend(waiting.pop(article_id, []))


def _batch(
    session: Session, articles: list[Article], outlets: dict[int | None, dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    ids = [article.id for article in articles]
    claims: dict[int, list[dict[str, Any]]] = defaultdict(list)
    rows = session.execute(
        select(Attribution, Claim)
        .join(Claim, Claim.id == Attribution.claim_id)
        .where(Attribution.article_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(Attribution.id)
    )
    for attribution, claim in rows:
        claims[attribution.article_id].append(
            _without_nulls(
                {
                    "text": claim.text,
                    "claimant": claim.claimant,
                    "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
                    "stance": attribution.stance,
                    "quote": attribution.quote,
                    "sourcing": attribution.sourcing,
                    "match": "exact",
                }
            )
        )
    origin = Article.__table__.alias("origin")  # type: ignore[attr-defined]
    links = {
        row.article_id: row
        for row in session.execute(
            select(
                ArticleLink.article_id,
                ArticleLink.origin_article_id,
                ArticleLink.relation,
                ArticleLink.reason,
                ArticleLink.provenance,
                origin.c.url,
            )
            .join(origin, origin.c.id == ArticleLink.origin_article_id)
            .where(ArticleLink.article_id.in_(ids))  # type: ignore[attr-defined]
        )
    }
    credits = {
        row.article_id: row
        for row in session.execute(
            select(CreditedOrigin).where(CreditedOrigin.article_id.in_(ids))  # type: ignore[attr-defined]
        ).scalars()
    }
    for article in articles:
        link = links.get(article.id)
        credit = credits.get(article.id or 0)
        item: dict[str, Any] = {
            "outlet": outlets[article.outlet_id],
            "article": _without_nulls(
                {
                    "url": article.url,
                    "title": article.title,
                    "published_at": _instant(article.published_at),
                    "author": article.author,
                    "language": article.language,
                }
            ),
            "claims": claims.get(article.id or 0, []),
            "detect_copies": False,
            "_id": article.id,
            "_origin_id": link.origin_article_id if link else None,
        }
        if credit is not None:
            item["credited_origin"] = {
                "outlet": outlets[credit.outlet_id],
                "relation": credit.relation,
                "reason": credit.reason,
                "evidence": credit.evidence,
                "confidence": credit.confidence,
                "provenance": credit.provenance,
            }
        if link is not None:
            item["origin"] = _without_nulls(
                {
                    "url": link.url,
                    "relation": link.relation,
                    "reason": link.reason,
                    "provenance": link.provenance,
                }
            )
        yield item
