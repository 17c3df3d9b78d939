"""health: drug coverage periods, MCP registration, emergency drug cards, special authorizations,
co-pay costings, out-of-province claims, 65Plus landed-immigrant
claims and out-of-province travel (issue 17)

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "health_mcp_registration",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("blind_index", sa.String(length=64), nullable=True),
        sa.Column("masked", sa.String(length=20), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_to", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_mcp_registration_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_mcp_registration")),
    )
    with op.batch_alter_table("health_mcp_registration", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_mcp_registration_blind_index"), ["blind_index"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_health_mcp_registration_person_id"), ["person_id"], unique=False)

    op.create_table(
        "health_claim",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("mcp_registration_id", sa.Uuid(), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("service", sa.Text(), nullable=False),
        sa.Column("service_from", sa.Date(), nullable=False),
        sa.Column("service_to", sa.Date(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("document_ids", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("contacts", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("approved_cents", sa.BigInteger(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("appeal", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("paid_to", sa.String(length=10), nullable=True),
        sa.Column("received_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["mcp_registration_id"],
            ["health_mcp_registration.id"],
            name=op.f("fk_health_claim_mcp_registration_id_health_mcp_registration"),
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_health_claim_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_claim")),
    )
    with op.batch_alter_table("health_claim", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_claim_person_id_service_from"), ["person_id", "service_from"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_health_claim_status"), ["status"], unique=False)

    op.create_table(
        "health_coverage",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("plan", sa.String(length=20), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("copay_terms", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("restrictions", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("end_reason", sa.Text(), nullable=True),
        sa.Column("renews_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("ended_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_health_coverage_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_coverage_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["renews_id"], ["health_coverage.id"], name=op.f("fk_health_coverage_renews_id_health_coverage")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_coverage")),
    )
    with op.batch_alter_table("health_coverage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_coverage_person_id_start_on"), ["person_id", "start_on"], unique=False
        )
        batch_op.create_index(
            "uq_health_coverage_active_plan",
            ["person_id", "plan"],
            unique=True,
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )

    op.create_table(
        "health_copay",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("coverage_id", sa.Uuid(), nullable=False),
        sa.Column("din", sa.String(length=8), nullable=False),
        sa.Column("drug_name", sa.String(length=200), nullable=False),
        sa.Column("quantity", sa.String(length=20), nullable=False),
        sa.Column("unit_price", sa.String(length=20), nullable=False),
        sa.Column("dispensing_fee_cents", sa.BigInteger(), nullable=True),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("computed_cents", sa.BigInteger(), nullable=True),
        sa.Column("explanation", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("missing", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("used", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("override_cents", sa.BigInteger(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("override_by", sa.String(length=100), nullable=True),
        sa.Column("costed_on", sa.Date(), nullable=False),
        sa.Column("costed_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coverage_id"], ["health_coverage.id"], name=op.f("fk_health_copay_coverage_id_health_coverage")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_health_copay_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_copay")),
    )
    with op.batch_alter_table("health_copay", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_copay_person_id_created_at"), ["person_id", "created_at"], unique=False
        )

    op.create_table(
        "health_drug_card",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("coverage_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("pharmacy_message", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("value_cents", sa.BigInteger(), nullable=True),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("cancelled_by", sa.String(length=100), nullable=True),
        sa.Column("cancelled_on", sa.Date(), nullable=True),
        sa.Column("replaces_id", sa.Uuid(), nullable=True),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coverage_id"],
            ["health_coverage.id"],
            name=op.f("fk_health_drug_card_coverage_id_health_coverage"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_drug_card_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["replaces_id"],
            ["health_drug_card.id"],
            name=op.f("fk_health_drug_card_replaces_id_health_drug_card"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_drug_card")),
        sa.UniqueConstraint("number", name=op.f("uq_health_drug_card_number")),
    )
    with op.batch_alter_table("health_drug_card", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_drug_card_person_id_valid_from"), ["person_id", "valid_from"], unique=False
        )

    op.create_table(
        "health_special_authorization",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("coverage_id", sa.Uuid(), nullable=False),
        sa.Column("din", sa.String(length=8), nullable=False),
        sa.Column("drug_name", sa.String(length=200), nullable=False),
        sa.Column("prescriber", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("follow_up_task_id", sa.Uuid(), nullable=True),
        sa.Column("client_told", sa.Text(), nullable=True),
        sa.Column("client_told_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coverage_id"],
            ["health_coverage.id"],
            name=op.f("fk_health_special_authorization_coverage_id_health_coverage"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_special_authorization_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_special_authorization")),
    )
    with op.batch_alter_table("health_special_authorization", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_special_authorization_person_id_submitted_on"),
            ["person_id", "submitted_on"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_health_special_authorization_status_expires_on"),
            ["status", "expires_on"],
            unique=False,
        )

    op.create_table(
        "health_senior_claim",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("landed_immigrant", sa.Boolean(), nullable=False),
        sa.Column("receives_oas", sa.Boolean(), nullable=False),
        sa.Column("receives_gis", sa.Boolean(), nullable=False),
        sa.Column("conditions", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("gaps", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("coverage_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["coverage_id"],
            ["health_coverage.id"],
            name=op.f("fk_health_senior_claim_coverage_id_health_coverage"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_health_senior_claim_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_senior_claim")),
    )
    with op.batch_alter_table("health_senior_claim", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_senior_claim_person_id_received_on"),
            ["person_id", "received_on"],
            unique=False,
        )

    op.create_table(
        "health_travel",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("referral_document_id", sa.Uuid(), nullable=True),
        sa.Column("legs", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("depart_on", sa.Date(), nullable=False),
        sa.Column("return_on", sa.Date(), nullable=True),
        sa.Column("estimated_cents", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("approved_cents", sa.BigInteger(), nullable=True),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("invoices", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("follow_up_task_id", sa.Uuid(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_note", sa.Text(), nullable=True),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_health_travel_person_id_person")),
        sa.ForeignKeyConstraint(
            ["referral_document_id"],
            ["document.id"],
            name=op.f("fk_health_travel_referral_document_id_document"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_travel")),
    )
    with op.batch_alter_table("health_travel", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_health_travel_person_id_depart_on"), ["person_id", "depart_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_health_travel_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("health_travel", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_travel_status"))
        batch_op.drop_index(batch_op.f("ix_health_travel_person_id_depart_on"))

    op.drop_table("health_travel")
    with op.batch_alter_table("health_senior_claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_senior_claim_person_id_received_on"))

    op.drop_table("health_senior_claim")
    with op.batch_alter_table("health_special_authorization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_special_authorization_status_expires_on"))
        batch_op.drop_index(batch_op.f("ix_health_special_authorization_person_id_submitted_on"))

    op.drop_table("health_special_authorization")
    with op.batch_alter_table("health_drug_card", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_drug_card_person_id_valid_from"))

    op.drop_table("health_drug_card")
    with op.batch_alter_table("health_copay", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_copay_person_id_created_at"))

    op.drop_table("health_copay")
    with op.batch_alter_table("health_coverage", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_health_coverage_active_plan",
            sqlite_where=sa.text("status = 'active'"),
            postgresql_where=sa.text("status = 'active'"),
        )
        batch_op.drop_index(batch_op.f("ix_health_coverage_person_id_start_on"))

    op.drop_table("health_coverage")
    with op.batch_alter_table("health_claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_claim_status"))
        batch_op.drop_index(batch_op.f("ix_health_claim_person_id_service_from"))

    op.drop_table("health_claim")
    with op.batch_alter_table("health_mcp_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_health_mcp_registration_person_id"))
        batch_op.drop_index(batch_op.f("ix_health_mcp_registration_blind_index"))

    op.drop_table("health_mcp_registration")
