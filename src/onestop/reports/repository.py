"""The monthly report's queries: counts and sums grouped by the database, read from the records.

Every query takes the month's window and an optional office (by id). Timestamps are compared with
the month's UTC instants, dates with its first and next-first days.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from onestop.access import Office
from onestop.cases.appeals import Appeal
from onestop.cases.applications import Application
from onestop.cases.decisions import Decision
from onestop.cases.interactions import Interaction, InteractionReason
from onestop.cases.reviews import Review
from onestop.cases.tasks import Task
from onestop.money import Entitlement, Issuance, Overpayment, Recovery
from onestop.reports.domain import Month

PAID_STATES = ("approved", "batched", "exported", "paid")  # issued; pending, rejected, cancelled are not


class ReportRepository:
    """Read-only queries over other areas' tables (reports own no table)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def office_id(self, code: str) -> uuid.UUID | None:
        """An office's id by its code."""
        return self.session.scalar(select(Office.id).where(Office.code == code))

    def office_codes(self) -> dict[uuid.UUID, str]:
        """Every office's code by id."""
        return {row[0]: row[1] for row in self.session.execute(select(Office.id, Office.code))}

    def _pairs(self, stmt: Any) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.session.execute(stmt)]

    # --- contacts ---------------------------------------------------------------------------------

    def interactions(
        self, m: Month, office: uuid.UUID | None
    ) -> list[tuple[uuid.UUID, str, uuid.UUID | None, dt.datetime]]:
        """(id, channel, office, occurred_at) of the month's contacts."""
        stmt = select(
            Interaction.id, Interaction.channel, Interaction.office_id, Interaction.occurred_at
        ).where(Interaction.occurred_at >= m.start, Interaction.occurred_at < m.end)
        if office:
            stmt = stmt.where(Interaction.office_id == office)
        return self._pairs(stmt)

    def reasons(self, m: Month, office: uuid.UUID | None) -> list[tuple[str, int]]:
        """(reason code, contacts) of the month (a contact may give several reasons)."""
        stmt = (
            select(InteractionReason.code, func.count())
            .join(Interaction, Interaction.id == InteractionReason.interaction_id)
            .where(Interaction.occurred_at >= m.start, Interaction.occurred_at < m.end)
            .group_by(InteractionReason.code)
        )
        if office:
            stmt = stmt.where(Interaction.office_id == office)
        return self._pairs(stmt)

    # --- applications and decisions ---------------------------------------------------------------

    def applications_received(self, m: Month, office: uuid.UUID | None) -> list[tuple[str, int]]:
        """(program, applications received in the month)."""
        stmt = (
            select(Application.program, func.count())
            .where(Application.received_on >= m.first, Application.received_on < m.next_first)
            .group_by(Application.program)
        )
        if office:
            stmt = stmt.where(Application.office_id == office)
        return self._pairs(stmt)

    def decisions(self, m: Month, office: uuid.UUID | None) -> list[tuple[str, str, int]]:
        """(program, outcome, decisions made in the month)."""
        stmt = (
            select(Decision.program, Decision.outcome, func.count())
            .join(Application, Application.id == Decision.application_id)
            .where(Decision.decided_at >= m.start, Decision.decided_at < m.end)
            .group_by(Decision.program, Decision.outcome)
        )
        if office:
            stmt = stmt.where(Application.office_id == office)
        return self._pairs(stmt)

    def first_decisions(self, m: Month, office: uuid.UUID | None) -> list[tuple[dt.date, dt.datetime]]:
        """(received on, decided at) of the applications first decided in the month."""
        stmt = (
            select(Application.received_on, Decision.decided_at)
            .join(Application, Application.id == Decision.application_id)
            .where(Decision.seq == 1, Decision.decided_at >= m.start, Decision.decided_at < m.end)
        )
        if office:
            stmt = stmt.where(Application.office_id == office)
        return self._pairs(stmt)

    def in_force_at_end(self, m: Month, office: uuid.UUID | None) -> list[tuple[str, str, int]]:
        """(program, outcome, decisions in force at the end of the month): the caseload."""
        stmt = (
            select(Decision.program, Decision.outcome, func.count())
            .join(Application, Application.id == Decision.application_id)
            .where(
                Decision.decided_at < m.end,
                or_(Decision.superseded_at.is_(None), Decision.superseded_at >= m.end),
            )
            .group_by(Decision.program, Decision.outcome)
        )
        if office:
            stmt = stmt.where(Application.office_id == office)
        return self._pairs(stmt)

    def applications_by_status(self, m: Month, office: uuid.UUID | None) -> list[tuple[str, int]]:
        """(status, applications) of those received by the end of the month, as they stand now."""
        stmt = select(Application.status, func.count()).where(Application.received_on < m.next_first)
        if office:
            stmt = stmt.where(Application.office_id == office)
        return self._pairs(stmt.group_by(Application.status))

    # --- tasks and reviews ------------------------------------------------------------------------

    def tasks(self, m: Month, office: uuid.UUID | None) -> dict[str, int]:
        """Tasks created and closed in the month; open and overdue at its end."""

        def count(*where: Any) -> int:
            stmt = select(func.count()).select_from(Task).where(*where)
            if office:
                stmt = stmt.where(Task.office_id == office)
            return int(self.session.scalar(stmt) or 0)

        open_at_end = and_(Task.created_at < m.end, or_(Task.closed_at.is_(None), Task.closed_at >= m.end))
        return {
            "created": count(Task.created_at >= m.start, Task.created_at < m.end),
            "done": count(Task.status == "done", Task.closed_at >= m.start, Task.closed_at < m.end),
            "cancelled": count(Task.status == "cancelled", Task.closed_at >= m.start, Task.closed_at < m.end),
            "open_at_end": count(open_at_end),
            "overdue_at_end": count(open_at_end, Task.due_on < m.next_first),
        }

    def reviews(self, m: Month, office: uuid.UUID | None) -> dict[str, Any]:
        """Reviews completed in the month (by result) and overdue at its end (due, not completed by then)."""

        def scoped(stmt: Any) -> Any:
            if office:
                stmt = stmt.join(Application, Application.id == Review.application_id).where(
                    Application.office_id == office
                )
            return stmt

        done = scoped(
            select(Review.result, func.count())
            .where(Review.completed_at >= m.start, Review.completed_at < m.end)
            .group_by(Review.result)
        )
        overdue = scoped(
            select(func.count())
            .select_from(Review)
            .where(
                Review.due_on < m.next_first,
                Review.created_at < m.end,
                Review.status != "cancelled",
                or_(Review.completed_at.is_(None), Review.completed_at >= m.end),
            )
        )
        by_result = {str(r or "none"): int(n) for r, n in self.session.execute(done)}
        return {
            "completed": sum(by_result.values()),
            "completed_by_result": by_result,
            "overdue_at_end": int(self.session.scalar(overdue) or 0),
        }

    # --- money ------------------------------------------------------------------------------------

    def payments(self, m: Month, office: uuid.UUID | None) -> list[tuple[str, str, int, int]]:
        """(program, method, issuances, net cents) paid out with a pay date in the month."""
        stmt = (
            select(Issuance.program, Issuance.method, func.count(), func.sum(Issuance.net_cents))
            .where(
                Issuance.pay_date >= m.first,
                Issuance.pay_date < m.next_first,
                Issuance.state.in_(PAID_STATES),
            )
            .group_by(Issuance.program, Issuance.method)
        )
        if office:
            stmt = stmt.where(Issuance.office_id == office)
        return self._pairs(stmt)

    def overpayments(self, m: Month, office: uuid.UUID | None) -> dict[str, int]:
        """Overpayments raised in the month (count, cents), amounts recovered and written off in it."""
        raised = select(func.count(), func.coalesce(func.sum(Overpayment.amount_cents), 0)).where(
            Overpayment.created_at >= m.start, Overpayment.created_at < m.end
        )
        recovered = (
            select(Recovery.method, func.count(), func.coalesce(func.sum(Recovery.amount_cents), 0))
            .join(Overpayment, Overpayment.id == Recovery.overpayment_id)
            .where(Recovery.recorded_at >= m.start, Recovery.recorded_at < m.end)
            .group_by(Recovery.method)
        )
        if office:
            scope = Overpayment.entitlement_id.in_(
                select(Entitlement.id).where(Entitlement.office_id == office)
            )
            raised, recovered = raised.where(scope), recovered.where(scope)
        count, cents = self.session.execute(raised).one()
        out = {
            "raised": int(count),
            "raised_cents": int(cents),
            "recoveries": 0,
            "recovered_cents": 0,
            "write_offs": 0,
            "written_off_cents": 0,
        }
        for method, n, total in self.session.execute(recovered):
            write_off = method == "write_off"
            key = ("write_offs", "written_off_cents") if write_off else ("recoveries", "recovered_cents")
            out[key[0]] += int(n)
            out[key[1]] += int(total)
        return out

    # --- appeals ----------------------------------------------------------------------------------

    def appeals(self, m: Month, office: uuid.UUID | None) -> dict[str, Any]:
        """Appeals filed in the month, and those decided in it by outcome."""

        def scoped(stmt: Any) -> Any:
            if office:
                stmt = stmt.join(Application, Application.id == Appeal.application_id).where(
                    Application.office_id == office
                )
            return stmt

        in_month = and_(Appeal.filed_on >= m.first, Appeal.filed_on < m.next_first)
        filed = scoped(select(func.count()).select_from(Appeal).where(in_month))
        decided = scoped(
            select(Appeal.outcome, func.count())
            .where(Appeal.decided_on >= m.first, Appeal.decided_on < m.next_first)
            .group_by(Appeal.outcome)
        )
        outcomes = {str(o or "none"): int(n) for o, n in self.session.execute(decided)}
        return {
            "filed": int(self.session.scalar(filed) or 0),
            "decided": sum(outcomes.values()),
            "outcomes": outcomes,
        }
