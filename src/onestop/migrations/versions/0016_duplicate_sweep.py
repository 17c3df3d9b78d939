"""The queue of suggested duplicates found by the registry-wide sweep (issue 16, part 3).

Revision ID: 0016
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0016"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "duplicate_suggestion",
        sa.Column("person_a_id", sa.Uuid(), nullable=False),
        sa.Column("person_b_id", sa.Uuid(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("match_weight", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_a_id"], ["person.id"], name=op.f("fk_duplicate_suggestion_person_a_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["person_b_id"], ["person.id"], name=op.f("fk_duplicate_suggestion_person_b_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_suggestion")),
        sa.UniqueConstraint(
            "person_a_id", "person_b_id", name=op.f("uq_duplicate_suggestion_person_a_id_person_b_id")
        ),
    )
    op.create_index(
        "ix_duplicate_suggestion_status_probability", "duplicate_suggestion", ["status", "probability"]
    )
    op.create_index(
        op.f("ix_duplicate_suggestion_person_b_id"), "duplicate_suggestion", ["person_b_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_duplicate_suggestion_person_b_id"), table_name="duplicate_suggestion")
    op.drop_index("ix_duplicate_suggestion_status_probability", table_name="duplicate_suggestion")
    op.drop_table("duplicate_suggestion")
