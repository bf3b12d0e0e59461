"""Article: one outlet's report at one URL. ArticleLink: a copy or citation of an earlier one.

Also the references to an article that other domains embed in their answers.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import BigInteger
from sqlalchemy import CheckConstraint
from sqlalchemy import Column
from sqlalchemy import Float
from sqlalchemy import Index
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import one_of
from app.tables.columns import reference
from app.tables.outlets import OutletRef


class ArticleBase(SQLModel):
    url: str = Field(max_length=2000, unique=True, description="Canonical URL (see README).")
    title: str = Field(max_length=1000, description="Headline.")
    published_at: datetime = Field(
        sa_type=UTCDateTime, index=True, description="Publication instant, returned in UTC."
    )
    author: str | None = Field(default=None, max_length=200, description="Byline.")
    language: str | None = Field(default=None, max_length=35, description="BCP 47 tag.")


class Article(ArticleBase, table=True):
    __table_args__ = (Index("ix_article_outlet_id_published_at", "outlet_id", "published_at"),)

    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int = Field(foreign_key="outlet.id")
    # The article this one collapses into when counting independent origins: itself, or the
    # end of its chain of copies/citations. Maintained by the articles service on every write.
    root_article_id: int | None = Field(
        default=None, sa_column=reference("article", ondelete=None, nullable=True, index=True)
    )
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # What copy detection keeps of an ingested body instead of the body itself: its 64-bit
    # SimHash (signed to fit BIGINT), and the credit it gives another outlet, e.g. "(Reuters)",
    # with that outlet's name in lower case so a later-arriving original can find its copies.
    body_simhash: int | None = Field(default=None, sa_type=BigInteger)
    credit: str | None = Field(default=None, max_length=300)
    credit_name: str | None = Field(default=None, max_length=200, index=True)
    # The headline as compared for "the same headline" (app/articles/headlines.py): no case,
    # punctuation, wire slugs or agency suffix.
    headline_key: str | None = Field(default=None, max_length=1000, index=True)
    # A MinHash of the body's 3-word shingles (128 x uint32, app/ingest/fingerprints.py) and how
    # many distinct shingles it had: together they estimate what share of one body is inside
    # another (a trimmed copy, a wire story inside a longer local one).
    body_minhash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    body_shingles: int | None = Field(default=None)
    # Per sentence, the sorted hashes of its 3-word shingles (app/ingest/sentences.py): which
    # sentences of one body reappear in another (a few wire paragraphs inside a local story).
    body_sentences: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    # Per sentence (the first 30), an int8 vector of its meaning (app/ingest/retold.py): which
    # sentences of one body are retold in another in other words.
    body_sentence_vectors: bytes | None = Field(
        default=None, sa_column=Column(LargeBinary, nullable=True)
    )


class LinkRelation(StrEnum):
    syndicates = "syndicates"
    cites = "cites"


class LinkProvenance(StrEnum):
    stated = "stated"
    detected = "detected"


class ArticleLink(SQLModel, table=True):
    """`article_id` copies (syndicates) or rewrites crediting (cites) `origin_article_id`.

    An article has at most one origin, so its chain of origins ends at exactly one root.
    """

    __tablename__ = "article_link"
    __table_args__ = (
        one_of("relation", LinkRelation),
        one_of("provenance", LinkProvenance),
        CheckConstraint("article_id <> origin_article_id", name="not_self"),
    )

    article_id: int = Field(sa_column=reference("article", primary_key=True))
    origin_article_id: int = Field(sa_column=reference("article", index=True))
    relation: LinkRelation = Field(sa_type=String(20))
    reason: str | None = Field(default=None, max_length=1000)
    provenance: LinkProvenance = Field(default=LinkProvenance.stated, sa_type=String(20))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class CreditedOrigin(SQLModel, table=True):
    """The outlet an article credits as its origin while no article of that outlet is linked.

    Counting follows it like a link to an article of `outlet_id`: an article with no origin
    link (a root) that has a credited origin counts under that outlet, as long as its `relation`
    is collapsed by the method. An article that gains an origin link is no longer a root, so
    the link wins; the row stays as evidence.
    """

    __tablename__ = "credited_origin"
    __table_args__ = (
        one_of("relation", LinkRelation),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
    )

    article_id: int = Field(sa_column=reference("article", primary_key=True))
    outlet_id: int = Field(sa_column=reference("outlet", index=True))
    relation: LinkRelation = Field(sa_type=String(20))
    reason: str = Field(max_length=1000)
    evidence: str = Field(max_length=300, description="The words or URL giving the credit.")
    confidence: float = Field(sa_column=Column(Float, nullable=False))
    provenance: LinkProvenance = Field(default=LinkProvenance.detected, sa_type=String(20))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ArticleRef(SQLModel):
    id: int
    url: str
    title: str
    published_at: datetime


class OriginArticleRef(ArticleRef):
    outlet: OutletRef
