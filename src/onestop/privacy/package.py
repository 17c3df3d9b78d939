"""An access package: everything held about a person, gathered through the areas' own reads, and its
release as a PDF (the notices area's letter renderer) and a machine-readable JSON copy."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from onestop import audit
from onestop.access import Actor
from onestop.audit import AuditAction
from onestop.cases.client360 import Client360, Context, all_sections
from onestop.db import UnitOfWork
from onestop.notices import Letter, render_pdf
from onestop.privacy.disclosures import for_people
from onestop.privacy.domain import SECTIONS
from onestop.privacy.schemas import DisclosurePublic
from onestop.registry import PeopleRepository, to_public

#: Access history: the reads and changes of the file the audit log holds, up to this many, newest first.
ACCESS_HISTORY_MAX = 1000
PURPOSE = "privacy access request"
_TITLE = {
    "en": "Your information: what we hold about you",
    "fr": "Vos renseignements : ce que nous détenons à votre sujet",
}
_INTRO = {
    "en": (
        "You asked to see the information we hold about you. Here it is, section by section. "
        "Where we withheld something, the page says so and gives the reason. You can ask us to "
        "correct anything that is wrong."
    ),
    "fr": (
        "Vous avez demandé à voir les renseignements que nous détenons à votre sujet. Les voici, "
        "section par section. Quand nous avons retenu quelque chose, la page le dit et en donne la "
        "raison. Vous pouvez nous demander de corriger ce qui est inexact."
    ),
}
_LEGAL = {
    "en": (
        "Released under the access to information and protection of privacy legislation of your "
        "province. A machine-readable copy (JSON) comes with this letter."
    ),
    "fr": (
        "Communiqué en vertu de la loi sur l'accès à l'information et la protection de la vie privée "
        "de votre province. Une copie lisible par machine (JSON) accompagne cette lettre."
    ),
}


def assemble(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> dict[str, Any]:
    """The whole file as JSON-ready data: the client 360's sections (registry, units, applications,
    decisions with their explanations, benefits and payments, plans, referrals, documents, contacts)
    and the file's access history from the audit log. Call inside the caller's unit of work, after
    its permission check: the privacy office reads the file for the person, not for case work, so this
    does not ask for ``case:read``; the read is audited on the person with its purpose."""
    repo = PeopleRepository(uow.session)
    person = repo.survivor(repo.get(person_id))
    masked = to_public.person_public(repo, person)
    ctx = Context(
        session=uow.session,
        person_id=person.id,
        person_ids=(person.id, *masked.merged_ids),
        person=masked,
        today=uow.clock.today(),
        recent=500,
    )
    found = {name: provider(ctx) for name, provider in all_sections().items()}
    whole = Client360(person=masked, generated_at=uow.clock.now(), **found).model_dump(mode="json")
    audit.record(
        uow,
        actor=actor,
        action=AuditAction.PERSON_READ,
        subject_type="person",
        subject_id=person.id,
        purpose=PURPOSE,
    )
    events = audit.list_recent_events(
        uow.session, subject_type="person", subject_id=str(whole["person"]["id"]), limit=ACCESS_HISTORY_MAX
    )
    whole["access_history"] = [
        {
            "when": e.occurred_at.isoformat(),
            "who": e.actor_username,
            "action": e.action,
            "purpose": e.purpose,
            "outcome": e.outcome,
        }
        for e in events
    ]
    whole["consents"] = whole["person"].get("consents", [])
    whole["disclosures"] = [
        DisclosurePublic.model_validate(d).model_dump(mode="json") for d in for_people(uow, ctx.person_ids)
    ]
    return {name: whole.get(name, []) for name in SECTIONS}


def as_json(package: dict[str, Any], *, request_id: uuid.UUID, released_on: dt.date) -> bytes:
    """The machine-readable copy: stable key order, UTF-8."""
    doc = {"request_id": str(request_id), "released_on": released_on.isoformat(), "package": package}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True, default=str).encode("utf-8")


def as_pdf(package: dict[str, Any], *, reference: str, released_on: dt.date) -> bytes:
    """The package as a letter: a covering paragraph, then each section as indented lines."""
    person = package.get("person") or {}
    language = "fr" if person.get("language") == "fr" else "en"
    paragraphs = [_INTRO[language]]
    for section in SECTIONS:
        paragraphs.append(f"— {section.replace('_', ' ').upper()} —")
        paragraphs.extend(_lines(package.get(section)) or ["(none)"])
    for r in package.get("redactions", []):
        where = r["section"] if r["index"] is None else f"{r['section']} #{r['index'] + 1}"
        paragraphs.append(f"Withheld: {where} ({r['reason']})")
    letter = Letter(
        language=language, subject=_TITLE[language], paragraphs=paragraphs, legal=_LEGAL[language]
    )
    return render_pdf(letter, _address(person), reference=reference, dated=released_on.isoformat())


def _address(person: dict[str, Any]) -> list[str]:
    name = " ".join(p for p in (person.get("given_names"), person.get("family_name")) if p)
    current = [a for a in person.get("addresses", []) if isinstance(a, dict) and not a.get("removed_at")]
    if not current:
        return [name]
    a = current[0]
    return [
        name,
        a["line1"],
        *([a["line2"]] if a.get("line2") else []),
        f"{a['city']} {a['province']}  {a['postal_code']}",
    ]


def _lines(value: Any, depth: int = 0) -> list[str]:
    """Nested data as readable 'key: value' lines; empty values are left out."""
    pad = "    " * depth
    if isinstance(value, dict):
        out: list[str] = []
        for key, item in value.items():
            if item in (None, "", [], {}):
                continue
            if isinstance(item, (dict, list)):
                out.append(f"{pad}{key}:")
                out.extend(_lines(item, depth + 1))
            else:
                out.append(f"{pad}{key}: {item}")
        return out
    if isinstance(value, list):
        out = []
        for n, item in enumerate(value, start=1):
            out.append(f"{pad}#{n}")
            out.extend(_lines(item, depth + 1))
        return out
    return [] if value in (None, "") else [f"{pad}{value}"]
