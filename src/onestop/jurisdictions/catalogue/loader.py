"""Load and validate catalogue YAML files; every error names the file and the entry.

A jurisdiction's catalogue is every ``*.yaml`` in ``jurisdictions/<pack>/catalogue/`` plus the
shared files in ``jurisdictions/catalogue/shared/`` (federal referrals and the urgent-need inputs
both provinces ask about). Agencies are named once and referred to by key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from onestop.common.errors import DomainError
from onestop.jurisdictions.catalogue import vocabulary
from onestop.jurisdictions.catalogue.criteria import (
    Compare,
    Criterion,
    CriterionError,
    compares,
    parse_criterion,
)
from onestop.jurisdictions.catalogue.model import (
    REACHABLE,
    Agency,
    Bilingual,
    Catalogue,
    Contact,
    ContactKind,
    Effect,
    Entry,
    EntryKind,
    InputSpec,
    Interaction,
    Screening,
    Test,
)

ROOT = Path(__file__).resolve().parent.parent  # src/onestop/jurisdictions
SHARED = Path(__file__).resolve().parent / "shared"
JURISDICTIONS = {"ca-ab": "ca_ab", "ca-nl": "ca_nl"}
_ID = re.compile(r"^[a-z]{2,3}\.[a-z0-9_]+(\.[a-z0-9_]+)*$")
_PREFIX = {"ca-ab": ("ab.", "ext."), "ca-nl": ("nl.", "ext."), "shared": ("ext.",)}
# toll-free / local numbers as printed by the source, and the three-digit services (211, 811, 911)
_PHONE = re.compile(r"^(1-\d{3}-\d{3}-\d{4}|\d{3}-\d{3}-\d{4}|310-\d{4}|\d11)$")


class CatalogueError(DomainError):
    """A catalogue file that breaks the catalogue's rules (the message names file and entry)."""


class _Where:
    """Where we are in the files, so every error names its place."""

    def __init__(self, file: Path) -> None:
        self.file = file.name
        self.entry = ""

    def fail(self, problem: str) -> CatalogueError:
        at = f"{self.file}: {self.entry}: " if self.entry else f"{self.file}: "
        return CatalogueError(at + problem)


def catalogue_files(jurisdiction: str, root: Path = ROOT) -> list[Path]:
    """The files making up a jurisdiction's catalogue: shared ones first, then the pack's."""
    pack = JURISDICTIONS.get(jurisdiction)
    if pack is None:
        raise CatalogueError(
            f"unknown jurisdiction {jurisdiction!r}: expected one of {', '.join(JURISDICTIONS)}"
        )
    return sorted(SHARED.glob("*.yaml")) + sorted((root / pack / "catalogue").glob("*.yaml"))


@functools.cache
def load_catalogue(jurisdiction: str) -> Catalogue:
    """The validated catalogue of ``ca-ab`` or ``ca-nl`` (loaded once per process)."""
    return load_catalogue_files(jurisdiction, catalogue_files(jurisdiction))


def load_catalogue_files(jurisdiction: str, files: Iterable[Path]) -> Catalogue:
    """Load and validate the given files as one catalogue (tests pass broken ones)."""
    docs = [(path, _read(path)) for path in files]
    inputs: list[InputSpec] = []
    agencies: dict[str, Agency] = {}
    for path, doc in docs:
        where = _Where(path)
        _check_jurisdiction(doc, jurisdiction, where)
        inputs.extend(_inputs(doc.get("inputs") or [], where))
        for key, raw in (doc.get("agencies") or {}).items():
            where.entry = f"agency {key}"
            if key in agencies:
                raise where.fail("agency key used twice")
            agencies[str(key)] = _agency(str(key), raw, where)
    kinds = _kinds(inputs)
    entries: list[Entry] = []
    interactions: list[Interaction] = []
    for path, doc in docs:
        where = _Where(path)
        prefixes = _prefixes("shared" if path.parent == SHARED else jurisdiction)
        for raw in doc.get("entries") or []:
            entries.append(_entry(raw, agencies, kinds, prefixes, where))
        for raw in doc.get("interactions") or []:
            interactions.append(_interaction(raw, kinds, where))
    _check_whole(jurisdiction, entries, interactions)
    return Catalogue(jurisdiction, tuple(entries), tuple(interactions), tuple(inputs))


def _prefixes(jurisdiction: str) -> tuple[str, ...]:
    """Ids a file may define: its province's prefix ("ab." for ca-ab) and "ext." for referrals."""
    return _PREFIX.get(jurisdiction) or (jurisdiction.rsplit("-", 1)[-1] + ".", "ext.")


def _read(path: Path) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise CatalogueError(f"{path.name}: not valid YAML: {err}") from None
    if not isinstance(doc, dict):
        raise CatalogueError(f"{path.name}: expected a mapping with inputs, agencies, entries, interactions")
    unknown = set(doc) - {"jurisdiction", "inputs", "agencies", "entries", "interactions"}
    if unknown:
        raise CatalogueError(f"{path.name}: unknown top-level keys {sorted(unknown)}")
    return doc


def _check_jurisdiction(doc: Mapping[str, Any], jurisdiction: str, where: _Where) -> None:
    declared = doc.get("jurisdiction")
    if declared not in (jurisdiction, "shared"):
        raise where.fail(f"jurisdiction is {declared!r}, expected {jurisdiction!r} (or 'shared')")


def _text(raw: object, field: str, where: _Where) -> Bilingual:
    if not isinstance(raw, Mapping):
        raise where.fail(f"{field} needs English and French text ({{en: ..., fr: ...}})")
    en, fr = raw.get("en"), raw.get("fr")
    for lang, value in (("en", en), ("fr", fr)):
        if not isinstance(value, str) or not value.strip():
            raise where.fail(f"{field}.{lang} is missing or empty")
    if set(raw) != {"en", "fr"}:
        # a comma or colon inside an unquoted {en: ..., fr: ...} splits the text into extra keys
        raise where.fail(f"{field} has keys {sorted(map(str, raw))}: quote texts that contain ',' or ': '")
    return Bilingual(str(en).strip(), str(fr).strip())


def _optional_text(raw: object, field: str, where: _Where) -> Bilingual | None:
    return None if raw is None else _text(raw, field, where)


def _inputs(raws: list[Any], where: _Where) -> list[InputSpec]:
    specs = []
    for raw in raws:
        where.entry = f"input {raw.get('name') if isinstance(raw, Mapping) else raw!r}"
        if not isinstance(raw, Mapping) or not re.match(
            r"^(unit|person)\.[a-z][a-z0-9_]*$", str(raw.get("name"))
        ):
            raise where.fail("an input needs a name of the form unit.<name> or person.<name>")
        kind = raw.get("kind")
        if kind not in vocabulary.KINDS:
            raise where.fail(f"kind must be one of {', '.join(vocabulary.KINDS)}")
        domain = raw.get("domain")
        if (kind == "enum") != bool(domain):
            raise where.fail("an enum input needs a domain (its allowed values), and only enums have one")
        specs.append(
            InputSpec(
                name=str(raw["name"]),
                kind=str(kind),
                label=_text(raw.get("label"), "label", where),
                question=_text(raw.get("question"), "question", where),
                domain=tuple(str(v) for v in domain) if domain else None,
            )
        )
    return specs


def _kinds(inputs: list[InputSpec]) -> dict[tuple[str, str], vocabulary.InputKind]:
    kinds = {("person", k): v for k, v in vocabulary.PERSON.items()}
    kinds.update({("unit", k): v for k, v in vocabulary.UNIT.items()})
    for spec in inputs:
        entity, name = spec.name.split(".", 1)
        if (entity, name) in kinds:
            raise CatalogueError(f"input {spec.name} is declared twice (or shadows a case-format input)")
        kinds[(entity, name)] = vocabulary.InputKind(spec.kind, spec.domain)
    return kinds


def _agency(key: str, raw: object, where: _Where) -> Agency:
    if not isinstance(raw, Mapping):
        raise where.fail("an agency needs a name and contacts")
    contacts = tuple(_contact(c, where) for c in raw.get("contacts") or [])
    if not any(c.kind in REACHABLE for c in contacts):
        raise where.fail("no way to contact: give at least a phone, web address, street address or routing")
    return Agency(key, _text(raw.get("name"), "name", where), contacts)


def _contact(raw: object, where: _Where) -> Contact:
    if not isinstance(raw, Mapping):
        raise where.fail(f"a contact is a mapping with kind, value and source, got {raw!r}")
    try:
        kind = ContactKind(str(raw.get("kind")))
    except ValueError:
        raise where.fail(
            f"contact kind {raw.get('kind')!r} is not one of {[k.value for k in ContactKind]}"
        ) from None
    value, source = str(raw.get("value") or "").strip(), str(raw.get("source") or "").strip()
    if not value:
        raise where.fail(f"a {kind} contact has no value")
    if not source.startswith(("http://", "https://")):
        raise where.fail(f"contact {value}: every contact needs a source (the URL where it was found)")
    if kind in (ContactKind.PHONE, ContactKind.TTY) and not _PHONE.match(value):
        raise where.fail(f"phone {value!r} is not written like 1-800-555-0100, 780-555-0100, 310-0000 or 211")
    if kind is ContactKind.ROUTING and raw.get("label") is None:
        raise where.fail(
            f"routing {value!r} needs a label in English and French (the words said to the client)"
        )
    if kind is ContactKind.WEB and not value.startswith("https://") and not value.startswith("http://"):
        raise where.fail(f"web address {value!r} must start with https://")
    return Contact(
        kind=kind,
        value=value,
        source=source,
        label=_optional_text(raw.get("label"), "label", where),
        hours=_optional_text(raw.get("hours"), "hours", where),
        note=raw.get("note"),
    )


def _entry(
    raw: object,
    agencies: Mapping[str, Agency],
    kinds: Mapping[tuple[str, str], vocabulary.InputKind],
    prefixes: tuple[str, ...],
    where: _Where,
) -> Entry:
    if not isinstance(raw, Mapping):
        raise where.fail(f"an entry is a mapping, got {raw!r}")
    entry_id = str(raw.get("id") or "")
    where.entry = entry_id or "entry without id"
    if not _ID.match(entry_id) or not entry_id.startswith(prefixes):
        raise where.fail(
            f"id must look like {' or '.join(p + 'name' for p in prefixes)} (lower case, dots, _)"
        )
    try:
        kind = EntryKind(str(raw.get("kind")))
    except ValueError:
        raise where.fail(f"kind must be one of {[k.value for k in EntryKind]}") from None
    agency_key = raw.get("refer_to")
    if agency_key not in agencies:
        raise where.fail(f"refer_to {agency_key!r} is not an agency of this catalogue")
    documents = raw.get("documents") or []
    if not isinstance(documents, list):
        raise where.fail("documents is a list of {en, fr} texts")
    return Entry(
        id=entry_id,
        kind=kind,
        name=_text(raw.get("name"), "name", where),
        description=_text(raw.get("description"), "description", where),
        who=_text(raw.get("who"), "who", where),
        act=_optional_text(raw.get("act"), "act", where),
        how_to_apply=_text(raw.get("apply"), "apply", where),
        documents=tuple(_text(d, "documents[]", where) for d in documents),
        agency=agencies[str(agency_key)],
        screening=_screening(raw.get("screen"), kinds, where),
        tags=tuple(str(t) for t in raw.get("tags") or ()),
        file=where.file,
    )


def _screening(
    raw: object, kinds: Mapping[tuple[str, str], vocabulary.InputKind], where: _Where
) -> Screening | None:
    if raw is None:
        return None  # not assessed: the screener lists it for referral
    if not isinstance(raw, Mapping) or not raw.get("tests"):
        raise where.fail("screen needs a non-empty list of tests (when + because)")
    tests = []
    for test in raw["tests"]:
        if not isinstance(test, Mapping) or set(test) - {"when", "because", "reference"}:
            raise where.fail("a screening test has when, because and an optional reference")
        tests.append(
            Test(
                _criterion(test.get("when"), kinds, where),
                _text(test.get("because"), "because", where),
                test.get("reference"),
            )
        )
    urgent = raw.get("urgent_when")
    priority = raw.get("priority", 5)
    if isinstance(priority, bool) or not isinstance(priority, int) or not 1 <= priority <= 9:
        raise where.fail("priority is a whole number from 1 (emergency) to 9")
    return Screening(tuple(tests), _criterion(urgent, kinds, where) if urgent is not None else None, priority)


def _criterion(
    raw: object, kinds: Mapping[tuple[str, str], vocabulary.InputKind], where: _Where
) -> Criterion:
    try:
        criterion = parse_criterion(raw)
    except CriterionError as err:
        raise where.fail(str(err)) from None
    for leaf in compares(criterion):
        _check_leaf(leaf, kinds, where)
    return criterion


def _check_leaf(leaf: Compare, kinds: Mapping[tuple[str, str], vocabulary.InputKind], where: _Where) -> None:
    entity = "unit" if leaf.scope == "unit" else "person"
    spec = kinds.get((entity, leaf.name))
    if spec is None:
        raise where.fail(
            f"input {leaf.path} is not in the case vocabulary nor declared in a catalogue inputs list"
        )
    values = leaf.value if isinstance(leaf.value, tuple) else (leaf.value,)
    if spec.kind == "bool":
        if leaf.op not in ("==", "!=") or not all(isinstance(v, bool) for v in values):
            raise where.fail(f"{leaf.path} is yes/no: compare it with == or != to true or false")
    elif spec.kind == "enum":
        if leaf.op not in ("==", "!=", "in", "not_in") or any(
            str(v) not in (spec.domain or ()) for v in values
        ):
            raise where.fail(f"{leaf.path} takes one of {', '.join(spec.domain or ())}")
    elif spec.kind in ("money", "int"):
        if leaf.op in ("in", "not_in") or any(
            isinstance(v, bool) or not _numeric(v, spec.kind) for v in values
        ):
            what = "a whole number" if spec.kind == "int" else 'an amount (as "12.50", to the cent)'
            raise where.fail(f"{leaf.path} is a number: compare it with {what}")
    else:
        raise where.fail(f"{leaf.path} is a date: criteria cannot compare dates (use age)")


def _numeric(value: object, kind: str) -> bool:
    """A whole number for int inputs, an amount to the cent for money (read exactly, never as a float)."""
    if isinstance(value, float):
        return False
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return False
    if not number.is_finite():
        return False
    return number == number.quantize(Decimal(1) if kind == "int" else Decimal("0.01"))


def _interaction(
    raw: object, kinds: Mapping[tuple[str, str], vocabulary.InputKind], where: _Where
) -> Interaction:
    if not isinstance(raw, Mapping):
        raise where.fail(f"an interaction is a mapping, got {raw!r}")
    where.entry = f"interaction {raw.get('id')}"
    try:
        effect = Effect(str(raw.get("effect")))
    except ValueError:
        raise where.fail(f"effect must be one of {[e.value for e in Effect]}") from None
    return Interaction(
        id=str(raw.get("id")),
        when=_criterion(raw.get("when"), kinds, where),
        program=str(raw.get("program")),
        effect=effect,
        reason=_text(raw.get("reason"), "reason", where),
        reference=raw.get("reference"),
    )


def _check_whole(jurisdiction: str, entries: list[Entry], interactions: list[Interaction]) -> None:
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in seen:
            raise CatalogueError(f"{entry.file}: {entry.id}: id already used in {seen[entry.id].file}")
        seen[entry.id] = entry
    for program in vocabulary.DECIDED.get(jurisdiction, ()):
        if program not in seen:
            raise CatalogueError(f"{jurisdiction}: decided program {program} is missing from the catalogue")
        if seen[program].kind is not EntryKind.DECIDED:
            raise CatalogueError(f"{seen[program].file}: {program}: must be of kind decided (case-format.md)")
    ids = {i.id for i in interactions}
    if len(ids) != len(interactions):
        raise CatalogueError(f"{jurisdiction}: two interactions share an id")
    for rule in interactions:
        if rule.program not in seen:
            raise CatalogueError(f"interaction {rule.id}: program {rule.program} is not in the catalogue")
