"""Scoring search candidates and possible duplicates, with the reasons an officer can read. Pure.

Candidates come from indexed key look-ups; here each one is compared precisely: names with
Jaro-Winkler and Damerau-Levenshtein on folded tokens (phonetic equality counts as close), plus
exact evidence (SIN, health number, phone, birth date). Scores are 0-100 integers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler

from onestop.registry.givennames import nickname_key, other_sex_forms
from onestop.registry.namekeys import NameParts, parse_query, phonetic

LIKELY_DUPLICATE = 70  # at or above: registration stops until the officer decides
POSSIBLE_DUPLICATE = 50  # at or above: shown as a possible duplicate
SEARCH_MINIMUM = 40
OTHER_SEX_NAME_CAP = 60  # below the 70 a same-birth-date match needs: twins are two people
#: Names typed the other way round count only when they then agree closely: "Thomas Martin" and
#: "Martin Thomas" born the same day are one person written twice, not two with similar names.
SWAPPED_NAME_MINIMUM = 90
#: Same birth date, same given name and same phone, another family name: a married name. Likely,
#: because a household's members differ in given name or birth date (twins have two names).
MARRIED_NAME_SCORE = 75


@dataclass(frozen=True)
class Candidate:
    """What scoring needs to know about one stored person."""

    person_id: uuid.UUID
    given_names: str
    family_name: str
    preferred_name: str | None
    birth_date: dt.date | None
    former_family_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Exact matches found by indexed look-up (blind indexes, normalised phones)."""

    same_sin: bool = False
    different_sin: bool = False
    same_health_number: bool = False
    same_phone: bool = False


@dataclass(frozen=True)
class Scored:
    """A candidate's score and the reasons for it."""

    person_id: uuid.UUID
    score: int
    reasons: tuple[str, ...] = field(default_factory=tuple)


def token_similarity(a: str, b: str) -> float:
    """0-1 similarity of two folded tokens; a shared sound counts as 0.9 at least."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    sim = max(JaroWinkler.normalized_similarity(a, b), DamerauLevenshtein.normalized_similarity(a, b))
    if phonetic(a) == phonetic(b):
        sim = max(sim, 0.9)
    return sim


def _best(query: tuple[str, ...], stored: tuple[str, ...]) -> float:
    """Best similarity of any query token with any stored token (compound names match on a part)."""
    return max((token_similarity(q, s) for q in query for s in stored), default=0.0)


def _parts_similarity(query: NameParts, cand: Candidate) -> float:
    stored = NameParts.of(cand.given_names, cand.family_name, cand.preferred_name)
    family = _best(query.family, stored.family)
    if not query.given:
        return family
    return 0.6 * family + 0.4 * _best(query.given[:1], stored.given)


def name_similarity(query: str | list[NameParts], cand: Candidate) -> int:
    """0-100 similarity of a typed name (either order) to a stored person's names."""
    options = parse_query(query) if isinstance(query, str) else query
    return round(100 * max((_parts_similarity(p, cand) for p in options), default=0.0))


def _year_slip(a: int, b: int) -> bool:
    """A year typed wrong: the last digit (1983/1985) or two adjacent digits swapped (1983/1938).

    Not any other year: the same day and month decades apart is another person (a parent, a child),
    not a slip of the keyboard.
    """
    if a // 10 == b // 10:
        return True
    x, y = f"{a:04d}", f"{b:04d}"
    diffs = [i for i in range(4) if x[i] != y[i]]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and x[diffs[0]] == y[diffs[1]]
        and x[diffs[1]] == y[diffs[0]]
    )


def _adjacent_digits_swapped(a: str, b: str) -> bool:
    diffs = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and a[diffs[0]] == b[diffs[1]]
        and a[diffs[1]] == b[diffs[0]]
    )


def birth_date_match(query: dt.date | None, stored: dt.date | None) -> float:
    """1 for the same date; 0.5 for a data-entry slip: day and month swapped, the day or the month
    wrong, the year's last digit wrong, or two adjacent digits of the date swapped (1983/1938,
    1983-10-21/1983-12-01)."""
    if query is None or stored is None:
        return 0.0
    if query == stored:
        return 1.0
    if _adjacent_digits_swapped(query.strftime("%Y%m%d"), stored.strftime("%Y%m%d")):
        return 0.5  # 1983-10-21 typed 1983-12-01: the slip crossed the month and the day
    if query.year == stored.year:
        swapped = (query.month, query.day) == (stored.day, stored.month)
        return 0.5 if swapped or query.month == stored.month or query.day == stored.day else 0.0
    same_day = (query.month, query.day) == (stored.month, stored.day)
    return 0.5 if same_day and _year_slip(query.year, stored.year) else 0.0


def other_sex_given_names(a: NameParts, b: NameParts) -> bool:
    """Whether the first given names are one name's forms for each sex (Daniel/Danielle), a short
    form standing for its full name (Dan/Danielle)."""
    if not (a.given and b.given):
        return False
    x, y = a.given[0], b.given[0]
    return other_sex_forms(x, y) or other_sex_forms(nickname_key(x), nickname_key(y))


def score_search(
    cand: Candidate, *, name: list[NameParts] | None, birth: dt.date | None, evidence: Evidence
) -> Scored:
    """Score a search hit: the average of how well each criterion the officer gave matches."""
    parts: list[float] = []
    reasons: list[str] = []
    if name:
        sim = name_similarity(name, cand)
        former = max(
            (name_similarity(name, replace(cand, family_name=f)) for f in cand.former_family_names), default=0
        )
        parts.append(max(sim, former) / 100)
        if former > sim:
            reasons.append(f"similar to a former family name ({former})")
        else:
            reasons.append("same name" if sim == 100 else f"similar name ({sim})")
    if birth is not None:
        bd = birth_date_match(birth, cand.birth_date)
        parts.append(bd)
        if bd:
            reasons.append("same birth date" if bd == 1 else "similar birth date")
    if evidence.same_sin:
        parts.append(1.0)
        reasons.append("same SIN")
    if evidence.same_phone:
        parts.append(1.0)
        reasons.append("same phone")
    score = round(100 * sum(parts) / len(parts)) if parts else 0
    return Scored(cand.person_id, score, tuple(reasons))


#: Each part of the name, not only their weighted sum, must be this close for a name to count as
#: similar next to a birth date: with the family name weighing 60 %, "Agnes Tremblay" and "Renée
#: Tremblay" (two sisters' names) summed to 84, and "Jessica Bedard" / "Jessica Baxter" to 80.
PART_MINIMUM = 0.85


def _parts_close(query: NameParts, old: Candidate) -> bool:
    """Family and first given name each close (a short form counts as its full name: Bob/Robert)."""
    stored = NameParts.of(old.given_names, old.family_name, old.preferred_name)
    if _best(query.family, stored.family) < PART_MINIMUM:
        return False
    if not query.given or not stored.given:
        return True
    keys = {nickname_key(g) for g in stored.given}
    return nickname_key(query.given[0]) in keys or _best(query.given[:1], stored.given) >= PART_MINIMUM


def _same_given_name(new: NameParts, old: Candidate) -> bool:
    stored = NameParts.of(old.given_names, old.family_name, old.preferred_name)
    return bool(new.given) and _best(new.given[:1], stored.given) >= 0.95


#: Shown when a match needed a former family name: the officer should ask about the marriage.
FORMER_NAME_REASON = "a family name matches a former family name of the other"


def score_duplicate(new: Candidate, old: Candidate, evidence: Evidence) -> Scored:
    """How likely ``old`` is the same person as the one being registered, with reasons.

    A former family name (a name before marriage) counts like the family name: a married woman who
    kept no phone, address or ID otherwise shares only her given name and birth date with her record.
    """
    scored = _score_names(new, old, evidence)
    for n, o in _former_name_pairs(new, old):
        alt = _score_names(n, o, evidence)
        if alt.score > scored.score:
            scored = Scored(old.person_id, alt.score, (*alt.reasons, FORMER_NAME_REASON))
    return scored


def _former_name_pairs(new: Candidate, old: Candidate) -> Iterator[tuple[Candidate, Candidate]]:
    """The two people again with one's family name replaced by each former family name of theirs."""
    for family in old.former_family_names:
        yield new, replace(old, family_name=family, former_family_names=())
    for family in new.former_family_names:
        yield replace(new, family_name=family, former_family_names=()), old


def _score_names(new: Candidate, old: Candidate, evidence: Evidence) -> Scored:
    new_parts = NameParts.of(new.given_names, new.family_name, new.preferred_name)
    sim = name_similarity([new_parts], old)
    other_sex = other_sex_given_names(new_parts, NameParts.of(old.given_names, old.family_name))
    if other_sex:  # Daniel and Danielle born the same day are twins, not one person typed twice
        sim = min(sim, OTHER_SEX_NAME_CAP)
    swapped = False
    compared = new_parts
    if new.given_names and not other_sex:  # given and family names written the other way round
        other_parts = NameParts.of(new.family_name, new.given_names)
        other_way = name_similarity([other_parts], old)
        swapped = other_way >= SWAPPED_NAME_MINIMUM and other_way > sim
        swapped = swapped and not other_sex_given_names(other_parts, NameParts.of(old.given_names, ""))
        sim, compared = (other_way, other_parts) if swapped else (sim, compared)
    close = _parts_close(compared, old)
    bd = birth_date_match(new.birth_date, old.birth_date)
    options: list[tuple[float, str]] = []
    if bd == 1 and evidence.same_phone and sim < 70 and not other_sex and _same_given_name(new_parts, old):
        options.append((MARRIED_NAME_SCORE, "same birth date, given name and phone, another family name"))
    if evidence.same_sin:
        options.append((100, "same SIN"))
    if evidence.same_health_number:
        options.append((95, "same health number"))
    if bd == 1 and sim >= 70 and close:
        options.append((40 + 0.55 * sim, f"same birth date and similar name ({sim})"))
    elif bd and sim >= 80 and close:
        options.append((30 + 0.5 * sim, f"similar birth date and similar name ({sim})"))
    if evidence.same_phone:  # households share phones: only a similar name makes it likely, and not
        # next to a wholly different birth date (a parent and a child of the same name: a Junior)
        dates_differ = new.birth_date is not None and old.birth_date is not None and not bd
        name_too = sim >= 85 and close and not dates_differ
        options.append(
            (45 + 0.5 * sim, f"same phone and similar name ({sim})") if name_too else (50, "same phone")
        )
    if not options and sim >= 85 and (new.birth_date is None or old.birth_date is None):
        options.append((0.6 * sim, f"similar name ({sim}), birth date unknown"))
    if not options:
        return Scored(old.person_id, 0, ())
    options.sort(reverse=True)
    score = options[0][0] + 5 * (len(options) - 1)
    reasons = [reason for _, reason in options]
    if other_sex:
        reasons.append("but given names of the other sex")
    if swapped:
        reasons.append("given and family names in the other order")
    if evidence.different_sin and not evidence.same_sin:
        score = min(score, POSSIBLE_DUPLICATE)
        reasons.append("but a different SIN")
    return Scored(old.person_id, min(100, round(score)), tuple(reasons))
