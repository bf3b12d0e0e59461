"""What the imports API answers: a job's progress, and its failed lines."""

from datetime import datetime

from pydantic import Field
from sqlmodel import SQLModel

from app.core.errors import ErrorBody
from app.tables import ImportState


class ImportPublic(SQLModel):
    id: int
    state: ImportState = Field(
        description="`queued` (stored, waiting for a worker), `running`, `done`, or `failed` "
        "(the source could not be read; lines that fail are reported, they do not fail the job)."
    )
    total_bytes: int
    bytes_done: int = Field(description="Bytes of the upload committed so far.")
    progress: float = Field(ge=0, le=1, description="bytes_done / total_bytes.")
    lines_done: int = Field(description="Lines read and committed so far (blank ones included).")
    succeeded: int
    failed: int = Field(description="Lines refused; see GET /v1/imports/{id}/errors.")
    articles_created: int
    claims_created: int
    claims_linked: int
    claims_already_attributed: int
    attempts: int = Field(description="Runs started (more than one after a restart).")
    error: str | None = None
    created_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None


class ImportErrorPublic(SQLModel):
    """One refused line: its number in the upload, its status and the usual error body."""

    line: int
    status: int
    error: ErrorBody
