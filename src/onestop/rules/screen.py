"""Screening with unknowns: which unknown inputs (and missing policy values) would decide a result.

From each undecided test the walk goes down only through nodes whose value is still unknown (a
known value needs nothing more), follows only the branch taken when a condition is known, and
stops at unknown inputs (the next questions) and at gaps in the parameters (values the published
policy does not give). Inputs are ranked by how many undecided tests they appear in, then by the
order of the first test they appear in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from onestop.rules.expr import Expr
from onestop.rules.graph import Graph


@dataclass
class Missing:
    """What an undetermined result waits for."""

    inputs: list[str]
    parameters: list[str]


def find_missing(
    graph: Graph, vals: list[Any], roots: list[int], path: Callable[[Expr, int | None], str]
) -> Missing:
    """Unknown inputs and parameter gaps under the undecided ``roots`` (graph positions), ranked."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    gaps: dict[str, None] = {}
    for order, root in enumerate(roots):
        found: dict[str, None] = {}
        _Walk(graph, vals, path, found, gaps).visit(graph.nodes[root], None)
        for rank, name in enumerate(found):
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, (order, rank))
    ranked = sorted(counts, key=lambda name: (-counts[name], first[name]))
    return Missing(ranked, list(gaps))


class _Walk:
    def __init__(
        self,
        graph: Graph,
        vals: list[Any],
        path: Callable[[Expr, int | None], str],
        found: dict[str, None],
        gaps: dict[str, None],
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
        self.gaps[node.data.name + "".join(f"[{v}]" for v in values)] = None
