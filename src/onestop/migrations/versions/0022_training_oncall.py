"""partners: clients' training with term attendance, the after-hours on-call roster and the contacts
taken on call; project instalments paid through money (an invoice for no benefit unit) (issue 18,
parts 1, 2 and 4)

Revision ID: 0022
Revises: 0021
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _entity() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    # A sponsor's instalment is a money invoice and issuance with no benefit unit.
    with op.batch_alter_table("money_issuance", schema=None) as batch_op:
        batch_op.alter_column("unit_id", existing_type=sa.Uuid(), nullable=True)
    with op.batch_alter_table("money_invoice", schema=None) as batch_op:
        batch_op.alter_column("unit_id", existing_type=sa.Uuid(), nullable=True)
    with op.batch_alter_table("partner_instalment", schema=None) as batch_op:
        batch_op.alter_column("paid_on", new_column_name="pay_date", existing_type=sa.Date(), nullable=False)
        batch_op.add_column(sa.Column("invoice_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_partner_instalment_invoice_id_money_invoice"),
            "money_invoice",
            ["invoice_id"],
            ["id"],
        )

    op.create_table(
        "partner_training",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("program_name", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("tuition_cents", sa.BigInteger(), nullable=False),
        sa.Column("supports_cents", sa.BigInteger(), nullable=False),
        sa.Column("supports_note", sa.Text(), nullable=True),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_partner_training_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_partner_training_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_training")),
    )
    with op.batch_alter_table("partner_training", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_training_person_id"), ["person_id"], unique=False)

    op.create_table(
        "partner_attendance",
        sa.Column("training_id", sa.Uuid(), nullable=False),
        sa.Column("term", sa.String(length=60), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("scheduled_days", sa.Integer(), nullable=False),
        sa.Column("attended_days", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_by", sa.String(length=100), nullable=True),
        sa.Column("review_id", sa.Uuid(), nullable=True),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["training_id"],
            ["partner_training.id"],
            name=op.f("fk_partner_attendance_training_id_partner_training"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_attendance")),
    )
    with op.batch_alter_table("partner_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_attendance_training_id"), ["training_id"], unique=False)

    op.create_table(
        "partner_oncall_shift",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_partner_oncall_shift_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_partner_oncall_shift_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_oncall_shift")),
    )
    with op.batch_alter_table("partner_oncall_shift", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_oncall_shift_staff_id"), ["staff_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_partner_oncall_shift_starts_at_ends_at"), ["starts_at", "ends_at"], unique=False
        )

    op.create_table(
        "partner_afterhours_call",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("shift_id", sa.Uuid(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("interaction_id", sa.Uuid(), nullable=False),
        sa.Column("handover_task_id", sa.Uuid(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_partner_afterhours_call_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["shift_id"],
            ["partner_oncall_shift.id"],
            name=op.f("fk_partner_afterhours_call_shift_id_partner_oncall_shift"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_afterhours_call")),
    )
    with op.batch_alter_table("partner_afterhours_call", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_afterhours_call_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_afterhours_call_shift_id"), ["shift_id"], unique=False)

    op.create_table(
        "partner_afterhours_item",
        sa.Column("call_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("nights", sa.Integer(), nullable=True),
        sa.Column("issuance_id", sa.Uuid(), nullable=False),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["call_id"],
            ["partner_afterhours_call.id"],
            name=op.f("fk_partner_afterhours_item_call_id_partner_afterhours_call"),
        ),
        sa.ForeignKeyConstraint(
            ["issuance_id"],
            ["money_issuance.id"],
            name=op.f("fk_partner_afterhours_item_issuance_id_money_issuance"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_afterhours_item")),
    )
    with op.batch_alter_table("partner_afterhours_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_afterhours_item_call_id"), ["call_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("partner_afterhours_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_afterhours_item_call_id"))
    op.drop_table("partner_afterhours_item")
    with op.batch_alter_table("partner_afterhours_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_afterhours_call_shift_id"))
        batch_op.drop_index(batch_op.f("ix_partner_afterhours_call_person_id"))
    op.drop_table("partner_afterhours_call")
    with op.batch_alter_table("partner_oncall_shift", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_oncall_shift_starts_at_ends_at"))
        batch_op.drop_index(batch_op.f("ix_partner_oncall_shift_staff_id"))
    op.drop_table("partner_oncall_shift")
    with op.batch_alter_table("partner_attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_attendance_training_id"))
    op.drop_table("partner_attendance")
    with op.batch_alter_table("partner_training", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_training_person_id"))
    op.drop_table("partner_training")
    with op.batch_alter_table("partner_instalment", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_partner_instalment_invoice_id_money_invoice"), type_="foreignkey"
        )
        batch_op.drop_column("invoice_id")
        batch_op.alter_column("pay_date", new_column_name="paid_on", existing_type=sa.Date(), nullable=False)
    # Issuances and invoices without a unit (sponsors' instalments) cannot go back under NOT NULL.
    with op.batch_alter_table("money_invoice", schema=None) as batch_op:
        batch_op.alter_column("unit_id", existing_type=sa.Uuid(), nullable=False)
    with op.batch_alter_table("money_issuance", schema=None) as batch_op:
        batch_op.alter_column("unit_id", existing_type=sa.Uuid(), nullable=False)
