"""The decision policy (``config/policy.yaml``): override approval, appeal periods and alternatives.

Configuration, read once; tests pass their own. Each appeal period says where it comes from: a
published source, or ``configuration`` when the department chose it.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from onestop.cases.decisions.domain import OverridePolicy


@dataclass(frozen=True)
class AppealRule:
    """How long the client has to appeal, to whom, how, and where the period comes from."""

    days: int
    body: dict[str, str]
    how: dict[str, str]
    source: dict[str, Any]

    def deadline(self, decided_on: dt.date) -> dt.date:
        """The last day to file."""
        return decided_on + dt.timedelta(days=self.days)

    def notice(self, decided_on: dt.date) -> dict[str, Any]:
        """What the decision tells the client about appealing."""
        return {
            "days": self.days,
            "deadline": self.deadline(decided_on).isoformat(),
            "body": self.body,
            "how": self.how,
            "source": self.source,
        }


@dataclass(frozen=True)
class HowPaid:
    """A program's way of paying: ``monthly``, ``one_time`` (with the authority's payment type) or
    ``per_claim``."""

    frequency: str
    payment_type: str | None = None


@dataclass(frozen=True)
class DecisionPolicy:
    """The whole decision policy."""

    override: OverridePolicy
    appeals: dict[str, Any]
    alternatives_max: int
    alternatives_tags: tuple[str, ...]
    payments: dict[str, Any] = field(default_factory=dict)

    def how_paid(self, program: str) -> HowPaid:
        """How a program pays from an eligible decision (``payments`` in the policy; monthly by default)."""
        raw = (self.payments.get("programs") or {}).get(program) or self.payments.get("default") or {}
        return HowPaid(str(raw.get("frequency", "monthly")), raw.get("payment_type"))

    def appeal_rule(self, program: str, jurisdiction: str) -> AppealRule:
        """The most specific appeal rule: the program's, else the jurisdiction's, else the default."""
        raw = (
            (self.appeals.get("programs") or {}).get(program)
            or (self.appeals.get("jurisdictions") or {}).get(jurisdiction)
            or self.appeals["default"]
        )
        return AppealRule(int(raw["days"]), dict(raw["body"]), dict(raw["how"]), dict(raw["source"]))


def parse_policy(data: dict[str, Any]) -> DecisionPolicy:
    """Build a policy from the YAML document."""
    approval = (data.get("override") or {}).get("needs_approval") or {}
    alternatives = data.get("alternatives") or {}
    payments = dict(data.get("payments") or {})
    for program, raw in [
        ("default", payments.get("default") or {}),
        *(payments.get("programs") or {}).items(),
    ]:
        if raw.get("frequency", "monthly") not in ("monthly", "one_time", "per_claim"):
            raise ValueError(f"payments.{program}: frequency must be monthly, one_time or per_claim")
        if raw.get("frequency") == "one_time" and not raw.get("payment_type"):
            raise ValueError(f"payments.{program}: a one-time program names its payment_type")
    return DecisionPolicy(
        override=OverridePolicy(**{k: bool(v) for k, v in approval.items()}),
        appeals=dict(data["appeals"]),
        alternatives_max=int(alternatives.get("max", 6)),
        alternatives_tags=tuple(alternatives.get("always_tags", ())),
        payments=payments,
    )


@functools.cache
def default_policy() -> DecisionPolicy:
    """The packaged configuration, read once."""
    text = resources.files("onestop.cases.decisions").joinpath("config/policy.yaml").read_text("utf-8")
    return parse_policy(yaml.safe_load(text))
