"""Loading the demo dataset, idempotently, through the same verbs the API uses."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlmodel import Session

from app.articles import service as articles_service
from app.articles.models import ArticleCreate
from app.articles.models import LinkCreate
from app.claims import attributions as claims_attributions
from app.claims import service as claims_service
from app.claims.models import AttributionCreate
from app.claims.models import ClaimCreate
from app.demo import data
from app.outlets import service as outlets_service
from app.outlets.models import OutletCreate
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import Outlet


@dataclass
class LoadSummary:
    created: int = 0
    existing: int = 0

    def add(self, created: bool) -> None:
        if created:
            self.created += 1
        else:
            self.existing += 1


def load(session: Session) -> LoadSummary:
    """Load the founding story; rows already present are left as they are."""
    summary = LoadSummary()
    for fields in data.OUTLETS:
        exists = session.scalar(select(Outlet).where(Outlet.slug == fields["slug"]))
        if exists is None:
            outlets_service.create(session, data=OutletCreate.model_validate(fields))
        summary.add(exists is None)

    articles: dict[str, int] = {}
    for fields in data.ARTICLES:
        payload = ArticleCreate.model_validate({k: v for k, v in fields.items() if k != "key"})
        article = articles_service.get_by_url(session, url=payload.url)
        summary.add(article is None)
        if article is None:
            article = articles_service.create(session, data=payload)
        assert article.id is not None
        articles[fields["key"]] = article.id

    for link in data.LINKS:
        article = articles_service.get(session, article_id=articles[link["article"]])
        exists = session.get(ArticleLink, article.id) is not None
        if not exists:
            articles_service.add_link(
                session,
                article=article,
                data=LinkCreate(
                    origin_article_id=articles[link["origin"]],
                    relation=link["relation"],
                    reason=link["reason"],
                ),
            )
        summary.add(not exists)

    for fields in data.CLAIMS:
        payload = ClaimCreate(text=fields["text"], claimant=fields["claimant"])
        key = claims_service.fingerprint(payload.text, payload.claimant)
        claim = session.scalar(select(Claim).where(Claim.fingerprint == key))
        summary.add(claim is None)
        if claim is None:
            claim = claims_service.create(session, data=payload)
        for attribution in fields["attributions"]:
            article_id = articles[attribution["article"]]
            exists = session.scalar(
                select(Attribution.id).where(
                    Attribution.claim_id == claim.id, Attribution.article_id == article_id
                )
            )
            if exists is None:
                claims_attributions.add_attribution(
                    session,
                    claim=claim,
                    data=AttributionCreate(
                        article_id=article_id,
                        quote=attribution.get("quote"),
                        sourcing=attribution.get("sourcing", "unknown"),
                    ),
                )
            summary.add(exists is None)
    return summary
