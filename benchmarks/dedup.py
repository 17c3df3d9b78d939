"""Registry-wide duplicate sweep benchmark: the Splink sweep against today's registration check.

    python benchmarks/dedup.py --people 20000 --json
    python benchmarks/dedup.py --people 1000000 --json

Makes N synthetic people in households (the demo's English and French names, AB and NL postal codes
and phones, shared by a household), then plants duplicate records of every kind an office makes
(about 1 % of N each): accents dropped, Mac/Mc, a nickname, two birth-date digits transposed, a
married name, given and family name swapped. It also plants two kinds of *distinct* people that
look alike: twins of the other sex with the same name in its other form (Daniel/Danielle), and a
namesake born the same day and month decades apart.

Then it runs the sweep (``registry.sweep.model``: train m and u, score the blocked pairs) on the
people as an Arrow table (the database read, timed separately by ``onestop registry sweep``, is not
part of this figure), and today's check (``registry.matching.score_duplicate`` on the candidates
``finder`` would fetch: same birth date, a narrow name key, the same phone) for each planted record.
Prints recall and precision per kind for both; the last line is JSON.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import dataclasses
import datetime as dt
import json
import random
import resource
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow as pa

from onestop.demo import names
from onestop.registry import matching, namekeys
from onestop.registry.sweep import features, model

KINDS = ("accents", "mac_mc", "nickname", "birth_digits", "married", "name_order")
#: Assumed: asked "any other names you have used?", 7 in 10 people registering again under a married
#: name mention the name they were first registered under.
FORMER_NAME_MENTIONED = 0.7
#: Assumed: 3 in 10 adult women (born 2000 or before) carry a former family name of their own (a
#: maiden name), so the former-name evidence is not a mark of the planted pairs alone.
MARRIED_WOMEN_WITH_FORMER_NAME = 0.3
DECOYS = ("twins_other_sex", "same_day_decades_apart")
NICKNAMES = {"Robert": "Bob", "William": "Bill", "Michael": "Mike", "Richard": "Rick", "Joseph": "Joe",
             "Thomas": "Tom", "Elizabeth": "Beth", "Margaret": "Maggie", "Jennifer": "Jenny",
             "Daniel": "Dan", "Matthew": "Matt", "James": "Jim", "Andrew": "Andy", "David": "Dave",
             "Samuel": "Sam", "Benjamin": "Ben", "Nicholas": "Nick", "Patrick": "Pat"}  # fmt: skip
OTHER_SEX = {"Daniel": "Danielle", "Paul": "Pauline", "Jean": "Jeanne", "Louis": "Louise",
             "Michel": "Michelle", "Eric": "Erica", "Denis": "Denise", "Simon": "Simone",
             "Justin": "Justine", "Martin": "Martine", "Gabriel": "Gabrielle", "Francis": "Frances",
             "Robert": "Roberta", "Joël": "Joëlle", "André": "Andrée", "Julien": "Julienne"}  # fmt: skip
TODAY = dt.date(2026, 1, 1)
NAMES_CSV = Path(__file__).with_name("data") / "names.csv"
#: Origin of a household's names, about Canada's mix by mother tongue (2021 census: English 54 %,
#: French 21 %, other 25 %, rounded). An assumption of this benchmark, not a measurement.
ORIGINS = (("en", 0.56), ("fr", 0.21), ("other", 0.23))
#: Share of a group's family names drawn from its frequency-weighted list (the head: the US Census's
#: 1,000 commonest surnames, Quebec's 250 commonest); the rest come evenly from the long tail
#: (Irish and British, French lists). The 1,000 commonest US surnames cover about four people in ten.
HEAD_SHARE = 0.45


class Names:
    """Family and given names by origin, drawn with realistic frequencies (``data/names.csv``).

    The 2026-12 runs drew from ~130 given and ~150 family names evenly: two people shared a family
    name one time in 150 and a given name one time in 65, so name and birth date together coincided
    by chance ten times more often than in a real registry.
    """

    def __init__(self, rng: random.Random, path: Path = NAMES_CSV) -> None:
        self.rng = rng
        lists: dict[tuple[str, str], list[tuple[str, float]]] = defaultdict(list)
        with path.open(encoding="utf-8") as f:
            for rec in csv.DictReader(line for line in f if not line.startswith("#")):
                lists[rec["origin"], rec["kind"]].append((rec["name"], float(rec["weight"] or 0)))
        quebec = lists["fr_quebec", "family"]  # Quebec's commonest surnames in order: Zipf by rank
        lists["fr_quebec", "family"] = [(n, 1 / (rank + 1)) for rank, (n, _) in enumerate(quebec)]
        extra_male = sorted(set(OTHER_SEX) | set(NICKNAMES) | set(names.MALE_GIVEN) - set(names.FEMALE_GIVEN))
        extra_female = sorted(set(OTHER_SEX.values()) | set(names.FEMALE_GIVEN))
        lists["en_other", "male"] += [(n, 0.0) for n in extra_male]
        lists["en_other", "female"] += [(n, 0.0) for n in extra_female]
        lists["fr_other", "family"] += [(n, 0.0) for n in names.FAMILY_NAMES]
        self._pools = {key: _pool(values) for key, values in lists.items()}
        self.female = {n for (_, kind), values in lists.items() if kind == "female" for n, _ in values}
        self.male = {n for (_, kind), values in lists.items() if kind == "male" for n, _ in values}

    def _draw(self, origin: str, kind: str) -> str:
        names_, cum = self._pools[origin, kind]
        return names_[bisect.bisect_left(cum, self.rng.random() * cum[-1])]

    def origin(self) -> str:
        return self.rng.choices([o for o, _ in ORIGINS], [w for _, w in ORIGINS])[0]

    def family(self, origin: str) -> str:
        head = self.rng.random() < HEAD_SHARE
        if origin == "en":
            return self._draw("en_census" if head else "en_other", "family")
        if origin == "fr":
            return self._draw("fr_quebec" if head else "fr_other", "family")
        return self._draw("other", "family")

    def given(self, origin: str, male: bool) -> str:
        """English given names 90 % from the SSA-weighted list, and 40 % of other origins' too.

        Given names are far more concentrated than family names (one man in twenty is a Michael,
        David or James in the list): drawing them evenly from long lists would make two people
        sharing one rarer than it is, and matching easier than it is.
        """
        kind = "male" if male else "female"
        if origin == "other" and self.rng.random() < 0.4:
            origin = "en"
        if origin == "en":
            return self._draw("en_census" if self.rng.random() < 0.9 else "en_other", kind)
        return self._draw("fr" if origin == "fr" else "other", kind)

    def coincidence(self, kind: str, draws: int = 200_000) -> float:
        """Chance that two people drawn alike share a ``kind`` name (for the report)."""
        counts: dict[str, int] = defaultdict(int)
        for _ in range(draws):
            origin = self.origin()
            name = self.family(origin) if kind == "family" else self.given(origin, self.rng.random() < 0.5)
            counts[name] += 1
        return sum(c * c for c in counts.values()) / draws**2


class DemoNames(Names):
    """The names of the 2026-12 runs, for before/after figures: the demo's ~130 given and ~150
    family names, drawn evenly."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        male = sorted(
            set(names.MALE_GIVEN) | set(OTHER_SEX) | {"Louis", "Denis", "Simon", "Martin", "Francis"}
        )
        female = sorted(set(names.FEMALE_GIVEN) | set(OTHER_SEX.values()))
        family = sorted(
            set(names.FAMILY_NAMES) | {"MacLeod", "McKenzie", "MacNeil", "McLean", "MacKay", "Côté"}
        )
        self._lists = {"male": male, "female": female, "family": family}
        self.female, self.male = set(female), set(male)

    def origin(self) -> str:
        return "en"

    def family(self, origin: str) -> str:
        return self.rng.choice(self._lists["family"])

    def given(self, origin: str, male: bool) -> str:
        return self.rng.choice(self._lists["male" if male else "female"])


def _pool(values: list[tuple[str, float]]) -> tuple[list[str], list[float]]:
    """Names and cumulative weights; a list without weights is drawn evenly."""
    weighted = any(w for _, w in values)
    floor = min((w for _, w in values if w), default=1.0)
    cum, total = [], 0.0
    for _, w in values:
        total += (w or floor) if weighted else 1.0
        cum.append(total)
    return [n for n, _ in values], cum


class Synth:
    """Seeded synthetic registry with planted duplicates and look-alikes, and the truth about them."""

    def __init__(self, seed: int, demo_names: bool = False) -> None:
        self.rng = random.Random(seed)
        self.names = DemoNames(self.rng) if demo_names else Names(self.rng)
        self.people: list[features.PersonDetails] = []
        self.planted: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self._origin: dict[str, str] = {}
        self._used: set[str] = set()  # in a look-alike pair: another look-alike would be a third person

    def _id(self) -> str:
        return f"p{len(self.people):08d}"

    def _born(self, lo: int, hi: int) -> dt.date:
        return TODAY - dt.timedelta(days=self.rng.randint(lo * 365, hi * 365))

    def _add(self, **kw: Any) -> features.PersonDetails:
        person = features.PersonDetails(person_id=self._id(), **kw)
        self.people.append(person)
        return person

    def household(self) -> None:
        rng = self.rng
        place = rng.choice(names.PLACES)
        postal = (
            f"{rng.choice(place[2])} {rng.randint(0, 9)}{rng.choice(names.POSTAL_LETTERS)}{rng.randint(0, 9)}"
        )
        phone = f"+1{rng.choice(place[3])}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        origin = self.names.origin()
        family = self.names.family(origin)
        adults = 1 if rng.random() < 0.5 else 2
        first_male = rng.random() < 0.5
        taken: list[str] = []
        for i in range(adults):
            male = first_male if i == 0 else not first_male
            fam = family if i == 0 or rng.random() < 0.6 else self.names.family(self.names.origin())
            taken.append(
                self._person(origin, male, fam, self._born(19, 85), postal, phone, taken, adult=True)
            )
        for _ in range(rng.choice((0, 0, 1, 2, 3))):
            male = rng.random() < 0.5
            taken.append(
                self._person(origin, male, family, self._born(0, 17), postal, phone, taken, adult=False)
            )

    def _person(
        self,
        origin: str,
        male: bool,
        family: str,
        born: dt.date,
        postal: str,
        phone: str,
        taken: list[str],
        *,
        adult: bool,
    ) -> str:
        """One person; their given name. SIN recorded for 70 % of adults and 20 % of children, a
        health number for 60 % (identifiers stand for blind indexes: a token unique to the person).

        Brothers and sisters do not share a given name; a child carries a parent's 3 % of the time
        (a Junior).
        """
        rng = self.rng
        given = self.names.given(origin, male)
        if not adult and rng.random() < 0.03 and (taken[0] in self.names.male) == male:
            given = taken[0]
        else:
            for _ in range(50):
                if adult or given not in taken:
                    break
                given = self.names.given(origin, male)
        email = f"{namekeys.fold(given)}.{namekeys.fold(family)}{rng.randint(1, 999)}@example.com".replace(
            " ", ""
        )
        pid = self._id()
        married = adult and not male and born.year <= 2000 and rng.random() < MARRIED_WOMEN_WITH_FORMER_NAME
        maiden = self.names.family(self.names.origin()) if married else None
        person = self._add(
            given_names=given,
            family_name=family,
            former_family_names=(maiden,) if maiden and maiden != family else (),
            preferred_name=None,
            birth_date=born,
            gender=rng.choice(("female" if not male else "male", None, None)),
            postal_code=postal,
            phone=phone if rng.random() < 0.9 else None,
            email=email if rng.random() < 0.4 else None,
            sin=f"sin-{pid}" if rng.random() < (0.7 if adult else 0.2) else None,
            health_number=f"hn-{pid}" if rng.random() < 0.6 else None,
        )
        self._origin[person.person_id] = origin
        return given

    def plant(self, kind: str) -> bool:
        """A second record of an existing person, varied as ``kind`` says; False if none fits.

        It keeps the postal code 70 %, the phone 60 %, the e-mail 30 %, the stated gender 50 % of the
        time, and the SIN and the health number 10 % each: registration flags a shared identifier
        (score 100), so a duplicate that got in mostly has none (a bulk import, an override).
        """
        rng = self.rng
        for _ in range(5000):
            orig = rng.choice(self.people)
            varied = self._vary(kind, orig)
            if varied is not None:
                break
        else:
            return False
        keep = {
            "postal_code": orig.postal_code if rng.random() < 0.7 else None,
            "phone": orig.phone if rng.random() < 0.6 else None,
            "email": orig.email if rng.random() < 0.3 else None,
            "gender": orig.gender if rng.random() < 0.5 else None,
            "sin": orig.sin if rng.random() < 0.1 else None,
            "health_number": orig.health_number if rng.random() < 0.1 else None,
        }
        mentioned = rng.random() < FORMER_NAME_MENTIONED  # drawn for every kind: the same people either way
        if kind == "married" and mentioned:
            varied["former_family_names"] = (orig.family_name,)
        dup = self._add(preferred_name=None, **varied, **keep)
        self._origin[dup.person_id] = self._origin.get(orig.person_id, "en")
        self.planted[kind].append((orig.person_id, dup.person_id))
        return True

    def _vary(self, kind: str, p: features.PersonDetails) -> dict[str, Any] | None:
        given, family, born = p.given_names, p.family_name, p.birth_date
        assert born is not None
        if kind == "accents":
            folded = (_strip(given), _strip(family))
            return None if folded == (given, family) else _named(*folded, born)
        if kind == "mac_mc":
            if family.startswith("Mac"):
                return _named(given, "Mc" + family[3:], born)
            return _named(given, "Mac" + family[2:], born) if family.startswith("Mc") else None
        if kind == "nickname":
            return _named(NICKNAMES[given], family, born) if given in NICKNAMES else None
        if kind == "birth_digits":
            slipped = _transpose(born, self.rng)
            return None if slipped is None else _named(given, family, slipped)
        if kind == "married":
            if p.gender == "male" or given not in self.names.female or born.year > 2000:
                return None
            new = self.names.family(self.names.origin())
            married = f"{family}-{new}" if self.rng.random() < 0.3 else new
            return None if new == family else _named(given, married, born)
        if kind == "name_order":
            return _named(family, given, born) if " " not in given + family else None
        raise ValueError(kind)

    def decoy(self, kind: str) -> bool:
        """A different person who looks like an existing one."""
        rng = self.rng
        for _ in range(5000):
            orig = rng.choice(self.people)
            if orig.birth_date is None or orig.person_id in self._used:
                continue
            if kind == "twins_other_sex":
                other = OTHER_SEX.get(orig.given_names) or next(
                    (m for m, f in OTHER_SEX.items() if f == orig.given_names), None
                )
                if other is None:
                    continue
                twin = self._add(
                    given_names=other,
                    family_name=orig.family_name,
                    preferred_name=None,
                    birth_date=orig.birth_date,
                    gender=None,
                    postal_code=orig.postal_code,
                    phone=orig.phone,
                    email=None,
                    sin=f"sin-{self._id()}" if rng.random() < 0.7 else None,
                    health_number=f"hn-{self._id()}" if rng.random() < 0.6 else None,
                )
                self.planted[kind].append((orig.person_id, twin.person_id))
                self._used.update((orig.person_id, twin.person_id))
                return True
            if kind == "same_day_decades_apart":
                years = rng.choice((-1, 1)) * rng.randint(20, 40)
                try:
                    born = orig.birth_date.replace(year=orig.birth_date.year + years)
                except ValueError:
                    continue
                if not dt.date(1920, 1, 1) <= born <= TODAY:
                    continue
                place = rng.choice(names.PLACES)
                namesake = self._add(
                    given_names=orig.given_names,
                    family_name=orig.family_name,
                    preferred_name=None,
                    birth_date=born,
                    gender=orig.gender,
                    postal_code=f"{rng.choice(place[2])} 1A1",
                    phone=None,
                    email=None,
                    sin=f"sin-{self._id()}" if rng.random() < 0.7 else None,
                    health_number=f"hn-{self._id()}" if rng.random() < 0.6 else None,
                )
                self.planted[kind].append((orig.person_id, namesake.person_id))
                self._used.update((orig.person_id, namesake.person_id))
                return True
        return False


def _named(given: str, family: str, born: dt.date) -> dict[str, Any]:
    return {"given_names": given, "family_name": family, "birth_date": born}


def _strip(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _transpose(born: dt.date, rng: random.Random) -> dt.date | None:
    """The date with two adjacent digits swapped (or day and month swapped), if that is a date."""
    text = born.strftime("%Y%m%d")
    options = []
    for i in range(7):
        if text[i] != text[i + 1]:
            options.append(text[:i] + text[i + 1] + text[i] + text[i + 2 :])
    if born.day <= 12 and born.day != born.month:
        options.append(f"{born.year:04d}{born.day:02d}{born.month:02d}")
    rng.shuffle(options)
    for option in options:
        try:
            slipped = dt.date(int(option[:4]), int(option[4:6]), int(option[6:]))
        except ValueError:
            continue
        if dt.date(1900, 1, 1) <= slipped <= TODAY:
            return slipped
    return None


def build(people: int, seed: int, demo_names: bool = False) -> Synth:
    """N people: households, then about 1 % planted duplicates of each kind and 0.3 % look-alikes each."""
    synth = Synth(seed, demo_names)
    per_kind, per_decoy = max(5, people // 100), max(3, people // 300)
    base = people - per_kind * len(KINDS) - per_decoy * len(DECOYS)
    while len(synth.people) < base:
        synth.household()
    for kind in KINDS:
        for _ in range(per_kind):
            synth.plant(kind)
    for kind in DECOYS:
        for _ in range(per_decoy):
            synth.decoy(kind)
    return synth


def to_arrow(people: list[features.PersonDetails]) -> pa.Table:
    rows = [features.row(p) for p in people]
    return pa.Table.from_pylist(rows, schema=features.schema())


def same_person(planted: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    """Each planted record's cluster: a duplicate of a duplicate is the same person too."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for kind in KINDS:
        for a, b in planted[kind]:
            parent.setdefault(a, a)
            parent.setdefault(b, b)
            parent[find(b)] = find(a)
    return {x: find(x) for x in parent}


def score_sweep(
    pairs: list[model.Pair], planted: dict[str, list[tuple[str, str]]]
) -> dict[str, dict[str, float]]:
    """Recall per kind; precision per kind over the suggested pairs that touch a planted record."""
    found = {(p.a, p.b) for p in pairs}
    by_record: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for a, b in found:
        by_record[a].add((a, b))
        by_record[b].add((a, b))
    out: dict[str, dict[str, float]] = {}
    cluster = same_person(planted)

    def true(pair: tuple[str, str]) -> bool:
        return pair[0] in cluster and cluster[pair[0]] == cluster.get(pair[1])

    for kind, pairs_of_kind in planted.items():
        keys = [(min(pair), max(pair)) for pair in pairs_of_kind]
        hit = sum(key in found for key in keys)
        touching = set().union(*(by_record[dup] for _, dup in pairs_of_kind)) if pairs_of_kind else set()
        correct = sum(true(pair) for pair in touching)
        out[kind] = _figures(kind, len(keys), hit, len(touching), correct)
    correct_all = sum(true(pair) for pair in found)
    planted_all = sum(len(planted[kind]) for kind in KINDS)
    planted_found = sum((min(p), max(p)) in found for kind in KINDS for p in planted[kind])
    out["all"] = {
        "suggested": len(found),
        "precision": round(correct_all / max(1, len(found)), 3),
        "planted_pairs_found": round(planted_found / max(1, planted_all), 3),
    }
    return out


def _figures(kind: str, planted: int, hit: int, flagged: int, correct: int) -> dict[str, float]:
    if kind in DECOYS:
        return {
            "planted": planted,
            "wrongly_flagged": hit,
            "wrongly_flagged_rate": round(hit / max(1, planted), 3),
        }
    return {"planted": planted, "recall": round(hit / max(1, planted), 3),
            "precision": round(correct / max(1, flagged), 3)}  # fmt: skip


def score_today(synth: Synth, threshold: int, sample: int) -> tuple[dict[str, dict[str, float]], float]:
    """Today's registration check for planted records (``sample`` of each kind at most) against
    everyone, with the candidates ``finder`` fetches."""
    started = time.perf_counter()
    by_birth: dict[dt.date, list[features.PersonDetails]] = defaultdict(list)
    by_key: dict[str, list[features.PersonDetails]] = defaultdict(list)
    by_phone: dict[str, list[features.PersonDetails]] = defaultdict(list)
    by_identifier: dict[str, list[features.PersonDetails]] = defaultdict(list)
    for p in synth.people:
        for identifier in (p.sin, p.health_number):
            if identifier:
                by_identifier[identifier].append(p)
        if p.birth_date:
            by_birth[p.birth_date].append(p)
        for family in (p.family_name, *p.former_family_names):  # stored keys include former names
            for key in namekeys.query_keys(namekeys.NameParts.of(p.given_names, family)):
                by_key[key].append(p)
        if p.phone:
            by_phone[p.phone].append(p)
    cluster = same_person(synth.planted)
    out: dict[str, dict[str, float]] = {}
    for kind, pairs in synth.planted.items():
        hit = flagged = correct = 0
        pairs = pairs[:sample]
        for orig_id, dup_id in pairs:
            dup = synth.people[int(dup_id[1:])]
            phones = {c.person_id for c in by_phone.get(dup.phone or "", [])}
            cands = {c.person_id: c for c in by_birth.get(dup.birth_date, [])} if dup.birth_date else {}
            for family in (dup.family_name, *dup.former_family_names):
                parts = namekeys.NameParts.of(dup.given_names, family)
                for key in namekeys.query_keys(parts):
                    cands.update((c.person_id, c) for c in by_key.get(key, []))
            cands.update((c.person_id, c) for c in by_phone.get(dup.phone or "", []))
            for identifier in (dup.sin, dup.health_number):
                cands.update((c.person_id, c) for c in by_identifier.get(identifier or "", []))
            cands.pop(dup.person_id, None)
            new = _candidate(dup)
            for cid, cand in cands.items():
                evidence = matching.Evidence(
                    same_sin=bool(dup.sin) and dup.sin == cand.sin,
                    different_sin=bool(dup.sin and cand.sin) and dup.sin != cand.sin,
                    same_health_number=bool(dup.health_number) and dup.health_number == cand.health_number,
                    same_phone=cid in phones,
                )
                score = matching.score_duplicate(new, _candidate(cand), evidence)
                if score.score >= threshold:
                    flagged += 1
                    correct += cid in cluster and cluster[cid] == cluster.get(dup.person_id)
                    hit += cid == orig_id
        out[kind] = _figures(kind, len(pairs), hit, flagged, correct)
    return out, time.perf_counter() - started


def _candidate(p: features.PersonDetails) -> matching.Candidate:
    return matching.Candidate(
        p.person_id,
        p.given_names,
        p.family_name,
        None,
        p.birth_date,  # type: ignore[arg-type]
        p.former_family_names,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument(
        "--also-at", type=float, nargs="*", default=[], help="Other thresholds to report (one scoring run)."
    )
    parser.add_argument("--skip-today", action="store_true", help="Do not run today's check.")
    parser.add_argument("--skip-sweep", action="store_true", help="Only today's check.")
    parser.add_argument("--today-sample", type=int, default=2000, help="Planted records per kind to check.")
    parser.add_argument("--json", action="store_true", help="Only the JSON line.")
    parser.add_argument(
        "--without-former-names",
        action="store_true",
        help="The same people with no former family names (as before the registry held them).",
    )
    parser.add_argument(
        "--demo-names", action="store_true", help="The old ~130 given and ~150 family names, drawn evenly."
    )
    args = parser.parse_args()
    say = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr, flush=True))
    started = time.perf_counter()
    synth = build(args.people, args.seed, args.demo_names)
    if args.without_former_names:
        synth.people = [dataclasses.replace(p, former_family_names=()) for p in synth.people]
    table = to_arrow(synth.people)
    prepared = time.perf_counter() - started
    say(f"{len(synth.people):,} people made in {prepared:.1f}s; sweeping ...")
    tuning = model.Tuning(threshold=min([args.threshold, *args.also_at]), threads=args.threads)
    started = time.perf_counter()
    if args.skip_sweep:
        table = table.slice(0, 0)
    result = model.run(table, tuning, progress=lambda step, done: say(f"  {done:4.0%} {step}"))
    sweep_seconds = time.perf_counter() - started
    report: dict[str, Any] = {
        "benchmark": "dedup",
        "people": len(synth.people),
        "prepare_seconds": round(prepared, 1),
        "sweep_seconds": round(sweep_seconds, 1),
        "sweep_steps_seconds": {k: round(v, 1) for k, v in result.seconds.items()},
        "threshold": args.threshold,
        "former_names": not args.without_former_names,
        "names": "demo" if args.demo_names else "data/names.csv",
        "chance_shared_name": {
            kind: round((DemoNames if args.demo_names else Names)(random.Random(1)).coincidence(kind), 5)
            for kind in ("family", "given")
        },
        "sweep": score_sweep([p for p in result.pairs if p.probability >= args.threshold], synth.planted),
        "sweep_at": {
            str(t): score_sweep([p for p in result.pairs if p.probability >= t], synth.planted)
            for t in args.also_at
        },
    }
    if not args.skip_today:
        today, today_seconds = score_today(synth, matching.LIKELY_DUPLICATE, args.today_sample)
        report["today_check"] = today
        report["today_check_seconds"] = round(today_seconds, 1)
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    if not args.json:
        for who in ("sweep", "today_check"):
            for kind, figures in report.get(who, {}).items():
                say(f"{who:12} {kind:24} {figures}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
