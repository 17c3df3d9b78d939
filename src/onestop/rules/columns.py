"""Caseload columns for the batch path: numpy arrays per input, persons laid out with a unit index.

Money becomes int64 cents once, at load: integer arrays are taken as cents as they are (no copy),
float arrays (as produced by pandas or synthetic generators, holding whole cents) are converted with
``np.rint(x * 100)``, and object arrays of ``Decimal``/text are converted exactly. Enums become small
integer codes into the input's domain. Arrow tables are converted to numpy first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from onestop.rules.case import Case
from onestop.rules.errors import CaseInvalid
from onestop.rules.types import Entity, Kind, Variable
from onestop.rules.values import BadValueError, money_to_cents, parse_iso_date

Array = npt.NDArray[Any]


@dataclass
class Columns:
    """Input columns for ``n_units`` units and their persons (``unit_index[i]`` = unit of person i)."""

    n_units: int
    unit_index: Array
    person: dict[str, Array] = field(default_factory=dict)
    unit: dict[str, Array] = field(default_factory=dict)
    masks: dict[str, Array] = field(default_factory=dict)  # "person.x"/"unit.x": True where unknown
    counts: Array = field(default_factory=lambda: np.zeros(0, np.int64))
    ends: Array | None = None  # last row of each unit, when persons are sorted by unit and none is empty

    @property
    def n_persons(self) -> int:
        """Number of person rows."""
        return len(self.unit_index)


def load_columns(
    inputs: Mapping[str, Variable],
    *,
    n_units: int,
    unit_index: Array,
    person: Mapping[str, Any] | None = None,
    unit: Mapping[str, Any] | None = None,
    masks: Mapping[str, Array] | None = None,
) -> Columns:
    """Convert raw columns to the engine's representation (zero-copy where the dtype already fits)."""
    index = np.asarray(unit_index).astype(np.int64, copy=False)
    counts = np.bincount(index, minlength=n_units) if len(index) else np.zeros(n_units, np.int64)
    cols = Columns(n_units=n_units, unit_index=index, counts=counts, masks=dict(masks or {}))
    if (
        len(index)
        and len(counts) == n_units
        and bool(np.all(counts > 0))
        and bool(np.all(index[1:] >= index[:-1]))
    ):
        cols.ends = np.cumsum(counts) - 1
    for entity, raw, target, size in (
        (Entity.PERSON, person or {}, cols.person, len(index)),
        (Entity.UNIT, unit or {}, cols.unit, n_units),
    ):
        for name, values in raw.items():
            var = inputs.get(name)
            if var is None or var.entity is not entity:
                raise CaseInvalid(f"{entity.value}.{name}", "unknown column")
            array = convert_column(values, var)
            if var.kind is Kind.MONEY and not var.allow_negative and array.size and int(array.min()) < 0:
                raise CaseInvalid(f"{entity.value}.{name}", "has negative amounts")
            if len(array) != size:
                raise CaseInvalid(f"{entity.value}.{name}", f"has {len(array)} rows, expected {size}")
            target[name] = array
    return cols


def convert_column(values: Any, var: Variable) -> Array:
    """One column to int64 cents, bool, int64 or enum codes."""
    array = np.asarray(values)
    kind = var.kind
    if kind is Kind.MONEY:
        if array.dtype.kind in "iu":
            return array.astype(np.int64, copy=False)
        if array.dtype.kind == "f":
            cents: Array = np.rint(array * 100).astype(np.int64)
            return cents
        try:
            return np.array([money_to_cents(v) for v in array.tolist()], dtype=np.int64)
        except BadValueError as err:
            raise CaseInvalid(var.name, str(err)) from None
    if kind is Kind.BOOL:
        return array.astype(bool, copy=False)
    if kind is Kind.INT:
        return array.astype(np.int64, copy=False)
    if kind is Kind.DATE:  # compared as day numbers, in the same order as the dates
        if array.dtype.kind == "M":
            days: Array = array.astype("datetime64[D]").astype(np.int64) + dt.date(1970, 1, 1).toordinal()
            return days
        return np.array([parse_iso_date(v).toordinal() for v in array.tolist()], dtype=np.int64)
    if kind is Kind.ENUM:
        if array.dtype.kind in "iu":
            return array.astype(np.int16, copy=False)
        domain = {v: i for i, v in enumerate(var.domain or ())}
        uniques, inverse = np.unique(array.astype(str), return_inverse=True)
        bad = [u for u in uniques.tolist() if u not in domain]
        if bad:
            raise CaseInvalid(var.name, f"has values outside its domain: {bad[:3]}")
        codes = np.array([domain[u] for u in uniques.tolist()], dtype=np.int16)
        coded: Array = codes[inverse]
        return coded
    raise CaseInvalid(var.name, f"kind {kind.value} cannot be loaded as a column")


def from_arrow(
    inputs: Mapping[str, Variable], persons: Any, units: Any | None, *, unit_index: str
) -> Columns:
    """Columns from Arrow tables (``pyarrow.Table``): persons with a unit-index column, optional units."""
    person_cols = {n: persons.column(n).to_numpy() for n in persons.column_names if n != unit_index}
    unit_cols = {n: units.column(n).to_numpy() for n in units.column_names} if units is not None else {}
    index = persons.column(unit_index).to_numpy()
    n_units = units.num_rows if units is not None else (int(index.max()) + 1 if len(index) else 0)
    return load_columns(inputs, n_units=n_units, unit_index=index, person=person_cols, unit=unit_cols)


def columns_from_cases(inputs: Mapping[str, Variable], cases: Sequence[Case]) -> Columns:
    """Columns from parsed cases (one unit each); absent values become masked unknowns."""
    people = [p for case in cases for p in case.people]
    unit_index = np.array([i for i, case in enumerate(cases) for _ in case.people], dtype=np.int64)
    person: dict[str, Array] = {}
    unit: dict[str, Array] = {}
    masks: dict[str, Array] = {}
    for var in inputs.values():
        rows = (
            [p.get(var.name) for p in people]
            if var.entity is Entity.PERSON
            else [c.unit.get(var.name) for c in cases]
        )
        unknown = np.array([v is None for v in rows], dtype=bool)
        if unknown.all():
            continue  # an absent column is unknown for everyone
        target = person if var.entity is Entity.PERSON else unit
        target[var.name] = _typed(rows, var)
        if unknown.any():
            masks[f"{var.entity.value}.{var.name}"] = unknown
    cols = load_columns(inputs, n_units=len(cases), unit_index=unit_index)
    cols.person, cols.unit, cols.masks = person, unit, masks
    return cols


def _typed(rows: list[Any], var: Variable) -> Array:
    if var.kind is Kind.ENUM:
        domain = {v: i for i, v in enumerate(var.domain or ())}
        return np.array([domain.get(v, 0) if v is not None else 0 for v in rows], dtype=np.int16)
    if var.kind is Kind.BOOL:
        return np.array([bool(v) for v in rows], dtype=bool)
    if var.kind is Kind.DATE:  # days since 0001-01-01: ordered like the dates
        return np.array([0 if v is None else v.toordinal() for v in rows], dtype=np.int64)
    return np.array([0 if v is None else v for v in rows], dtype=np.int64)
