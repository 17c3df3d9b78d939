"""The screener a step runs: every chosen program of the pack, evaluated on the answers so far.

Design decision 3(b): with unknown inputs the engine answers eligible / ineligible / undetermined and
names the inputs that would decide it; those become the next questions.
"""

from __future__ import annotations

from typing import Any

from onestop.cases.applications import rules
from onestop.cases.screenings import domain


def screen(jurisdiction: str, on: str, answers: dict[str, Any], programs: list[str] | None) -> dict[str, Any]:
    """Each program's status, amount, missing inputs and reasons (EN and FR), and the next questions."""
    pack = rules.pack_of(jurisdiction)
    mapping = domain.case_mapping(jurisdiction, on, answers)
    evaluation = pack.evaluate_data(mapping, programs or None)
    results = []
    for result in evaluation.results:
        out = result.to_dict("en", explain=False)
        out["label"] = {"en": result.program.label("en"), "fr": result.program.label("fr")}
        out["reasons_fr"] = result.reasons("fr")
        results.append(out)
    undecided = [r["missing"] for r in results if r["status"] == "undetermined"]
    return {
        "date": on,
        "programs": results,
        "next_questions": domain.next_questions(undecided, has_people=bool(mapping["people"])),
    }


def questions(jurisdiction: str, paths: list[str]) -> list[dict[str, Any]]:
    """The question text of each path, in English and French."""
    pack = rules.pack_of(jurisdiction)
    return [
        {"path": p, "question": {lang: rules.question(pack, p, lang) for lang in ("en", "fr")}} for p in paths
    ]
