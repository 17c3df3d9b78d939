"""Parameter overlays: approved values recorded between releases, laid over a pack's YAML.

A rate changes more often than the software is released. An overlay is one new dated value of one
parameter (with its source and confidence), recorded and approved outside the pack; applied to a
pack it becomes one more version of that parameter, so every evaluation (case, screening, batch)
reads it from its effective date, and the pack's version hash covers it. A value for a parameter
the YAML marks as a gap (``null``) makes the programs that need it decidable from that date.

Pure: the store of overlays (who recorded, who approved) lives outside the engine; this module only
checks a value against its parameter and lays overlays over the YAML versions.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from onestop.common.errors import InvalidInput
from onestop.rules.graph import Snapshot, graph_of
from onestop.rules.overlay_values import ParameterOverlay
from onestop.rules.parameters import CONFIDENCE, Parameter, Version, _convert
from onestop.rules.values import BadValueError, cents_to_yaml

if TYPE_CHECKING:
    from onestop.rules.pack import Pack
    from onestop.rules.program import Program
    from onestop.rules.result import ProgramResult


def find_parameter(pack: Pack, name: str) -> Parameter:
    """A parameter by qualified name; an unknown one is refused naming ``parameter``."""
    for program in pack.programs.values():
        prefix = program.id + "."
        if name.startswith(prefix) and name[len(prefix) :] in program.parameter_set:
            return program.parameter_set[name[len(prefix) :]]
    raise InvalidInput("parameter", f"{name!r} is not a parameter of the {pack.id} rules")


def check_value(parameter: Parameter, raw: Any, effective: dt.date) -> Any:
    """The value in the engine's form, checked against the parameter's unit and table keys.

    A table may be given in part: keys left out keep the value in force on ``effective`` (so one cell
    of a table the policy left blank can be filled alone).
    """
    base = _base_versions(parameter)
    if effective < base[0].effective:
        raise InvalidInput(
            "effective",
            f"{parameter.name} starts on {base[0].effective.isoformat()}; pick that date or later",
        )
    if raw is None:
        raise InvalidInput("value", "is required (an overlay never records a gap)")
    in_force = _in_force(parameter.versions, effective).value
    return _partial(raw, in_force, parameter, len(parameter.keys))


def _partial(raw: Any, base: Any, parameter: Parameter, depth: int) -> Any:
    """Convert ``raw``; at a table level, keys given replace those of ``base`` and the rest are kept."""
    if depth and isinstance(raw, dict) and isinstance(base, dict):
        raw = {_key(k, base): v for k, v in raw.items()}
        unknown = sorted(str(k) for k in set(raw) - set(base))
        if unknown:
            known = ", ".join(sorted(str(k) for k in base))
            raise InvalidInput("value", f"{parameter.name} has no key {unknown[0]!r}; known: {known}")
        return {k: _partial(raw[k], v, parameter, depth - 1) if k in raw else v for k, v in base.items()}
    try:
        value = _convert(raw, parameter.unit, depth, parameter.brackets)
    except (BadValueError, KeyError, TypeError, ValueError) as err:
        raise InvalidInput("value", f"for {parameter.name} ({parameter.unit.value}): {err}") from None
    if value is None:
        raise InvalidInput("value", "is required (an overlay never records a gap)")
    return value


def _key(key: Any, base: Mapping[Any, Any]) -> Any:
    """A table key as the YAML typed it: JSON and forms give ``"2"`` where the YAML has ``2``."""
    if key not in base and isinstance(key, str) and key.lstrip("-").isdigit() and int(key) in base:
        return int(key)
    return key


def check_confidence(raw: str) -> str:
    """``high``, ``medium`` or ``low``; anything else is refused naming ``confidence``."""
    if raw not in CONFIDENCE:
        raise InvalidInput("confidence", f"must be one of {', '.join(CONFIDENCE)}")
    return raw


def _base_versions(parameter: Parameter) -> list[Version]:
    return parameter.yaml_versions


def _in_force(versions: Sequence[Version], on: dt.date) -> Version:
    found = versions[0]
    for version in versions:
        if version.effective <= on:
            found = version
    return found


def merged_versions(parameter: Parameter, overlays: Iterable[ParameterOverlay]) -> list[Version]:
    """The YAML versions with each overlay added (an overlay replaces a YAML value of the same date)."""
    by_date = {v.effective: v for v in _base_versions(parameter)}
    for overlay in overlays:  # in the order given: a later one of the same date wins
        if overlay.parameter == parameter.name:
            by_date[overlay.effective] = overlay.version()
    return [by_date[d] for d in sorted(by_date)]


def apply(pack: Pack, overlays: Sequence[ParameterOverlay]) -> bool:
    """Lay ``overlays`` over the pack's YAML (replacing any laid before); False when nothing changed.

    Compiled plans are dropped (they were built for the old versions); the graph stays, since it holds
    the same parameter objects.
    """
    chosen = tuple(overlays)  # in approval order: of two values for one date, the later approved wins
    if chosen == pack.overlays:
        return False
    for program in pack.programs.values():
        for parameter in program.parameter_set.values():
            parameter.use_versions(merged_versions(parameter, chosen))
        graph = program.cache.get("graph")
        program.cache.clear()
        if graph is not None:
            program.cache["graph"] = graph
    pack.overlays = chosen
    pack.__dict__.pop("version", None)  # the cached hash; the next read covers the overlays
    return True


def replay_snapshot(program: Program, on: dt.date, overlays: Sequence[ParameterOverlay]) -> Snapshot:
    """The parameters in force on ``on`` with exactly ``overlays`` laid over the YAML (for replay)."""
    versions: dict[str, Version] = {}
    key: list[int] = []
    for parameter in graph_of(program).parameters:
        merged = merged_versions(parameter, overlays)
        i = max((n for n, v in enumerate(merged) if v.effective <= on), default=-1)
        if i < 0:
            parameter.index_at(on)  # raises ParameterNotInForce naming it
        versions[parameter.name] = merged[i]
        key.append(i)
    return Snapshot(on, tuple(key), versions)


def overlay_yaml(overlays: Sequence[ParameterOverlay], parameters: Mapping[str, Parameter]) -> str:
    """The overlays as ``values:`` entries of each parameter's YAML, for review before a release."""
    lines: list[str] = []
    for overlay in sorted(overlays, key=lambda o: (o.parameter, o.effective)):
        parameter = parameters[overlay.parameter]
        lines.append(f"# {overlay.parameter} ({parameter.key} in its parameters.yaml), overlay {overlay.id}")
        lines.append(f"{parameter.key}:")
        lines.append("  values:")
        lines.append(f"    - effective: {overlay.effective.isoformat()}")
        value = json.dumps(cents_to_yaml(overlay.value, parameter.unit.value))
        lines.append(f"      value: {value}")
        lines.append("      source:")
        lines.append(f"        title: {json.dumps(overlay.source.title)}")
        if overlay.source.url:
            lines.append(f"        url: {json.dumps(overlay.source.url)}")
        if overlay.source.section:
            lines.append(f"        section: {json.dumps(overlay.source.section)}")
        lines.append(f"      confidence: {overlay.confidence}")
        lines.append("")
    return "\n".join(lines)


def replay(pack: Pack, program_id: str, data: object, used: Sequence[ParameterOverlay]) -> ProgramResult:
    """One program's result for a recorded case with exactly the overlays a decision used.

    Overlays approved since (or a pack whose overlays were dropped) do not change a replay: the
    parameters are the YAML's with ``used`` laid over them, as on the day of the decision.
    """
    from onestop.rules.case_eval import CasePlan
    from onestop.rules.result import ProgramResult

    case = pack.parse_case(data)
    program = pack.program(program_id)
    plan = CasePlan(graph_of(program), replay_snapshot(program, case.date, used))
    values = plan.run(case.unit, case.people)
    return ProgramResult(program, plan, values, case, pack.vocabulary)
