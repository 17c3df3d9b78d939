"""The result of one program for one case: status, amounts, reasons, and its explanation.

Only the status is computed eagerly; reasons, the explanation and the missing inputs are derived
from the evaluated values when asked for, so evaluating stays cheap and rendering is lazy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

from onestop.rules.case import Case, Vocabulary
from onestop.rules.case_eval import CasePlan
from onestop.rules.describe import enum_words, fmt, formula_text, wire, word
from onestop.rules.expr import COMPARISONS, Expr
from onestop.rules.graph import Graph, Live
from onestop.rules.program import Program
from onestop.rules.screen import Missing, find_missing
from onestop.rules.types import Kind
from onestop.rules.values import format_cents

ELIGIBLE, INELIGIBLE, UNDETERMINED = "eligible", "ineligible", "undetermined"


def decided_by(vals: list[Any], i: int, op: str, args: tuple[int, ...]) -> int:
    """Which arguments of a branch or an and/or the outcome depends on: for ``when``, 1 (then) or 2
    (otherwise) when the condition is known (for every member), for and/or the count of arguments
    up to the first that decided it; 0 when every argument counts."""
    if op == "when":
        cond = vals[args[0] + 1]
        if isinstance(cond, list):
            if all(c is True for c in cond):
                return 1
            return 2 if all(c is False for c in cond) else 0
        return 1 if cond is True else 2 if cond is False else 0
    target = op == "or"  # the value that decides: true for "or", false for "and"
    if vals[i + 1] is not target:  # not decided, or a list (person values): every argument counts
        return 0
    return next(n for n, a in enumerate(args, 1) if vals[a + 1] is target)


class ProgramResult:
    """One program's answer for one case."""

    def __init__(
        self, program: Program, plan: CasePlan, vals: list[Any], case: Case, vocab: Vocabulary
    ) -> None:
        self.program = program
        self.plan = plan
        self.graph: Graph = plan.graph
        self.vals = vals
        self.case = case
        self.vocab = vocab
        self.tests: list[Any] = [vals[i + 1] for i in self.graph.tests]
        if False in self.tests:
            self.status = INELIGIBLE
        elif all(t is True for t in self.tests) and (
            self.graph.pays is None or vals[self.graph.pays + 1] is not None
        ):
            self.status = ELIGIBLE
        else:  # a test is unknown, or every test passed but the amount is not known yet
            self.status = UNDETERMINED

    def value(self, name: str) -> Any:
        """The raw value of a variable (cents, millionths, bool, int, str; a list for person values)."""
        return self.vals[self.graph.named[name] + 1]

    @property
    def monthly_amount(self) -> int | None:
        """The benefit in cents: the amount when eligible, 0 when not, unknown when undetermined."""
        if self.graph.pays is None or self.status == UNDETERMINED:
            return None
        return int(self.vals[self.graph.pays + 1]) if self.status == ELIGIBLE else 0

    @property
    def amounts(self) -> dict[str, int | None]:
        """Named components in cents (unknown ones are None); person amounts as ``<name>.<person id>``."""
        out: dict[str, int | None] = {}
        vals, per_person = self.vals, self.graph.per_person
        for name, i in self.graph.amounts.items():
            if name not in per_person:
                out[name] = vals[i + 1]
                continue
            for pid, value in self.per_member(name).items():
                out[f"{name}.{pid}"] = value
        return out

    def per_member(self, name: str) -> dict[str, Any]:
        """A person amount by person id, for the members it lists (see ``Program.amount``)."""
        ids = self.case.person_ids
        value = self.vals[self.graph.named[name] + 1]
        values = value if isinstance(value, list) else [value] * len(ids)
        listing = self.graph.per_person.get(name)
        shown = [True] * len(ids) if listing is None else self.vals[listing + 1]
        if not isinstance(shown, list):
            shown = [shown] * len(ids)
        return {pid: v for pid, v, s in zip(ids, values, shown, strict=True) if s is not False}

    @cached_property
    def missing(self) -> Missing:
        """Unknown inputs (ranked) and parameter gaps that keep the result undetermined."""
        if self.status != UNDETERMINED:
            return Missing([], [])
        roots = [i for i, t in zip(self.graph.tests, self.tests, strict=True) if t is None]
        if not roots and self.graph.pays is not None:  # every test passed but the amount is unknown
            roots.append(self.graph.pays)
        return find_missing(self.graph, self.vals, roots, self._path)

    def gaps(self, lang: str = "en") -> list[str]:
        """The missing policy values in words, each with its name (``missing.parameters``)."""
        return [gap.words(lang, self.graph.labels) for gap in self.missing.gaps]

    def _path(self, node: Expr, member: int | None) -> str:
        pid = self.case.person_ids[member] if member is not None else None
        return self.vocab.path(node.data, pid)

    def reasons(self, lang: str = "en") -> list[dict[str, Any]]:
        """Every test applied, passed or failed (or unknown), in words, with its reference."""
        out = []
        for test, index, passed in zip(self.program.tests, self.graph.tests, self.tests, strict=True):
            node = self.graph.nodes[index].args[0]
            out.append(
                {
                    "test": test.words(lang),
                    "passed": passed,
                    "detail": self._detail(node, lang),
                    "reference": test.reference,
                }
            )
        return out

    def _val(self, node: Expr) -> Any:
        return self.vals[self.graph.index[id(node)] + 1]

    def _detail(self, node: Expr, lang: str) -> str:
        if node.op == "var":
            return self._detail(node.args[0], lang)
        if node.op in COMPARISONS:
            a, b = node.args
            labels = self.graph.labels
            left, right = fmt(self._val(a), a.kind, lang, labels), fmt(self._val(b), b.kind, lang, labels)
            return f"{left} {COMPARISONS[node.op]} {right}"
        if node.op in ("and", "or"):
            target = node.op == "or"  # the value that decides: false for "and", true for "or"
            for arg in node.args:
                if self._val(arg) is target:
                    return self._detail(arg, lang)
            return "; ".join(self._detail(arg, lang) for arg in node.args)
        return f"{self._text(node, lang)} = {fmt(self._val(node), node.kind, lang, self.graph.labels)}"

    @property
    def live(self) -> list[Expr]:
        """Nodes that the outcome depends on, following only the branches taken."""
        return [self.graph.nodes[i] for i in self.live_indices]

    @property
    def live_indices(self) -> tuple[int, ...]:
        """Graph positions of the nodes the outcome depends on, in evaluation order."""
        return self.live_set.indices

    @cached_property
    def live_set(self) -> Live:
        """The nodes the outcome depends on, sorted for the explanation.

        Which nodes are live depends only on the branches taken and on which argument decided each
        and/or, so the walk is done once per such pattern and shared (most cases repeat a few).
        """
        graph, vals = self.graph, self.vals
        pattern = tuple(decided_by(vals, i, op, args) for i, op, args in graph.decisions)
        live = graph.live_cache.get(pattern)
        if live is None:
            live = graph.live(self._walk_live())
            if len(graph.live_cache) < 10_000:  # bounded: a long-running server sees many patterns
                graph.live_cache[pattern] = live
        return live

    def _walk_live(self) -> tuple[int, ...]:
        graph, vals = self.graph, self.vals
        stack = [*graph.tests, *graph.amounts.values()]
        stack.extend(i for i in graph.per_person.values() if i is not None)
        if graph.pays is not None:
            stack.append(graph.pays)
        seen: set[int] = set()
        while stack:
            i = stack.pop()
            if i in seen:
                continue
            seen.add(i)
            args = graph.arg_index[i]
            op = graph.nodes[i].op
            if op in ("when", "and", "or"):
                decided = decided_by(vals, i, op, args)
                if decided:
                    args = (args[0], args[decided]) if op == "when" else args[:decided]
            stack.extend(args)
        return tuple(sorted(seen))

    def explanation(self, lang: str = "en") -> dict[str, Any]:
        """Values and parameters used (with sources) and the branches taken.

        Values are machine-readable (enum codes); ``labels`` gives the words of each enum value used,
        and each parameter's ``key_labels`` the words of its keys, in ``lang``.
        """
        values, labels = self.values_used(lang)
        return {
            "values": values,
            "labels": labels,
            "parameters": self.parameters_used(lang, copy=True),
            "branches": self.branches(lang),
        }

    def values_used(self, lang: str = "en") -> tuple[dict[str, Any], dict[str, Any]]:
        """Every named value the outcome depends on (JSON form; person values by id), and the words
        of the enum values among them."""
        values: dict[str, Any] = {}
        labels: dict[str, Any] = {}
        words = self.graph.labels
        vals, ids = self.vals, self.case.person_ids
        for i, name, convert, enum in self.live_set.named:
            value = vals[i + 1]
            if type(value) is list:  # a person value: by person id
                values[name] = dict(zip(ids, map(convert, value), strict=True))
                if enum and words:
                    labels[name] = {
                        pid: None if v is None else enum_words(v, lang, words)
                        for pid, v in zip(ids, value, strict=True)
                    }
            else:
                values[name] = convert(value)
                if enum and words:
                    labels[name] = None if value is None else enum_words(value, lang, words)
        return values, labels

    def parameters_used(self, lang: str = "en", *, copy: bool = True) -> list[dict[str, Any]]:
        """Each parameter cell used, with its value, source and confidence. Entries are made once per
        cell and snapshot; without ``copy`` they are that shared record, to be read only (as text)."""
        params: dict[tuple[Any, ...], dict[str, Any]] = {}
        for node in self.live_set.params:
            for key, entry in self._param_entries(node, lang, copy):
                if key not in params:
                    params[key] = entry
        return list(params.values())

    def branches(self, lang: str = "en") -> list[dict[str, Any]]:
        """The branches taken (``when``/``select`` on unit values), outer conditions first."""
        return self._branches(
            [n for n in self.live_set.whens if type(self._val(n.args[0])) is not list], lang
        )

    def _branches(self, whens: list[Expr], lang: str) -> list[dict[str, Any]]:
        named = self.graph.named
        # outer conditions first: a select() is a chain of whens built inside out
        whens.sort(key=lambda n: (named.get(n.owner or "", 0), -self.graph.of(n)))
        out = []
        for node in whens:
            cond = self._val(node.args[0])
            label = node.data
            if isinstance(label, Mapping):
                label = label.get(lang) or label.get("en")
            out.append(
                {
                    "variable": node.owner,
                    "condition": label or self._text(node.args[0], lang),
                    "holds": cond,
                    "branch": {True: "then", False: "else", None: "unknown"}[cond],
                }
            )
        return out

    def _text(self, node: Expr, lang: str) -> str:
        key = (id(node), lang)
        text = self.graph.texts.get(key)
        if text is None:
            text = self.graph.texts[key] = formula_text(node, lang, labels=self.graph.labels)
        return text

    def _param_entries(
        self, node: Expr, lang: str, copy: bool
    ) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
        """What the explanation says of a parameter looked up here: one entry per distinct cell used."""
        keys = node.args[:-1] if node.op == "bracket" else node.args
        vals, index = self.vals, self.graph.index
        key_values = tuple([vals[index[id(k)] + 1] for k in keys])
        value = vals[index[id(node)] + 1]
        if type(value) is list or list in map(type, key_values):
            n = len(self.case.people)
            columns = [k if isinstance(k, list) else [k] * n for k in key_values]
            values = value if isinstance(value, list) else [value] * n
            return [
                self._param_entry(node, keys, row, v, lang) for *row, v in zip(*columns, values, strict=True)
            ]
        # the same cell of the same snapshot says the same thing: made once, copied for each result
        cache = self.plan.entries
        cached = cache.get((id(node), lang, key_values, value))
        if cached is None:
            cached = self._param_entry(node, keys, key_values, value, lang)
            if len(cache) < 10_000:
                cache[(id(node), lang, key_values, value)] = cached
        return [(cached[0], {**cached[1]} if copy else cached[1])]

    def _param_entry(
        self, node: Expr, keys: tuple[Expr, ...], row: Any, value: Any, lang: str
    ) -> tuple[tuple[Any, ...], dict[str, Any]]:
        param = node.data
        static = self.plan.parameter_info(param, lang)
        words = self.graph.labels
        entry = {
            **static,
            "keys": list(row),
            "key_labels": [
                enum_words(k, lang, words) if e.kind is Kind.ENUM and k is not None else k
                for k, e in zip(row, keys, strict=True)
            ],
            "value": wire(value, param.unit),
            "note": static["note"] if value is None else None,
        }
        return (param.name, *row), entry

    def render(self, lang: str = "en") -> str:
        """This result as text an officer reads to the client (see ``render_result``)."""
        return "\n".join(render_result(self, lang))

    def to_dict(self, lang: str = "en", *, explain: bool = True) -> dict[str, Any]:
        """The JSON shape of reference/case-format.md (plus missing_parameters and the explanation)."""
        pay = self.monthly_amount
        out: dict[str, Any] = {
            "program": self.program.id,
            "label": self.program.label(lang),
            "status": self.status,
            "monthly_amount": wire(pay, Kind.MONEY),
            "amounts": {k: wire(v, Kind.MONEY) for k, v in self.amounts.items()},
            "missing": self.missing.inputs,
            "missing_parameters": self.missing.parameters,
            "reasons": self.reasons(lang),
        }
        if explain:
            out["explanation"] = self.explanation(lang)
        return out


# Plain text in English or French, for an officer to read to a client.

HEAD = {
    "en": {
        "date": "Date",
        "rules": "Rules version",
        "amount": "Monthly amount",
        "amounts": "Amounts",
        "tests": "Tests",
        "missing": "Still needed",
        "gaps": "Policy values not published (no value in onestop)",
        "params": "Parameters used",
        "branches": "Branches taken",
        "values": "Values used",
        "from": "in force from",
        "confidence": "confidence",
        "yes": "met",
        "no": "not met",
        "unknown": "unknown",
    },
    "fr": {
        "date": "Date",
        "rules": "Version des règles",
        "amount": "Montant mensuel",
        "amounts": "Montants",
        "tests": "Critères",
        "missing": "Renseignements à obtenir",
        "gaps": "Valeurs non publiées (aucune valeur dans onestop)",
        "params": "Paramètres utilisés",
        "branches": "Choix effectués",
        "values": "Valeurs utilisées",
        "from": "en vigueur depuis",
        "confidence": "fiabilité",
        "yes": "respecté",
        "no": "non respecté",
        "unknown": "inconnu",
    },
}

_DECIMAL = re.compile(r"-?\d+\.\d+")
CONFIDENCE = {
    "en": {"high": "high", "medium": "medium", "low": "low"},
    "fr": {"high": "élevée", "medium": "moyenne", "low": "faible"},
}


def render_result(result: ProgramResult, lang: str = "en") -> list[str]:
    """One program's result as lines of text."""
    h = HEAD.get(lang, HEAD["en"])
    lines = [f"{result.program.label(lang)} ({result.program.id}): {word(result.status, lang).upper()}"]
    if result.monthly_amount is not None:
        lines.append(f"  {h['amount']}: {fmt(result.monthly_amount, Kind.MONEY, lang)} $")
    amounts = result.amounts
    if amounts:
        parts = [f"{_amount_label(result, n, lang)} {fmt(v, Kind.MONEY, lang)}" for n, v in amounts.items()]
        lines.append(f"  {h['amounts']}: " + "; ".join(parts))
    lines.append(f"  {h['tests']}:")
    for reason in result.reasons(lang):
        mark = {True: "✓", False: "✗", None: "?"}[reason["passed"]]
        state = h[{True: "yes", False: "no", None: "unknown"}[reason["passed"]]]
        ref = f" [{reason['reference']}]" if reason["reference"] else ""
        lines.append(f"    {mark} {reason['test']}: {state} ({reason['detail']}){ref}")
    if result.missing.inputs:
        lines.append(
            f"  {h['missing']}: " + ", ".join(_question(result, p, lang) for p in result.missing.inputs)
        )
    if result.missing.parameters:
        lines.append(f"  {h['gaps']}: " + "; ".join(result.gaps(lang)))
    lines.extend(_explanation_lines(result, lang, h))
    return lines


def _explanation_lines(result: ProgramResult, lang: str, h: dict[str, str]) -> list[str]:
    lines = []
    branches = result.branches(lang)
    if branches:
        lines.append(f"  {h['branches']}:")
        lines.extend(
            f"    {_label(result, b['variable'], lang)}: {b['condition']}? {_plain(b['holds'], lang)}"
            for b in branches
        )
    values = _values(result, lang)
    if values:
        lines.append(f"  {h['values']}: {values}")
    parameters = result.parameters_used(lang, copy=False)
    if parameters:
        lines.append(f"  {h['params']}:")
        for p in parameters:
            keys = "".join(f"[{k}]" for k in p["key_labels"])
            src = ", ".join(
                x for x in (p["source"]["title"], p["source"]["section"], p["source"]["url"]) if x
            )
            value = _local(p["value"], lang) if p["value"] is not None else word("unknown", lang)
            confidence = CONFIDENCE.get(lang, CONFIDENCE["en"])[p["confidence"]]
            lines.append(
                f"    {p['label']}{keys} = {value} ({h['from']} {p['effective']}, {h['confidence']} "
                f"{confidence}) — {src}"
            )
    return lines


def _values(result: ProgramResult, lang: str) -> str:
    """ "Label = value; ..." for every value used (enum values in words, person values by id)."""
    names = _labels(result, lang)
    as_text = _formatters(result, lang)
    unknown = word("unknown", lang)
    vals, ids, nodes = result.vals, result.case.person_ids, result.graph.nodes
    parts = []
    for i, name, _, _ in result.live_set.named:
        show = as_text[nodes[i].kind]
        value = vals[i + 1]
        if type(value) is list:
            shown = ", ".join(
                f"{pid}: {unknown if v is None else show(v)}" for pid, v in zip(ids, value, strict=True)
            )
            text = "{" + shown + "}"
        else:
            text = unknown if value is None else show(value)
        parts.append(f"{names.get(name) or name} = {text}")
    return "; ".join(parts)


def _formatters(result: ProgramResult, lang: str) -> dict[Kind, Callable[[Any], str]]:
    """How a known value of each kind reads in ``lang`` (as ``describe.fmt``), made once per program."""
    key = ("formatters", lang)
    table = result.program.cache.get(key)
    if table is None:
        words = result.graph.labels
        yes, no = word("yes", lang), word("no", lang)
        table = {kind: functools.partial(fmt, kind=kind, lang=lang, labels=words) for kind in Kind}
        table[Kind.BOOL] = lambda v: yes if v else no
        table[Kind.INT] = str
        if lang != "fr":
            table[Kind.MONEY] = format_cents
        result.program.cache[key] = table
    assert isinstance(table, dict)
    return table


def _labels(result: ProgramResult, lang: str) -> dict[str, str]:
    """Every variable's label in ``lang``, made once per program."""
    key = ("labels", lang)
    table = result.program.cache.get(key)
    if table is None:
        program = result.program
        table = {name: var.label(lang) for name, var in [*program.inputs.items(), *program.variables.items()]}
        program.cache[key] = table
    assert isinstance(table, dict)
    return table


def _label(result: ProgramResult, name: str, lang: str) -> str:
    return _labels(result, lang).get(name) or name


def _amount_label(result: ProgramResult, key: str, lang: str) -> str:
    """``subsidy.k`` (a person amount) reads "Subsidy per child [k]"."""
    name, _, pid = key.partition(".")
    if pid and name in result.graph.per_person:
        return f"{_label(result, name, lang)} [{pid}]"
    return _label(result, key, lang)


def _question(result: ProgramResult, path: str, lang: str) -> str:
    name = path.rsplit(".", 1)[-1]
    var = result.vocab.person.get(name) or result.vocab.unit.get(name)
    if var is None or var.question is None:
        return path
    return f"{path} ({var.question(lang)})"


def _plain(value: Any, lang: str) -> str:
    if type(value) is str:
        return value if lang != "fr" else _local(value, lang)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_plain(v, lang)}" for k, v in value.items()) + "}"
    if value is None:
        return word("unknown", lang)
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    return _local(value, lang)


def _local(value: Any, lang: str) -> str:
    """A wire value as written in ``lang`` (decimal comma in French)."""
    text = str(value)
    if lang == "fr" and isinstance(value, str) and _DECIMAL.fullmatch(text):
        return text.replace(".", ",")
    return text
