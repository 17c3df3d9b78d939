"""money: batch items leave half of each page free (issue 16, figure 3)

The export changes every item's ``state``, a column no index holds: with room on the page
PostgreSQL keeps the new version there and adds no index entries (a HOT update), where a full page
cost four index insertions per item. SQLite has no such setting.

Revision ID: 0025_batch_item_fillfactor
Revises: 0024_former_names
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0025_batch_item_fillfactor"
down_revision: str | None = "0024_former_names"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE money_batch_item SET (fillfactor = 50)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE money_batch_item RESET (fillfactor)")
