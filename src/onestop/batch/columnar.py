"""A partition's households as the engine's input columns, built column-wise from the Arrow tables.

The one-case path assembles each household's case (``casedata.assemble``) and reads it with the pack's
case reader (``rules.case.parse_case``): about a millisecond of Python per household. Here the same
values are placed with Arrow compute and numpy: fact paths are split by regular expression over the
whole column, person facts found by a hash join on (application, person), each input's stored values
converted once per *distinct* value with the case reader's own converter, ages computed from the
birth dates as arrays. The result equals ``columns_from_cases`` over the parsed cases (the tests
check it household by household).

Households this path does not handle exactly as the one-case path would are *set aside* (``odd``),
never guessed: a path that does not parse, a name outside the vocabulary, a value the converter
refuses, two values for one input, a birth date after the case date, a role outside its domain, a
person twice in the unit, another jurisdiction. The caller evaluates those on the one-case path,
which names the field and the reason. Pure: no database, no settings.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from onestop.rules import Array, Case, Columns, Kind, Variable, Vocabulary, parse_value

PERSON_PATH = r"^people\[(?P<pid>[A-Za-z0-9_\-]{1,64})\]\.(?P<name>[a-z][a-z0-9_]{0,63})$"
UNIT_PATH = r"^unit\.(?P<group>[a-z][a-z0-9_]{0,63})(?:\.(?P<name>[a-z][a-z0-9_]{0,63}))?$"
REGISTRY_NAMES = frozenset({"id", "role", "birth_date"})  # a fact must not override the registry


@dataclass
class Assembled:
    """Input columns for every household of the partition (set-aside ones hold placeholders)."""

    cols: Columns
    odd: Array  # bool per household: evaluate on the one-case path
    person_ids: list[str]  # per person row, in ``cols`` order
    starts: Array  # first person row of each household
    unverified: dict[int, set[str]] = field(default_factory=dict)  # household -> paths left out
    family: Array = field(default_factory=lambda: np.zeros(0, object))  # family type per household


def assemble_columns(
    vocab: Vocabulary,
    jurisdiction: str,
    on: dt.date,
    households: pa.Table,
    members: pa.Table,
    facts: pa.Table,
) -> Assembled:
    """Columns of every household (see the module docstring)."""
    n = households.num_rows
    app_ids = households.column("application_id")
    odd = np.asarray(pc.fill_null(pc.not_equal(households.column("jurisdiction"), jurisdiction), True))
    odd = odd.copy() if n else np.zeros(0, bool)

    # members: person rows grouped by household, in the order the one-case path lists them
    m_unit = _index(members.column("application_id"), app_ids)
    order = np.argsort(m_unit, kind="stable")
    members = members.take(pa.array(order))
    unit_index = m_unit[order]
    n_persons = len(unit_index)
    counts = np.bincount(unit_index, minlength=n) if n_persons else np.zeros(n, np.int64)
    starts = np.cumsum(counts) - counts
    person_ids = members.column("person_id").to_pylist()
    roles = members.column("role")
    cols = Columns(n_units=n, unit_index=unit_index, counts=counts)
    if n_persons and bool(np.all(counts > 0)):
        cols.ends = np.cumsum(counts) - 1
    unverified: dict[int, set[str]] = {}

    # a person twice in one unit: the case reader refuses it
    pairs = pa.table({"u": pa.array(unit_index), "p": members.column("person_id")})
    twice = pairs.group_by(["u", "p"]).aggregate([("u", "count")]).filter(pc.greater(pc.field("u_count"), 1))
    odd[np.asarray(twice.column("u"), dtype=np.int64)] = True

    role_var = vocab.person.get("role")
    if role_var is not None:
        codes, bad = _codes(roles, role_var.domain or ())
        odd[unit_index[bad]] = True
        cols.person["role"] = codes

    # ages from the registry's birth dates, when a verified identity document proves them
    born = members.column("birth_date")
    proven = np.asarray(pc.and_(pc.is_valid(born), pc.is_valid(members.column("identity_document_id"))))
    waiting = np.asarray(
        pc.and_(pc.is_valid(born), pc.invert(pc.is_valid(members.column("identity_document_id"))))
    )
    for k in np.flatnonzero(waiting):
        unverified.setdefault(int(unit_index[k]), set()).add(f"people[{person_ids[k]}].birth_date")
    has_birth = proven  # birth dates placed in the case (verified ones only)
    if "age" in vocab.person and n_persons:
        year = np.asarray(pc.fill_null(pc.year(born), 0), dtype=np.int64)
        month = np.asarray(pc.fill_null(pc.month(born), 1), dtype=np.int64)
        day = np.asarray(pc.fill_null(pc.day(born), 1), dtype=np.int64)
        age = on.year - year - ((on.month * 100 + on.day) < (month * 100 + day))
        after = proven & ((year * 10000 + month * 100 + day) > (on.year * 10000 + on.month * 100 + on.day))
        odd[unit_index[after]] = True
        _set(cols, "person.age", n_persons, np.where(proven, age, 0).astype(np.int64), ~proven)
    elif bool(proven.any()):
        odd[unit_index[proven]] = True  # a birth date the vocabulary cannot hold: refused by the reader

    _place_facts(vocab, cols, odd, unverified, app_ids, members, unit_index, has_birth, facts)

    partner = np.bincount(unit_index, weights=np.asarray(pc.equal(roles, "partner")), minlength=n) > 0
    child = np.bincount(unit_index, weights=np.asarray(pc.equal(roles, "dependant")), minlength=n) > 0
    family = np.where(
        partner,
        np.where(child, "couple_with_children", "couple"),
        np.where(child, "single_parent", "single"),
    ).astype(object)
    if not n_persons:
        family = np.full(n, "single", dtype=object)
    return Assembled(cols, odd, person_ids, starts, unverified, family)


def _index(values: pa.ChunkedArray | pa.Array, keys: pa.ChunkedArray | pa.Array) -> Array:
    """Position of each value among the keys (every value is one of them)."""
    found = pc.index_in(values, value_set=keys)
    return np.asarray(pc.fill_null(found, -1), dtype=np.int64)


def _codes(values: pa.ChunkedArray, domain: tuple[str, ...]) -> tuple[Array, Array]:
    """Enum codes into the domain, and where a value is outside it (or null)."""
    found = np.asarray(pc.fill_null(pc.index_in(values, value_set=pa.array(list(domain), pa.string())), -1))
    bad = found < 0
    return np.where(bad, 0, found).astype(np.int16), bad


def _set(cols: Columns, key: str, size: int, values: Array, unknown: Array) -> None:
    """Store a column as the one-case path's columns hold it: absent when unknown for everyone."""
    entity, name = key.split(".", 1)
    if size == 0 or bool(unknown.all()):
        return
    (cols.person if entity == "person" else cols.unit)[name] = values
    if bool(unknown.any()):
        cols.masks[key] = unknown


def _place_facts(
    vocab: Vocabulary,
    cols: Columns,
    odd: Array,
    unverified: dict[int, set[str]],
    app_ids: pa.ChunkedArray,
    members: pa.Table,
    unit_index: Array,
    has_birth: Array,
    facts: pa.Table,
) -> None:
    """Each fact in its column: person facts joined to their person row, unit facts to their household."""
    if facts.num_rows == 0:
        return
    paths = facts.column("path")
    f_unit = _index(facts.column("application_id"), app_ids)
    person = pc.extract_regex(paths, PERSON_PATH)
    unit = pc.extract_regex(paths, UNIT_PATH)
    is_person = np.asarray(pc.is_valid(person))
    is_unit = np.asarray(pc.is_valid(unit))
    odd[f_unit[~is_person & ~is_unit]] = True  # not a path the case format knows
    verified = np.asarray(pc.fill_null(facts.column("verified"), False))
    texts = facts.column("value")

    # person facts: the member row by (application, person id); about someone not in the unit: ignored
    rows = np.flatnonzero(is_person)
    if len(rows):
        sub = person.take(pa.array(rows)) if isinstance(person, pa.Array) else person.take(rows)
        pid = pc.struct_field(sub, "pid")
        name = pc.struct_field(sub, "name")
        left = pa.table({"u": pa.array(f_unit[rows]), "p": pid, "f": pa.array(rows)})
        right = pa.table(
            {
                "u": pa.array(unit_index),
                "p": members.column("person_id"),
                "r": pa.array(np.arange(len(unit_index))),
            }
        )
        joined = left.join(right, keys=["u", "p"], join_type="inner")
        f_rows = np.asarray(joined.column("f"), dtype=np.int64)
        p_rows = np.asarray(joined.column("r"), dtype=np.int64)
        names = np.asarray(name.to_numpy(zero_copy_only=False), dtype=object)[np.searchsorted(rows, f_rows)]
        keep = ~((names == "age") & has_birth[p_rows])  # the registry's birth date decides the age
        f_rows, p_rows, names = f_rows[keep], p_rows[keep], names[keep]
        late = ~verified[f_rows]
        for f, p in zip(f_rows[late].tolist(), p_rows[late].tolist(), strict=True):
            unverified.setdefault(int(unit_index[p]), set()).add(str(paths[f]))
        ok = verified[f_rows]
        f_rows, p_rows, names = f_rows[ok], p_rows[ok], names[ok]
        for var_name in set(names.tolist()):
            var = vocab.person.get(var_name)
            pick = names == var_name
            if var is None or var_name in REGISTRY_NAMES:
                odd[unit_index[p_rows[pick]]] = True
                continue
            _fill(
                cols, odd, var, texts, f_rows[pick], p_rows[pick], unit_index[p_rows[pick]], len(unit_index)
            )

    # unit facts: unit.<name> or unit.<group>.<name> for the vocabulary's nested groups
    rows = np.flatnonzero(is_unit)
    if len(rows):
        sub = unit.take(pa.array(rows)) if isinstance(unit, pa.Array) else unit.take(rows)
        group = np.asarray(pc.struct_field(sub, "group").to_numpy(zero_copy_only=False), dtype=object)
        name = np.asarray(pc.struct_field(sub, "name").to_numpy(zero_copy_only=False), dtype=object)
        u_rows = f_unit[rows]
        late = ~verified[rows]
        for f, u in zip(rows[late].tolist(), u_rows[late].tolist(), strict=True):
            unverified.setdefault(int(u), set()).add(str(paths[f]))
        ok = verified[rows]
        rows, u_rows, group, name = rows[ok], u_rows[ok], group[ok], name[ok]
        flat = name == ""
        var_names = np.where(flat, group, "")
        for g in set(group[~flat].tolist()):
            pick = ~flat & (group == g)
            if g in vocab.nested:
                var_names[pick] = [vocab.nested[g] + str(x) for x in name[pick].tolist()]
            else:
                odd[u_rows[pick]] = True
        nested_flat = flat & np.isin(group, list(vocab.nested))
        odd[u_rows[nested_flat]] = True  # a whole group as one value: the reader's own business
        for var_name in set(var_names.tolist()) - {""}:
            pick = var_names == var_name
            var = vocab.unit.get(var_name)
            if var is None:
                odd[u_rows[pick]] = True
                continue
            _fill(cols, odd, var, texts, rows[pick], u_rows[pick], u_rows[pick], cols.n_units)


def _fill(
    cols: Columns,
    odd: Array,
    var: Variable,
    texts: pa.ChunkedArray,
    f_rows: Array,
    targets: Array,
    households: Array,
    size: int,
) -> None:
    """One input's values: each distinct stored text converted once by the case reader's converter."""
    twice = np.bincount(targets, minlength=size) > 1
    if bool(twice.any()):
        odd[households[twice[targets]]] = True
    encoded = pc.dictionary_encode(texts.take(pa.array(f_rows))).combine_chunks()
    index = np.asarray(pc.fill_null(encoded.indices, -1), dtype=np.int64)
    converted: list[Any] = []
    known: list[bool] = []
    failed: list[bool] = []
    for text in encoded.dictionary.to_pylist():
        try:
            value = stored_value(text)
            value = None if value is None else parse_value(value, var.kind, var)
        except Exception:  # refused: the one-case path names the field and the reason
            converted.append(0)
            known.append(False)
            failed.append(True)
            continue
        converted.append(0 if value is None else _engine_value(value, var))
        known.append(value is not None)
        failed.append(False)
    nulls = index < 0  # a SQL NULL where JSON is expected: the one-case path's business
    odd[households[nulls]] = True
    index = np.where(nulls, 0, index)
    values_of = np.array(converted or [0], dtype=np.int16 if var.kind is Kind.ENUM else np.int64)
    known_of = np.array(known or [False], dtype=bool)
    failed_of = np.array(failed or [False], dtype=bool)
    if bool(failed_of.any()):
        odd[households[failed_of[index] & ~nulls]] = True
    key = f"{var.entity.value}.{var.name}"
    target_known = np.zeros(size, bool)
    target_known[targets] = known_of[index] & ~nulls
    values = np.zeros(
        size, dtype=np.int16 if var.kind is Kind.ENUM else (bool if var.kind is Kind.BOOL else np.int64)
    )
    values[targets] = values_of[index]
    _set(cols, key, size, values, ~target_known)


def _engine_value(value: Any, var: Variable) -> int:
    """A converted value as the engine's column holds it (as ``columns._typed`` does)."""
    if var.kind is Kind.ENUM:
        return (var.domain or ()).index(value)
    if var.kind is Kind.BOOL:
        return int(bool(value))
    if var.kind is Kind.DATE:
        return int(value.toordinal())
    return int(value)


def case_of(vocab: Vocabulary, jurisdiction: str, on: dt.date, asm: Assembled, unit: int) -> Case:
    """One household back as a parsed case (for naming what an undetermined one lacks)."""
    cols = asm.cols
    start, count = int(asm.starts[unit]), int(cols.counts[unit])
    case = Case(jurisdiction=jurisdiction, date=on)
    for k in range(start, start + count):
        values: dict[str, Any] = {}
        for name, array in cols.person.items():
            mask = cols.masks.get(f"person.{name}")
            if mask is None or not mask[k]:
                values[name] = _python_value(array[k], vocab.person[name])
        case.person_ids.append(asm.person_ids[k])
        case.people.append(values)
    for name, array in cols.unit.items():
        mask = cols.masks.get(f"unit.{name}")
        if mask is None or not mask[unit]:
            case.unit[name] = _python_value(array[unit], vocab.unit[name])
    return case


def _python_value(value: Any, var: Variable) -> Any:
    if var.kind is Kind.ENUM:
        return (var.domain or ())[int(value)]
    if var.kind is Kind.BOOL:
        return bool(value)
    if var.kind is Kind.DATE:
        return dt.date.fromordinal(int(value))
    return int(value)


@functools.lru_cache(maxsize=4096)
def _json_scalar(text: str) -> Any:
    return json.loads(text)


def stored_value(text: str | None) -> Any:
    """A fact's stored JSON text as the one-case path reads it; scalars repeat across households
    ("0.00", "private"), so they are parsed once."""
    if text is None:
        return None
    if text[:1] in ("{", "["):
        return json.loads(text)  # a fresh object each time: mutable values are never shared
    return _json_scalar(text)


__all__ = ["Assembled", "assemble_columns", "case_of", "stored_value"]
