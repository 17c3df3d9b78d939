"""Screening interview rules. Pure: session states, folding the answers of the steps, the next questions.

A session is a list of append-only steps; each step holds the answers given and the screener's result
at that moment. The case so far is the fold of every step's answers (a later answer to the same
question wins), so an officer can resume, and a supervisor can replay why a program was suggested.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any

from onestop.common.errors import InvalidTransition

#: How many questions the screener proposes at a time.
NEXT_QUESTIONS = 10
_PERSON = re.compile(r"^people\[([^\]]+)\]\.(.+)$")


class SessionStatus(enum.StrEnum):
    """An interview is open until completed; a completed one takes no more answers."""

    OPEN = "open"
    COMPLETED = "completed"


def check_open(status: str) -> None:
    """Refuse answers (or a second completion) once the interview is completed."""
    if SessionStatus(status) is not SessionStatus.OPEN:
        raise InvalidTransition("this screening interview is completed; start a new one")


def check_link(current: object | None, person_id: object) -> None:
    """A session is linked to one person, once; linking again to the same person changes nothing."""
    if current is not None and current != person_id:
        raise InvalidTransition("this screening interview is already linked to another person")


def fold(steps: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The answers so far: every step's answers in order, later ones replacing earlier ones."""
    answers: dict[str, Any] = {}
    for step in steps:
        answers.update(step)
    return dict(sorted(answers.items()))


def case_mapping(jurisdiction: str, on: str, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The case-format mapping of folded answers (people in the order they were first named)."""
    people: dict[str, dict[str, Any]] = {}
    unit: dict[str, Any] = {}
    for path, value in answers.items():
        if m := _PERSON.match(path):
            people.setdefault(m.group(1), {"id": m.group(1)})[m.group(2)] = value
        else:
            parts = path.split(".")[1:]
            if len(parts) == 2:
                unit.setdefault(parts[0], {})[parts[1]] = value
            else:
                unit[parts[0]] = value
    return {"jurisdiction": jurisdiction, "date": on, "people": list(people.values()), "unit": unit}


def roles(answers: Mapping[str, Any]) -> dict[str, str]:
    """Screening person ids and their roles (``people[p1].role``)."""
    return {
        m.group(1): str(value)
        for path, value in answers.items()
        if (m := _PERSON.match(path)) and m.group(2) == "role"
    }


def concrete(path: str, applicant: str | None) -> str:
    """A screener question about "any person" or "the applicant" as a path an answer can use."""
    for generic in ("people[*].", "people[applicant]."):
        if path.startswith(generic):
            return f"people[{applicant or 'p1'}].{path[len(generic) :]}"
    return path


def next_questions(missing_by_program: Iterable[list[str]], has_people: bool) -> list[str]:
    """Inputs still needed, most often asked first (then in the screener's order), at most a page."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for order, missing in enumerate(missing_by_program):
        for rank, path in enumerate(missing):
            counts[path] = counts.get(path, 0) + 1
            first.setdefault(path, (order, rank))
    ranked = sorted(counts, key=lambda p: (-counts[p], first[p]))
    if not has_people:
        ranked = ["people[p1].role", *(p for p in ranked if p != "people[p1].role")]
    return ranked[:NEXT_QUESTIONS]
