"""initial schema

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_head_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain_head")),
    )
    op.create_table(
        "audit_event",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_staff_id", sa.Uuid(), nullable=True),
        sa.Column("actor_username", sa.String(length=150), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject_type", sa.String(length=64), nullable=True),
        sa.Column("subject_id", sa.String(length=128), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("before", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("after", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("details", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_event")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_event_hash")),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_actor_staff_id"), ["actor_staff_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_event_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_audit_event_subject_type_subject_id"), ["subject_type", "subject_id"], unique=False
        )

    op.create_table(
        "benefit_unit",
        sa.Column("label", sa.String(length=200), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benefit_unit")),
    )
    op.create_table(
        "client_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("to_address", sa.String(length=320), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_outbox")),
    )
    op.create_table(
        "interaction_reason_code",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("label_en", sa.String(length=100), nullable=False),
        sa.Column("label_fr", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction_reason_code")),
        sa.UniqueConstraint("code", name=op.f("uq_interaction_reason_code_code")),
    )
    op.create_table(
        "money_approval",
        sa.Column("subject_type", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("needed_role", sa.String(length=20), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("payment_type", sa.String(length=30), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("nights", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_by_id", sa.Uuid(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_approval")),
        sa.UniqueConstraint(
            "subject_type", "subject_id", "kind", name=op.f("uq_money_approval_subject_type_subject_id_kind")
        ),
    )
    with op.batch_alter_table("money_approval", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_approval_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_approval_subject_id"), ["subject_id"], unique=False)

    op.create_table(
        "money_batch",
        sa.Column("number", sa.String(length=35), nullable=False),
        sa.Column("idempotency_key", sa.String(length=120), nullable=False),
        sa.Column("pay_date", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("built_by", sa.String(length=100), nullable=False),
        sa.Column("built_by_id", sa.Uuid(), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_id", sa.String(length=35), nullable=True),
        sa.Column("file_created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("file_sha256", sa.String(length=64), nullable=True),
        sa.Column("exported_by", sa.String(length=100), nullable=True),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reconciled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_batch")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_money_batch_idempotency_key")),
        sa.UniqueConstraint("number", name=op.f("uq_money_batch_number")),
    )
    op.create_table(
        "money_closed_period",
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("month", name=op.f("pk_money_closed_period")),
    )
    op.create_table(
        "money_journal_entry",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("ref", sa.String(length=80), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("total_cents", sa.BigInteger(), nullable=False),
        sa.Column("reverses_id", sa.Uuid(), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("posted_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["reverses_id"],
            ["money_journal_entry.id"],
            name=op.f("fk_money_journal_entry_reverses_id_money_journal_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_journal_entry")),
        sa.UniqueConstraint("kind", "ref", name=op.f("uq_money_journal_entry_kind_ref")),
    )
    op.create_table(
        "money_notice",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("subject_type", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.Uuid(), nullable=False),
        sa.Column("payload", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_notice")),
    )
    with op.batch_alter_table("money_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_notice_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "office",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office")),
        sa.UniqueConstraint("code", name=op.f("uq_office_code")),
    )
    op.create_table(
        "person",
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("family_name", sa.String(length=200), nullable=False),
        sa.Column("preferred_name", sa.String(length=200), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("language_other", sa.String(length=100), nullable=True),
        sa.Column("interpreter_needed", sa.Boolean(), nullable=False),
        sa.Column("gender", sa.String(length=50), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("duplicate_decision", sa.String(length=20), nullable=True),
        sa.Column("duplicate_reason", sa.Text(), nullable=True),
        sa.Column("duplicate_of_id", sa.Uuid(), nullable=True),
        sa.Column("duplicate_decided_by", sa.String(length=100), nullable=True),
        sa.Column("duplicate_decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_into_id", sa.Uuid(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("merged_by", sa.String(length=100), nullable=True),
        sa.Column("merge_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["duplicate_of_id"], ["person.id"], name=op.f("fk_person_duplicate_of_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["person.id"], name=op.f("fk_person_merged_into_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_birth_date"), ["birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_merged_into_id"), ["merged_into_id"], unique=False)

    op.create_table(
        "client_account",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_client_account_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_account")),
        sa.UniqueConstraint("email", name=op.f("uq_client_account_email")),
    )
    with op.batch_alter_table("client_account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_account_person_id"), ["person_id"], unique=False)

    op.create_table(
        "document",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=True),
        sa.Column("doc_type", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=50), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("uploaded_by", sa.String(length=100), nullable=False),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("verification_method", sa.String(length=30), nullable=True),
        sa.Column("verification_agency", sa.String(length=200), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_document_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_application_id"),
            ["application_id"],
            unique=False,
            sqlite_where=sa.text("application_id IS NOT NULL"),
            postgresql_where=sa.text("application_id IS NOT NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_document_person_id_created_at"), ["person_id", "created_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)

    op.create_table(
        "money_bank_return",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=35), nullable=False),
        sa.Column("group_status", sa.String(length=4), nullable=True),
        sa.Column("paid_count", sa.Integer(), nullable=False),
        sa.Column("returned_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["money_batch.id"], name=op.f("fk_money_bank_return_batch_id_money_batch")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_bank_return")),
        sa.UniqueConstraint(
            "batch_id", "file_sha256", name=op.f("uq_money_bank_return_batch_id_file_sha256")
        ),
    )
    with op.batch_alter_table("money_bank_return", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_bank_return_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "money_budget",
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_money_budget_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_budget")),
        sa.UniqueConstraint(
            "program", "office_id", "fiscal_year", name=op.f("uq_money_budget_program_office_id_fiscal_year")
        ),
    )
    op.create_table(
        "money_journal_line",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("account", sa.String(length=30), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("program", sa.String(length=64), nullable=True),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("debit_cents", sa.BigInteger(), nullable=False),
        sa.Column("credit_cents", sa.BigInteger(), nullable=False),
        sa.CheckConstraint(
            "(debit_cents = 0) <> (credit_cents = 0)", name=op.f("ck_money_journal_line_one_side")
        ),
        sa.CheckConstraint(
            "debit_cents >= 0 AND credit_cents >= 0", name=op.f("ck_money_journal_line_sides_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["money_journal_entry.id"],
            name=op.f("fk_money_journal_line_entry_id_money_journal_entry"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_journal_line")),
    )
    with op.batch_alter_table("money_journal_line", schema=None) as batch_op:
        batch_op.create_index(
            "ix_money_journal_line_account", ["account", "unit_id", "program"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_money_journal_line_entry_id"), ["entry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_journal_line_issuance_id"), ["issuance_id"], unique=False)

    op.create_table(
        "money_payee",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=140), nullable=False),
        sa.Column("institution", sa.String(length=3), nullable=True),
        sa.Column("transit", sa.String(length=5), nullable=True),
        sa.Column("account_ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("account_masked", sa.String(length=20), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_money_payee_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_payee")),
    )
    with op.batch_alter_table("money_payee", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_payee_person_id"), ["person_id"], unique=False)

    op.create_table(
        "outcome_plan",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_outcome_plan_person_id_person")),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_outcome_plan_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outcome_plan")),
    )
    with op.batch_alter_table("outcome_plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outcome_plan_person_id_status"), ["person_id", "status"], unique=False
        )

    op.create_table(
        "person_address",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("line1", sa.String(length=200), nullable=False),
        sa.Column("line2", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=False),
        sa.Column("postal_code", sa.String(length=7), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_address_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_address")),
    )
    with op.batch_alter_table("person_address", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_address_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_consent",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("recipient", sa.String(length=100), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_consent_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_consent")),
    )
    with op.batch_alter_table("person_consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_consent_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_contact",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=30), nullable=True),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_contact_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_contact")),
    )
    with op.batch_alter_table("person_contact", schema=None) as batch_op:
        batch_op.create_index("ix_person_contact_kind_value", ["kind", "value"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_contact_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_identifier",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("province", sa.String(length=2), nullable=True),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
        sa.Column("blind_index", sa.String(length=64), nullable=False),
        sa.Column("masked", sa.String(length=20), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_identifier_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_identifier")),
    )
    with op.batch_alter_table("person_identifier", schema=None) as batch_op:
        batch_op.create_index("ix_person_identifier_kind_blind_index", ["kind", "blind_index"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_identifier_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_name_key",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_name_key_person_id_person")
        ),
        sa.PrimaryKeyConstraint("key", "person_id", name=op.f("pk_person_name_key")),
    )
    with op.batch_alter_table("person_name_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_name_key_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_safety_flag",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", sa.String(length=100), nullable=True),
        sa.Column("removal_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_safety_flag_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_safety_flag")),
    )
    with op.batch_alter_table("person_safety_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_safety_flag_person_id"), ["person_id"], unique=False)

    op.create_table(
        "screening_session",
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("programs", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("steps", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("linked_by", sa.String(length=100), nullable=True),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_by", sa.String(length=100), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_screening_session_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_session")),
    )
    with op.batch_alter_table("screening_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_screening_session_created_by_id_status"), ["created_by_id", "status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_screening_session_person_id_created_at"), ["person_id", "created_at"], unique=False
        )

    op.create_table(
        "service_assessment",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("program_id", sa.String(length=60), nullable=False),
        sa.Column("level", sa.String(length=30), nullable=False),
        sa.Column("criteria", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("assessed_by", sa.String(length=100), nullable=False),
        sa.Column("assessed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_service_assessment_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_service_assessment_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_assessment")),
    )
    with op.batch_alter_table("service_assessment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_assessment_person_id_program_id_assessed_at"),
            ["person_id", "program_id", "assessed_at"],
            unique=False,
        )

    op.create_table(
        "staff",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("roles", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_staff_office_id_office")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_office_id"), ["office_id"], unique=False)

    op.create_table(
        "unit_membership",
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("ended_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_unit_membership_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_unit_membership_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_membership")),
    )
    with op.batch_alter_table("unit_membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_unit_membership_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_unit_membership_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "api_token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_api_token_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_token_token_hash")),
    )
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "application",
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("applicant_id", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=True),
        sa.Column("screening_session_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["applicant_id"], ["person.id"], name=op.f("fk_application_applicant_id_person")
        ),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_application_office_id_office")),
        sa.ForeignKeyConstraint(
            ["screening_session_id"],
            ["screening_session.id"],
            name=op.f("fk_application_screening_session_id_screening_session"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_application_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_applicant_id_created_at"), ["applicant_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_application_status_received_on"), ["status", "received_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_application_unit_id_program_status"),
            ["unit_id", "program", "status"],
            unique=False,
        )

    op.create_table(
        "caseload_assignment",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("assigned_by", sa.String(length=100), nullable=False),
        sa.Column("ended_by", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_caseload_assignment_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_caseload_assignment_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_caseload_assignment")),
    )
    with op.batch_alter_table("caseload_assignment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_caseload_assignment_person_id_started_on"),
            ["person_id", "started_on"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_caseload_assignment_staff_id_ended_on"), ["staff_id", "ended_on"], unique=False
        )
        batch_op.create_index(
            "uq_caseload_assignment_current_person",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("ended_on IS NULL"),
            postgresql_where=sa.text("ended_on IS NULL"),
        )

    op.create_table(
        "client_token",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["client_account.id"], name=op.f("fk_client_token_account_id_client_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_client_token_token_hash")),
    )
    with op.batch_alter_table("client_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_token_account_id"), ["account_id"], unique=False)

    op.create_table(
        "money_entitlement",
        sa.Column("series_id", sa.Uuid(), nullable=False),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("payee_id", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("frequency", sa.String(length=20), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount_cents > 0", name=op.f("ck_money_entitlement_amount_positive")),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_money_entitlement_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["payee_id"], ["money_payee.id"], name=op.f("fk_money_entitlement_payee_id_money_payee")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["money_entitlement.id"],
            name=op.f("fk_money_entitlement_supersedes_id_money_entitlement"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_money_entitlement_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_entitlement")),
    )
    with op.batch_alter_table("money_entitlement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_entitlement_active"), ["active"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_entitlement_series_id"), ["series_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_entitlement_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "money_invoice",
        sa.Column("payee_id", sa.Uuid(), nullable=False),
        sa.Column("vendor_reference", sa.String(length=60), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_money_invoice_office_id_office")),
        sa.ForeignKeyConstraint(
            ["payee_id"], ["money_payee.id"], name=op.f("fk_money_invoice_payee_id_money_payee")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_money_invoice_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_invoice")),
        sa.UniqueConstraint(
            "payee_id", "vendor_reference", name=op.f("uq_money_invoice_payee_id_vendor_reference")
        ),
    )
    with op.batch_alter_table("money_invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_invoice_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "outcome_plan_revision",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("content", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("change", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["outcome_plan.id"], name=op.f("fk_outcome_plan_revision_plan_id_outcome_plan")
        ),
        sa.PrimaryKeyConstraint("plan_id", "revision", name=op.f("pk_outcome_plan_revision")),
    )
    op.create_table(
        "screening_step",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("asked", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("answers", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("result", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("rules_version", sa.String(length=80), nullable=False),
        sa.Column("note", sa.String(length=4000), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["screening_session.id"],
            name=op.f("fk_screening_step_session_id_screening_session"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_step")),
        sa.UniqueConstraint("session_id", "seq", name=op.f("uq_screening_step_session_id_seq")),
    )
    op.create_table(
        "task",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("source_type", sa.String(length=30), nullable=True),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("close_note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("assignee_id IS NOT NULL OR office_id IS NOT NULL", name=op.f("ck_task_assigned")),
        sa.ForeignKeyConstraint(["assignee_id"], ["staff.id"], name=op.f("fk_task_assignee_id_staff")),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_task_office_id_office")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_task_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_task_assignee_id_status_due_on"), ["assignee_id", "status", "due_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_task_office_id_status_due_on"), ["office_id", "status", "due_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_task_person_id_status_due_on"), ["person_id", "status", "due_on"], unique=False
        )

    op.create_table(
        "application_fact",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("path", sa.String(length=200), nullable=False),
        sa.Column("value", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=True),
        sa.Column("verified_by", sa.String(length=100), nullable=True),
        sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("replaced_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_fact_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_application_fact_document_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_fact")),
    )
    with op.batch_alter_table("application_fact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_fact_document_id"), ["document_id"], unique=False)
        batch_op.create_index(
            "uq_application_fact_current_path",
            ["application_id", "path"],
            unique=True,
            sqlite_where=sa.text("replaced_at IS NULL"),
            postgresql_where=sa.text("replaced_at IS NULL"),
        )

    op.create_table(
        "decision",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("jurisdiction", sa.String(length=10), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("applicant_id", sa.Uuid(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("source_type", sa.String(length=30), nullable=True),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=12), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("monthly_amount_cents", sa.BigInteger(), nullable=True),
        sa.Column("computed_status", sa.String(length=12), nullable=True),
        sa.Column("computed_monthly_cents", sa.BigInteger(), nullable=True),
        sa.Column("amounts", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("case_data", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("provenance", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("explanation", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("parameters", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("text_en", sa.Text(), nullable=False),
        sa.Column("text_fr", sa.Text(), nullable=False),
        sa.Column("rules_version", sa.String(length=80), nullable=False),
        sa.Column("program_version", sa.String(length=80), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("approval_required", sa.Boolean(), nullable=False),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_by_id", sa.Uuid(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("appeal_deadline", sa.Date(), nullable=True),
        sa.Column("appeal", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("alternatives", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("entitlement_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.Uuid(), nullable=True),
        sa.Column("superseded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("superseded_by_id", sa.Uuid(), nullable=True),
        sa.ForeignKeyConstraint(
            ["applicant_id"], ["person.id"], name=op.f("fk_decision_applicant_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_decision_application_id_application")
        ),
        sa.ForeignKeyConstraint(
            ["superseded_by_id"], ["decision.id"], name=op.f("fk_decision_superseded_by_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["decision.id"], name=op.f("fk_decision_supersedes_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_decision_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
        sa.UniqueConstraint("application_id", "seq", name=op.f("uq_decision_application_id_seq")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_applicant_id_decided_at"), ["applicant_id", "decided_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_decision_unit_id_program_decided_at"),
            ["unit_id", "program", "decided_at"],
            unique=False,
        )
        batch_op.create_index(
            "uq_decision_current_application",
            ["application_id"],
            unique=True,
            sqlite_where=sa.text("superseded_at IS NULL"),
            postgresql_where=sa.text("superseded_at IS NULL"),
        )

    op.create_table(
        "interaction",
        sa.Column("person_id", sa.Uuid(), nullable=True),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("duration_seconds", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("follow_up_task_id", sa.Uuid(), nullable=True),
        sa.Column("email_from", sa.String(length=320), nullable=True),
        sa.Column("email_subject", sa.String(length=300), nullable=True),
        sa.Column("email_body", sa.Text(), nullable=True),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attached_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["follow_up_task_id"], ["task.id"], name=op.f("fk_interaction_follow_up_task_id_task")
        ),
        sa.ForeignKeyConstraint(["office_id"], ["office.id"], name=op.f("fk_interaction_office_id_office")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_interaction_person_id_person")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_interaction_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interaction")),
    )
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interaction_channel_person_id_occurred_at"),
            ["channel", "person_id", "occurred_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_interaction_occurred_at"), ["occurred_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_interaction_office_id_occurred_at"), ["office_id", "occurred_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interaction_person_id_occurred_at"), ["person_id", "occurred_at"], unique=False
        )

    op.create_table(
        "money_issuance",
        sa.Column("idempotency_key", sa.String(length=120), nullable=False),
        sa.Column("payment_type", sa.String(length=30), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("payee_id", sa.Uuid(), nullable=False),
        sa.Column("entitlement_id", sa.Uuid(), nullable=True),
        sa.Column("invoice_id", sa.Uuid(), nullable=True),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("pay_date", sa.Date(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("gross_cents", sa.BigInteger(), nullable=False),
        sa.Column("deduction_cents", sa.BigInteger(), nullable=False),
        sa.Column("net_cents", sa.BigInteger(), nullable=False),
        sa.Column("nights", sa.Integer(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_by_id", sa.Uuid(), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("second_check", sa.Boolean(), nullable=False),
        sa.Column("cheque_number", sa.String(length=20), nullable=True),
        sa.Column("voucher_number", sa.String(length=40), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "deduction_cents >= 0 AND deduction_cents <= gross_cents",
            name=op.f("ck_money_issuance_deduction_range"),
        ),
        sa.CheckConstraint("gross_cents > 0", name=op.f("ck_money_issuance_gross_positive")),
        sa.ForeignKeyConstraint(
            ["entitlement_id"],
            ["money_entitlement.id"],
            name=op.f("fk_money_issuance_entitlement_id_money_entitlement"),
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_money_issuance_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["payee_id"], ["money_payee.id"], name=op.f("fk_money_issuance_payee_id_money_payee")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_money_issuance_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_issuance")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_money_issuance_idempotency_key")),
    )
    with op.batch_alter_table("money_issuance", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_money_issuance_entitlement_id"), ["entitlement_id"], unique=False
        )
        batch_op.create_index("ix_money_issuance_state_pay_date", ["state", "pay_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_issuance_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "money_overpayment",
        sa.Column("idempotency_key", sa.String(length=120), nullable=False),
        sa.Column("unit_id", sa.Uuid(), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("balance_cents", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("entitlement_id", sa.Uuid(), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "balance_cents >= 0 AND balance_cents <= amount_cents", name=op.f("ck_money_overpayment_balance")
        ),
        sa.ForeignKeyConstraint(
            ["entitlement_id"],
            ["money_entitlement.id"],
            name=op.f("fk_money_overpayment_entitlement_id_money_entitlement"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["benefit_unit.id"], name=op.f("fk_money_overpayment_unit_id_benefit_unit")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_overpayment")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_money_overpayment_idempotency_key")),
    )
    with op.batch_alter_table("money_overpayment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_overpayment_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_overpayment_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "referral",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("target_id", sa.String(length=60), nullable=False),
        sa.Column("target_name", sa.String(length=200), nullable=False),
        sa.Column("specialist_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column(
            "shared_categories", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False
        ),
        sa.Column("consent_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("referred_by", sa.String(length=100), nullable=False),
        sa.Column("follow_up_task_id", sa.Uuid(), nullable=True),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("responded_by", sa.String(length=100), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("response_note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consent_id"], ["person_consent.id"], name=op.f("fk_referral_consent_id_person_consent")
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_task_id"], ["task.id"], name=op.f("fk_referral_follow_up_task_id_task")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_referral_person_id_person")),
        sa.ForeignKeyConstraint(
            ["specialist_id"], ["staff.id"], name=op.f("fk_referral_specialist_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referral_person_id_created_at"), ["person_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referral_specialist_id_status"),
            ["specialist_id", "status"],
            unique=False,
            sqlite_where=sa.text("specialist_id IS NOT NULL"),
            postgresql_where=sa.text("specialist_id IS NOT NULL"),
        )
        batch_op.create_index(
            batch_op.f("ix_referral_target_id_status"), ["target_id", "status"], unique=False
        )

    op.create_table(
        "appeal",
        sa.Column("decision_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("late_reason", sa.Text(), nullable=True),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("hearing_on", sa.Date(), nullable=True),
        sa.Column("panel", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("hearing_location", sa.String(length=200), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=True),
        sa.Column("outcome_reason", sa.Text(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("resulting_decision_id", sa.Uuid(), nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=True),
        sa.Column("filed_by", sa.String(length=100), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_appeal_application_id_application")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_appeal_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_appeal_person_id_person")),
        sa.ForeignKeyConstraint(
            ["resulting_decision_id"], ["decision.id"], name=op.f("fk_appeal_resulting_decision_id_decision")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal")),
    )
    with op.batch_alter_table("appeal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appeal_person_id_filed_on"), ["person_id", "filed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_appeal_status_hearing_on"), ["status", "hearing_on"], unique=False
        )
        batch_op.create_index(
            "uq_appeal_open_decision",
            ["decision_id"],
            unique=True,
            sqlite_where=sa.text("status IN ('filed', 'hearing_scheduled')"),
            postgresql_where=sa.text("status IN ('filed', 'hearing_scheduled')"),
        )

    op.create_table(
        "case_conference",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("referral_id", sa.Uuid(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("decisions", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_case_conference_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_case_conference_referral_id_referral")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_conference")),
    )
    with op.batch_alter_table("case_conference", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_conference_person_id_held_on"), ["person_id", "held_on"], unique=False
        )

    op.create_table(
        "case_review",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=True),
        sa.Column("source_type", sa.String(length=30), nullable=True),
        sa.Column("source_id", sa.Uuid(), nullable=True),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("result", sa.String(length=12), nullable=True),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("completed_by", sa.String(length=100), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancel_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_case_review_application_id_application")
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_case_review_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_case_review_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_review")),
    )
    with op.batch_alter_table("case_review", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_review_person_id_due_on"), ["person_id", "due_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_case_review_status_due_on"), ["status", "due_on"], unique=False)
        batch_op.create_index(
            "uq_case_review_waiting_periodic",
            ["application_id"],
            unique=True,
            sqlite_where=sa.text("kind = 'periodic' AND status IN ('scheduled', 'due')"),
            postgresql_where=sa.text("kind = 'periodic' AND status IN ('scheduled', 'due')"),
        )

    op.create_table(
        "decision_override_request",
        sa.Column("application_id", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("proposed", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_by_id", sa.Uuid(), nullable=True),
        sa.Column("task_id", sa.Uuid(), nullable=True),
        sa.Column("decided_by", sa.String(length=100), nullable=True),
        sa.Column("decided_by_id", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refusal_reason", sa.Text(), nullable=True),
        sa.Column("decision_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_decision_override_request_application_id_application"),
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decision.id"], name=op.f("fk_decision_override_request_decision_id_decision")
        ),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_decision_override_request_office_id_office")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_override_request")),
    )
    with op.batch_alter_table("decision_override_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_decision_override_request_status_office_id"), ["status", "office_id"], unique=False
        )
        batch_op.create_index(
            "uq_decision_override_request_pending",
            ["application_id"],
            unique=True,
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        )

    op.create_table(
        "interaction_reason",
        sa.Column("interaction_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["interaction_id"],
            ["interaction.id"],
            name=op.f("fk_interaction_reason_interaction_id_interaction"),
        ),
        sa.PrimaryKeyConstraint("interaction_id", "code", name=op.f("pk_interaction_reason")),
    )
    with op.batch_alter_table("interaction_reason", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interaction_reason_code"), ["code"], unique=False)

    op.create_table(
        "money_batch_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("issuance_id", sa.Uuid(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("net_cents", sa.BigInteger(), nullable=False),
        sa.Column("end_to_end_id", sa.String(length=35), nullable=False),
        sa.Column("cheque_number", sa.String(length=20), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("return_reason", sa.String(length=140), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["money_batch.id"], name=op.f("fk_money_batch_item_batch_id_money_batch")
        ),
        sa.ForeignKeyConstraint(
            ["issuance_id"],
            ["money_issuance.id"],
            name=op.f("fk_money_batch_item_issuance_id_money_issuance"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_batch_item")),
        sa.UniqueConstraint("end_to_end_id", name=op.f("uq_money_batch_item_end_to_end_id")),
        sa.UniqueConstraint("issuance_id", "attempt", name=op.f("uq_money_batch_item_issuance_id_attempt")),
    )
    with op.batch_alter_table("money_batch_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_batch_item_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "money_cheque",
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("issuance_id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("payee_name", sa.String(length=140), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["money_batch.id"], name=op.f("fk_money_cheque_batch_id_money_batch")
        ),
        sa.ForeignKeyConstraint(
            ["issuance_id"], ["money_issuance.id"], name=op.f("fk_money_cheque_issuance_id_money_issuance")
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_money_cheque")),
    )
    with op.batch_alter_table("money_cheque", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_cheque_batch_id"), ["batch_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_money_cheque_issuance_id"), ["issuance_id"], unique=False)

    op.create_table(
        "money_recovery",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("overpayment_id", sa.Uuid(), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("issuance_id", sa.Uuid(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["overpayment_id"],
            ["money_overpayment.id"],
            name=op.f("fk_money_recovery_overpayment_id_money_overpayment"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_recovery")),
    )
    with op.batch_alter_table("money_recovery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_money_recovery_issuance_id"), ["issuance_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_money_recovery_overpayment_id"), ["overpayment_id"], unique=False
        )

    op.create_table(
        "case_conference_participant",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("conference_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["conference_id"],
            ["case_conference.id"],
            name=op.f("fk_case_conference_participant_conference_id_case_conference"),
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_case_conference_participant_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_conference_participant")),
    )
    with op.batch_alter_table("case_conference_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_conference_participant_conference_id"), ["conference_id"], unique=False
        )

    op.create_table(
        "investigation",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("application_id", sa.Uuid(), nullable=True),
        sa.Column("allegation", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("source_detail", sa.Text(), nullable=True),
        sa.Column("referral_id", sa.Uuid(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("assigned_to_id", sa.Uuid(), nullable=True),
        sa.Column("opened_by", sa.String(length=100), nullable=False),
        sa.Column("finding", sa.String(length=20), nullable=True),
        sa.Column("finding_reason", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_id", sa.Uuid(), nullable=True),
        sa.Column("overpayment_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_investigation_application_id_application")
        ),
        sa.ForeignKeyConstraint(
            ["assigned_to_id"], ["staff.id"], name=op.f("fk_investigation_assigned_to_id_staff")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_investigation_person_id_person")),
        sa.ForeignKeyConstraint(
            ["referral_id"], ["referral.id"], name=op.f("fk_investigation_referral_id_referral")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"], ["case_review.id"], name=op.f("fk_investigation_review_id_case_review")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_investigation")),
    )
    with op.batch_alter_table("investigation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_investigation_person_id_created_at"), ["person_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_investigation_status_assigned_to_id"), ["status", "assigned_to_id"], unique=False
        )

    op.create_table(
        "investigation_evidence",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("investigation_id", sa.Uuid(), nullable=False),
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_investigation_evidence_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["investigation_id"],
            ["investigation.id"],
            name=op.f("fk_investigation_evidence_investigation_id_investigation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_investigation_evidence")),
    )
    with op.batch_alter_table("investigation_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_investigation_evidence_investigation_id"), ["investigation_id"], unique=False
        )

    op.create_table(
        "investigation_interview",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("investigation_id", sa.Uuid(), nullable=False),
        sa.Column("interviewee_id", sa.Uuid(), nullable=True),
        sa.Column("interviewee_name", sa.String(length=200), nullable=True),
        sa.Column("held_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cautioned", sa.Boolean(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("interviewer", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["interviewee_id"], ["person.id"], name=op.f("fk_investigation_interview_interviewee_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["investigation_id"],
            ["investigation.id"],
            name=op.f("fk_investigation_interview_investigation_id_investigation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_investigation_interview")),
    )
    with op.batch_alter_table("investigation_interview", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_investigation_interview_investigation_id"), ["investigation_id"], unique=False
        )

    # Decisions are records (design decision 4): the database itself refuses edits.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER decision_immutable BEFORE UPDATE ON decision FOR EACH ROW WHEN OLD.superseded_by_id IS NOT NULL OR (NEW.id IS NOT OLD.id OR NEW.application_id IS NOT OLD.application_id OR NEW.seq IS NOT OLD.seq OR NEW.program IS NOT OLD.program OR NEW.jurisdiction IS NOT OLD.jurisdiction OR NEW.unit_id IS NOT OLD.unit_id OR NEW.applicant_id IS NOT OLD.applicant_id OR NEW.basis IS NOT OLD.basis OR NEW.source_type IS NOT OLD.source_type OR NEW.source_id IS NOT OLD.source_id OR NEW.action IS NOT OLD.action OR NEW.outcome IS NOT OLD.outcome OR NEW.effective_from IS NOT OLD.effective_from OR NEW.monthly_amount_cents IS NOT OLD.monthly_amount_cents OR NEW.computed_status IS NOT OLD.computed_status OR NEW.computed_monthly_cents IS NOT OLD.computed_monthly_cents OR NEW.amounts IS NOT OLD.amounts OR NEW.case_data IS NOT OLD.case_data OR NEW.provenance IS NOT OLD.provenance OR NEW.explanation IS NOT OLD.explanation OR NEW.parameters IS NOT OLD.parameters OR NEW.text_en IS NOT OLD.text_en OR NEW.text_fr IS NOT OLD.text_fr OR NEW.rules_version IS NOT OLD.rules_version OR NEW.program_version IS NOT OLD.program_version OR NEW.overridden IS NOT OLD.overridden OR NEW.override_reason IS NOT OLD.override_reason OR NEW.approval_required IS NOT OLD.approval_required OR NEW.approved_by IS NOT OLD.approved_by OR NEW.approved_by_id IS NOT OLD.approved_by_id OR NEW.approved_at IS NOT OLD.approved_at OR NEW.appeal_deadline IS NOT OLD.appeal_deadline OR NEW.appeal IS NOT OLD.appeal OR NEW.alternatives IS NOT OLD.alternatives OR NEW.entitlement_id IS NOT OLD.entitlement_id OR NEW.note IS NOT OLD.note OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_by_id IS NOT OLD.decided_by_id OR NEW.decided_at IS NOT OLD.decided_at OR NEW.supersedes_id IS NOT OLD.supersedes_id) BEGIN SELECT RAISE(ABORT, 'decisions are immutable: only the supersession link may be set, once'); END"
        )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION decision_immutable() RETURNS trigger AS $$ BEGIN IF OLD.superseded_by_id IS NOT NULL OR (to_jsonb(NEW) - 'superseded_at' - 'superseded_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'superseded_at' - 'superseded_by_id') THEN RAISE EXCEPTION 'decisions are immutable: only the supersession link may be set, once'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER decision_immutable BEFORE UPDATE ON decision FOR EACH ROW EXECUTE FUNCTION decision_immutable()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS decision_immutable ON decision")
        op.execute("DROP FUNCTION IF EXISTS decision_immutable()")
    with op.batch_alter_table("investigation_interview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_investigation_interview_investigation_id"))

    op.drop_table("investigation_interview")
    with op.batch_alter_table("investigation_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_investigation_evidence_investigation_id"))

    op.drop_table("investigation_evidence")
    with op.batch_alter_table("investigation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_investigation_status_assigned_to_id"))
        batch_op.drop_index(batch_op.f("ix_investigation_person_id_created_at"))

    op.drop_table("investigation")
    with op.batch_alter_table("case_conference_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_conference_participant_conference_id"))

    op.drop_table("case_conference_participant")
    with op.batch_alter_table("money_recovery", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_recovery_overpayment_id"))
        batch_op.drop_index(batch_op.f("ix_money_recovery_issuance_id"))

    op.drop_table("money_recovery")
    with op.batch_alter_table("money_cheque", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_cheque_issuance_id"))
        batch_op.drop_index(batch_op.f("ix_money_cheque_batch_id"))

    op.drop_table("money_cheque")
    with op.batch_alter_table("money_batch_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_batch_item_batch_id"))

    op.drop_table("money_batch_item")
    with op.batch_alter_table("interaction_reason", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_reason_code"))

    op.drop_table("interaction_reason")
    with op.batch_alter_table("decision_override_request", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_decision_override_request_pending",
            sqlite_where=sa.text("status = 'pending'"),
            postgresql_where=sa.text("status = 'pending'"),
        )
        batch_op.drop_index(batch_op.f("ix_decision_override_request_status_office_id"))

    op.drop_table("decision_override_request")
    with op.batch_alter_table("case_review", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_case_review_waiting_periodic",
            sqlite_where=sa.text("kind = 'periodic' AND status IN ('scheduled', 'due')"),
            postgresql_where=sa.text("kind = 'periodic' AND status IN ('scheduled', 'due')"),
        )
        batch_op.drop_index(batch_op.f("ix_case_review_status_due_on"))
        batch_op.drop_index(batch_op.f("ix_case_review_person_id_due_on"))

    op.drop_table("case_review")
    with op.batch_alter_table("case_conference", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_conference_person_id_held_on"))

    op.drop_table("case_conference")
    with op.batch_alter_table("appeal", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_appeal_open_decision",
            sqlite_where=sa.text("status IN ('filed', 'hearing_scheduled')"),
            postgresql_where=sa.text("status IN ('filed', 'hearing_scheduled')"),
        )
        batch_op.drop_index(batch_op.f("ix_appeal_status_hearing_on"))
        batch_op.drop_index(batch_op.f("ix_appeal_person_id_filed_on"))

    op.drop_table("appeal")
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_target_id_status"))
        batch_op.drop_index(
            batch_op.f("ix_referral_specialist_id_status"),
            sqlite_where=sa.text("specialist_id IS NOT NULL"),
            postgresql_where=sa.text("specialist_id IS NOT NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_referral_person_id_created_at"))

    op.drop_table("referral")
    with op.batch_alter_table("money_overpayment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_overpayment_unit_id"))
        batch_op.drop_index(batch_op.f("ix_money_overpayment_state"))

    op.drop_table("money_overpayment")
    with op.batch_alter_table("money_issuance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_issuance_unit_id"))
        batch_op.drop_index("ix_money_issuance_state_pay_date")
        batch_op.drop_index(batch_op.f("ix_money_issuance_entitlement_id"))

    op.drop_table("money_issuance")
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interaction_person_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_interaction_office_id_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_interaction_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_interaction_channel_person_id_occurred_at"))

    op.drop_table("interaction")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_decision_current_application",
            sqlite_where=sa.text("superseded_at IS NULL"),
            postgresql_where=sa.text("superseded_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_decision_unit_id_program_decided_at"))
        batch_op.drop_index(batch_op.f("ix_decision_applicant_id_decided_at"))

    op.drop_table("decision")
    with op.batch_alter_table("application_fact", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_application_fact_current_path",
            sqlite_where=sa.text("replaced_at IS NULL"),
            postgresql_where=sa.text("replaced_at IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_application_fact_document_id"))

    op.drop_table("application_fact")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_person_id_status_due_on"))
        batch_op.drop_index(batch_op.f("ix_task_office_id_status_due_on"))
        batch_op.drop_index(batch_op.f("ix_task_assignee_id_status_due_on"))

    op.drop_table("task")
    op.drop_table("screening_step")
    op.drop_table("outcome_plan_revision")
    with op.batch_alter_table("money_invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_invoice_unit_id"))

    op.drop_table("money_invoice")
    with op.batch_alter_table("money_entitlement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_entitlement_unit_id"))
        batch_op.drop_index(batch_op.f("ix_money_entitlement_series_id"))
        batch_op.drop_index(batch_op.f("ix_money_entitlement_active"))

    op.drop_table("money_entitlement")
    with op.batch_alter_table("client_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_token_account_id"))

    op.drop_table("client_token")
    with op.batch_alter_table("caseload_assignment", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_caseload_assignment_current_person",
            sqlite_where=sa.text("ended_on IS NULL"),
            postgresql_where=sa.text("ended_on IS NULL"),
        )
        batch_op.drop_index(batch_op.f("ix_caseload_assignment_staff_id_ended_on"))
        batch_op.drop_index(batch_op.f("ix_caseload_assignment_person_id_started_on"))

    op.drop_table("caseload_assignment")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_unit_id_program_status"))
        batch_op.drop_index(batch_op.f("ix_application_status_received_on"))
        batch_op.drop_index(batch_op.f("ix_application_applicant_id_created_at"))

    op.drop_table("application")
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_token_staff_id"))

    op.drop_table("api_token")
    with op.batch_alter_table("unit_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_unit_membership_unit_id"))
        batch_op.drop_index(batch_op.f("ix_unit_membership_person_id"))

    op.drop_table("unit_membership")
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_office_id"))

    op.drop_table("staff")
    with op.batch_alter_table("service_assessment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_assessment_person_id_program_id_assessed_at"))

    op.drop_table("service_assessment")
    with op.batch_alter_table("screening_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_session_person_id_created_at"))
        batch_op.drop_index(batch_op.f("ix_screening_session_created_by_id_status"))

    op.drop_table("screening_session")
    with op.batch_alter_table("person_safety_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_safety_flag_person_id"))

    op.drop_table("person_safety_flag")
    with op.batch_alter_table("person_name_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name_key_person_id"))

    op.drop_table("person_name_key")
    with op.batch_alter_table("person_identifier", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_identifier_person_id"))
        batch_op.drop_index("ix_person_identifier_kind_blind_index")

    op.drop_table("person_identifier")
    with op.batch_alter_table("person_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_contact_person_id"))
        batch_op.drop_index("ix_person_contact_kind_value")

    op.drop_table("person_contact")
    with op.batch_alter_table("person_consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_consent_person_id"))

    op.drop_table("person_consent")
    with op.batch_alter_table("person_address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_address_person_id"))

    op.drop_table("person_address")
    with op.batch_alter_table("outcome_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outcome_plan_person_id_status"))

    op.drop_table("outcome_plan")
    with op.batch_alter_table("money_payee", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_payee_person_id"))

    op.drop_table("money_payee")
    with op.batch_alter_table("money_journal_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_journal_line_issuance_id"))
        batch_op.drop_index(batch_op.f("ix_money_journal_line_entry_id"))
        batch_op.drop_index("ix_money_journal_line_account")

    op.drop_table("money_journal_line")
    op.drop_table("money_budget")
    with op.batch_alter_table("money_bank_return", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_bank_return_batch_id"))

    op.drop_table("money_bank_return")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_sha256"))
        batch_op.drop_index(batch_op.f("ix_document_person_id_created_at"))
        batch_op.drop_index(
            batch_op.f("ix_document_application_id"),
            sqlite_where=sa.text("application_id IS NOT NULL"),
            postgresql_where=sa.text("application_id IS NOT NULL"),
        )

    op.drop_table("document")
    with op.batch_alter_table("client_account", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_account_person_id"))

    op.drop_table("client_account")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_merged_into_id"))
        batch_op.drop_index(batch_op.f("ix_person_birth_date"))

    op.drop_table("person")
    op.drop_table("office")
    with op.batch_alter_table("money_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_notice_unit_id"))

    op.drop_table("money_notice")
    op.drop_table("money_journal_entry")
    op.drop_table("money_closed_period")
    op.drop_table("money_batch")
    with op.batch_alter_table("money_approval", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_money_approval_subject_id"))
        batch_op.drop_index(batch_op.f("ix_money_approval_state"))

    op.drop_table("money_approval")
    op.drop_table("interaction_reason_code")
    op.drop_table("client_outbox")
    op.drop_table("benefit_unit")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_subject_type_subject_id"))
        batch_op.drop_index(batch_op.f("ix_audit_event_occurred_at"))
        batch_op.drop_index(batch_op.f("ix_audit_event_actor_staff_id"))

    op.drop_table("audit_event")
    op.drop_table("audit_chain_head")
