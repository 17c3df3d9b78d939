"""Screening with unknowns: which unknown inputs (and missing policy values) would decide a result.

From each undecided test the walk goes down only through nodes whose value is still unknown (a
known value needs nothing more), follows only the branch taken when a condition is known, and
stops at unknown inputs (the next questions) and at gaps in the parameters (values the published
policy does not give). Inputs are ranked by how many undecided tests they appear in, then by the
order of the first test they appear in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from onestop.rules.describe import enum_words
from onestop.rules.expr import Expr
from onestop.rules.graph import Graph
from onestop.rules.parameters import Parameter
from onestop.rules.types import Kind, Text


@dataclass(frozen=True)
class Gap:
    """A parameter value the published policy does not give, at the keys the case needs."""

    name: str  # "ab.income_support.core_essential[couple][0][expected_to_work]"
    parameter: Parameter
    keys: tuple[Any, ...]
    enum_keys: tuple[bool, ...]

    def words(self, lang: str, labels: Mapping[str, Text] | None = None) -> str:
        """The gap as an officer reads it, with its name: "Core essential [couple][0] (ab.…)"."""
        keys = "".join(
            f"[{enum_words(k, lang, labels) if e else k}]"
            for k, e in zip(self.keys, self.enum_keys, strict=True)
        )
        return f"{self.parameter.label(lang)}{' ' if keys else ''}{keys} ({self.name})"


@dataclass
class Missing:
    """What an undetermined result waits for."""

    inputs: list[str]
    parameters: list[str]
    gaps: list[Gap] = field(default_factory=list)  # the parameters, with what an explanation says of each


def find_missing(
    graph: Graph, vals: list[Any], roots: list[int], path: Callable[[Expr, int | None], str]
) -> Missing:
    """Unknown inputs and parameter gaps under the undecided ``roots`` (graph positions), ranked."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    gaps: dict[str, Gap] = {}
    for order, root in enumerate(roots):
        found: dict[str, None] = {}
        _Walk(graph, vals, path, found, gaps).visit(graph.nodes[root], None)
        for rank, name in enumerate(found):
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, (order, rank))
    ranked = sorted(counts, key=lambda name: (-counts[name], first[name]))
    return Missing(ranked, list(gaps), list(gaps.values()))


class _Walk:
    def __init__(
        self,
        graph: Graph,
        vals: list[Any],
        path: Callable[[Expr, int | None], str],
        found: dict[str, None],
        gaps: dict[str, Gap],
    ) -> None:
        self.graph = graph
        self.vals = vals
        self.path = path
        self.found = found
        self.gaps = gaps
        self.seen: set[tuple[int, int | None]] = set()

    def value(self, node: Expr, member: int | None) -> Any:
        value = self.vals[self.graph.of(node) + 1]
        if isinstance(value, list):
            return None if member is None else value[member]
        return value

    def visit(self, node: Expr, member: int | None) -> None:
        if node.entity is None or node.entity.value == "unit":
            member = None
        key = (self.graph.of(node), member)
        if key in self.seen or self.value(node, member) is not None:
            return
        self.seen.add(key)
        op = node.op
        if op == "input":
            self.found[self.path(node, member)] = None
        elif op in ("param", "lookup", "bracket"):
            self._parameter(node, member)
        elif op in ("sum", "count", "any", "all"):
            (arg,) = node.args
            values = self.vals[self.graph.of(arg) + 1]
            for j, v in enumerate(values):
                if v is None:
                    self.visit(arg, j)
        elif op == "when":
            cond, then, otherwise = node.args
            c = self.value(cond, member)
            self.visit(cond, member)
            for branch, taken in ((then, c is not False), (otherwise, c is not True)):
                if taken:
                    self.visit(branch, member)
        else:
            for arg in node.args:
                self.visit(arg, member)

    def _parameter(self, node: Expr, member: int | None) -> None:
        keys = node.args[:-1] if node.op == "bracket" else node.args
        values = [self.value(k, member) for k in keys]
        if any(v is None for v in values):
            for k in keys:
                self.visit(k, member)
            return
        if node.op == "bracket" and self.value(node.args[-1], member) is None:
            self.visit(node.args[-1], member)
            return
        name = node.data.name + "".join(f"[{v}]" for v in values)
        self.gaps[name] = Gap(name, node.data, tuple(values), tuple(k.kind is Kind.ENUM for k in keys))
