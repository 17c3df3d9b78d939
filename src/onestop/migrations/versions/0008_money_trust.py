"""money trust: an entitlement's decision is a real foreign key; entitlements and payees set up by
hand carry an approval state (nothing is paid until a second person approves)

Revision ID: 0008
Revises: 0007

Rows that already exist were in force, so they are ``approved``. An entitlement pointing at a
decision that does not exist (possible before this revision: there was no foreign key) loses the
link rather than blocking the upgrade.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "UPDATE money_entitlement SET decision_id = NULL WHERE decision_id IS NOT NULL "
        "AND decision_id NOT IN (SELECT id FROM decision)"
    )
    with op.batch_alter_table("money_entitlement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=20), server_default="approved", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_money_entitlement_decision_id"), ["decision_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_money_entitlement_decision_id_decision"), "decision", ["decision_id"], ["id"]
        )
    with op.batch_alter_table("money_payee", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=20), server_default="approved", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("money_payee", schema=None) as batch_op:
        batch_op.drop_column("state")
    with op.batch_alter_table("money_entitlement", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_money_entitlement_decision_id_decision"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_money_entitlement_decision_id"))
        batch_op.drop_column("state")
