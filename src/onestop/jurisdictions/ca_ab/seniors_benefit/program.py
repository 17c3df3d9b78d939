"""Alberta Seniors Benefit: eligibility by the income guideline, and the monthly benefit.

A senior 65 or older receiving Old Age Security qualifies when the household's income of the last
tax year is within the guideline (which assumes a full OAS pension). The benefit is the maximum less
a reduction for income; the reduction schedule is not in the material we hold, so the amount stays
undetermined, naming it.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import ENUM, MONEY, UNIT, Expr, Unit, max_, when

program = ab_program(
    "ab.seniors_benefit",
    label={"en": "Alberta Seniors Benefit", "fr": "Prestation aux aînés de l'Alberta"},
    reference="Alberta Seniors Benefit Act",
)
p = program.p


@program.variable(
    UNIT,
    ENUM,
    label={"en": "Family", "fr": "Famille"},
    domain={"single": {"en": "single senior", "fr": "aîné seul"}, "couple": {"en": "couple", "fr": "couple"}},
)
def family(unit: Unit) -> Expr:
    return when((unit.members.role == "partner").any(), "couple", "single", label="has a partner")


@program.amount(
    label={"en": "Income guideline", "fr": "Seuil de revenu"}, reference="Alberta Seniors Benefit Act"
)
def income_guideline(unit: Unit) -> Expr:
    return p.income_guideline[unit.family]


@program.variable(UNIT, MONEY, label={"en": "Reduction for income", "fr": "Réduction selon le revenu"})
def monthly_reduction(unit: Unit) -> Expr:
    above = max_(0, unit.annual_net_income - p.reduction_threshold[unit.family])
    return (above * p.reduction_rate[unit.family]) / 12


@program.amount(label={"en": "Monthly benefit", "fr": "Prestation mensuelle"}, pays=True)
def monthly_amount(unit: Unit) -> Expr:
    return max_(0, p.max_monthly_benefit[unit.family] - unit.monthly_reduction)


@program.test(
    words={
        "en": "a senior 65 or older receiving Old Age Security",
        "fr": "un aîné de 65 ans ou plus recevant la SV",
    },
    reference="Alberta Seniors Benefit Act s.3",
)
def senior_receiving_oas(unit: Unit) -> Expr:
    m = unit.members
    return (m.role.is_in("applicant", "partner") & (m.age >= 65) & m.receives_oas).any()


@program.test(
    words={"en": "income within the guideline", "fr": "revenu sous le seuil"},
    reference="Alberta Seniors Benefit Act; income guidelines (alberta.ca)",
)
def income_within_guideline(unit: Unit) -> Expr:
    return unit.annual_net_income <= unit.income_guideline


@program.test(words={"en": "a benefit is payable", "fr": "une prestation est payable"}, reference=None)
def benefit_payable(unit: Unit) -> Expr:
    return unit.monthly_amount > 0
