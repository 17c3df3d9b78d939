"""Every text the public screener can show reads plainly: grade 8 or below in English (Flesch-Kincaid),
a reading ease of 60 or more in French (Kandel and Moles), spoken to the person, and never an id.

What is measured (docs/packs.md, "Two voices"): each input's public question, help and choices in
both packs; the public name, description and way to apply of every program the screener can show
(it has screening tests or onestop decides it); the screener page's own sentences; the reason shown
when a published value is missing; the assumptions the gates state. A text of 10 words or more is
measured alone. Flesch-Kincaid is unreliable on a few words (one long word swings it by grades), so
a shorter text is measured within its whole group, joined in order as it reads on the page (one
input: question, help, choices; one program: name, description, how to apply; the page's own
sentences), and a group still under 10 words is joined to the next one, until each passage has 10
words or more. Answer labels of a word and a number ("Grade 7") are not measured.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest
import textstat

from onestop.jurisdictions.catalogue import EntryKind, load_catalogue
from onestop.screening import gates, voices
from onestop.screening.packs import screening_pack
from onestop.web import i18n
from onestop.web.portal.anonymous_screener import NO_AMOUNT_YET

JURISDICTIONS = ("ca-ab", "ca-nl")
TEMPLATE = Path(voices.__file__).parents[1] / "web/templates/portal/screener.html"
SHORT = 10  # words: below this, Flesch-Kincaid is measured on the text joined with its group
GRADE = 8
EASE_FR = 60  # Kandel-Moles: 60-70 "standard", read by a 13-14 year old (about grade 8)


#: Answer labels made of one word and a number ("Grade 7", "7e année") are left out of the measure:
#: textstat does not count a sentence of two words, so a list of them reads as one long sentence.
_NUMBERED = re.compile(r"(Grade \d+|\d+(re|e) année)")


#: How an officer speaks of the person: never on the public page.
_OFFICER = re.compile(
    r"\b(this person|this child|the household|the applicant|cette personne|cet enfant|le ménage|du ménage"
    r"|le demandeur)\b",
    re.I,
)


def _words(text: str) -> int:
    return len(text.split())


def groups(lang: str) -> Iterator[tuple[str, list[str]]]:
    """Every public text, by group, named for the failure message."""
    seen: set[str] = set()
    for jurisdiction in JURISDICTIONS:
        vocabulary = screening_pack(jurisdiction).vocabulary
        for var in [*vocabulary.person.values(), *vocabulary.unit.values()]:
            if not var.is_input or var.question is None or var.name in seen:
                continue
            seen.add(var.name)
            texts = [voices.question(var, lang) or "", voices.help_text(var, lang) or ""]
            texts += [voices.choice(var, code, lang) or "" for code in var.domain or ()]
            yield f"question {var.name}", [t for t in texts[:2] if t]
            choices = [t for t in texts[2:] if not _NUMBERED.fullmatch(t)]
            if choices:
                yield f"choices {var.name}", choices
        for entry in load_catalogue(jurisdiction):
            if entry.id in seen or (entry.screening is None and entry.kind is not EntryKind.DECIDED):
                continue
            seen.add(entry.id)
            words = voices.program(entry, lang)
            yield f"program {entry.id}", [words.name, words.description, words.how_to_apply]
    rules = gates.rules()
    says = [g.says[lang] for g in rules.gates] + [a.says[lang] for a in rules.applies_to]
    yield from ((f"assumption {n}", [text]) for n, text in enumerate(says))
    translate = i18n.translations(lang).gettext
    page = [translate(s) for s in [*_template_strings(), str(NO_AMOUNT_YET)]]
    yield "screener page", [re.sub(r"%\(\w+\)[sd]", "3", s) for s in page]


def _template_strings() -> list[str]:
    source = TEMPLATE.read_text(encoding="utf-8")
    found = re.findall(r'_\("([^"]+)"\)', source) + re.findall(r'ngettext\("([^"]+)"', source)
    return found


def _sentence(text: str) -> str:
    return text if text.rstrip().endswith((".", "?", "!", ":")) else text.rstrip() + "."


def passages(lang: str) -> list[tuple[str, str]]:
    """What is measured: each long text alone; a group with a short text whole (joined with the next
    groups while under 10 words)."""
    out: list[tuple[str, str]] = []
    carry_names: list[str] = []
    carry: list[str] = []
    for name, texts in groups(lang):
        out += [(name, t) for t in texts if _words(t) >= SHORT]
        if all(_words(t) >= SHORT for t in texts):
            continue
        carry_names.append(name)
        carry += [_sentence(t) for t in texts]
        if _words(" ".join(carry)) >= SHORT:
            out.append((" + ".join(carry_names), " ".join(carry)))
            carry_names, carry = [], []
    if carry:
        out.append((" + ".join(carry_names), " ".join(carry)))
    return out


@pytest.fixture
def french() -> Iterator[None]:
    textstat.set_lang("fr")
    try:
        yield
    finally:
        textstat.set_lang("en_US")


def test_every_english_public_text_reads_at_grade_8_or_below() -> None:
    textstat.set_lang("en_US")
    grades = [(textstat.flesch_kincaid_grade(text), name, text) for name, text in passages("en")]
    too_hard = [f"{g:.1f} {name}: {text}" for g, name, text in grades if g > GRADE]
    assert not too_hard, "\n".join(too_hard)
    assert len(grades) > 100  # every question and program was measured, not an empty list
    assert statistics.median(g for g, _, _ in grades) <= GRADE


def test_every_french_public_text_reads_with_an_ease_of_60_or_more(french: None) -> None:
    eases = [(textstat.flesch_reading_ease(text), name, text) for name, text in passages("fr")]
    too_hard = [f"{e:.1f} {name}: {text}" for e, name, text in eases if e < EASE_FR]
    assert not too_hard, "\n".join(too_hard)
    assert len(eases) > 100


def test_a_hard_text_fails_the_measure() -> None:
    """The limit bites: the catalogue's officer description of AISH is far above grade 8."""
    textstat.set_lang("en_US")
    aish = load_catalogue("ca-ab").get("ab.aish")
    assert textstat.flesch_kincaid_grade(aish.description("en")) > GRADE
    assert textstat.flesch_kincaid_grade(voices.program(aish, "en").description) <= GRADE


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_question_has_a_public_wording_never_in_the_officer_voice(jurisdiction: str) -> None:
    vocabulary = screening_pack(jurisdiction).vocabulary
    assert voices.unvoiced({**vocabulary.person, **vocabulary.unit}) == []
    for var in [*vocabulary.person.values(), *vocabulary.unit.values()]:
        if var.is_input and var.question is not None:
            for lang in ("en", "fr"):
                text = voices.question(var, lang)
                assert text, f"{var.name} [{lang}]"
                assert not _OFFICER.search(text), f"{var.name} [{lang}]: {text}"
            for code in var.domain or ():
                assert voices.choice(var, code, "en") and voices.choice(var, code, "fr"), (var.name, code)


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_program_the_screener_can_show_has_public_words(jurisdiction: str) -> None:
    own = voices.wordings().programs
    missing = [
        entry.id
        for entry in load_catalogue(jurisdiction)
        if (entry.screening is not None or entry.kind is EntryKind.DECIDED)
        and not {"description", "how_to_apply"} <= set(own.get(entry.id, {}))
    ]
    assert missing == []


def test_public_words_name_only_real_inputs_and_programs() -> None:
    """A typo in public.yaml would silently leave the officer's words: every key must exist."""
    inputs = {
        name
        for j in JURISDICTIONS
        for name in [*screening_pack(j).vocabulary.person, *screening_pack(j).vocabulary.unit]
    }
    programs = {entry.id for j in JURISDICTIONS for entry in load_catalogue(j)}
    words = voices.wordings()
    assert set(words.questions) - inputs == set()
    assert set(words.help) - inputs == set()
    assert set(words.choices) - inputs == set()
    assert set(words.programs) - programs == set()
