"""The words of the route table: who may call a route, as a function from caller to answer class.

Answer classes (``harness.answer_class``): ``ok`` (2xx, 3xx, or a 4xx about the input, such as 404 for
an id that is not there or 422 for an empty form), ``auth`` (401, or sent to a sign-in page), ``deny``
(403), never ``error`` (5xx).
"""

from __future__ import annotations

from collections.abc import Callable

from onestop.access import ROLE_PERMISSIONS, Permission, Role

Expect = Callable[[str], str]
ANONYMOUS, CLIENT = "anonymous", "client"


def public() -> Expect:
    """Anyone, signed in or not (the portal's public pages, the sign-in forms)."""
    return lambda caller: "ok"


def staff() -> Expect:
    """Any signed-in staff member, whatever their role (home page, own account, sign-out)."""
    return lambda caller: "auth" if caller in (ANONYMOUS, CLIENT) else "ok"


def needs(*permissions: Permission) -> Expect:
    """Staff whose roles hold every one of ``permissions`` (from ``ROLE_PERMISSIONS``); others 403."""
    allowed = {r.value for r, held in ROLE_PERMISSIONS.items() if set(permissions) <= set(held)}
    return roles(*allowed)


def roles(*names: str) -> Expect:
    """Staff in one of the roles ``names``; other staff 403; nobody signed in or a client: sign in."""

    def expect(caller: str) -> str:
        if caller in (ANONYMOUS, CLIENT):
            return "auth"
        return "ok" if caller in names else "deny"

    return expect


def front_line() -> Expect:
    """Officers, supervisors and specialists: the roles that work client files (``person:write``,
    ``case:read``, ``case:write``... all name this same set, so the row names the set)."""
    return roles("officer", "specialist", "supervisor")


def everyone(answer: str) -> Expect:
    """The same answer for every caller (sign-out sends everyone to the sign-in page: ``auth``)."""
    return lambda caller: answer


def body_first() -> Expect:
    """An API route whose body is checked before the permission: an empty request is a 422 for every
    staff role, so the matrix checks the sign-in only (the permission is tested with its area)."""
    return staff()


def client() -> Expect:
    """A signed-in portal client only; anyone else (staff included: no client sign-in) is sent to sign in."""
    return lambda caller: "ok" if caller == CLIENT else "auth"


def describe(observed: dict[str, str]) -> str:
    """The row that matches what was observed (the failure message offers it; check it before copying)."""
    staff_roles = [r.value for r in Role if r is not Role.CLIENT]
    if all(v == "ok" for v in observed.values()):
        return "public()"
    if observed.get(CLIENT) == "ok":
        return "client()"
    allowed = {r for r in staff_roles if observed.get(r) == "ok"}
    if allowed == set(staff_roles):
        return "staff()"
    if allowed == {"officer", "specialist", "supervisor"}:
        return "front_line()"
    if len(set(observed.values())) == 1:
        return f'everyone("{next(iter(observed.values()))}")'
    matching = [perm for perm in Permission if _holders(perm) == allowed]
    if len(matching) == 1 or (matching and matching[0] is Permission.PERSON_READ):
        return f"needs(P.{matching[0].name})"
    return "roles(" + ", ".join(f'"{r}"' for r in sorted(allowed)) + ")"


def _holders(permission: Permission) -> set[str]:
    return {r.value for r, held in ROLE_PERMISSIONS.items() if permission in held and r is not Role.CLIENT}
