"""A program's graph in evaluation order, and the parameter versions in force on a date.

Both compilers (per case and batch) start from the same ``Graph``: nodes in topological order, the
indexes of the tests, amounts and benefit, and which nodes depend on no case value (those are
computed once per parameter snapshot).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from onestop.rules.describe import wire_function
from onestop.rules.errors import FormulaError
from onestop.rules.expr import Expr, FormulaTypeError
from onestop.rules.parameters import Parameter, Version
from onestop.rules.program import Program
from onestop.rules.types import Entity, Kind, Text

CASE_OPS = ("input", "members")  # nodes whose value comes from the case


class Graph:
    """The nodes of one program in an order where arguments come before their users."""

    def __init__(self, program: Program) -> None:
        named = program.build()
        for name, listed_by in program.per_person.items():
            _check_listing(program, name, listed_by)
        self.program = program
        roots = [*program.variables, *(c for c in program.per_person.values() if c is not None)]
        self.nodes: list[Expr] = topological([named[name] for name in dict.fromkeys(roots)])
        self.index: dict[int, int] = {id(n): i for i, n in enumerate(self.nodes)}
        self.constant: list[bool] = []
        for node in self.nodes:
            if node.op in CASE_OPS:
                self.constant.append(False)
            else:
                self.constant.append(all(self.constant[self.index[id(a)]] for a in node.args))
        self.named_values: dict[int, tuple[str, Callable[[Any], Any]]] = {
            i: (n.data.name, wire_function(n.kind))
            for i, n in enumerate(self.nodes)
            if n.op in ("var", "input")
        }  # what an explanation shows of each named value, and how to write it
        self.texts: dict[tuple[int, str], str] = {}  # formula texts for explanations, made once
        self.arg_index: list[tuple[int, ...]] = [tuple(self.index[id(a)] for a in n.args) for n in self.nodes]
        self.named: dict[str, int] = {
            name: self.index[id(n)] for name, n in named.items() if id(n) in self.index
        }
        self.tests = [self.named[t.variable] for t in program.tests]
        self.amounts = {name: self.named[name] for name in program.amounts}
        self.per_person: dict[str, int | None] = {
            name: None if c is None else self.named[c] for name, c in program.per_person.items()
        }  # person amounts, and the condition that lists a member (None: every member)
        self.pays = self.named[program.pays] if program.pays else None
        self.parameters: list[Parameter] = program.referenced_parameters()
        self.decisions = [
            (i, n.op, self.arg_index[i]) for i, n in enumerate(self.nodes) if n.op in ("when", "and", "or")
        ]  # the nodes whose outcome prunes an explanation (branches taken, and/or decided early)
        self.live_cache: dict[tuple[int, ...], Live] = {}  # live nodes by decision pattern
        self.labels: dict[str, Text] = value_labels(program)
        self.enum_values = {i for i in self.named_values if self.nodes[i].kind is Kind.ENUM}

    def of(self, node: Expr) -> int:
        """Position of a node."""
        return self.index[id(node)]

    def live(self, indices: tuple[int, ...]) -> Live:
        """Live nodes sorted by what an explanation does with them."""
        named, params, whens = [], [], []
        for i in indices:
            node = self.nodes[i]
            if i in self.named_values:
                name, convert = self.named_values[i]
                named.append((i, name, convert, i in self.enum_values))
            elif node.op in ("param", "lookup", "bracket"):
                params.append(node)
            elif node.op == "when":
                whens.append(node)
        return Live(indices, tuple(named), tuple(params), tuple(whens))


@dataclass(frozen=True)
class Live:
    """The nodes an outcome depends on (``indices``), and among them the named values (position,
    name, JSON conversion, whether an enum), the parameter lookups and the branches."""

    indices: tuple[int, ...]
    named: tuple[tuple[int, str, Callable[[Any], Any], bool], ...]
    params: tuple[Expr, ...]
    whens: tuple[Expr, ...]


def value_labels(program: Program) -> dict[str, Text]:
    """The words for every enum code the program's inputs and variables define (one meaning per code)."""
    labels: dict[str, Text] = {}
    owner: dict[str, str] = {}
    variables = [*program.inputs.values(), *program.variables.values()]
    sources = [(v.name, v.value_labels or {}) for v in variables]
    sources += [(p.name, p.key_labels) for p in program.referenced_parameters()]
    for name, words in sources:
        for code, text in words.items():
            if code in labels and labels[code] != text:
                raise FormulaError(program.id, name, f"gives {code!r} other words than {owner[code]} does")
            labels[code], owner[code] = text, name
    return labels


def _check_listing(program: Program, name: str, listed_by: str | None) -> None:
    """A person amount's ``for_members`` must name a person yes/no value of the program."""
    if listed_by is None:
        return
    try:
        node: Expr | None = program.node(listed_by, Entity.PERSON)
    except (FormulaError, FormulaTypeError):
        node = None
    if node is None or node.kind is not Kind.BOOL:
        raise FormulaError(program.id, name, f"for_members={listed_by!r} must name a person yes/no value")


def topological(roots: list[Expr]) -> list[Expr]:
    """Depth-first post-order from the roots (iterative: graphs may be deep)."""
    order: list[Expr] = []
    done: set[int] = set()
    for root in roots:
        stack: list[tuple[Expr, bool]] = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if id(node) in done:
                continue
            if expanded:
                done.add(id(node))
                order.append(node)
                continue
            stack.append((node, True))
            stack.extend((arg, False) for arg in reversed(node.args) if id(arg) not in done)
    return order


@dataclass(frozen=True)
class Snapshot:
    """The parameter versions in force on a date (plans are cached by ``key``)."""

    on: dt.date
    key: tuple[int, ...]
    versions: dict[str, Version]


def graph_of(program: Program) -> Graph:
    """The program's graph, built once."""
    graph = program.cache.get("graph")
    if graph is None:
        graph = program.cache["graph"] = Graph(program)
    assert isinstance(graph, Graph)
    return graph


def snapshot(program: Program, on: dt.date) -> Snapshot:
    """Versions in force on ``on`` of every parameter the program uses (raises if one has none)."""
    params = graph_of(program).parameters
    key = tuple(p.index_at(on) for p in params)
    return Snapshot(on, key, {p.name: p.versions[i] for p, i in zip(params, key, strict=True)})
