"""Spending authority as configuration (``config/authority.yaml``), checked in services.

``check_authority`` answers before anything is submitted, so a page can say "this needs a
supervisor" while the officer is still typing; services call it again and enforce it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import Any

import yaml

from onestop.access import Actor, Role
from onestop.common.errors import InvalidInput
from onestop.common.money import format_cents, to_cents
from onestop.money.domain import PaymentType

ANY = "*"


@dataclass(frozen=True)
class Rule:
    """One line of the authority table."""

    role: Role
    payment_type: str
    program: str
    max_cents: int | None = None
    max_nights: int | None = None
    approver: Role | None = None

    def specificity(self) -> int:
        """Exact program and type beat wildcards."""
        return (self.program != ANY) * 2 + (self.payment_type != ANY)


@dataclass(frozen=True)
class AuthorityPolicy:
    """The whole authority configuration."""

    rules: tuple[Rule, ...]
    new_officer_days: int
    new_officer_sample_share: Decimal
    #: Payment type -> ``day`` or ``month``: limits count what the unit already got of that type in
    #: the same period (so four $999 payments in a day are $3,996 against the limit, not $999 each).
    periods: dict[str, str] = field(default_factory=dict)

    def period_of(self, payment_type: str, day: dt.date) -> tuple[dt.date, dt.date] | None:
        """The first and last day of the period ``day`` falls in for this payment type (None: per payment)."""
        kind = self.periods.get(payment_type)
        if kind == "day":
            return day, day
        if kind == "month":
            first = day.replace(day=1)
            following = (first + dt.timedelta(days=32)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        return None

    def rule_for(self, role: Role, payment_type: str, program: str) -> Rule | None:
        """The most specific rule for a role, payment type and program."""
        found = [
            r
            for r in self.rules
            if r.role == role and r.payment_type in (payment_type, ANY) and r.program in (program, ANY)
        ]
        return max(found, key=Rule.specificity) if found else None


@dataclass(frozen=True)
class AuthorityDecision:
    """Whether the actor may issue this alone and, if not, whose approval it needs and why."""

    allowed: bool
    needs_approval_by_role: Role | None
    limit: int | None  # cents, or nights for shelter; None = no limit (or no authority at all)
    reason: str


def _rule(raw: dict[str, Any]) -> Rule:
    max_amount = raw.get("max_amount")
    return Rule(
        role=Role(raw["role"]),
        payment_type=str(raw.get("payment_type", ANY)),
        program=str(raw.get("program", ANY)),
        max_cents=None if max_amount is None else to_cents(str(max_amount), field="max_amount"),
        max_nights=raw.get("max_nights"),
        approver=Role(raw["approver"]) if raw.get("approver") else None,
    )


def parse_policy(data: dict[str, Any]) -> AuthorityPolicy:
    """Build a policy from the YAML document (tests pass their own)."""
    share = Decimal(str(data.get("new_officer_sample_share", "0")))
    if not Decimal(0) <= share <= Decimal(1):
        raise InvalidInput("new_officer_sample_share", "must be between 0 and 1")
    periods = {str(k): str(v) for k, v in (data.get("periods") or {}).items()}
    for kind, period in periods.items():
        if period not in ("day", "month"):
            raise InvalidInput("periods", f"{kind}: the period must be day or month, not {period!r}")
    return AuthorityPolicy(
        rules=tuple(_rule(r) for r in data.get("rules", [])),
        new_officer_days=int(data.get("new_officer_days", 0)),
        new_officer_sample_share=share,
        periods=periods,
    )


@functools.cache
def default_policy() -> AuthorityPolicy:
    """The packaged configuration, read once."""
    text = resources.files("onestop.money").joinpath("config/authority.yaml").read_text(encoding="utf-8")
    return parse_policy(yaml.safe_load(text))


def _within(
    rule: Rule, amount_cents: int | None, nights: int | None, already_cents: int
) -> tuple[bool, int | None, str]:
    if rule.max_nights is not None:
        if nights is None:
            raise InvalidInput("nights", "is required for this payment type")
        ok = nights <= rule.max_nights
        return ok, rule.max_nights, f"{nights} nights against a limit of {rule.max_nights}"
    if rule.max_cents is not None:
        if amount_cents is None:
            raise InvalidInput("amount_cents", "is required to check this payment type's limit")
        cents = amount_cents + already_cents
        ok = cents <= rule.max_cents
        earlier = f" (${format_cents(already_cents)} already this period)" if already_cents else ""
        return (
            ok,
            rule.max_cents,
            f"${format_cents(cents)}{earlier} against a limit of ${format_cents(rule.max_cents)}",
        )
    return True, None, "no limit"


def check_authority(
    actor: Actor,
    payment_type: PaymentType | str,
    program: str,
    amount_cents: int | None = None,
    *,
    nights: int | None = None,
    policy: AuthorityPolicy | None = None,
    already_cents: int = 0,
) -> AuthorityDecision:
    """May ``actor`` issue this on their own? If not, which role must approve (callable before submit).

    ``already_cents`` is what the same unit already has of this payment type in the period the
    policy sets for it (issued or waiting for approval): limits are cumulative, so splitting a
    payment does not get round them.
    """
    policy = policy or default_policy()
    kind = PaymentType(payment_type).value
    if actor.staff_id is None and not actor.roles:
        return AuthorityDecision(True, None, None, "system actor: configured jobs run within policy")
    best: AuthorityDecision | None = None
    for role in sorted(actor.roles):
        rule = policy.rule_for(role, kind, program)
        if rule is None:
            continue
        ok, limit, why = _within(rule, amount_cents, nights, already_cents)
        if ok:
            return AuthorityDecision(True, None, limit, f"within the {role.value} authority: {why}")
        approver = rule.approver or Role.SUPERVISOR
        if best is None or (limit or 0) > (best.limit or 0):
            best = AuthorityDecision(False, approver, limit, f"over the {role.value} authority: {why}")
    if best is not None:
        return best
    return AuthorityDecision(False, Role.SUPERVISOR, None, f"no authority configured to issue {kind}")
