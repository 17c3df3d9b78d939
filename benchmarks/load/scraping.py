"""What the load users read from the pages (tokens, versions) and send (a small PDF), shared by the
locustfile and ``profile_actions.py`` (which must not need locust)."""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from zoneinfo import ZoneInfo

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'action="/staff/applications/[0-9a-f-]+/decide".*?name="version" value="(\d+)"', re.S)
REASON = re.compile(r'name="reason" value="([^"]+)"')
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"% load test page\n" * 1200 + b"trailer\n%%EOF\n"

OFFICE_TIME = ZoneInfo(os.environ.get("ONESTOP_TIMEZONE", "America/Edmonton"))  # the server's business day


def emergency_form() -> dict[str, str]:
    """A $50 emergency payment by cheque, today (within an officer's own authority), never seen before."""
    return {
        "payment_type": "emergency_funds",
        "program": "ab.emergency_income_support",
        "amount": "50.00",
        "method": "cheque",
        "pay_date": dt.datetime.now(OFFICE_TIME).date().isoformat(),
        "explanation": "No money for food until the next cheque (load test).",
        "payee_id": "",
        "key": uuid.uuid4().hex,
    }
