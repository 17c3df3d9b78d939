"""client sessions: portal sign-ins kept on the server (token hash, lifetime, last activity, sign-out)

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "client_session",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["account_id"], ["client_account.id"], name=op.f("fk_client_session_account_id_client_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_session")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_client_session_token_hash")),
    )
    with op.batch_alter_table("client_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_session_account_id"), ["account_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("client_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_session_account_id"))
    op.drop_table("client_session")
