"""Each claim's stored JSON (`claim.rendered_json`) as derived data: find and rebuild rows that
drifted from the code's rendering.

Triggers keep the stored JSON in step with the claim and its first-reporting outlet (migration
3000); these statements compare it with `CLAIM_RENDERING` run on the spot, byte for byte, and
write it again where it differs. A row without it (NULL) is served by the rendering on the spot
(app/claims/projection.py), so it is reported too: the triggers should have written it.
"""

from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from app.claims.projection import CLAIM_RENDERING
from app.tables import CLAIM_RENDERED_JSON
from app.tables import Claim

# Every claim's JSON written again, as the triggers write it (`rebuild` narrows it to some
# claims; bench/pg_load.py runs it whole after a load with the triggers off).
RENDER = sa.update(Claim).values({CLAIM_RENDERED_JSON: CLAIM_RENDERING})


def _stale() -> Any:
    return CLAIM_RENDERED_JSON.is_distinct_from(CLAIM_RENDERING)


def stale_claim_ids(session: Session, *, claim_ids: list[int] | None = None) -> list[int]:
    """Claims (all, or these) whose stored JSON is missing or differs from the rendering."""
    query = sa.select(Claim.id).where(_stale()).order_by(Claim.id)
    if claim_ids is not None:
        query = query.where(Claim.id.in_(claim_ids))  # type: ignore[union-attr]
    return list(session.scalars(query))


def rebuild(session: Session, *, claim_ids: list[int]) -> None:
    """Render these claims' JSON again, as the triggers would."""
    if claim_ids:
        session.execute(RENDER.where(Claim.id.in_(claim_ids)))  # type: ignore[union-attr]
