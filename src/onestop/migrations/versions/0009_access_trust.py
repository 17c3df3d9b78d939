"""access trust: a portal account reaches a registry record only once an officer links it with an
identity check (issue #10, part 3)

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("client_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("linked_person_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("identity_document_type", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("identity_last_digits", sa.String(length=4), nullable=True))
        batch_op.add_column(sa.Column("identity_checked_by", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("identity_checked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_client_account_linked_person_id"), ["linked_person_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_client_account_linked_person_id_person"), "person", ["linked_person_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("client_account", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_client_account_linked_person_id_person"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_client_account_linked_person_id"))
        batch_op.drop_column("identity_checked_at")
        batch_op.drop_column("identity_checked_by")
        batch_op.drop_column("identity_last_digits")
        batch_op.drop_column("identity_document_type")
        batch_op.drop_column("linked_person_id")
