"""Claim verbs: create, change, delete, resolve a (merged) id, and read one claim.

The list is app/claims/listing.py, attributions app/claims/attributions.py, the rows and JSON
of both app/claims/projection.py, merging app/claims/merging.py.
"""

import hashlib
import re
import unicodedata
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlmodel import Session

from app.claims.attributions import attributions_json
from app.claims.models import ClaimCreate
from app.claims.models import ClaimPublic
from app.claims.models import ClaimUpdate
from app.claims.models import ClaimWithAttributions
from app.claims.projection import claim_columns
from app.core.columns import apply_changes
from app.core.db import get_or_not_found
from app.core.errors import Conflict
from app.core.errors import NotFound
from app.core.locks import lock_rows
from app.core.pagination import PageParams
from app.core.prepared import PreparedSelect
from app.core.responses import json_bytes
from app.core.unit_of_work import flush_unique
from app.corroboration import counters
from app.corroboration import live
from app.corroboration import method as corroboration_method
from app.corroboration.models import CorroborationMethod
from app.tables import Attribution
from app.tables import Claim
from app.tables import Review

DETAIL_ATTRIBUTIONS = 100
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Case-, accent-width- and punctuation-insensitive form used to recognise the same claim."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def fingerprint(text: str, claimant: str | None) -> str:
    """Identity of a claim: its normalised text and claimant."""
    key = f"{normalise(text)}\x1f{normalise(claimant or '')}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def get(session: Session, *, claim_id: int) -> Claim:
    """The claim with this id, or NotFound."""
    return get_or_not_found(session, Claim, claim_id, what="claim")


# Built once: ingest checks this for every claim, and building a statement costs more than
# running it.
_ID_BY_FINGERPRINT = select(Claim.id).where(Claim.fingerprint == bindparam("fingerprint"))


def _duplicate(session: Session, key: str, exclude_id: int | None) -> Conflict | None:
    if exclude_id is None:
        existing = session.scalar(_ID_BY_FINGERPRINT, {"fingerprint": key})
    else:
        existing = session.scalar(
            select(Claim.id).where(Claim.fingerprint == key, Claim.id != exclude_id)
        )
    if existing is None:
        return None
    return Conflict(
        f"the same claim already exists (id {existing})",
        details=[{"field": "text", "existing_id": existing}],
    )


def create(session: Session, *, data: ClaimCreate) -> Claim:
    """Create a claim; Conflict naming the existing one when the same text and claimant exist."""
    key = fingerprint(data.text, data.claimant)
    error = _duplicate(session, key, None)
    if error is not None:
        raise error
    claim = Claim.model_validate(data, update={"fingerprint": key})
    session.add(claim)
    flush_unique(session, lambda: _duplicate(session, key, None))
    return claim


def update(session: Session, *, claim: Claim, data: ClaimUpdate) -> Claim:
    """Change the claim's text, claimant or date."""
    changes = data.model_dump(exclude_unset=True)
    key = fingerprint(changes.get("text", claim.text), changes.get("claimant", claim.claimant))
    error = _duplicate(session, key, claim.id)
    if error is not None:
        raise error
    session.add(apply_changes(claim, {**changes, "fingerprint": key}))
    flush_unique(session, lambda: _duplicate(session, key, claim.id))
    return claim


def delete(session: Session, *, claim: Claim, cascade: bool) -> None:
    """Delete a claim; with `cascade` also its attributions and reviews."""
    # Locked first, so a concurrent merge into or out of it, or an attribution being added,
    # either finishes before (and is deleted with it) or waits and then finds it gone.
    if not lock_rows(session, Claim.id, [claim.id or 0], mode="update"):
        raise NotFound(f"claim {claim.id} not found")
    session.refresh(claim)
    if claim.merged_into is not None:
        raise Conflict(
            f"claim {claim.id} was merged into claim {claim.merged_into}; change that one",
            code="claim_merged",
            details=[{"merged_into": claim.merged_into}],
        )
    count = session.scalar(select(func.count()).where(Attribution.claim_id == claim.id)) or 0
    reviews = session.scalar(select(func.count()).where(Review.claim_id == claim.id)) or 0
    if (count or reviews) and not cascade:
        detail: dict[str, int] = {"attributions": count}
        if reviews:
            detail["reviews"] = reviews
        raise Conflict(
            f"claim {claim.id} still has {count} attribution(s) and {reviews} review(s); "
            "pass cascade=true to delete them too",
            details=[detail],
        )
    session.execute(
        Attribution.__table__.delete().where(Attribution.claim_id == claim.id)  # type: ignore[attr-defined]
    )
    session.execute(
        Review.__table__.delete().where(Review.claim_id == claim.id)  # type: ignore[attr-defined]
    )
    # Claims merged into this one only redirect here, so they go with it.
    session.execute(sa.delete(Claim).where(Claim.merged_into == claim.id))  # type: ignore[arg-type]
    session.delete(claim)
    session.flush()


# ---- one claim -------------------------------------------------------------------------------

MAX_MERGE_HOPS = 100
# A claim's ClaimPublic text and where it was merged (NULL for a live claim).
_CLAIM_BY_ID = PreparedSelect(
    lambda: claim_columns().add_columns(Claim.merged_into).where(Claim.id == bindparam("claim_id"))  # type: ignore[arg-type]
)
_MERGED_INTO = PreparedSelect(
    lambda: select(Claim.merged_into).where(Claim.id == bindparam("claim_id"))  # type: ignore[arg-type]
)


def resolve_id(db: Connection, *, claim_id: int) -> int:
    """The id of the claim an id answers with (itself, or where it was merged), or NotFound."""
    current = claim_id
    for _ in range(MAX_MERGE_HOPS):
        rows = _MERGED_INTO.rows(db, {"claim_id": current})
        if not rows:
            raise NotFound(f"claim {claim_id} not found")
        if rows[0][0] is None:
            return current
        current = rows[0][0]
    raise Conflict(f"claim {claim_id} is in a merge chain longer than {MAX_MERGE_HOPS}")


def resolve(session: Session, *, claim_id: int) -> Claim:
    """The claim an id answers with: itself, or the claim it was (transitively) merged into."""
    session.flush()  # `resolve_id` reads through the connection, past the session
    return get(session, claim_id=resolve_id(session.connection(), claim_id=claim_id))


def public_document(db: Connection, *, claim_id: int) -> str:
    """One claim with its corroboration as the JSON text of a ClaimPublic."""
    rows = _CLAIM_BY_ID.rows(db, {"claim_id": claim_id})
    if not rows:
        raise NotFound(f"claim {claim_id} not found")
    return rows[0][0]


def public(session: Session, *, claim_id: int) -> ClaimPublic:
    """One claim with its corroboration (for write responses, after the session's writes)."""
    counters.settle(session)
    return ClaimPublic.model_validate_json(public_document(session.connection(), claim_id=claim_id))


def answer_document(db: Connection, *, claim_id: int) -> bytes:
    """`detail_document` of the claim an id answers with (itself, or where it was merged):
    the hot read of GET /v1/claims/{id}. A live claim's row and its redirect column come in
    one statement; only a merged id walks the chain (`resolve_id`)."""
    rows = _CLAIM_BY_ID.rows(db, {"claim_id": claim_id})
    if not rows:
        raise NotFound(f"claim {claim_id} not found")
    document, redirect = rows[0]
    if redirect is None:
        return detail_document(db, claim_id=claim_id, claim=document)
    target = resolve_id(db, claim_id=claim_id)
    return detail_document(db, claim_id=target, merged_into=target)


def detail_document(
    db: Connection, *, claim_id: int, merged_into: int | None = None, claim: str | None = None
) -> bytes:
    """One claim, its corroboration and its first attributions: a ClaimWithAttributions' JSON
    (`merged_into` is the claim asked for when it was merged into this one; `claim`, its
    ClaimPublic text when the caller has read it already)."""
    if claim is None:
        claim = public_document(db, claim_id=claim_id)
    attributions = attributions_json(
        db, claim_id=claim_id, page=PageParams(limit=DETAIL_ATTRIBUTIONS, cursor=None)
    )
    rest = json_bytes(
        {
            "merged_into": merged_into,
            "attributions": attributions["items"],
            "attributions_next_cursor": attributions["next_cursor"],
        }
    )
    # The claim's object, continued by the keys ClaimWithAttributions adds after its fields.
    return claim.encode()[:-1] + b"," + rest[1:]


def detail(session: Session, *, claim_id: int) -> ClaimWithAttributions:
    """One claim with its corroboration and the first page of its attributions."""
    counters.settle(session)
    return ClaimWithAttributions.model_validate_json(
        detail_document(session.connection(), claim_id=claim_id)
    )


def with_method(session: Session, *, item: Any, method: CorroborationMethod | None) -> Any:
    """The claim payload with its corroboration recounted under a non-default method."""
    if method is None or corroboration_method.is_default(method):
        return item
    counts = live.corroboration(session, claim_ids=[item.id], chosen=method)[item.id]
    return item.model_copy(update={"corroboration": counts})
