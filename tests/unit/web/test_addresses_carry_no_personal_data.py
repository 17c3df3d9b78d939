"""No template sends what a person typed about someone in an address: every form with a name, birth
date, phone, SIN or free text is posted, and htmx GETs include only the fields they need."""

from __future__ import annotations

import re

from onestop.web.pages import TEMPLATES_DIR

#: Forms allowed to use GET: a date, a month, an office code or a choice, nothing about a person.
GET_FORMS = {
    "staff/supervisor/team.html",
    "staff/reports/monthly.html",
    "staff/finance/batch.html",
    "staff/letters/outbox.html",  # a state and a channel to filter the letters by
    "staff/inbox/reply.html",  # the choice of a reply template; the answer itself is posted
}
_GET_FORM = re.compile(r"<form\b[^>]*\bmethod=\"get\"", re.I)
_HX_GET = re.compile(r"<[^>]*\bhx-get=\"[^\"]*\"[^>]*>", re.I)


def templates() -> list[tuple[str, str]]:
    return [
        (p.relative_to(TEMPLATES_DIR).as_posix(), p.read_text(encoding="utf-8"))
        for p in TEMPLATES_DIR.rglob("*.html")
    ]


def test_forms_about_people_are_posted() -> None:
    found = {name for name, html in templates() if _GET_FORM.search(html)}
    assert found <= GET_FORMS, found - GET_FORMS


def test_htmx_gets_never_carry_a_whole_form() -> None:
    for name, html in templates():
        for tag in _HX_GET.findall(html):
            assert 'hx-include="closest form"' not in tag, name  # would add the free text and CSRF token
