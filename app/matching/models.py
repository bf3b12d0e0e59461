"""What GET /v1/claims/match answers (the embeddings table is app/tables/matching.py)."""

from enum import StrEnum

from pydantic import Field

from app.claims.models import ClaimPublic
from app.core.types import Schema


class Decision(StrEnum):
    link = "link"
    suggest = "suggest"
    none = "none"


class VetoSignal(Schema):
    name: str = Field(
        description="`numbers` (they differ), `number_missing`, `polarity` (one negates or "
        "denies), `direction` (rise vs fall, imposed vs lifted...), `names` (different people or "
        "places), `substitution` (a word the other lacks), `claimant` (different claimants)."
    )
    factor: float = Field(description="How much this disagreement lowers the lexical score.")
    words: list[str] = Field(description="The (stemmed) words involved.")


class MatchSignals(Schema):
    """Why a candidate scored what it did."""

    semantic: float | None = Field(
        description="Cosine similarity of the two sentence embeddings (null: lexical matcher)."
    )
    lexical: float | None = Field(
        description="Share of weighted words each claim finds in the other (null when the two "
        "are in different languages, where it says nothing)."
    )
    cross_lingual: bool = Field(description="The two texts are in different languages.")
    vetoes: list[VetoSignal] = Field(description="Disagreements that lowered the score.")


class ClaimMatch(Schema):
    score: float = Field(ge=0, le=1, description="Similarity in [0, 1]; 1 is the same claim.")
    signals: MatchSignals | None = Field(default=None, description="The signals behind the score.")
    decision: Decision = Field(
        description="What ingest would do with this candidate as the best match: `link` "
        "(score >= CLAIMS_MATCH_LINK), `suggest` (>= CLAIMS_MATCH_SUGGEST) or `none`."
    )
    claim: ClaimPublic


class ClaimMatches(Schema):
    items: list[ClaimMatch] = Field(description="Best first.")
    link_threshold: float
    suggest_threshold: float
