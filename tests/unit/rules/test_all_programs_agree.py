"""Batch and explain agree on every program of every registered pack, on cases drawn from its inputs.

A generic companion to test_batch_agrees.py (which has hand-made strategies for ISB and
ab.income_support): values are drawn for every input the program can read, by kind, often unknown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from onestop.jurisdictions import PACK_MODULES, get_pack
from onestop.rules import Case, Entity, Kind, Pack, Program, Variable
from onestop.rules.graph import graph_of
from tests.unit.rules.test_batch_agrees import assert_agree

PROGRAMS = [(get_pack(j), p) for j in sorted(PACK_MODULES) for p in get_pack(j).programs.values()]


def value_of(var: Variable, unknowns: bool) -> st.SearchStrategy[Any]:
    """A value of an input's kind, or (when ``unknowns``) sometimes unknown."""
    if var.kind is Kind.MONEY:
        known: st.SearchStrategy[Any] = st.one_of(
            st.just(0), st.integers(0, 6_000_000), st.integers(0, 300_000)
        )
    elif var.kind is Kind.BOOL:
        known = st.booleans()
    elif var.kind is Kind.INT:
        known = st.integers(0, 100)
    elif var.kind is Kind.ENUM:
        known = st.sampled_from(var.domain or ("x",))
    else:
        return st.none()
    return st.one_of(known, known, known, st.none()) if unknowns else known


def cases_for(program: Program) -> st.SearchStrategy[list[Case]]:
    """Cases on one date when every parameter the program uses is in force."""
    used = [i for i in program.inputs.values() if i.kind is not Kind.DATE]

    def household(unknowns: bool) -> st.SearchStrategy[tuple[list[dict[str, Any]], dict[str, Any]]]:
        person = {v.name: value_of(v, unknowns) for v in used if v.entity is Entity.PERSON}
        unit = {v.name: value_of(v, unknowns) for v in used if v.entity is Entity.UNIT}
        return st.tuples(
            st.lists(st.fixed_dictionaries(person), min_size=1, max_size=5), st.fixed_dictionaries(unit)
        )

    start = max((p.versions[0].effective for p in graph_of(program).parameters), default=dt.date(2020, 1, 1))
    dates = st.sampled_from([start, start + dt.timedelta(days=200), dt.date(2026, 3, 2)])

    def build(on: dt.date, households: list[tuple[list[dict[str, Any]], dict[str, Any]]]) -> list[Case]:
        out = []
        for people, values in households:
            clean = [{k: v for k, v in p.items() if v is not None} for p in people]
            ids = [f"p{i}" for i in range(len(people))]
            out.append(
                Case("x", max(on, start), ids, clean, {k: v for k, v in values.items() if v is not None})
            )
        return out

    households = st.lists(st.one_of(household(False), household(True)), min_size=1, max_size=8)
    return st.builds(build, dates, households)


@pytest.mark.parametrize(("pack", "program"), PROGRAMS, ids=[p.id for _, p in PROGRAMS])
def test_explain_and_batch_agree(pack: Pack, program: Program) -> None:
    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(cases_for(program))
    def check(cases: list[Case]) -> None:
        assert_agree(pack, program.id, cases)

    check()
