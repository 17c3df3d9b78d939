"""Needs screening: every catalogue program for what is known so far, ranked, with the next questions.

Decided programs are evaluated by their rule pack (unknown inputs give ``undetermined`` and the
inputs that would decide it); every program's catalogue tests are evaluated in three values; the
documented interactions between programs are then applied. Nothing here reads or writes the
database: the anonymous portal calls ``screen`` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from onestop.common.errors import InvalidInput
from onestop.common.money import format_cents
from onestop.jurisdictions import Catalogue, Effect, Entry, EntryKind, load_catalogue
from onestop.rules import ELIGIBLE, INELIGIBLE, Case, CaseInvalid, Pack, ProgramResult
from onestop.screening import gates
from onestop.screening.criteria import criteria_program
from onestop.screening.domain import LABELS, Item, Question, Status, generic, next_questions, rank
from onestop.screening.packs import check_jurisdiction, screening_pack


@dataclass
class Screening:
    """The screener's answer for one case."""

    jurisdiction: str
    date: dt.date
    rules_version: str
    items: list[Item]
    questions: list[Question]
    lang: str = "en"
    assumptions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON output of ``onestop screen`` and ``POST /api/screen`` (docs/packs.md)."""
        lang = self.lang
        return {
            "lang": lang,
            "jurisdiction": self.jurisdiction,
            "date": self.date.isoformat(),
            "rules_version": self.rules_version,
            "assumptions": self.assumptions,
            "counts": {s.value: sum(1 for i in self.items if i.status is s) for s in Status},
            "next_questions": [
                {
                    "input": q.input,
                    "question": q.text,
                    "urgent": q.urgent,
                    "gate": q.gate,
                    "programs": q.programs,
                }
                for q in self.questions
            ],
            "results": [item.to_dict(lang) for item in self.items],
        }

    def render(self) -> str:
        """Readable text for an officer (or a client) in the screening's language."""
        return render_screening(self, self.lang)


def screen(data: object, lang: str = "en") -> Screening:
    """Screen a case mapping (case-format.md; almost nothing may be known) against every program."""
    if not isinstance(data, Mapping):
        raise CaseInvalid("case", "must be a mapping with jurisdiction, date, people and unit")
    if lang not in ("en", "fr"):
        raise InvalidInput("lang", "must be en or fr")
    jurisdiction = check_jurisdiction(data.get("jurisdiction"))
    pack = screening_pack(jurisdiction)
    catalogue = load_catalogue(jurisdiction)
    filled, assumptions = gates.fill(data, pack.vocabulary, lang)
    case = pack.parse_case(filled)
    run = _Run(pack, catalogue, case, lang)
    items = [run.item(entry) for entry in catalogue]
    for item in items:  # ask a gate (or an age) before the questions it may settle
        item.questions = run.questions_for(
            [gates.redirect(q.input, filled, pack.vocabulary) for q in item.questions]
        )
    items = rank(items)
    urgent_inputs = {
        generic(path)
        for entry in catalogue
        if entry.screening and entry.screening.urgent_when
        for path in run.criteria.inputs(entry.screening.urgent_when)
    }
    questions = next_questions(items, urgent_inputs, gates.rules().inputs)
    return Screening(jurisdiction, case.date, pack.version, items, questions, lang, assumptions)


class _Run:
    """One screening: the case, its engine results, and the catalogue's criteria."""

    def __init__(self, pack: Pack, catalogue: Catalogue, case: Case, lang: str) -> None:
        self.pack, self.catalogue, self.case, self.lang = pack, catalogue, case, lang
        self.criteria = criteria_program(catalogue.jurisdiction).evaluate(case)
        self.results = {r.program.id: r for r in self._decided()}
        self.applied = [rule for rule in catalogue.interactions if self.criteria.value(rule.when) is True]

    def _decided(self) -> list[ProgramResult]:
        ids = [e.id for e in self.catalogue if e.kind is EntryKind.DECIDED and e.id in self.pack.programs]
        results = []
        for program_id in ids:
            try:
                results.extend(self.pack.evaluate(self.case, [program_id]).results)
            except InvalidInput:  # e.g. no parameter in force on the date: the program is not assessed
                continue
        return results

    def item(self, entry: Entry) -> Item:
        """Screen one catalogue entry."""
        item = self._from_tests(entry)
        result = self.results.get(entry.id)
        if result is not None:
            self._merge_engine(item, result)
        elif entry.kind is EntryKind.DECIDED and item.status is not Status.NOT_ELIGIBLE:
            item.notes.append(
                self._text("no rules in force on this date", "aucune règle en vigueur à cette date")
            )
        self._interactions(item)
        if entry.screening and entry.screening.urgent_when is not None:
            item.urgent = self.criteria.value(entry.screening.urgent_when) is True
        item.urgent = item.urgent and item.status is not Status.NOT_ELIGIBLE
        return item

    def _from_tests(self, entry: Entry) -> Item:
        if entry.screening is None:
            return Item(
                entry, Status.NOT_ASSESSED if entry.kind is not EntryKind.DECIDED else Status.POSSIBLY
            )
        outcomes = [(t, self.criteria.value(t.when)) for t in entry.screening.tests]
        failed = [t.because(self.lang) for t, value in outcomes if value is False]
        decided = sum(1 for _, value in outcomes if value is not None) / len(outcomes)
        if failed:
            return Item(entry, Status.NOT_ELIGIBLE, reasons=failed, answered=decided)
        unknown = self.criteria.missing([t.when for t, value in outcomes if value is None])
        status = Status.POSSIBLY if decided < 1 else Status.LIKELY
        return Item(entry, status, questions=self._questions(unknown), answered=decided)

    def _merge_engine(self, item: Item, result: ProgramResult) -> None:
        """The rule pack's answer refines the catalogue's: ineligible wins, undetermined asks more."""
        if item.status is Status.NOT_ELIGIBLE:
            return
        if result.status == INELIGIBLE and not self.case.people:
            return  # tests over the unit's members fail on an empty list: nobody is known yet
        if result.status == INELIGIBLE:
            failed = [r for r in result.reasons(self.lang) if r["passed"] is False]
            item.status, item.questions = Status.NOT_ELIGIBLE, []
            item.reasons = [f"{r['test']} ({r['detail']})" if r["detail"] else r["test"] for r in failed]
            return
        if result.status == ELIGIBLE:
            if result.monthly_amount is not None:
                item.monthly_amount = format_cents(result.monthly_amount)
            return
        missing = result.missing
        engine_questions = self._questions(missing.inputs)
        asked = {q.input for q in engine_questions}
        item.questions = [*engine_questions, *(q for q in item.questions if q.input not in asked)]
        # Undetermined is never "likely": not even when every question is answered and only a policy
        # value is missing (a gap must never look like a positive answer). The reason names it.
        item.status = Status.POSSIBLY
        item.missing_parameters = list(missing.parameters)
        if missing.parameters:
            names = "; ".join(result.gaps(self.lang))
            item.reasons.append(
                self._text(
                    f"undetermined: the published policy we hold does not give {names}",
                    f"indéterminé : la politique publiée dont nous disposons ne précise pas {names}",
                )
            )

    def _interactions(self, item: Item) -> None:
        for rule in self.applied:
            if rule.program != item.entry.id:
                continue
            reason = rule.reason(self.lang)
            if rule.effect is Effect.NOT_ELIGIBLE:
                item.status, item.reasons, item.questions = Status.NOT_ELIGIBLE, [reason], []
            elif rule.effect is Effect.LIKELY and item.status is not Status.NOT_ELIGIBLE:
                if not item.missing_parameters:  # an interaction does not fill a policy gap either
                    item.status = Status.LIKELY
                item.notes.append(reason)
            elif rule.effect is Effect.NOTE:
                item.notes.append(reason)

    def questions_for(self, paths: list[str]) -> list[Question]:
        """Each path once, with its question in the screening's language."""
        return self._questions(paths)

    def _questions(self, paths: list[str]) -> list[Question]:
        return [Question(path, self._question_text(path)) for path in dict.fromkeys(paths)]

    def _question_text(self, path: str) -> str:
        vocab = self.pack.vocabulary
        if path.startswith("people["):
            who, name = path[len("people[") :].split("].", 1)
            var = vocab.person.get(name)
            text = var.question(self.lang) if var and var.question else name
            return text if who in ("*", "applicant") else f"[{who}] {text}"
        name = path.split(".", 1)[1]
        for group, prefix in vocab.nested.items():
            if name.startswith(group + "."):
                name = prefix + name[len(group) + 1 :]
        var = vocab.unit.get(name)
        return var.question(self.lang) if var and var.question else name

    def _text(self, en: str, fr: str) -> str:
        return fr if self.lang == "fr" else en


# The screening as text an officer can read to a client, in English or French.

_HEAD = {
    "en": ("Screening for {j} on {d}", "Ask next", "URGENT", "Contact", "Not eligible because", "Notes"),
    "fr": (
        "Présélection pour {j} au {d}",
        "Questions à poser",
        "URGENT",
        "Joindre",
        "Non admissible parce que",
        "Notes",
    ),
}


def render_screening(screening: Screening, lang: str = "en") -> str:
    """Numbered programs, most urgent and likely first, then the questions to ask next."""
    title, ask, urgent, contact, because, notes = _HEAD["fr" if lang == "fr" else "en"]
    lines = [title.format(j=screening.jurisdiction, d=screening.date.isoformat()), ""]
    if screening.questions:
        lines.append(f"{ask}:")
        lines += [f"  - {'[!] ' if q.urgent else ''}{q.text}  [{q.input}]" for q in screening.questions[:10]]
        lines.append("")
    for n, item in enumerate(screening.items, 1):
        flag = f"{urgent} " if item.urgent else ""
        amount = f" - {item.monthly_amount} $" if item.monthly_amount else ""
        lines.append(
            f"{n:2}. {flag}{item.entry.name(lang)} ({item.entry.id}): {LABELS[item.status][lang]}{amount}"
        )
        if item.status is Status.NOT_ELIGIBLE:
            lines += [f"      {because}: {r}" for r in item.reasons]
        else:
            lines += [f"      {r}" for r in item.reasons]
            lines += [f"      ? {q.text}" for q in item.questions[:3]]
        lines += [f"      {notes}: {note}" for note in item.notes]
        if item.status is not Status.NOT_ELIGIBLE:
            reach = [
                c.label(lang) if c.kind.value == "routing" and c.label else c.value
                for c in item.entry.agency.contacts
                if c.kind.value in ("phone", "web", "routing")
            ][:2]
            lines.append(f"      {contact}: {item.entry.agency.name(lang)} - {'; '.join(reach)}")
    return "\n".join(lines)
