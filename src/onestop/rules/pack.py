"""Rule packs: a jurisdiction's programs, its case vocabulary, and its version (a content hash).

The version is ``sha256:`` over the pack's parameter files and formula sources (``*.yaml`` and
``*.py``, YAML tests excluded), so any change to a rate or a formula gives a new version, and every
result says which rules produced it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from onestop.rules.case import Case, Vocabulary, parse_case
from onestop.rules.case_eval import CasePlan
from onestop.rules.errors import CaseInvalid, UnknownProgram
from onestop.rules.graph import graph_of, snapshot
from onestop.rules.overlay_values import ParameterOverlay
from onestop.rules.overlay_values import digest as overlay_digest
from onestop.rules.program import Program
from onestop.rules.result import HEAD, ProgramResult, render_result
from onestop.rules.types import Text, Variable

HASHED_SUFFIXES = (".py", ".yaml", ".yml")


class Pack:
    """A jurisdiction's rule pack."""

    def __init__(
        self,
        pack_id: str,
        *,
        label: Text | Mapping[str, str] | str,
        root: Path,
        programs: Iterable[Program],
        inputs: Iterable[Variable] = (),
        nested: Mapping[str, str] | None = None,
    ) -> None:
        self.id = pack_id
        self.label = Text.of(label, pack_id)
        self.root = root
        self.programs: dict[str, Program] = {p.id: p for p in programs}
        merged: dict[str, Variable] = {v.name: v for v in inputs}
        for program in self.programs.values():
            for var in program.inputs.values():
                merged.setdefault(var.name, var)
        for program in self.programs.values():  # a program may read any input of its pack
            for var in merged.values():
                program.inputs.setdefault(var.name, var)
        self.vocabulary = Vocabulary(list(merged.values()), nested or {})
        #: Approved values laid over the YAML (``onestop.rules.overlays.apply``); the version covers them.
        self.overlays: tuple[ParameterOverlay, ...] = ()

    @cached_property
    def version(self) -> str:
        """``sha256:<hex>`` of the parameter files and formula sources, and of any overlays laid over them."""
        digest = hashlib.sha256()
        for rel, path in self.source_files():
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        digest.update(overlay_digest(self.overlays))
        return "sha256:" + digest.hexdigest()

    def source_files(self) -> list[tuple[str, Path]]:
        """The files the version covers: the pack's own modules and each program's folder (tests excluded)."""
        files: dict[str, Path] = {}
        for path in self.root.glob("*.py"):
            files[_relative(path, self.root)] = path
        for program in self.programs.values():
            for path in program.root.rglob("*"):
                parts = path.relative_to(program.root).parts
                if path.suffix in HASHED_SUFFIXES and "tests" not in parts and "__pycache__" not in parts:
                    files[_relative(path, self.root)] = path
        return sorted(files.items())

    def program_version(self, program_id: str) -> str:
        """``sha256:`` of one program's own files (its folder, tests excluded)."""
        root = self.program(program_id).root
        digest = hashlib.sha256()
        for rel, path in self.source_files():
            if path.is_relative_to(root):
                digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        return "sha256:" + digest.hexdigest()

    def program(self, program_id: str) -> Program:
        """A program by id."""
        try:
            return self.programs[program_id]
        except KeyError:
            raise UnknownProgram(program_id, sorted(self.programs)) from None

    def parse_case(self, data: object) -> Case:
        """Validate a case for this pack."""
        case = parse_case(data, self.vocabulary)
        if case.jurisdiction and case.jurisdiction != self.id:
            raise CaseInvalid("jurisdiction", f"is {case.jurisdiction!r} but this pack is {self.id!r}")
        case.jurisdiction = self.id
        return case

    def plan(self, program: Program, on: dt.date) -> CasePlan:
        """The program compiled for the parameters in force on ``on`` (cached per snapshot and per date)."""
        plan = program.cache.get(("case-on", on))
        if plan is None:
            snap = snapshot(program, on)
            plan = program.cache.get(("case", snap.key))
            if plan is None:
                plan = program.cache[("case", snap.key)] = CasePlan(graph_of(program), snap)
            if (
                len(program.cache) < 10_000
            ):  # dates seen; bounded so a long-running server cannot grow forever
                program.cache[("case-on", on)] = plan
        assert isinstance(plan, CasePlan)
        return plan

    def evaluate(self, case: Case, programs: Sequence[str] | None = None) -> Evaluation:
        """Evaluate a parsed case for the given programs (all by default)."""
        chosen = [self.program(p) for p in programs] if programs else list(self.programs.values())
        results = []
        for program in chosen:
            plan = self.plan(program, case.date)
            vals = plan.run(case.unit, case.people)
            results.append(ProgramResult(program, plan, vals, case, self.vocabulary))
        return Evaluation(self.id, case.date, self.version, results)

    def evaluate_data(self, data: object, programs: Sequence[str] | None = None) -> Evaluation:
        """Parse then evaluate."""
        return self.evaluate(self.parse_case(data), programs)

    def test_files(self) -> list[tuple[Program, Path]]:
        """YAML tests beside each program: ``<program>/tests/*.yaml``."""
        out: list[tuple[Program, Path]] = []
        for program in self.programs.values():
            out.extend((program, path) for path in sorted((program.root / "tests").glob("*.y*ml")))
        return out


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Evaluation:
    """The answer for one case: every requested program's result, with the rules version."""

    jurisdiction: str
    date: dt.date
    rules_version: str
    results: list[ProgramResult]

    def to_dict(self, lang: str = "en", *, explain: bool = True) -> dict[str, Any]:
        """The JSON output of ``onestop evaluate`` and ``POST /api/evaluate``."""
        return {
            "jurisdiction": self.jurisdiction,
            "date": self.date.isoformat(),
            "rules_version": self.rules_version,
            "results": [r.to_dict(lang, explain=explain) for r in self.results],
        }

    def render(self, lang: str = "en") -> str:
        """Readable text an officer can read to the client."""
        return render_evaluation(self, lang)


def render_evaluation(evaluation: Evaluation, lang: str = "en") -> str:
    """The whole evaluation as text."""
    h = HEAD.get(lang, HEAD["en"])
    lines = [f"{h['date']}: {evaluation.date.isoformat()}  ({h['rules']}: {evaluation.rules_version[:19]}…)"]
    for result in evaluation.results:
        lines.append("")
        lines.extend(render_result(result, lang))
    return "\n".join(lines) + "\n"
