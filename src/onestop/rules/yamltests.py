"""YAML tests for rule packs, in the spirit of OpenFisca's: a case, a date, and what to expect.

They live beside each program (``<pack>/<program>/tests/*.yaml``); each file is a list of::

    - name: Single adult, expected to work, 2024 published figure
      date: 2024-06-01
      case: {people: [...], unit: {...}}        # the case format, without jurisdiction and date
      expect:
        status: eligible
        monthly_amount: 824.00
        amounts: {core_essential: 459}         # a person amount: {subsidy.k: 547}; absent: not listed
        values: {liquid_asset_limit: 824}       # any variable; person values as {person id: value}
        missing: [unit.liquid_assets]           # exactly, in rank order
        missing_parameters: [...]
        reasons: {liquid assets within limit: true}

Run by pytest (tests/unit/rules/test_pack_yaml.py) and by ``onestop rules test PACK``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from onestop.rules.describe import wire
from onestop.rules.errors import CaseInvalid, PackDefinitionError
from onestop.rules.pack import Pack
from onestop.rules.program import Program
from onestop.rules.result import ProgramResult
from onestop.rules.types import Kind
from onestop.rules.values import BadValueError, money_to_cents, parse_iso_date
from onestop.rules.yamlio import load_yaml_text

EXPECT_KEYS = ("status", "monthly_amount", "amounts", "values", "missing", "missing_parameters", "reasons")


@dataclass(frozen=True)
class YamlTest:
    """One test case from a YAML file."""

    program: Program
    file: Path
    number: int
    name: str
    date: dt.date
    case: dict[str, Any]
    expect: dict[str, Any]

    @property
    def id(self) -> str:
        """Identifier for test reports: program, file stem and name."""
        return f"{self.program.id}/{self.file.stem}/{self.number}:{self.name}"


def collect(pack: Pack) -> Iterator[YamlTest]:
    """Every YAML test of a pack."""
    for program, path in pack.test_files():
        items = load_yaml_text(path.read_text(encoding="utf-8")) or []
        if not isinstance(items, list):
            raise PackDefinitionError(f"{path}: expected a list of tests")
        for number, raw in enumerate(items, start=1):
            yield _test(program, path, number, raw)


def _test(program: Program, path: Path, number: int, raw: Any) -> YamlTest:
    where = f"{path}: test {number}"
    if not isinstance(raw, dict) or "name" not in raw or "date" not in raw or "expect" not in raw:
        raise PackDefinitionError(f"{where}: needs name, date, case and expect")
    unknown = set(raw["expect"]) - set(EXPECT_KEYS)
    if unknown:
        raise PackDefinitionError(f"{where}: unknown expectations {sorted(unknown)}")
    try:
        on = parse_iso_date(raw["date"])
    except BadValueError as err:
        raise PackDefinitionError(f"{where}: date {err}") from None
    return YamlTest(
        program, path, number, str(raw["name"]), on, dict(raw.get("case") or {}), dict(raw["expect"])
    )


def run(pack: Pack, test: YamlTest) -> list[str]:
    """Run one test; the list of differences (empty when it passes)."""
    data = {**test.case, "date": test.date}
    try:
        result = pack.evaluate_data(data, [test.program.id]).results[0]
    except CaseInvalid as err:
        return [f"the case is invalid: {err.message}"]
    problems: list[str] = []
    expect = test.expect
    if "status" in expect and expect["status"] != result.status:
        problems.append(f"status: expected {expect['status']}, got {result.status}")
    if "monthly_amount" in expect:
        _compare(problems, "monthly_amount", expect["monthly_amount"], result.monthly_amount, Kind.MONEY)
    amounts = result.amounts
    for name, want in (expect.get("amounts") or {}).items():
        got = amounts.get(str(name), "absent")
        if want == "absent" or got == "absent":
            if want != got:
                problems.append(f"amounts.{name}: expected {want}, got {wire(got, Kind.MONEY)}")
            continue
        _compare(problems, f"amounts.{name}", want, got, Kind.MONEY)
    for name, want in (expect.get("values") or {}).items():
        _compare_value(problems, result, str(name), want)
    for key in ("missing", "missing_parameters"):
        if key in expect:
            got = getattr(result.missing, "inputs" if key == "missing" else "parameters")
            if list(expect[key] or []) != got:
                problems.append(f"{key}: expected {expect[key]}, got {got}")
    reasons = {r["test"]: r["passed"] for r in result.reasons()}
    for words, passed in (expect.get("reasons") or {}).items():
        if reasons.get(words, "absent") != passed:
            problems.append(f"reason {words!r}: expected {passed}, got {reasons.get(words, 'absent')}")
    return problems


def _compare_value(problems: list[str], result: ProgramResult, name: str, want: Any) -> None:
    var = result.program.find(name)
    if var is None or name not in result.graph.named:
        problems.append(f"values.{name}: no such variable in {result.program.id}")
        return
    got = result.value(name)
    if isinstance(got, list):
        by_id = dict(zip(result.case.person_ids, got, strict=True))
        for pid, one in (want or {}).items():
            _compare(problems, f"values.{name}[{pid}]", one, by_id.get(str(pid), "absent"), var.kind)
        return
    _compare(problems, f"values.{name}", want, got, var.kind)


def _compare(problems: list[str], what: str, want: Any, got: Any, kind: Kind) -> None:
    expected: Any = want
    try:
        if want is not None and kind is Kind.MONEY:
            expected = money_to_cents(want)
    except BadValueError as err:
        problems.append(f"{what}: expected value {err}")
        return
    if expected != got:
        shown = wire(got, kind) if got != "absent" else got
        problems.append(f"{what}: expected {want}, got {shown}")


def run_pack(pack: Pack) -> tuple[int, list[tuple[YamlTest, list[str]]]]:
    """Run all of a pack's YAML tests: the number passed, and each failure with its problems."""
    passed = 0
    failures = []
    for test in collect(pack):
        problems = run(pack, test)
        if problems:
            failures.append((test, problems))
        else:
            passed += 1
    return passed, failures
