"""Investigation rules without a database."""

from __future__ import annotations

import pytest

from onestop.cases.investigations import domain
from onestop.cases.investigations.domain import Finding
from onestop.common.errors import InvalidInput, InvalidTransition


def test_a_closed_investigation_is_closed_for_good() -> None:
    domain.check_open("open", doing="be closed")
    with pytest.raises(InvalidTransition, match="cannot be closed again"):
        domain.check_open("closed", doing="be closed again")


@pytest.mark.parametrize("finding", [Finding.UNFOUNDED, Finding.INCONCLUSIVE])
def test_only_a_founded_finding_has_consequences(finding: Finding) -> None:
    domain.check_consequences(finding, reassess=False, overpayment=False)
    domain.check_consequences(Finding.FOUNDED, reassess=True, overpayment=True)
    with pytest.raises(InvalidInput) as err:
        domain.check_consequences(finding, reassess=True, overpayment=False)
    assert err.value.field == "finding"
    with pytest.raises(InvalidInput):
        domain.check_consequences(finding, reassess=False, overpayment=True)
