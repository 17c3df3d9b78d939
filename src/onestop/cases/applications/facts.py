"""The case of an application: record and verify facts, assess on verified data, the document checklist.

A fact is verified by a verified document of a type that proves it (``checklist.EVIDENCE``), or is the
officer's own assessment where no document applies. Deciding uses only verified facts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.applications import checklist, domain
from onestop.cases.applications.casedata import CaseData, Fact, Member, assemble, explain_missing
from onestop.cases.applications.domain import FactPath, FactSource
from onestop.cases.applications.errors import DocumentNotUsable, FactNotFound
from onestop.cases.applications.models import Application, ApplicationFact
from onestop.cases.applications.repository import ApplicationRepository
from onestop.cases.applications.schemas import (
    Assessment,
    Checklist,
    ChecklistItemPublic,
    FactIn,
    FactPublic,
    FactVerify,
    MissingFact,
)
from onestop.cases.vocabulary import program_packs
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.text import clean_text
from onestop.db import UnitOfWork, expect_version
from onestop.jurisdictions import Entry, load_catalogue
from onestop.rules import ProgramResult

SUBJECT = "application"


def record_fact(uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, data: FactIn) -> FactPublic:
    """Record a value of the case (replacing the current one); verified when a proving document is given."""
    with uow:
        require(uow, actor, Permission.APPLICATION_WRITE, subject_type=SUBJECT, subject_id=application_id)
        repo = ApplicationRepository(uow.session)
        app = repo.get(application_id, for_update=True)
        domain.check_open_for_facts(app.status)
        path = domain.parse_path(data.path)
        domain.refuse_registry_path(path)
        members = repo.members(app.unit_id, uow.clock.today())
        _check_person(path, members)
        value = program_packs.normalise(
            program_packs.pack_of(app.jurisdiction), path, data.value, app.received_on
        )
        current = repo.current_fact(app.id, str(path))
        expect_version(current.version if current else 0, data.version, what="fact")
        fact = _new_fact(uow, actor, app, path, value, data, members)
        if current is not None:
            current.replaced_at, current.replaced_by = uow.clock.now(), actor.username
            uow.flush()  # the old value leaves the unique index before the new one enters it
        repo.add(fact)
        before = _fact_view(current) if current else None
        return _saved(uow, actor, AuditAction.APPLICATION_FACT_RECORD, app, fact, before)


def _new_fact(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    path: FactPath,
    value: object,
    data: FactIn,
    members: list[Member],
) -> ApplicationFact:
    types = checklist.accepted_types(path.name)
    source, verified, document_id = FactSource.OFFICER, False, None
    if data.document_id is not None:
        _usable(uow, app, path, data.document_id, types, members)
        verified, document_id = True, data.document_id
    elif types is None:
        source, verified = FactSource.ASSESSMENT, True  # the officer's assessment is the evidence
    now = uow.clock.now()
    return ApplicationFact(
        id=new_id(),
        application_id=app.id,
        path=str(path),
        value=value,
        source=source.value,
        note=clean_text(data.note) or None,
        recorded_by=actor.username,
        verified=verified,
        document_id=document_id,
        verified_by=actor.username if verified else None,
        verified_at=now if verified else None,
        created_at=now,
    )


def verify_fact(uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, data: FactVerify) -> FactPublic:
    """Verify the current value at a path with a verified document that proves it."""
    with uow:
        require(uow, actor, Permission.DOCUMENT_VERIFY, subject_type=SUBJECT, subject_id=application_id)
        repo = ApplicationRepository(uow.session)
        app = repo.get(application_id)
        domain.check_open_for_facts(app.status)
        path = domain.parse_path(data.path)
        fact = repo.current_fact(app.id, str(path))
        if fact is None:
            raise FactNotFound(f"the application has no value at {path}; record it first")
        expect_version(fact.version, data.version, what="fact")
        if fact.verified:
            raise InvalidTransition(f"{path} is already verified; record a new value to change it")
        members = repo.members(app.unit_id, uow.clock.today())
        _usable(uow, app, path, data.document_id, checklist.accepted_types(path.name), members)
        before = _fact_view(fact)
        fact.verified, fact.document_id = True, data.document_id
        fact.verified_by, fact.verified_at = actor.username, uow.clock.now()
        return _saved(uow, actor, AuditAction.APPLICATION_FACT_VERIFY, app, fact, before)


def _saved(
    uow: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    app: Application,
    fact: ApplicationFact,
    before: dict[str, object] | None,
) -> FactPublic:
    """End a change of a fact: the event is the application's (its trail is the case's), with the
    fact's value before and after; the fact's view is returned."""
    uow.flush()
    return audit.audited_write(
        uow,
        lambda: FactPublic.model_validate(fact),
        actor=actor,
        action=action,
        subject_type=SUBJECT,
        subject_id=app.id,
        before=before,
        after=_fact_view(fact),
    )


def _check_person(path: FactPath, members: list[Member]) -> None:
    if path.entity == "person" and path.person_id not in {str(m.person_id) for m in members}:
        raise InvalidInput("path", f"person {path.person_id} is not a current member of the unit")
    if path.entity == "person" and path.name == "age":
        member = next(m for m in members if str(m.person_id) == path.person_id)
        if member.birth_date is not None:
            raise InvalidInput("path", "the age comes from the date of birth in the registry")


def _usable(
    uow: UnitOfWork,
    app: Application,
    path: FactPath,
    document_id: uuid.UUID,
    types: tuple[str, ...] | None,
    members: list[Member],
) -> None:
    """A document proves a fact when verified, of a fitting type, and a member's (that person's)."""
    doc = ApplicationRepository(uow.session).document(document_id)
    if doc is None:
        raise DocumentNotUsable(f"no document with id {document_id}")
    if doc.status != "verified":
        raise DocumentNotUsable(f"the document is {doc.status}; verify it first")
    if doc.application_id is not None and doc.application_id != app.id:
        raise DocumentNotUsable("the document belongs to another application")
    owners = {path.person_id} if path.entity == "person" else {str(m.person_id) for m in members}
    if str(doc.person_id) not in owners:
        raise DocumentNotUsable("the document is not about this person (or not about a member of the unit)")
    if types is not None and doc.doc_type not in types:
        raise DocumentNotUsable(f"a {doc.doc_type} document does not prove {path.name} ({', '.join(types)})")


def list_facts(
    uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, history: bool = False
) -> list[FactPublic]:
    """The current facts of the case (or every value ever recorded)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=application_id)
        repo = ApplicationRepository(uow.session)
        app = repo.get(application_id)
        rows = repo.fact_history(app.id) if history else repo.current_facts(app.id)
        return audit.audited_read(
            uow,
            [FactPublic.model_validate(r) for r in rows],
            actor=actor,
            action=AuditAction.APPLICATION_FACTS_READ,
            subject_type=SUBJECT,
            subject_id=app.id,
            details={"history": history, "results": len(rows)},
        )


@dataclass
class LoadedCase:
    """An application's case on a date: members, the assembled data, the program's result."""

    members: list[Member]
    data: CaseData
    result: ProgramResult


def load_case(uow: UnitOfWork, app: Application, on: dt.date, *, verified_only: bool = True) -> LoadedCase:
    """Inside a caller's transaction: assemble the case on ``on`` and evaluate the program."""
    return _load_cases(uow, app, on, (verified_only,))[0]


def _load_cases(
    uow: UnitOfWork, app: Application, on: dt.date, verified_only: tuple[bool, ...]
) -> list[LoadedCase]:
    """The case assembled from one read of the members and facts, once per ``verified_only`` given
    (the assessment evaluates it on the verified facts and on everything recorded)."""
    repo = ApplicationRepository(uow.session)
    members = repo.members(app.unit_id, on)
    facts = [Fact(f.path, f.value, f.source, f.verified, f.document_id) for f in repo.current_facts(app.id)]
    pack, program = program_packs.program_of(app.program)
    loaded = []
    for only in verified_only:
        data = assemble(app.jurisdiction, on, members, facts, verified_only=only)
        loaded.append(LoadedCase(members, data, program_packs.evaluate(pack, program, data.mapping)))
    return loaded


def assess_application(
    uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, on: dt.date | None = None
) -> Assessment:
    """What the program says on the verified data today (and what it would say with everything recorded)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=application_id)
        app = ApplicationRepository(uow.session).get(application_id)
        day = on or uow.clock.today()
        case, everything = _load_cases(uow, app, day, (True, False))
        result = case.result.to_dict("en", explain=False)
        pack = program_packs.pack_of(app.jurisdiction)
        missing = [
            MissingFact(
                path=m["path"],
                problem=m["problem"],
                question={lang: program_packs.question(pack, m["path"], lang) for lang in ("en", "fr")},
            )
            for m in explain_missing(case.result.missing.inputs, case.data.unverified)
        ]
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.APPLICATION_ASSESS,
            subject_type=SUBJECT,
            subject_id=app.id,
            details={"status": case.result.status, "date": day},
        )
        uow.commit()
        return Assessment(
            application_id=app.id,
            program=app.program,
            date=day,
            rules_version=pack.version,
            case=case.data.mapping,
            provenance=case.data.provenance,
            status=case.result.status,
            monthly_amount=result["monthly_amount"],
            amounts=result["amounts"],
            missing=missing,
            missing_parameters=result["missing_parameters"],
            reasons=result["reasons"],
            status_with_unverified=everything.result.status,
            ignored=case.data.ignored,
        )


def _checklist(uow: UnitOfWork, app: Application) -> list[checklist.ChecklistItem]:
    repo = ApplicationRepository(uow.session)
    members = repo.members(app.unit_id, uow.clock.today())
    docs = repo.documents(app.id, [m.person_id for m in members])
    _pack, program = program_packs.program_of(app.program)
    person_inputs, unit_inputs = program_packs.inputs_used(program)
    entry = _catalogue_entry(app)
    lines = [audit.fields(d, "en", "fr") for d in entry.documents] if entry else []
    return checklist.build(members, person_inputs, unit_inputs, docs, lines)


def _catalogue_entry(app: Application) -> Entry | None:
    catalogue = load_catalogue(app.jurisdiction)
    return catalogue.get(app.program) if app.program in catalogue else None


def missing_documents(uow: UnitOfWork, app: Application) -> list[str]:
    """Inside a caller's transaction: the missing checklist items, as lines of English text."""
    out = []
    for item in checklist.missing(_checklist(uow, app)):
        who = f" (person {item.person_id})" if item.person_id else ""
        out.append(f"{item.label['en']}{who}: {item.status}")
    return out


def get_checklist(uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID) -> Checklist:
    """The documents the application needs, their status, and how to obtain the missing ones (EN/FR)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=application_id)
        app = ApplicationRepository(uow.session).get(application_id)
        items = [_item_public(i) for i in _checklist(uow, app)]
        entry = _catalogue_entry(app)
        how = entry.how_to_apply if entry else None
        missing = [i for i in items if i.status != "verified"]
        found = Checklist(
            application_id=app.id,
            program=app.program,
            items=items,
            missing=missing,
            how_to_apply=audit.fields(how, "en", "fr") if how else None,
        )
        return audit.audited_read(
            uow,
            found,
            actor=actor,
            action=AuditAction.APPLICATION_CHECKLIST,
            subject_type=SUBJECT,
            subject_id=app.id,
            details={"missing": len(missing)},
        )


def _item_public(item: checklist.ChecklistItem) -> ChecklistItemPublic:
    return ChecklistItemPublic(
        doc_type=item.doc_type,
        person_id=item.person_id,
        label=item.label,
        status=item.status,
        needed_for=item.needed_for,
        document_ids=item.document_ids,
        how_to_obtain=item.how_to_obtain,
        catalogue=item.catalogue,
    )


def _fact_view(fact: ApplicationFact) -> dict[str, object]:
    return audit.fields(fact, "path", "value", "source", "verified", "document_id")
