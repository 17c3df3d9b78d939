"""/api/people: register, read, update, search, check duplicates, reveal, merge, and sub-resources.

A search by SIN or phone is posted (`POST /api/people/search`): never in a query string.

Routes parse, call one registry service, and return its (masked) result.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from onestop import clients, registry
from onestop.common.errors import InvalidInput
from onestop.registry import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/people", tags=["people"])

_DUPLICATES: dict[int | str, dict[str, Any]] = {
    409: {"description": "Possible duplicates: `matches` lists them; re-submit with a decision"}
}


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.PersonPublic, responses=_DUPLICATES)
def register(uow: UowDep, actor: CurrentActor, body: s.PersonRegistration) -> s.PersonPublic | JSONResponse:
    """Register a person; 409 with the possible duplicates unless `duplicate_decision` is given."""
    data = s.PersonCreate.model_validate(body.model_dump(exclude={"duplicate_decision"}))
    try:
        return registry.register_person(
            uow, actor=actor, data=data, duplicate_decision=body.duplicate_decision
        )
    except registry.LikelyDuplicates as err:
        content = {"detail": err.message, "matches": jsonable_encoder(err.matches)}
        return JSONResponse(content, status_code=status.HTTP_409_CONFLICT)


#: Criteria refused in a query string: an address is written to access logs, proxies and histories.
_BODY_ONLY = ("sin", "phone")


@router.get("", response_model=list[s.SearchHit])
def search(
    uow: UowDep,
    actor: CurrentActor,
    request: Request,
    name: str | None = None,
    birth_date: dt.date | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[s.SearchHit]:
    """Fuzzy search by name or birth date; a SIN or phone goes in the body of `POST /api/people/search`."""
    for field in _BODY_ONLY:
        if field in request.query_params:
            raise InvalidInput(
                field, "must not be sent in the address (it would be logged): use POST /api/people/search"
            )
    query = s.SearchQuery(name=name, birth_date=birth_date, limit=limit)
    return registry.search_people(uow, actor=actor, query=query)


@router.post("/search", response_model=list[s.SearchHit])
def search_posted(uow: UowDep, actor: CurrentActor, body: s.SearchQuery) -> list[s.SearchHit]:
    """Search by name, birth date, SIN (exact) or phone, sent in the body; results masked and scored."""
    return registry.search_people(uow, actor=actor, query=body)


@router.post("/duplicates", response_model=list[s.DuplicateMatch])
def duplicates(uow: UowDep, actor: CurrentActor, body: s.PersonCreate) -> list[s.DuplicateMatch]:
    """Check for possible duplicates without registering."""
    return registry.find_duplicates(uow, actor=actor, candidate=body)


@router.get("/{person_id}", response_model=s.PersonPublic)
def read(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, purpose: str = "file view"
) -> s.PersonPublic:
    """A person's file, masked; the read is audited with its purpose."""
    return registry.get_person(uow, actor=actor, person_id=person_id, purpose=purpose)


@router.patch("/{person_id}", response_model=s.PersonPublic)
def update(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.PersonUpdate) -> s.PersonPublic:
    """Change core details; send the `version` you read (409 if someone changed it since)."""
    return registry.update_person(uow, actor=actor, person_id=person_id, changes=body)


@router.post("/{person_id}/reveal", response_model=s.Revealed)
def reveal(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.RevealRequest) -> s.Revealed:
    """See a SIN or health number unmasked; needs the permission and a reason (audited)."""
    return registry.reveal_identifier(
        uow, actor=actor, person_id=person_id, kind=body.kind, reason=body.reason, province=body.province
    )


@router.post("/{person_id}/merge", response_model=s.PersonPublic)
def merge(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.MergeRequest) -> s.PersonPublic:
    """Merge `merged_id` into this person (the survivor); 409 naming the merged record's portal accounts
    unless `portal_accounts` says what becomes of them (`keep` with the survivor, or `unlink`)."""
    return clients.merge_records(
        uow,
        actor=actor,
        survivor_id=person_id,
        merged_id=body.merged_id,
        reason=body.reason,
        portal_accounts=body.portal_accounts,
    )


class PortalLinkIn(BaseModel):
    """Link a portal account (by its e-mail address) after seeing an identity document."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    email: str
    document_type: str
    last_digits: str


@router.get("/{person_id}/portal-accounts", response_model=list[clients.PortalAccountLink])
def portal_accounts(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID
) -> list[clients.PortalAccountLink]:
    """The portal accounts on this person's records, with the identity check of the linked ones."""
    return clients.list_portal_accounts(uow, actor=actor, person_id=person_id)


@router.post("/{person_id}/portal-accounts", response_model=clients.PortalAccountLink)
def link_portal_account(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: PortalLinkIn
) -> clients.PortalAccountLink:
    """Link a portal account to this person, recording the identity document seen (audited)."""
    return clients.link_portal_account(
        uow,
        actor=actor,
        person_id=person_id,
        email=body.email,
        document_type=body.document_type,
        last_digits=body.last_digits,
    )


@router.post("/{person_id}/portal-accounts/{account_id}/unlink", response_model=clients.PortalAccountLink)
def unlink_portal_account(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, account_id: uuid.UUID, body: s.ReasonIn
) -> clients.PortalAccountLink:
    """The portal account stops reaching this person's file (audited with the reason)."""
    return clients.unlink_portal_account(
        uow, actor=actor, person_id=person_id, account_id=account_id, reason=body.reason
    )


@router.post("/{person_id}/unmerge", response_model=s.PersonPublic)
def unmerge(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.ReasonIn) -> s.PersonPublic:
    """Undo the merge of this (merged) record."""
    return registry.unmerge_people(uow, actor=actor, merged_id=person_id, reason=body.reason)


@router.get("/{person_id}/units", response_model=list[s.UnitPublic])
def units(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[s.UnitPublic]:
    """Every benefit unit the person has belonged to."""
    return registry.list_person_units(uow, actor=actor, person_id=person_id)


# ---- contacts, addresses, identifiers, flags, consents (removal keeps history) -------------


@router.post("/{person_id}/phones", status_code=201, response_model=s.ContactPublic)
def add_phone(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.PhoneIn) -> s.ContactPublic:
    """Add a phone number."""
    return registry.add_phone(uow, actor=actor, person_id=person_id, data=body)


@router.post("/{person_id}/emails", status_code=201, response_model=s.ContactPublic)
def add_email(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.EmailIn) -> s.ContactPublic:
    """Add an e-mail address."""
    return registry.add_email(uow, actor=actor, person_id=person_id, data=body)


@router.delete("/{person_id}/contacts/{contact_id}", response_model=s.ContactPublic)
def remove_contact(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, contact_id: uuid.UUID
) -> s.ContactPublic:
    """Mark a phone or e-mail as no longer valid (kept in history)."""
    return registry.remove_contact(uow, actor=actor, person_id=person_id, contact_id=contact_id)


@router.post("/{person_id}/addresses", status_code=201, response_model=s.AddressPublic)
def add_address(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.AddressIn) -> s.AddressPublic:
    """Add an address."""
    return registry.add_address(uow, actor=actor, person_id=person_id, data=body)


@router.delete("/{person_id}/addresses/{address_id}", response_model=s.AddressPublic)
def remove_address(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, address_id: uuid.UUID
) -> s.AddressPublic:
    """End an address (kept in history)."""
    return registry.remove_address(uow, actor=actor, person_id=person_id, address_id=address_id)


@router.post("/{person_id}/identifiers", status_code=201, response_model=s.IdentifierPublic)
def add_identifier(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.IdentifierIn
) -> s.IdentifierPublic:
    """Add a SIN or health number (stored encrypted, returned masked)."""
    return registry.add_identifier(
        uow, actor=actor, person_id=person_id, kind=body.kind, number=body.number, province=body.province
    )


@router.post("/{person_id}/flags", status_code=201, response_model=s.FlagPublic)
def set_flag(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.FlagCreate) -> s.FlagPublic:
    """Raise a safety flag."""
    return registry.set_safety_flag(uow, actor=actor, person_id=person_id, data=body)


@router.post("/{person_id}/flags/{flag_id}/remove", response_model=s.FlagPublic)
def remove_flag(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, flag_id: uuid.UUID, body: s.ReasonIn
) -> s.FlagPublic:
    """Remove a safety flag, with a reason (the flag stays in history)."""
    return registry.remove_safety_flag(
        uow, actor=actor, person_id=person_id, flag_id=flag_id, reason=body.reason
    )


@router.post("/{person_id}/consents", status_code=201, response_model=s.ConsentPublic)
def record_consent(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.ConsentCreate
) -> s.ConsentPublic:
    """Record a consent to share with a program or agency."""
    return registry.record_consent(uow, actor=actor, person_id=person_id, data=body)


@router.post("/{person_id}/consents/{consent_id}/withdraw", response_model=s.ConsentPublic)
def withdraw_consent(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, consent_id: uuid.UUID
) -> s.ConsentPublic:
    """Withdraw a consent (the record stays)."""
    return registry.withdraw_consent(uow, actor=actor, person_id=person_id, consent_id=consent_id)
