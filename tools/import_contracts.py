"""A contract import-linter does not ship: areas reach each other through packages, not modules.

An area's package ``__init__`` (and a sub-package's) is its public surface: what it lists there is
what other areas may use, and a module behind it can be renamed or split without touching them. A
module of another area imported directly (``onestop.registry.services``) breaks the contract, unless
it is open: named in ``open_modules`` (the kernel's small modules, an area's ``schemas`` and
``domain``), or listed in its package's ``__all__`` as a namespace.
"""

from __future__ import annotations

import ast
import fnmatch
import functools
import importlib.util
from pathlib import Path
from typing import cast

import grimp
from importlinter import Contract, ContractCheck, fields, output


class PublicPackagesContract(Contract):
    """Configuration: ``containers`` (packages whose children are areas; a deeper container such as
    ``onestop.cases`` makes its children areas of their own), ``open_modules`` (fnmatch patterns of
    module names any area may import), ``ignore_imports`` (``importer -> imported`` patterns)."""

    type_name = "public_packages"

    containers = fields.ListField(subfield=fields.StringField())
    open_modules = fields.ListField(subfield=fields.StringField(), required=False)
    ignore_imports = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        # import-linter fills the fields with the configured lists when it builds the contract.
        containers = sorted(cast(list[str], self.containers), key=len, reverse=True)
        open_modules = cast(list[str], self.open_modules or [])
        ignore = cast(list[str], self.ignore_imports or [])
        ignored = [tuple(side.strip() for side in e.split("->")) for e in ignore]

        def area(module: str) -> str | None:
            for container in containers:
                if module.startswith(container + "."):
                    return ".".join(module.split(".")[: container.count(".") + 2])
            return None

        broken = []
        for importer in sorted(graph.modules):
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                source, target = area(importer), area(imported)
                if source is None or target is None or _related(source, target):
                    continue
                if imported == target or _is_package(imported) or _listed(imported):
                    continue
                if any(fnmatch.fnmatch(imported, p) for p in open_modules):
                    continue
                if any(fnmatch.fnmatch(importer, i) and fnmatch.fnmatch(imported, t) for i, t in ignored):
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = sorted({d["line_number"] for d in details})
                broken.append({"importer": importer, "imported": imported, "lines": lines})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for link in check.metadata["broken"]:
            lines = ", ".join(map(str, link["lines"]))
            output.print_error(f"- {link['importer']} -> {link['imported']} (l.{lines})", bold=False)
        output.new_line()
        output.print_error("Import the area's package instead; list the name in its __init__.", bold=False)


def _related(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def _listed(module: str) -> bool:
    """A module its package lists in ``__all__`` is public as a namespace (``voices.program``)."""
    parent, _, name = module.rpartition(".")
    return name in _exports(parent)


@functools.cache
def _exports(package: str) -> frozenset[str]:
    """The names in a package's ``__all__``, read once per package (many imports ask the same)."""
    init = _path(package) / "__init__.py"
    if not init.is_file():
        return frozenset()
    for node in ast.parse(init.read_text()).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return frozenset(ast.literal_eval(node.value))
    return frozenset()


@functools.cache
def _path(module: str) -> Path:
    root, _, rest = module.partition(".")
    spec = importlib.util.find_spec(root)
    if spec is None or not spec.submodule_search_locations:
        return Path("/nonexistent")
    return Path(next(iter(spec.submodule_search_locations)), *rest.split("."))  # Path(x, "") is x


def _is_package(module: str) -> bool:
    return (_path(module) / "__init__.py").is_file()
