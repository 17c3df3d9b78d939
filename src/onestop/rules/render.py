"""Explanations as plain text in English or French, for an officer to read to a client."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from onestop.rules.describe import fmt, word
from onestop.rules.types import Kind

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
    ex = result.explanation(lang)
    lines = []
    if ex["branches"]:
        lines.append(f"  {h['branches']}:")
        lines.extend(
            f"    {_label(result, b['variable'], lang)}: {b['condition']}? {_plain(b['holds'], lang)}"
            for b in ex["branches"]
        )
    if ex["values"]:
        words = ex["labels"]
        lines.append(
            f"  {h['values']}: "
            + "; ".join(
                f"{_label(result, k, lang)} = {_plain(words.get(k, v), lang)}"
                for k, v in ex["values"].items()
            )
        )
    if ex["parameters"]:
        lines.append(f"  {h['params']}:")
        for p in ex["parameters"]:
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


def _label(result: ProgramResult, name: str, lang: str) -> str:
    var = result.program.find(name)
    return var.label(lang) if var else name


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
