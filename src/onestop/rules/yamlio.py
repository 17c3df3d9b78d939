"""Reading YAML and JSON without binary floats: every non-integer number becomes a ``Decimal``.

PyYAML's safe loader turns ``12.50`` into a float; here the float constructor keeps the scalar text
and builds a ``Decimal`` from it, so an amount in a case file or a parameter file is exact.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from onestop.rules.errors import CaseInvalid


class DecimalLoader(yaml.SafeLoader):
    """A safe loader whose floats are Decimals built from the text as written.

    Dates stay text too (no implicit timestamps), so a malformed date is reported by the reader that
    knows the field's name rather than as a YAML syntax error.
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's class-level registry, copied per loader
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    try:
        return Decimal(text.replace("_", ""))
    except InvalidOperation:  # .inf / .nan: kept as NaN, which every reader refuses by name
        return Decimal("NaN")


DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def load_yaml_text(text: str) -> Any:
    """Parse YAML text with exact decimals."""
    return yaml.load(text, Loader=DecimalLoader)  # noqa: S506 - a SafeLoader subclass


def load_json_text(text: str) -> Any:
    """Parse JSON text with exact decimals."""
    return json.loads(text, parse_float=Decimal)


def load_file(path: Path) -> Any:
    """Parse a YAML or JSON file (JSON when the name ends in .json or the text starts with '{')."""
    text = path.read_text(encoding="utf-8")
    is_json = path.suffix.lower() == ".json" or text.lstrip().startswith("{")
    return load_case_text(text, is_json=is_json)


def load_case_text(text: str, *, is_json: bool) -> Any:
    """Parse a case; a syntax error is bad input naming the case, not a crash."""
    try:
        return load_json_text(text) if is_json else load_yaml_text(text)
    except (ValueError, yaml.YAMLError) as err:
        kind = "JSON" if is_json else "YAML"
        first_line = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise CaseInvalid("case", f"is not valid {kind}: {first_line}") from None
