"""The rules engine: dated parameters, formula graphs, and three ways to run a program.

A library: it imports nothing from onestop except ``onestop.common.errors`` (so bad input maps to
HTTP 422 / exit 2 like everywhere else). See docs/rules.md for the design and a worked example, and
docs/dev/adding-a-program.md for the recipe.
"""

from onestop.rules.case import Case
from onestop.rules.errors import (
    CaseInvalid,
    FormulaError,
    PackDefinitionError,
    ParameterNotInForce,
    RulesError,
    UnknownJurisdiction,
    UnknownProgram,
)
from onestop.rules.expr import Expr, all_of, any_of, max_, min_, money, rate, select, when
from onestop.rules.pack import Evaluation, Pack
from onestop.rules.program import Person, Program, Unit
from onestop.rules.result import ELIGIBLE, INELIGIBLE, UNDETERMINED, ProgramResult
from onestop.rules.types import (
    BOOL,
    DATE,
    DAY,
    ENUM,
    INT,
    MONEY,
    MONTH,
    PERSON,
    RATE,
    UNIT,
    YEAR,
    Entity,
    Kind,
    Period,
    Text,
    Variable,
    input_variable,
)

__all__ = [
    "BOOL",
    "DATE",
    "DAY",
    "ELIGIBLE",
    "ENUM",
    "INELIGIBLE",
    "INT",
    "MONEY",
    "MONTH",
    "PERSON",
    "RATE",
    "UNDETERMINED",
    "UNIT",
    "YEAR",
    "Case",
    "CaseInvalid",
    "Entity",
    "Evaluation",
    "Expr",
    "FormulaError",
    "Kind",
    "Pack",
    "PackDefinitionError",
    "ParameterNotInForce",
    "Period",
    "Person",
    "Program",
    "ProgramResult",
    "RulesError",
    "Text",
    "Unit",
    "UnknownJurisdiction",
    "UnknownProgram",
    "Variable",
    "all_of",
    "any_of",
    "input_variable",
    "max_",
    "min_",
    "money",
    "rate",
    "select",
    "when",
]
