"""The statements the planner reads a chunk's surroundings with (app/ingest/bulk/plan.py)."""

from sqlalchemy import bindparam
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.core.listed import listed
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import Claim
from app.tables import CreditedOrigin
from app.tables import Outlet

OUTLETS = select(Outlet.id, Outlet.slug, Outlet.name, Outlet.domain, Outlet.kind).where(
    or_(
        listed(Outlet.slug, "slugs"),
        listed(Outlet.domain, "domains"),
    )
)
ARTICLES = (
    select(
        Article.id,
        Article.url,
        Article.outlet_id,
        Article.title,
        Article.published_at,
        Article.root_article_id,
        Article.body_simhash,
        Article.credit,
        ArticleLink.origin_article_id,
        ArticleLink.relation,
        ArticleLink.reason,
        ArticleLink.provenance,
    )
    .outerjoin(ArticleLink, ArticleLink.article_id == Article.id)  # type: ignore[arg-type]
    .where(listed(Article.url, "urls"))
)
ATTACHED = (
    select(
        Attribution.article_id,
        Attribution.id,
        Claim.id.label("claim_id"),  # type: ignore[union-attr]
        Claim.text,
        Claim.claimant,
        Claim.fingerprint,
    )
    .join(Claim, Claim.id == Attribution.claim_id)  # type: ignore[arg-type]
    .where(listed(Attribution.article_id, "ids"))
    .order_by(Attribution.id)
)
BY_FINGERPRINT = select(
    Claim.id, Claim.text, Claim.claimant, Claim.fingerprint, Claim.merged_into
).where(listed(Claim.fingerprint, "keys"))
# Articles copy detection could tie to a line's article: the same headline, or a credit to the
# line's outlet (the other signals make a line go the one-line path).
NEIGHBOURS = (
    select(
        Article.id,
        Article.url,
        Article.outlet_id,
        Article.title,
        Article.credit_name,
        Article.published_at,
        Outlet.slug,
        Outlet.name,
        Outlet.domain,
        Outlet.kind,
    )
    .join(Outlet, Outlet.id == Article.outlet_id)  # type: ignore[arg-type]
    .where(
        Article.published_at >= bindparam("window_from"),
        Article.published_at <= bindparam("window_to"),
        or_(
            listed(Article.headline_key, "titles"),
            listed(Article.credit_name, "keys"),
        ),
    )
)
CREDITED_OUTLETS = (
    select(CreditedOrigin.outlet_id)
    .join(Article, Article.id == CreditedOrigin.article_id)  # type: ignore[arg-type]
    .where(
        Article.published_at >= bindparam("window_from"),
        Article.published_at <= bindparam("window_to"),
    )
    .distinct()
)

# The links of a run's articles to their origins, with what the answer shows of each origin
# (`LinkPublic`). The article service's public query loaded seven ORM entities a row and built
# the whole article for its link, about 3 % of an import's CPU (docs/benchmarks.md, twentieth
# pass); a link's origin and its outlet always exist (foreign keys), so plain joins.
_ORIGIN = aliased(Article)
_ORIGIN_OUTLET = aliased(Outlet)
ORIGIN_LINKS = (
    select(
        ArticleLink.article_id,
        ArticleLink.relation,
        ArticleLink.reason,
        ArticleLink.provenance,
        ArticleLink.created_at,
        _ORIGIN.id,  # the origin's columns under their own names: LinkPublic.of reads them
        _ORIGIN.url,
        _ORIGIN.title,
        _ORIGIN.published_at,
        _ORIGIN_OUTLET.id.label("outlet_id"),  # type: ignore[union-attr]
        _ORIGIN_OUTLET.slug.label("outlet_slug"),
        _ORIGIN_OUTLET.name.label("outlet_name"),
    )
    .join(_ORIGIN, _ORIGIN.id == ArticleLink.origin_article_id)  # type: ignore[arg-type]
    .join(_ORIGIN_OUTLET, _ORIGIN_OUTLET.id == _ORIGIN.outlet_id)  # type: ignore[arg-type]
    .where(listed(ArticleLink.article_id, "ids"))  # type: ignore[arg-type]
)
