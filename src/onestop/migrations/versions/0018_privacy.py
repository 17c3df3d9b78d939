"""privacy: access and correction requests, their redactions, the disclosure log, legal holds and
destruction certificates (issue 20)

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "privacy_disclosure",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=200), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("authority", sa.Text(), nullable=True),
        sa.Column("consent_id", sa.Uuid(), nullable=True),
        sa.Column("disclosed_on", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["consent_id"],
            ["person_consent.id"],
            name=op.f("fk_privacy_disclosure_consent_id_person_consent"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_privacy_disclosure_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_disclosure")),
    )
    with op.batch_alter_table("privacy_disclosure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_privacy_disclosure_person_id_disclosed_on"),
            ["person_id", "disclosed_on"],
            unique=False,
        )

    op.create_table(
        "privacy_destruction",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("destroyed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destroyed_by", sa.String(length=100), nullable=False),
        sa.Column("schedule", sa.Text(), nullable=False),
        sa.Column("items", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_privacy_destruction_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_destruction")),
    )
    with op.batch_alter_table("privacy_destruction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_privacy_destruction_person_id"), ["person_id"], unique=False)

    op.create_table(
        "privacy_legal_hold",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("placed_by", sa.String(length=100), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_privacy_legal_hold_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_legal_hold")),
    )
    with op.batch_alter_table("privacy_legal_hold", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_privacy_legal_hold_person_id"), ["person_id"], unique=False)

    op.create_table(
        "privacy_request",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("extension_reason", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("representative", sa.String(length=200), nullable=True),
        sa.Column("representative_authority", sa.Text(), nullable=True),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("logged_by", sa.String(length=100), nullable=False),
        sa.Column("package", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("assembled_by", sa.String(length=100), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("released_by", sa.String(length=100), nullable=True),
        sa.Column("released_on", sa.Date(), nullable=True),
        sa.Column("pdf_key", sa.String(length=64), nullable=True),
        sa.Column("json_key", sa.String(length=64), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("correction_made", sa.Text(), nullable=True),
        sa.Column("disagreement", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_privacy_request_person_id_person")
        ),
        sa.ForeignKeyConstraint(["task_id"], ["task.id"], name=op.f("fk_privacy_request_task_id_task")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_request")),
    )
    with op.batch_alter_table("privacy_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_privacy_request_person_id_created_at"), ["person_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_privacy_request_status_due_on"), ["status", "due_on"], unique=False
        )

    op.create_table(
        "privacy_redaction",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("section", sa.String(length=30), nullable=False),
        sa.Column("item_index", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["privacy_request.id"],
            name=op.f("fk_privacy_redaction_request_id_privacy_request"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_redaction")),
    )
    with op.batch_alter_table("privacy_redaction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_privacy_redaction_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("privacy_disclosure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_disclosure_person_id_disclosed_on"))

    op.drop_table("privacy_disclosure")
    with op.batch_alter_table("privacy_redaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_redaction_request_id"))

    op.drop_table("privacy_redaction")
    with op.batch_alter_table("privacy_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_request_status_due_on"))
        batch_op.drop_index(batch_op.f("ix_privacy_request_person_id_created_at"))

    op.drop_table("privacy_request")
    with op.batch_alter_table("privacy_legal_hold", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_legal_hold_person_id"))

    op.drop_table("privacy_legal_hold")
    with op.batch_alter_table("privacy_destruction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_privacy_destruction_person_id"))

    op.drop_table("privacy_destruction")
