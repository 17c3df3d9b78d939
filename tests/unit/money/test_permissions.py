"""Who may do what with money (docs/money.md section 9)."""

from __future__ import annotations

from onestop.access.permissions import ROLE_PERMISSIONS, Permission, Role


def test_specialists_set_up_overpayments_from_founded_investigations_but_do_not_issue_or_approve():
    specialist = ROLE_PERMISSIONS[Role.SPECIALIST]
    assert Permission.MONEY_OVERPAYMENT_WRITE in specialist
    assert {p for p in specialist if p.value.startswith("money:")} == {Permission.MONEY_OVERPAYMENT_WRITE}


def test_who_writes_overpayments():
    holders = {r for r, perms in ROLE_PERMISSIONS.items() if Permission.MONEY_OVERPAYMENT_WRITE in perms}
    assert holders == {Role.OFFICER, Role.SUPERVISOR, Role.SPECIALIST}
