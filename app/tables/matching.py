"""Claim embeddings: one sentence embedding per live claim, for the hybrid matcher."""

from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import LargeBinary
from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel


class ClaimEmbedding(SQLModel, table=True):
    """A live claim's sentence embedding, as float16 bytes, and the model that made it."""

    __tablename__ = "claim_embedding"

    claim_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("claim.id", ondelete="CASCADE"), primary_key=True, nullable=False
        )
    )
    model: str = Field(sa_column=Column(String(100), nullable=False))
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
