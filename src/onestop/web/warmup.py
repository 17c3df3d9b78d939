"""What each worker loads before its first request, instead of during it.

The catalogues (YAML, validated), the rule packs and the screener's compiled criteria, the French
catalogue and the page templates are each loaded once per process, on first use. Measured under load
(benchmarks/load), the first officer to reach a fresh worker waited for them: 1 to 9 s on a busy
machine. ``onestop serve`` calls ``warm_up`` in each worker as it starts, before it accepts requests.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from onestop.jurisdictions import JURISDICTIONS, PACK_MODULES, get_pack, load_catalogue
from onestop.screening import criteria_program
from onestop.web import i18n, pages, programs

log = logging.getLogger(__name__)


def warm_up() -> float:
    """Load the catalogues, rule packs, translations and templates now; the seconds it took.

    Nothing here may stop the server: what fails is logged, and loads (and fails) again on first use.
    """
    started = time.perf_counter()
    steps: list[Callable[[], object]] = [
        *(lambda j=j: load_catalogue(j) for j in JURISDICTIONS),
        *(lambda j=j: get_pack(j) for j in PACK_MODULES),
        *(lambda j=j: criteria_program(j) for j in JURISDICTIONS),
        lambda: programs.entry(""),
        *(lambda lang=lang: i18n.translations(lang) for lang in ("en", "fr")),
        _templates,
    ]
    for step in steps:
        try:
            step()
        except Exception:
            log.exception("warm-up step failed; it will be tried again on first use")
    return time.perf_counter() - started


def _templates() -> None:
    env = pages.environment()
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)  # compiled once and kept by the environment's cache
