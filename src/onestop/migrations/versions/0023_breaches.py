"""privacy: breaches, their assessment, notification and follow-up actions (issue 20, part 5)

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "privacy_breach",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("discovered_on", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("notice_id", sa.Uuid(), nullable=True),
        sa.Column("reported_by", sa.String(length=100), nullable=False),
        sa.Column("information", sa.Text(), nullable=True),
        sa.Column("sensitivity", sa.String(length=8), nullable=True),
        sa.Column("people_affected", sa.Integer(), nullable=True),
        sa.Column("likelihood", sa.String(length=8), nullable=True),
        sa.Column("containment", sa.String(length=16), nullable=True),
        sa.Column("containment_steps", sa.Text(), nullable=True),
        sa.Column("harm", sa.Text(), nullable=True),
        sa.Column("risk", sa.String(length=8), nullable=True),
        sa.Column("assessed_by", sa.String(length=100), nullable=True),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("person_notice_id", sa.Uuid(), nullable=True),
        sa.Column("office_letter_key", sa.String(length=64), nullable=True),
        sa.Column("notified_by", sa.String(length=100), nullable=True),
        sa.Column("notified_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_privacy_breach_notice_id_notice")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_privacy_breach_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["person_notice_id"], ["notice.id"], name=op.f("fk_privacy_breach_person_notice_id_notice")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_breach")),
    )
    with op.batch_alter_table("privacy_breach", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_privacy_breach_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_privacy_breach_status_discovered_on"), ["status", "discovered_on"], unique=False
        )

    op.create_table(
        "privacy_breach_action",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("breach_id", sa.Uuid(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=100), nullable=True),
        sa.Column("done_note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["breach_id"],
            ["privacy_breach.id"],
            name=op.f("fk_privacy_breach_action_breach_id_privacy_breach"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_breach_action")),
    )
    with op.batch_alter_table("privacy_breach_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_privacy_breach_action_breach_id"), ["breach_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("privacy_breach_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_breach_action_breach_id"))
    op.drop_table("privacy_breach_action")
    with op.batch_alter_table("privacy_breach", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_breach_status_discovered_on"))
        batch_op.drop_index(batch_op.f("ix_privacy_breach_person_id"))
    op.drop_table("privacy_breach")
