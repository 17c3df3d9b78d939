"""Programs: inputs, formula variables, eligibility tests and amounts, built into one graph.

A program module creates a ``Program`` and decorates short formula functions::

    @program.amount(UNIT, label={"en": "Core shelter", "fr": "Logement de base"})
    def core_shelter(unit: Unit) -> Expr:
        return p.core_shelter[unit.family][unit.children]

Formulas run once, when the program is first used; each returns a graph node that the compilers
in ``case_eval`` and ``batch`` turn into a per-case evaluator and numpy operations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onestop.rules import expr as ex
from onestop.rules.errors import FormulaError
from onestop.rules.expr import Expr, FormulaTypeError
from onestop.rules.parameters import Parameter, ParameterSet, load_parameters
from onestop.rules.types import Domain, Entity, Formula, Kind, Period, Text, TextLike, Variable, split_domain


@dataclass(frozen=True)
class Test:
    """An eligibility test: a yes/no variable with the words an officer reads and its reference."""

    variable: str
    words: Text
    reference: str | None


class TableRef(Expr):
    """A parameter table being indexed: ``p.table[key1][key2]`` becomes a lookup once every key is given.

    It is an ``Expr`` only so formulas type-check; using it before all its keys are given is refused.
    """

    def __init__(self, param: Parameter, keys: tuple[Expr, ...] = ()) -> None:
        super().__init__("table", (), param.unit, None, data=param)
        self.param = param
        self.keys = keys

    def __getitem__(self, key: object) -> Expr:
        if len(self.keys) == len(self.param.keys):
            raise FormulaTypeError(f"{self.param.name} has {len(self.param.keys)} key(s): {self.param.keys}")
        keys = (*self.keys, ex.lift(key))
        if len(keys) < len(self.param.keys) or self.param.brackets:
            return TableRef(self.param, keys)  # a scale under keys still needs .bracket(amount)
        return Expr("lookup", keys, self.param.unit, ex.join_entity(*keys), data=self.param)

    def bracket(self, amount: object) -> Expr:
        """The value of the bracket an amount falls in (the last bracket starting at or below it)."""
        if not self.param.brackets or len(self.keys) != len(self.param.keys):
            raise FormulaTypeError(f"{self.param.name} is not a bracket scale (or needs its keys first)")
        x = ex.lift(amount, Kind.MONEY)
        if x.kind is not Kind.MONEY:
            raise FormulaTypeError("a bracket scale is looked up with money")
        return Expr(
            "bracket", (*self.keys, x), self.param.unit, ex.join_entity(*self.keys, x), data=self.param
        )


class Parameters:
    """``p.name``: a parameter node (single values) or a table reference (tables and brackets)."""

    def __init__(self, program: Program) -> None:
        self._program = program

    def __getattr__(self, name: str) -> Expr:
        params = self._program.parameter_set
        if name not in params:
            raise AttributeError(f"{self._program.id} has no parameter {name!r}")
        param = params[name]
        if param.keys or param.brackets:
            return TableRef(param)
        return Expr("param", (), param.unit, None, data=param)


class UnitView:
    """What a unit formula sees: ``unit.<variable>`` and ``unit.members.<person variable>``."""

    def __init__(self, program: Program) -> None:
        self._program = program
        self.members = PersonView(program)

    def __getattr__(self, name: str) -> Expr:
        return self._program.node(name, Entity.UNIT)


class PersonView:
    """What a person formula sees: ``person.<variable>`` and ``person.unit.<unit variable>``."""

    def __init__(self, program: Program) -> None:
        self._program = program

    def __getattr__(self, name: str) -> Expr:
        return self._program.node(name, Entity.PERSON)

    @property
    def unit(self) -> _BroadcastView:
        """The person's unit: its values repeated for each member."""
        return _BroadcastView(self._program)

    def count(self) -> Expr:
        """How many members the unit has."""
        return Expr("members", (), Kind.INT, Entity.UNIT)


class _BroadcastView:
    def __init__(self, program: Program) -> None:
        self._program = program

    def __getattr__(self, name: str) -> Expr:
        node = self._program.node(name, Entity.UNIT)
        return Expr("bcast", (node,), node.kind, Entity.PERSON, domain=node.domain)


Unit = UnitView
Person = PersonView


class Program:
    """One benefit program: its parameters, variables, tests and the amounts it reports."""

    def __init__(
        self,
        program_id: str,
        *,
        label: TextLike,
        root: Path,
        inputs: Iterable[Variable] = (),
        reference: str | None = None,
        parameters_file: str = "parameters.yaml",
    ) -> None:
        self.id = program_id
        self.label = Text.of(label, program_id)
        self.root = root
        self.reference = reference
        self.inputs: dict[str, Variable] = {v.name: v for v in inputs}
        self.variables: dict[str, Variable] = {}
        self.tests: list[Test] = []
        self.amounts: list[str] = []
        self.per_person: dict[str, str | None] = {}  # person amounts: name -> condition that lists a member
        self.pays: str | None = None
        path = root / parameters_file
        self.parameter_set = load_parameters(path, prefix=program_id) if path.exists() else ParameterSet({})
        self.p = Parameters(self)
        self._nodes: dict[str, Expr] = {}
        self._building: list[str] = []
        self._built = False
        self.cache: dict[Any, Any] = {}  # compiled graphs and plans, per parameter snapshot

    # declaring ----------------------------------------------------------------------------------
    def variable(
        self,
        entity: Entity,
        kind: Kind,
        *,
        label: TextLike,
        reference: str | None = None,
        period: Period = Period.MONTH,
        domain: Domain | None = None,
    ) -> Callable[[Formula], Formula]:
        """Declare a computed variable; the function's name is the variable's name.

        An enum's ``domain`` may map each code to its words in English and French (see
        ``input_variable``), so explanations say "single adult" rather than ``single_adult``.
        """
        codes, labels = split_domain(domain)

        def register(func: Formula) -> Formula:
            name = func.__name__
            if name in self.variables or name in self.inputs:
                raise FormulaError(self.id, name, "is declared twice")
            self.variables[name] = Variable(
                name,
                entity,
                kind,
                Text.of(label, name),
                period,
                reference,
                codes,
                formula=func,
                value_labels=labels,
            )
            return func

        return register

    def test(
        self, *, words: TextLike, reference: str | None, entity: Entity = Entity.UNIT
    ) -> Callable[[Formula], Formula]:
        """Declare an eligibility test (a yes/no unit variable); all must pass for eligibility."""

        def register(func: Formula) -> Formula:
            text = Text.of(words, func.__name__)
            self.variable(entity, Kind.BOOL, label=text, reference=reference)(func)
            self.tests.append(Test(func.__name__, text, reference))
            return func

        return register

    def amount(
        self,
        entity: Entity = Entity.UNIT,
        *,
        label: TextLike,
        reference: str | None = None,
        pays: bool = False,
        for_members: str | None = None,
    ) -> Callable[[Formula], Formula]:
        """Declare a money amount reported with the result; ``pays=True`` marks the monthly benefit.

        A ``PERSON`` amount is reported once per member as ``<name>.<person id>`` (the contract's
        ``subsidy.<person id>``); ``for_members`` names a person yes/no variable that lists a member
        (members for whom it is false get no entry; unknown ones are listed, their amount unknown).
        """
        if pays and entity is not Entity.UNIT:
            raise FormulaError(self.id, "pays", "the monthly benefit is a unit amount")
        if for_members is not None and entity is not Entity.PERSON:
            raise FormulaError(self.id, for_members, "for_members is for person amounts")

        def register(func: Formula) -> Formula:
            self.variable(entity, Kind.MONEY, label=label, reference=reference)(func)
            if pays:
                self.pays = func.__name__
            else:
                self.amounts.append(func.__name__)
            if entity is Entity.PERSON:
                self.per_person[func.__name__] = for_members
            return func

        return register

    # building -----------------------------------------------------------------------------------
    def build(self) -> dict[str, Expr]:
        """Run every formula once and return the graph's named nodes (inputs and variables)."""
        if not self._built:
            for name in self.variables:
                self._resolve(name)
            self._built = True
        return self._nodes

    def node(self, name: str, entity: Entity) -> Expr:
        """The node of a variable seen from a formula of ``entity``."""
        node = self._resolve(name)
        if node.entity is not None and node.entity is not entity:
            where = "unit.members" if node.entity is Entity.PERSON else "person.unit"
            raise FormulaTypeError(f"{name} is a {node.entity.value} value: use {where}.{name}")
        return node

    def find(self, name: str) -> Variable | None:
        """A variable or input by name."""
        return self.variables.get(name) or self.inputs.get(name)

    def _resolve(self, name: str) -> Expr:
        if name in self._nodes:
            return self._nodes[name]
        var = self.find(name)
        owner = self._building[-1] if self._building else name
        if var is None:
            raise FormulaError(
                self.id, owner, f"refers to {name!r}, which is neither an input nor a variable"
            )
        if name in self._building:
            raise FormulaError(
                self.id, name, f"is defined in terms of itself ({' -> '.join(self._building)})"
            )
        if var.formula is None:
            node = Expr("input", (), var.kind, var.entity, data=var, domain=var.domain)
        else:
            node = self._run_formula(var)
        self._nodes[name] = node
        return node

    def _run_formula(self, var: Variable) -> Expr:
        assert var.formula is not None
        view: UnitView | PersonView = UnitView(self) if var.entity is Entity.UNIT else PersonView(self)
        self._building.append(var.name)
        ex._BUILDING.append(var.name)
        try:
            result = ex.lift(var.formula(view), var.kind)
        except FormulaError:
            raise
        except Exception as err:  # any failure in a formula is a defect named by program and variable
            raise FormulaError(self.id, var.name, f"{type(err).__name__}: {err}") from err
        finally:
            self._building.pop()
            ex._BUILDING.pop()
        if result.kind is not var.kind:
            raise FormulaError(self.id, var.name, f"gives a {result.kind.value}, declared {var.kind.value}")
        if result.entity is not None and result.entity is not var.entity:
            raise FormulaError(
                self.id, var.name, f"gives a {result.entity.value} value, declared {var.entity.value}"
            )
        if var.domain and result.domain and not set(result.domain) <= set(var.domain):
            extra = ", ".join(sorted(set(result.domain) - set(var.domain)))
            raise FormulaError(self.id, var.name, f"can give {extra}, outside its declared values")
        domain = var.domain or result.domain
        return Expr("var", (result,), var.kind, var.entity, data=var, domain=domain)

    def referenced_parameters(self) -> list[Parameter]:
        """Parameters the built graph uses, in the order of the parameter file."""
        seen: set[str] = set()
        stack = list(self.build().values())
        visited: set[int] = set()
        while stack:
            node = stack.pop()
            if id(node) in visited:
                continue
            visited.add(id(node))
            if node.op in ("param", "lookup", "bracket"):
                seen.add(node.data.key)
            stack.extend(node.args)
        return [param for key, param in self.parameter_set.items() if key in seen]
