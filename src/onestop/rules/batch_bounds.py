"""The batch path's second look at undetermined units: the rules of ``rules.bounds`` on numpy arrays.

Each node carries two arrays: for numbers (money, counts, rates) the least and greatest value it can
have (equal when known), for yes/no values the least and greatest truth value (``[False, True]`` is
unknown); enums and dates keep their ``(value, mask)`` pair and the plain steps of ``BatchPlan``.
Only units that plain evaluation leaves undetermined take the refined values, as in the per-case path.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from onestop.rules import bounds
from onestop.rules.batch_ops import Mask, Reducer, Value, b_div, b_mulrate, fold, gather, m_or
from onestop.rules.columns import Columns
from onestop.rules.expr import Expr
from onestop.rules.types import Entity, Kind

INF = bounds.INF
BatchPlan = Any  # rules.batch.BatchPlan (not imported: batch imports this module)
Bounds = tuple[Any, Any]
BStep = Callable[[list[Any], list[Any], Columns], Bounds]
_MUL: dict[str, Callable[[Any, Any], Any]] = {"mul": np.multiply, "mulrate": b_mulrate, "mulrr": b_mulrate}


def _known(lo: Any, hi: Any) -> Any:
    return (lo == hi) & (np.abs(lo) < INF)


class BoundsPlan:
    """A ``BatchPlan``'s graph compiled to steps on bounds (made when first needed)."""

    def __init__(self, plan: BatchPlan) -> None:
        self.plan = plan
        self.graph = plan.graph
        self.kinds = [_family(n) for n in self.graph.nodes]
        self.steps: list[tuple[int, BStep]] = [
            (i, self._compile(i, node)) for i, node in enumerate(self.graph.nodes)
        ]

    def run(self, cols: Columns, wanted: set[int]) -> dict[int, Value]:
        """Every wanted node as ``(value, unknown mask)`` with the bounds applied."""
        n = len(self.graph.nodes)
        lo: list[Any] = [None] * n
        hi: list[Any] = [None] * n
        for i, fn in self.steps:
            lo[i], hi[i] = fn(lo, hi, cols)
        return {i: self._view(i, lo, hi) for i in wanted}

    # (value, mask) <-> bounds -------------------------------------------------------------------
    def _view(self, i: int, lo: list[Any], hi: list[Any]) -> Value:
        family = self.kinds[i]
        if family == "plain":
            return lo[i], hi[i]
        if family == "bool":
            return lo[i], np.not_equal(lo[i], hi[i])
        known = _known(lo[i], hi[i])
        return np.where(known, lo[i], 0), ~known

    def _from_view(self, i: int, value: Any, mask: Mask, gap_floor: int = -INF) -> Bounds:
        family = self.kinds[i]
        if family == "plain":
            return value, mask
        if mask is None:
            return value, value
        if family == "bool":
            truth = np.asarray(value, dtype=bool)
            return truth & ~np.asarray(mask), truth | np.asarray(mask)
        return np.where(mask, gap_floor, value), np.where(mask, INF, value)

    def _views(self, args: list[int], n: int, lo: list[Any], hi: list[Any]) -> tuple[list[Any], list[Any]]:
        """Value and mask lists (as ``BatchPlan`` steps read them) holding the views of ``args``."""
        v: list[Any] = [None] * n
        m: list[Any] = [None] * n
        for a in args:
            v[a], m[a] = self._view(a, lo, hi)
        return v, m

    def _plain(self, i: int, node: Expr) -> BStep:
        """A node in its plain form: the BatchPlan's step on the views of its arguments."""
        step = self.plan._compile(node)
        args = [self.graph.of(a) for a in node.args]
        n = len(self.graph.nodes)

        def run(lo: list[Any], hi: list[Any], c: Columns) -> Bounds:
            v, m = self._views(args, n, lo, hi)
            return self._from_view(i, *step(v, m, c))

        return run

    # compiling ----------------------------------------------------------------------------------
    def _compile(self, i: int, node: Expr) -> BStep:
        op, family = node.op, self.kinds[i]
        args = [self.graph.of(a) for a in node.args]
        numeric_args = bool(args) and self.kinds[args[0]] == "number"
        if op in ("input", "members", "const") or family == "plain":
            return self._plain(i, node)
        if op == "param":
            value = self.plan.snapshot.versions[node.data.name].value
            floor = bounds.floor_of(node.data) if family == "number" else -INF
            if value is None:
                gap: Bounds = (floor, INF) if family == "number" else (False, True)
                return lambda lo, hi, c: gap
            return lambda lo, hi, c: (value, value)
        if op in ("var", "bcast"):
            (a,) = args
            if op == "var":
                return lambda lo, hi, c: (lo[a], hi[a])
            return lambda lo, hi, c: (gather(lo[a], c), gather(hi[a], c))
        if family == "bool":
            if op in bounds.COMPARE and numeric_args:
                compare = bounds.COMPARE[op]
                a, b = args
                return lambda lo, hi, c: tuple(  # type: ignore[return-value]
                    np.asarray(x, dtype=bool) for x in compare(lo[a], hi[a], lo[b], hi[b])
                )
            if op in ("and", "or", "not", "any", "all", "when"):
                return _logic(op, args)
            return self._plain(i, node)
        return self._number(node, args)

    def _number(self, node: Expr, args: list[int]) -> BStep:
        op = node.op
        if op in ("add", "sub"):
            a, b = args
            if op == "add":
                return lambda lo, hi, c: (bounds.n_sat(lo[a] + lo[b]), bounds.n_sat(hi[a] + hi[b]))
            return lambda lo, hi, c: (bounds.n_sat(lo[a] - hi[b]), bounds.n_sat(hi[a] - lo[b]))
        if op in _MUL:
            f = _MUL[op]
            a, b = args

            def mul(lo: list[Any], hi: list[Any], c: Columns) -> Bounds:
                corners = [bounds.n_mul(x, y, f) for x in (lo[a], hi[a]) for y in (lo[b], hi[b])]
                return fold(np.minimum, corners), fold(np.maximum, corners)

            return mul
        if op == "div":
            (a,) = args
            d = node.data

            def div(lo: list[Any], hi: list[Any], c: Columns) -> Bounds:
                x, y = bounds.n_div(lo[a], d, b_div), bounds.n_div(hi[a], d, b_div)
                return np.minimum(x, y), np.maximum(x, y)

            return div
        if op in ("max", "min"):
            red = np.maximum if op == "max" else np.minimum
            return lambda lo, hi, c: (fold(red, [lo[a] for a in args]), fold(red, [hi[a] for a in args]))
        if op == "when":
            return _when(args, np.minimum, np.maximum)
        if op in ("sum", "count"):
            (a,) = args
            cast = np.int64

            def total(lo: list[Any], hi: list[Any], c: Columns) -> Bounds:
                r = Reducer(c)
                return (
                    bounds.n_sat(r.add(np.asarray(lo[a], dtype=cast))),
                    bounds.n_sat(r.add(np.asarray(hi[a], dtype=cast))),
                )

            return total
        return self._table(node, args)

    def _table(self, node: Expr, args: list[int]) -> BStep:
        """Lookup or bracket: the hull of the table when a key (or the amount) is unknown, the
        parameter's range at a gap or an absent row, else the cell."""
        i = self.graph.of(node)
        step = self.plan._compile(node)
        param = node.data
        table = self.plan.snapshot.versions[param.name].value
        floor = bounds.floor_of(param)
        bracket = node.op == "bracket"
        keys = node.args[:-1] if bracket else node.args
        h_lo, h_hi = bounds.table_hull(keys, table, bracket, floor)
        n = len(self.graph.nodes)

        def lookup(lo: list[Any], hi: list[Any], c: Columns) -> Bounds:
            v, m = self._views(args, n, lo, hi)
            value, mask = step(v, m, c)
            unknown_key = m_or(*[m[a] for a in args])
            low, high = self._from_view(i, value, mask, floor)
            if unknown_key is None:
                return low, high
            return np.where(unknown_key, h_lo, low), np.where(unknown_key, h_hi, high)

        return lookup


def _family(node: Expr) -> str:
    if node.kind in bounds.NUMERIC:
        return "number"
    return "bool" if node.kind is Kind.BOOL else "plain"


def _when(args: list[int], least: Callable[..., Any], most: Callable[..., Any]) -> BStep:
    """The branch taken; with an unknown condition the hull of both (least of the lows, most of the
    highs: ``minimum``/``maximum`` for numbers, ``and``/``or`` for truth values)."""
    ci, ti, ei = args

    def when(lo: list[Any], hi: list[Any], c: Columns) -> Bounds:
        yes, no = lo[ci], ~np.asarray(hi[ci])
        low = np.where(yes, lo[ti], np.where(no, lo[ei], least(lo[ti], lo[ei])))
        high = np.where(yes, hi[ti], np.where(no, hi[ei], most(hi[ti], hi[ei])))
        return low, high

    return when


def _logic(op: str, args: list[int]) -> BStep:
    """Kleene logic as intervals of truth values."""
    if op == "not":
        (a,) = args
        return lambda lo, hi, c: (~np.asarray(hi[a]), ~np.asarray(lo[a]))
    if op in ("and", "or"):
        f = np.logical_and if op == "and" else np.logical_or
        return lambda lo, hi, c: (fold(f, [lo[a] for a in args]), fold(f, [hi[a] for a in args]))
    if op == "when":
        return _when(args, np.logical_and, np.logical_or)
    (a,) = args
    if op == "any":
        return lambda lo, hi, c: (Reducer(c).any(lo[a]), Reducer(c).any(hi[a]))
    return lambda lo, hi, c: (
        ~Reducer(c).any(~np.asarray(lo[a], dtype=bool)),
        ~Reducer(c).any(~np.asarray(hi[a], dtype=bool)),
    )


def merge(plan: BatchPlan, cols: Columns, outputs: dict[int, Value], rows: Any) -> dict[int, Value]:
    """The outputs with the refined values on the undetermined units ``rows`` (a bool array)."""
    refined = plan.bounds().run(cols, set(outputs))
    out: dict[int, Value] = {}
    for i, (value, mask) in outputs.items():
        new_value, new_mask = refined[i]
        person = plan.graph.nodes[i].entity is Entity.PERSON
        where = rows[cols.unit_index] if person else rows
        n = len(where)
        old_mask = np.zeros(n, bool) if mask is None else np.broadcast_to(mask, (n,))
        new_mask = np.zeros(n, bool) if new_mask is None else np.broadcast_to(new_mask, (n,))
        out[i] = (
            np.where(where, np.broadcast_to(new_value, (n,)), np.broadcast_to(value, (n,))),
            np.where(where, new_mask, old_mask),
        )
    return out
