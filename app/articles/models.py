"""What the article routes read and answer (the tables are app/tables/articles.py)."""

from datetime import datetime
from typing import Annotated
from typing import Any

from pydantic import AfterValidator
from pydantic import ConfigDict
from pydantic import WithJsonSchema
from pydantic import model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlmodel import Field
from sqlmodel import SQLModel

from app.articles.urls import URL_PATTERN
from app.articles.urls import canonical_url
from app.core.types import BodyId
from app.core.types import LanguageTag
from app.core.types import PublishedAt
from app.core.types import ShortText
from app.core.types import Slug
from app.core.types import Title
from app.core.types import reject_null
from app.tables.articles import ArticleBase
from app.tables.articles import LinkProvenance
from app.tables.articles import LinkRelation
from app.tables.articles import OriginArticleRef
from app.tables.outlets import OutletRef

ArticleUrl = Annotated[
    str,
    Field(min_length=1, max_length=2000),
    AfterValidator(canonical_url),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 2000, "pattern": URL_PATTERN}),
]


class ArticleCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    outlet: Slug = Field(description="Slug of the outlet that published the article.")
    url: ArticleUrl
    title: Title
    published_at: PublishedAt
    author: ShortText | None = None
    language: LanguageTag | None = None


class ArticleUpdate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    outlet: Slug | SkipJsonSchema[None] = None
    url: ArticleUrl | SkipJsonSchema[None] = None
    title: Title | SkipJsonSchema[None] = None
    published_at: PublishedAt | SkipJsonSchema[None] = None
    author: ShortText | None = None
    language: LanguageTag | None = None

    _required = model_validator(mode="after")(reject_null("outlet", "url", "title", "published_at"))


class LinkCreate(SQLModel):
    model_config = ConfigDict(extra="forbid")

    origin_article_id: BodyId
    relation: LinkRelation
    reason: Annotated[str, Field(max_length=1000)] | None = Field(
        default=None, description='Why, e.g. "verbatim Reuters wire copy".'
    )


class LinkPublic(SQLModel):
    """How an article relates to the earlier article it copies or cites."""

    article_id: int
    origin: OriginArticleRef
    relation: LinkRelation
    reason: str | None
    provenance: LinkProvenance = Field(description="`stated` by a caller or `detected` by us.")
    created_at: datetime

    @classmethod
    def of(cls, *, link: Any, origin: Any, outlet: OutletRef) -> "LinkPublic":
        """From a stored link (or a row with its columns), its origin article and its outlet."""
        ref = OriginArticleRef.model_validate(origin, update={"outlet": outlet})
        return cls.model_validate(link, update={"origin": ref})


class CreditedOriginPublic(SQLModel):
    """The outlet an article credits as its origin, with the words that say so."""

    outlet: OutletRef
    relation: LinkRelation
    reason: str
    evidence: str
    confidence: float
    provenance: LinkProvenance
    created_at: datetime


class ArticlePublic(ArticleBase):
    id: int
    outlet: OutletRef
    origin: LinkPublic | None = Field(description="The article this one copies or cites, if any.")
    root_article_id: int = Field(description="Where this article's chain of origins ends.")
    created_at: datetime
    updated_at: datetime
    credited_origin: CreditedOriginPublic | None = Field(
        default=None,
        description="The outlet this article credits as its origin (a wire in its dateline, "
        "byline, URL or JSON-LD) whose own article is not linked: counting collapses the "
        "article into that outlet while `origin` is null. Kept as evidence once a link exists.",
    )
