"""The people registry: people, contacts, identifiers, flags, consents, benefit units, search, duplicates.

Other areas use these services and schemas; everything they return is masked.
"""

# Importing these registers the file guards (conflicts of interest, restricted files) with access.
from onestop.registry import intake, restrictions, to_public
from onestop.registry.conflicts import link_staff_person, list_staff_links, unlink_staff_person
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
from onestop.registry.households import MemberRole
from onestop.registry.intake import ValidPerson
from onestop.registry.merging import current_record_id, merge_people, merged_record_ids, unmerge_people
from onestop.registry.models import (
    BenefitUnit,
    Consent,
    Person,
    PersonAddress,
    PersonContact,
    PersonIdentifier,
    PersonNameKey,
    PersonRestriction,
    SafetyFlag,
    UnitMembership,
)
from onestop.registry.namekeys import fold
from onestop.registry.repository import PeopleRepository, UnitRepository
from onestop.registry.restrictions import (
    BreakGlassPolicy,
    RestrictionKind,
    break_glass,
    lift_restriction,
    list_file_accesses,
    restrict_file,
    review_file_access,
)
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
    "BenefitUnit",
    "BreakGlassPolicy",
    "Consent",
    "LikelyDuplicates",
    "MemberRole",
    "PeopleRepository",
    "Person",
    "PersonAddress",
    "PersonContact",
    "PersonIdentifier",
    "PersonNameKey",
    "PersonNotFound",
    "PersonRestriction",
    "RecordNotFound",
    "RestrictionKind",
    "SafetyFlag",
    "UnitMembership",
    "UnitNotFound",
    "UnitRepository",
    "ValidPerson",
    "add_address",
    "add_email",
    "add_identifier",
    "add_member",
    "add_phone",
    "break_glass",
    "create_unit",
    "current_record_id",
    "end_membership",
    "find_duplicates",
    "fold",
    "get_person",
    "get_unit",
    "intake",
    "lift_restriction",
    "link_staff_person",
    "list_file_accesses",
    "list_person_units",
    "list_staff_links",
    "merge_people",
    "merged_record_ids",
    "record_consent",
    "register_person",
    "remove_address",
    "remove_contact",
    "remove_safety_flag",
    "restrict_file",
    "restrictions",
    "reveal_identifier",
    "review_file_access",
    "search_people",
    "set_safety_flag",
    "to_public",
    "unlink_staff_person",
    "unmerge_people",
    "update_person",
    "withdraw_consent",
]
