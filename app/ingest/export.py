"""Export: every article with its outlet, claims and origin, as ingest payloads (NDJSON lines).

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

from app.tables import Article, ArticleLink, Attribution, Claim, Outlet

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
            origin_id = item.pop("_origin_id")
            if origin_id is not None and origin_id not in emitted:
                waiting[origin_id].append(item)  # same instant as its origin, listed first
                continue
            yield from _emit(item, emitted, waiting)
    for items in waiting.values():  # only if links broke the date order; keep them all
        for item in items:
            item.pop("_id")
            yield item


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
    for article in articles:
        link = links.get(article.id)
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
