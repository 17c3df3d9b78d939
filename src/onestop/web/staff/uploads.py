"""The application page's one-form upload: the files the client brought, each optionally verified at
once ("I have seen the originals") with the facts it proves.

Each step is its owning service's own call and transaction (no service uploads, verifies and proves
in one transaction yet), so the form fails safe instead: everything that can be checked is checked
before the first file is stored, and a step refused after that stops the rest and the page lists
what was done, file by file.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from starlette.requests import Request

from onestop.access import Actor
from onestop.cases.applications import FactVerify, get_application, get_checklist, list_facts, verify_fact
from onestop.cases.documents import DocumentVerify, upload_document, verify_document
from onestop.cases.documents.domain import check_agency, check_upload, document_type, verification_method
from onestop.common.errors import DomainError, InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages, questions
from onestop.web.staff import labels

NOT_PROVED = N_("This document does not prove: %(fact)s")
NOT_RECORDED = N_("Record it first, then upload the document that proves it: %(fact)s")
TWICE = N_("Two files are said to prove it; tick it for one only: %(fact)s")


@dataclass
class Item:
    """One chosen file: the checklist item it answers and the facts the officer ticked."""

    doc_type: str
    person_id: str
    content: bytes
    filename: str | None
    use_for: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Where the page shows this file's problem (next to its checklist item)."""
        return f"upload-{self.doc_type}"


class StepRefused(Exception):
    """A step refused after others were done: which file, and the problem in the reader's words."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key, self.message = key, message


def check(
    request: Request, uow: UnitOfWork, actor: Actor, aid: uuid.UUID, items: list[Item], method: str
) -> None:
    """Everything that can be known before storing anything; raises InvalidInput (with the item's key)."""
    max_bytes = request.app.state.container.settings.max_upload_bytes
    if method:
        check_agency(verification_method(method), None)
    jurisdiction = get_application(uow, actor=actor, application_id=aid).jurisdiction
    needed: dict[str, set[str]] = {}
    for entry in get_checklist(uow, actor=actor, application_id=aid).items:
        needed.setdefault(entry.doc_type, set()).update(entry.needed_for)
    recorded = {f.path for f in list_facts(uow, actor=actor, application_id=aid)}
    claimed: set[str] = set()
    for item in items:
        try:
            document_type(item.doc_type)
            uuid.UUID(item.person_id)
            check_upload(item.content, max_bytes=max_bytes)
            for path in item.use_for:
                what = _question(request, jurisdiction, path)
                _check_fact(request, path, what, needed.get(item.doc_type, set()), recorded, claimed)
        except (InvalidInput, ValueError) as err:
            problem = err.problem if isinstance(err, InvalidInput) else N_("Choose whose document it is.")
            raise InvalidInput(item.key, problem) from None


def _check_fact(
    request: Request, path: str, what: str, needed: set[str], recorded: set[str], claimed: set[str]
) -> None:
    """A ticked fact must be one this kind of document proves, recorded, and ticked for one file only."""
    for problem, refused in (
        (NOT_PROVED, path not in needed),
        (NOT_RECORDED, path not in recorded),
        (TWICE, path in claimed),
    ):
        if refused:
            raise InvalidInput("use_for", pages.gettext(request, problem, fact=what))
    claimed.add(path)


def _question(request: Request, jurisdiction: str, path: str) -> str:
    """The fact as the page asks it (its path when the pack does not know it)."""
    try:
        return questions.field_for(jurisdiction, path, pages.language_of(request)).text
    except (InvalidInput, KeyError):
        return path


def run(
    request: Request, uow: UnitOfWork, actor: Actor, aid: uuid.UUID, items: list[Item], method: str
) -> None:
    """Upload, verify and prove, file by file; every step done is flashed, a refusal stops the rest."""
    facts = {f.path: f for f in list_facts(uow, actor=actor, application_id=aid)}
    for item in items:
        name = labels.translated(request, labels.DOCUMENT_TYPES).get(item.doc_type, item.doc_type)
        try:
            _one(
                request,
                uow,
                actor,
                aid,
                item,
                method,
                name,
                [p for p in item.use_for if not facts[p].verified],
            )
        except DomainError as err:
            problem = pages.gettext(request, err.problem if isinstance(err, InvalidInput) else err.message)
            message = pages.gettext(
                request, N_("%(document)s: stopped here: %(problem)s"), document=name, problem=problem
            )
            raise StepRefused(item.key, message) from None


def _one(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    aid: uuid.UUID,
    item: Item,
    method: str,
    name: str,
    prove: list[str],
) -> None:
    container = request.app.state.container
    session = pages.session_of(request)
    doc = upload_document(
        uow,
        actor=actor,
        storage=container.storage,
        max_bytes=container.settings.max_upload_bytes,
        person_id=uuid.UUID(item.person_id),
        doc_type=item.doc_type,
        filename=item.filename,
        data=item.content,
        application_id=aid,
    )
    session.flash(pages.gettext(request, N_("%(document)s: uploaded."), document=name), "success")
    if not method:
        return
    verify_document(uow, actor=actor, document_id=doc.id, data=DocumentVerify(method=method))
    session.flash(pages.gettext(request, N_("%(document)s: verified."), document=name), "success")
    for path in prove:
        verify_fact(uow, actor=actor, application_id=aid, data=FactVerify(path=path, document_id=doc.id))
    if prove:
        text = pages.gettext(
            request, N_("%(document)s: facts verified with it: %(count)s"), document=name, count=len(prove)
        )
        session.flash(text, "success")
