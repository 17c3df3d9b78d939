"""The batch evaluator: the same graph compiled to numpy operations over a whole caseload.

Money is int64 cents, rates integer millionths, booleans bool arrays, enums int16 codes into the
node's domain. Unknowns (parameter gaps, masked input columns) travel as a boolean mask beside each
value (``None`` when nothing is unknown, which is the fast common case) with the same Kleene rules as
the per-case path, so both agree on every case. The operations themselves are in ``batch_ops``.
Intermediate arrays are freed after their last use, to keep peak memory near the inputs' own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from onestop.rules.batch_bounds import BoundsPlan, merge
from onestop.rules.batch_ops import (
    ARITH,
    NO_COLUMNS,
    BatchStep,
    Mask,
    Value,
    all_step,
    and_step,
    any_step,
    apply_remap,
    b_div,
    b_mulrate,
    count_step,
    fold,
    gather,
    input_step,
    m_or,
    nomask,
    not_step,
    or_step,
    remap_codes,
    sum_step,
    table_step,
)
from onestop.rules.columns import Array, Columns
from onestop.rules.errors import FormulaError
from onestop.rules.expr import Expr
from onestop.rules.graph import Graph, Snapshot
from onestop.rules.program import Program
from onestop.rules.types import Entity, Kind

__all__ = [
    "ELIGIBLE_CODE",
    "INELIGIBLE_CODE",
    "UNDETERMINED_CODE",
    "BatchPlan",
    "BatchResult",
    "b_div",
    "b_mulrate",
    "batch_plan",
]
ELIGIBLE_CODE, INELIGIBLE_CODE, UNDETERMINED_CODE = 1, 0, -1
FRESH_OPS = ("add", "sub", "mul", "mulrate", "mulrr", "when", "max", "min", "div")  # each makes a new array
UFUNCS: dict[str, np.ufunc] = {"add": np.add, "sub": np.subtract, "mul": np.multiply}
InPlace = Callable[[list[Any], list[Mask], int], Value | None]


class BatchPlan:
    """A program compiled to numpy for one parameter snapshot."""

    def __init__(self, graph: Graph, snap: Snapshot) -> None:
        self.graph = graph
        self.snapshot = snap
        n = len(graph.nodes)
        self.const_vals: list[Any] = [None] * n
        self.const_masks: list[Mask] = [None] * n
        self.steps: list[tuple[int, BatchStep]] = []
        for i, node in enumerate(graph.nodes):
            fn = self._compile(node)
            if graph.constant[i]:
                self.const_vals[i], self.const_masks[i] = fn(self.const_vals, self.const_masks, NO_COLUMNS)
            else:
                self.steps.append((i, fn))
        # A temporary array whose last reader is an add/sub/mul/when may receive that step's result,
        # saving an allocation (and its page faults) per step. Arrays read through a var are shared.
        shared = {graph.of(n.args[0]) for n in graph.nodes if n.op == "var"}
        self.donors = {i for i, n in enumerate(graph.nodes) if n.op in FRESH_OPS and i not in shared}
        self.inplace: dict[int, tuple[list[int], InPlace]] = {}
        for i, node in enumerate(graph.nodes):
            if not graph.constant[i]:
                self._compile_inplace(i, node)
        self._bounds: BoundsPlan | None = None
        self._plans: dict[frozenset[int], tuple[dict[int, list[int]], dict[int, int]]] = {}

    def run(self, cols: Columns, keep: Sequence[str] = ()) -> BatchResult:
        """Evaluate every unit; keeps the tests, amounts, benefit and the variables named in ``keep``."""
        g = self.graph
        wanted = {*g.tests, *g.amounts.values(), *(g.named[k] for k in keep)}
        wanted.update(i for i in g.per_person.values() if i is not None)
        if g.pays is not None:
            wanted.add(g.pays)
        last_use, donor_of = self._memory_plan(wanted)
        vals = list(self.const_vals)
        masks = list(self.const_masks)
        i = -1
        try:
            for step_no, (i, fn) in enumerate(self.steps):
                donor = donor_of.get(step_no)
                done = self.inplace[i][1](vals, masks, donor) if donor is not None else None
                vals[i], masks[i] = done if done is not None else fn(vals, masks, cols)
                for dead in last_use.get(step_no, ()):
                    vals[dead] = masks[dead] = None
        except Exception as err:  # a failing formula is named, never turned into zeros
            node = g.nodes[i]
            raise FormulaError(g.program.id, node.owner or node.op, f"{type(err).__name__}: {err}") from err
        outputs = {k: (vals[k], masks[k]) for k in wanted}
        result = BatchResult(self, cols, outputs)
        decisive = [*g.tests, *([] if g.pays is None else [g.pays])]
        if any(masks[k] is not None and np.any(masks[k]) for k in decisive):
            undetermined = result.status == UNDETERMINED_CODE
            if undetermined.any():  # a second look with bounds on the unknowns (rules.bounds)
                result = BatchResult(self, cols, merge(self, cols, outputs, undetermined))
        return result

    def bounds(self) -> BoundsPlan:
        """The graph compiled to steps on bounds, for units plain evaluation leaves undetermined."""
        if self._bounds is None:
            self._bounds = BoundsPlan(self)
        return self._bounds

    def _memory_plan(self, wanted: set[int]) -> tuple[dict[int, list[int]], dict[int, int]]:
        """When each temporary dies, and which dying temporary each step may write its result into."""
        key = frozenset(wanted)
        if key not in self._plans:
            last_use = self._last_use(wanted)
            donor_of: dict[int, int] = {}
            for step_no, (i, _) in enumerate(self.steps):
                candidates = self.inplace.get(i, ([], None))[0]
                dying = [a for a in candidates if a in last_use.get(step_no, ()) and a in self.donors]
                if dying:
                    donor_of[step_no] = dying[0]
            self._plans[key] = (last_use, donor_of)
        return self._plans[key]

    def _compile_inplace(self, i: int, node: Expr) -> None:
        """Variants of add/sub/mul/when that write into a dying argument's buffer."""
        same = [self.graph.of(a) for a in node.args if a.entity is node.entity and node.entity is not None]
        if node.op in ("add", "sub", "mul") and node.kind is not Kind.ENUM:
            f = UFUNCS[node.op]
            a, b = (self.graph.of(x) for x in node.args)

            def arith(v: list[Any], m: list[Mask], donor: int) -> Value | None:
                out = v[donor]
                if not (isinstance(out, np.ndarray) and out.dtype == np.int64):
                    return None
                f(v[a], v[b], out=out)
                return out, m_or(m[a], m[b])

            self.inplace[i] = (same, arith)
        elif node.op == "when" and node.kind is not Kind.ENUM:
            ci, ti, ei = (self.graph.of(x) for x in node.args)

            def when(v: list[Any], m: list[Mask], donor: int) -> Value | None:
                out = v[donor]
                if donor != ti or m[ci] is not None or m[ti] is not None or m[ei] is not None:
                    return None
                if not isinstance(out, np.ndarray) or out.dtype != np.int64:
                    return None
                if isinstance(v[ei], int) and v[ei] == 0:  # when(cond, x, 0): one multiplication
                    np.multiply(out, v[ci], out=out)
                else:
                    np.copyto(out, v[ei], where=np.logical_not(v[ci]))
                return out, None

            self.inplace[i] = ([ti] if ti in same else [], when)

    def _last_use(self, wanted: set[int]) -> dict[int, list[int]]:
        step_of = {node_index: n for n, (node_index, _) in enumerate(self.steps)}
        last: dict[int, int] = {}
        for node_index, _ in self.steps:
            for arg in self.graph.nodes[node_index].args:
                a = self.graph.of(arg)
                if a in step_of:
                    last[a] = max(last.get(a, -1), step_of[node_index])
        out: dict[int, list[int]] = {}
        for a, step_no in last.items():
            if a not in wanted:
                out.setdefault(step_no, []).append(a)
        return out

    # compiling ---------------------------------------------------------------------------------
    def _compile(self, node: Expr) -> BatchStep:
        op = node.op
        args = [self.graph.of(a) for a in node.args]
        if op == "const":
            value = 0 if node.kind is Kind.ENUM else node.data
            return lambda v, m, c: (value, None)
        if op == "param":
            pv = self.snapshot.versions[node.data.name].value
            return lambda v, m, c: (0, True) if pv is None else (pv, None)
        if op == "input":
            return input_step(node)
        if op == "members":
            return lambda v, m, c: (c.counts, None)
        if op == "var":
            (a,) = args
            remap = remap_codes(node.args[0].domain, node.domain) if node.kind is Kind.ENUM else None
            return lambda v, m, c: (apply_remap(remap, v[a]), m[a])
        if op == "bcast":
            (a,) = args
            return lambda v, m, c: (gather(v[a], c), None if m[a] is None else gather(m[a], c))
        if op in ("eq", "ne") and node.args[0].kind is Kind.ENUM:
            return self._enum_compare(node, args)
        if op in ARITH:
            f = ARITH[op]
            a, b = args
            return lambda v, m, c: (f(v[a], v[b]), m_or(m[a], m[b]))
        if op == "div":
            (a,) = args
            d = node.data
            return lambda v, m, c: (b_div(v[a], d), m[a])
        if op in ("max", "min"):
            red = np.maximum if op == "max" else np.minimum
            return lambda v, m, c: (fold(red, [v[a] for a in args]), m_or(*[m[a] for a in args]))
        table: dict[str, Callable[[Expr, list[int]], BatchStep]] = {
            "and": and_step,
            "or": or_step,
            "not": not_step,
            "when": self._when,
            "sum": sum_step,
            "count": count_step,
            "any": any_step,
            "all": all_step,
            "lookup": self._lookup,
            "bracket": self._bracket,
        }
        return table[op](node, args)

    def _enum_compare(self, node: Expr, args: list[int]) -> BatchStep:
        left, right = node.args
        union = tuple(dict.fromkeys([*(left.domain or ()), *(right.domain or ())]))
        ra, rb = remap_codes(left.domain, union), remap_codes(right.domain, union)
        f = np.equal if node.op == "eq" else np.not_equal
        a, b = args
        return lambda v, m, c: (f(apply_remap(ra, v[a]), apply_remap(rb, v[b])), m_or(m[a], m[b]))

    def _when(self, node: Expr, args: list[int]) -> BatchStep:
        _, then, other = node.args
        rt = remap_codes(then.domain, node.domain) if node.kind is Kind.ENUM else None
        re_ = remap_codes(other.domain, node.domain) if node.kind is Kind.ENUM else None
        ci, ti, ei = args

        def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
            cv, tv, ev = v[ci], apply_remap(rt, v[ti]), apply_remap(re_, v[ei])
            value = np.where(cv, tv, ev)
            mc, mt, me = m[ci], m[ti], m[ei]
            if mc is None and mt is None and me is None:
                return value, None
            mask = np.where(cv, nomask(mt), nomask(me)) if (mt is not None or me is not None) else None
            if mc is not None:  # unknown condition: known only when both branches agree
                agree = np.equal(tv, ev) & ~np.asarray(nomask(mt)) & ~np.asarray(nomask(me))
                mask = np.where(mc, ~agree, nomask(mask))
            return value, mask

        return step

    def _lookup(self, node: Expr, args: list[int]) -> BatchStep:
        version = self.snapshot.versions[node.data.name]
        return table_step(node.args, args, version.value, None)

    def _bracket(self, node: Expr, args: list[int]) -> BatchStep:
        version = self.snapshot.versions[node.data.name]
        return table_step(node.args[:-1], args, version.value, args[-1])


@dataclass
class BatchResult:
    """Outputs of a batch run: per-unit arrays and their unknown masks."""

    plan: BatchPlan
    cols: Columns
    outputs: dict[int, Value]

    def _full(self, index: int) -> Value:
        value, mask = self.outputs[index]
        person = self.plan.graph.nodes[index].entity is Entity.PERSON
        n = self.cols.n_persons if person else self.cols.n_units
        value = np.broadcast_to(value, (n,)) if np.ndim(value) == 0 else value
        mask = np.zeros(n, bool) if mask is None else np.broadcast_to(mask, (n,))
        return value, mask

    def value(self, name: str) -> Value:
        """A kept variable's values and unknown mask: one per unit, or per person row for person values
        (enums as codes, see ``domain``)."""
        return self._full(self.plan.graph.named[name])

    def domain(self, name: str) -> tuple[str, ...] | None:
        """The values an enum variable's codes stand for."""
        return self.plan.graph.nodes[self.plan.graph.named[name]].domain

    @property
    def status(self) -> Array:
        """Per unit: 1 eligible, 0 ineligible, -1 undetermined."""
        n = self.cols.n_units
        any_false = np.zeros(n, bool)
        all_true = np.ones(n, bool)
        for t in self.plan.graph.tests:
            value, mask = self._full(t)
            any_false |= ~value.astype(bool) & ~mask
            all_true &= value.astype(bool) & ~mask
        if self.plan.graph.pays is not None:  # eligible also needs the amount to be known
            all_true &= ~self._full(self.plan.graph.pays)[1]
        return np.where(
            any_false, INELIGIBLE_CODE, np.where(all_true, ELIGIBLE_CODE, UNDETERMINED_CODE)
        ).astype(np.int8)

    def monthly_amount(self) -> Value:
        """The benefit in cents (0 when ineligible) and the mask of undetermined units."""
        pays = self.plan.graph.pays
        if pays is None:  # a program that pays no monthly amount: unknown everywhere, like the per-case path
            n = self.cols.n_units
            return np.zeros(n, np.int64), np.ones(n, bool)
        status = self.status
        value, _ = self._full(pays)
        return np.where(status == ELIGIBLE_CODE, value, 0), status == UNDETERMINED_CODE

    def amount(self, name: str) -> Value:
        """A named amount in cents and its unknown mask (per person row for a person amount)."""
        return self._full(self.plan.graph.amounts[name])

    def listed(self, name: str) -> Array:
        """Per person row: whether a person amount is reported for that member (its ``for_members``)."""
        listing = self.plan.graph.per_person[name]
        if listing is None:
            return np.ones(self.cols.n_persons, bool)
        value, mask = self._full(listing)
        listed: Array = np.asarray(value, dtype=bool) | mask
        return listed


def batch_plan(program: Program, on: Any) -> BatchPlan:
    """The program compiled for the parameters in force on a date (cached per snapshot)."""
    from onestop.rules.graph import graph_of, snapshot

    snap = snapshot(program, on)
    plan = program.cache.get(("batch", snap.key))
    if plan is None:
        plan = program.cache[("batch", snap.key)] = BatchPlan(graph_of(program), snap)
    assert isinstance(plan, BatchPlan)
    return plan
