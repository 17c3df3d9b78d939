"""The letter a decision sends: which kind, and the facts it fills in (queued with the decision).

Called by ``record_decision`` inside its transaction, so the letter exists exactly when the
decision does (design decision 13). The wording lives in ``onestop.notices.letters``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from onestop import notices
from onestop.access import Actor
from onestop.cases.decisions import gaps
from onestop.cases.decisions.domain import Action, Basis
from onestop.cases.decisions.models import Decision
from onestop.db import UnitOfWork

KINDS = {
    Action.GRANT: notices.Kind.DECISION_ELIGIBLE,
    Action.REFUSE: notices.Kind.DECISION_REFUSED,
    Action.CLOSE: notices.Kind.DECISION_REFUSED,
    Action.CHANGE: notices.Kind.BENEFIT_CHANGED,
    Action.SUSPEND: notices.Kind.SUSPENDED,
    Action.REINSTATE: notices.Kind.REINSTATED,
}
OUTCOME_WORDS = {
    "eligible": {"en": "You can get the benefit.", "fr": "Vous pouvez avoir l'aide."},
    "ineligible": {"en": "You cannot get the benefit.", "fr": "Vous ne pouvez pas avoir l'aide."},
    "suspended": {"en": "The benefit stays on hold.", "fr": "L'aide reste suspendue."},
}


def queue_decision_letter(uow: UnitOfWork, actor: Actor, row: Decision, previous: Decision | None) -> None:
    """Queue the letter for a new decision (a decision that changes nothing sends none)."""
    if row.basis == Basis.APPEAL.value:
        kind = notices.Kind.APPEAL_OUTCOME
    elif (found := KINDS.get(Action(row.action))) is not None:
        kind = found
    else:
        return
    notices.queue_notice(
        uow,
        person_id=row.applicant_id,
        kind=kind,
        params=decision_params(row, previous),
        subject_type="decision",
        subject_id=row.id,
        created_by=actor.username,
    )


def decision_params(row: Decision, previous: Decision | None) -> dict[str, Any]:
    """The facts of the letter, each language's wording where it differs."""
    explanation = row.explanation or {}
    result = explanation.get("result", {})
    reasons_en = [r for r in result.get("reasons", []) if r.get("passed") is False]
    reasons_fr = [r for r in explanation.get("reasons_fr", []) if r.get("passed") is False]
    references = sorted({str(r["reference"]) for r in reasons_en if r.get("reference")})
    appeal = row.appeal or {}
    source = appeal.get("source") or {}
    legal = "; ".join([*references, *([source["section"]] if source.get("section") else [])])
    params: dict[str, Any] = {
        "program": explanation.get("label") or {"en": row.program, "fr": row.program},
        "effective_from": notices.date(row.effective_from),
        "amount": notices.money(row.monthly_amount_cents or 0),
        "computation": _computation(row.amounts or {}),
        "reasons": {
            "en": "\n".join(f"- {r['test']}" for r in reasons_en) or "-",
            "fr": "\n".join(f"- {r['test']}" for r in reasons_fr) or "-",
        },
        "reason": {
            "en": row.override_reason or row.note or "-",
            "fr": row.override_reason or row.note or "-",
        },
        "outcome": OUTCOME_WORDS.get(row.outcome, {"en": row.outcome, "fr": row.outcome}),
        "appeal_body": appeal.get("body") or "-",
        "appeal_deadline": notices.date(row.appeal_deadline),
        "appeal_how": appeal.get("how") or "",
        "legal_source": legal or {"en": "the program's rules", "fr": "les règles du programme"},
        "other_help": [
            {
                "en": f"{h['name']['en']} ({', '.join(h['phones']) or h['agency']['en']})",
                "fr": f"{h['name']['fr']} ({', '.join(h['phones']) or h['agency']['fr']})",
            }
            for h in row.alternatives or []
        ],
        "office_phone": "1-800-555-0100",
    }
    entered = explanation.get("officer_values") or []
    if entered:  # deciding with a gap: the notice says which value an officer entered, and on what authority
        params["computation"] = {
            lang: f"{text}\n{gaps.letter_lines(entered, lang)}".strip()
            for lang, text in params["computation"].items()
        }
        params["reason"] = {lang: gaps.letter_lines(entered, lang) for lang in ("en", "fr")}
    if previous is not None and previous.monthly_amount_cents is not None:
        params["old_amount"] = notices.money(previous.monthly_amount_cents)
    return params


def _computation(amounts: dict[str, Any]) -> dict[str, str]:
    """Each named amount of the computation, as the rules engine named it."""
    lines: dict[str, list[str]] = {"en": [], "fr": []}
    for name, value in amounts.items():
        if value is None or "." in name:  # per-person amounts stay in the officer's view
            continue
        try:
            cents = int(Decimal(str(value)) * 100)
        except (InvalidOperation, ValueError):
            continue
        for lang, text in notices.money(cents).items():
            lines[lang].append(f"- {name.replace('_', ' ').capitalize()}: {text}")
    return {lang: "\n".join(found[:12]) or "-" for lang, found in lines.items()}
