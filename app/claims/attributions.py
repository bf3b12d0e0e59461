"""Attributions: an article reporting, supporting or disputing a claim; added, changed, removed
and listed (earliest publication first). Their claims' counters follow by themselves, before
the transaction commits (app/corroboration/counters.py)."""

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection
from sqlalchemy import Select
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlmodel import Session

from app.claims.models import AttributionCreate
from app.claims.models import AttributionPublic
from app.claims.models import AttributionUpdate
from app.claims.projection import ClaimJSON
from app.claims.projection import attribution_columns
from app.claims.projection import attribution_item
from app.claims.projection import instant
from app.core.columns import apply_changes
from app.core.errors import Conflict
from app.core.errors import NotFound
from app.core.errors import UnknownReference
from app.core.locks import lock_rows
from app.core.pagination import Keyset
from app.core.pagination import PageParams
from app.core.prepared import PreparedSelect
from app.core.unit_of_work import flush_unique
from app.corroboration import counters
from app.tables import Article
from app.tables import Attribution
from app.tables import Claim

# Built once: ingest checks this for every claim, and building a statement costs more than
# running it.
_ATTRIBUTION_ID = select(Attribution.id).where(
    Attribution.claim_id == bindparam("claim_id"),
    Attribution.article_id == bindparam("article_id"),
)
_BY_PUBLICATION = Keyset(
    "attributions",
    ((Article.published_at, "asc"), (Attribution.id, "asc")),
    (datetime, int),
)


def get_attribution(session: Session, *, claim_id: int, attribution_id: int) -> Attribution:
    """The attribution with this id on this claim, or NotFound."""
    attribution = session.get(Attribution, attribution_id)
    if attribution is None or attribution.claim_id != claim_id:
        raise NotFound(f"attribution {attribution_id} not found on claim {claim_id}")
    return attribution


def _attribution_conflict(session: Session, claim_id: int, article_id: int) -> Conflict | None:
    existing = session.scalar(_ATTRIBUTION_ID, {"claim_id": claim_id, "article_id": article_id})
    if existing is None:
        return None
    return Conflict(
        f"article {article_id} is already attributed to claim {claim_id} (attribution {existing})",
        details=[{"field": "article_id", "existing_id": existing}],
    )


def add_attribution(
    session: Session, *, claim: Claim, data: AttributionCreate, article_held: bool = False
) -> Attribution:
    """Attribute the claim to an article; the claim's counts follow in this transaction.

    `article_held`: the caller has locked the article already, or needs not (an article this
    transaction created, which no one else sees): no hold before the insert."""
    assert claim.id is not None
    claim_id = claim.id
    if session.get(Article, data.article_id) is None:
        raise UnknownReference(
            f"article {data.article_id} not found",
            details=[{"field": "article_id", "value": data.article_id}],
        )
    error = _attribution_conflict(session, claim_id, data.article_id)
    if error is not None:
        raise error
    # The article and its root, held as the recount before commit holds them, but before the
    # insert: its foreign-key check takes the article (KEY SHARE) out of the lock order, and
    # an outlet's cascade delete holding the root FOR UPDATE and wanting the article closed a
    # cycle with it (bench/graph_stress.py). PostgreSQL only.
    if not article_held:
        counters.hold(session, [data.article_id])
    attribution = Attribution.model_validate(data, update={"claim_id": claim_id})
    session.add(attribution)
    flush_unique(session, lambda: _attribution_conflict(session, claim_id, data.article_id))
    return attribution


def update_attribution(
    session: Session, *, attribution: Attribution, data: AttributionUpdate
) -> Attribution:
    """Change an attribution's stance, quote or sourcing."""
    session.add(apply_changes(attribution, data.model_dump(exclude_unset=True)))
    session.flush()
    return attribution


def remove_attribution(session: Session, *, attribution: Attribution) -> None:
    """Remove an attribution; the claim's counts follow in this transaction.

    Locked first: when a concurrent write (the same DELETE, an article's cascade delete, a
    merge dropping a duplicate) removed it since it was read, the answer is NotFound, as in
    the serial order, not a DELETE that matches no row."""
    assert attribution.id is not None
    if not lock_rows(session, Attribution.id, [attribution.id], mode="update"):
        raise NotFound(f"attribution {attribution.id} not found on claim {attribution.claim_id}")
    session.delete(attribution)
    session.flush()


def attribution_public(session: Session, *, attribution_id: int) -> AttributionPublic:
    """One attribution as the API shows it, validated (for write responses)."""
    query = attribution_columns().where(Attribution.id == attribution_id)
    rows = list(session.connection().execute(query))
    if not rows:
        raise NotFound(f"attribution {attribution_id} not found")
    return AttributionPublic.model_validate_json(rows[0][0])


@cache
def _attributions_query(after_cursor: bool) -> PreparedSelect:
    """A claim's attributions in publication order, from the start or after a cursor."""

    def build() -> Select[Any]:
        query = (
            attribution_columns()
            .add_columns(Article.published_at, Attribution.id)  # the cursor's values
            .where(Attribution.claim_id == bindparam("claim_id"))
        )
        after_values = [bindparam("after_at"), bindparam("after_id")] if after_cursor else None
        return _BY_PUBLICATION.ordered(query, after_values=after_values).limit(bindparam("limit"))

    return PreparedSelect(build)


def attributions_json(db: Connection, *, claim_id: int, page: PageParams) -> ClaimJSON:
    """A claim's attributions, earliest publication first, JSON-ready (a
    Page[AttributionPublic] whose items are `orjson.Fragment`s: render it with `json_bytes`)."""
    params: dict[str, Any] = {"claim_id": claim_id, "limit": page.limit + 1}
    position = _BY_PUBLICATION.position(page.cursor)
    if position is not None:
        params.update(after_at=position[0], after_id=position[1])
    rows = _attributions_query(position is not None).rows(db, params)
    rows, cursor = _BY_PUBLICATION.page(rows, page.limit, _publication_key)
    return {"items": [attribution_item(row) for row in rows], "next_cursor": cursor}


def _publication_key(row: Any) -> list[Any]:
    return [instant(row[-2]), row[-1]]
