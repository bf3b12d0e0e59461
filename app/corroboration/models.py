"""The corroboration payload shown on every claim."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class FirstReport(SQLModel):
    at: datetime = Field(description="Publication instant of the earliest reporting article.")
    outlet: str = Field(description="Slug of its outlet.")
    outlet_name: str
    article_id: int


class Corroboration(SQLModel):
    """Counts over the claim's attributions whose stance is `reports` or `supports`."""

    outlets: int = Field(description="Distinct outlets of reporting articles.")
    independent_origins: int = Field(
        description="Distinct outlets of the roots of reporting articles, once copies "
        "(syndicates/cites links, followed transitively) are collapsed into their origin."
    )
    articles: int = Field(description="Reporting articles.")
    disputing_outlets: int = Field(description="Distinct outlets with a `disputes` attribution.")
    first_reported: FirstReport | None
    last_reported_at: datetime | None
