"""ISB: a monthly income-support benefit for a household (the shared benchmark rule)."""

from __future__ import annotations

from pathlib import Path

from onestop.rules import INT, MONEY, PERSON, UNIT, Expr, Person, Program, Unit, max_, min_, when

program = Program(
    "isb.benefit",
    label={"en": "ISB income support benefit", "fr": "Prestation ISB"},
    root=Path(__file__).parent,
)
p = program.p


@program.variable(PERSON, MONEY, label="Net income counted (adults only)")
def person_net_income(person: Person) -> Expr:
    net = person.salary * (1 - p.contribution_rate) + person.other_income
    return when(person.age >= p.adult_age, net, 0)


@program.variable(UNIT, INT, label="Household size")
def size(unit: Unit) -> Expr:
    return unit.members.count()


@program.amount(label={"en": "Household net income", "fr": "Revenu net du ménage"})
def net_income(unit: Unit) -> Expr:
    return unit.members.person_net_income.sum()


@program.variable(UNIT, MONEY, label="Household assets")
def assets(unit: Unit) -> Expr:
    return unit.members.savings.sum()


@program.amount(label={"en": "Core amount", "fr": "Montant de base"})
def core_amount(unit: Unit) -> Expr:
    return p.core_amount[min_(unit.size, 6)]


@program.amount(label={"en": "Countable income", "fr": "Revenu comptabilisé"})
def countable_income(unit: Unit) -> Expr:
    return max_(0, unit.net_income - p.exemption)


@program.test(
    words={"en": "assets within the limit", "fr": "avoirs sous le plafond"}, reference="ISB asset limit"
)
def asset_test_ok(unit: Unit) -> Expr:
    return unit.assets <= p.asset_limit


@program.amount(label={"en": "ISB benefit", "fr": "Prestation ISB"}, pays=True)
def benefit(unit: Unit) -> Expr:
    return when(unit.asset_test_ok, max_(0, unit.core_amount - unit.countable_income), 0)


@program.test(
    words={"en": "income below the core amount", "fr": "revenu inférieur au montant de base"},
    reference="ISB benefit > 0",
)
def eligible(unit: Unit) -> Expr:
    return unit.benefit > 0
