"""What every staff page's route is given: one request on a staff page as one FastAPI dependency
(``page: Page``), holding the request, the unit of work and the signed-in officer, with the page's
ways to answer (render a template with its forms as shown, a form's post, on to another page with a
message).

Routes wrote ``request: Request, uow: UowDep, actor: StaffActor`` and passed the three on to each
helper that builds a page; one object keeps them together, so a page's helpers take ``page`` and the
answer is written the same way on every page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from starlette.responses import HTMLResponse, Response

from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff import forms
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import BLANK, Again, PageForm, Shown

T = TypeVar("T")


class StaffPage:
    """One request on a staff page (a FastAPI dependency: ``page: Page``)."""

    def __init__(self, request: Request, uow: UowDep, actor: StaffActor) -> None:
        self.request = request
        self.uow = uow
        self.actor = actor

    def gettext(self, message: str, **variables: object) -> str:
        """The message in the page's language."""
        return pages.gettext(self.request, message, **variables)

    def options(self, labels: Mapping[str, str]) -> list[tuple[str, str]]:
        """A select's ``(value, label)`` options, the labels in the page's language."""
        return forms.option_labels(self.request, labels)

    def render(
        self, template: str, context: dict[str, Any] | None = None, *, status_code: int = 200
    ) -> HTMLResponse:
        """The page (or an htmx fragment) with the base context plus ``context``."""
        return pages.render(self.request, template, context, status_code=status_code)

    def show(self, template: str, context: Mapping[str, Any], shown: Shown = BLANK) -> HTMLResponse:
        """The page, its forms as ``shown`` (what was typed and the errors when a post was refused)."""
        return forms.show(self.request, template, context, shown)

    def submit(
        self,
        form: PageForm,
        act: Callable[[], T],
        done: Callable[[T], Response],
        again: Again,
        **options: Any,
    ) -> Response:
        """Run ``act`` (one service call) and answer ``done(result)``, or the page ``again`` with the
        error (the options are ``forms.submit``'s)."""
        return forms.submit(self.request, form, act, done, again, **options)

    def flash(self, message: str, kind: str = "info", **variables: object) -> None:
        """Keep the (untranslated) message for the next page."""
        pages.flash(self.request, message, kind, **variables)

    def redirect(self, path: str) -> Response:
        """On to ``path`` (see ``pages.redirect``)."""
        return pages.redirect(self.request, path)

    def to(self, path: str, message: str, **variables: object) -> Response:
        """On to ``path`` with the (untranslated) message, shown there as a success."""
        return forms.to(self.request, path, message, **variables)

    def then(self, path: str, message: str) -> Callable[[object], Response]:
        """``done`` for a post whose result the next page does not need: on to ``path`` with the message."""
        return forms.then(self.request, path, message)


Page = Annotated[StaffPage, Depends()]
