"""Claim embeddings: one sentence embedding per live claim, for the hybrid matcher."""

from sqlalchemy import Column
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel

from app.tables.columns import reference


class ClaimEmbedding(SQLModel, table=True):
    """A live claim's sentence embedding, as float16 bytes, and the model that made it."""

    __tablename__ = "claim_embedding"

    claim_id: int = Field(sa_column=reference("claim", primary_key=True))
    model: str = Field(sa_column=Column(String(100), nullable=False))
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
