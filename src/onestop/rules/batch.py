"""The batch evaluator: the same graph compiled to numpy operations over a whole caseload.

Money is int64 cents, rates integer millionths, booleans bool arrays, enums int16 codes into the
node's domain. Unknowns (parameter gaps, masked input columns) travel as a boolean mask beside each
value (``None`` when nothing is unknown, which is the fast common case) with the same Kleene rules as
the per-case path, so both agree on every case. Sums over members use ``np.add.reduceat`` when the
persons are sorted by unit (exact int64), and ``np.add.at`` otherwise. Intermediate arrays are freed
after their last use, to keep peak memory near the inputs' own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from onestop.rules.columns import Array, Columns
from onestop.rules.errors import FormulaError
from onestop.rules.expr import Expr
from onestop.rules.graph import Graph, Snapshot
from onestop.rules.program import Program
from onestop.rules.types import Entity, Kind
from onestop.rules.values import RATE_SCALE, div_round, mul_rate

Mask = Any  # None (all known), a bool, or a bool array
Value = tuple[Any, Mask]
BatchStep = Callable[[list[Any], list[Mask], Columns], Value]
ELIGIBLE_CODE, INELIGIBLE_CODE, UNDETERMINED_CODE = 1, 0, -1
_H = RATE_SCALE // 2


def m_or(*masks: Mask) -> Mask:
    """Union of masks; ``None`` when none is set."""
    out: Mask = None
    for m in masks:
        if m is None or m is False:
            continue
        out = m if out is None else (out | m)
    return out


def _nomask(m: Mask) -> Any:
    return False if m is None else m


def b_mulrate(x: Any, r: Any) -> Any:
    """Money times rate, half-up (ties away from zero), identical to ``values.mul_rate``."""
    if np.ndim(x) == 0 and np.ndim(r) == 0:
        return mul_rate(int(x), int(r))
    p = np.multiply(x, r, dtype=np.int64)
    if p.size == 0 or p.min() >= 0:
        p += _H
        p //= RATE_SCALE
        return p
    q = (np.abs(p) + _H) // RATE_SCALE
    return np.where(p < 0, -q, q)


def b_div(x: Any, d: int) -> Any:
    """Money divided by a whole number, half-up, identical to ``values.div_round``."""
    if np.ndim(x) == 0:
        return div_round(int(x), d)
    q = (np.abs(x) * 2 + abs(d)) // (2 * abs(d))
    return np.where((x >= 0) == (d > 0), q, -q)


_ARITH: dict[str, Callable[[Any, Any], Any]] = {
    "add": np.add,
    "sub": np.subtract,
    "mul": np.multiply,
    "mulrate": b_mulrate,
    "mulrr": b_mulrate,
    "lt": np.less,
    "le": np.less_equal,
    "gt": np.greater,
    "ge": np.greater_equal,
    "eq": np.equal,
    "ne": np.not_equal,
}


class Reducer:
    """Per-unit reductions of person arrays.

    With persons sorted by unit and no empty unit, a sum is a difference of an int64 running total
    at each unit's last row: exact even if the running total wraps around, since each unit's own
    sum fits in int64 (two's complement arithmetic is modular), and faster than ``np.add.reduceat``.
    """

    def __init__(self, cols: Columns) -> None:
        self.cols = cols

    def add(self, x: Any) -> Any:
        cols = self.cols
        x = np.broadcast_to(x, (cols.n_persons,))
        if cols.ends is not None:
            running = np.cumsum(x, dtype=np.int64)
            out = running[cols.ends]
            out[1:] -= running[cols.ends[:-1]]
            return out
        out = np.zeros(cols.n_units, np.int64)
        np.add.at(out, cols.unit_index, x)
        return out

    def any(self, x: Any) -> Any:
        return self.add(x) > 0


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
                self.const_vals[i], self.const_masks[i] = fn(self.const_vals, self.const_masks, _NO_COLUMNS)
            else:
                self.steps.append((i, fn))

    def run(self, cols: Columns, keep: Sequence[str] = ()) -> BatchResult:
        """Evaluate every unit; keeps the tests, amounts, benefit and the variables named in ``keep``."""
        g = self.graph
        wanted = {*g.tests, *g.amounts.values(), *(g.named[k] for k in keep)}
        if g.pays is not None:
            wanted.add(g.pays)
        last_use = self._last_use(wanted)
        vals = list(self.const_vals)
        masks = list(self.const_masks)
        i = -1
        try:
            for step_no, (i, fn) in enumerate(self.steps):
                vals[i], masks[i] = fn(vals, masks, cols)
                for dead in last_use.get(step_no, ()):
                    vals[dead] = masks[dead] = None
        except Exception as err:  # a failing formula is named, never turned into zeros
            node = g.nodes[i]
            raise FormulaError(g.program.id, node.owner or node.op, f"{type(err).__name__}: {err}") from err
        return BatchResult(self, cols, {k: (vals[k], masks[k]) for k in wanted})

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
            return _input(node)
        if op == "members":
            return lambda v, m, c: (c.counts, None)
        if op == "var":
            (a,) = args
            remap = _remap(node.args[0].domain, node.domain) if node.kind is Kind.ENUM else None
            return lambda v, m, c: (_apply(remap, v[a]), m[a])
        if op == "bcast":
            (a,) = args
            return lambda v, m, c: (_gather(v[a], c), None if m[a] is None else _gather(m[a], c))
        if op in ("eq", "ne") and node.args[0].kind is Kind.ENUM:
            return self._enum_compare(node, args)
        if op in _ARITH:
            f = _ARITH[op]
            a, b = args
            return lambda v, m, c: (f(v[a], v[b]), m_or(m[a], m[b]))
        if op == "div":
            (a,) = args
            d = node.data
            return lambda v, m, c: (b_div(v[a], d), m[a])
        if op in ("max", "min"):
            red = np.maximum if op == "max" else np.minimum
            return lambda v, m, c: (_fold(red, [v[a] for a in args]), m_or(*[m[a] for a in args]))
        table: dict[str, Callable[[Expr, list[int]], BatchStep]] = {
            "and": _and,
            "or": _or,
            "not": _not,
            "when": self._when,
            "sum": _sum,
            "count": _count,
            "any": _any,
            "all": _all,
            "lookup": self._lookup,
            "bracket": self._bracket,
        }
        return table[op](node, args)

    def _enum_compare(self, node: Expr, args: list[int]) -> BatchStep:
        left, right = node.args
        union = tuple(dict.fromkeys([*(left.domain or ()), *(right.domain or ())]))
        ra, rb = _remap(left.domain, union), _remap(right.domain, union)
        f = np.equal if node.op == "eq" else np.not_equal
        a, b = args
        return lambda v, m, c: (f(_apply(ra, v[a]), _apply(rb, v[b])), m_or(m[a], m[b]))

    def _when(self, node: Expr, args: list[int]) -> BatchStep:
        _, then, other = node.args
        rt = _remap(then.domain, node.domain) if node.kind is Kind.ENUM else None
        re_ = _remap(other.domain, node.domain) if node.kind is Kind.ENUM else None
        ci, ti, ei = args

        def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
            cv, tv, ev = v[ci], _apply(rt, v[ti]), _apply(re_, v[ei])
            value = np.where(cv, tv, ev)
            mc, mt, me = m[ci], m[ti], m[ei]
            if mc is None and mt is None and me is None:
                return value, None
            mask = np.where(cv, _nomask(mt), _nomask(me)) if (mt is not None or me is not None) else None
            if mc is not None:  # unknown condition: known only when both branches agree
                agree = np.equal(tv, ev) & ~np.asarray(_nomask(mt)) & ~np.asarray(_nomask(me))
                mask = np.where(mc, ~agree, _nomask(mask))
            return value, mask

        return step

    def _lookup(self, node: Expr, args: list[int]) -> BatchStep:
        version = self.snapshot.versions[node.data.name]
        return _table_step(node.args, args, version.value, None)

    def _bracket(self, node: Expr, args: list[int]) -> BatchStep:
        version = self.snapshot.versions[node.data.name]
        return _table_step(node.args[:-1], args, version.value, args[-1])


class _NoColumns(Columns):
    pass


_NO_COLUMNS = _NoColumns(n_units=0, unit_index=np.zeros(0, np.int64))


def _input(node: Expr) -> BatchStep:
    name = node.data.name
    person = node.entity is Entity.PERSON
    key = ("person." if person else "unit.") + name

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        source = c.person if person else c.unit
        if name not in source:  # an absent column is unknown for everyone, never zero
            return 0, True
        return source[name], c.masks.get(key)

    return step


def _gather(x: Any, c: Columns) -> Any:
    return x[c.unit_index] if np.ndim(x) else x


def _fold(f: Callable[[Any, Any], Any], xs: list[Any]) -> Any:
    out = xs[0]
    for x in xs[1:]:
        out = f(out, x)
    return out


def _remap(domain: tuple[str, ...] | None, target: tuple[str, ...] | None) -> Array | None:
    if not domain or not target or domain == target[: len(domain)]:
        return None
    return np.array([target.index(x) for x in domain], dtype=np.int16)


def _apply(remap: Array | None, codes: Any) -> Any:
    return codes if remap is None else remap[codes]


def _and(node: Expr, args: list[int]) -> BatchStep:
    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        if all(m[a] is None for a in args):
            return _fold(np.logical_and, [v[a] for a in args]), None
        known_false = _fold(np.logical_or, [~np.asarray(v[a]) & ~np.asarray(_nomask(m[a])) for a in args])
        unknown = m_or(*[m[a] for a in args]) & ~known_false
        return ~known_false, unknown

    return step


def _or(node: Expr, args: list[int]) -> BatchStep:
    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        if all(m[a] is None for a in args):
            return _fold(np.logical_or, [v[a] for a in args]), None
        known_true = _fold(np.logical_or, [np.asarray(v[a]) & ~np.asarray(_nomask(m[a])) for a in args])
        unknown = m_or(*[m[a] for a in args]) & ~known_true
        return known_true, unknown

    return step


def _not(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args
    return lambda v, m, c: (np.logical_not(v[a]), m[a])


def _person_mask(mask: Mask, c: Columns) -> Any:
    return np.broadcast_to(mask, (c.n_persons,))


def _sum(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args
    return lambda v, m, c: (
        Reducer(c).add(v[a]),
        None if m[a] is None else Reducer(c).any(_person_mask(m[a], c)),
    )


def _count(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args
    return lambda v, m, c: (
        Reducer(c).add(v[a]),
        None if m[a] is None else Reducer(c).any(_person_mask(m[a], c)),
    )


def _any(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        r = Reducer(c)
        if m[a] is None:
            return r.any(v[a]), None
        mask = _person_mask(m[a], c)
        known_true = r.any(np.asarray(v[a]) & ~mask)
        return known_true, r.any(mask) & ~known_true

    return step


def _all(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        r = Reducer(c)
        if m[a] is None:
            return ~r.any(~np.asarray(v[a], dtype=bool)), None
        mask = _person_mask(m[a], c)
        known_false = r.any(~np.asarray(v[a], dtype=bool) & ~mask)
        return ~known_false, r.any(mask) & ~known_false

    return step


def _table_step(keys: Sequence[Expr], slots: list[int], table: Any, bracket_slot: int | None) -> BatchStep:
    """Lookups become array indexing into a dense table (gaps and rows absent are masked)."""
    spaces = [_key_space(k, table, depth) for depth, k in enumerate(keys)]
    shape = tuple(len(space) for space, _ in spaces) or ()
    cells = np.empty(shape, dtype=object)
    for flat in range(int(np.prod(shape)) if shape else 1):
        pos = np.unravel_index(flat, shape) if shape else ()
        cell = table
        for (space, _), p in zip(spaces, pos, strict=True):
            cell = cell.get(space[p]) if isinstance(cell, dict) else None
        cells[pos] = cell
    key_slots = slots[: len(keys)]
    if bracket_slot is None:
        gap = np.vectorize(lambda x: x is None, otypes=[bool])(cells) if shape else np.array(cells is None)
        values = (
            np.where(gap, 0, cells).astype(np.int64)
            if shape
            else np.int64(0 if cells.item() is None else cells.item())
        )
        return _lookup_step(spaces, key_slots, values, gap)
    return _bracket_step(spaces, key_slots, cells, bracket_slot)


def _key_space(key: Expr, table: Any, depth: int) -> tuple[list[Any], int | None]:
    if key.kind is Kind.ENUM:
        return list(key.domain or ()), None
    found: set[int] = set()
    level = [table]
    for _ in range(depth):
        level = [v for t in level if isinstance(t, dict) for v in t.values()]
    for t in level:
        if isinstance(t, dict):
            found.update(k for k in t if isinstance(k, int))
    lo, hi = (min(found), max(found)) if found else (0, -1)
    return list(range(lo, hi + 1)), lo


def _flat_index(
    spaces: list[tuple[list[Any], int | None]], keys: list[Any], key_masks: list[Mask]
) -> tuple[Any, Mask]:
    flat: Any = None
    bad: Mask = m_or(*key_masks)
    stride = 1
    for (space, lo), k in reversed(list(zip(spaces, keys, strict=True))):
        if lo is not None:  # integer keys: rows outside the table are unknown (a gap), never zero
            k = np.subtract(k, lo)
            if not _within(k, len(space)):
                bad = m_or(bad, (k < 0) | (k >= len(space)))
                k = np.clip(k, 0, max(len(space) - 1, 0))
        flat = k if flat is None else flat + k * stride
        stride *= len(space)
    return (0 if flat is None else flat), bad


def _within(k: Any, size: int) -> bool:
    if np.ndim(k) == 0:
        return 0 <= int(k) < size
    return k.size == 0 or (int(k.min()) >= 0 and int(k.max()) < size)


def _lookup_step(
    spaces: list[tuple[list[Any], int | None]], slots: list[int], values: Any, gap: Any
) -> BatchStep:
    flat_values = np.ravel(values)
    flat_gap = np.ravel(gap)
    any_gap = bool(flat_gap.any())
    empty = flat_values.size == 0

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        if empty:
            return 0, True
        flat, bad = _flat_index(spaces, [v[s] for s in slots], [m[s] for s in slots])
        value = np.take(flat_values, flat)
        mask = m_or(bad, np.take(flat_gap, flat) if any_gap else None)
        return value, mask

    return step


def _bracket_step(
    spaces: list[tuple[list[Any], int | None]], slots: list[int], cells: Any, x_slot: int
) -> BatchStep:
    rows = cells.item() if not spaces else None
    if not spaces and rows is None:  # the whole scale is a gap
        return lambda v, m, c: (0, True)
    if spaces:

        def slow(v: list[Any], m: list[Mask], c: Columns) -> Value:
            raise NotImplementedError("bracket scales under table keys are not vectorised yet")

        return slow
    assert rows is not None
    starts = np.array([s for s, _ in rows], dtype=np.int64)
    values = np.array([0 if val is None else val for _, val in rows], dtype=np.int64)
    gaps = np.array([val is None for _, val in rows], dtype=np.bool_)

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        pos = np.searchsorted(starts, v[x_slot], side="right") - 1
        below = pos < 0
        pos = np.maximum(pos, 0)
        return values[pos], m_or(
            m[x_slot], below if np.any(below) else None, gaps[pos] if gaps.any() else None
        )

    return step


@dataclass
class BatchResult:
    """Outputs of a batch run: per-unit arrays and their unknown masks."""

    plan: BatchPlan
    cols: Columns
    outputs: dict[int, Value]

    def _full(self, index: int) -> Value:
        value, mask = self.outputs[index]
        n = self.cols.n_units
        value = np.broadcast_to(value, (n,)) if np.ndim(value) == 0 else value
        mask = np.zeros(n, bool) if mask is None else np.broadcast_to(mask, (n,))
        return value, mask

    def value(self, name: str) -> Value:
        """A kept variable's values and unknown mask (unit-level; enums as codes, see ``domain``)."""
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
        """A named amount in cents and its unknown mask."""
        return self._full(self.plan.graph.amounts[name])


def batch_plan(program: Program, on: Any) -> BatchPlan:
    """The program compiled for the parameters in force on a date (cached per snapshot)."""
    from onestop.rules.graph import graph_of, snapshot

    snap = snapshot(program, on)
    plan = program.cache.get(("batch", snap.key))
    if plan is None:
        plan = program.cache[("batch", snap.key)] = BatchPlan(graph_of(program), snap)
    assert isinstance(plan, BatchPlan)
    return plan
