"""Errors of the access area."""

from __future__ import annotations

import datetime as dt

from onestop.common.errors import Conflict, NotAuthenticated, NotFound


class StaffNotFound(NotFound):
    """No staff account with that id or username."""

    def __init__(self, ref: object) -> None:
        super().__init__(f"no staff member {ref}")


class OfficeNotFound(NotFound):
    """No office with that id or code."""

    def __init__(self, ref: object) -> None:
        super().__init__(f"no office {ref}")


class UsernameTaken(Conflict):
    """Another account already has this username (usernames ignore case)."""

    def __init__(self, username: str) -> None:
        super().__init__(f"username {username!r} is already taken")


class OfficeCodeTaken(Conflict):
    """Another office already has this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"office code {code!r} is already taken")


class LoginFailed(NotAuthenticated):
    """Wrong username or password (deliberately not saying which)."""

    def __init__(self) -> None:
        super().__init__("wrong username or password")


class AccountLocked(NotAuthenticated):
    """Too many wrong passwords in a row: logins are refused until ``until``."""

    def __init__(self, until: dt.datetime) -> None:
        super().__init__(
            f"account locked after too many failed logins; try again after {until:%Y-%m-%d %H:%M} UTC"
        )
        self.until = until
