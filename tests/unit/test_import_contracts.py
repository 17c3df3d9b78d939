"""The public-packages contract (tools/import_contracts.py) that `make lint` runs: it must refuse an
import of another area's module and accept its package, its schemas and domain, and the kernel."""

from __future__ import annotations

import grimp
import pytest
from tools.import_contracts import PublicPackagesContract


def _check(importer: str, imported: str, ignore: list[str] | None = None) -> bool:
    graph = grimp.ImportGraph()
    for module in (importer, imported):
        graph.add_module(module)
    graph.add_import(importer=importer, imported=imported, line_number=3, line_contents="import x")
    contract = PublicPackagesContract(
        name="public",
        session_options={"root_packages": ["onestop"]},
        contract_options={
            "containers": ["onestop", "onestop.cases"],
            "open_modules": ["onestop.common.*", "onestop.*.schemas", "onestop.*.domain"],
            "ignore_imports": ignore or [],
        },
    )
    return contract.check(graph, verbose=False).kept


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("onestop.web.staff.people", "onestop.registry.services"),  # a module behind the package
        ("onestop.cases.decisions.services", "onestop.cases.applications.repository"),  # sub-areas too
        ("onestop.health.coverage", "onestop.registry.repository"),
    ],
)
def test_a_module_of_another_area_breaks_it(importer: str, imported: str) -> None:
    assert not _check(importer, imported)


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("onestop.web.staff.people", "onestop.registry"),  # the package
        ("onestop.web.staff.duplicates", "onestop.registry.sweep"),  # a sub-package's __init__
        ("onestop.web.staff.people", "onestop.registry.schemas"),  # open: typed inputs and outputs
        ("onestop.clients.domain", "onestop.access.domain"),  # open: pure rules
        ("onestop.registry.services", "onestop.common.errors"),  # the kernel
        ("onestop.registry.services", "onestop.registry.repository"),  # inside one area
        ("onestop.web.questions", "onestop.screening.voices"),  # listed in screening's __all__
        ("onestop.cli.serve", "onestop.config"),  # a one-module area
    ],
)
def test_packages_open_modules_and_own_area_keep_it(importer: str, imported: str) -> None:
    assert _check(importer, imported)


def test_an_ignored_import_keeps_it() -> None:
    assert _check(
        "onestop.demo.loader", "onestop.registry.models", ["onestop.demo.loader -> onestop.registry.models"]
    )
