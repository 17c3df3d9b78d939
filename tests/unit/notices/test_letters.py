"""Every letter in English and French: plain (grade 8 or below), complete, with the law, as PDF."""

from __future__ import annotations

import datetime as dt

import pytest
import textstat

from onestop.notices import Kind, date, money
from onestop.notices.domain import Channel, backoff, choose_channel, message_id
from onestop.notices.letters import render
from onestop.notices.pdf import fits_core, new_print_file, render_pdf

#: Realistic facts for every letter (what the services fill in).
SAMPLE = {
    "program": {"en": "Income Support", "fr": "Soutien du revenu"},
    "amount": money(82400),
    "old_amount": money(91000),
    "effective_from": date(dt.date(2026, 3, 2)),
    "computation": {
        "en": "- Food and clothing: $459.00\n- Rent: $365.00",
        "fr": "- Nourriture et vêtements : 459,00 $\n- Loyer : 365,00 $",
    },
    "reasons": {"en": "- Your savings are over the limit.", "fr": "- Vos économies dépassent la limite."},
    "reason": {"en": "Your pay went up in May.", "fr": "Votre salaire a augmenté en mai."},
    "appeal_body": {"en": "the Appeal Panel", "fr": "le comité d'appel"},
    "appeal_deadline": date(dt.date(2026, 4, 1)),
    "appeal_how": {"en": "Ask us for the form.", "fr": "Demandez-nous le formulaire."},
    "legal_source": "Income and Employment Supports Act s. 43",
    "other_help": [{"en": "Food bank (211)", "fr": "Banque alimentaire (211)"}],
    "documents": {"en": "- Your last pay stub", "fr": "- Votre dernier talon de paie"},
    "why": {"en": "We need to check your pay.", "fr": "Nous devons voir votre salaire."},
    "due_on": date(dt.date(2026, 3, 16)),
    "recovery": {
        "en": "We will take a small part of each payment.",
        "fr": "Nous allons retenir une petite partie de chaque paiement.",
    },
    "received_on": date(dt.date(2026, 3, 5)),
    "outcome": {"en": "You can get the benefit.", "fr": "Vous pouvez avoir l'aide."},
    "period": {"en": "March 2026", "fr": "mars 2026"},
    "paid_on": date(dt.date(2026, 3, 25)),
    "method": {"en": "your bank account", "fr": "dans votre compte bancaire"},
    "agency": "Service Canada",
    "service": {"en": "Employment Insurance", "fr": "l'assurance-emploi"},
    "agency_phone": "1-800-206-7218",
    "office_phone": "1-800-555-0100",
    # A privacy breach (issue 20): the letter to the person and the report to the commissioner.
    "discovered_on": date(dt.date(2026, 3, 4)),
    "what_happened": {
        "en": "A letter about you went to the wrong address.",
        "fr": "Une lettre à votre sujet est allée à la mauvaise adresse.",
    },
    "information": "Your name and the amount of your benefit.",
    "containment_steps": "We got the letter back the next day.",
    "commissioner": "Office of the Information and Privacy Commissioner of Alberta",
    "commissioner_address": "410, 9925 109 Street NW, Edmonton AB  T5K 2J8",
    "reference": "B-1A2B3C4D",
    "people_affected": 1,
    "sensitivity": {"en": "medium", "fr": "moyen"},
    "likelihood": {"en": "low", "fr": "faible"},
    "containment": {"en": "yes", "fr": "oui"},
    "risk": {"en": "medium", "fr": "moyen"},
    "person_told": {
        "en": "We wrote to the person today.",
        "fr": "Nous avons écrit à la personne aujourd'hui.",
    },
    # A reply to an e-mail is the officer's own words, written in the person's language.
    "subject": {"en": "Re: My cheque", "fr": "Re: Mon chèque"},
    "body": {
        "en": "Your cheque went out on 2 March. It should come this week.",
        "fr": "Votre chèque est parti le 2 mars. Il devrait arriver cette semaine.",
    },
}


@pytest.mark.parametrize("kind", list(Kind))
def test_every_english_letter_reads_at_grade_8_or_below(kind: Kind) -> None:
    letter = render(kind, "en", SAMPLE)
    textstat.set_lang("en_US")
    grade = textstat.flesch_kincaid_grade(letter.text())
    assert grade <= 8, f"{kind}: grade {grade}\n{letter.text()}"


@pytest.mark.parametrize("kind", list(Kind))
def test_every_french_letter_is_plain_by_the_french_formula(kind: Kind) -> None:
    """Kandel and Moles' French Flesch reading ease: 60 and above is plain (about grade 8)."""
    letter = render(kind, "fr", SAMPLE)
    textstat.set_lang("fr")
    try:
        ease = textstat.flesch_reading_ease(letter.text())
    finally:
        textstat.set_lang("en_US")
    assert ease >= 60, f"{kind}: reading ease {ease}\n{letter.text()}"


@pytest.mark.parametrize("kind", list(Kind))
def test_every_letter_is_translated_and_shows_its_legal_reference(kind: Kind) -> None:
    en, fr = render(kind, "en", SAMPLE), render(kind, "fr", SAMPLE)
    assert en.subject != fr.subject and en.paragraphs[0] != fr.paragraphs[0]
    if kind is not Kind.REPLY:  # an answer to an e-mail decides nothing: no law to cite
        assert "s. 43" in en.legal and "s. 43" in fr.legal
    assert "{" not in en.text() + fr.text()
    assert "1-800-555-0100" in en.text()


def test_a_refusal_gives_reasons_appeal_rights_deadline_and_other_help() -> None:
    text = render(Kind.DECISION_REFUSED, "en", SAMPLE).text()
    assert "savings are over the limit" in text and "right to appeal" in text
    assert "1 April 2026" in text and "Food bank" in text


def test_an_unknown_language_falls_back_to_english_and_an_officer_paragraph_is_added() -> None:
    letter = render(Kind.REVIEW_DUE, "pa", SAMPLE, extra="Bring your lease.")
    assert letter.language == "en" and "Bring your lease." in letter.paragraphs


def test_money_and_dates_are_written_the_canadian_way_in_each_language() -> None:
    assert money(82400) == {"en": "$824.00", "fr": "824,00\xa0$"}
    assert date(dt.date(2026, 3, 2)) == {"en": "2 March 2026", "fr": "2 mars 2026"}


def test_a_french_letter_uses_the_base_font_and_keeps_its_accents() -> None:
    data = render_pdf(
        render(Kind.OVERPAYMENT, "fr", SAMPLE),
        ["Émilie Côté", "12 rue Saint-Édouard", "Québec QC  G1K 3A1"],
        reference="abc",
        dated="2026-03-02",
    )
    assert data.startswith(b"%PDF") and b"/Helvetica" in data and b"Roboto" not in data
    assert b"/WinAnsiEncoding" in data


def test_a_name_outside_windows_1252_switches_the_letter_to_the_embedded_unicode_font() -> None:
    assert fits_core("Émilie Côté « 12 € »", "824,00\u202f$") and not fits_core("Nguyễn Văn Ánh")
    first = render_pdf(render(Kind.REVIEW_DUE, "en", SAMPLE), ["Nguyễn Văn Ánh"], reference="a", dated="d")
    again = render_pdf(render(Kind.REVIEW_DUE, "en", SAMPLE), ["Łukasz Żółw"], reference="a", dated="d")
    assert b"Roboto" in first and b"Roboto" in again  # the cached font is subset afresh each time


def test_a_print_file_with_one_unicode_letter_is_set_in_the_unicode_font() -> None:
    letter = render(Kind.REVIEW_DUE, "fr", SAMPLE)
    assert new_print_file([(letter, ["Ana"])]).letter_family == "Helvetica"
    assert new_print_file([(letter, ["Ana"]), (letter, ["Nguyễn"])]).letter_family == "Roboto"


def test_backoff_grows_and_is_capped() -> None:
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3)] == [1, 2, 4]
    assert backoff(30) == dt.timedelta(hours=4)


def test_channel_choice_prefers_the_person_s_choice_then_email_portal_post() -> None:
    assert choose_channel("post", email="a@b.c", portal=True, address=True) == (Channel.POST, "")
    assert choose_channel(None, email=None, portal=True, address=True) == (Channel.PORTAL, "")
    channel, reason = choose_channel(None, email=None, portal=False, address=False)
    assert channel is None and "no mailing address" in reason
    assert message_id("x") == "<notice-x@onestop.invalid>"


def test_lines_break_at_spaces_within_the_width_and_a_long_word_is_cut() -> None:
    from fpdf import FPDF

    from onestop.notices.pdf import wrap

    pdf = FPDF(unit="mm")
    pdf.set_font("Helvetica", "", 11)
    text = "We looked at your request for Income Support. You can get it.\nNew line " + "x" * 120
    lines = wrap(pdf, text, 60)
    assert all(pdf.get_string_width(line) <= 60 for line in lines)
    assert lines[0].startswith("We looked at") and lines[0].endswith(("request", "for", "Income"))
    hard_break = next(i for i, line in enumerate(lines) if line.startswith("New line"))
    assert lines[hard_break - 1].endswith("can get it.")
    assert "".join(lines[hard_break:]).count("x") == 120 and len(lines) - hard_break >= 3
