"""The knowledge base's rules: kinds, jurisdictions, version states, what an article version must hold,
who may publish a draft (never its author), and the words a search looks for.

Pure: no database, web or settings.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from onestop.common.errors import InvalidInput, InvalidTransition

#: Longest title and body, in characters (a procedure is pages long, not a manual).
TITLE_MAX = 200
BODY_MAX = 40_000
#: Words a search looks for at most (more says nothing more and slows the index).
QUERY_WORDS_MAX = 12


class ArticleKind(enum.StrEnum):
    """What an article is."""

    HOWTO = "howto"  # a policy how-to: "How to issue an emergency food voucher"
    PROCEDURE = "procedure"  # a step-by-step office procedure
    CONTACTS = "contacts"  # provincial and inter-provincial contacts


class Jurisdiction(enum.StrEnum):
    """Whose policy or contacts the article gives; ``ca`` for inter-provincial and federal ones."""

    AB = "ca-ab"
    NL = "ca-nl"
    CA = "ca"


class VersionState(enum.StrEnum):
    """Where one version stands. Every edit is a new version, a draft until a second person publishes
    it; publishing supersedes the version published before; a newer draft replaces an older one not
    yet reviewed; a reviewer may return a draft to its author with a note."""

    DRAFT = "draft"
    PUBLISHED = "published"
    SUPERSEDED = "superseded"
    REPLACED = "replaced"
    RETURNED = "returned"


_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINK = re.compile(r"^[a-z]{2,5}(\.[a-z0-9_]+)+$")


def body_text(value: str | None, field: str) -> str:
    """An article's body: NFC, line endings unified, trailing spaces and runs of blank lines trimmed;
    paragraphs and list lines are kept (unlike one-line free text)."""
    text = unicodedata.normalize("NFC", value or "").replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        raise InvalidInput(field, "contains control characters")
    lines = [line.rstrip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    if not text.strip():
        raise InvalidInput(field, "is required")
    if len(text) > BODY_MAX:
        raise InvalidInput(field, f"is longer than {BODY_MAX} characters")
    return text


def line_text(value: str | None, field: str, *, max_len: int, required: bool = True) -> str:
    """A one-line text (a title, a source, a note): no control characters (the databases refuse some),
    whitespace collapsed; required unless said otherwise."""
    if _CONTROL.search(value or "") or "\x00" in (value or ""):
        raise InvalidInput(field, "contains control characters")
    text = " ".join(unicodedata.normalize("NFC", value or "").split())
    if required and not text:
        raise InvalidInput(field, "is required")
    if len(text) > max_len:
        raise InvalidInput(field, f"is longer than {max_len} characters")
    return text


def is_entry_id(value: str) -> bool:
    """Whether ``value`` has the shape of a catalogue entry id (``nl.emergency_assistance``)."""
    return bool(_LINK.match(value)) and len(value) <= 64


def source_url(value: str | None) -> str | None:
    """A source's web address: http or https with a host, or none."""
    text = (value or "").strip()
    if not text:
        return None
    parts = urlsplit(text)
    bad = _CONTROL.search(text) or "\x00" in text or " " in text
    if parts.scheme not in ("http", "https") or not parts.netloc or len(text) > 500 or bad:
        raise InvalidInput("source_url", "must be a web address starting with http:// or https://")
    return text


def check_source(url: str | None, document: str | None) -> None:
    """A source is a title and either a web address or a document (its name, section or number)."""
    if not url and not document:
        raise InvalidInput("source_url", "give the source's web address or the document it comes from")


def check_review_on(review_on: dt.date, today: dt.date) -> None:
    """The date the article must next be reviewed: not already past when it is written."""
    if review_on < today:
        raise InvalidInput("review_on", "must not be in the past")
    if review_on > today + dt.timedelta(days=3 * 366):
        raise InvalidInput("review_on", "must be within three years")


def links(values: list[str]) -> list[str]:
    """Catalogue entry ids the article is about (``nl.emergency_assistance``), each once, in order."""
    seen: list[str] = []
    for raw in values:
        value = raw.strip()
        if not value:
            continue
        if not is_entry_id(value):
            raise InvalidInput("links", f"{value[:64]!r} is not a program or service id")
        if value not in seen:
            seen.append(value)
    if len(seen) > 20:
        raise InvalidInput("links", "name at most 20 programs or services")
    return seen


def check_publisher(author: str, publisher: str, state: str) -> None:
    """Maker-checker: only a draft is published, and never by the person who wrote it."""
    if state != VersionState.DRAFT.value:
        raise InvalidTransition(f"this version is {state}, not a draft waiting for review")
    if author == publisher:
        raise InvalidTransition("a second person must publish this draft: you wrote it")


def check_reviewable(state: str) -> None:
    """Only a draft waiting for review can be returned."""
    if state != VersionState.DRAFT.value:
        raise InvalidTransition(f"this version is {state}, not a draft waiting for review")


def query_words(query: str) -> list[str]:
    """The words a search looks for (letters and digits, folded to lower case), at most 12."""
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", query or ""))]
    if not words:
        raise InvalidInput("q", "type at least one word to search for")
    return words[:QUERY_WORDS_MAX]


def review_due(review_on: dt.date, today: dt.date) -> bool:
    """Whether the article is past its review date (shown beside it, so staff trust it less)."""
    return review_on < today


@dataclass(frozen=True)
class Block:
    """One block of an article's body as shown: a paragraph (one item), a bulleted or numbered list."""

    kind: str  # "p", "ul" or "ol"
    items: tuple[str, ...]


_BULLET = re.compile(r"^\s*[-*•]\s+")
_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+")


def blocks(body: str) -> list[Block]:
    """The body as paragraphs and lists, without any markup language: a blank line ends a paragraph,
    a line starting with "- " is a bullet and "1. " a numbered step; other lines continue the
    paragraph or item above them (so text wrapped by hand reads as one)."""
    out: list[Block] = []
    kind, items = "", []  # type: tuple[str, list[str]]
    for line in [*body.split("\n"), ""]:
        marker = "ul" if _BULLET.match(line) else "ol" if _NUMBER.match(line) else ""
        if not line.strip() or (marker and marker != kind):
            if items:
                out.append(Block(kind, tuple(items)))
            kind, items = "", []
        if not line.strip():
            continue
        if marker:
            kind = marker
            items.append((_BULLET if marker == "ul" else _NUMBER).sub("", line).strip())
        elif items:
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            kind, items = "p", [line.strip()]
    return out
