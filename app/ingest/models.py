"""The ingest payload (one article with its outlet and claims) and what ingest answers."""

from enum import StrEnum
from typing import Annotated
from typing import Any
from typing import Literal

from pydantic import ConfigDict
from pydantic import Field
from pydantic import StrictBool
from pydantic import model_validator

from app.articles.models import ArticleUrl
from app.articles.models import CreditedOriginPublic
from app.articles.models import LinkPublic
from app.core.errors import ErrorBody
from app.core.types import BodyId
from app.core.types import CalendarDate
from app.core.types import Claimant
from app.core.types import ClaimText
from app.core.types import LanguageTag
from app.core.types import PublishedAt
from app.core.types import Schema
from app.core.types import ShortText
from app.core.types import Title
from app.core.types import json_number
from app.core.types import named_schema
from app.core.types import reject_control_characters
from app.matching.models import MatchSignals
from app.outlets.models import OutletCreate
from app.tables import LinkProvenance
from app.tables import LinkRelation
from app.tables import ReviewKind
from app.tables import ReviewStatus
from app.tables import Sourcing
from app.tables import Stance

MAX_BODY_CHARS = 1_000_000
Share = json_number(float, ge=0, le=1)  # a confidence or a score, in [0, 1]
MAX_CLAIMS = 200


class IngestArticle(Schema):
    model_config = ConfigDict(extra="forbid")

    url: ArticleUrl = Field(description="Found by its canonical URL, created if new.")
    title: Title
    published_at: PublishedAt
    author: ShortText | None = Field(default=None, description="Byline, e.g. `Reuters`.")
    language: LanguageTag | None = None
    body: Annotated[str, Field(max_length=MAX_BODY_CHARS)] | None = Field(
        default=None,
        description="Full text, used only for copy detection: we keep SimHash and MinHash "
        "fingerprints and any credit to another outlet, never the body itself.",
    )
    canonical_url: ArticleUrl | None = Field(
        default=None,
        description="The page's rel=canonical URL. Pointing at another outlet's page, it makes "
        "that page (if stored) or that outlet (if not) this article's origin.",
    )
    is_based_on: ArticleUrl | None = Field(
        default=None,
        description="The page's JSON-LD `isBasedOn` URL: a credit to that page's outlet (`cites`).",
    )


class MatchMode(StrEnum):
    auto = "auto"
    exact = "exact"


class IngestClaim(Schema):
    model_config = ConfigDict(extra="forbid")

    text: ClaimText
    claimant: Claimant | None = None
    claim_date: CalendarDate | None = None
    stance: Stance = Stance.reports
    quote: Annotated[str, Field(min_length=1, max_length=5000)] | None = None
    sourcing: Sourcing = Sourcing.unknown
    claim_id: BodyId | None = Field(
        default=None,
        description="Attach to this claim (a merged claim's id leads to the claim it was merged "
        "into) instead of matching the text.",
    )
    match: MatchMode = Field(
        default=MatchMode.auto,
        description="`auto`: link to the best match at or above the link threshold; `exact`: "
        "only to a claim with the same text and claimant (what `corroborate export` writes).",
    )


class IngestOrigin(Schema):
    """The earlier article this one copies or cites, as stated by the sender: it always wins."""

    model_config = ConfigDict(extra="forbid")

    url: ArticleUrl = Field(description="URL of an article already ingested.")
    relation: LinkRelation
    reason: Annotated[str, Field(max_length=1000)] | None = None
    provenance: LinkProvenance = Field(
        default=LinkProvenance.stated,
        description="`stated` (default). `corroborate export` writes `detected` for links we "
        "detected, so that a re-import keeps them as they were.",
    )


class IngestCreditedOrigin(Schema):
    """The outlet this article credits as its origin, as stated (what `corroborate export`
    writes for a credited origin, so that a re-import keeps it)."""

    model_config = ConfigDict(extra="forbid")

    outlet: OutletCreate = Field(description="Found by slug (or domain), created if new.")
    relation: LinkRelation
    reason: Annotated[str, Field(min_length=1, max_length=1000)]
    evidence: Annotated[str, Field(min_length=1, max_length=300)]
    confidence: Share = 1.0
    provenance: LinkProvenance = LinkProvenance.stated


class ClaimKey(Schema):
    """A claim named by its text and claimant (what `corroborate export` writes)."""

    model_config = ConfigDict(extra="forbid")

    text: ClaimText
    claimant: ShortText | None = None


class ProposedClaimKey(Schema):
    """A claim proposal's statement, claimant and words (what `corroborate export` writes)."""

    model_config = ConfigDict(extra="forbid")

    text: ClaimText
    claimant: Claimant | None = None
    quote: Annotated[str, Field(min_length=1, max_length=5000)] | None = None


class IngestReviewDecision(Schema):
    """A decision taken in the review queue, as `corroborate export` writes it on the line of
    the article it is about (for a claim merge: the last article carrying either claim), so
    that an import remembers it: a rejection is never proposed again. Nothing is applied: what
    an acceptance did is in the payload already (origin, credited origin, merged claims)."""

    model_config = ConfigDict(extra="forbid")

    kind: ReviewKind
    status: Annotated[
        Literal[ReviewStatus.accepted, ReviewStatus.rejected],
        named_schema(
            "ReviewDecisionStatus",
            {"type": "string", "enum": ["accepted", "rejected"], "description": "A decision."},
        ),
    ]
    decided_by: ShortText | None = None
    decided_at: PublishedAt
    score: Share
    reason: Annotated[str, Field(min_length=1, max_length=1000)]
    evidence: Annotated[str, Field(max_length=300)] | None = None
    relation: LinkRelation | None = None
    origin_url: ArticleUrl | None = Field(default=None, description="copy: the proposed origin.")
    outlet: OutletCreate | None = Field(default=None, description="credited_origin: the outlet.")
    claim: ClaimKey | None = Field(
        default=None, description="claim_merge: the claim to merge (absent once merged)."
    )
    target_claim: ClaimKey | None = Field(
        default=None,
        description="claim_merge: the target; claim_proposal: the claim it was attached to.",
    )
    proposed_claim: ProposedClaimKey | None = Field(
        default=None, description="claim_proposal: what the article was proposed to claim."
    )


class IngestPayload(Schema):
    """One article with its outlet and the claims it reports."""

    model_config = ConfigDict(extra="forbid")

    outlet: OutletCreate = Field(description="Found by slug (or domain), created if new.")
    article: IngestArticle
    claims: list[IngestClaim] = Field(default_factory=list, max_length=MAX_CLAIMS)
    origin: IngestOrigin | None = None
    credited_origin: IngestCreditedOrigin | None = Field(
        default=None,
        description="The outlet credited as this article's origin when none of its articles "
        "is linked (see docs/corroboration.md, credited origins).",
    )
    review_decisions: list[IngestReviewDecision] = Field(
        default_factory=list,
        max_length=MAX_CLAIMS,
        description="Decisions of the review queue about this article (written by "
        "`corroborate export`).",
    )
    detect_copies: StrictBool = Field(
        default=True,
        description="Run copy detection when no `origin` is given (`corroborate export` writes "
        "false: its links are stated as they were).",
    )

    # NDJSON lines are parsed here, not by FastAPI: refused as every JSON body is.
    _plain_text = model_validator(mode="before")(reject_control_characters)

    @property
    def may_relink(self) -> bool:
        """Whether the line may change its article's links or credit (the graph's locks)."""
        return bool(self.origin or self.credited_origin or self.review_decisions)


class ClaimAction(StrEnum):
    linked = "linked"
    created = "created"
    already_attributed = "already_attributed"


class MatchRef(Schema):
    claim_id: int
    score: float = Field(ge=0, le=1)
    signals: MatchSignals | None = Field(
        default=None, description="Why the matcher scored it so (absent for exact matches)."
    )


class ClaimOutcome(Schema):
    """What ingest did with one claim of the payload."""

    claim_id: int
    action: ClaimAction = Field(
        description="`linked` to an existing claim, `created` a new one, or the article was "
        "`already_attributed` to it (nothing written)."
    )
    attribution_id: int
    match: MatchRef | None = Field(
        default=None, description="The claim it was linked to by matching, and the score."
    )
    suggestions: list[MatchRef] = Field(
        default_factory=list,
        description="For a created claim: existing claims scoring between the suggest and link "
        "thresholds, best first; candidates for a merge.",
    )


# Copy candidates an ingest answer lists, the first ones. Every article of a story has each
# earlier same-headline article as a candidate, so answers listing them all grew with the square
# of a story: a 20,000-attribution import answered 43 MB of NDJSON, 90 % of it these lists
# (docs/benchmarks.md, "fifteenth pass"). The count says how many there are.
COPY_CANDIDATES_LISTED = 10


class CopyCandidate(Schema):
    """An article that may be the original of this one (or a copy of it), not linked."""

    article_id: int
    outlet: str
    reason: str


class IngestResult(Schema):
    outlet_id: int
    outlet_created: bool
    article_id: int
    article_created: bool
    changed: bool = Field(description="False when the call wrote nothing (a re-send).")
    claims: list[ClaimOutcome]
    origin: LinkPublic | None = Field(
        description="The article this one copies or cites, stated or detected."
    )
    copies: list[LinkPublic] = Field(
        default_factory=list,
        description="Articles ingested earlier that this call detected as copies of this one.",
    )
    copy_candidates: list[CopyCandidate] = Field(
        default_factory=list,
        description="Articles that may be this one's original, not linked: retellings first, "
        "then earlier articles of other outlets with the same headline, earliest first. At most "
        f"the first {COPY_CANDIDATES_LISTED}; `copy_candidates_total` counts them all. One "
        "review item proposes the first.",
    )
    copy_candidates_total: int = Field(
        default=0, description="How many copy candidates there are, listed or not."
    )
    credited_origin: CreditedOriginPublic | None = Field(
        default=None,
        description="The outlet this article credits as its origin, when no article of that "
        "outlet is linked; it counts as that outlet's report.",
    )


class BatchLine(Schema):
    """One NDJSON line's outcome: `result` on success (status 200/201), `error` otherwise."""

    line: int = Field(description="1-based line number in the request body.")
    status: int = Field(description="The HTTP status the line would have had on POST /v1/ingest.")
    result: IngestResult | None = None
    error: ErrorBody | None = None


class BatchSummary(Schema):
    lines: int = Field(description="Non-blank lines read.")
    succeeded: int
    failed: int
    articles_created: int
    claims_created: int
    claims_linked: int
    claims_already_attributed: int

    def __add__(self, other: "BatchSummary") -> "BatchSummary":
        """The totals of both runs of lines (the `--url` import adds up what it sent)."""
        return BatchSummary(
            **{
                name: getattr(self, name) + getattr(other, name)
                for name in BatchSummary.model_fields
            }
        )


class BatchResult(Schema):
    summary: BatchSummary
    lines: list[BatchLine]


def summarise(lines: list[BatchLine]) -> BatchSummary:
    """Totals over a batch's lines: the batch route's summary, an import job's counters and the
    `--url` import's totals all count so."""
    results = [line.result for line in lines if line.result is not None]
    actions: dict[str, int] = {action.value: 0 for action in ClaimAction}
    for result in results:
        for outcome in result.claims:
            actions[outcome.action.value] += 1
    return BatchSummary(
        lines=len(lines),
        succeeded=len(results),
        failed=len(lines) - len(results),
        articles_created=sum(result.article_created for result in results),
        claims_created=actions["created"],
        claims_linked=actions["linked"],
        claims_already_attributed=actions["already_attributed"],
    )


def error_body(code: str, message: str, details: list[dict[str, Any]] | None = None) -> ErrorBody:
    return ErrorBody(code=code, message=message, details=details or [])
