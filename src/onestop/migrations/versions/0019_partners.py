"""partners: sponsors and their contacts, projects with revisions, participant agreements, instalments
and monitoring visits; elected members' inquiries (issue 18, parts 1 and 3)

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partner_inquiry",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("member_office", sa.String(length=10), nullable=False),
        sa.Column("member_name", sa.String(length=200), nullable=False),
        sa.Column("asked_by", sa.String(length=200), nullable=False),
        sa.Column("on_behalf_of", sa.String(length=200), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("respond_by", sa.Date(), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("consent_note", sa.Text(), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("opened_by", sa.String(length=100), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("disclosed", sa.Boolean(), nullable=False),
        sa.Column("answered_by", sa.String(length=100), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_partner_inquiry_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_inquiry")),
    )
    with op.batch_alter_table("partner_inquiry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_inquiry_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_partner_inquiry_state_respond_by"), ["state", "respond_by"], unique=False
        )

    op.create_table(
        "partner_sponsor",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("payee_id", sa.Uuid(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payee_id"], ["money_payee.id"], name=op.f("fk_partner_sponsor_payee_id_money_payee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_sponsor")),
    )
    op.create_table(
        "partner_project",
        sa.Column("sponsor_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("program", sa.String(length=64), nullable=False),
        sa.Column("office_id", sa.Uuid(), nullable=True),
        sa.Column("activities", sa.Text(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("funding_cents", sa.BigInteger(), nullable=False),
        sa.Column("hr_asked", sa.Text(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("proposed_by", sa.String(length=100), nullable=False),
        sa.Column("recommendation", sa.Text(), nullable=True),
        sa.Column("recommended_by", sa.String(length=100), nullable=True),
        sa.Column("recommended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by", sa.String(length=100), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("signed_by", sa.String(length=100), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("results", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["office.id"], name=op.f("fk_partner_project_office_id_office")
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_id"], ["partner_sponsor.id"], name=op.f("fk_partner_project_sponsor_id_partner_sponsor")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_project")),
    )
    with op.batch_alter_table("partner_project", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_project_program_office_id_fiscal_year"),
            ["program", "office_id", "fiscal_year"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_partner_project_sponsor_id"), ["sponsor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_project_state"), ["state"], unique=False)

    op.create_table(
        "partner_sponsor_contact",
        sa.Column("sponsor_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=100), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sponsor_id"],
            ["partner_sponsor.id"],
            name=op.f("fk_partner_sponsor_contact_sponsor_id_partner_sponsor"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_sponsor_contact")),
    )
    with op.batch_alter_table("partner_sponsor_contact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_sponsor_contact_sponsor_id"), ["sponsor_id"], unique=False
        )

    op.create_table(
        "partner_instalment",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["partner_project.id"],
            name=op.f("fk_partner_instalment_project_id_partner_project"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_instalment")),
    )
    with op.batch_alter_table("partner_instalment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_instalment_project_id"), ["project_id"], unique=False)

    op.create_table(
        "partner_participant",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("placement", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_partner_participant_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["partner_project.id"],
            name=op.f("fk_partner_participant_project_id_partner_project"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_participant")),
    )
    with op.batch_alter_table("partner_participant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_participant_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_partner_participant_project_id"), ["project_id"], unique=False)

    op.create_table(
        "partner_project_revision",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("funding_cents", sa.BigInteger(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["partner_project.id"],
            name=op.f("fk_partner_project_revision_project_id_partner_project"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_project_revision")),
    )
    with op.batch_alter_table("partner_project_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_project_revision_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "partner_visit",
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["partner_project.id"], name=op.f("fk_partner_visit_project_id_partner_project")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_visit")),
    )
    with op.batch_alter_table("partner_visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_visit_project_id"), ["project_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("partner_visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_visit_project_id"))

    op.drop_table("partner_visit")
    with op.batch_alter_table("partner_project_revision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_project_revision_project_id"))

    op.drop_table("partner_project_revision")
    with op.batch_alter_table("partner_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_participant_project_id"))
        batch_op.drop_index(batch_op.f("ix_partner_participant_person_id"))

    op.drop_table("partner_participant")
    with op.batch_alter_table("partner_instalment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_instalment_project_id"))

    op.drop_table("partner_instalment")
    with op.batch_alter_table("partner_sponsor_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_sponsor_contact_sponsor_id"))

    op.drop_table("partner_sponsor_contact")
    with op.batch_alter_table("partner_project", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_project_state"))
        batch_op.drop_index(batch_op.f("ix_partner_project_sponsor_id"))
        batch_op.drop_index(batch_op.f("ix_partner_project_program_office_id_fiscal_year"))

    op.drop_table("partner_project")
    op.drop_table("partner_sponsor")
    with op.batch_alter_table("partner_inquiry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_inquiry_state_respond_by"))
        batch_op.drop_index(batch_op.f("ix_partner_inquiry_person_id"))

    op.drop_table("partner_inquiry")
