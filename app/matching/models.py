"""What GET /v1/claims/match answers."""

from enum import StrEnum

from pydantic import Field
from sqlmodel import SQLModel

from app.claims.models import ClaimPublic


class Decision(StrEnum):
    link = "link"
    suggest = "suggest"
    none = "none"


class ClaimMatch(SQLModel):
    score: float = Field(ge=0, le=1, description="Similarity in [0, 1]; 1 is the same claim.")
    decision: Decision = Field(
        description="What ingest would do with this candidate as the best match: `link` "
        "(score >= CLAIMS_MATCH_LINK), `suggest` (>= CLAIMS_MATCH_SUGGEST) or `none`."
    )
    claim: ClaimPublic


class ClaimMatches(SQLModel):
    items: list[ClaimMatch] = Field(description="Best first.")
    link_threshold: float
    suggest_threshold: float
