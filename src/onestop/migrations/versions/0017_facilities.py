"""health: facilities (shelters, hospitals, halfway houses, residential facilities), residents' stays and
the benefits paid to a facility on a resident's behalf (issue 17, part 8)

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _entity() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "health_facility",
        sa.Column("name", sa.String(length=140), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("contact_name", sa.String(length=140), nullable=True),
        sa.Column("phone", sa.String(length=30), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("nightly_rate_cents", sa.BigInteger(), nullable=True),
        sa.Column("monthly_rate_cents", sa.BigInteger(), nullable=True),
        sa.Column("payee_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        *_entity(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_facility")),
        sa.UniqueConstraint("name", name=op.f("uq_health_facility_name")),
    )
    with op.batch_alter_table("health_facility", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_health_facility_kind_name"), ["kind", "name"], unique=False)

    op.create_table(
        "health_facility_stay",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("facility_id", sa.Uuid(), nullable=False),
        sa.Column("in_on", sa.Date(), nullable=False),
        sa.Column("out_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("out_reason", sa.Text(), nullable=True),
        sa.Column("officer", sa.String(length=100), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("ended_by", sa.String(length=100), nullable=True),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["health_facility.id"],
            name=op.f("fk_health_facility_stay_facility_id_health_facility"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_facility_stay_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_facility_stay")),
    )
    with op.batch_alter_table("health_facility_stay", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_facility_stay_facility_id_out_on"), ["facility_id", "out_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_health_facility_stay_officer_out_on"), ["officer", "out_on"], unique=False
        )
        batch_op.create_index(
            "uq_health_facility_stay_open",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("out_on IS NULL"),
            postgresql_where=sa.text("out_on IS NULL"),
        )

    op.create_table(
        "health_facility_benefit",
        sa.Column("stay_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("facility_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("nights", sa.Integer(), nullable=True),
        sa.Column("pay_date", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("cheque_number", sa.String(length=20), nullable=True),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("entitlement_id", sa.Uuid(), nullable=True),
        sa.Column("money_state", sa.String(length=20), nullable=False),
        sa.Column("health_coverage_id", sa.Uuid(), nullable=True),
        sa.Column("health_plan", sa.String(length=20), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        *_entity(),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["health_facility.id"],
            name=op.f("fk_health_facility_benefit_facility_id_health_facility"),
        ),
        sa.ForeignKeyConstraint(
            ["health_coverage_id"],
            ["health_coverage.id"],
            name=op.f("fk_health_facility_benefit_health_coverage_id_health_coverage"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_facility_benefit_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["stay_id"],
            ["health_facility_stay.id"],
            name=op.f("fk_health_facility_benefit_stay_id_health_facility_stay"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_facility_benefit")),
    )
    with op.batch_alter_table("health_facility_benefit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_facility_benefit_person_id_pay_date"),
            ["person_id", "pay_date"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_health_facility_benefit_stay_id"), ["stay_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("health_facility_benefit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_facility_benefit_stay_id"))
        batch_op.drop_index(batch_op.f("ix_health_facility_benefit_person_id_pay_date"))
    op.drop_table("health_facility_benefit")
    with op.batch_alter_table("health_facility_stay", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_health_facility_stay_open",
            sqlite_where=sa.text("out_on IS NULL"),
            postgresql_where=sa.text("out_on IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_health_facility_stay_officer_out_on"))
        batch_op.drop_index(batch_op.f("ix_health_facility_stay_facility_id_out_on"))
    op.drop_table("health_facility_stay")
    with op.batch_alter_table("health_facility", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_facility_kind_name"))
    op.drop_table("health_facility")
