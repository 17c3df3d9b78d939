"""The screener a step runs: the needs screener (``onestop.screening``) on the answers so far.

It evaluates every catalogue program (decided ones by their rule pack, with unknown inputs giving
``undetermined`` and the inputs that would decide it) and proposes the next questions. A step keeps
a compact copy of its answer in English and French: statuses, reasons, and the questions asked.
"""

from __future__ import annotations

from typing import Any

from onestop.cases.screenings import domain
from onestop.cases.vocabulary import program_packs
from onestop.screening import screen as needs_screen


def screen(jurisdiction: str, on: str, answers: dict[str, Any], programs: list[str] | None) -> dict[str, Any]:
    """Each program's status, reasons (EN and FR) and questions, and the next questions to ask."""
    mapping = domain.case_mapping(jurisdiction, on, answers)
    english, french = (needs_screen(mapping, lang).to_dict() for lang in ("en", "fr"))
    reasons_fr = {r["program"]: r["reasons"] for r in french["results"]}
    names_fr = {r["program"]: r["name"] for r in french["results"]}
    results = [
        {
            "program": r["program"],
            "name": {"en": r["name"], "fr": names_fr.get(r["program"], r["name"])},
            "kind": r["kind"],
            "status": r["status"],
            "urgent": r["urgent"],
            "monthly_amount": r["monthly_amount"],
            "reasons": {"en": r["reasons"], "fr": reasons_fr.get(r["program"], [])},
            "notes": r["notes"],
            "missing_parameters": r["missing_parameters"],
            "questions": [q["input"] for q in r["questions"]],
        }
        for r in english["results"]
        if not programs or r["program"] in programs
    ]
    applicant = next((pid for pid, role in domain.roles(answers).items() if role == "applicant"), None)
    asked = [domain.concrete(q["input"], applicant) for q in english["next_questions"]]
    return {
        "date": on,
        "rules_version": english["rules_version"],
        "counts": english["counts"],
        "programs": results,
        "next_questions": domain.next_questions([asked], has_people=bool(mapping["people"])),
    }


def questions(jurisdiction: str, paths: list[str]) -> list[dict[str, Any]]:
    """The question text of each path, in English and French."""
    pack = program_packs.pack_of(jurisdiction)
    return [
        {"path": p, "question": {lang: program_packs.question(pack, p, lang) for lang in ("en", "fr")}}
        for p in paths
    ]
