"""Errors of the rules engine.

Bad input (a case that names an unknown field, a date with no parameter in force) subclasses
``onestop.common.errors.InvalidInput`` so the CLI exits 2 and the API answers 422 naming the field or
parameter. A rule that is wrong (a formula that fails, a malformed parameter file) is a ``RulesError``:
a bug in the pack, never silently turned into a zero.
"""

from __future__ import annotations

import datetime as dt

from onestop.common.errors import InvalidInput


class RulesError(Exception):
    """A defect in a rule pack (not the user's input)."""


class PackDefinitionError(RulesError):
    """A parameter file or program definition that cannot be loaded."""


class FormulaError(RulesError):
    """A formula that cannot be built or evaluated; names the program and the variable."""

    def __init__(self, program: str, variable: str, problem: str) -> None:
        super().__init__(f"{program}.{variable}: {problem}")
        self.program = program
        self.variable = variable
        self.problem = problem


class CaseInvalid(InvalidInput):
    """A case field that is unknown, of the wrong type or malformed."""


class ParameterNotInForce(InvalidInput):
    """No value of a parameter is in force on the date asked for."""

    def __init__(self, parameter: str, on: dt.date, first: dt.date | None) -> None:
        since = f" (its first value is from {first.isoformat()})" if first else ""
        super().__init__(parameter, f"no value in force on {on.isoformat()}{since}")
        self.parameter = parameter
        self.on = on


class UnknownJurisdiction(InvalidInput):
    """A jurisdiction with no rule pack."""

    def __init__(self, value: object, known: list[str]) -> None:
        super().__init__("jurisdiction", f"no rule pack for {value!r} (known: {', '.join(known)})")


class UnknownProgram(InvalidInput):
    """A program id the pack does not define."""

    def __init__(self, value: object, known: list[str]) -> None:
        super().__init__("program", f"unknown program {value!r} (known: {', '.join(known)})")
