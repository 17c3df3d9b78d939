"""The numpy operations the batch compiler emits: exact rounding, Kleene logic with masks, sums over
members and table lookups. Each builder returns a step ``(values, masks, columns) -> (value, mask)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from onestop.rules.columns import Array, Columns
from onestop.rules.expr import Expr
from onestop.rules.types import Entity, Kind
from onestop.rules.values import RATE_SCALE, div_round, mul_rate

Mask = Any  # None (all known), a bool, or a bool array
Value = tuple[Any, Mask]
BatchStep = Callable[[list[Any], list[Mask], Columns], Value]
_H = RATE_SCALE // 2


def m_or(*masks: Mask) -> Mask:
    """Union of masks; ``None`` when none is set."""
    out: Mask = None
    for m in masks:
        if m is None or m is False:
            continue
        out = m if out is None else (out | m)
    return out


def nomask(m: Mask) -> Any:
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


ARITH: dict[str, Callable[[Any, Any], Any]] = {
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
            at_ends = running.take(cols.ends)  # one gather; each unit's total is a difference of two
            del running
            out = np.empty_like(at_ends)
            out[:1] = at_ends[:1]
            np.subtract(at_ends[1:], at_ends[:-1], out=out[1:])
            return out
        out = np.zeros(cols.n_units, np.int64)
        np.add.at(out, cols.unit_index, x)
        return out

    def any(self, x: Any) -> Any:
        return self.add(x) > 0


class NoColumns(Columns):
    pass


NO_COLUMNS = NoColumns(n_units=0, unit_index=np.zeros(0, np.int64))


def input_step(node: Expr) -> BatchStep:
    name = node.data.name
    person = node.entity is Entity.PERSON
    key = ("person." if person else "unit.") + name

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        source = c.person if person else c.unit
        if name not in source:  # an absent column is unknown for everyone, never zero
            return 0, True
        return source[name], c.masks.get(key)

    return step


def gather(x: Any, c: Columns) -> Any:
    return x[c.unit_index] if np.ndim(x) else x


def fold(f: Callable[[Any, Any], Any], xs: list[Any]) -> Any:
    out = xs[0]
    for x in xs[1:]:
        out = f(out, x)
    return out


def remap_codes(domain: tuple[str, ...] | None, target: tuple[str, ...] | None) -> Array | None:
    if not domain or not target or domain == target[: len(domain)]:
        return None
    return np.array([target.index(x) for x in domain], dtype=np.int16)


def apply_remap(remap: Array | None, codes: Any) -> Any:
    return codes if remap is None else remap[codes]


def and_step(node: Expr, args: list[int]) -> BatchStep:
    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        if all(m[a] is None for a in args):
            return fold(np.logical_and, [v[a] for a in args]), None
        known_false = fold(np.logical_or, [~np.asarray(v[a]) & ~np.asarray(nomask(m[a])) for a in args])
        unknown = m_or(*[m[a] for a in args]) & ~known_false
        return ~known_false, unknown

    return step


def or_step(node: Expr, args: list[int]) -> BatchStep:
    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        if all(m[a] is None for a in args):
            return fold(np.logical_or, [v[a] for a in args]), None
        known_true = fold(np.logical_or, [np.asarray(v[a]) & ~np.asarray(nomask(m[a])) for a in args])
        unknown = m_or(*[m[a] for a in args]) & ~known_true
        return known_true, unknown

    return step


def not_step(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args
    return lambda v, m, c: (np.logical_not(v[a]), m[a])


def _person_mask(mask: Mask, c: Columns) -> Any:
    return np.broadcast_to(mask, (c.n_persons,))


def sum_step(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args
    return lambda v, m, c: (
        Reducer(c).add(v[a]),
        None if m[a] is None else Reducer(c).any(_person_mask(m[a], c)),
    )


def count_step(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args
    return lambda v, m, c: (
        Reducer(c).add(v[a]),
        None if m[a] is None else Reducer(c).any(_person_mask(m[a], c)),
    )


def any_step(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        r = Reducer(c)
        if m[a] is None:
            return r.any(v[a]), None
        mask = _person_mask(m[a], c)
        known_true = r.any(np.asarray(v[a]) & ~mask)
        return known_true, r.any(mask) & ~known_true

    return step


def all_step(node: Expr, args: list[int]) -> BatchStep:
    (a,) = args

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        r = Reducer(c)
        if m[a] is None:
            return ~r.any(~np.asarray(v[a], dtype=bool)), None
        mask = _person_mask(m[a], c)
        known_false = r.any(~np.asarray(v[a], dtype=bool) & ~mask)
        return ~known_false, r.any(mask) & ~known_false

    return step


def table_step(keys: Sequence[Expr], slots: list[int], table: Any, bracket_slot: int | None) -> BatchStep:
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
            k = np.subtract(k, lo) if lo else k
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
    """A bracket scale, or one per cell of a table (``p.scale[key].bracket(amount)``), as one search.

    Every cell's brackets go into one sorted array keyed ``cell * SPAN + amount`` (amounts shifted to be
    non-negative; they are within ±$10 billion, far inside the span), so one ``searchsorted`` finds
    each row's bracket in its own cell. A row below its cell's first bracket, a missing cell, a gap
    cell or a gap bracket is unknown, as in the per-case path.
    """
    rows_by_cell = list(np.ravel(cells)) if spaces else [cells.item()]
    owner, starts, values, gaps = [], [], [], []
    for cell, rows in enumerate(rows_by_cell):
        for start, value in rows or ():
            owner.append(cell)
            starts.append(cell * _SPAN + min(max(start, -_SHIFT), _SHIFT - 1) + _SHIFT)
            values.append(0 if value is None else value)
            gaps.append(value is None)
    if not owner:  # every scale is a gap
        return lambda v, m, c: (0, True)
    owners = np.array(owner, dtype=np.int64)
    keyed = np.array(starts, dtype=np.int64)
    amounts = np.array(values, dtype=np.int64)
    gap = np.array(gaps, dtype=np.bool_)
    any_gap = bool(gap.any())

    def step(v: list[Any], m: list[Mask], c: Columns) -> Value:
        flat, bad = _flat_index(spaces, [v[s] for s in slots], [m[s] for s in slots]) if spaces else (0, None)
        cell = np.asarray(flat, dtype=np.int64)
        x = np.clip(np.asarray(v[x_slot], dtype=np.int64), -_SHIFT, _SHIFT - 1)
        pos = np.searchsorted(keyed, cell * _SPAN + x + _SHIFT, side="right") - 1
        found = np.maximum(pos, 0)
        outside = (pos < 0) | (owners[found] != cell)
        mask = m_or(bad, m[x_slot], outside if np.any(outside) else None, gap[found] if any_gap else None)
        return amounts[found], mask

    return step


_SHIFT = 2**40  # amounts (cents) lie within ±$10 billion = ±10**12 < 2**40
_SPAN = 2**41  # one cell's key range
