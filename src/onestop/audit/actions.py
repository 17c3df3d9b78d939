"""``AuditAction``: every action the audit trail records, so a misspelt action is a type error.

Each value is the exact text stored in ``audit_event.action`` (and covered by its hash), so the
values never change; add a member for a new action. A member's name is its value upper-cased with
":" replaced by "_" (``"person:read"`` is ``PERSON_READ``). A refused permission is audited under the
permission's own value, so every ``Permission`` value is also a member (``AuditAction.denied``).
"""

from __future__ import annotations

import enum


class AuditAction(enum.StrEnum):
    """What an audit event records; ``area:verb`` as stored."""

    APPEAL_DECIDE = "appeal:decide"
    APPEAL_FILE = "appeal:file"
    APPEAL_HEARING = "appeal:hearing"
    APPEAL_LIST = "appeal:list"
    APPEAL_READ = "appeal:read"
    APPEAL_WITHDRAW = "appeal:withdraw"
    APPEAL_WRITE = "appeal:write"

    APPLICATION_ASSESS = "application:assess"
    APPLICATION_CHECKLIST = "application:checklist"
    APPLICATION_CREATE = "application:create"
    APPLICATION_FACT_RECORD = "application:fact_record"
    APPLICATION_FACT_VERIFY = "application:fact_verify"
    APPLICATION_FACTS_READ = "application:facts_read"
    APPLICATION_LIST = "application:list"
    APPLICATION_READ = "application:read"
    APPLICATION_STATUS = "application:status"
    APPLICATION_WRITE = "application:write"

    APPROVAL_APPROVED = "approval:approved"
    APPROVAL_REJECTED = "approval:rejected"

    ASSESSMENT_CREATE = "assessment:create"
    ASSESSMENT_LIST = "assessment:list"

    AUDIT_ANCHOR = "audit:anchor"
    AUDIT_READ = "audit:read"
    AUDIT_VERIFY = "audit:verify"

    AUTH_LOGIN = "auth:login"
    AUTH_LOGIN_FAILED = "auth:login_failed"
    AUTH_LOGOUT = "auth:logout"
    AUTH_TOKEN_ISSUE = "auth:token_issue"  # noqa: S105 - an action name, not a secret

    AUTHORIZATION_CLIENT_TOLD = "authorization:client_told"
    AUTHORIZATION_DECIDE = "authorization:decide"
    AUTHORIZATION_LIST = "authorization:list"
    AUTHORIZATION_SUBMIT = "authorization:submit"
    AUTHORIZATION_WITHDRAW = "authorization:withdraw"

    BATCH_APPROVE = "batch:approve"
    BATCH_BUILD = "batch:build"
    BATCH_CANCEL = "batch:cancel"
    BATCH_EXPORT = "batch:export"
    BATCH_FILE_DOWNLOAD = "batch:file_download"
    BATCH_FINISH = "batch:finish"
    BATCH_REASSESS = "batch:reassess"
    BATCH_RECONCILE = "batch:reconcile"
    BATCH_RESUME = "batch:resume"
    BATCH_REVIEW = "batch:review"
    BATCH_ROWS_READ = "batch:rows_read"
    BATCH_RUN = "batch:run"
    BATCH_SIMULATE = "batch:simulate"

    BUDGET_SET = "budget:set"

    CASE_CONFIGURE = "case:configure"
    CASE_READ = "case:read"
    CASE_WRITE = "case:write"

    CASELOAD_ASSIGN = "caseload:assign"
    CASELOAD_HISTORY = "caseload:history"
    CASELOAD_READ = "caseload:read"
    CASELOAD_REASSIGN = "caseload:reassign"

    CHEQUE_REGISTER_READ = "cheque:register_read"

    CLAIM_CONTACT = "claim:contact"
    CLAIM_DECIDE = "claim:decide"
    CLAIM_LIST = "claim:list"
    CLAIM_PAY = "claim:pay"
    CLAIM_RECEIVE = "claim:receive"

    CLIENT_APPLY = "client:apply"
    CLIENT_LINK = "client:link"  # also the refusal of ``Permission.CLIENT_LINK``
    CLIENT_LINK_LIST = "client:link_list"
    CLIENT_SIGN_IN = "client:sign_in"
    CLIENT_SIGN_IN_FAILED = "client:sign_in_failed"
    CLIENT_SIGN_OUT = "client:sign_out"
    CLIENT_SIGN_UP = "client:sign_up"
    CLIENT_UNLINK = "client:unlink"
    CLIENT_VERIFY = "client:verify"

    CONFERENCE_CREATE = "conference:create"
    CONFERENCE_LIST = "conference:list"

    COPAY_COMPUTE = "copay:compute"
    COPAY_OVERRIDE = "copay:override"

    COVERAGE_END = "coverage:end"
    COVERAGE_FROM_DECISION = "coverage:from_decision"
    COVERAGE_RENEW = "coverage:renew"
    COVERAGE_RESTRICT = "coverage:restrict"
    COVERAGE_UNRESTRICT = "coverage:unrestrict"

    DECISION_APPROVE = "decision:approve"
    DECISION_CREATE = "decision:create"
    DECISION_LIST = "decision:list"
    DECISION_MAKE = "decision:make"
    DECISION_OVERRIDE = "decision:override"
    DECISION_OVERRIDE_APPROVE = "decision:override_approve"
    DECISION_OVERRIDE_LIST = "decision:override_list"
    DECISION_OVERRIDE_REFUSE = "decision:override_refuse"
    DECISION_OVERRIDE_REQUEST = "decision:override_request"
    DECISION_READ = "decision:read"
    DECISION_REINSTATE = "decision:reinstate"
    DECISION_SUSPEND = "decision:suspend"

    DEMO_LOAD = "demo:load"
    DEMO_OFFICE = "demo:office"

    DOCUMENT_DOWNLOAD = "document:download"
    DOCUMENT_LIST = "document:list"
    DOCUMENT_READ = "document:read"
    DOCUMENT_REJECT = "document:reject"
    DOCUMENT_UPLOAD = "document:upload"
    DOCUMENT_VERIFY = "document:verify"

    DRUG_CARD_CANCEL = "drug_card:cancel"
    DRUG_CARD_ISSUE = "drug_card:issue"
    DRUG_CARD_LIST = "drug_card:list"
    DRUG_CARD_REISSUE = "drug_card:reissue"

    ENTITLEMENT_CHANGE = "entitlement:change"
    ENTITLEMENT_CREATE = "entitlement:create"
    ENTITLEMENT_LIST = "entitlement:list"
    ENTITLEMENT_READ = "entitlement:read"

    FACILITY_BENEFIT = "facility:benefit"
    FACILITY_CASELOAD = "facility:caseload"
    FACILITY_CREATE = "facility:create"
    FACILITY_LIST = "facility:list"
    FACILITY_READ = "facility:read"
    FACILITY_STAY_IN = "facility:stay_in"
    FACILITY_STAY_LIST = "facility:stay_list"
    FACILITY_STAY_OUT = "facility:stay_out"
    FACILITY_UPDATE = "facility:update"

    HEALTH_CLIENT_READ = "health:client_read"
    HEALTH_READ = "health:read"

    INTERACTION_ATTACH = "interaction:attach"
    INTERACTION_CREATE = "interaction:create"
    INTERACTION_EMAIL_RECEIVED = "interaction:email_received"
    INTERACTION_LIST = "interaction:list"
    INTERACTION_LIST_UNATTACHED = "interaction:list_unattached"
    INTERACTION_READ = "interaction:read"

    INTERACTION_REASON_DEFINE = "interaction_reason:define"

    INVESTIGATION_CLOSE = "investigation:close"
    INVESTIGATION_EVIDENCE_ADD = "investigation:evidence_add"
    INVESTIGATION_INTERVIEW_ADD = "investigation:interview_add"
    INVESTIGATION_LIST = "investigation:list"
    INVESTIGATION_OPEN = "investigation:open"
    INVESTIGATION_READ = "investigation:read"
    INVESTIGATION_WRITE = "investigation:write"

    INVOICE_APPROVE = "invoice:approve"
    INVOICE_CREATE = "invoice:create"

    ISSUANCE_CANCEL = "issuance:cancel"
    ISSUANCE_CREATE = "issuance:create"
    ISSUANCE_GENERATE = "issuance:generate"
    ISSUANCE_LIST = "issuance:list"
    ISSUANCE_READ = "issuance:read"

    LEDGER_VERIFY = "ledger:verify"

    MCP_RECORD = "mcp:record"

    MONEY_APPROVE = "money:approve"
    MONEY_BATCH_APPROVE = "money:batch_approve"
    MONEY_BATCH_BUILD = "money:batch_build"
    MONEY_BATCH_EXPORT = "money:batch_export"
    MONEY_BUDGET_READ = "money:budget_read"
    MONEY_BUDGET_WRITE = "money:budget_write"
    MONEY_INVOICE_WRITE = "money:invoice_write"
    MONEY_ISSUE = "money:issue"
    MONEY_LEDGER_READ = "money:ledger_read"
    MONEY_OVERPAYMENT_WRITE = "money:overpayment_write"
    MONEY_RECONCILE = "money:reconcile"
    MONEY_WRITE_OFF = "money:write_off"

    NOTICE_EDIT = "notice:edit"
    NOTICE_HOLD = "notice:hold"
    NOTICE_LIST = "notice:list"
    NOTICE_PRINT = "notice:print"
    NOTICE_READ = "notice:read"
    NOTICE_RESEND = "notice:resend"
    NOTICE_RETURNED = "notice:returned"
    NOTICE_SEND = "notice:send"

    OFFICE_CREATE = "office:create"

    OVERPAYMENT_CREATE = "overpayment:create"
    OVERPAYMENT_LIST = "overpayment:list"
    OVERPAYMENT_REPAYMENT = "overpayment:repayment"
    OVERPAYMENT_WRITE_OFF_REQUEST = "overpayment:write_off_request"

    PAYEE_CREATE = "payee:create"
    PAYEE_LIST = "payee:list"
    PAYEE_READ = "payee:read"

    PERIOD_CLOSE = "period:close"

    PERSON_BREAK_GLASS = "person:break_glass"
    PERSON_BREAK_GLASS_LIST = "person:break_glass_list"
    PERSON_BREAK_GLASS_REVIEW = "person:break_glass_review"
    PERSON_CONSENT_GIVEN = "person:consent_given"
    PERSON_CONSENT_WITHDRAWN = "person:consent_withdrawn"
    PERSON_CREATE = "person:create"
    PERSON_DUPLICATE_DISMISS = "person:duplicate_dismiss"
    PERSON_DUPLICATE_QUEUE_READ = "person:duplicate_queue_read"
    PERSON_DUPLICATE_SWEEP = "person:duplicate_sweep"
    PERSON_FLAG_REMOVE = "person:flag_remove"
    PERSON_FLAG_SET = "person:flag_set"
    PERSON_MERGE = "person:merge"
    PERSON_READ = "person:read"
    PERSON_READ_HEALTH = "person:read_health"
    PERSON_RESTRICT = "person:restrict"
    PERSON_RESTRICTION_LIFT = "person:restriction_lift"
    PERSON_REVEAL_HEALTH_NUMBER = "person:reveal_health_number"
    PERSON_REVEAL_IDENTIFIERS = "person:reveal_identifiers"
    PERSON_REVEAL_SIN = "person:reveal_sin"
    PERSON_SEARCH = "person:search"
    PERSON_UNMERGE = "person:unmerge"
    PERSON_UPDATE = "person:update"
    PERSON_WRITE = "person:write"

    PLAN_ACTION_STATUS = "plan:action_status"
    PLAN_CLOSE = "plan:close"
    PLAN_CREATE = "plan:create"
    PLAN_LIST = "plan:list"
    PLAN_PRINT = "plan:print"
    PLAN_READ = "plan:read"
    PLAN_REVIEW = "plan:review"
    PLAN_REVISE = "plan:revise"
    PLAN_WRITE = "plan:write"

    PRIVACY_DESTROY = "privacy:destroy"
    PRIVACY_DISCLOSURE_LIST = "privacy:disclosure_list"
    PRIVACY_DISCLOSURE_RECORD = "privacy:disclosure_record"
    PRIVACY_HOLD_LIFT = "privacy:hold_lift"
    PRIVACY_HOLD_PLACE = "privacy:hold_place"
    PRIVACY_PACKAGE_ASSEMBLE = "privacy:package_assemble"
    PRIVACY_PACKAGE_READ = "privacy:package_read"
    PRIVACY_PURGE_DRY_RUN = "privacy:purge_dry_run"
    PRIVACY_READ = "privacy:read"
    PRIVACY_REDACT = "privacy:redact"
    PRIVACY_RELEASE = "privacy:release"
    PRIVACY_RELEASE_APPROVE = "privacy:release_approve"
    PRIVACY_REQUEST_CORRECTION_DECIDE = "privacy:request_correction_decide"
    PRIVACY_REQUEST_CREATE = "privacy:request_create"
    PRIVACY_REQUEST_DISAGREEMENT = "privacy:request_disagreement"
    PRIVACY_REQUEST_EXTEND = "privacy:request_extend"
    PRIVACY_REQUEST_LIST = "privacy:request_list"
    PRIVACY_REQUEST_READ = "privacy:request_read"
    PRIVACY_REQUEST_WRITE = "privacy:request_write"
    PRIVACY_RETENTION = "privacy:retention"

    REFERRAL_ACCEPT = "referral:accept"
    REFERRAL_COMPLETE = "referral:complete"
    REFERRAL_CREATE = "referral:create"
    REFERRAL_DECLINE = "referral:decline"
    REFERRAL_LIST = "referral:list"
    REFERRAL_LIST_INCOMING = "referral:list_incoming"
    REFERRAL_READ = "referral:read"
    REFERRAL_WRITE = "referral:write"

    REPORTS_MONTHLY = "reports:monthly"

    REVIEW_CANCEL = "review:cancel"
    REVIEW_CHANGE_REPORT = "review:change_report"
    REVIEW_COMPLETE = "review:complete"
    REVIEW_LIST = "review:list"
    REVIEW_OPEN_DUE = "review:open_due"
    REVIEW_READ = "review:read"
    REVIEW_START = "review:start"
    REVIEW_WRITE = "review:write"

    RULES_EVALUATE = "rules:evaluate"

    SCREENING_ANSWER = "screening:answer"
    SCREENING_COMPLETE = "screening:complete"
    SCREENING_LINK = "screening:link"
    SCREENING_LIST = "screening:list"
    SCREENING_READ = "screening:read"
    SCREENING_START = "screening:start"

    SENIOR_CLAIM_DECIDE = "senior_claim:decide"
    SENIOR_CLAIM_RECEIVE = "senior_claim:receive"

    STAFF_CHANGE_PASSWORD = "staff:change_password"  # noqa: S105 - an action name, not a secret
    STAFF_CREATE = "staff:create"
    STAFF_DEACTIVATE = "staff:deactivate"
    STAFF_GRANT = "staff:grant"  # a role given at once (not privileged, or the bootstrap)
    STAFF_GRANT_APPROVE = "staff:grant_approve"
    STAFF_GRANT_REFUSE = "staff:grant_refuse"
    STAFF_GRANT_REQUEST = "staff:grant_request"
    STAFF_PERSON_LINK = "staff:person_link"
    STAFF_PERSON_LINKS_READ = "staff:person_links_read"
    STAFF_PERSON_UNLINK = "staff:person_unlink"
    STAFF_READ = "staff:read"
    STAFF_WRITE = "staff:write"

    STATS_READ = "stats:read"

    TASK_ASSIGN = "task:assign"
    TASK_CANCEL = "task:cancel"
    TASK_COMPLETE = "task:complete"
    TASK_CREATE = "task:create"
    TASK_LIST = "task:list"
    TASK_READ = "task:read"
    TASK_REASSIGN = "task:reassign"

    TRAVEL_DECIDE = "travel:decide"
    TRAVEL_INVOICE = "travel:invoice"
    TRAVEL_REQUEST = "travel:request"
    TRAVEL_RETURN = "travel:return"

    UNIT_ACCOUNT_READ = "unit:account_read"
    UNIT_CREATE = "unit:create"
    UNIT_MEMBER_ADD = "unit:member_add"
    UNIT_MEMBER_END = "unit:member_end"
    UNIT_READ = "unit:read"
    UNIT_WRITE = "unit:write"

    @classmethod
    def denied(cls, permission: enum.StrEnum) -> AuditAction:
        """The action a refusal of ``permission`` (an ``access.Permission``) is recorded under: its value."""
        return cls(permission.value)
