"""batch reports: caseload runs (re-assessment, simulation), their partitions and result rows

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "batch_run",
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("overlays", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("parameters", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("rules_version", sa.String(length=80), nullable=False),
        sa.Column("program_version", sa.String(length=80), nullable=False),
        sa.Column("partition_size", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("households_total", sa.BigInteger(), nullable=False),
        sa.Column("households_done", sa.BigInteger(), nullable=False),
        sa.Column("partitions_done", sa.Integer(), nullable=False),
        sa.Column("last_key", sa.String(length=40), nullable=True),
        sa.Column("scheduler", sa.String(length=200), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("started_by", sa.String(length=100), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_run")),
    )
    with op.batch_alter_table("batch_run", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_batch_run_kind_created_at"), ["kind", "created_at"], unique=False
        )

    op.create_table(
        "batch_partition",
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("after_key", sa.String(length=40), nullable=True),
        sa.Column("last_key", sa.String(length=40), nullable=False),
        sa.Column("households", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["batch_run.id"], name=op.f("fk_batch_partition_run_id_batch_run")
        ),
        sa.PrimaryKeyConstraint("run_id", "seq", name=op.f("pk_batch_partition")),
    )
    op.create_table(
        "batch_row",
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("partition_seq", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("office", sa.String(length=40), nullable=True),
        sa.Column("family_type", sa.String(length=24), nullable=False),
        sa.Column("before_cents", sa.BigInteger(), nullable=True),
        sa.Column("after_cents", sa.BigInteger(), nullable=True),
        sa.Column("change_cents", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("missing", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("review", sa.String(length=12), nullable=True),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["run_id"], ["batch_run.id"], name=op.f("fk_batch_row_run_id_batch_run")),
        sa.PrimaryKeyConstraint("run_id", "application_id", name=op.f("pk_batch_row")),
    )
    with op.batch_alter_table("batch_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_batch_row_run_id_office"), ["run_id", "office"], unique=False)
        batch_op.create_index(batch_op.f("ix_batch_row_run_id_status"), ["run_id", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("batch_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_batch_row_run_id_status"))
        batch_op.drop_index(batch_op.f("ix_batch_row_run_id_office"))

    op.drop_table("batch_row")
    op.drop_table("batch_partition")
    with op.batch_alter_table("batch_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_batch_run_kind_created_at"))

    op.drop_table("batch_run")
