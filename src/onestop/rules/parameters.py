"""Dated policy parameters read from YAML: single values, tables by category, and income brackets.

Every parameter carries its unit, a bilingual label, a source (title, URL, section) and a confidence
mark. A value written as ``null`` (with a note saying why) is a known gap in the published material:
formulas that need it come out ``undetermined`` naming it, never zero. Asking for a date before the
first value is an error naming the parameter and the date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from onestop.rules.errors import PackDefinitionError, ParameterNotInForce
from onestop.rules.types import Kind, Text
from onestop.rules.values import BadValueError, money_to_cents, parse_iso_date, rate_to_ppm
from onestop.rules.yamlio import load_yaml_text

CONFIDENCE = ("high", "medium", "low")
_UNITS = {"money": Kind.MONEY, "rate": Kind.RATE, "int": Kind.INT, "bool": Kind.BOOL}


@dataclass(frozen=True)
class Source:
    """Where a value was published."""

    title: str
    url: str | None = None
    section: str | None = None

    def cite(self) -> str:
        """One-line citation: title, section, URL."""
        return ", ".join(part for part in (self.title, self.section, self.url) if part)


@dataclass(frozen=True)
class Version:
    """The value of a parameter from one effective date (until the next version)."""

    effective: dt.date
    value: Any  # cents, millionths, int, bool, None (gap), a dict table or a bracket list
    source: Source
    confidence: str
    note: str | None = None


@dataclass
class Parameter:
    """A named policy value with its history."""

    name: str  # qualified: "<program>.<key>", as shown in errors and explanations
    key: str
    label: Text
    unit: Kind
    versions: list[Version]
    keys: tuple[str, ...] = ()  # table dimensions, outermost first
    brackets: bool = False
    note: str | None = None
    key_labels: dict[str, Text] = field(default_factory=dict)  # table keys in words ("food": nourriture)
    #: A value that changes on the same days every year: ("07-01", True), ("09-01", False).
    yearly: tuple[tuple[str, Any], ...] = ()
    _starts: list[dt.date] = field(default_factory=list, repr=False)
    #: The versions the YAML gives; ``versions`` adds any approved overlays (``rules.overlays``).
    yaml_versions: list[Version] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.versions.sort(key=lambda v: v.effective)
        self._starts = [v.effective for v in self.versions]
        self.yaml_versions = list(self.versions)

    def use_versions(self, versions: list[Version]) -> None:
        """Replace the versions in force (the YAML's with overlays laid over them)."""
        self.versions = sorted(versions, key=lambda v: v.effective)
        self._starts = [v.effective for v in self.versions]

    def index_at(self, on: dt.date) -> int:
        """Index of the version in force on ``on``; raises when none is."""
        i = bisect.bisect_right(self._starts, on) - 1
        if i < 0:
            raise ParameterNotInForce(self.name, on, self._starts[0] if self._starts else None)
        return i

    def at(self, on: dt.date) -> Version:
        """The version in force on ``on``."""
        return self.versions[self.index_at(on)]


class ParameterSet(Mapping[str, Parameter]):
    """A program's parameters by short name."""

    def __init__(self, parameters: dict[str, Parameter], files: tuple[Path, ...] = ()) -> None:
        self._params = parameters
        self.files = files

    def __getitem__(self, key: str) -> Parameter:
        return self._params[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._params)

    def __len__(self) -> int:
        return len(self._params)


def load_parameters(path: Path, *, prefix: str) -> ParameterSet:
    """Load a program's ``parameters.yaml``; names are qualified with ``prefix`` (the program id)."""
    data = load_yaml_text(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise PackDefinitionError(f"{path}: expected a mapping of parameter names")
    params = {}
    for key, spec in data.items():
        try:
            params[str(key)] = _parameter(f"{prefix}.{key}", str(key), spec)
        except (BadValueError, KeyError, TypeError, ValueError) as err:
            raise PackDefinitionError(f"{path}: parameter {key}: {err}") from None
    return ParameterSet(params, (path,))


def _parameter(name: str, key: str, spec: Any) -> Parameter:
    if not isinstance(spec, dict):
        raise ValueError("expected a mapping with label, unit, source and values")
    unit = _UNITS.get(str(spec.get("unit")))
    if unit is None:
        raise ValueError(f"unit must be one of {', '.join(_UNITS)}")
    keys = tuple(str(k) for k in spec.get("keys") or ())
    brackets = bool(spec.get("brackets", False))
    source = _source(spec.get("source"))
    confidence = _confidence(spec.get("confidence"))
    versions = [
        _version(raw, unit, len(keys), brackets, source, confidence, spec.get("note"))
        for raw in spec.get("values") or ()
    ]
    if not versions:
        raise ValueError("no values")
    yearly: tuple[tuple[str, Any], ...] = ()
    if spec.get("yearly") is not None:
        versions, yearly = _yearly(spec["yearly"], versions, unit)
    return Parameter(
        name=name,
        key=key,
        label=Text.of(spec.get("label"), key),
        unit=unit,
        versions=versions,
        keys=keys,
        brackets=brackets,
        note=spec.get("note"),
        key_labels=_key_labels(spec.get("key_labels")),
        yearly=yearly,
    )


LAST_YEAR = 2100  # a yearly rule is written out as dated versions up to this year


def _yearly(
    raw: Any, versions: list[Version], unit: Kind
) -> tuple[list[Version], tuple[tuple[str, Any], ...]]:
    """A value that changes on the same days every year (``yearly: [{from: "07-01", value: true},
    {from: "09-01", value: false}]``, e.g. summer rates), from the first version's date on."""
    if not isinstance(raw, list) or not raw:
        raise ValueError('yearly: expected a list of {from: "MM-DD", value: ...}')
    first = min(versions, key=lambda v: v.effective)
    out = list(versions)
    rows: list[tuple[str, Any]] = []
    for row in raw:
        if not isinstance(row, dict) or "from" not in row or "value" not in row:
            raise ValueError('yearly: each entry needs from ("MM-DD") and value')
        month, _, day = str(row["from"]).partition("-")
        value = _scalar(row["value"], unit)
        rows.append((f"{int(month):02d}-{int(day):02d}", value))
        for year in range(first.effective.year, LAST_YEAR + 1):
            on = dt.date(year, int(month), int(day))
            if on > first.effective:
                out.append(Version(on, value, first.source, first.confidence, first.note))
    return out, tuple(rows)


def _key_labels(raw: Any) -> dict[str, Text]:
    if raw is None:
        return {}
    bilingual = isinstance(raw, dict) and all(
        isinstance(v, dict) and v.get("en") and v.get("fr") for v in raw.values()
    )
    if not bilingual:
        raise ValueError("key_labels: expected {key: {en: words, fr: mots}}")
    return {str(k): Text.of(v) for k, v in raw.items()}


def _source(raw: Any) -> Source:
    if not isinstance(raw, dict) or not raw.get("title"):
        raise ValueError("source needs at least a title")
    return Source(str(raw["title"]), raw.get("url"), raw.get("section"))


def _confidence(raw: Any) -> str:
    if raw not in CONFIDENCE:
        raise ValueError(f"confidence must be one of {', '.join(CONFIDENCE)}")
    return str(raw)


def _version(
    raw: Any, unit: Kind, depth: int, brackets: bool, source: Source, confidence: str, param_note: Any
) -> Version:
    if not isinstance(raw, dict) or "effective" not in raw or "value" not in raw:
        raise ValueError("each entry of values needs effective and value")
    note = raw.get("note") or param_note
    value = _convert(raw["value"], unit, depth, brackets)
    if _has_gap(value) and not note:
        raise ValueError(f"value from {raw['effective']} has a null (a gap) but no note saying why")
    return Version(
        effective=parse_iso_date(raw["effective"]),
        value=value,
        source=_source(raw["source"]) if "source" in raw else source,
        confidence=_confidence(raw["confidence"]) if "confidence" in raw else confidence,
        note=str(note) if note else None,
    )


def _convert(raw: Any, unit: Kind, depth: int, brackets: bool) -> Any:
    if raw is None:
        return None
    if depth > 0:
        if not isinstance(raw, dict):
            raise ValueError(f"expected a table ({depth} more key level(s)), got {raw!r}")
        return {k: _convert(v, unit, depth - 1, brackets) for k, v in raw.items()}
    if brackets:
        if not isinstance(raw, list):
            raise ValueError("brackets: expected a list of {from: amount, value: ...}")
        rows = [(money_to_cents(row["from"]), _scalar(row["value"], unit)) for row in raw]
        return sorted(rows, key=lambda row: row[0])
    return _scalar(raw, unit)


def _scalar(raw: Any, unit: Kind) -> Any:
    if raw is None:
        return None
    if unit is Kind.MONEY:
        return money_to_cents(raw)
    if unit is Kind.RATE:
        return rate_to_ppm(raw)
    if unit is Kind.BOOL:
        if not isinstance(raw, bool):
            raise ValueError(f"expected true or false, got {raw!r}")
        return raw
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"expected a whole number, got {raw!r}")
    return raw


def _has_gap(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, dict):
        return any(_has_gap(v) for v in value.values())
    if isinstance(value, list):
        return any(v is None for _, v in value)
    return False
