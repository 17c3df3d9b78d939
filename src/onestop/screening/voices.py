"""Two voices: the public wording of each question and program, beside the officer's.

The packs and the catalogue word their texts for an officer ("Does this person ...", the legal name
of an allowance, how a contact centre routes a call). The public screener speaks to the person
("Do you ...", grade 8 or below). Public wordings live in one file, ``public.yaml`` beside this
module, keyed by the input's vocabulary name and the catalogue id, so a plain-language reviewer
reads and edits them in one place and the officer texts stay with their definitions.

The fallback is explicit: a question with no public wording uses the officer's only when that is
already in the second person ("you" / "vous"); ``unvoiced`` lists the inputs for which neither is
true, and a test keeps that list empty. Officer help ("Give birth_date ...") is never shown publicly.
A program without a public description or way to apply keeps the catalogue's (the readability test
decides whether that is plain enough). Nothing here knows about the web; the rules engine is untouched.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from onestop.jurisdictions import Entry
from onestop.rules import Text, Variable

FILE = Path(__file__).with_name("public.yaml")
LANGS = ("en", "fr")
_SECOND_PERSON = {"en": re.compile(r"\b(you|your)\b", re.I), "fr": re.compile(r"\b(vous|votre|vos)\b", re.I)}


@dataclass(frozen=True)
class Wordings:
    """Every public wording: questions, their help and choices, and programs."""

    questions: Mapping[str, Text]
    help: Mapping[str, Text]
    choices: Mapping[str, Mapping[str, Text]]  # input name -> code -> words
    programs: Mapping[str, Mapping[str, Text]]  # catalogue id -> name / description / how_to_apply -> words


@dataclass(frozen=True)
class PublicProgram:
    """What the public page says about one program, in one language."""

    name: str
    description: str
    how_to_apply: str


def _texts(section: object, where: str) -> dict[str, Text]:
    if not isinstance(section, Mapping):
        raise ValueError(f"{FILE.name}: {where} must be a mapping")
    out = {}
    for key, value in section.items():
        if not (isinstance(value, Mapping) and all(isinstance(value.get(lang), str) for lang in LANGS)):
            raise ValueError(f"{FILE.name}: {where}.{key} needs both en and fr")
        out[str(key)] = Text(value["en"].strip(), value["fr"].strip())
    return out


@functools.cache
def wordings() -> Wordings:
    """The file, read and checked once (both languages for every text, or a ValueError naming it)."""
    data = yaml.safe_load(FILE.read_text(encoding="utf-8"))
    choices = {str(k): _texts(v, f"choices.{k}") for k, v in (data.get("choices") or {}).items()}
    programs = {str(k): _texts(v, f"programs.{k}") for k, v in (data.get("programs") or {}).items()}
    for key, fields in programs.items():
        if unknown := set(fields) - {"name", "description", "how_to_apply"}:
            raise ValueError(f"{FILE.name}: programs.{key}: unknown field {sorted(unknown)[0]}")
    return Wordings(
        _texts(data.get("questions") or {}, "questions"),
        _texts(data.get("help") or {}, "help"),
        choices,
        programs,
    )


def second_person(text: str, lang: str) -> bool:
    """Already spoken to the person: the officer's words may then serve the public too."""
    return bool(_SECOND_PERSON[lang].search(text))


def question(var: Variable, lang: str) -> str | None:
    """The public question for an input, or None when it has none (see ``unvoiced``)."""
    own = wordings().questions.get(var.name)
    if own is not None:
        return own(lang)
    if var.question and second_person(var.question("en"), "en") and second_person(var.question.fr, "fr"):
        return var.question(lang)
    return None


def help_text(var: Variable, lang: str) -> str | None:
    """Public help only: the officer's help may name case fields."""
    own = wordings().help.get(var.name)
    return own(lang) if own else None


def choice(var: Variable, code: str, lang: str) -> str | None:
    """The public words for one answer of an enum input, when the file gives them."""
    own = wordings().choices.get(var.name, {}).get(code)
    return own(lang) if own else None


def program(entry: Entry, lang: str) -> PublicProgram:
    """The program's public name, description and way to apply (the catalogue's where none is written)."""
    own = wordings().programs.get(entry.id, {})
    description = own["description"](lang) if "description" in own else entry.description(lang)
    apply = own["how_to_apply"](lang) if "how_to_apply" in own else entry.how_to_apply(lang)
    name = own["name"](lang) if "name" in own else entry.name(lang)
    return PublicProgram(name, description, apply)


def unvoiced(variables: Mapping[str, Variable]) -> list[str]:
    """Inputs with a question but no public one: each needs a wording in ``public.yaml``."""
    return sorted(
        name
        for name, var in variables.items()
        if var.is_input and var.question is not None and question(var, "en") is None
    )
