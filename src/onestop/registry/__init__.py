"""The people registry: people, contacts, identifiers, flags, consents, benefit units, search, duplicates.

Other areas use these services and schemas; everything they return is masked.
"""

from onestop.registry.details import (
    add_address,
    add_email,
    add_identifier,
    add_phone,
    record_consent,
    remove_address,
    remove_contact,
    remove_safety_flag,
    set_safety_flag,
    withdraw_consent,
)
from onestop.registry.errors import (
    AlreadyMerged,
    LikelyDuplicates,
    PersonNotFound,
    RecordNotFound,
    UnitNotFound,
)
from onestop.registry.merging import current_record_id, merge_people, merged_record_ids, unmerge_people
from onestop.registry.services import (
    find_duplicates,
    get_person,
    register_person,
    reveal_identifier,
    search_people,
    update_person,
)
from onestop.registry.units import add_member, create_unit, end_membership, get_unit, list_person_units

__all__ = [
    "AlreadyMerged",
    "LikelyDuplicates",
    "PersonNotFound",
    "RecordNotFound",
    "UnitNotFound",
    "add_address",
    "add_email",
    "add_identifier",
    "add_member",
    "add_phone",
    "create_unit",
    "current_record_id",
    "end_membership",
    "find_duplicates",
    "get_person",
    "get_unit",
    "list_person_units",
    "merge_people",
    "merged_record_ids",
    "record_consent",
    "register_person",
    "remove_address",
    "remove_contact",
    "remove_safety_flag",
    "reveal_identifier",
    "search_people",
    "set_safety_flag",
    "unmerge_people",
    "update_person",
    "withdraw_consent",
]
