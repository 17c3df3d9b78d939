"""A decision's text as the portal shows it: the program's public name, and no internal ids.

The stored decision text (``decision.text_en`` / ``text_fr``) is the officer's record: it names the
program by its pack id ("Alberta Income Support (ab.income_support)"), lists the values and parameters
used with their ids, and keys person amounts by person id. The portal shows the same decision with the
catalogue's public name, the outcome, the amounts and the tests with their reasons; the full
explanation (branches, values and parameters used) stays with the officer, who can read it to the
client. Nothing that looks like an internal id is left: a pack id, a parameter id, a person id.
"""

from __future__ import annotations

import re

from onestop.rules import HEAD

#: Pack ids: a program ("ab.aish", "nl.nlpdp.65plus") or a parameter ("ab.aish.max[single]").
PACK_ID = re.compile(r"(?<![\w@./-])(?:ab|nl)\.[a-z0-9_]+(?:\.[a-z0-9_]+)*(?:\[[^\]\n]*\])*(?![\w@-])")
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_OFFICER_ONLY = ("branches", "values", "params")  # explanation sections an officer reads out


def public_text(text: str, program_id: str, public_name: str, lang: str) -> str:
    """``text`` (a stored decision text) for the client's own portal page."""
    head = HEAD.get(lang, HEAD["en"])
    hidden = tuple(f"{head[k]}:" for k in _OFFICER_ONLY)
    out: list[str] = []
    skipping_indent: int | None = None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if skipping_indent is not None and line.strip() and indent > skipping_indent:
            continue  # a line of an officer-only section
        skipping_indent = None
        if line.strip().startswith(hidden):
            skipping_indent = indent
            continue
        out.append(_scrub(line, program_id, public_name))
    return "\n".join(out).rstrip() + "\n"


def _scrub(line: str, program_id: str, public_name: str) -> str:
    own = re.compile(r"^(\s*)[^\n:]*?\s*\(" + re.escape(program_id) + r"\)")
    line = own.sub(lambda m: m.group(1) + public_name, line)
    line = re.sub(r"\s*\((?:" + PACK_ID.pattern + r")\)", "", line)  # "(ab.x.y[k])" after a label
    line = PACK_ID.sub("", line)
    line = re.sub(r"\s*\[" + UUID.pattern + r"\]", "", line)  # a person amount's key
    return UUID.sub("", line)
