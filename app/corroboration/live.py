"""Corroboration computed on the fly for a chosen method (collapse rule, point in time).

The stored counters (counters.py) answer the default method, now. Any other method is computed
here from the claim's attributions and the links above its reporting articles, so the cost for
one claim is proportional to its attributions (times the length of their chains of copies,
which is short in practice). The same code computes the default method too; a test checks
that it agrees with the stored counters, so a number means the same thing everywhere.
"""

from collections.abc import Iterable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from app.core.columns import UTCDateTime
from app.corroboration import method as methods
from app.corroboration.models import AsOfBasis
from app.corroboration.models import Bucket
from app.corroboration.models import ChainStep
from app.corroboration.models import Corroboration
from app.corroboration.models import CorroborationMethod
from app.corroboration.models import CreditedTo
from app.corroboration.models import ExplainedArticleRef
from app.corroboration.models import ExplainedOrigin
from app.corroboration.models import ExplainedReport
from app.corroboration.models import FirstReport
from app.corroboration.models import Timeline
from app.corroboration.models import TimelinePoint
from app.tables import REPORTING_STANCES
from app.tables import Article
from app.tables import ArticleLink
from app.tables import Attribution
from app.tables import CreditedOrigin
from app.tables import Outlet
from app.tables import OutletRef
from app.tables import Stance

_BATCH = 500
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class OutletRow:
    id: int
    slug: str
    name: str
    owner_group: str | None

    def ref(self) -> OutletRef:
        return OutletRef(id=self.id, slug=self.slug, name=self.name)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: int
    url: str
    title: str
    published_at: datetime
    outlet: OutletRow

    def ref(self) -> ExplainedArticleRef:
        return ExplainedArticleRef(
            id=self.id,
            url=self.url,
            title=self.title,
            published_at=self.published_at,
            outlet=self.outlet.ref(),
        )


@dataclass(frozen=True, slots=True)
class LinkRow:
    article_id: int
    origin: ArticleRow
    relation: str
    reason: str | None
    provenance: str
    created_at: datetime

    def step(self) -> ChainStep:
        return ChainStep(
            article_id=self.article_id,
            origin_article_id=self.origin.id,
            relation=self.relation,  # type: ignore[arg-type]
            reason=self.reason,
            provenance=self.provenance,  # type: ignore[arg-type]
        )


@dataclass(frozen=True, slots=True)
class CreditRow:
    """A root article's credited origin: the outlet it credits, with no article of it linked."""

    article_id: int
    outlet: OutletRow
    relation: str
    reason: str
    evidence: str
    confidence: float
    created_at: datetime

    def public(self) -> CreditedTo:
        return CreditedTo(
            outlet=self.outlet.ref(),
            relation=self.relation,  # type: ignore[arg-type]
            reason=self.reason,
            evidence=self.evidence,
            confidence=self.confidence,
        )


@dataclass(frozen=True, slots=True)
class Report:
    """One reporting attribution, with the links followed to its root under the method, and
    the root's credited origin when the method follows it."""

    claim_id: int
    stance: str
    article: ArticleRow
    chain: tuple[LinkRow, ...]
    credit: CreditRow | None = None

    @property
    def root(self) -> ArticleRow:
        return self.chain[-1].origin if self.chain else self.article

    @property
    def origin_outlet(self) -> OutletRow:
        """The outlet the report counts under: the credited one, else its root's."""
        return self.credit.outlet if self.credit is not None else self.root.outlet

    @property
    def order(self) -> tuple[datetime, int]:
        return (self.article.published_at, self.article.id)


OriginKey = tuple[str, Any]


def origin_key(report: Report, chosen: CorroborationMethod) -> OriginKey:
    """What makes two reports one origin: the root's (or its credited) outlet, or its owner
    group."""
    outlet = report.origin_outlet
    if methods.merges_owners(chosen) and outlet.owner_group:
        return ("owner", outlet.owner_group)
    return ("outlet", outlet.id)


@dataclass(slots=True)
class ClaimReports:
    """A claim's reports and disputes visible under a method."""

    reports: list[Report] = field(default_factory=list)
    disputing_outlets: set[int] = field(default_factory=set)


def _outlet(row: Any, prefix: str) -> OutletRow:
    return OutletRow(
        id=row[f"{prefix}outlet_id"],
        slug=row[f"{prefix}outlet_slug"],
        name=row[f"{prefix}outlet_name"],
        owner_group=row[f"{prefix}owner_group"],
    )


def _article_columns(article: Any, outlet: Any, prefix: str = "") -> list[Any]:
    return [
        article.id.label(f"{prefix}article_id"),
        article.url.label(f"{prefix}url"),
        article.title.label(f"{prefix}title"),
        article.published_at.label(f"{prefix}published_at"),
        outlet.id.label(f"{prefix}outlet_id"),
        outlet.slug.label(f"{prefix}outlet_slug"),
        outlet.name.label(f"{prefix}outlet_name"),
        outlet.owner_group.label(f"{prefix}owner_group"),
    ]


def _article(row: Any, prefix: str = "") -> ArticleRow:
    return ArticleRow(
        id=row[f"{prefix}article_id"],
        url=row[f"{prefix}url"],
        title=row[f"{prefix}title"],
        published_at=row[f"{prefix}published_at"],
        outlet=_outlet(row, prefix),
    )


@cache
def _links_query() -> Any:
    # Built once: aliasing and labelling columns costs more than the indexed lookup itself.
    origin = aliased(Article)
    origin_outlet = aliased(Outlet)
    return (
        select(
            ArticleLink.article_id.label("copy_id"),  # type: ignore[attr-defined]
            ArticleLink.relation,
            ArticleLink.reason,
            ArticleLink.provenance,
            ArticleLink.created_at.label("link_created_at"),  # type: ignore[attr-defined]
            *_article_columns(origin, origin_outlet, "origin_"),
        )
        .join(origin, origin.id == ArticleLink.origin_article_id)
        .join(origin_outlet, origin_outlet.id == origin.outlet_id)
        .where(ArticleLink.article_id.in_(bindparam("ids", expanding=True)))  # type: ignore[attr-defined]
    )


def _links_above(session: Session, article_ids: Iterable[int]) -> dict[int, LinkRow]:
    """Every link on the chains of origins above these articles, keyed by the copying article.

    Walks upwards one indexed query per level (the links of these articles, then of their
    origins, ...), so the cost is the number of links on those chains.
    """
    found: dict[int, LinkRow] = {}
    frontier = sorted(set(article_ids))
    while frontier:
        following: set[int] = set()
        for start in range(0, len(frontier), _BATCH):
            rows = session.execute(
                _links_query(), {"ids": frontier[start : start + _BATCH]}
            ).mappings()
            for row in rows:
                link = LinkRow(
                    article_id=row["copy_id"],
                    origin=_article(row, "origin_"),
                    relation=row["relation"],
                    reason=row["reason"],
                    provenance=row["provenance"],
                    created_at=row["link_created_at"],
                )
                found[link.article_id] = link
                if link.origin.id not in found:
                    following.add(link.origin.id)
        frontier = sorted(following - set(found))
    return found


def _chain(
    article_id: int, links: dict[int, LinkRow], chosen: CorroborationMethod
) -> tuple[LinkRow, ...]:
    """The links followed from an article to its root under the method's collapse rule."""
    relations = methods.followed_relations(chosen)
    recorded_by = chosen.as_of if chosen.as_of_basis is AsOfBasis.recorded else None
    steps: list[LinkRow] = []
    current = article_id
    while len(steps) <= len(links):  # chains are acyclic; the bound only guards the loop
        link = links.get(current)
        if link is None or link.relation not in relations:
            break
        if recorded_by is not None and link.created_at > recorded_by:
            break
        steps.append(link)
        current = link.origin.id
    return tuple(steps)


@cache
def _credits_query() -> Any:
    return (
        select(
            CreditedOrigin.article_id,
            CreditedOrigin.relation,
            CreditedOrigin.reason,
            CreditedOrigin.evidence,
            CreditedOrigin.confidence,
            CreditedOrigin.created_at,
            Outlet.id,
            Outlet.slug,
            Outlet.name,
            Outlet.owner_group,
        )
        .join(Outlet, Outlet.id == CreditedOrigin.outlet_id)
        .where(CreditedOrigin.article_id.in_(bindparam("ids", expanding=True)))  # type: ignore[attr-defined]
    )


def _credits(
    session: Session, root_ids: Iterable[int], chosen: CorroborationMethod
) -> dict[int, CreditRow]:
    """The credited origins of these root articles that the method follows."""
    relations = methods.followed_relations(chosen)
    if not relations:
        return {}
    recorded_by = chosen.as_of if chosen.as_of_basis is AsOfBasis.recorded else None
    ids = sorted(set(root_ids))
    found: dict[int, CreditRow] = {}
    for start in range(0, len(ids), _BATCH):
        for row in session.execute(_credits_query(), {"ids": ids[start : start + _BATCH]}):
            article_id, relation, reason, evidence, confidence, created_at, *outlet = row
            if relation not in relations:
                continue
            if recorded_by is not None and created_at > recorded_by:
                continue
            found[article_id] = CreditRow(
                article_id, OutletRow(*outlet), relation, reason, evidence, confidence, created_at
            )
    return found


@cache
def _reports_query(*, as_of: bool, recorded: bool) -> Any:
    query = (
        select(Attribution.claim_id, Attribution.stance, *_article_columns(Article, Outlet))
        .join(Article, Article.id == Attribution.article_id)
        .join(Outlet, Outlet.id == Article.outlet_id)
        .where(Attribution.claim_id.in_(bindparam("ids", expanding=True)))  # type: ignore[attr-defined]
    )
    if as_of:
        query = query.where(Article.published_at <= bindparam("as_of", type_=UTCDateTime()))
        if recorded:
            query = query.where(Attribution.created_at <= bindparam("as_of", type_=UTCDateTime()))
    return query


def reports(
    session: Session, *, claim_ids: Iterable[int], chosen: CorroborationMethod
) -> dict[int, ClaimReports]:
    """Each claim's reporting attributions (with their chains) and disputing outlets."""
    ids = sorted(set(claim_ids))
    result = {claim_id: ClaimReports() for claim_id in ids}
    rows: list[Any] = []
    query = _reports_query(
        as_of=chosen.as_of is not None, recorded=chosen.as_of_basis is AsOfBasis.recorded
    )
    for start in range(0, len(ids), _BATCH):
        params: dict[str, Any] = {"ids": ids[start : start + _BATCH], "as_of": chosen.as_of}
        rows.extend(session.execute(query, params))
    links: dict[int, LinkRow] = {}
    if methods.followed_relations(chosen):
        links = _links_above(session, (row[2] for row in rows if row[1] in REPORTING_STANCES))
    outlets: dict[int, OutletRow] = {}
    disputes = Stance.disputes.value
    found: list[Report] = []
    for claim_id, stance, article_id, url, title, published_at, *outlet in rows:
        claim = result[claim_id]
        if stance == disputes:
            claim.disputing_outlets.add(outlet[0])
            continue
        outlet_row = outlets.get(outlet[0])
        if outlet_row is None:
            outlet_row = outlets[outlet[0]] = OutletRow(*outlet)
        found.append(
            Report(
                claim_id=claim_id,
                stance=stance,
                article=ArticleRow(article_id, url, title, published_at, outlet_row),
                chain=_chain(article_id, links, chosen) if links else (),
            )
        )
    credits = _credits(session, (report.root.id for report in found), chosen)
    for report in found:
        credit = credits.get(report.root.id)
        if credit is not None:
            report = replace(report, credit=credit)
        result[report.claim_id].reports.append(report)
    for claim in result.values():
        claim.reports.sort(key=lambda report: report.order)
    return result


def tally(claim: ClaimReports, chosen: CorroborationMethod) -> Corroboration:
    """The counts of one claim's visible reports under the method."""
    first = claim.reports[0] if claim.reports else None
    return Corroboration(
        outlets=len({report.article.outlet.id for report in claim.reports}),
        independent_origins=len({origin_key(report, chosen) for report in claim.reports}),
        credited_origins=credited_origins(claim.reports, chosen),
        articles=len(claim.reports),
        disputing_outlets=len(claim.disputing_outlets),
        first_reported=None
        if first is None
        else FirstReport(
            at=first.article.published_at,
            outlet=first.article.outlet.slug,
            outlet_name=first.article.outlet.name,
            article_id=first.article.id,
        ),
        last_reported_at=max((r.article.published_at for r in claim.reports), default=None),
        method=chosen,
    )


def credited_origins(reports: Iterable[Report], chosen: CorroborationMethod) -> int:
    """How many origins every report reaches only through a credit (none is, or copies, an
    article of the origin's own outlet)."""
    credited: dict[OriginKey, bool] = {}
    for report in reports:
        key = origin_key(report, chosen)
        credited[key] = credited.get(key, True) and report.credit is not None
    return sum(credited.values())


def corroboration(
    session: Session, *, claim_ids: Iterable[int], chosen: CorroborationMethod
) -> dict[int, Corroboration]:
    """Counts of these claims under the method, computed from their attributions."""
    return {
        claim_id: tally(claim, chosen)
        for claim_id, claim in reports(session, claim_ids=claim_ids, chosen=chosen).items()
    }


def explain(claim: ClaimReports, chosen: CorroborationMethod) -> list[ExplainedOrigin]:
    """The claim's independent origins, each with the reports collapsed into it and why."""
    groups: dict[OriginKey, list[Report]] = {}
    for report in claim.reports:
        groups.setdefault(origin_key(report, chosen), []).append(report)
    origins = []
    for key, members in groups.items():
        leads = sorted(members, key=lambda r: (r.root.published_at, r.root.id))
        lead = leads[0].origin_outlet
        outlets = sorted({r.origin_outlet for r in members}, key=lambda o: o.slug)
        explained = []
        for report in members:
            relation, reason = _why(report, lead, key)
            explained.append(
                ExplainedReport(
                    article=report.article.ref(),
                    stance=report.stance,
                    relation=relation,
                    reason=reason,
                    collapsed_into=report.root.ref() if report.chain else None,
                    chain=[link.step() for link in report.chain],
                    credited_to=report.credit.public() if report.credit else None,
                )
            )
        origins.append(
            ExplainedOrigin(
                outlet=lead.ref(),
                outlets=[outlet.ref() for outlet in outlets],
                owner_group=key[1] if key[0] == "owner" else None,
                credited=all(report.credit is not None for report in members),
                first_reported_at=members[0].article.published_at,
                articles=explained,
            )
        )
    origins.sort(key=lambda origin: (origin.first_reported_at, origin.outlet.id))
    return origins


def _why(report: Report, lead: OutletRow, key: OriginKey) -> tuple[str, str | None]:
    if report.chain:
        return report.chain[0].relation, report.chain[0].reason
    if report.credit is not None:
        return "credited", report.credit.reason
    outlet = report.article.outlet
    if key[0] == "owner" and outlet.id != lead.id:
        return "owner", f"{outlet.name} and {lead.name} share the owner group {key[1]!r}"
    return "original", None


# ---- timeline -------------------------------------------------------------------------------

_STEP = {
    Bucket.hour: timedelta(hours=1),
    Bucket.day: timedelta(days=1),
    Bucket.week: timedelta(weeks=1),
}


def bucket_start(instant: datetime, bucket: Bucket) -> datetime:
    """The start of the UTC hour, day or ISO week (Monday) holding this instant."""
    instant = instant.astimezone(UTC)
    if bucket is Bucket.hour:
        return instant.replace(minute=0, second=0, microsecond=0)
    day = instant.replace(hour=0, minute=0, second=0, microsecond=0)
    if bucket is Bucket.day:
        return day
    return day - timedelta(days=day.weekday())


def bucket_end(start: datetime, bucket: Bucket) -> datetime:
    """The end (exclusive) of the bucket starting at `start`; the calendar's last instant for a
    bucket that reaches past it (an article stored before publication times were bounded)."""
    try:
        return start + _STEP[bucket]
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


def timeline(
    session: Session, *, claim_id: int, bucket: Bucket, chosen: CorroborationMethod
) -> Timeline:
    """Cumulative outlets and independent origins at the end of each active bucket."""
    claim = reports(session, claim_ids=[claim_id], chosen=chosen)[claim_id]
    counts = tally(claim, chosen)
    points: list[TimelinePoint] = []
    outlets: set[int] = set()
    origins: set[OriginKey] = set()
    total = 0
    for start, members in _buckets(claim.reports, bucket):
        new_outlets: list[str] = []
        for report in members:
            if report.article.outlet.id not in outlets:
                outlets.add(report.article.outlet.id)
                new_outlets.append(report.article.outlet.slug)
            origins.add(origin_key(report, chosen))
        total += len(members)
        points.append(
            TimelinePoint(
                start=start,
                end=bucket_end(start, bucket),
                articles=len(members),
                new_outlets=new_outlets,
                cumulative_articles=total,
                cumulative_outlets=len(outlets),
                cumulative_independent_origins=len(origins),
                first_report=not points,
            )
        )
    return Timeline(
        claim_id=claim_id,
        bucket=bucket,
        method=chosen,
        first_reported=counts.first_reported,
        points=points,
    )


def _buckets(ordered: list[Report], bucket: Bucket) -> Iterator[tuple[datetime, list[Report]]]:
    current: datetime | None = None
    members: list[Report] = []
    for report in ordered:
        start = bucket_start(report.article.published_at, bucket)
        if current is not None and start != current:
            yield current, members
            members = []
        current = start
        members.append(report)
    if current is not None:
        yield current, members


def micros(instant: datetime) -> int:
    """An instant as integer microseconds since the epoch: exact, for ordering keys."""
    return (instant - _EPOCH) // timedelta(microseconds=1)
