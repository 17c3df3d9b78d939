"""The expression graph that formulas build.

A formula is a short Python function that runs once, when its program is built, and returns an
``Expr``: operators (``+ - * / < <= == & | ~``), ``when``/``select`` for branches, ``max_``/``min_``,
table lookups on parameters and sums over the unit's members. The graph is then compiled two ways:
to a per-case evaluator with an explanation, and to numpy operations for a whole caseload.

Python ``if``, ``and``, ``or`` and ``min()`` cannot see a graph; ``Expr.__bool__`` says so and names
the construct to use instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from onestop.rules.types import Entity, Kind
from onestop.rules.values import RATE_SCALE, BadValueError, money_to_cents, rate_to_ppm

_BUILDING: list[str] = []  # names of the variables whose formulas are running (innermost last)

ORDERED = (Kind.MONEY, Kind.INT, Kind.RATE, Kind.DATE)
COMPARISONS = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥", "eq": "=", "ne": "≠"}


class FormulaTypeError(TypeError):
    """A formula combines values that do not fit (money plus a yes/no, person with unit values...)."""


class Expr:
    """A node of the graph: an operation, its arguments, and the kind and entity of its value."""

    __slots__ = ("args", "data", "domain", "entity", "kind", "op", "owner")

    def __init__(
        self,
        op: str,
        args: tuple[Expr, ...],
        kind: Kind,
        entity: Entity | None,
        data: Any = None,
        domain: tuple[str, ...] | None = None,
    ) -> None:
        self.op = op
        self.args = args
        self.kind = kind
        self.entity = entity  # None: the same for everyone (a constant or a parameter)
        self.data = data
        self.domain = domain
        self.owner = _BUILDING[-1] if _BUILDING else None
        for arg in args:
            if arg.op == "table":
                raise FormulaTypeError(_unfinished_table(arg.data))

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<Expr {self.op} {self.kind.value} {self.entity}>"

    def __bool__(self) -> bool:
        raise FormulaTypeError(
            "a rule value has no truth value while the formula is being built: use when(cond, a, b) or "
            "select(...) instead of if, & | ~ instead of and/or/not, and max_/min_ instead of max/min"
        )

    # arithmetic -------------------------------------------------------------------------------
    def __add__(self, other: object) -> Expr:
        return arith("add", self, other)

    def __radd__(self, other: object) -> Expr:
        return arith("add", other, self)

    def __sub__(self, other: object) -> Expr:
        return arith("sub", self, other)

    def __rsub__(self, other: object) -> Expr:
        return arith("sub", other, self)

    def __mul__(self, other: object) -> Expr:
        return arith("mul", self, other)

    def __rmul__(self, other: object) -> Expr:
        return arith("mul", other, self)

    def __truediv__(self, other: object) -> Expr:
        if isinstance(other, Decimal) and other == other.to_integral_value():
            other = int(other)
        if self.kind is not Kind.MONEY or isinstance(other, bool) or not isinstance(other, int) or other == 0:
            raise FormulaTypeError(
                "only money divided by a whole non-zero number is allowed (rounded half-up); "
                "for a fraction, multiply by a rate: x * rate('0.25')"
            )
        return Expr("div", (self,), Kind.MONEY, self.entity, data=other)

    def __neg__(self) -> Expr:
        return arith("sub", 0, self)

    # comparisons ------------------------------------------------------------------------------
    def __lt__(self, other: object) -> Expr:
        return compare("lt", self, other)

    def __le__(self, other: object) -> Expr:
        return compare("le", self, other)

    def __gt__(self, other: object) -> Expr:
        return compare("gt", self, other)

    def __ge__(self, other: object) -> Expr:
        return compare("ge", self, other)

    def __eq__(self, other: object) -> Expr:  # type: ignore[override]
        return compare("eq", self, other)

    def __ne__(self, other: object) -> Expr:  # type: ignore[override]
        return compare("ne", self, other)

    def is_in(self, *values: str) -> Expr:
        """True when an enum is one of ``values``."""
        return any_of(*(self == v for v in values))

    # three-valued logic -----------------------------------------------------------------------
    def __and__(self, other: object) -> Expr:
        return logic("and", self, other)

    def __rand__(self, other: object) -> Expr:
        return logic("and", other, self)

    def __or__(self, other: object) -> Expr:
        return logic("or", self, other)

    def __ror__(self, other: object) -> Expr:
        return logic("or", other, self)

    def __invert__(self) -> Expr:
        _need(self, Kind.BOOL, "~ (not)")
        return Expr("not", (self,), Kind.BOOL, self.entity)

    # parameter tables (see program.TableRef) ----------------------------------------------------
    def __getitem__(self, key: object) -> Expr:
        raise FormulaTypeError("only parameter tables can be indexed")

    def bracket(self, amount: object) -> Expr:
        """The value of a bracket scale for an amount (parameter scales only)."""
        raise FormulaTypeError("only parameter bracket scales have brackets")

    # over the members of the unit ---------------------------------------------------------------
    def sum(self) -> Expr:
        """Total over the unit's members of a person value (money or a number)."""
        self._person("sum()")
        if self.kind not in (Kind.MONEY, Kind.INT):
            raise FormulaTypeError(f"sum() needs money or a number, not {self.kind.value}")
        return Expr("sum", (self,), self.kind, Entity.UNIT)

    def count(self) -> Expr:
        """How many members a person condition is true for."""
        self._person("count()")
        _need(self, Kind.BOOL, "count()")
        return Expr("count", (self,), Kind.INT, Entity.UNIT)

    def any(self) -> Expr:
        """Whether a person condition is true for at least one member."""
        self._person("any()")
        _need(self, Kind.BOOL, "any()")
        return Expr("any", (self,), Kind.BOOL, Entity.UNIT)

    def all(self) -> Expr:
        """Whether a person condition is true for every member."""
        self._person("all()")
        _need(self, Kind.BOOL, "all()")
        return Expr("all", (self,), Kind.BOOL, Entity.UNIT)

    def _person(self, what: str) -> None:
        if self.entity is not Entity.PERSON:
            raise FormulaTypeError(f"{what} is for person values (unit.members.<name>)")


def _unfinished_table(param: Any) -> str:
    keys = "[...]" * len(param.keys)
    if param.brackets:
        return f"{param.name} is a bracket scale: use p.{param.key}{keys}.bracket(amount)"
    return f"{param.name} is a table: give its keys, p.{param.key}{keys}"


def _need(e: Expr, kind: Kind, what: str) -> None:
    if e.kind is not kind:
        raise FormulaTypeError(f"{what} needs a {kind.value}, not a {e.kind.value}")


def const(value: object, kind: Kind | None = None) -> Expr:
    """A constant; money in dollars, rates as decimals (``Decimal("0.25")``), enums as strings."""
    try:
        if isinstance(value, bool):
            if kind not in (None, Kind.BOOL):
                raise FormulaTypeError(f"true/false used where a {kind.value} is expected")
            return Expr("const", (), Kind.BOOL, None, value)
        if isinstance(value, str) and kind in (None, Kind.ENUM):
            return Expr("const", (), Kind.ENUM, None, value, domain=(value,))
        if kind is Kind.MONEY:
            return Expr("const", (), Kind.MONEY, None, money_to_cents(value))
        if kind is Kind.RATE:
            return Expr("const", (), Kind.RATE, None, rate_to_ppm(value))
        if isinstance(value, int) and kind in (None, Kind.INT):
            return Expr("const", (), Kind.INT, None, value)
        if isinstance(value, Decimal) and kind is None:
            return Expr("const", (), Kind.RATE, None, rate_to_ppm(value))
    except BadValueError as err:
        raise FormulaTypeError(f"constant {value!r} {err}") from None
    raise FormulaTypeError(f"cannot use {value!r} as a {kind.value if kind else 'rule value'}")


def lift(value: object, like: object = None) -> Expr:
    """An ``Expr`` as is; a Python constant as a constant of the kind of ``like`` (its neighbour)."""
    if isinstance(value, Expr):
        return value
    if isinstance(like, Expr):
        return const(value, like.kind)
    if isinstance(like, Kind):
        return const(value, like)
    return const(value)


def join_entity(*items: Expr) -> Entity | None:
    """The entity of a combination: person and unit values cannot be mixed implicitly."""
    found: Entity | None = None
    for item in items:
        if item.entity is None:
            continue
        if found is not None and item.entity is not found:
            raise FormulaTypeError(
                "mixes person values and unit values: reduce person values with .sum()/.count()/.any(), "
                "or read a unit value from a person formula as person.unit.<name>"
            )
        found = item.entity
    return found


def plain_number(value: object) -> Expr | None:
    """A Python number multiplying a rule value is a plain factor, never money: ``x * 12`` is twelve
    times ``x`` (an int), ``x * Decimal("0.5")`` half of it (a rate, rounded half-up like any rate)."""
    if isinstance(value, float):
        text = repr(str(value))
        raise FormulaTypeError(
            f"{value!r} is a binary float: write a whole number, Decimal({text}) or rate({text})"
        )
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return None
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return const(value, Kind.INT if isinstance(value, int) else Kind.RATE)


def _factor(value: object) -> object:
    number = plain_number(value)
    return value if number is None else number


def arith(op: str, left: object, right: object) -> Expr:
    """``+``, ``-`` or ``*`` with kind rules: money*rate is rounded half-up to the cent.

    A Python number added to or subtracted from money is dollars (``max_(0, x - 200)``); a Python
    number in a product is a plain factor (``monthly * 12``, ``3 * per_child``).
    """
    if op == "mul":
        left, right = _factor(left), _factor(right)
    a = lift(left, right)
    b = lift(right, a)
    entity = join_entity(a, b)
    ka, kb = a.kind, b.kind
    if op in ("add", "sub"):
        if ka is kb and ka in (Kind.MONEY, Kind.INT, Kind.RATE):
            return Expr(op, (a, b), ka, entity)
    elif {ka, kb} == {Kind.MONEY, Kind.RATE}:
        money, rate = (a, b) if ka is Kind.MONEY else (b, a)
        return Expr("mulrate", (money, rate), Kind.MONEY, entity)
    elif {ka, kb} == {Kind.MONEY, Kind.INT}:
        return Expr("mul", (a, b), Kind.MONEY, entity)
    elif ka is kb is Kind.INT:
        return Expr("mul", (a, b), Kind.INT, entity)
    elif {ka, kb} == {Kind.INT, Kind.RATE}:
        return Expr("mul", (a, b), Kind.RATE, entity)
    elif ka is kb is Kind.RATE:
        return Expr("mulrr", (a, b), Kind.RATE, entity)
    raise FormulaTypeError(f"cannot {op} {ka.value} and {kb.value}")


def compare(op: str, left: object, right: object) -> Expr:
    """A comparison; enums only with = and ≠, against values of their domain."""
    a = lift(left, right)
    b = lift(right, a)
    entity = join_entity(a, b)
    if a.kind is not b.kind:
        raise FormulaTypeError(f"cannot compare {a.kind.value} with {b.kind.value}")
    if op not in ("eq", "ne") and a.kind not in ORDERED:
        raise FormulaTypeError(f"{a.kind.value} values can only be compared with == and !=")
    if a.kind is Kind.ENUM:
        for x, y in ((a, b), (b, a)):
            if x.op == "const" and y.domain is not None and x.data not in y.domain:
                raise FormulaTypeError(f"{x.data!r} is not one of {', '.join(y.domain)}")
    return Expr(op, (a, b), Kind.BOOL, entity)


def logic(op: str, *items: object) -> Expr:
    """Kleene and/or over conditions (flattened, so explanations list each condition)."""
    args: list[Expr] = []
    for item in items:
        e = lift(item, Kind.BOOL)
        _need(e, Kind.BOOL, op)
        args.extend(e.args if e.op == op else (e,))
    return Expr(op, tuple(args), Kind.BOOL, join_entity(*args))


def all_of(*conditions: object) -> Expr:
    """True when every condition is true (false as soon as one is false, even if others are unknown)."""
    return logic("and", *conditions)


def any_of(*conditions: object) -> Expr:
    """True as soon as one condition is true (even if others are unknown)."""
    return logic("or", *conditions)


def _unify(values: Sequence[object]) -> list[Expr]:
    like = next((v for v in values if isinstance(v, Expr)), None)
    exprs = [lift(v, like) for v in values]
    kinds = {e.kind for e in exprs}
    if len(kinds) != 1:
        raise FormulaTypeError(f"branches give different kinds: {', '.join(sorted(k.value for k in kinds))}")
    return exprs


def _domain(exprs: Sequence[Expr]) -> tuple[str, ...] | None:
    if exprs[0].kind is not Kind.ENUM:
        return None
    seen: dict[str, None] = {}
    for e in exprs:
        for v in e.domain or ():
            seen[v] = None
    return tuple(seen)


def when(
    condition: object, then: object, otherwise: object, *, label: str | Mapping[str, str] | None = None
) -> Expr:
    """``then`` if the condition holds, else ``otherwise``; the explanation records the branch taken.

    ``label`` names the condition in the explanation: ``"private housing"`` or ``{"en": ..., "fr": ...}``.
    """
    cond = lift(condition, Kind.BOOL)
    _need(cond, Kind.BOOL, "when()")
    t, e = _unify([then, otherwise])
    return Expr("when", (cond, t, e), t.kind, join_entity(cond, t, e), data=label, domain=_domain([t, e]))


def select(
    *cases: tuple[object, object], default: object, labels: Sequence[str | Mapping[str, str]] | None = None
) -> Expr:
    """The value of the first case whose condition holds (else ``default``): a chain of ``when``."""
    values = _unify([*(v for _, v in cases), default])
    result = values[-1]
    for i in range(len(cases) - 1, -1, -1):
        label = labels[i] if labels else None
        result = when(cases[i][0], values[i], result, label=label)
    return result


def _extreme(op: str, values: Sequence[object]) -> Expr:
    if len(values) < 2:
        raise FormulaTypeError(f"{op}_ needs at least two values")
    exprs = _unify(values)
    if exprs[0].kind not in ORDERED:
        raise FormulaTypeError(f"{op}_ needs money, numbers or rates")
    return Expr(op, tuple(exprs), exprs[0].kind, join_entity(*exprs))


def max_(*values: object) -> Expr:
    """The largest of the values (``max_(0, x)`` keeps an amount from going below zero)."""
    return _extreme("max", values)


def min_(*values: object) -> Expr:
    """The smallest of the values."""
    return _extreme("min", values)


def money(amount: object) -> Expr:
    """A money constant in dollars (``money(5)``, ``money("12.50")``): where no neighbour says it is money."""
    return const(amount, Kind.MONEY)


def rate(text: str) -> Expr:
    """A rate constant written as text, e.g. ``rate("0.25")``."""
    return const(Decimal(text), Kind.RATE)


def rate_value(ppm: int) -> Decimal:
    """Millionths back to a Decimal rate."""
    return Decimal(ppm) / RATE_SCALE
