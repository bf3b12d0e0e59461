"""/v1/claims/{id}/corroboration and /timeline: counts explained, and how coverage grew."""

from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Query

from app.access.auth import metered
from app.claims.dependencies import ClaimDep
from app.core.db import SessionDep
from app.core.errors import responses
from app.corroboration import service
from app.corroboration.dependencies import MethodDep
from app.corroboration.models import Bucket
from app.corroboration.models import CorroborationExplained
from app.corroboration.models import Timeline

# Both reads are of one claim (404) and count under the chosen method on the fly, so both are
# metered (429).
router = APIRouter(
    prefix="/claims",
    tags=["claims"],
    responses=responses(404, 422, 429),
    dependencies=[Depends(metered)],
)


@router.get("/{claim_id}/corroboration", name="corroboration")
def explain_corroboration(
    session: SessionDep, claim: ClaimDep, method: MethodDep
) -> CorroborationExplained:
    """The counts under the chosen method and each independent origin with its reports.

    Every reporting article appears under exactly one origin with the relation and reason
    that put it there; `corroboration.method` echoes the rules used.
    """
    assert claim.id is not None
    return service.explain(session, claim_id=claim.id, chosen=method)


@router.get("/{claim_id}/timeline", name="timeline")
def claim_timeline(
    session: SessionDep,
    claim: ClaimDep,
    method: MethodDep,
    bucket: Annotated[Bucket, Query(description="Bucket size, in UTC.")] = Bucket.day,
) -> Timeline:
    """Cumulative outlets and independent origins at the end of each bucket with new reports.

    Points are in time order; buckets without a new report are left out (the cumulative
    values carry forward, so chart them as a step line). The bucket holding the first report
    has `first_report: true`. The last point's cumulative values equal the corroboration
    counts under the same method.
    """
    assert claim.id is not None
    return service.timeline(session, claim_id=claim.id, bucket=bucket, chosen=method)
