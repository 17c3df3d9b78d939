"""What a decision tells the client: the text (EN/FR), appeal rights, and other help when refused.

Pure apart from reading the catalogue. The engine's own explanation (tests, parameters with their
sources) is kept as rendered by the rules engine; this module adds the head and the tail.
"""

from __future__ import annotations

from typing import Any

from onestop.jurisdictions import Catalogue, Entry
from onestop.rules import Kind, fmt

WORDS = {
    "en": {
        "decision": "Decision",
        "from": "from",
        "eligible": "ELIGIBLE",
        "ineligible": "NOT ELIGIBLE",
        "suspended": "SUSPENDED",
        "grant": "granted",
        "refuse": "refused",
        "continue": "continued",
        "change": "changed",
        "close": "closed",
        "suspend": "suspended",
        "reinstate": "reinstated",
        "amount": "Monthly amount",
        "override": "Officer's override of the computed result",
        "computed": "computed",
        "reason": "Reason",
        "approved": "Approved by",
        "appeal": "If you disagree, you may appeal to",
        "by": "by",
        "days": "days",
        "help": "Other help you may ask for",
        "note": "Note",
    },
    "fr": {
        "decision": "Décision",
        "from": "à compter du",
        "eligible": "ADMISSIBLE",
        "ineligible": "NON ADMISSIBLE",
        "suspended": "SUSPENDUE",
        "grant": "accordée",
        "refuse": "refusée",
        "continue": "maintenue",
        "change": "modifiée",
        "close": "fermée",
        "suspend": "suspendue",
        "reinstate": "rétablie",
        "amount": "Montant mensuel",
        "override": "Dérogation de l'agent au résultat calculé",
        "computed": "calculé",
        "reason": "Motif",
        "approved": "Approuvée par",
        "appeal": "Si vous êtes en désaccord, vous pouvez faire appel auprès de",
        "by": "au plus tard le",
        "days": "jours",
        "help": "Autres aides que vous pouvez demander",
        "note": "Remarque",
    },
}


def alternatives(
    catalogue: Catalogue, program: str, always_tags: tuple[str, ...], limit: int
) -> list[dict[str, Any]]:
    """Catalogue entries sharing a tag with the program (plus general help), most urgent first."""
    tags = set(catalogue.get(program).tags) if program in catalogue else set()
    wanted = tags | set(always_tags)
    found = [e for e in catalogue if e.id != program and wanted & set(e.tags)]
    found.sort(key=lambda e: (e.screening.priority if e.screening else 9, -len(tags & set(e.tags))))
    return [_resource(e, sorted(wanted & set(e.tags))) for e in found[:limit]]


def _resource(entry: Entry, tags: list[str]) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": {"en": entry.name.en, "fr": entry.name.fr},
        "how_to_apply": {"en": entry.how_to_apply.en, "fr": entry.how_to_apply.fr},
        "agency": {"en": entry.agency.name.en, "fr": entry.agency.name.fr},
        "phones": [c.value for c in entry.agency.phones()],
        "because": tags,
    }


def text(
    lang: str,
    head: dict[str, Any],
    engine_text: str,
    appeal: dict[str, Any] | None,
    help_: list[dict[str, Any]],
) -> str:
    """The decision as the client and a reviewer read it, in ``lang``."""
    w = WORDS[lang]
    lines = [
        f"{w['decision']} {head['seq']} — {head['label'][lang]}: {w[head['outcome']]} "
        f"({w[head['action']]}) {w['from']} {head['effective_from']}"
    ]
    if head["monthly_amount_cents"] is not None:
        lines.append(f"{w['amount']}: {fmt(head['monthly_amount_cents'], Kind.MONEY, lang)} $")
    if head["overridden"]:
        computed = head["computed_status"] or "-"
        cents = head["computed_monthly_cents"]
        amount = f", {fmt(cents, Kind.MONEY, lang)} $" if cents is not None else ""
        lines.append(
            f"{w['override']} ({w['computed']}: {computed}{amount}). {w['reason']}: {head['override_reason']}"
        )
        if head.get("approved_by"):
            lines.append(f"{w['approved']}: {head['approved_by']}")
    if head.get("note"):
        lines.append(f"{w['note']}: {head['note']}")
    lines.extend(["", engine_text.rstrip()])
    if appeal:
        lines.extend(
            [
                "",
                f"{w['appeal']} {appeal['body'][lang]} {w['by']} {appeal['deadline']} "
                f"({appeal['days']} {w['days']}). {appeal['how'][lang]}",
            ]
        )
    if help_:
        lines.extend(["", f"{w['help']}:"])
        lines.extend(f"  - {r['name'][lang]} ({', '.join(r['phones']) or r['agency'][lang]})" for r in help_)
    return "\n".join(lines) + "\n"
