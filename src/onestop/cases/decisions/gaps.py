"""Deciding with a gap (issue 13, part 6): an officer enters a value the published policy lacks.

The value is used for this one decision only (never laid over the pack), always with the authority the
officer relies on, and always waits for a supervisor (maker-checker, through the override queue). The
decision records it as an officer-entered value: in its explanation, its text and so its notice, and
its replay uses it again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from onestop.cases.applications import LoadedCase
from onestop.common.errors import InvalidInput
from onestop.common.text import required_text
from onestop.rules import Pack, ParameterOverlay, Source, cents_to_yaml, overlays

ENTERED = "officer-entered"
WORDS = {
    "en": "Officer-entered value (the published policy gives none; approved by a supervisor)",
    "fr": "Valeur saisie par l’agent (la politique publiée n’en donne pas; approuvée par un superviseur)",
}


def entered_overlays(
    pack: Pack, program: str, on: dt.date, entries: list[Any], missing: list[str], officer: str
) -> list[ParameterOverlay]:
    """Each entry checked: a parameter this result lacks, a value of its kind, an authority named."""
    gaps = {name.split("[", 1)[0] for name in missing}
    out = []
    for n, entry in enumerate(entries):
        field = f"gap_values[{n}]"
        name = entry.parameter.strip()
        if name not in gaps:
            listed = ", ".join(sorted(gaps)) or "none"
            raise InvalidInput(
                f"{field}.parameter", f"{name!r} is not missing from this result (missing: {listed})"
            )
        parameter = overlays.find_parameter(pack, name)
        authority = required_text(entry.authority, f"{field}.authority", max_len=1000)
        effective = parameter.at(on).effective  # the version with the gap, replaced for this case only
        try:
            value = overlays.check_value(parameter, entry.value, effective)
        except InvalidInput as err:
            raise InvalidInput(f"{field}.value", err.problem) from None
        source = Source(f"{ENTERED} by {officer}: {authority}")
        out.append(ParameterOverlay(f"{ENTERED}:{n}", name, effective, value, source, "low", authority))
    return out


def decide_with(loaded: LoadedCase, pack: Pack, program: str, entered: list[ParameterOverlay]) -> LoadedCase:
    """The case's result with the pack's approved overlays and the officer's values laid over the YAML."""
    laid = [o for o in pack.overlays if o.parameter.startswith(program + ".")] + entered
    result = overlays.replay(pack, program, loaded.data.mapping, laid)
    return dataclasses.replace(loaded, result=result)


def recorded(
    entered: list[ParameterOverlay], typed: list[Any], pack: Pack, officer: str
) -> list[dict[str, Any]]:
    """What the decision keeps of each value (its explanation's ``officer_values``; replay reads it)."""
    out = []
    for o, raw in zip(entered, typed, strict=True):
        parameter = overlays.find_parameter(pack, o.parameter)
        unit = parameter.unit.value
        out.append(
            {
                "parameter": o.parameter,
                "label": {"en": parameter.label("en"), "fr": parameter.label("fr")},
                "effective": o.effective.isoformat(),
                "value": o.value,
                "shown": raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False),
                "full": cents_to_yaml(o.value, unit),
                "authority": o.note,
                "entered_by": officer,
            }
        )
    return out


def lines(values: list[dict[str, Any]], lang: str) -> str:
    """The explanation's lines naming each officer-entered value, its amount and authority."""
    head = WORDS.get(lang, WORDS["en"])
    word = "authority" if lang == "en" else "fondement"
    return "\n".join(
        f"{head}: {v.get('label', {}).get(lang) or v['parameter']} = {v['shown']} ({word}: {v['authority']})"
        for v in values
    )


LETTER = {
    "en": "An officer entered this value, which the published policy does not give; a supervisor approved it",
    "fr": "Un agent a saisi cette valeur, absente de la politique publiée; un superviseur l’a approuvée",
}


def letter_lines(values: list[dict[str, Any]], lang: str) -> str:
    """For the notice: each value in words (no internal name), with the authority relied on."""
    word = "authority" if lang == "en" else "fondement"
    head = LETTER.get(lang, LETTER["en"])
    return "\n".join(
        f"- {v.get('label', {}).get(lang) or v['parameter']}: {head} ({word}: {v['authority']})"
        for v in values
    )


def as_overlays(values: list[dict[str, Any]]) -> list[ParameterOverlay]:
    """The recorded values back as overlays, for replay."""
    return [
        ParameterOverlay(
            f"{ENTERED}:{n}",
            v["parameter"],
            dt.date.fromisoformat(v["effective"]),
            _from_json(v["value"]),
            Source(f"{ENTERED} by {v['entered_by']}: {v['authority']}"),
            "low",
            v["authority"],
        )
        for n, v in enumerate(values)
    ]


def _from_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {int(k) if isinstance(k, str) and k.isdigit() else k: _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tuple(p) if isinstance(p, list) else p for p in value]
    return value
