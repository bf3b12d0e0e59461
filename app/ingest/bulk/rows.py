"""The rows a chunk reads and writes, as plain objects: stored ones carry their id, new ones
get it when the chunk's inserts return.

The planner (plan.py) decides line by line, in input order, against these objects, so a line sees
what the lines before it created exactly as it would if each had been committed alone; the writer
(writes.py) then inserts every new row of the segment with one statement per table.
"""

from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from typing import Any

from app.ingest.models import ClaimAction
from app.ingest.models import IngestPayload
from app.matching.base import Candidate
from app.tables import LinkProvenance
from app.tables import LinkRelation
from app.tables import Sourcing
from app.tables import Stance

# Claims created in the chunk sort after every stored claim in ties, in creation order: the ids
# they get are larger than any stored id and ascend in that order.
NEW_ID_BASE = 1 << 62


@dataclass(eq=False)
class OutletRow:
    id: int | None
    slug: str
    name: str
    domain: str | None
    kind: str
    values: dict[str, Any] | None = None  # column values of a new outlet


@dataclass(eq=False)
class LinkRow:
    origin: "ArticleRow"
    relation: LinkRelation
    reason: str | None
    provenance: LinkProvenance
    new: bool = False


@dataclass(eq=False)
class ArticleRow:
    id: int | None
    url: str
    outlet: OutletRow
    title: str
    published_at: datetime
    root_id: int | None = None  # a stored article's stored root
    body_simhash: int | None = None
    credit: str | None = None
    credit_name: str | None = None
    link: LinkRow | None = None
    order: int = 0  # creation order of a new article
    values: dict[str, Any] | None = None  # column values of a new article
    as_candidate: Any = None  # the CopyCandidate answers report it as (bulk/review.py)
    # The claims it is attributed to: claim row -> attribution row, in attribution order.
    attached: dict["ClaimRow", "AttributionRow"] = field(default_factory=dict)

    def sort_id(self) -> int:
        return self.id if self.id is not None else NEW_ID_BASE + self.order

    def by_time(self) -> tuple[datetime, int]:
        """The order copy detection lists same-headline articles in (unique: ids are)."""
        return (self.published_at, self.sort_id())

    def root_article_id(self) -> int:
        """A stored article's stored root; a new one's is its origin's, else itself."""
        if self.id is not None and self.root_id is not None:
            return self.root_id
        if self.link is not None:
            return self.link.origin.root_article_id()
        assert self.id is not None
        return self.id


@dataclass(eq=False)
class ClaimRow:
    id: int | None
    text: str
    claimant: str | None
    fingerprint: str
    claim_date: date | None = None
    order: int = 0  # creation order of a new claim

    def sort_id(self) -> int:
        return self.id if self.id is not None else NEW_ID_BASE + self.order


@dataclass(eq=False)
class AttributionRow:
    id: int | None
    claim: ClaimRow
    article: ArticleRow
    stance: Stance = Stance.reports
    quote: str | None = None
    sourcing: Sourcing = Sourcing.unknown


@dataclass(eq=False)
class Scored:
    """A candidate claim (stored or new in the chunk) with its score and signals."""

    claim: ClaimRow
    score: float
    signals: dict[str, Any] | None = None

    @classmethod
    def of(cls, candidate: Candidate, claim: ClaimRow) -> "Scored":
        return cls(claim, candidate.score, candidate.signals)


@dataclass(eq=False)
class ClaimPlan:
    """What happens to one payload claim (an outcome, with ids filled in after the write)."""

    claim: ClaimRow
    action: ClaimAction
    attribution: AttributionRow
    match: Scored | None = None
    match_without_signals: bool = False
    suggestions: list[Scored] = field(default_factory=list)


@dataclass(eq=False)
class LinePlan:
    number: int
    payload: IngestPayload
    outlet: OutletRow
    outlet_created: bool
    article: ArticleRow
    article_created: bool
    claims: list[ClaimPlan] = field(default_factory=list)
    changed: bool = False
    has_origin: bool = False
    copy_candidates: list[ArticleRow] = field(default_factory=list)
    # The article's claims once the line is decided (what its copy candidates' events name).
    attached_claims: list[ClaimRow] = field(default_factory=list)
