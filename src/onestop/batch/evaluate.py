"""Evaluating one partition of households with the vectorised engine: the code a Dask worker runs.

A partition arrives as three Arrow tables read straight from the database (households, members,
facts). Each household's case is assembled exactly as the one-case path does it
(``cases.applications.casedata.assemble``, verified values only) and read by the pack's own case
reader, so both paths see the same case; the whole partition is then evaluated at once by the batch
compiler (``rules.batch``). A household whose data cannot be read is set aside as *broken* (field
and reason) and the rest go on; an undetermined one is evaluated once more on the per-case path,
only to name what is missing. No database, no settings: a worker needs the package and its packs.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from onestop.batch.columnar import assemble_columns, case_of, stored_value
from onestop.batch.domain import Overlay, RowStatus, classify, family_type
from onestop.cases.applications import Fact, Member, assemble, explain_missing
from onestop.common.errors import DomainError, InvalidInput
from onestop.jurisdictions import find_program
from onestop.rules import BatchPlan, Case, Program, Snapshot, columns_from_cases, graph_of, snapshot

HOUSEHOLDS = pa.schema(
    [
        ("application_id", pa.string()),
        ("unit_id", pa.string()),
        ("office", pa.string()),
        ("jurisdiction", pa.string()),
        ("before_cents", pa.int64()),
    ]
)
MEMBERS = pa.schema(
    [
        ("application_id", pa.string()),
        ("person_id", pa.string()),
        ("role", pa.string()),
        ("birth_date", pa.date32()),
        ("identity_document_id", pa.string()),
    ]
)
FACTS = pa.schema(
    [
        ("application_id", pa.string()),
        ("path", pa.string()),
        ("value", pa.string()),  # the stored JSON value, as JSON text
        ("source", pa.string()),
        ("verified", pa.bool_()),
        ("document_id", pa.string()),
    ]
)
ROWS = pa.schema(
    [
        ("application_id", pa.string()),
        ("unit_id", pa.string()),
        ("office", pa.string()),
        ("family_type", pa.string()),
        ("before_cents", pa.int64()),
        ("after_cents", pa.int64()),
        ("status", pa.string()),
        ("missing", pa.string()),  # JSON list of {path|field, problem}
    ]
)


@dataclass(frozen=True)
class Partition:
    """One partition's input, as read from the database."""

    scatter: ClassVar[bool] = True  # large: sent to a worker as data before the task (``cluster``)
    households: pa.Table
    members: pa.Table
    facts: pa.Table


@dataclass(frozen=True)
class Job:
    """What to evaluate: the program on a date, optionally with parameter overlays.

    ``compare`` says what ``before`` is: ``"in_force"`` keeps the amount of the decision in force
    (re-assessment); ``"base"`` evaluates the same households without the overlays (simulation).
    """

    program: str
    on: dt.date
    overlays: tuple[Overlay, ...] = ()
    compare: str = "in_force"


def overlaid_snapshot(program: Program, on: dt.date, overlays: tuple[Overlay, ...]) -> Snapshot:
    """The parameters in force on ``on`` with each overlay applied (refused naming an unknown one)."""
    snap = snapshot(program, on)
    if not overlays:
        return snap
    params = {p.name: p for p in graph_of(program).parameters}
    versions = dict(snap.versions)
    for overlay in overlays:
        name = overlay.name if overlay.name in params else f"{program.id}.{overlay.name}"
        if name not in params:
            known = ", ".join(sorted(p.key for p in params.values()))
            raise InvalidInput(
                "overlay", f"{overlay.name} is not a parameter of {program.id}; known: {known}"
            )
        param = params[name]
        versions[name] = replace(versions[name], value=overlay.apply(versions[name].value, param.unit.value))
    return Snapshot(on, (-1, *snap.key), versions)  # a key no cache holds: never shared


def plan_for(program: Program, on: dt.date, overlays: tuple[Overlay, ...]) -> BatchPlan:
    """The batch plan for the date (overlaid plans are cached per process, by overlay text)."""
    key = ("batch-overlay", on, tuple(o.text for o in overlays))
    plan = program.cache.get(key)
    if plan is None:
        plan = program.cache[key] = BatchPlan(graph_of(program), overlaid_snapshot(program, on, overlays))
    assert isinstance(plan, BatchPlan)
    return plan


def evaluate_partition(job: Job, part: Partition) -> pa.Table:
    """Every household of the partition as a result row (Arrow table of ``ROWS``).

    The columns are built column-wise (``columnar``); households that path sets aside go through the
    one-case path, which names what is broken; undetermined ones are explained once per distinct case.
    """
    pack, program = find_program(job.program)
    hh = part.households
    n = hh.num_rows
    if n == 0:
        return empty_rows()
    asm = assemble_columns(pack.vocabulary, pack.id, job.on, hh, part.members, part.facts)
    amount, unknown = plan_for(program, job.on, job.overlays).run(asm.cols).monthly_amount()
    good = ~asm.odd
    in_force = hh.column("before_cents")
    before = np.asarray(pc.fill_null(in_force, 0), dtype=np.int64)
    before_known = np.asarray(pc.is_valid(in_force))
    if job.compare == "base":
        base, base_unknown = plan_for(program, job.on, ()).run(asm.cols).monthly_amount()
        before = np.where(good, base, before)
        before_known = np.where(good, ~base_unknown, before_known)
    before = np.where(before_known, before, 0)
    known = good & ~unknown
    status = np.where(
        known,
        np.where(before == amount, RowStatus.UNCHANGED.value, RowStatus.CHANGED.value),
        np.where(good, RowStatus.INCOMPLETE.value, RowStatus.BROKEN.value),
    ).astype(object)
    missing = np.full(n, None, dtype=object)
    explained: dict[tuple[Any, ...], str] = {}
    for i in np.flatnonzero(good & unknown).tolist():
        missing[i] = _explain(pack, program, job.on, asm, i, explained)
    family = asm.family
    before_out = np.where(before_known, before, 0).astype(object)
    before_out[~before_known] = None
    after_out = amount.astype(object)
    after_out[~known] = None
    odd = np.flatnonzero(asm.odd)
    if len(odd):
        chosen = pa.array(odd)
        sub = Partition(
            households=hh.take(chosen),
            members=part.members.filter(
                pc.is_in(part.members.column("application_id"), hh.column("application_id").take(chosen))
            ),
            facts=part.facts.filter(
                pc.is_in(part.facts.column("application_id"), hh.column("application_id").take(chosen))
            ),
        )
        slow = evaluate_per_case(job, sub).to_pydict()
        for k, i in enumerate(odd.tolist()):
            before_out[i], after_out[i] = slow["before_cents"][k], slow["after_cents"][k]
            status[i], missing[i], family[i] = slow["status"][k], slow["missing"][k], slow["family_type"][k]
    return pa.table(
        {
            "application_id": hh.column("application_id"),
            "unit_id": hh.column("unit_id"),
            "office": hh.column("office"),
            "family_type": pa.array(family, pa.string()),
            "before_cents": pa.array(before_out, pa.int64()),
            "after_cents": pa.array(after_out, pa.int64()),
            "status": pa.array(status, pa.string()),
            "missing": pa.array(missing, pa.string()),
        },
        schema=ROWS,
    )


def _explain(
    pack: Any, program: Program, on: dt.date, asm: Any, unit: int, explained: dict[tuple[Any, ...], str]
) -> str:
    """What an undetermined household lacks (JSON), computed once per distinct case and reused with the
    household's own person ids: the explanation depends only on the values and what is unverified."""
    case = case_of(pack.vocabulary, pack.id, on, asm, unit)
    marks = [(f"people[{pid}]", f"people[#{k}]") for k, pid in enumerate(case.person_ids)]

    def generic(text: str) -> str:
        for own, mark in marks:
            text = text.replace(own, mark)
        return text

    waiting = sorted(asm.unverified.get(unit, ()))
    key = (
        tuple(tuple(sorted(p.items())) for p in case.people),
        tuple(sorted(case.unit.items())),
        tuple(sorted(generic(w) for w in waiting)),
    )
    text = explained.get(key)
    if text is None:
        missing = pack.evaluate(case, [program.id]).results[0].missing
        problems = explain_missing(missing.inputs, waiting) + [
            {"path": p, "problem": "no published value (a gap in the policy)"} for p in missing.parameters
        ]
        text = explained[key] = generic(json.dumps(problems))
    for own, mark in marks:
        text = text.replace(mark, own)
    return text


def evaluate_per_case(job: Job, part: Partition) -> pa.Table:
    """The one-case path for every household of the partition: each case assembled and read as
    ``load_case`` does. The reference the column-wise path is checked against, and where it sends
    the households it sets aside."""
    pack, program = find_program(job.program)
    members = _grouped(part.members)
    facts = _grouped(part.facts)
    hh = part.households.to_pydict()
    cases: list[Case] = []
    mappings: list[dict[str, Any]] = []
    unverified: list[list[str]] = []
    good: list[int] = []
    out: dict[str, list[Any]] = {name: [] for name in ROWS.names}
    after: dict[int, tuple[int | None, bool]] = {}
    problems: dict[int, list[dict[str, str]]] = {}
    families: list[str] = []
    for i, app_id in enumerate(hh["application_id"]):
        rows = members.get(app_id, [])
        families.append(family_type(r["role"] for r in rows))
        try:
            data = assemble(
                hh["jurisdiction"][i],
                job.on,
                [_member(r) for r in rows],
                [_fact(r) for r in facts.get(app_id, [])],
                verified_only=True,
            )
            case = pack.parse_case(data.mapping)
        except DomainError as err:  # CaseInvalid and the like: the field and the reason
            problems[i] = [{"field": getattr(err, "field", None) or "case", "problem": err.message}]
            continue
        except (ValueError, TypeError, KeyError) as err:  # a value the reader chokes on
            problems[i] = [{"field": "case", "problem": f"{type(err).__name__}: {err}"}]
            continue
        good.append(i)
        cases.append(case)
        mappings.append(data.mapping)
        unverified.append(data.unverified)
    if cases:
        cols = columns_from_cases(program.inputs, cases)
        result = plan_for(program, job.on, job.overlays).run(cols)
        amount, unknown = result.monthly_amount()
        base_amount = None
        if job.compare == "base":
            base_amount, base_unknown = plan_for(program, job.on, ()).run(cols).monthly_amount()
        for k, i in enumerate(good):
            after[i] = (None if unknown[k] else int(amount[k]), bool(unknown[k]))
            if base_amount is not None:
                hh["before_cents"][i] = None if base_unknown[k] else int(base_amount[k])
            if unknown[k]:
                missing = pack.evaluate(cases[k], [program.id]).results[0].missing
                problems[i] = explain_missing(missing.inputs, unverified[k]) + [
                    {"path": p, "problem": "no published value (a gap in the policy)"}
                    for p in missing.parameters
                ]
    for i, app_id in enumerate(hh["application_id"]):
        before = hh["before_cents"][i]
        if i in after:
            value, incomplete = after[i]
            status = classify(before, value, incomplete)
        else:
            value, status = None, RowStatus.BROKEN
        out["application_id"].append(app_id)
        out["unit_id"].append(hh["unit_id"][i])
        out["office"].append(hh["office"][i])
        out["family_type"].append(families[i])
        out["before_cents"].append(before)
        out["after_cents"].append(value)
        out["status"].append(status.value)
        out["missing"].append(json.dumps(problems[i]) if i in problems else None)
    return pa.table(out, schema=ROWS)


def _grouped(table: pa.Table) -> dict[str, list[dict[str, Any]]]:
    """Rows by application id (column-wise: one Python list per column, not one dict per cell)."""
    columns = table.to_pydict()
    names = list(columns)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for values in zip(*columns.values(), strict=True):
        row = dict(zip(names, values, strict=True))
        groups[row["application_id"]].append(row)
    return groups


def _member(row: dict[str, Any]) -> Member:
    doc = row["identity_document_id"]
    return Member(
        uuid.UUID(row["person_id"]), row["role"], row["birth_date"], uuid.UUID(doc) if doc else None
    )


def _fact(row: dict[str, Any]) -> Fact:
    doc = row["document_id"]
    return Fact(
        row["path"],
        stored_value(row["value"]),
        row["source"],
        bool(row["verified"]),
        uuid.UUID(doc) if doc else None,
    )


def empty_rows() -> pa.Table:
    """A result table with no rows."""
    return ROWS.empty_table()


__all__ = [
    "FACTS",
    "HOUSEHOLDS",
    "MEMBERS",
    "ROWS",
    "Job",
    "Partition",
    "evaluate_partition",
    "evaluate_per_case",
]
