"""The per-case evaluator: the graph compiled once per parameter snapshot into a list of closures.

Values live in one flat list (slot 0 holds the number of members); unit values are scalars and
person values are lists with one entry per member. ``None`` means unknown, and every operation is
three-valued (Kleene): ``False & unknown`` is ``False``, ``True | unknown`` is ``True``, other
operations on an unknown are unknown. Nodes that depend on no case value are computed once per
snapshot into the template list, so a case only runs the steps that read it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from itertools import repeat
from typing import Any

from onestop.rules import bounds
from onestop.rules.errors import FormulaError
from onestop.rules.expr import Expr
from onestop.rules.graph import Graph, Snapshot
from onestop.rules.parameters import Parameter
from onestop.rules.values import div_round, mul_rate

Step = Callable[[list[Any]], Any]
N = 0  # slot of the member count; node i lives in slot i + 1


def _none2(f: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    def g(x: Any, y: Any) -> Any:
        return None if x is None or y is None else f(x, y)

    return g


BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "add": _none2(operator.add),
    "sub": _none2(operator.sub),
    "mul": _none2(operator.mul),
    "mulrate": _none2(mul_rate),
    "mulrr": _none2(mul_rate),
    "lt": _none2(operator.lt),
    "le": _none2(operator.le),
    "gt": _none2(operator.gt),
    "ge": _none2(operator.ge),
    "eq": _none2(operator.eq),
    "ne": _none2(operator.ne),
}


def k_and(*xs: Any) -> Any:
    """Kleene and."""
    unknown = False
    for x in xs:
        if x is False:
            return False
        if x is None:
            unknown = True
    return None if unknown else True


def k_or(*xs: Any) -> Any:
    """Kleene or."""
    unknown = False
    for x in xs:
        if x is True:
            return True
        if x is None:
            unknown = True
    return None if unknown else False


def k_not(x: Any) -> Any:
    """Kleene not."""
    return None if x is None else not x


def k_when(c: Any, t: Any, e: Any) -> Any:
    """Branch; with an unknown condition the value is known only if both branches agree."""
    if c is True:
        return t
    if c is False:
        return e
    return t if t is not None and t == e else None


def _extreme(f: Callable[..., Any]) -> Callable[..., Any]:
    def g(*xs: Any) -> Any:
        return None if any(x is None for x in xs) else f(xs)

    return g


def r_sum(xs: Sequence[Any]) -> Any:
    """Sum over members; unknown if any member's value is."""
    total = 0
    for x in xs:
        if x is None:
            return None
        total += x
    return total


def r_count(xs: Sequence[Any]) -> Any:
    """Members for whom a condition holds; unknown if any is unknown."""
    return None if any(x is None for x in xs) else sum(1 for x in xs if x)


def r_any(xs: Sequence[Any]) -> Any:
    """Kleene any."""
    return k_or(*xs)


def r_all(xs: Sequence[Any]) -> Any:
    """Kleene all."""
    return k_and(*xs)


def table_get(table: Any, keys: Sequence[Any]) -> Any:
    """Nested lookup; a gap (null), a missing row or an unknown key gives unknown."""
    for k in keys:
        if k is None or table is None:
            return None
        table = table.get(k)
    return table


def bracket_get(rows: Any, x: Any) -> Any:
    """Value of the last bracket starting at or below ``x``."""
    if rows is None or x is None:
        return None
    found = None
    for start, value in rows:
        if start > x:
            break
        found = value
    return found


class CasePlan:
    """A program compiled for one parameter snapshot."""

    def __init__(self, graph: Graph, snap: Snapshot) -> None:
        self.graph = graph
        self.snapshot = snap
        self.template: list[Any] = [None] * (len(graph.nodes) + 1)
        self.unit_inputs: list[tuple[int, str]] = []
        self.person_inputs: list[tuple[int, str]] = []
        self.member_slots: list[int] = []
        self.steps: list[tuple[int, Step]] = []
        self._bounded: list[tuple[int, Step]] | None = None  # made when first needed (see ``refine``)
        # A result is undetermined when no test failed and a test or the amount paid is unknown
        # (``ProgramResult``): only then is it refined with bounds.
        self.test_slots = [i + 1 for i in graph.tests]
        self.decisive_slots = [*self.test_slots, *([] if graph.pays is None else [graph.pays + 1])]
        self._param_info: dict[tuple[str, str], dict[str, Any]] = {}
        self.entries: dict[Any, Any] = {}  # explanation entries of parameter cells (see ProgramResult)
        for i, node in enumerate(graph.nodes):
            slot = i + 1
            if node.op == "input":
                target = (
                    self.person_inputs
                    if node.entity is not None and node.entity.value == "person"
                    else self.unit_inputs
                )
                target.append((slot, node.data.name))
            elif node.op == "members":
                self.member_slots.append(slot)
            elif graph.constant[i]:
                self.template[slot] = self._compile(node)(self.template)
            else:
                self.steps.append((slot, self._compile(node)))

    def run(self, unit: dict[str, Any], people: list[dict[str, Any]]) -> list[Any]:
        """Evaluate one case (its unit values and its members' values); returns every node's value."""
        vals = self.template.copy()
        vals[N] = len(people)
        for slot, name in self.unit_inputs:
            vals[slot] = unit.get(name)
        for slot, name in self.person_inputs:
            vals[slot] = [p.get(name) for p in people]
        for slot in self.member_slots:
            vals[slot] = vals[N]
        self._run(vals, self.steps)
        for i in self.test_slots:
            if vals[i] is False:  # ineligible whatever else is unknown: nothing to refine
                return vals
        if None in [vals[i] for i in self.decisive_slots]:
            return self.refine(vals)
        return vals

    def _run(self, vals: list[Any], steps: list[tuple[int, Step]]) -> None:
        slot = 0
        try:
            for slot, fn in steps:
                vals[slot] = fn(vals)
        except Exception as err:  # a failing formula is named, never turned into a zero
            node = self.graph.nodes[slot - 1]
            raise FormulaError(
                self.graph.program.id, node.owner or node.op, f"{type(err).__name__}: {err}"
            ) from err

    def refine(self, vals: list[Any]) -> list[Any]:
        """Evaluate again with bounds on the unknowns (``rules.bounds``): a value the unknowns
        cannot change becomes known. Only for results plain evaluation leaves undetermined."""
        if self._bounded is None:
            self._bounded = [
                (i + 1, self._compile_bounded(node))
                for i, node in enumerate(self.graph.nodes)
                if node.op not in ("input", "members")
            ]
        out = vals.copy()
        self._run(out, self._bounded)
        return [bounds.unbound(v) for v in out]

    def parameter_info(self, param: Parameter, lang: str) -> dict[str, Any]:
        """What an explanation says about a parameter in this snapshot (built once per language)."""
        key = (param.name, lang)
        info = self._param_info.get(key)
        if info is None:
            version = self.snapshot.versions[param.name]
            source = version.source
            info = self._param_info[key] = {
                "name": param.name,
                "label": param.label(lang),
                "keys": [],
                "value": None,
                "effective": version.effective.isoformat(),
                "source": {"title": source.title, "url": source.url, "section": source.section},
                "confidence": version.confidence,
                "note": version.note,
            }
        return info

    def _slot(self, node: Expr) -> int:
        return self.graph.of(node) + 1

    def _compile(self, node: Expr) -> Step:
        op = node.op
        slots = [self._slot(a) for a in node.args]
        lists = [a.entity is not None and a.entity.value == "person" for a in node.args]
        if op == "const":
            value = node.data
            return lambda v: value
        if op == "param":
            value = self.snapshot.versions[node.data.name].value
            return lambda v: value
        if op == "var":
            (s,) = slots
            return lambda v: v[s]
        if op == "bcast":
            (s,) = slots
            return lambda v: [v[s]] * v[N]
        reducers = {"sum": r_sum, "count": r_count, "any": r_any, "all": r_all}
        if op in reducers:
            (s,) = slots
            red = reducers[op]
            return lambda v: red(v[s])
        return _elementwise(self._scalar_fn(node), slots, lists)

    def _compile_bounded(self, node: Expr) -> Step:
        """A step on bounds for numbers (money, counts, rates); other kinds as in ``_compile``."""
        op = node.op
        numeric_args = bool(node.args) and node.args[0].kind in bounds.NUMERIC
        if node.kind not in bounds.NUMERIC and not (op in bounds.COMPARE and numeric_args):
            return self._compile(node)
        slots = [self._slot(a) for a in node.args]
        lists = [a.entity is not None and a.entity.value == "person" for a in node.args]
        if op == "param":
            param = node.data
            value = self.snapshot.versions[param.name].value
            gap = bounds.Iv(bounds.floor_of(param), bounds.INF)
            return lambda v: gap if value is None else value
        if op in ("const", "var", "bcast"):
            return self._compile(node)
        if op in ("sum", "count"):
            (s,) = slots
            red = bounds.b_sum if op == "sum" else bounds.b_count
            return lambda v: red(v[s])
        scalar: Callable[..., Any]
        if op in bounds.SCALAR:
            scalar = bounds.SCALAR[op]
        elif op == "div":
            scalar = bounds.b_div(node.data)
        elif op == "when":
            scalar = bounds.hull_when
        else:  # lookup, bracket
            scalar = self._bounded_table(node)
        return _elementwise(scalar, slots, lists)

    def _bounded_table(self, node: Expr) -> Callable[..., Any]:
        param = node.data
        table = self.snapshot.versions[param.name].value
        floor = bounds.floor_of(param)
        bracket = node.op == "bracket"
        keys = node.args[:-1] if bracket else node.args
        hull = bounds.mk(*bounds.table_hull(keys, table, bracket, floor))
        gap = bounds.Iv(floor, bounds.INF)

        def lookup(*args: Any) -> Any:
            if any(a is None or type(a) is bounds.Iv for a in args):
                return hull
            if bracket:
                found = bracket_get(table_get(table, args[:-1]) if len(args) > 1 else table, args[-1])
            else:
                found = table_get(table, args)
            return gap if found is None else found

        return lookup

    def _scalar_fn(self, node: Expr) -> Callable[..., Any]:
        op = node.op
        if op in BINARY:
            return BINARY[op]
        if op == "div":
            d = node.data
            return lambda x: None if x is None else div_round(x, d)
        if op == "lookup":
            table = self.snapshot.versions[node.data.name].value
            return lambda *keys: table_get(table, keys)
        if op == "bracket":
            table = self.snapshot.versions[node.data.name].value
            return lambda *args: bracket_get(
                table_get(table, args[:-1]) if len(args) > 1 else table, args[-1]
            )
        simple: dict[str, Callable[..., Any]] = {
            "and": k_and,
            "or": k_or,
            "not": k_not,
            "when": k_when,
            "max": _extreme(max),
            "min": _extreme(min),
        }
        return simple[op]


def _elementwise(f: Callable[..., Any], slots: list[int], lists: list[bool]) -> Step:
    """Apply a scalar function to unit values, or member by member when an argument is a person list."""
    if not any(lists):
        if len(slots) == 1:
            (a,) = slots
            return lambda v: f(v[a])
        if len(slots) == 2:
            a, b = slots
            return lambda v: f(v[a], v[b])
        if len(slots) == 3:
            a, b, c = slots
            return lambda v: f(v[a], v[b], v[c])
        return lambda v: f(*[v[s] for s in slots])
    if len(slots) == 1:
        (a,) = slots
        return lambda v: [f(x) for x in v[a]]
    if len(slots) == 2 and all(lists):
        a, b = slots
        return lambda v: [f(x, y) for x, y in zip(v[a], v[b], strict=True)]
    pairs = list(zip(slots, lists, strict=True))
    return lambda v: [
        f(*row) for row in zip(*[v[s] if is_list else repeat(v[s]) for s, is_list in pairs], strict=False)
    ]
