"""Import jobs: a stored NDJSON source, how far it got, and its failed lines (migration 1000)."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import BigInteger
from sqlalchemy import Column
from sqlalchemy import Index
from sqlalchemy import String
from sqlmodel import Field
from sqlmodel import SQLModel

from app.core.columns import UTCDateTime
from app.core.columns import utcnow
from app.tables.columns import one_of
from app.tables.columns import reference


class ImportState(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class ImportJob(SQLModel, table=True):
    __tablename__ = "import_job"
    __table_args__ = (
        one_of("state", ImportState),
        Index("ix_import_job_state_id", "state", "id"),
        Index("ix_import_job_source_key", "source_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    state: ImportState = Field(default=ImportState.queued, sa_type=String(20))
    source: str = Field(max_length=2000)  # the stored upload, or the file `corroborate import` read
    source_key: str = Field(max_length=200)  # finds the job again for `--resume`
    uploaded: bool  # the source is ours (an upload) and is removed when the job is done
    total_bytes: int = Field(sa_type=BigInteger)
    # Everything before this offset is committed: resuming reads on from here.
    bytes_done: int = Field(
        default=0, sa_column=Column(BigInteger, nullable=False, server_default="0")
    )
    lines_done: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    succeeded: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    failed: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    articles_created: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    claims_created: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    claims_linked: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    claims_already_attributed: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    error: str | None = Field(default=None, max_length=2000)
    heartbeat_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    started_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class ImportLineError(SQLModel, table=True):
    __tablename__ = "import_line_error"

    job_id: int = Field(sa_column=reference("import_job", primary_key=True))
    line: int = Field(primary_key=True)
    status: int
    code: str = Field(max_length=100)
    message: str = Field(max_length=2000)
    details: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
