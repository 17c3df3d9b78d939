"""Explanations as plain text in English or French, for an officer to read to a client."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from onestop.rules.describe import fmt, word
from onestop.rules.types import Kind
from onestop.rules.values import format_cents

if TYPE_CHECKING:
    from onestop.rules.pack import Evaluation
    from onestop.rules.result import ProgramResult

HEAD = {
    "en": {
        "date": "Date",
        "rules": "Rules version",
        "amount": "Monthly amount",
        "amounts": "Amounts",
        "tests": "Tests",
        "missing": "Still needed",
        "gaps": "Policy values not published (no value in onestop)",
        "params": "Parameters used",
        "branches": "Branches taken",
        "values": "Values used",
        "from": "in force from",
        "confidence": "confidence",
        "yes": "met",
        "no": "not met",
        "unknown": "unknown",
    },
    "fr": {
        "date": "Date",
        "rules": "Version des règles",
        "amount": "Montant mensuel",
        "amounts": "Montants",
        "tests": "Critères",
        "missing": "Renseignements à obtenir",
        "gaps": "Valeurs non publiées (aucune valeur dans onestop)",
        "params": "Paramètres utilisés",
        "branches": "Choix effectués",
        "values": "Valeurs utilisées",
        "from": "en vigueur depuis",
        "confidence": "fiabilité",
        "yes": "respecté",
        "no": "non respecté",
        "unknown": "inconnu",
    },
}

_DECIMAL = re.compile(r"-?\d+\.\d+")
CONFIDENCE = {
    "en": {"high": "high", "medium": "medium", "low": "low"},
    "fr": {"high": "élevée", "medium": "moyenne", "low": "faible"},
}


def render_evaluation(evaluation: Evaluation, lang: str = "en") -> str:
    """The whole evaluation as text."""
    h = HEAD.get(lang, HEAD["en"])
    lines = [f"{h['date']}: {evaluation.date.isoformat()}  ({h['rules']}: {evaluation.rules_version[:19]}…)"]
    for result in evaluation.results:
        lines.append("")
        lines.extend(render_result(result, lang))
    return "\n".join(lines) + "\n"


def render_result(result: ProgramResult, lang: str = "en") -> list[str]:
    """One program's result as lines of text."""
    h = HEAD.get(lang, HEAD["en"])
    lines = [f"{result.program.label(lang)} ({result.program.id}): {word(result.status, lang).upper()}"]
    if result.monthly_amount is not None:
        lines.append(f"  {h['amount']}: {fmt(result.monthly_amount, Kind.MONEY, lang)} $")
    amounts = result.amounts
    if amounts:
        parts = [f"{_amount_label(result, n, lang)} {fmt(v, Kind.MONEY, lang)}" for n, v in amounts.items()]
        lines.append(f"  {h['amounts']}: " + "; ".join(parts))
    lines.append(f"  {h['tests']}:")
    for reason in result.reasons(lang):
        mark = {True: "✓", False: "✗", None: "?"}[reason["passed"]]
        state = h[{True: "yes", False: "no", None: "unknown"}[reason["passed"]]]
        ref = f" [{reason['reference']}]" if reason["reference"] else ""
        lines.append(f"    {mark} {reason['test']}: {state} ({reason['detail']}){ref}")
    if result.missing.inputs:
        lines.append(
            f"  {h['missing']}: " + ", ".join(_question(result, p, lang) for p in result.missing.inputs)
        )
    if result.missing.parameters:
        lines.append(f"  {h['gaps']}: " + "; ".join(result.gaps(lang)))
    lines.extend(_explanation_lines(result, lang, h))
    return lines


def _explanation_lines(result: ProgramResult, lang: str, h: dict[str, str]) -> list[str]:
    lines = []
    branches = result.branches(lang)
    if branches:
        lines.append(f"  {h['branches']}:")
        lines.extend(
            f"    {_label(result, b['variable'], lang)}: {b['condition']}? {_plain(b['holds'], lang)}"
            for b in branches
        )
    values = _values(result, lang)
    if values:
        lines.append(f"  {h['values']}: {values}")
    parameters = result.parameters_used(lang, copy=False)
    if parameters:
        lines.append(f"  {h['params']}:")
        for p in parameters:
            keys = "".join(f"[{k}]" for k in p["key_labels"])
            src = ", ".join(
                x for x in (p["source"]["title"], p["source"]["section"], p["source"]["url"]) if x
            )
            value = _local(p["value"], lang) if p["value"] is not None else word("unknown", lang)
            confidence = CONFIDENCE.get(lang, CONFIDENCE["en"])[p["confidence"]]
            lines.append(
                f"    {p['label']}{keys} = {value} ({h['from']} {p['effective']}, {h['confidence']} "
                f"{confidence}) — {src}"
            )
    return lines


def _values(result: ProgramResult, lang: str) -> str:
    """ "Label = value; ..." for every value used (enum values in words, person values by id)."""
    names = _labels(result, lang)
    as_text = _formatters(result, lang)
    unknown = word("unknown", lang)
    vals, ids, nodes = result.vals, result.case.person_ids, result.graph.nodes
    parts = []
    for i, name, _, _ in result.live_set.named:
        show = as_text[nodes[i].kind]
        value = vals[i + 1]
        if type(value) is list:
            shown = ", ".join(
                f"{pid}: {unknown if v is None else show(v)}" for pid, v in zip(ids, value, strict=True)
            )
            text = "{" + shown + "}"
        else:
            text = unknown if value is None else show(value)
        parts.append(f"{names.get(name) or name} = {text}")
    return "; ".join(parts)


def _formatters(result: ProgramResult, lang: str) -> dict[Kind, Callable[[Any], str]]:
    """How a known value of each kind reads in ``lang`` (as ``describe.fmt``), made once per program."""
    key = ("formatters", lang)
    table = result.program.cache.get(key)
    if table is None:
        words = result.graph.labels
        yes, no = word("yes", lang), word("no", lang)
        table = {kind: functools.partial(fmt, kind=kind, lang=lang, labels=words) for kind in Kind}
        table[Kind.BOOL] = lambda v: yes if v else no
        table[Kind.INT] = str
        if lang != "fr":
            table[Kind.MONEY] = format_cents
        result.program.cache[key] = table
    assert isinstance(table, dict)
    return table


def _labels(result: ProgramResult, lang: str) -> dict[str, str]:
    """Every variable's label in ``lang``, made once per program."""
    key = ("labels", lang)
    table = result.program.cache.get(key)
    if table is None:
        program = result.program
        table = {name: var.label(lang) for name, var in [*program.inputs.items(), *program.variables.items()]}
        program.cache[key] = table
    assert isinstance(table, dict)
    return table


def _label(result: ProgramResult, name: str, lang: str) -> str:
    return _labels(result, lang).get(name) or name


def _amount_label(result: ProgramResult, key: str, lang: str) -> str:
    """``subsidy.k`` (a person amount) reads "Subsidy per child [k]"."""
    name, _, pid = key.partition(".")
    if pid and name in result.graph.per_person:
        return f"{_label(result, name, lang)} [{pid}]"
    return _label(result, key, lang)


def _question(result: ProgramResult, path: str, lang: str) -> str:
    name = path.rsplit(".", 1)[-1]
    var = result.vocab.person.get(name) or result.vocab.unit.get(name)
    if var is None or var.question is None:
        return path
    return f"{path} ({var.question(lang)})"


def _plain(value: Any, lang: str) -> str:
    if type(value) is str:
        return value if lang != "fr" else _local(value, lang)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_plain(v, lang)}" for k, v in value.items()) + "}"
    if value is None:
        return word("unknown", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    return _local(value, lang)


def _local(value: Any, lang: str) -> str:
    """A wire value as written in ``lang`` (decimal comma in French)."""
    text = str(value)
    if lang == "fr" and isinstance(value, str) and _DECIMAL.fullmatch(text):
        return text.replace(".", ",")
    return text
