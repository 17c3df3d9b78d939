"""Errors of the decisions sub-area."""

from __future__ import annotations

from onestop.common.errors import InvalidInput, NotFound


class DecisionNotFound(NotFound):
    """No decision with that id."""


class OverrideRequestNotFound(NotFound):
    """No override request with that id."""


class DecisionUndetermined(InvalidInput):
    """The rules cannot decide on the verified data: the missing facts are listed."""

    def __init__(self, missing: list[dict[str, str]], parameters: list[str]) -> None:
        parts = [f"{m['path']} ({m['problem']})" for m in missing]
        parts += [f"policy value not published: {p}" for p in parameters]
        super().__init__("facts", "the result is undetermined; still needed: " + "; ".join(parts))
        self.missing = missing
        self.parameters = parameters
