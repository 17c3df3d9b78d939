"""/api/people: register, read, update, search, check duplicates, reveal, merge, and sub-resources.

A search by SIN or phone is posted (`POST /api/people/search`): never in a query string.

Routes parse, call one registry service, and return its (masked) result.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import Query, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

from onestop import clients, registry
from onestop.common.errors import InvalidInput
from onestop.registry import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(prefix="/people", tags=["people"])

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


router.service_get(
    "/{person_id}",
    registry.get_person,
    "read",
    "A person's file, masked; the read is audited with its purpose.",
    query=("purpose",),
)


@router.patch("/{person_id}", response_model=s.PersonPublic)
def update(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.PersonUpdate) -> s.PersonPublic:
    """Change core details; send the `version` you read (409 if someone changed it since)."""
    return registry.update_person(uow, actor=actor, person_id=person_id, changes=body)


router.service_post(
    "/{person_id}/reveal",
    registry.reveal_identifier,
    "reveal",
    "See a SIN or health number unmasked; needs the permission and a reason (audited).",
    body=s.RevealRequest,
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


router.service_get(
    "/{person_id}/portal-accounts",
    clients.list_portal_accounts,
    "portal_accounts",
    "The portal accounts on this person's records, with the identity check of the linked ones.",
)


router.service_post(
    "/{person_id}/portal-accounts",
    clients.link_portal_account,
    "link_portal_account",
    "Link a portal account to this person, recording the identity document seen (audited).",
    body=PortalLinkIn,
)

router.service_post(
    "/{person_id}/portal-accounts/{account_id}/unlink",
    clients.unlink_portal_account,
    "unlink_portal_account",
    "The portal account stops reaching this person's file (audited with the reason).",
    body=s.ReasonIn,
)


@router.post("/{person_id}/unmerge", response_model=s.PersonPublic)
def unmerge(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, body: s.ReasonIn) -> s.PersonPublic:
    """Undo the merge of this (merged) record."""
    return registry.unmerge_people(uow, actor=actor, merged_id=person_id, reason=body.reason)


router.service_get(
    "/{person_id}/units",
    registry.list_person_units,
    "units",
    "Every benefit unit the person has belonged to.",
)


# ---- contacts, addresses, identifiers, flags, consents (removal keeps history) -------------


router.service_post(
    "/{person_id}/phones", registry.add_phone, "add_phone", "Add a phone number.", created=True
)

router.service_post(
    "/{person_id}/emails", registry.add_email, "add_email", "Add an e-mail address.", created=True
)

router.service_delete(
    "/{person_id}/contacts/{contact_id}",
    registry.remove_contact,
    "remove_contact",
    "Mark a phone or e-mail as no longer valid (kept in history).",
)

router.service_post(
    "/{person_id}/addresses", registry.add_address, "add_address", "Add an address.", created=True
)

router.service_delete(
    "/{person_id}/addresses/{address_id}",
    registry.remove_address,
    "remove_address",
    "End an address (kept in history).",
)


router.service_post(
    "/{person_id}/identifiers",
    registry.add_identifier,
    "add_identifier",
    "Add a SIN or health number (stored encrypted, returned masked).",
    created=True,
    body=s.IdentifierIn,
)


router.service_post(
    "/{person_id}/flags", registry.set_safety_flag, "set_flag", "Raise a safety flag.", created=True
)


router.service_post(
    "/{person_id}/flags/{flag_id}/remove",
    registry.remove_safety_flag,
    "remove_flag",
    "Remove a safety flag, with a reason (the flag stays in history).",
    body=s.ReasonIn,
)


router.service_post(
    "/{person_id}/consents",
    registry.record_consent,
    "record_consent",
    "Record a consent to share with a program or agency.",
    created=True,
)

router.service_post(
    "/{person_id}/consents/{consent_id}/withdraw",
    registry.withdraw_consent,
    "withdraw_consent",
    "Withdraw a consent (the record stays).",
)
