"""Decision rules without a database: actions, overrides and approval, maker-checker, appeal policy, text."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.cases.decisions import domain, notice
from onestop.cases.decisions.domain import Action, Basis, Outcome, OverridePolicy, Previous
from onestop.cases.decisions.policy import default_policy, parse_policy
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.jurisdictions.catalogue import load_catalogue

E, N, S = Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.SUSPENDED


@pytest.mark.parametrize(
    ("previous", "outcome", "cents", "basis", "action"),
    [
        (None, E, 82400, Basis.APPLICATION, Action.GRANT),
        (None, N, 0, Basis.APPLICATION, Action.REFUSE),
        (Previous(N, 0), E, 82400, Basis.APPEAL, Action.GRANT),
        (Previous(N, 0), N, 0, Basis.REVIEW, Action.REFUSE),
        (Previous(E, 82400), E, 82400, Basis.REVIEW, Action.CONTINUE),
        (Previous(E, 82400), E, 62150, Basis.CHANGE, Action.CHANGE),
        (Previous(E, 82400), N, 0, Basis.REVIEW, Action.CLOSE),
        (Previous(E, 82400), S, None, Basis.SUSPENSION, Action.SUSPEND),
        (Previous(S, None), E, 82400, Basis.REINSTATEMENT, Action.REINSTATE),
        (Previous(S, None), N, 0, Basis.REVIEW, Action.CLOSE),
    ],
)
def test_the_action_reads_the_new_decision_against_the_old(
    previous: Previous | None, outcome: Outcome, cents: int | None, basis: Basis, action: Action
) -> None:
    assert domain.action_for(previous, outcome, cents, basis) is action


def test_adverse_decisions_are_refusals_closures_suspensions_and_reductions() -> None:
    old = Previous(E, 82400)
    assert domain.is_adverse(Action.REFUSE, None, 0)
    assert domain.is_adverse(Action.CHANGE, old, 62150)
    assert not domain.is_adverse(Action.CHANGE, old, 90000)
    assert not domain.is_adverse(Action.GRANT, None, 82400)


@pytest.mark.parametrize(
    ("computed", "computed_cents", "outcome", "cents", "needs"),
    [
        (N, 0, E, 50000, True),  # to eligible
        (E, 82400, E, 90000, True),  # raises the amount
        (E, 82400, E, 70000, False),  # lowers it
        (E, 82400, N, None, False),  # to ineligible
    ],
)
def test_which_overrides_need_a_supervisor(
    computed: Outcome, computed_cents: int, outcome: Outcome, cents: int | None, needs: bool
) -> None:
    assert domain.override_needs_approval(OverridePolicy(), computed, computed_cents, outcome, cents) is needs


def test_the_approval_policy_is_configuration() -> None:
    lenient = OverridePolicy(to_eligible=False, amount_increase=False)
    assert not domain.override_needs_approval(lenient, N, 0, E, 50000)
    strict = parse_policy(
        {"override": {"needs_approval": {"amount_decrease": True}}, "appeals": {"default": {}}}
    )
    assert domain.override_needs_approval(strict.override, E, 82400, E, 70000)


def test_an_override_must_change_something_and_be_complete() -> None:
    with pytest.raises(InvalidInput, match="changes nothing"):
        domain.check_override(E, 82400, E, 82400)
    with pytest.raises(InvalidInput, match="changes nothing"):
        domain.check_override(N, 0, N, None)
    with pytest.raises(InvalidInput) as err:
        domain.check_override(N, 0, E, None)
    assert err.value.field == "override.monthly_amount"
    with pytest.raises(InvalidInput):
        domain.check_override(E, 82400, N, 100)
    with pytest.raises(InvalidInput):
        domain.check_override(E, 82400, S, None)


def test_maker_is_never_checker() -> None:
    officer, supervisor = uuid.uuid4(), uuid.uuid4()
    domain.check_checker(officer, "ann", supervisor, "sue")
    with pytest.raises(PermissionDenied):
        domain.check_checker(officer, "ann", officer, "ann")
    with pytest.raises(PermissionDenied):
        domain.check_checker(None, "ann", None, "ann")  # no staff ids: compared by username
    with pytest.raises(InvalidTransition):
        domain.check_pending("approved")


def test_appeal_periods_come_from_the_program_then_the_jurisdiction_then_the_default() -> None:
    policy = default_policy()
    ab = policy.appeal_rule("ab.income_support", "ca-ab")
    assert ab.days == 30
    assert ab.source["kind"] == "published" and "4936" in ab.source["url"]
    assert ab.deadline(dt.date(2026, 3, 2)) == dt.date(2026, 4, 1)
    assert policy.appeal_rule("nl.income_support", "ca-nl").days == 60
    other = policy.appeal_rule("xx.program", "xx")
    assert other.source["kind"] == "configuration"
    rule = {"body": {}, "how": {}, "source": {}}
    custom = parse_policy(
        {"appeals": {"default": rule | {"days": 30}, "programs": {"ab.aish": rule | {"days": 45}}}}
    )
    assert custom.appeal_rule("ab.aish", "ca-ab").days == 45


def test_alternatives_share_a_tag_with_the_refused_program() -> None:
    found = notice.alternatives(load_catalogue("ca-ab"), "ab.income_support", ("community",), 6)
    ids = [r["id"] for r in found]
    assert "ab.income_support" not in ids
    assert "ab.emergency_income_support" in ids
    assert len(found) <= 6
    assert all(r["name"]["fr"] and r["how_to_apply"]["en"] for r in found)


def test_the_text_reads_in_both_languages() -> None:
    head = {
        "seq": 2,
        "label": {"en": "Alberta Income Support", "fr": "Soutien du revenu de l'Alberta"},
        "outcome": "eligible",
        "action": "grant",
        "effective_from": "2026-03-02",
        "monthly_amount_cents": 50000,
        "overridden": True,
        "computed_status": "ineligible",
        "computed_monthly_cents": 0,
        "override_reason": "exceptional circumstances",
        "approved_by": "sue",
    }
    appeal = {
        "body": {"en": "the panel", "fr": "le comité"},
        "deadline": "2026-04-01",
        "days": 30,
        "how": {"en": "Write.", "fr": "Écrivez."},
    }
    en = notice.text("en", head, "ENGINE", appeal, [])
    fr = notice.text("fr", head, "MOTEUR", appeal, [])
    assert "Decision 2 — Alberta Income Support: ELIGIBLE (granted) from 2026-03-02" in en
    assert (
        "Monthly amount: 500.00 $" in en and "computed: ineligible, 0.00 $" in en and "Approved by: sue" in en
    )
    assert "Montant mensuel: 500,00 $" in fr and "ADMISSIBLE (accordée)" in fr and "le comité" in fr
