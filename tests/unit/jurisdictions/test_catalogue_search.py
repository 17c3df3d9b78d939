"""Searching the catalogue as an officer asks: every word must match, in English or French, without
regard to case or accents; names first; one line for a program both provinces list alike."""

from __future__ import annotations

from onestop.jurisdictions.catalogue import EntryKind, fold, load_catalogue, search

BOTH = [load_catalogue("ca-ab"), load_catalogue("ca-nl")]


def _ids(found: list) -> list[str]:  # type: ignore[type-arg]
    return [f.entry.id for f in found]


def test_fold_drops_case_and_accents() -> None:
    assert fold("Prestations FUNÉRAIRES") == "prestations funeraires"


def test_every_word_must_match_in_either_language() -> None:
    assert _ids(search(BOTH, "funeraires")) == ["ab.funeral_benefit"]
    assert "ab.funeral_benefit" in _ids(search(BOTH, "funeral"))
    assert search(BOTH, "funeral zzzz") == []


def test_names_come_first() -> None:
    found = _ids(search(BOTH, "pension"))
    assert found[:2] == ["ext.cpp", "ext.cpp_d"]


def test_a_program_listed_alike_by_both_provinces_is_one_line() -> None:
    [ei] = [f for f in search(BOTH, "employment insurance") if f.entry.id == "ext.ei"]
    assert ei.jurisdictions == ("ca-ab", "ca-nl")
    two = [f for f in search(BOTH, "211") if f.entry.id == "ext.211"]
    assert sorted(f.jurisdictions for f in two) == [("ca-ab",), ("ca-nl",)]  # worded per province


def test_filters_by_kind_and_topic_and_everything_when_empty() -> None:
    everything = search(BOTH)
    assert len(everything) == len({(e.id, e) for c in BOTH for e in c})
    referrals = search(BOTH, kind=EntryKind.REFERRAL)
    assert referrals and all(f.entry.kind is EntryKind.REFERRAL for f in referrals)
    housing = search(BOTH, tag="housing")
    assert housing and all("housing" in f.entry.tags for f in housing)
