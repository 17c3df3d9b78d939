"""Interactions: every contact with a client (or an anonymous caller), inbound e-mails, call statistics."""

from onestop.cases.interactions.domain import DEFAULT_REASONS, Channel, Direction, Outcome, ReasonCode
from onestop.cases.interactions.errors import InteractionNotFound
from onestop.cases.interactions.models import Interaction, InteractionReason, ReasonCodeSetting
from onestop.cases.interactions.schemas import (
    CallStatistics,
    EmailReceived,
    FollowUpIn,
    InteractionAttach,
    InteractionCreate,
    InteractionPage,
    InteractionPublic,
    ReasonCodeIn,
    ReasonCodePublic,
    RecentContact,
)
from onestop.cases.interactions.services import (
    attach_interaction,
    get_interaction,
    list_interactions,
    list_unattached_emails,
    log_interaction,
    my_recent_contacts,
    receive_email,
)
from onestop.cases.interactions.stats import call_statistics, define_reason_code, list_reason_codes

__all__ = [
    "DEFAULT_REASONS",
    "CallStatistics",
    "Channel",
    "Direction",
    "EmailReceived",
    "FollowUpIn",
    "Interaction",
    "InteractionAttach",
    "InteractionCreate",
    "InteractionNotFound",
    "InteractionPage",
    "InteractionPublic",
    "InteractionReason",
    "Outcome",
    "ReasonCode",
    "ReasonCodeIn",
    "ReasonCodePublic",
    "ReasonCodeSetting",
    "RecentContact",
    "attach_interaction",
    "call_statistics",
    "define_reason_code",
    "get_interaction",
    "list_interactions",
    "list_reason_codes",
    "list_unattached_emails",
    "log_interaction",
    "my_recent_contacts",
    "receive_email",
]
