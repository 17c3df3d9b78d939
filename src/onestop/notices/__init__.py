"""Notices and letters: every decision and step tells the person, in their language, once.

Other areas queue a notice with ``queue_notice`` / ``queue_for_unit`` inside their own transaction
(design decision 13: side effects leave through an outbox); ``send_due`` delivers them.
"""

from onestop.notices.domain import Channel, Kind, Status
from onestop.notices.hooks import register_confidential_check, register_portal_lookup, register_task_opener
from onestop.notices.letters import Letter, date, money, render
from onestop.notices.models import Notice
from onestop.notices.pdf import render_pdf
from onestop.notices.schemas import InboxLetter, NoticePublic, SendReport
from onestop.notices.services import (
    NoticeNotFound,
    add_paragraph,
    get_notice,
    inbox,
    inbox_letter,
    inbox_pdf,
    list_notices,
    mark_returned,
    notice_pdf,
    print_file,
    queue_for_unit,
    queue_notice,
    resend,
    send_due,
)

__all__ = [
    "Channel",
    "InboxLetter",
    "Kind",
    "Letter",
    "Notice",
    "NoticeNotFound",
    "NoticePublic",
    "SendReport",
    "Status",
    "add_paragraph",
    "date",
    "get_notice",
    "inbox",
    "inbox_letter",
    "inbox_pdf",
    "list_notices",
    "mark_returned",
    "money",
    "notice_pdf",
    "print_file",
    "queue_for_unit",
    "queue_notice",
    "register_confidential_check",
    "register_portal_lookup",
    "register_task_opener",
    "render",
    "render_pdf",
    "resend",
    "send_due",
]
