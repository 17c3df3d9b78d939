"""A reproducible synthetic population: households of AB and NL people, plus near-duplicate records.

Pure: the same seed gives the same people (ids included). Values are built valid by construction
(SINs with a correct Luhn check digit, postal codes of the right province, real area codes), and the
tests run a sample through the registry's own validation. SINs and health numbers come from a
bijection of the person's index, so no two demo people share one by accident; only deliberate
near-duplicates do.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace

from onestop.demo import names
from onestop.registry import MemberRole, ValidPerson, domain, fold

Place = tuple[str, str, tuple[str, ...], tuple[str, ...]]
DUPLICATE_RATE = 0.03
REFERENCE_DAY = dt.date(2026, 1, 1)  # ages are relative to this, so a seed gives the same people every year


@dataclass(frozen=True)
class DemoPerson:
    """One synthetic person, ready to store; ``duplicate_of`` marks a deliberate near-duplicate."""

    id: uuid.UUID
    person: ValidPerson
    role: MemberRole | None = None
    duplicate_of: uuid.UUID | None = None


@dataclass(frozen=True)
class DemoHousehold:
    """People generated together; ``unit_id`` is None for a near-duplicate record, which has no unit."""

    unit_id: uuid.UUID | None
    joined_on: dt.date
    members: tuple[DemoPerson, ...]


def luhn_complete(digits: str) -> str:
    """Append the Luhn check digit (the SIN's checksum)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return digits + str((10 - total % 10) % 10)


def sin_for(index: int, rng: random.Random) -> str:
    """A valid, unique SIN for person number ``index`` (first digit 1-7: regular residents)."""
    body = (index * 2_718_281 + 1_234_567) % 10**7  # a bijection on 0..10^7-1 (2718281 is coprime to 10)
    return luhn_complete(f"{rng.randint(1, 7)}{body:07d}")


def health_for(index: int, prov: str) -> domain.HealthNumber:
    """A unique health number in the province's format (AB 9 digits, NL 12)."""
    width = 9 if prov == "AB" else 12
    body = (index * 7_919_113 + 100_000_007) % 10**width
    return domain.HealthNumber(prov, f"{body:0{width}d}")


class Generator:
    """Stateful draw of households from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.count = 0
        self.recent: list[DemoPerson] = []

    def uuid(self) -> uuid.UUID:
        """A random-looking but reproducible id."""
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def birth(self, lo: int, hi: int) -> dt.date:
        """A birth date between two ages (in years before the reference day)."""
        days = self.rng.randint(lo * 365, hi * 365)
        return REFERENCE_DAY - dt.timedelta(days=days)

    def address(self, place: Place) -> domain.Address:
        """A street address in the place, with a postal code of its province."""
        rng, letters = self.rng, names.POSTAL_LETTERS
        code = f"{rng.choice(place[2])} {rng.randint(0, 9)}{rng.choice(letters)}{rng.randint(0, 9)}"
        line1 = f"{rng.randint(1, 9999)} {rng.choice(names.STREETS)}"
        line2 = f"Apt {rng.randint(1, 1200)}" if rng.random() < 0.25 else None
        return domain.Address(line1, line2, place[0], place[1], code)

    def phone(self, place: Place) -> str:
        """An E.164 number with a real area code of the place."""
        rng = self.rng
        exchange = rng.choice((rng.randint(202, 299), rng.randint(302, 399), rng.randint(402, 499), 555))
        return f"+1{rng.choice(place[3])}{exchange}{rng.randint(0, 9999):04d}"

    def person(
        self, given: str, family: str, born: dt.date, place: Place, home: dict[str, object]
    ) -> ValidPerson:
        """One person with contacts and identifiers (each present with a realistic frequency)."""
        rng = self.rng
        self.count += 1
        french = any(ch in given + family for ch in "éèêçëôÉÈ") or rng.random() < 0.15
        lang = (
            domain.Language.FR
            if french
            else (domain.Language.OTHER if rng.random() < 0.05 else domain.Language.EN)
        )
        phones: tuple[tuple[str, str | None], ...] = ((str(home["phone"]), "home"),)
        if rng.random() < 0.4:
            phones += ((self.phone(place), "mobile"),)
        emails: tuple[tuple[str, str | None], ...] = ()
        if rng.random() < 0.5:
            local = ".".join(fold(part).replace(" ", "") for part in (given, family) if part)
            emails = ((f"{local}{rng.randint(1, 999)}@example.com", None),)
        adult = born <= REFERENCE_DAY - dt.timedelta(days=18 * 365)
        sin = sin_for(self.count, rng) if adult and rng.random() < 0.85 else None
        health = (health_for(self.count, place[1]),) if rng.random() < 0.7 else ()
        return ValidPerson(
            name=domain.LegalName(given, family, None),
            birth_date=born,
            language=lang,
            language_other="Tagalog" if lang is domain.Language.OTHER else None,
            interpreter_needed=lang is domain.Language.OTHER and rng.random() < 0.5,
            gender=rng.choice(("female", "male", None, "x")),
            phones=phones,
            emails=emails,
            addresses=(home["address"],),  # type: ignore[arg-type]
            sin=sin,
            health_numbers=health,
        )

    def household(self) -> DemoHousehold:
        """A single adult, a couple, or a family with children."""
        rng = self.rng
        place = rng.choice(names.PLACES)
        home = {"address": self.address(place), "phone": self.phone(place)}
        family = rng.choice(names.FAMILY_NAMES)
        first_male = rng.random() < 0.5
        members = [self._member(first_male, family, self.birth(19, 85), place, home, MemberRole.APPLICANT)]
        if rng.random() < 0.45:
            partner_family = family if rng.random() < 0.6 else rng.choice(names.FAMILY_NAMES)
            partner = self._member(
                not first_male, partner_family, self.birth(19, 80), place, home, MemberRole.PARTNER
            )
            members.append(self._née(partner) if first_male and partner_family == family else partner)
        eldest = min(m.person.birth_date or REFERENCE_DAY for m in members)
        max_child_age = min(17, (REFERENCE_DAY - eldest).days // 365 - 18)
        for _ in range(rng.choice((0, 0, 1, 2, 3)) if max_child_age > 0 else 0):
            born = self.birth(0, max_child_age)
            members.append(self._member(rng.random() < 0.5, family, born, place, home, MemberRole.DEPENDANT))
        joined = REFERENCE_DAY - dt.timedelta(days=rng.randint(0, 3650))
        self.recent = (self.recent + members)[-50:]
        return DemoHousehold(self.uuid(), joined, tuple(members))

    def _member(
        self, male: bool, family: str, born: dt.date, place: Place, home: dict[str, object], role: MemberRole
    ) -> DemoPerson:
        given = self.rng.choice(names.MALE_GIVEN if male else names.FEMALE_GIVEN)
        return DemoPerson(self.uuid(), self.person(given, family, born, place, home), role)

    def _née(self, wife: DemoPerson) -> DemoPerson:
        """A wife who took her husband's name keeps her name before marriage (chosen without the
        random stream, so every other demo person stays as it was)."""
        maiden = names.FAMILY_NAMES[self.count * 7 % len(names.FAMILY_NAMES)]
        if maiden == wife.person.name.family_name:
            return wife
        return replace(wife, person=replace(wife.person, former_family_names=(maiden,)))

    def near_duplicate(self) -> DemoHousehold:
        """Another record of a recent person: a typo, Mac/Mc, a nickname, no accents, or no SIN."""
        original = self.rng.choice(self.recent)
        person = original.person
        given, family = vary_name(self.rng, person.name.given_names, person.name.family_name)
        keep_sin = self.rng.random() < 0.2
        copy = replace(
            person,
            name=domain.LegalName(given, family, None),
            sin=person.sin if keep_sin else None,
            health_numbers=(),
            emails=(),
        )
        dup = DemoPerson(self.uuid(), copy, None, duplicate_of=original.id)
        return DemoHousehold(None, REFERENCE_DAY, (dup,))


def vary_name(rng: random.Random, given: str, family: str) -> tuple[str, str]:
    """A variation an officer might have typed for the same person."""
    how = rng.choice(("transpose", "macmc", "nickname", "fold", "same"))
    if how == "macmc" and family.startswith(("Mac", "Mc")):
        return given, ("Mc" + family[3:]) if family.startswith("Mac") else ("Mac" + family[2:])
    if how == "nickname" and given in names.NICKNAMES:
        return names.NICKNAMES[given], family
    if how == "fold" and fold(given + family) != (given + family).lower():
        return fold(given).title(), fold(family).title()
    if how in ("transpose", "macmc", "nickname", "fold") and len(family) > 3:
        i = rng.randint(1, len(family) - 3)
        return given, family[:i] + family[i + 1] + family[i] + family[i + 2 :]
    return given, family


def generate(people: int, seed: int) -> Iterator[DemoHousehold]:
    """Households (and near-duplicate records) until ``people`` people have been produced."""
    gen = Generator(seed)
    made = 0
    while made < people:
        if gen.recent and gen.rng.random() < DUPLICATE_RATE:
            batch = gen.near_duplicate()
        else:
            batch = gen.household()
            if made + len(batch.members) > people:
                batch = replace(batch, members=batch.members[: people - made])
        made += len(batch.members)
        yield batch
