"""Factories: rows made through the services (so counters and roots are maintained), each in
its own committed transaction, and request payloads with sensible unique defaults."""

import itertools
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session

from app.access import service as keys_service
from app.access.models import ApiKeyCreate
from app.articles import service as articles_service
from app.articles.models import ArticleCreate
from app.articles.models import LinkCreate
from app.claims import attributions as claims_attributions
from app.claims import service as claims_service
from app.claims.models import AttributionCreate
from app.claims.models import ClaimCreate
from app.core.unit_of_work import transaction
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet

T0 = datetime(2025, 5, 29, 9, 0, tzinfo=UTC)
_sequence = itertools.count(1)


def outlet_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_sequence)
    return {
        "slug": f"outlet-{n}",
        "name": f"Outlet {n}",
        "domain": f"outlet{n}.example",
        **overrides,
    }


def article_payload(outlet: str, **overrides: Any) -> dict[str, Any]:
    n = next(_sequence)
    return {
        "outlet": outlet,
        "url": f"https://news.example/articles/{n}",
        "title": f"Headline {n}",
        "published_at": (T0 + timedelta(hours=n)).isoformat(),
        **overrides,
    }


def claim_payload(**overrides: Any) -> dict[str, Any]:
    n = next(_sequence)
    return {"text": f"Claim number {n} was made.", "claimant": "A Claimant", **overrides}


class Factory:
    """Creates committed rows through the service layer."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _write(self) -> Any:
        return transaction(self.engine, write=True)

    def outlet(self, **overrides: Any) -> Outlet:
        with self._write() as session:
            return outlets_service.create(session, data=OutletCreate(**outlet_payload(**overrides)))

    def article(self, outlet: Outlet | None = None, **overrides: Any) -> Article:
        outlet = outlet or self.outlet()
        payload = ArticleCreate(**article_payload(outlet.slug, **overrides))
        with self._write() as session:
            return articles_service.create(session, data=payload)

    def claim(self, **overrides: Any) -> Claim:
        with self._write() as session:
            return claims_service.create(session, data=ClaimCreate(**claim_payload(**overrides)))

    def attribute(self, claim: Claim, article: Article, **fields: Any) -> Attribution:
        assert article.id is not None
        with self._write() as session:
            return claims_attributions.add_attribution(
                session,
                claim=claims_service.get(session, claim_id=claim.id or 0),
                data=AttributionCreate(article_id=article.id, **fields),
            )

    def link(
        self,
        copy: Article,
        origin: Article,
        relation: str = "syndicates",
        reason: str | None = None,
    ) -> ArticleLink:
        assert origin.id is not None
        with self._write() as session:
            return articles_service.add_link(
                session,
                article=articles_service.get(session, article_id=copy.id or 0),
                data=LinkCreate(origin_article_id=origin.id, relation=relation, reason=reason),
            )

    def api_key(self, scopes: list[str], name: str = "test") -> str:
        """A new API key with these scopes; returns the secret to send."""
        with self._write() as session:
            _key, secret = keys_service.create(
                session, data=ApiKeyCreate.model_validate({"name": name, "scopes": scopes})
            )
        return secret

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)
