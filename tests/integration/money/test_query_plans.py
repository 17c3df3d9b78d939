"""The payment-file export stays linear at a million items: its keyset page walks the
``(batch_id, seq)`` index (issue 16). On PostgreSQL the plan is asked for with sequential scans
disabled, so a small test table gets the plan a big one gets; without the index the plan names
another path (or a sort of the whole batch) and this fails."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from onestop.money import repository
from onestop.money.domain import PaymentMethod

PAGE = repository.export_page(
    uuid.uuid4(), [PaymentMethod.DIRECT_DEPOSIT.value], after_seq=500_000, chunk=1000
)


def _plan(container, backend: str) -> str:
    with container.uow() as uow:
        bind = uow.session.get_bind()
        sql = str(PAGE.compile(bind, compile_kwargs={"literal_binds": True}))
        if backend == "postgresql":
            uow.session.execute(text("SET LOCAL enable_seqscan = off"))
            rows = uow.session.execute(text("EXPLAIN " + sql)).all()
        else:
            rows = uow.session.execute(text("EXPLAIN QUERY PLAN " + sql)).all()
    return "\n".join(" ".join(str(c) for c in row) for row in rows)


def test_the_export_page_walks_the_batch_order_index(container, backend):
    plan = _plan(container, backend)
    if backend == "postgresql":
        assert "Index Scan using uq_money_batch_item_batch_seq" in plan, plan
    else:  # SQLite names a unique constraint's index itself; it shows the columns it searches on
        assert "SEARCH money_batch_item USING INDEX" in plan and "(batch_id=? AND seq>?)" in plan, plan
    assert "TEMP B-TREE FOR ORDER BY" not in plan and "Sort" not in plan, plan  # file order from the index


def test_a_page_is_bounded():
    """Each page reads at most ``chunk`` items, so memory stays flat however big the batch."""
    assert " LIMIT " in str(PAGE.compile()).replace("\n", " ")
