"""Referrals to specialists and agencies under the client's consent, and case conferences."""

from onestop.cases.referrals.conferences import list_conferences, record_conference
from onestop.cases.referrals.domain import DataCategory, ReferralStatus, TargetKind
from onestop.cases.referrals.errors import ConferenceNotFound, ReferralNotFound
from onestop.cases.referrals.models import CaseConference, ConferenceParticipant, Referral
from onestop.cases.referrals.repository import ReferralRepository
from onestop.cases.referrals.schemas import (
    ConferenceCreate,
    ConferencePublic,
    ParticipantIn,
    ReferralCreate,
    ReferralPublic,
    ReferralStatusChange,
)
from onestop.cases.referrals.services import (
    change_referral_status,
    get_referral,
    list_incoming_referrals,
    list_referrals,
    refer,
)

__all__ = [
    "CaseConference",
    "ConferenceCreate",
    "ConferenceNotFound",
    "ConferenceParticipant",
    "ConferencePublic",
    "DataCategory",
    "ParticipantIn",
    "Referral",
    "ReferralCreate",
    "ReferralNotFound",
    "ReferralPublic",
    "ReferralRepository",
    "ReferralStatus",
    "ReferralStatusChange",
    "TargetKind",
    "change_referral_status",
    "get_referral",
    "list_conferences",
    "list_incoming_referrals",
    "list_referrals",
    "record_conference",
    "refer",
]
