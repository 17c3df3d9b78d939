"""The notices outbox (issue 15): the notice table and the addresses mail came back from.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "notice",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("params", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("extra_paragraph", sa.Text(), nullable=True),
        sa.Column("subject_type", sa.String(length=30), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(length=100), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=True),
        sa.Column("address_id", sa.Uuid(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("print_batch", sa.String(length=10), nullable=True),
        sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_notice_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice")),
        sa.UniqueConstraint("message_id", name=op.f("uq_notice_message_id")),
    )
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notice_person_id"), ["person_id"], unique=False)
        batch_op.create_index("ix_notice_status_next_attempt_at", ["status", "next_attempt_at"], unique=False)

    op.create_table(
        "notice_returned_address",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("address_id", sa.Uuid(), nullable=False),
        sa.Column("notice_id", sa.Uuid(), nullable=False),
        sa.Column("marked_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notice_id"], ["notice.id"], name=op.f("fk_notice_returned_address_notice_id_notice")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_notice_returned_address_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notice_returned_address")),
    )
    with op.batch_alter_table("notice_returned_address", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notice_returned_address_address_id"), ["address_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_notice_returned_address_person_id"), ["person_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("notice_returned_address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notice_returned_address_person_id"))
        batch_op.drop_index(batch_op.f("ix_notice_returned_address_address_id"))

    op.drop_table("notice_returned_address")
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_index("ix_notice_status_next_attempt_at")
        batch_op.drop_index(batch_op.f("ix_notice_person_id"))

    op.drop_table("notice")
