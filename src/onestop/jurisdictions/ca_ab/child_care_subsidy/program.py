"""Alberta Child Care Subsidy: the monthly subsidy for each child in licensed care.

Each child 12 or younger (not yet in grade 7) in licensed facility-based or family day home care gets
the subsidy of its income bracket (reported per child as ``subsidy.<person id>``; the family's total is
the monthly amount): a table for children before kindergarten, and one for
kindergarten to grade 6 with a column by type of care. Children under 5 are taken as not yet in
kindergarten. In July and August a school-age child in care 100 hours or more has the summer rates
(their own columns). The maximum (full-time) rate is reported; extended-hours subsidy is not modelled.
"""

from __future__ import annotations

from onestop.jurisdictions.ca_ab.screening_inputs import ab_program
from onestop.rules import BOOL, ENUM, MONEY, PERSON, Expr, Person, Unit, select, when

program = ab_program(
    "ab.child_care_subsidy",
    label={"en": "Child Care Subsidy", "fr": "Subvention pour la garde d'enfants"},
    reference="Early Learning and Child Care Act and Regulation",
)
p = program.p
GRADES_1_TO_6 = ("1", "2", "3", "4", "5", "6")


@program.variable(
    PERSON,
    ENUM,
    label={"en": "Age group for the subsidy", "fr": "Groupe d'âge pour la subvention"},
    domain={
        "preschool": {"en": "before kindergarten", "fr": "avant la maternelle"},
        "kindergarten": {"en": "kindergarten", "fr": "maternelle"},
        "school_age": {"en": "grades 1 to 6", "fr": "1re à 6e année"},
        "none": {"en": "not covered", "fr": "non visé"},
    },
)
def care_group(person: Person) -> Expr:
    return select(
        (person.age < 5, "preschool"),
        (person.school_grade == "kindergarten", "kindergarten"),
        (person.school_grade.is_in(*GRADES_1_TO_6), "school_age"),
        default="none",
        labels=["under 5", "in kindergarten", "in grades 1 to 6"],
    )


@program.variable(PERSON, BOOL, label={"en": "Child in licensed care", "fr": "Enfant en garde agréée"})
def eligible_child(person: Person) -> Expr:
    in_care = person.child_care_type.is_in("facility_based", "family_day_home")
    return (person.role == "dependant") & (person.age <= 12) & (person.care_group != "none") & in_care


@program.variable(PERSON, MONEY, label={"en": "Income limit", "fr": "Limite de revenu"})
def income_limit(person: Person) -> Expr:
    return when(
        person.care_group == "preschool",
        p.income_limit["preschool"],
        p.income_limit["kindergarten_to_grade6"],
        label="before kindergarten",
    )


@program.variable(PERSON, BOOL, label={"en": "Income under the limit", "fr": "Revenu sous la limite"})
def under_limit(person: Person) -> Expr:
    return person.unit.annual_net_income < person.income_limit


@program.variable(
    PERSON,
    ENUM,
    label={"en": "Column of the subsidy table", "fr": "Colonne de la table des subventions"},
    domain={
        "preschool": {"en": "before kindergarten", "fr": "avant la maternelle"},
        "kindergarten_facility": {"en": "kindergarten, facility-based", "fr": "maternelle, en établissement"},
        "kindergarten_day_home": {
            "en": "kindergarten, family day home",
            "fr": "maternelle, en milieu familial",
        },
        "school_age": {"en": "grades 1 to 6", "fr": "1re à 6e année"},
        "school_age_summer_facility": {
            "en": "grades 1 to 6 in July and August, facility-based",
            "fr": "1re à 6e année en juillet et août, en établissement",
        },
        "school_age_summer_day_home": {
            "en": "grades 1 to 6 in July and August, family day home",
            "fr": "1re à 6e année en juillet et août, en milieu familial",
        },
    },
)
def subsidy_column(person: Person) -> Expr:
    school_age = person.care_group == "school_age"
    facility = person.child_care_type == "facility_based"
    return select(
        (person.care_group == "preschool", "preschool"),
        (school_age & p.summer_rates & facility, "school_age_summer_facility"),
        (school_age & p.summer_rates, "school_age_summer_day_home"),
        (school_age, "school_age"),
        (facility, "kindergarten_facility"),
        default="kindergarten_day_home",
        labels=[
            "before kindergarten",
            "school age in July or August, facility-based",
            "school age in July or August",
            "school age",
            "facility-based",
        ],
    )


@program.amount(
    PERSON,
    label={"en": "Subsidy for the child (per month)", "fr": "Subvention pour l'enfant (par mois)"},
    reference="alberta.ca/child-care-subsidy, Table 1",
    for_members="eligible_child",
)
def subsidy(person: Person) -> Expr:
    rate = p.subsidy[person.subsidy_column].bracket(person.unit.annual_net_income)
    return when(person.eligible_child & person.under_limit, rate, 0, label="eligible child under the limit")


@program.amount(
    label={"en": "Monthly subsidy (all children)", "fr": "Subvention mensuelle (tous les enfants)"}, pays=True
)
def monthly_amount(unit: Unit) -> Expr:
    return unit.members.subsidy.sum()


@program.test(
    words={
        "en": "a child 12 or younger in licensed care",
        "fr": "un enfant de 12 ans ou moins en garde agréée",
    },
    reference="Early Learning and Child Care Regulation (subsidy eligibility)",
)
def has_eligible_child(unit: Unit) -> Expr:
    return unit.members.eligible_child.any()


@program.test(
    words={"en": "family income under the limit", "fr": "revenu familial sous la limite"},
    reference="alberta.ca/child-care-subsidy",
)
def income_under_limit(unit: Unit) -> Expr:
    return (unit.members.eligible_child & unit.members.under_limit).any()
