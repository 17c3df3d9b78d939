"""A staff form's post: one service call, then on to the next page with a message, or the form again
with the service's ``InvalidInput`` next to the right box and what was typed (422)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import uuid
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar

from fastapi import Form
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from onestop.common.dates import parse_date
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.web import pages

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


class PageForm(BaseModel):
    """A page's posted form, read by FastAPI (``form: Posted[XForm]``).

    Every box is text that cannot fail here (a missing box is ""), stripped: the values are checked by
    the service, whose ``InvalidInput`` the page shows next to the box it names, with what was typed.
    The CSRF token and the buttons are not fields, so extra names are ignored rather than refused.
    """

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class NoteForm(PageForm):
    """A post whose one box is a note (an approval's, a review's)."""

    note: str = ""


class ReasonForm(PageForm):
    """A post whose one box is the reason for it (a refusal, a lift, a write-off)."""

    reason: str = ""


F = TypeVar("F", bound=BaseModel)

#: A route's posted form: ``form: Posted[XForm]`` (FastAPI reads the request's body into it).
Posted = Annotated[F, Form()]


#: Service field names (``phones[0]``, ``addresses[0].city``) to the form's single-entry boxes.
_INDEXED = re.compile(r"^(phones|emails|addresses|health_numbers)\[0\]\.?")
_PREFIX = {"phones": "phone", "emails": "email", "addresses": "", "health_numbers": "health_"}
_ALIASES = {
    "legal_name": "family_name",
    "health_number": "health_number",
    "health_number_province": "health_province",
    "health_province": "health_province",
    "duplicate_decision.reason": "duplicate_reason",
    "duplicate_decision.existing_id": "duplicate_decision",
}

# Problems the services word without variable parts; listed so the French catalogue can carry them.
COMMON_PROBLEMS = [
    N_("is required"),
    N_("must contain at least one letter"),
    N_("contains control characters"),
    N_("must not be blank"),
    N_("a legal name is required (a one-word name goes in family_name)"),
    N_("give a name, birth date, SIN or phone"),
    N_("name the language when the language is 'other'"),
]


def form_field(service_field: str) -> str:
    """The form box a service's field name refers to: ``addresses[0].city`` -> ``city``."""
    if service_field.startswith("former_family_names"):  # one box holds the whole list
        return "former_family_names"
    match = _INDEXED.match(service_field)
    if match:
        rest = service_field[match.end() :]
        group = match.group(1)
        if group == "health_numbers":
            return "health_province" if rest == "province" else "health_number"
        return rest or ("postal_code" if group == "addresses" else _PREFIX[group])
    return _ALIASES.get(service_field, service_field)


def name_list(text: str) -> list[str]:
    """A box of names separated by commas (other family names used) as a list."""
    return [part.strip() for part in text.split(",") if part.strip()]


def form_errors(request: Request, err: InvalidInput, known: set[str]) -> dict[str, str]:
    """``{box: message}`` for the form; a field the form does not show goes to the summary as "form"."""
    field = form_field(err.field)
    message = pages.gettext(request, err.problem)
    if field in known:
        return {field: message}
    return {"form": f"{err.field}: {message}"}


def model(schema: type[M], /, **data: Any) -> M:
    """A service's input model from form values; a validation problem becomes ``InvalidInput``."""
    try:
        return schema(**data)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "form"
        raise InvalidInput(field, str(first["msg"])) from None


def form_int(raw: str, field: str) -> int | None:
    """A whole number typed in a box (empty means none); anything else is an ``InvalidInput``."""
    if not raw:
        return None
    if not raw.isdigit():
        raise InvalidInput(field, "must be a whole number")
    return int(raw)


def form_date(raw: str, field: str) -> dt.date | None:
    """A date typed in a box (empty means none)."""
    return parse_date(raw, field=field) if raw else None


def option_labels(request: Request, labels: Mapping[str, str]) -> list[tuple[str, str]]:
    """A select's ``(value, label)`` options, the labels translated for the page."""
    return [(k, pages.gettext(request, v)) for k, v in labels.items()]


def version(raw: str) -> int | None:
    """The record version the form was read at (anything else is none, which the service refuses)."""
    return int(raw) if raw.isdigit() else None


def optional_uuid(raw: str, field: str) -> uuid.UUID | None:
    """An id from a form (empty means none); anything else is an ``InvalidInput`` on ``field``."""
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise InvalidInput(field, "is not a valid reference") from None


STALE = N_(
    "Someone else changed this while you were working. It is shown as it is now; what you typed is kept."
)
#: What a post refused because of the record's state or version answers (see ``conflict_message``).
CONFLICT: Mapping[type[Exception], int] = {Conflict: 409}


def conflict_message(err: Exception) -> str:
    """The message of a 409: the record's state forbids it (which says why), or someone else changed it
    meanwhile (the page then shows it as it is now, with what was typed)."""
    return str(err) if isinstance(err, InvalidTransition) else STALE


#: Boxes a form carries hidden: an error on one goes to the summary, where the officer sees it.
_HIDDEN = {"version"}


@dataclasses.dataclass(frozen=True)
class Shown:
    """What a page's forms show: what was typed (or the defaults), the errors beside the boxes, and the
    answer's status (422 or 409 when a post was refused, the page shown again)."""

    values: dict[str, Any] = dataclasses.field(default_factory=dict)
    errors: dict[str, str] = dataclasses.field(default_factory=dict)
    status_code: int = 200


#: A page's forms as they are first shown: empty, no errors.
BLANK = Shown()

#: The page of a refused form, shown again as ``Shown``.
Again = Callable[[Shown], Response]


def show(request: Request, template: str, context: Mapping[str, Any], shown: Shown = BLANK) -> HTMLResponse:
    """The page, its forms as ``shown`` (the template reads ``values`` and ``errors``)."""
    page = {**context, "values": shown.values, "errors": shown.errors}
    return pages.render(request, template, page, status_code=shown.status_code)


def submit(
    request: Request,
    form: PageForm,
    act: Callable[[], T],
    done: Callable[[T], Response],
    again: Again,
    *,
    boxes: Mapping[str, str] | Callable[[str], str] | None = None,
    values: Mapping[str, Any] | None = None,
    hide: tuple[str, ...] = (),
    refused: Mapping[type[Exception], int] | None = None,
    explain: Callable[[Exception], str] = str,
    at: str = "form",
) -> Response:
    """Run ``act`` (one service call) and answer ``done(result)``.

    On ``InvalidInput`` the page ``again`` (422) with the error beside its box (``boxes`` maps a service
    field to the form's box of another name) and what was typed (with ``values`` added and the ``hide``
    boxes emptied); an error of a kind in ``refused`` (a stale version, a finding already made) shows its
    message (``explain(err)``, translated) above the form (or beside the box ``at``, on a page of several
    small forms) with that status, so the officer sees why and the record as it is now.
    """
    typed = form.model_dump() | dict(values or {}) | dict.fromkeys(hide, "")
    refusals = refused or {}
    try:
        result = act()
    except InvalidInput as err:
        box = boxes(err.field) if callable(boxes) else (boxes or {}).get(err.field, err.field)
        errors = form_errors(request, InvalidInput(box, err.problem), set(type(form).model_fields) - _HIDDEN)
        return again(Shown(typed, errors, 422))
    except tuple(refusals) as err:
        status = next(code for kind, code in refusals.items() if isinstance(err, kind))
        return again(Shown(typed, {at: pages.gettext(request, explain(err))}, status))
    return done(result)


def to(request: Request, path: str, message: str, **variables: object) -> Response:
    """On to ``path`` with the (untranslated) message, shown there as a success."""
    pages.flash(request, message, "success", **variables)
    return pages.redirect(request, path)


def then(request: Request, path: str, message: str) -> Callable[[object], Response]:
    """``done`` for a post whose result the next page does not need: on to ``path`` with the message."""
    return lambda _: to(request, path, message)
