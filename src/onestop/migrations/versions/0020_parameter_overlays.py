"""parameter overlays: new parameter values recorded and approved between releases (issue 13, part 7)

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "parameter_overlay",
        sa.Column("jurisdiction", sa.String(length=12), nullable=False),
        sa.Column("parameter", sa.String(length=160), nullable=False),
        sa.Column("effective", sa.Date(), nullable=False),
        sa.Column("value", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("source_title", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=500), nullable=True),
        sa.Column("source_section", sa.String(length=200), nullable=True),
        sa.Column("confidence", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parameter_overlay")),
    )
    with op.batch_alter_table("parameter_overlay", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_parameter_overlay_jurisdiction_status"), ["jurisdiction", "status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("parameter_overlay", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_parameter_overlay_jurisdiction_status"))
    op.drop_table("parameter_overlay")
