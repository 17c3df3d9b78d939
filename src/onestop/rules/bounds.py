"""Bounds for unknowns: an unknown that cannot change a result does not keep it undetermined.

Plain three-valued evaluation makes every operation on an unknown unknown. That is too cautious:
with an income of 0, ``max_(0, income - threshold) * rate`` is 0 whatever the (unpublished)
threshold and rate, and ``min_(cost, maximum)`` with a cost of 0 is 0 whatever the maximum. So a
result that plain evaluation leaves undetermined is evaluated again with *intervals*: each unknown
number is a range ``[lo, hi]`` (an unknown input: any number; a gap in a published money, rate or
count parameter: 0 or more, unless the parameter has a negative value somewhere), and each operation
computes the range of its result (interval arithmetic, rounding as the exact operation does). A
range of one value is that value, known; a comparison whose ranges do not overlap is decided; a
branch on an unknown condition is the hull of its two branches. Yes/no values are the intervals
``[False, True]`` of Kleene logic; enums and dates keep plain three-valued logic.

A lookup with an unknown key is the hull of every cell of its table (and of the parameter's range
when a cell is a gap or a row could be absent); a bracket scale with an unknown amount or key is
the hull of all its brackets and of the parameter's range. These are sound and simple rather than
tight, and identical in both paths: the per-case path (``case_eval``) and the batch path (``batch``)
use the same rules, with infinity as ``±INF`` (values at or beyond ``±INF / 2`` saturate to it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from onestop.rules.expr import Expr
from onestop.rules.parameters import Parameter
from onestop.rules.types import Kind
from onestop.rules.values import div_round, mul_rate

INF = 2**50  # cents: about $11 trillion, far beyond any amount (amounts are within ±$10 billion)
_HALF = INF // 2
NUMERIC = (Kind.MONEY, Kind.INT, Kind.RATE)


class Iv:
    """An unknown number known to lie in ``[lo, hi]`` (per-case path; ``None`` is any number)."""

    __slots__ = ("hi", "lo")

    def __init__(self, lo: int, hi: int) -> None:
        self.lo = lo
        self.hi = hi

    def __repr__(self) -> str:
        return f"Iv({self.lo}, {self.hi})"


def floor_of(param: Parameter) -> int:
    """The least value a gap of ``param`` can stand for: 0 for money, rates and counts whose
    published values are never negative (amounts, rates and limits are), else -INF."""
    if param.unit not in NUMERIC:
        return -INF
    for version in param.versions:
        if any(x < 0 for x in _leaves(version.value)):
            return -INF
    return 0


def _leaves(value: Any) -> list[int]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, list):  # a bracket scale: (start, value) pairs
        return [x for _, v in value for x in _leaves(v)]
    return [] if value is None or isinstance(value, bool) else [int(value)]


def table_hull(keys: Sequence[Expr], table: Any, bracket: bool, floor: int) -> tuple[int, int]:
    """The range of a lookup (or bracket scale) when a key or the amount is unknown."""
    from onestop.rules.batch_ops import _key_space

    spaces = [_key_space(k, table, depth)[0] for depth, k in enumerate(keys)]
    cells: list[Any] = [table]
    for space in spaces:
        cells = [c.get(k) if isinstance(c, dict) else None for c in cells for k in space]
    found: list[int] = []
    gap = bracket or any(k.kind is not Kind.ENUM for k in keys)  # an int key can be outside the table
    for cell in cells:
        values = [v for _, v in cell or ()] if bracket else [cell]
        gap = gap or not values
        for v in values:
            if v is None:
                gap = True
            else:
                found.append(int(v))
    lo = min([*found, floor]) if gap else min(found, default=floor)
    hi = INF if gap or not found else max(found)
    return lo, hi


# saturation and the exact operations on bounds ------------------------------------------------------
def sat(x: int) -> int:
    """A bound at or beyond ±INF/2 is infinite."""
    return INF if x >= _HALF else -INF if x <= -_HALF else x


def _infinite(x: int) -> bool:
    return x >= INF or x <= -INF


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


def s_mul(a: int, b: int, f: Callable[[int, int], int]) -> int:
    """``f(a, b)`` (a product) on bounds: 0 if a factor is 0, infinite if a factor is."""
    if a == 0 or b == 0:
        return 0
    if _infinite(a) or _infinite(b):
        return _sign(a) * _sign(b) * INF
    return sat(f(a, b))


def s_div(x: int, d: int) -> int:
    return _sign(x) * _sign(d) * INF if _infinite(x) else sat(div_round(x, d))


def lohi(x: Any) -> tuple[int, int]:
    """Bounds of a per-case number: a value, an ``Iv``, or ``None`` (any number)."""
    if x is None:
        return -INF, INF
    if type(x) is Iv:
        return x.lo, x.hi
    return x, x


def mk(lo: int, hi: int) -> Any:
    """A range of one finite value is that value; otherwise an ``Iv``."""
    lo, hi = sat(lo), sat(hi)
    if lo == hi and not _infinite(lo):
        return lo
    return Iv(lo, hi)


# per-case scalar operations ----------------------------------------------------------------------
def _mul(f: Callable[[int, int], int]) -> Callable[[Any, Any], Any]:
    def g(a: Any, b: Any) -> Any:
        (alo, ahi), (blo, bhi) = lohi(a), lohi(b)
        corners = [s_mul(x, y, f) for x in (alo, ahi) for y in (blo, bhi)]
        return mk(min(corners), max(corners))

    return g


def _add(a: Any, b: Any) -> Any:
    (alo, ahi), (blo, bhi) = lohi(a), lohi(b)
    return mk(alo + blo, ahi + bhi)


def _sub(a: Any, b: Any) -> Any:
    (alo, ahi), (blo, bhi) = lohi(a), lohi(b)
    return mk(alo - bhi, ahi - blo)


def _extreme(f: Callable[..., int]) -> Callable[..., Any]:
    def g(*xs: Any) -> Any:
        bounds = [lohi(x) for x in xs]
        return mk(f(b[0] for b in bounds), f(b[1] for b in bounds))

    return g


def _compare(op: str) -> Callable[[Any, Any], Any]:
    def g(a: Any, b: Any) -> Any:
        (alo, ahi), (blo, bhi) = lohi(a), lohi(b)
        return _decide(op, alo, ahi, blo, bhi)

    return g


def _decide(op: str, alo: Any, ahi: Any, blo: Any, bhi: Any) -> Any:
    """Per case: True/False when every pair of values in the ranges agrees, else None."""
    lo, hi = COMPARE[op](alo, ahi, blo, bhi)
    return bool(lo) if lo == hi else None


def _eq(alo: Any, ahi: Any, blo: Any, bhi: Any) -> tuple[Any, Any]:
    single = (alo == ahi) & (blo == bhi) & (alo == blo)
    overlap = (alo <= bhi) & (blo <= ahi)
    return single, overlap


def _ne(alo: Any, ahi: Any, blo: Any, bhi: Any) -> tuple[Any, Any]:
    single, overlap = _eq(alo, ahi, blo, bhi)
    return ~np.asarray(overlap), ~np.asarray(single)


COMPARE: dict[str, Callable[[Any, Any, Any, Any], tuple[Any, Any]]] = {
    # (lowest, highest) truth value over the ranges; the same code serves scalars and arrays
    "lt": lambda alo, ahi, blo, bhi: (ahi < blo, alo < bhi),
    "le": lambda alo, ahi, blo, bhi: (ahi <= blo, alo <= bhi),
    "gt": lambda alo, ahi, blo, bhi: (alo > bhi, ahi > blo),
    "ge": lambda alo, ahi, blo, bhi: (alo >= bhi, ahi >= blo),
    "eq": _eq,
    "ne": lambda alo, ahi, blo, bhi: _ne(alo, ahi, blo, bhi),
}


def hull_when(c: Any, t: Any, e: Any) -> Any:
    """A numeric branch: the branch taken, or the hull of both when the condition is unknown."""
    if c is True:
        return t
    if c is False:
        return e
    (tlo, thi), (elo, ehi) = lohi(t), lohi(e)
    return mk(min(tlo, elo), max(thi, ehi))


def b_sum(xs: Sequence[Any]) -> Any:
    lo = hi = 0
    for x in xs:
        a, b = lohi(x)
        lo, hi = lo + a, hi + b
    return mk(lo, hi)


def b_count(xs: Sequence[Any]) -> Any:
    return mk(sum(1 for x in xs if x is True), sum(1 for x in xs if x is not False))


SCALAR: dict[str, Callable[..., Any]] = {
    "add": _add,
    "sub": _sub,
    "mul": _mul(lambda a, b: a * b),
    "mulrate": _mul(mul_rate),
    "mulrr": _mul(mul_rate),
    "max": _extreme(max),
    "min": _extreme(min),
    **{op: _compare(op) for op in ("lt", "le", "gt", "ge", "eq", "ne")},
}


def b_div(d: int) -> Callable[[Any], Any]:
    def g(x: Any) -> Any:
        lo, hi = lohi(x)
        a, b = s_div(lo, d), s_div(hi, d)
        return mk(min(a, b), max(a, b))

    return g


def unbound(value: Any) -> Any:
    """Back to plain three-valued values: an ``Iv`` (still unknown) becomes ``None``."""
    if type(value) is Iv:
        return None
    if type(value) is list:
        return [None if type(x) is Iv else x for x in value]
    return value


# batch (numpy) operations on bound arrays -------------------------------------------------------
def n_sat(x: Any) -> Any:
    x = np.asarray(x, dtype=np.int64)
    return np.where(x >= _HALF, INF, np.where(x <= -_HALF, -INF, x))


def n_mul(a: Any, b: Any, f: Callable[[Any, Any], Any]) -> Any:
    a, b = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
    zero = (a == 0) | (b == 0)
    inf = (np.abs(a) >= INF) | (np.abs(b) >= INF)
    plain = ~(zero | inf)
    prod = f(np.where(plain, a, 0), np.where(plain, b, 0))
    return n_sat(np.where(zero, 0, np.where(inf, np.sign(a) * np.sign(b) * INF, prod)))


def n_div(x: Any, d: int, f: Callable[[Any, int], Any]) -> Any:
    x = np.asarray(x, dtype=np.int64)
    inf = np.abs(x) >= INF
    return n_sat(np.where(inf, np.sign(x) * (1 if d > 0 else -1) * INF, f(np.where(inf, 0, x), d)))
