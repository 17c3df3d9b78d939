"""role grants: a privileged role joins a staff account only with a second administrator's approval
(issue #10, part 8)

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_role_grant",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.String(length=500), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_staff_role_grant_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_role_grant")),
    )
    with op.batch_alter_table("staff_role_grant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_role_grant_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_role_grant_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_role_grant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_role_grant_state"))
        batch_op.drop_index(batch_op.f("ix_staff_role_grant_staff_id"))
    op.drop_table("staff_role_grant")
