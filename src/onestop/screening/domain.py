"""What the screener answers for each program, and how it ranks them.

Statuses: likely eligible, possibly eligible (with the next questions), not eligible (with the
reason in words), not assessed (onestop does not screen it: refer). Urgent needs come first; then
likelier before less likely; then the catalogue's priority (emergencies, income, health, ...); then
how much of the screening is already answered; then catalogue order.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from onestop.jurisdictions import Entry


class Status(enum.StrEnum):
    """The screener's answer for one program."""

    LIKELY = "likely_eligible"
    POSSIBLY = "possibly_eligible"
    NOT_ASSESSED = "not_assessed"
    NOT_ELIGIBLE = "not_eligible"


RANK = {Status.LIKELY: 0, Status.POSSIBLY: 1, Status.NOT_ASSESSED: 2, Status.NOT_ELIGIBLE: 3}
LABELS = {
    Status.LIKELY: {"en": "likely eligible", "fr": "probablement admissible"},
    Status.POSSIBLY: {"en": "possibly eligible", "fr": "peut-être admissible"},
    Status.NOT_ASSESSED: {"en": "not assessed - refer", "fr": "non évalué - orienter"},
    Status.NOT_ELIGIBLE: {"en": "not eligible", "fr": "non admissible"},
}


@dataclass
class Question:
    """An input still unknown, the question that asks for it, and the programs it would help decide."""

    input: str
    text: str
    programs: list[str] = field(default_factory=list)
    urgent: bool = False
    gate: bool = False  # opens a family of questions: asked with the other gates, on one page


@dataclass
class Item:
    """One program's screening result."""

    entry: Entry
    status: Status
    urgent: bool = False
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    missing_parameters: list[str] = field(default_factory=list)
    monthly_amount: str | None = None
    answered: float = 0.0  # share of the screening tests already decided

    def sort_key(self, order: int) -> tuple[int, int, int, float, int]:
        """Urgent first, then likelier, then priority, then how much is answered, then catalogue order."""
        priority = self.entry.screening.priority if self.entry.screening else 9
        return (0 if self.urgent else 1, RANK[self.status], priority, -self.answered, order)

    def to_dict(self, lang: str) -> dict[str, Any]:
        """The JSON shape of one result (docs/packs.md)."""
        entry = self.entry
        return {
            "program": entry.id,
            "name": entry.name(lang),
            "kind": entry.kind.value,
            "status": self.status.value,
            "status_text": LABELS[self.status][lang],
            "urgent": self.urgent,
            "monthly_amount": self.monthly_amount,
            "reasons": self.reasons,
            "notes": self.notes,
            "questions": [{"input": q.input, "question": q.text} for q in self.questions],
            "missing_parameters": self.missing_parameters,
            "description": entry.description(lang),
            "how_to_apply": entry.how_to_apply(lang),
            "documents": [d(lang) for d in entry.documents],
            "act": entry.act(lang) if entry.act else None,
            "refer_to": {
                "name": entry.agency.name(lang),
                "contacts": [
                    {
                        "kind": c.kind.value,
                        "value": c.value,
                        "label": c.label(lang) if c.label else None,
                        "hours": c.hours(lang) if c.hours else None,
                        "source": c.source,
                    }
                    for c in entry.agency.contacts
                ],
            },
        }


def rank(items: list[Item]) -> list[Item]:
    """Items in the order an officer should go through them."""
    order = {id(item): n for n, item in enumerate(items)}
    return sorted(items, key=lambda item: item.sort_key(order[id(item)]))


def next_questions(
    items: list[Item], urgent_inputs: set[str], gate_inputs: frozenset[str] = frozenset()
) -> list[Question]:
    """Every open question once: urgent ones, ages, gates, then those that would decide the most."""
    merged: dict[str, Question] = {}
    first: dict[str, int] = {}
    for n, item in enumerate(items):
        for q in item.questions:
            if q.input not in merged:
                merged[q.input] = Question(
                    q.input, q.text, [], generic(q.input) in urgent_inputs, q.input in gate_inputs
                )
                first[q.input] = n
            merged[q.input].programs.append(item.entry.id)
    # an age first: it settles which questions concern each person
    return sorted(
        merged.values(),
        key=lambda q: (
            not q.urgent,
            not q.input.endswith("].age"),
            not q.gate,
            -len(q.programs),
            first[q.input],
        ),
    )


def generic(path: str) -> str:
    """``people[p1].age`` and ``people[*].age`` are the same question about different people."""
    if path.startswith("people["):
        return "person." + path.split("].", 1)[1]
    return path
