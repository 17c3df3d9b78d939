"""The screening as text an officer can read to a client, in English or French."""

from __future__ import annotations

from typing import TYPE_CHECKING

from onestop.screening.domain import LABELS, Status

if TYPE_CHECKING:
    from onestop.screening.screener import Screening

_HEAD = {
    "en": ("Screening for {j} on {d}", "Ask next", "URGENT", "Contact", "Not eligible because", "Notes"),
    "fr": (
        "Présélection pour {j} au {d}",
        "Questions à poser",
        "URGENT",
        "Joindre",
        "Non admissible parce que",
        "Notes",
    ),
}


def render_screening(screening: Screening, lang: str = "en") -> str:
    """Numbered programs, most urgent and likely first, then the questions to ask next."""
    title, ask, urgent, contact, because, notes = _HEAD["fr" if lang == "fr" else "en"]
    lines = [title.format(j=screening.jurisdiction, d=screening.date.isoformat()), ""]
    if screening.questions:
        lines.append(f"{ask}:")
        lines += [f"  - {'[!] ' if q.urgent else ''}{q.text}  [{q.input}]" for q in screening.questions[:10]]
        lines.append("")
    for n, item in enumerate(screening.items, 1):
        flag = f"{urgent} " if item.urgent else ""
        amount = f" - {item.monthly_amount} $" if item.monthly_amount else ""
        lines.append(
            f"{n:2}. {flag}{item.entry.name(lang)} ({item.entry.id}): {LABELS[item.status][lang]}{amount}"
        )
        if item.status is Status.NOT_ELIGIBLE:
            lines += [f"      {because}: {r}" for r in item.reasons]
        else:
            lines += [f"      {r}" for r in item.reasons]
            lines += [f"      ? {q.text}" for q in item.questions[:3]]
        lines += [f"      {notes}: {note}" for note in item.notes]
        if item.status is not Status.NOT_ELIGIBLE:
            reach = [
                c.label(lang) if c.kind.value == "routing" and c.label else c.value
                for c in item.entry.agency.contacts
                if c.kind.value in ("phone", "web", "routing")
            ][:2]
            lines.append(f"      {contact}: {item.entry.agency.name(lang)} - {'; '.join(reach)}")
    return "\n".join(lines)
