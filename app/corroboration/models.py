"""The corroboration payload shown on every claim, and the method that produced it."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field
from sqlmodel import SQLModel

from app.tables import LinkProvenance
from app.tables import LinkRelation
from app.tables import OutletRef

# Bumped whenever the meaning of a count changes, so a published number names its rules.
METHOD_VERSION = "1"


class Collapse(StrEnum):
    """What merges reports into one independent origin."""

    syndicates = "syndicates"
    cites = "cites"
    owner = "owner"
    none = "none"


class AsOfBasis(StrEnum):
    """Which instants `as_of` compares: publication only, or also when we recorded the rows."""

    published = "published"
    recorded = "recorded"


DEFAULT_COLLAPSE: tuple[Collapse, ...] = (Collapse.syndicates, Collapse.cites)


class CorroborationMethod(SQLModel):
    """The rules a count was computed with; pass them back to reproduce the number."""

    collapse: list[Collapse] = Field(
        default_factory=lambda: list(DEFAULT_COLLAPSE),
        description="Relations that merged reports into one origin (`none`: nothing merged).",
    )
    as_of: datetime | None = Field(
        default=None, description="Point in time of the count; null means now."
    )
    as_of_basis: AsOfBasis = Field(
        default=AsOfBasis.published,
        description="`published`: articles published by `as_of` (links and attributions as "
        "recorded now); `recorded`: only what the database had recorded by `as_of`.",
    )
    version: str = Field(default=METHOD_VERSION, description="Version of the counting rules.")


class FirstReport(SQLModel):
    at: datetime = Field(description="Publication instant of the earliest reporting article.")
    outlet: str = Field(description="Slug of its outlet.")
    outlet_name: str
    article_id: int


class Corroboration(SQLModel):
    """Counts over the claim's attributions whose stance is `reports` or `supports`."""

    outlets: int = Field(description="Distinct outlets of reporting articles.")
    independent_origins: int = Field(
        description="Distinct outlets of the roots of reporting articles, once copies "
        "(syndicates/cites links, followed transitively) are collapsed into their origin. "
        'An article crediting an outlet ("(AP)", an agency\'s URL) whose own article is not '
        "linked counts under that outlet."
    )
    credited_origins: int = Field(
        default=0,
        description="How many of the independent origins are known only by a credit: the "
        'credited outlet\'s own article on the claim is not stored ("AP, credited").',
    )
    articles: int = Field(description="Reporting articles.")
    disputing_outlets: int = Field(description="Distinct outlets with a `disputes` attribution.")
    first_reported: FirstReport | None
    last_reported_at: datetime | None
    method: CorroborationMethod = Field(
        default_factory=CorroborationMethod,
        description="How these counts were computed (echoed so a number can be reproduced).",
    )


# ---- the explanation ----------------------------------------------------------------------


class ExplainedArticleRef(SQLModel):
    id: int
    url: str
    title: str
    published_at: datetime
    outlet: OutletRef


class ChainStep(SQLModel):
    """One link followed from a copy towards its origin."""

    article_id: int
    origin_article_id: int
    relation: LinkRelation
    reason: str | None
    provenance: LinkProvenance


class CreditedTo(SQLModel):
    """The outlet a report's root article credits as its origin (no article of it linked)."""

    outlet: OutletRef
    relation: LinkRelation = Field(
        description="`syndicates` (dateline, byline, URL, canonical) "
        "or `cites` (a credit in the text, isBasedOn)."
    )
    reason: str
    evidence: str = Field(description='The words or URL giving the credit, e.g. "(AP)".')
    confidence: float


class ExplainedReport(SQLModel):
    """A reporting article and why it counts under its origin."""

    article: ExplainedArticleRef
    stance: str = Field(description="`reports` or `supports`.")
    relation: str = Field(
        description="`original`: the article is its own root; `syndicates` / `cites`: the "
        "first link followed to its root; `credited`: its own root, counted under the outlet "
        "it credits; `owner`: its own root, merged because its outlet shares an owner group "
        "with the origin's outlet."
    )
    reason: str | None = Field(description="The link's stated reason, or why owners merged.")
    collapsed_into: ExplainedArticleRef | None = Field(
        description="The root article this one collapses into; null when it is its own root."
    )
    chain: list[ChainStep] = Field(description="Every link followed, from this article on.")
    credited_to: CreditedTo | None = Field(
        default=None,
        description="Set when the root counts under the outlet it credits (its own article "
        "is not stored or not linked).",
    )


class ExplainedOrigin(SQLModel):
    """One independent origin: the reports that count once."""

    outlet: OutletRef = Field(description="Outlet of the origin's earliest root article.")
    outlets: list[OutletRef] = Field(
        description="Every outlet whose root articles merged into this origin (several only "
        "with `collapse=owner`)."
    )
    owner_group: str | None = Field(description="Set when origins were merged by owner group.")
    credited: bool = Field(
        default=False,
        description='True when this origin is known only by credits ("AP, credited"): no '
        "article of its outlet on the claim is stored or linked.",
    )
    first_reported_at: datetime = Field(description="Earliest report in this origin.")
    articles: list[ExplainedReport] = Field(description="Earliest publication first.")


class CorroborationExplained(SQLModel):
    """The counts of one claim and, origin by origin, the reports behind them."""

    claim_id: int
    corroboration: Corroboration
    origins: list[ExplainedOrigin] = Field(description="Earliest origin first.")


# ---- the timeline -------------------------------------------------------------------------


class Bucket(StrEnum):
    hour = "hour"
    day = "day"
    week = "week"


class TimelinePoint(SQLModel):
    """One bucket in which at least one reporting article was published."""

    start: datetime = Field(description="Bucket start (UTC; weeks start on Monday 00:00 UTC).")
    end: datetime = Field(description="Bucket end, exclusive.")
    articles: int = Field(description="Reporting articles published in this bucket.")
    new_outlets: list[str] = Field(description="Slugs of outlets reporting for the first time.")
    cumulative_articles: int
    cumulative_outlets: int = Field(description="Distinct outlets reporting by the bucket end.")
    cumulative_independent_origins: int = Field(
        description="Independent origins by the bucket end, under the method's collapse rule."
    )
    first_report: bool = Field(description="True for the bucket holding the first report.")


class Timeline(SQLModel):
    """How coverage of a claim grew: cumulative counts at the end of each active bucket.

    Only buckets with at least one new reporting article are listed; cumulative values carry
    forward unchanged through the buckets in between, so a chart draws a step line.
    """

    claim_id: int
    bucket: Bucket
    method: CorroborationMethod
    first_reported: FirstReport | None
    points: list[TimelinePoint]
