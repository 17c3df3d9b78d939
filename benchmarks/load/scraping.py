"""What the load users read from the pages (tokens, versions) and send (a small PDF), shared by the
locustfile and ``profile_actions.py`` (which must not need locust)."""

from __future__ import annotations

import re

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VERSION = re.compile(r'action="/staff/applications/[0-9a-f-]+/decide".*?name="version" value="(\d+)"', re.S)
REASON = re.compile(r'name="reason" value="([^"]+)"')
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n" + b"% load test page\n" * 1200 + b"trailer\n%%EOF\n"
