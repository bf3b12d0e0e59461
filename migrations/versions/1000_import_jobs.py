"""Import jobs: a stored NDJSON upload (or a file given to `corroborate import`), its progress
and its failed lines, so that an import survives a restart and reports per line.

Revision ID: 1000_import_jobs
Revises: 0800_claim_embeddings
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "1000_import_jobs"
down_revision: str | None = "0800_claim_embeddings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "import_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=2000), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("uploaded", sa.Boolean(), nullable=False),
        sa.Column("total_bytes", sa.BigInteger(), nullable=False),
        sa.Column("bytes_done", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("lines_done", sa.Integer(), server_default="0", nullable=False),
        sa.Column("succeeded", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_created", sa.Integer(), server_default="0", nullable=False),
        sa.Column("claims_created", sa.Integer(), server_default="0", nullable=False),
        sa.Column("claims_linked", sa.Integer(), server_default="0", nullable=False),
        sa.Column("claims_already_attributed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error", sa.String(length=2000), nullable=True),
        sa.Column("heartbeat_at", TS, nullable=True),
        sa.Column("started_at", TS, nullable=True),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(
            "state IN ('queued', 'running', 'done', 'failed')", name=op.f("ck_import_job_state")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_job")),
    )
    op.create_index("ix_import_job_state_id", "import_job", ["state", "id"])
    op.create_index("ix_import_job_source_key", "import_job", ["source_key"])
    op.create_table(
        "import_line_error",
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("message", sa.String(length=2000), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"],
            ["import_job.id"],
            name=op.f("fk_import_line_error_job_id_import_job"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("job_id", "line", name=op.f("pk_import_line_error")),
    )


def downgrade() -> None:
    op.drop_table("import_line_error")
    op.drop_index("ix_import_job_source_key", table_name="import_job")
    op.drop_index("ix_import_job_state_id", table_name="import_job")
    op.drop_table("import_job")
