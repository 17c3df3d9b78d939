"""Trust in files (issue 10, parts 2 and 4): staff linked to a registry record (conflicts of
interest), restricted files, and break-glass openings of them with their review.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person_restriction",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lifted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lifted_by", sa.String(length=100), nullable=True),
        sa.Column("lift_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_restriction_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_restriction")),
    )
    with op.batch_alter_table("person_restriction", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_restriction_person_id"), ["person_id"], unique=False)

    op.create_table(
        "file_access_grant",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by", sa.String(length=100), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_file_access_grant_person_id_person")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_file_access_grant_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_access_grant")),
    )
    with op.batch_alter_table("file_access_grant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_file_access_grant_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_file_access_grant_reviewed_at"), ["reviewed_at"], unique=False)
        batch_op.create_index(
            "ix_file_access_grant_staff_id_person_id", ["staff_id", "person_id"], unique=False
        )

    op.create_table(
        "staff_person_link",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("linked_by", sa.String(length=100), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_by", sa.String(length=100), nullable=True),
        sa.Column("removal_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_staff_person_link_person_id_person")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_staff_person_link_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_person_link")),
    )
    with op.batch_alter_table("staff_person_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_person_link_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_staff_person_link_staff_id"), ["staff_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_person_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_person_link_staff_id"))
        batch_op.drop_index(batch_op.f("ix_staff_person_link_person_id"))

    op.drop_table("staff_person_link")
    with op.batch_alter_table("file_access_grant", schema=None) as batch_op:
        batch_op.drop_index("ix_file_access_grant_staff_id_person_id")
        batch_op.drop_index(batch_op.f("ix_file_access_grant_reviewed_at"))
        batch_op.drop_index(batch_op.f("ix_file_access_grant_person_id"))

    op.drop_table("file_access_grant")
    with op.batch_alter_table("person_restriction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_restriction_person_id"))

    op.drop_table("person_restriction")
