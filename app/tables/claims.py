"""Claim: a canonical statement; Attribution: an article reporting, supporting or disputing it."""

from datetime import date
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint
from sqlalchemy import Column
from sqlalchemy import Index
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import func
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import one_of
from app.tables.columns import reference


class ClaimBase(SQLModel):
    text: str = Field(max_length=2000, description="The canonical statement.")
    claimant: str | None = Field(
        default=None, max_length=500, description='Who made the claim, e.g. "Vladimir Putin".'
    )
    claim_date: date | None = Field(default=None, description="When the claim was made.")


class Claim(ClaimBase, table=True):
    # Stated by the database itself (on SQLite by a trigger: migration 0600).
    __table_args__ = (
        CheckConstraint("merged_into IS NULL OR merged_into <> id", name="not_merged_into_self"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # sha256 of the normalised text and claimant: the same claim posted twice is one claim.
    fingerprint: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

    # Corroboration counters, maintained in the transaction of every write that changes them
    # (app/corroboration/counters.py) so lists read indexed columns instead of aggregating.
    outlets_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    origins_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    articles_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    disputing_outlets_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    # Independent origins known only by a credit (the credited outlet's own article on the
    # claim is not stored), included in origins_count.
    credited_origins_count: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    first_reported_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    first_reported_article_id: int | None = Field(
        default=None,
        sa_column=reference("article", ondelete="SET NULL", nullable=True),
    )
    first_reported_outlet_id: int | None = Field(
        default=None,
        sa_column=reference("outlet", ondelete="SET NULL", nullable=True),
    )
    last_reported_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Set when this claim was merged into another: its id then redirects there (a chain of merges
    # is flattened on every merge), and it is left out of lists and of claim matching. Deleting
    # the surviving claim deletes the claims merged into it (claims service).
    merged_into: int | None = Field(
        default=None, sa_column=reference("claim", ondelete=None, nullable=True, index=True)
    )


# The claim as the hot reads serve it: its ClaimPublic JSON text, written by the database's
# triggers whenever a column it shows changes, the first-reporting outlet's slug or name
# included (migration 3000; app/claims/projection.py is the rendering, and
# app/integrity/claim_rendering.py checks and rebuilds it). Lists read this one column instead
# of rendering some twenty columns per row on every request. A table column the ORM does not
# map: it neither loads nor writes it, whatever writes a claim gets it kept by the triggers.
CLAIM_RENDERED_JSON = Column("rendered_json", Text, nullable=True)
Claim.__table__.append_column(CLAIM_RENDERED_JSON)  # type: ignore[attr-defined]

# One index per sort order of GET /v1/claims, each ending in the ascending id tie-break.
Index("ix_claim_by_outlets", Claim.outlets_count.desc(), Claim.id)  # type: ignore[attr-defined]
Index("ix_claim_by_origins", Claim.origins_count.desc(), Claim.id)  # type: ignore[attr-defined]
Index("ix_claim_by_first_reported", Claim.first_reported_at, Claim.id)
Index(
    "ix_claim_by_first_reported_desc",
    Claim.first_reported_at.desc(),  # type: ignore[union-attr]
    Claim.id,
)
Index(
    "ix_claim_by_last_reported_desc",
    Claim.last_reported_at.desc(),  # type: ignore[union-attr]
    Claim.id,
)
# Outlet profiles: how often an outlet reported a claim first.
Index("ix_claim_first_reported_outlet_id", Claim.first_reported_outlet_id)
# Case-insensitive `claimant` filter.
Index("ix_claim_claimant_lower", func.lower(Claim.claimant))


class Stance(StrEnum):
    reports = "reports"
    supports = "supports"
    disputes = "disputes"


REPORTING_STANCES = (Stance.reports.value, Stance.supports.value)


class Sourcing(StrEnum):
    named = "named"
    anonymous = "anonymous"
    official = "official"
    document = "document"
    unknown = "unknown"


class AttributionBase(SQLModel):
    stance: Stance = Field(default=Stance.reports, sa_type=String(20))
    quote: str | None = Field(default=None, max_length=5000, description="Verbatim excerpt.")
    sourcing: Sourcing = Field(default=Sourcing.unknown, sa_type=String(20))


class Attribution(AttributionBase, table=True):
    __table_args__ = (
        UniqueConstraint("claim_id", "article_id"),
        one_of("stance", Stance),
        one_of("sourcing", Sourcing),
    )

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(sa_column=reference("claim"))
    article_id: int = Field(sa_column=reference("article", index=True))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class OutletClaim(SQLModel, table=True):
    """A claim as one outlet reported it: one row per outlet with a reporting article on the
    claim, the outlet's first and last such article, and the claim's sort keys copied, so that
    "claims of outlet X by outlets" reads one index in sort order however much X published.

    Derived data: every recount rewrites a claim's rows in the same transaction
    (app/corroboration/counters.py), and `corroborate recount --check` compares them with a
    from-scratch derivation.
    """

    __tablename__ = "outlet_claim"

    outlet_id: int = Field(sa_column=reference("outlet", primary_key=True))
    claim_id: int = Field(sa_column=reference("claim", primary_key=True))
    # The outlet's earliest and latest reporting article on the claim (date-range filters).
    first_at: datetime = Field(sa_type=UTCDateTime)
    last_at: datetime = Field(sa_type=UTCDateTime)
    # Copies of the claim's counters and dates: the sort keys of the list.
    outlets_count: int
    origins_count: int
    first_reported_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_reported_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


# One index per sort order of an outlet's claims, led by the outlet, ending in the tie-break.
for _name, _sort_key in (
    ("ix_outlet_claim_by_outlets", OutletClaim.outlets_count.desc()),  # type: ignore[attr-defined]
    ("ix_outlet_claim_by_origins", OutletClaim.origins_count.desc()),  # type: ignore[attr-defined]
    ("ix_outlet_claim_by_first_reported", OutletClaim.first_reported_at),
    ("ix_outlet_claim_by_first_reported_desc", OutletClaim.first_reported_at.desc()),  # type: ignore[union-attr]
    ("ix_outlet_claim_by_last_reported_desc", OutletClaim.last_reported_at.desc()),  # type: ignore[union-attr]
):
    Index(_name, OutletClaim.outlet_id, _sort_key, OutletClaim.claim_id)
# A recount rewrites one claim's rows.
Index("ix_outlet_claim_claim_id", OutletClaim.claim_id)
