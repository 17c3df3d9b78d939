"""Words for values and formulas, in English and French, for explanations an officer reads aloud."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from onestop.rules.expr import COMPARISONS, Expr
from onestop.rules.types import Kind, Text
from onestop.rules.values import format_cents, format_rate

WORDS = {
    "en": {
        "yes": "yes",
        "no": "no",
        "unknown": "unknown",
        "eligible": "eligible",
        "ineligible": "not eligible",
        "undetermined": "undetermined",
        "and": "and",
        "or": "or",
        "not": "not",
        "sum": "total over members of",
        "count": "number of members for whom",
        "members": "number of members",
        "any": "any member with",
        "all": "every member with",
    },
    "fr": {
        "yes": "oui",
        "no": "non",
        "unknown": "inconnu",
        "eligible": "admissible",
        "ineligible": "non admissible",
        "undetermined": "indéterminé",
        "and": "et",
        "or": "ou",
        "not": "non",
        "sum": "total pour les membres de",
        "count": "nombre de membres pour qui",
        "members": "nombre de membres",
        "any": "un membre avec",
        "all": "chaque membre avec",
    },
}
ARITH = {"add": "+", "sub": "−", "mul": "×", "mulrate": "×", "mulrr": "×"}


def word(key: str, lang: str) -> str:
    """A fixed word in ``lang``."""
    return WORDS.get(lang, WORDS["en"])[key]


def fmt(value: Any, kind: Kind, lang: str = "en", labels: Mapping[str, Text] | None = None) -> str:
    """One value as text (money "824.00", rates "0.25", yes/no, an enum's words); lists are per member."""
    if isinstance(value, list):
        return "[" + ", ".join(fmt(v, kind, lang, labels) for v in value) + "]"
    if value is None:
        return word("unknown", lang)
    if kind is Kind.ENUM:
        return enum_words(value, lang, labels)
    if kind is Kind.MONEY:
        text = format_cents(value)
        return text.replace(".", ",") if lang == "fr" else text
    if kind is Kind.RATE:
        return format_rate(value)
    if kind is Kind.BOOL:
        return word("yes" if value else "no", lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def enum_words(code: Any, lang: str, labels: Mapping[str, Text] | None) -> str:
    """An enum code in words when the vocabulary gives them (``single_adult`` -> "single adult")."""
    text = labels.get(code) if labels else None
    return text(lang) if text is not None else str(code)


def wire(value: Any, kind: Kind) -> Any:
    """One value for JSON: money and rates as decimal strings, others as they are."""
    if isinstance(value, list):
        return [wire(v, kind) for v in value]
    if value is None:
        return None
    if kind is Kind.MONEY:
        return format_cents(value)
    if kind is Kind.RATE:
        return format_rate(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _money_wire(value: Any) -> Any:
    return None if value is None else format_cents(value)


def _rate_wire(value: Any) -> Any:
    return None if value is None else format_rate(value)


def _date_wire(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _plain_wire(value: Any) -> Any:
    return value


WIRE: dict[Kind, Any] = {Kind.MONEY: _money_wire, Kind.RATE: _rate_wire, Kind.DATE: _date_wire}


def wire_function(kind: Kind) -> Any:
    """The per-value JSON conversion for a kind (fast path of ``wire`` for lists)."""
    return WIRE.get(kind, _plain_wire)


def formula_text(
    node: Expr, lang: str = "en", depth: int = 0, labels: Mapping[str, Text] | None = None
) -> str:
    """A formula as readable text, with variable and parameter names (and enum values in words)."""
    op = node.op
    if op in ("var", "input"):
        return str(node.data.name)
    if op == "const":
        if node.kind is Kind.ENUM:
            return f'"{enum_words(node.data, lang, labels)}"'
        return fmt(node.data, node.kind, lang)
    if op == "param":
        return str(node.data.key)
    if op in ("lookup", "bracket"):
        keys = "".join(f"[{formula_text(k, lang, depth + 1, labels)}]" for k in node.args)
        return f"{node.data.key}{keys}"
    if op == "members":
        return word("members", lang)
    if op == "bcast":
        return formula_text(node.args[0], lang, depth, labels)
    inner = [formula_text(a, lang, depth + 1, labels) for a in node.args]
    if op in COMPARISONS or op in ARITH:
        text = f" {COMPARISONS.get(op) or ARITH[op]} ".join(inner)
    elif op in ("and", "or"):
        text = f" {word(op, lang)} ".join(inner)
    elif op == "not":
        text = f"{word('not', lang)} {inner[0]}"
    elif op in ("sum", "count", "any", "all"):
        text = f"{word(op, lang)} {inner[0]}"
    elif op == "div":
        text = f"{inner[0]} / {node.data}"
    elif op == "when":
        text = f"{inner[1]} if {inner[0]} else {inner[2]}"
    else:
        text = f"{op}({', '.join(inner)})"
    return f"({text})" if depth and len(node.args) > 1 else text
