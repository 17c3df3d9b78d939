"""The knowledge base's pure rules."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.knowledge import domain
from onestop.knowledge.search import snippet_parts


def test_body_keeps_paragraphs_and_lists() -> None:
    body = domain.body_text(
        "Intro line\r\nsecond line   \r\n\r\n\r\n\r\n- one\n- two\n\n1. first\n2) second", "body_en"
    )
    assert body == "Intro line\nsecond line\n\n- one\n- two\n\n1. first\n2) second"
    assert domain.blocks(body) == [
        domain.Block("p", ("Intro line second line",)),
        domain.Block("ul", ("one", "two")),
        domain.Block("ol", ("first", "second")),
    ]
    wrapped = "A paragraph\n- a bullet wrapped\n  on two lines\n- another\n1. a step"
    assert domain.blocks(wrapped) == [
        domain.Block("p", ("A paragraph",)),
        domain.Block("ul", ("a bullet wrapped on two lines", "another")),
        domain.Block("ol", ("a step",)),
    ]


@pytest.mark.parametrize("bad", ["", "  \n ", "bell\x07"])
def test_body_refuses_empty_and_control_characters(bad: str) -> None:
    with pytest.raises(InvalidInput) as err:
        domain.body_text(bad, "body_fr")
    assert err.value.field == "body_fr"


def test_maker_checker() -> None:
    domain.check_publisher("eddie", "sue", "draft")
    with pytest.raises(InvalidTransition, match="second person"):
        domain.check_publisher("eddie", "eddie", "draft")
    with pytest.raises(InvalidTransition, match="published"):
        domain.check_publisher("eddie", "sue", "published")


def test_links_sources_and_review_dates() -> None:
    assert domain.links([" nl.income_support", "nl.income_support", "", "ab.aish"]) == [
        "nl.income_support",
        "ab.aish",
    ]
    with pytest.raises(InvalidInput):
        domain.links(["DROP TABLE"])
    assert (
        domain.source_url(" https://www.alberta.ca/income-support ")
        == "https://www.alberta.ca/income-support"
    )
    with pytest.raises(InvalidInput):
        domain.source_url("javascript:alert(1)")
    with pytest.raises(InvalidInput):
        domain.check_source(None, None)
    today = dt.date(2026, 3, 2)
    domain.check_review_on(today, today)
    with pytest.raises(InvalidInput):
        domain.check_review_on(dt.date(2030, 1, 1), today)
    assert domain.review_due(dt.date(2026, 3, 1), today) and not domain.review_due(today, today)


def test_query_words_are_only_words() -> None:
    assert domain.query_words('"Food" AND vouchers* title_en:x') == [
        "food",
        "and",
        "vouchers",
        "title",
        "en",
        "x",
    ]
    assert len(domain.query_words("a " * 40)) == domain.QUERY_WORDS_MAX
    with pytest.raises(InvalidInput):
        domain.query_words("*** ---")


def test_snippet_parts() -> None:
    assert snippet_parts("Issue a \x02food\x03 \x02voucher\x03 today…") == [
        ("Issue a ", False),
        ("food", True),
        (" ", False),
        ("voucher", True),
        (" today…", False),
    ]
    assert snippet_parts("no marks") == [("no marks", False)]
    assert snippet_parts("\x02cut") == [("cut", True)]
