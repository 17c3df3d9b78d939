"""One way to name a download: the ``Content-Disposition`` header of every file the site sends.

A file name comes from whoever uploaded the file (or from a batch number), so it may hold quotes,
semicolons, line breaks or letters outside Latin-1. Put straight into a header it can inject
parameters, break the header, or make the server fail (headers are Latin-1). RFC 6266: a plain-ASCII
``filename="..."`` for old clients, and the exact name in ``filename*=UTF-8''...`` (RFC 5987).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal
from urllib.parse import quote

_UNSAFE = re.compile(r"[^A-Za-z0-9 !#$&'()+,.=@\[\]^_`{}~-]")


def ascii_fallback(filename: str) -> str:
    """The name with accents dropped and anything risky (quotes, backslashes, controls) as ``_``."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE.sub("_", plain).strip(" .")
    return cleaned or "download"


def content_disposition(filename: str, disposition: Literal["attachment", "inline"] = "attachment") -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded`` (RFC 6266 section 4.3)."""
    name = "".join(ch for ch in filename if unicodedata.category(ch)[0] != "C") or "download"
    return f"{disposition}; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def download_headers(
    filename: str, disposition: Literal["attachment", "inline"] = "attachment", *, no_store: bool = True
) -> dict[str, str]:
    """The headers of a download: its name, never sniffed as another type, not cached (personal data)."""
    headers = {
        "Content-Disposition": content_disposition(filename, disposition),
        "X-Content-Type-Options": "nosniff",
    }
    if no_store:
        headers["Cache-Control"] = "no-store"
    return headers
