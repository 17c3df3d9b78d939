"""The rules engine: dated parameters, formula graphs, and three ways to run a program.

A library: it imports nothing from onestop except ``onestop.common.errors`` (so bad input maps to
HTTP 422 / exit 2 like everywhere else). See docs/rules.md for the design and a worked example, and
docs/dev/adding-a-program.md for the recipe.
"""

from onestop.rules import overlays
from onestop.rules.batch import BatchPlan
from onestop.rules.case import Case, Vocabulary, parse_value
from onestop.rules.case_eval import CasePlan
from onestop.rules.columns import Array, Columns, columns_from_cases
from onestop.rules.describe import fmt, wire
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
from onestop.rules.graph import Snapshot, graph_of, snapshot
from onestop.rules.overlay_values import ParameterOverlay
from onestop.rules.pack import Evaluation, Pack
from onestop.rules.parameters import Parameter, Source, load_parameters
from onestop.rules.program import Person, PersonView, Program, Unit
from onestop.rules.result import ELIGIBLE, HEAD, INELIGIBLE, UNDETERMINED, ProgramResult, render_result
from onestop.rules.screen import find_missing
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
from onestop.rules.values import cents_to_yaml
from onestop.rules.vocabulary import NESTED, STANDARD_INPUTS
from onestop.rules.yamlio import load_case_text, load_file
from onestop.rules.yamltests import run_pack

__all__ = [
    "BOOL",
    "DATE",
    "DAY",
    "ELIGIBLE",
    "ENUM",
    "HEAD",
    "INELIGIBLE",
    "INT",
    "MONEY",
    "MONTH",
    "NESTED",
    "PERSON",
    "RATE",
    "STANDARD_INPUTS",
    "UNDETERMINED",
    "UNIT",
    "YEAR",
    "Array",
    "BatchPlan",
    "Case",
    "CaseInvalid",
    "CasePlan",
    "Columns",
    "Entity",
    "Evaluation",
    "Expr",
    "FormulaError",
    "Kind",
    "Pack",
    "PackDefinitionError",
    "Parameter",
    "ParameterNotInForce",
    "ParameterOverlay",
    "Period",
    "Person",
    "PersonView",
    "Program",
    "ProgramResult",
    "RulesError",
    "Snapshot",
    "Source",
    "Text",
    "Unit",
    "UnknownJurisdiction",
    "UnknownProgram",
    "Variable",
    "Vocabulary",
    "all_of",
    "any_of",
    "cents_to_yaml",
    "columns_from_cases",
    "find_missing",
    "fmt",
    "graph_of",
    "input_variable",
    "load_case_text",
    "load_file",
    "load_parameters",
    "max_",
    "min_",
    "money",
    "overlays",
    "parse_value",
    "rate",
    "render_result",
    "run_pack",
    "select",
    "snapshot",
    "when",
    "wire",
]
