"""The NLPDP plan terms: ``config/plans.yaml`` (copied from the reference, with sources) plus the
Assurance Plan's cap rates and income ceiling read from the rule pack, so one number lives in one place.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from onestop.common.errors import InvalidInput
from onestop.common.money import to_cents
from onestop.health.domain import Bracket, Plan, PlanTerms
from onestop.rules import load_parameters

_ASSURANCE = (
    Path(__file__).resolve().parents[1] / "jurisdictions" / "ca_nl" / "nlpdp_assurance" / "parameters.yaml"
)


@dataclass(frozen=True)
class HealthConfig:
    """The plans file as read."""

    plans: dict[str, dict[str, Any]]
    programs: dict[str, str]
    follow_up_days: int
    after_work_months: dict[str, int]


@functools.cache
def config() -> HealthConfig:
    """``config/plans.yaml``, read once."""
    text = resources.files("onestop.health").joinpath("config/plans.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return HealthConfig(
        data["plans"],
        data["programs"],
        int(data["authorization_follow_up_days"]),
        {k: int(v) for k, v in (data.get("after_leaving_for_work") or {}).items()},
    )


def plan_for_program(program: str) -> Plan:
    """The plan a decided program brings (Income Support brings Foundation)."""
    name = config().programs.get(program)
    if name is None:
        known = ", ".join(sorted(config().programs))
        raise InvalidInput("decision_id", f"a {program} decision brings no drug coverage (known: {known})")
    return Plan(name)


def after_work_months(program: str) -> int | None:
    """Months a program's drug coverage continues after the client leaves it for work (None: it does not)."""
    return config().after_work_months.get(program)


def reassessment_months(plan: Plan) -> int | None:
    """Months until the plan is reassessed (None: it follows another benefit)."""
    value = config().plans[plan.value].get("reassessment_months")
    return int(value) if value is not None else None


def label(plan: Plan, lang: str = "en") -> str:
    """The plan's name."""
    return str(config().plans[plan.value]["label"][lang])


def terms_for(plan: Plan, on: dt.date) -> PlanTerms:
    """The plan's co-pay terms in force on ``on``."""
    spec = config().plans[plan.value]
    rate = spec.get("coverage_rate")
    fee_cap = spec.get("dispensing_fee_cap")
    brackets: tuple[Bracket, ...] = ()
    ceiling = None
    if plan is Plan.ASSURANCE:
        params = load_parameters(_ASSURANCE, prefix="nl.nlpdp.assurance")
        brackets = tuple(Bracket(f, r) for f, r in params["out_of_pocket_cap_rate"].at(on).value)
        ceiling = params["income_ceiling"].at(on).value
    return PlanTerms(
        plan=plan,
        label=str(spec["label"]["en"]),
        source=str(spec["source"]),
        coverage_rate=Decimal(str(rate)) if rate is not None else None,
        dispensing_fee_cap_cents=to_cents(str(fee_cap), field="dispensing_fee_cap") if fee_cap else None,
        cap_brackets=brackets,
        income_ceiling_cents=ceiling,
        missing=spec.get("missing"),
    )


def terms_summary(plan: Plan, on: dt.date) -> dict[str, Any]:
    """The co-pay terms stored on a coverage period (what the plan asks of the client, with the source)."""
    t = terms_for(plan, on)
    out: dict[str, Any] = {"plan": plan.value, "source": t.source}
    if t.coverage_rate is not None:
        out["coverage_rate"] = str(t.coverage_rate)
    if t.dispensing_fee_cap_cents is not None:
        out["dispensing_fee_cap"] = f"{Decimal(t.dispensing_fee_cap_cents) / 100:.2f}"
    if t.cap_brackets:
        out["cap_rates"] = [
            {"from": f"{Decimal(b.from_cents) / 100:.2f}", "rate": str(Decimal(b.rate_ppm) / 1_000_000)}
            for b in t.cap_brackets
        ]
    if t.missing:
        out["undetermined"] = t.missing
    return out
