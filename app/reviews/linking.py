"""Which existing claim an imported review is about.

Until claim matching (app/matching/) lands, the match is exact: the same normalised text and
claimant (`claims.service.fingerprint`). This is the one function to switch to the matcher.
"""

from sqlalchemy import select
from sqlmodel import Session

from app.claims.models import Claim
from app.claims.service import fingerprint


def find_claim(session: Session, *, text: str, claimant: str | None) -> Claim | None:
    """The existing claim with this text and claimant, if any."""
    return session.scalar(select(Claim).where(Claim.fingerprint == fingerprint(text, claimant)))
