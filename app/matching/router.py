"""/v1/claims/match (mounted before /v1/claims/{claim_id})."""

from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query

from app.access.auth import metered
from app.core.db import SessionDep
from app.core.errors import responses
from app.core.types import Claimant
from app.core.types import ClaimText
from app.matching import service
from app.matching.dependencies import MatcherDep
from app.matching.models import ClaimMatches

router = APIRouter(prefix="/claims", tags=["claims"], responses=responses(422))


# Each call embeds the text and scores up to twice CLAIMS_MATCH_CANDIDATES claims: metered work.
@router.get(
    "/match",
    name="match",
    dependencies=[Depends(metered)],
)
def match_claims(
    session: SessionDep,
    matcher: MatcherDep,
    text: Annotated[ClaimText, Query(description="The claim to look for.")],
    claimant: Annotated[Claimant | None, Query(description="Who makes the claim.")] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="Most candidates returned.")] = 10,
) -> ClaimMatches:
    """Existing claims that may say the same thing as `text`, best first, scored in [0, 1]."""
    return service.match(session, text=text, claimant=claimant, limit=limit, matcher=matcher)
