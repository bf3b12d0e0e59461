"""A claim's counts explained origin by origin, and its timeline (both counted on the fly).

The stored counters are app/corroboration/counters.py.
"""

from sqlmodel import Session

from app.corroboration import live
from app.corroboration.models import Bucket
from app.corroboration.models import CorroborationExplained
from app.corroboration.models import CorroborationMethod
from app.corroboration.models import Timeline


def explain(
    session: Session, *, claim_id: int, chosen: CorroborationMethod
) -> CorroborationExplained:
    """A claim's counts under the method, with each origin and the reports collapsed into it."""
    claim = live.reports(session, claim_ids=[claim_id], chosen=chosen)[claim_id]
    return CorroborationExplained(
        claim_id=claim_id,
        corroboration=live.tally(claim, chosen),
        origins=live.explain(claim, chosen),
    )


def timeline(
    session: Session, *, claim_id: int, bucket: Bucket, chosen: CorroborationMethod
) -> Timeline:
    """How a claim's coverage grew: cumulative counts per hour, day or week."""
    return live.timeline(session, claim_id=claim_id, bucket=bucket, chosen=chosen)
