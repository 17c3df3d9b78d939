"""The rule packs' inputs as form questions: which widget, the question in the page's language, and
reading the answer back (shared by the staff interview, application facts and the portal screener).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from onestop.cases.vocabulary import paths, program_packs
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.screening import gates, voices
from onestop.web.parsing import required_whole_number

#: Words for the packs' enum codes (the packs name them in their questions but give no labels).
CHOICES = {
    "private": N_("Private rental or own home"),
    "social_housing": N_("Social housing"),
    "approved_home": N_("Approved home"),
    "group_home": N_("Group home"),
    "shelter": N_("Shelter"),
    "expected_to_work": N_("Expected to work"),
    "barriers_to_full_employment": N_("Barriers to full employment"),
    "applicant": N_("Applicant"),
    "partner": N_("Partner"),
    "dependant": N_("Dependant"),
    "facility_based": N_("Child care centre"),
    "family_day_home": N_("Family day home"),
    "kindergarten": N_("Kindergarten"),
    "not_in_care": N_("No licensed child care"),
}
URGENT = frozenset(
    {
        "fleeing_violence",
        "no_safe_place_tonight",
        "no_money_for_food_today",
        "immediate_danger",
        "child_at_risk",
    }
)


@dataclass
class Field:
    """One question: the input path it answers, its words, and how to answer it."""

    path: str
    text: str
    kind: str  # bool | money | int | rate | enum | date
    options: list[tuple[str, str]] = field(default_factory=list)
    help: str | None = None

    @property
    def name(self) -> str:
        """The input's own name (``monthly_shelter_cost``)."""
        return self.path.rsplit(".", 1)[-1]

    @property
    def urgent(self) -> bool:
        """A safety question asked first, as a group."""
        return self.name in URGENT and self.kind == "bool"

    @property
    def gate(self) -> bool:
        """A yes/no question that opens a family of questions (screening/gates.yaml)."""
        return self.kind == "bool" and self.name in gate_names()


@functools.cache
def gate_names() -> frozenset[str]:
    """The gates' own input names (``has_income``): answered together, a box not ticked is a no."""
    return frozenset(g.input.rsplit(".", 1)[-1] for g in gates.rules().gates)


def field_for(
    jurisdiction: str, path: str, language: str, translate: Any = None, *, public: bool = False
) -> Field:
    """The question for ``path`` in the jurisdiction's pack; ``translate`` words the enum choices.

    ``public`` asks in the person's own voice (screening/voices.py): the public wording, no officer
    help, and the public words for each choice; the staff pages keep the officer's wording.
    """
    pack = program_packs.pack_of(jurisdiction)
    var = program_packs.variable_for(pack, paths.parse_path(path))
    officer = program_packs.question(pack, path, language) or var.label(language) or var.name
    words = translate or (lambda s: s)

    def choice(code: str) -> str:
        own = voices.choice(var, code, language) if public else None
        return own or (words(CHOICES[code]) if code in CHOICES else code)

    options = [(code, choice(code)) for code in var.domain or ()]
    if public:
        text = voices.question(var, language) or var.label(language)
        return Field(
            path=path, text=text, kind=var.kind.value, options=options, help=voices.help_text(var, language)
        )
    help_text = var.help(language) if var.help else None
    return Field(path=path, text=officer, kind=var.kind.value, options=options, help=help_text)


def read_answer(question: Field, raw: str) -> Any:
    """The typed value of a form answer (yes/no, whole numbers); money and dates stay text for the pack."""
    value = raw.strip()
    if not value:
        raise InvalidInput("answer", "give an answer, or skip the question")
    if question.kind == "bool":
        if value not in ("yes", "no"):
            raise InvalidInput("answer", "answer yes or no")
        return value == "yes"
    if question.kind == "int":
        return required_whole_number(value, "answer", negative=True)
    if question.kind == "money":
        return money_text(value)
    if question.kind == "enum" and question.options and value not in dict(question.options):
        raise InvalidInput("answer", "choose one of the answers")
    return value


def money_text(value: str) -> str:
    """An amount as typed in English or French ("$1,234.50", "1 234,50 $") as a plain decimal string."""
    text = re.sub(r"[$\s\u00a0\u202f]", "", value)
    if re.fullmatch(r"-?\d+,\d{1,2}", text):
        return text.replace(",", ".")  # a decimal comma
    return text.replace(",", "")
