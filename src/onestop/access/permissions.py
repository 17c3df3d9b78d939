"""Roles and what each may do. Authority is configuration checked in services, never in the web layer."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field


class Role(enum.StrEnum):
    """Staff roles, as in the design's "who uses it" table."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    SPECIALIST = "specialist"
    FINANCE = "finance"
    # The privacy office (issue 20): access and correction requests, legal holds, destruction. Listed
    # before the administrator so set-ups that create one account per role in this order (the route
    # matrix) still do it during the bootstrap: the role is privileged (it reads files).
    PRIVACY = "privacy"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"
    # Writes the staff knowledge base (issue 18, part 5): drafts articles; another editor or a
    # supervisor publishes them. Reads no client file, so it is not privileged.
    KNOWLEDGE_EDITOR = "knowledge_editor"
    # A member of the public acting through the portal (clients area); never given to a staff account.
    CLIENT = "client"


class Permission(enum.StrEnum):
    """Fine-grained permissions; services ask for these, never for roles."""

    PERSON_READ = "person:read"
    PERSON_WRITE = "person:write"
    PERSON_MERGE = "person:merge"
    PERSON_REVEAL_IDENTIFIERS = "person:reveal_identifiers"  # see an unmasked SIN / health number
    PERSON_READ_HEALTH = "person:read_health"
    UNIT_READ = "unit:read"
    # Link a portal account to a registry record after checking the client's identity (issue #10).
    CLIENT_LINK = "client:link"
    UNIT_WRITE = "unit:write"
    STAFF_READ = "staff:read"
    STAFF_WRITE = "staff:write"
    AUDIT_READ = "audit:read"
    AUDIT_VERIFY = "audit:verify"
    RULES_EVALUATE = "rules:evaluate"
    MONEY_ISSUE = "money:issue"
    MONEY_APPROVE = "money:approve"
    MONEY_BATCH_BUILD = "money:batch_build"
    MONEY_BATCH_APPROVE = "money:batch_approve"
    MONEY_BATCH_EXPORT = "money:batch_export"
    MONEY_RECONCILE = "money:reconcile"
    MONEY_OVERPAYMENT_WRITE = "money:overpayment_write"
    MONEY_WRITE_OFF = "money:write_off"
    MONEY_BUDGET_READ = "money:budget_read"
    MONEY_BUDGET_WRITE = "money:budget_write"
    MONEY_INVOICE_WRITE = "money:invoice_write"
    MONEY_LEDGER_READ = "money:ledger_read"
    # Case work (issue #5): interactions, tasks, caseloads, referrals, plans, documents, client 360.
    CASE_READ = "case:read"
    CASE_WRITE = "case:write"
    CASE_CONFIGURE = "case:configure"  # the list of interaction reason codes
    TASK_ASSIGN = "task:assign"  # give a task to another officer or office
    CASELOAD_REASSIGN = "caseload:reassign"
    REFERRAL_WRITE = "referral:write"
    PLAN_WRITE = "plan:write"
    DOCUMENT_VERIFY = "document:verify"
    STATS_READ = "stats:read"
    # Case work, second half (issue #5): applications, decisions, reviews, investigations, appeals.
    APPLICATION_WRITE = "application:write"
    DECISION_MAKE = "decision:make"
    DECISION_OVERRIDE = "decision:override"  # change a computed result, always with a reason
    DECISION_APPROVE = "decision:approve"  # approve another officer's override (maker-checker)
    REVIEW_WRITE = "review:write"
    INVESTIGATION_WRITE = "investigation:write"
    APPEAL_WRITE = "appeal:write"
    BATCH_RUN = "batch:run"  # caseload re-assessment and policy simulation (issue 16)
    # Record and approve new parameter values between releases (issue 13, part 7; two people).
    POLICY_ADMINISTER = "policy:administer"
    # Flag a file restricted, lift it, review break-glass openings of restricted files (issue 10, part 4).
    PERSON_RESTRICT = "person:restrict"
    # Sponsors and projects, elected members' inquiries (issue 18).
    PARTNER_READ = "partner:read"
    PARTNER_WRITE = "partner:write"
    PARTNER_APPROVE = "partner:approve"  # approve and sign agreements with sponsors (maker-checker)
    INQUIRY_WRITE = "inquiry:write"
    # Privacy obligations (issue 20): requests, the release's second check, retention and destruction.
    PRIVACY_READ = "privacy:read"
    PRIVACY_REQUEST_WRITE = "privacy:request_write"
    PRIVACY_RELEASE_APPROVE = "privacy:release_approve"
    PRIVACY_RETENTION = "privacy:retention"
    PRIVACY_BREACH = "privacy:breach"  # assess, notify, follow up and close a breach (the privacy office)
    # The staff knowledge base (issue 18, part 5): read, draft an edit, publish another's draft.
    KNOWLEDGE_READ = "knowledge:read"
    KNOWLEDGE_WRITE = "knowledge:write"
    KNOWLEDGE_PUBLISH = "knowledge:publish"


_P = Permission
_FRONT_LINE = frozenset(
    {
        _P.PERSON_READ,
        _P.PERSON_WRITE,
        _P.PERSON_REVEAL_IDENTIFIERS,
        _P.PERSON_READ_HEALTH,
        _P.UNIT_READ,
        _P.UNIT_WRITE,
        _P.RULES_EVALUATE,
        _P.CLIENT_LINK,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: _FRONT_LINE,
    Role.SUPERVISOR: _FRONT_LINE | {_P.PERSON_MERGE, _P.STAFF_READ},
    Role.SPECIALIST: _FRONT_LINE,
    # Finance pays people: it needs names and units, not identifiers or health information.
    Role.FINANCE: frozenset({_P.PERSON_READ, _P.UNIT_READ}),
    Role.ADMINISTRATOR: frozenset(
        {_P.STAFF_READ, _P.STAFF_WRITE, _P.PERSON_MERGE, _P.PERSON_READ, _P.UNIT_READ, _P.RULES_EVALUATE}
    ),
    # Auditors read the trail and may verify it; they do not browse client files.
    Role.AUDITOR: frozenset({_P.AUDIT_READ, _P.AUDIT_VERIFY, _P.STAFF_READ}),
}


# Case work: front-line roles do it; supervisors also reassign work and see team statistics; finance
# and auditors do not browse case files.
_CASE_WORK = frozenset({_P.CASE_READ, _P.CASE_WRITE, _P.REFERRAL_WRITE, _P.PLAN_WRITE, _P.DOCUMENT_VERIFY})
for _role in (Role.OFFICER, Role.SPECIALIST, Role.SUPERVISOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _CASE_WORK
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.TASK_ASSIGN, _P.CASELOAD_REASSIGN, _P.STATS_READ}
ROLE_PERMISSIONS[Role.ADMINISTRATOR] |= {_P.STATS_READ, _P.CASE_CONFIGURE}
ROLE_PERMISSIONS[Role.ADMINISTRATOR] |= {_P.BATCH_RUN}  # batch (issue 16): runs and simulations
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.BATCH_RUN}  # batch (issue 16): runs and simulations
# Parameter overlays (issue 13, part 7): administrators record new rates; another administrator approves.
ROLE_PERMISSIONS[Role.ADMINISTRATOR] |= {_P.POLICY_ADMINISTER}


# Money (maker-checker): officers issue within authority, supervisors approve beyond it, finance runs
# batches (a different finance user approves than builds), administrators set budgets, auditors read.
_MONEY_OFFICER = frozenset(
    {_P.MONEY_ISSUE, _P.MONEY_OVERPAYMENT_WRITE, _P.MONEY_INVOICE_WRITE, _P.MONEY_BUDGET_READ}
)
_MONEY_SUPERVISOR = _MONEY_OFFICER | {_P.MONEY_APPROVE, _P.MONEY_WRITE_OFF, _P.MONEY_LEDGER_READ}
_MONEY_FINANCE = frozenset(
    {
        _P.MONEY_BATCH_BUILD,
        _P.MONEY_BATCH_APPROVE,
        _P.MONEY_BATCH_EXPORT,
        _P.MONEY_RECONCILE,
        _P.MONEY_INVOICE_WRITE,
        _P.MONEY_BUDGET_READ,
        _P.MONEY_LEDGER_READ,
    }
)
# Administrators hold program-level authority: they approve what is beyond a supervisor's limit.
_MONEY_ADMINISTRATOR = frozenset(
    {_P.MONEY_BUDGET_READ, _P.MONEY_BUDGET_WRITE, _P.MONEY_LEDGER_READ, _P.MONEY_APPROVE, _P.MONEY_WRITE_OFF}
)
_MONEY_AUDITOR = frozenset({_P.MONEY_LEDGER_READ, _P.MONEY_BUDGET_READ})
_MONEY_GRANTS = {
    Role.OFFICER: _MONEY_OFFICER,
    Role.SUPERVISOR: _MONEY_SUPERVISOR,
    # Specialists close investigations; a founded finding sets up the overpayment.
    Role.SPECIALIST: frozenset({_P.MONEY_OVERPAYMENT_WRITE}),
    Role.FINANCE: _MONEY_FINANCE,
    Role.ADMINISTRATOR: _MONEY_ADMINISTRATOR,
    Role.AUDITOR: _MONEY_AUDITOR,
}
for _role, _grant in _MONEY_GRANTS.items():
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _grant


# Applications, decisions, reviews, appeals: front-line work; supervisors approve overrides;
# investigations of alleged misuse belong to specialists and supervisors.
_DECIDING = frozenset(
    {_P.APPLICATION_WRITE, _P.DECISION_MAKE, _P.DECISION_OVERRIDE, _P.REVIEW_WRITE, _P.APPEAL_WRITE}
)
for _role in (Role.OFFICER, Role.SPECIALIST, Role.SUPERVISOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | _DECIDING
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.DECISION_APPROVE, _P.INVESTIGATION_WRITE}
ROLE_PERMISSIONS[Role.SPECIALIST] |= {_P.INVESTIGATION_WRITE}


# Restricted files (issue 10, part 4): supervisors flag them and review who broke the glass.
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.PERSON_RESTRICT}


# Partners (issue 18): officers negotiate and recommend projects and answer elected members'
# inquiries; supervisors and managers (administrators) approve and sign agreements with sponsors;
# finance reads projects it pays.
for _role in (Role.OFFICER, Role.SPECIALIST, Role.SUPERVISOR):
    ROLE_PERMISSIONS[_role] = ROLE_PERMISSIONS[_role] | {_P.PARTNER_READ, _P.PARTNER_WRITE, _P.INQUIRY_WRITE}
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.PARTNER_APPROVE}
ROLE_PERMISSIONS[Role.ADMINISTRATOR] |= {_P.PARTNER_READ, _P.PARTNER_APPROVE}
ROLE_PERMISSIONS[Role.FINANCE] |= {_P.PARTNER_READ}
# Privacy (issue 20): anyone at the counter logs a request; the privacy office works it (assembling a
# package reads the whole file for the person, under privacy:request_write, not case:read: the office
# does no case work), places legal holds and destroys what is due; a supervisor approves a release
# (never one they prepared).
ROLE_PERMISSIONS[Role.PRIVACY] = frozenset(
    {_P.PRIVACY_READ, _P.PRIVACY_REQUEST_WRITE, _P.PRIVACY_RETENTION, _P.PERSON_READ, _P.UNIT_READ}
)
for _role in (Role.OFFICER, Role.SPECIALIST, Role.SUPERVISOR):
    ROLE_PERMISSIONS[_role] |= {_P.PRIVACY_READ, _P.PRIVACY_REQUEST_WRITE}
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.PRIVACY_RELEASE_APPROVE}
# Breaches (issue 20, part 5): anyone who finds one reports it (privacy:request_write); the privacy office
# assesses it, writes to the person and the commissioner, follows up and closes it.
ROLE_PERMISSIONS[Role.PRIVACY] |= {_P.PRIVACY_BREACH}
# Knowledge base (issue 18, part 5): every staff role reads it; knowledge editors draft; another
# editor or a supervisor publishes a draft (never its author: maker-checker in the service).
ROLE_PERMISSIONS[Role.KNOWLEDGE_EDITOR] = frozenset(
    {_P.KNOWLEDGE_READ, _P.KNOWLEDGE_WRITE, _P.KNOWLEDGE_PUBLISH}
)
for _role in (Role.OFFICER, Role.SPECIALIST, Role.SUPERVISOR, Role.FINANCE, Role.ADMINISTRATOR, Role.AUDITOR):
    ROLE_PERMISSIONS[_role] |= {_P.KNOWLEDGE_READ}
ROLE_PERMISSIONS[Role.PRIVACY] |= {_P.KNOWLEDGE_READ}
ROLE_PERMISSIONS[Role.SUPERVISOR] |= {_P.KNOWLEDGE_PUBLISH}


# A portal client: exactly what the clients area's own use cases call other areas' services for
# (register themselves, a unit of their own, the screening answers, the application, sending a document,
# reading their applications and decisions). The clients area looks each record up through the account
# first, so a client reaches only their own; no identifiers, money, deciding or verifying.
ROLE_PERMISSIONS[Role.CLIENT] = frozenset(
    {_P.PERSON_WRITE, _P.UNIT_READ, _P.UNIT_WRITE, _P.CASE_READ, _P.CASE_WRITE, _P.APPLICATION_WRITE}
)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in staff member (or the system itself for jobs and the demo loader)."""

    staff_id: uuid.UUID | None
    username: str
    roles: frozenset[Role]
    office_id: uuid.UUID | None = None
    permissions: frozenset[Permission] = field(default=frozenset())

    @classmethod
    def for_roles(
        cls,
        staff_id: uuid.UUID | None,
        username: str,
        roles: frozenset[Role],
        office_id: uuid.UUID | None = None,
    ) -> Actor:
        """An actor with the union of its roles' permissions."""
        perms: frozenset[Permission] = frozenset().union(*(ROLE_PERMISSIONS[r] for r in roles))
        return cls(staff_id=staff_id, username=username, roles=roles, office_id=office_id, permissions=perms)

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        """The platform itself (migrations, demo loader, scheduled jobs): every permission."""
        return cls(staff_id=None, username=name, roles=frozenset(), permissions=frozenset(Permission))

    def can(self, permission: Permission) -> bool:
        """Whether this actor holds ``permission``."""
        return permission in self.permissions
