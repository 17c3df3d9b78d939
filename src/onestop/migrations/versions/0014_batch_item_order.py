"""A batch item's place in its file is unique per batch, and indexed: the payment-file export pages
through the items by ``(batch_id, seq)`` (issue 16: without the index, a 1M-item export is quadratic);
the batch_id-only index goes (the new one serves lookups by batch).

Revision ID: 0014
Revises: 0012
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The one index on batch_id is the (batch_id, seq) one: with a second, batch_id-only index the
    # planner may take that and sort the whole remaining batch for every page.
    with op.batch_alter_table("money_batch_item") as batch:
        batch.create_unique_constraint("uq_money_batch_item_batch_seq", ["batch_id", "seq"])
        batch.drop_index("ix_money_batch_item_batch_id")


def downgrade() -> None:
    with op.batch_alter_table("money_batch_item") as batch:
        batch.create_index("ix_money_batch_item_batch_id", ["batch_id"])
        batch.drop_constraint("uq_money_batch_item_batch_seq", type_="unique")
