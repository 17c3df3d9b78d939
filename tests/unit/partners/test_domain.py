"""The partners rules without a database: maker-checker, signing, instalments, deadlines, disclosure."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.partners import domain


def test_nobody_approves_what_they_proposed_or_recommended() -> None:
    for who in ("amartin", "bchen"):
        with pytest.raises(InvalidInput) as err:
            domain.check_approver(who, proposed_by="amartin", recommended_by="bchen")
        assert err.value.field == "approved_by"
    domain.check_approver("csup", proposed_by="amartin", recommended_by="bchen")


@pytest.mark.parametrize("state", ["proposed", "recommended", "signed", "closed"])
def test_only_an_approved_agreement_is_signed(state: str) -> None:
    with pytest.raises(InvalidTransition, match="approval"):
        domain.check_signing(state, "csup")
    domain.check_signing("approved", "csup")


def test_instalments_stay_within_the_approved_funding() -> None:
    domain.check_instalment(45_000_00, paid_cents=45_000_00, approved_cents=90_000_00)
    with pytest.raises(InvalidInput) as err:
        domain.check_instalment(45_000_01, paid_cents=45_000_00, approved_cents=90_000_00)
    assert err.value.field == "amount" and "45000.00 of 90000.00" in err.value.problem
    with pytest.raises(InvalidInput):
        domain.check_instalment(0, paid_cents=0, approved_cents=100)


def test_the_answer_deadline_and_the_fiscal_year() -> None:
    received = dt.date(2026, 2, 26)
    assert domain.respond_by(received, None) == dt.date(2026, 3, 8)
    assert domain.respond_by(received, dt.date(2026, 3, 1)) == dt.date(2026, 3, 1)
    with pytest.raises(InvalidInput):
        domain.respond_by(received, dt.date(2026, 2, 25))
    assert (domain.fiscal_year(dt.date(2026, 3, 31)), domain.fiscal_year(dt.date(2026, 4, 1))) == (2025, 2026)


def test_a_disclosure_needs_consent() -> None:
    with pytest.raises(InvalidInput) as err:
        domain.check_disclosure(True, None)
    assert err.value.field == "disclose" and "consent" in err.value.problem
    domain.check_disclosure(False, None)
    domain.check_disclosure(True, dt.date(2026, 3, 2))
