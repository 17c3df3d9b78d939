"""The shared case vocabulary (reference/case-format.md): every pack accepts these names as written.

Each input carries the question a screener asks, in English and French. Packs may add inputs of
their own; they must not rename these.
"""

from __future__ import annotations

from onestop.rules.types import BOOL, ENUM, INT, MONEY, PERSON, UNIT, YEAR, Variable, input_variable


def _q(en: str, fr: str) -> dict[str, str]:
    return {"en": en, "fr": fr}


# Each enum's codes (what cases and JSON carry) with their words (what an explanation says).
ROLE_WORDS = {
    "applicant": _q("applicant", "demandeur"),
    "partner": _q("partner", "conjoint"),
    "dependant": _q("dependant", "personne à charge"),
}
GRADE_WORDS = {
    "kindergarten": _q("kindergarten", "maternelle"),
    **{str(g): _q(f"grade {g}", f"{g}{'re' if g == 1 else 'e'} année") for g in range(1, 13)},
}
CLIENT_TYPE_WORDS = {
    "expected_to_work": _q("expected to work", "apte au travail"),
    "barriers_to_full_employment": _q("barriers to full employment", "obstacles au plein emploi"),
}
HOUSING_WORDS = {
    "private": _q("private housing", "logement privé"),
    "social_housing": _q("social housing", "logement social"),
    "approved_home": _q("approved home", "foyer agréé"),
    "group_home": _q("group home", "foyer de groupe"),
    "shelter": _q("emergency shelter", "refuge d'urgence"),
}
CHILD_CARE_WORDS = {
    "facility_based": _q("facility-based care", "garde en établissement"),
    "family_day_home": _q("family day home", "garde en milieu familial"),
    # the screener must be able to hear "no licensed care" (case-format.md leaves the input null)
    "not_in_care": _q("no licensed child care", "aucune garde agréée"),
}
ROLES = tuple(ROLE_WORDS)
SCHOOL_GRADES = tuple(GRADE_WORDS)
CLIENT_TYPES = tuple(CLIENT_TYPE_WORDS)
HOUSING = tuple(HOUSING_WORDS)
CHILD_CARE = tuple(CHILD_CARE_WORDS)


PERSON_INPUTS: tuple[Variable, ...] = (
    input_variable(
        "role",
        PERSON,
        ENUM,
        domain=ROLE_WORDS,
        label=_q("Role in the unit", "Rôle dans l'unité"),
        question=_q(
            "Is this person the applicant, the partner or a dependant?",
            "Cette personne est-elle le demandeur, le conjoint ou une personne à charge?",
        ),
    ),
    input_variable(
        "age",
        PERSON,
        INT,
        label=_q("Age", "Âge"),
        question=_q(
            "What is this person's date of birth?", "Quelle est la date de naissance de cette personne?"
        ),
        help=_q(
            "Give birth_date (YYYY-MM-DD) or age in years.",
            "Indiquez birth_date (AAAA-MM-JJ) ou l'âge en années.",
        ),
    ),
    input_variable(
        "monthly_net_employment_income",
        PERSON,
        MONEY,
        allow_negative=True,
        label=_q("Net employment income (monthly)", "Revenu net d'emploi (mensuel)"),
        question=_q(
            "How much does this person earn from work each month, after deductions?",
            "Combien cette personne gagne-t-elle par mois, après déductions?",
        ),
        help=_q("Income tax, CPP and EI already deducted.", "Impôt, RPC et AE déjà déduits."),
    ),
    input_variable(
        "monthly_other_income",
        PERSON,
        MONEY,
        label=_q("Other income (monthly)", "Autres revenus (mensuels)"),
        question=_q(
            "How much other income does this person receive each month?",
            "Combien d'autres revenus cette personne reçoit-elle par mois?",
        ),
        help=_q("Pensions, EI, support payments and similar.", "Pensions, AE, pensions alimentaires, etc."),
    ),
    input_variable(
        "school_grade",
        PERSON,
        ENUM,
        domain=GRADE_WORDS,
        label=_q("School grade", "Année scolaire"),
        question=_q("What grade is this child in?", "En quelle année scolaire est cet enfant?"),
    ),
    input_variable(
        "attending_high_school",
        PERSON,
        BOOL,
        label=_q("Attending high school", "Fréquente l'école secondaire"),
        question=_q(
            "Is this person attending high school?", "Cette personne fréquente-t-elle l'école secondaire?"
        ),
    ),
    input_variable(
        "child_care_type",
        PERSON,
        ENUM,
        domain=CHILD_CARE_WORDS,
        label=_q("Child care", "Garde d'enfants"),
        question=_q(
            "What kind of licensed child care does this child attend?",
            "Quel type de garde agréée cet enfant fréquente-t-il?",
        ),
    ),
    input_variable(
        "receives_oas",
        PERSON,
        BOOL,
        label=_q("Receives Old Age Security", "Reçoit la Sécurité de la vieillesse"),
        question=_q(
            "Does this person receive Old Age Security?",
            "Cette personne reçoit-elle la Sécurité de la vieillesse?",
        ),
    ),
    input_variable(
        "receives_gis",
        PERSON,
        BOOL,
        label=_q("Receives the Guaranteed Income Supplement", "Reçoit le Supplément de revenu garanti"),
        question=_q(
            "Does this person receive the Guaranteed Income Supplement?",
            "Cette personne reçoit-elle le Supplément de revenu garanti?",
        ),
    ),
    input_variable(
        "severe_handicap",
        PERSON,
        BOOL,
        label=_q("Severe handicap", "Handicap grave"),
        question=_q(
            "Does this person have a severe and permanent handicap (medical criterion of AISH)?",
            "Cette personne a-t-elle un handicap grave et permanent (critère médical de l'AISH)?",
        ),
    ),
    input_variable(
        "pregnant",
        PERSON,
        BOOL,
        label=_q("Pregnant", "Enceinte"),
        question=_q("Is this person pregnant?", "Cette personne est-elle enceinte?"),
    ),
)


def _money(name: str, en: str, fr: str, qen: str, qfr: str, **kw: object) -> Variable:
    return input_variable(name, UNIT, MONEY, label=_q(en, fr), question=_q(qen, qfr), **kw)  # type: ignore[arg-type]


UNIT_INPUTS: tuple[Variable, ...] = (
    input_variable(
        "client_type",
        UNIT,
        ENUM,
        domain=CLIENT_TYPE_WORDS,
        label=_q("Client type", "Type de client"),
        question=_q(
            "Is the household expected to work, or does it have barriers to full employment?",
            "Le ménage doit-il travailler ou a-t-il des obstacles au plein emploi?",
        ),
    ),
    input_variable(
        "housing",
        UNIT,
        ENUM,
        domain=HOUSING_WORDS,
        label=_q("Housing", "Logement"),
        question=_q(
            "Where does the household live (private, social housing, approved home, group home, shelter)?",
            "Où vit le ménage (logement privé, social, foyer agréé, foyer de groupe, refuge)?",
        ),
    ),
    _money(
        "monthly_shelter_cost",
        "Shelter cost (monthly)",
        "Frais de logement (mensuels)",
        "How much does the household pay for shelter each month?",
        "Combien le ménage paie-t-il par mois pour se loger?",
    ),
    _money(
        "liquid_assets",
        "Liquid assets",
        "Actifs liquides",
        "How much does the household have in cash, bank accounts and other liquid assets?",
        "Combien le ménage a-t-il en argent, comptes bancaires et autres actifs liquides?",
    ),
    _money(
        "non_exempt_assets",
        "Non-exempt assets",
        "Actifs non exemptés",
        "What is the value of the household's non-exempt assets?",
        "Quelle est la valeur des actifs non exemptés du ménage?",
    ),
    _money(
        "annual_net_income",
        "Family net income (last tax year)",
        "Revenu familial net (dernière année)",
        "What was the family's net income for the last tax year?",
        "Quel était le revenu net de la famille pour la dernière année d'imposition?",
        period=YEAR,
        allow_negative=True,
    ),
    _money(
        "projected_annual_net_income",
        "Projected family net income",
        "Revenu familial net prévu",
        "If income is lower now, what net income do you expect this year?",
        "Si le revenu est plus bas maintenant, quel revenu net prévoyez-vous cette année?",
        period=YEAR,
        allow_negative=True,
    ),
    _money(
        "monthly_health_costs",
        "Verified health costs (monthly)",
        "Frais de santé vérifiés (mensuels)",
        "What verified ongoing health costs does the household have each month?",
        "Quels frais de santé continus et vérifiés le ménage a-t-il chaque mois?",
    ),
    _money(
        "annual_eligible_drug_costs",
        "Eligible drug costs (yearly)",
        "Frais de médicaments admissibles (annuels)",
        "How much does the household spend on eligible prescription drugs in a year?",
        "Combien le ménage dépense-t-il par année en médicaments admissibles?",
        period=YEAR,
    ),
    input_variable(
        "receives_income_support",
        UNIT,
        BOOL,
        label=_q("Receives income support", "Reçoit un soutien du revenu"),
        question=_q(
            "Does the household receive income support now?",
            "Le ménage reçoit-il actuellement un soutien du revenu?",
        ),
    ),
    _money(
        "funeral_burial_or_cremation_cost",
        "Burial or cremation cost",
        "Coût de l'inhumation ou de la crémation",
        "What does the burial or cremation cost?",
        "Combien coûte l'inhumation ou la crémation?",
    ),
    _money(
        "funeral_ceremony_cost",
        "Ceremony cost",
        "Coût de la cérémonie",
        "What does the funeral ceremony cost?",
        "Combien coûte la cérémonie funéraire?",
    ),
    input_variable(
        "funeral_remains_placed_in_cemetery",
        UNIT,
        BOOL,
        label=_q("Remains placed in a cemetery", "Dépouille placée dans un cimetière"),
        question=_q(
            "Will the remains be placed in a cemetery?", "La dépouille sera-t-elle placée dans un cimetière?"
        ),
    ),
)

NESTED = {"funeral": "funeral_"}  # unit.funeral.ceremony_cost is the input funeral_ceremony_cost

STANDARD_INPUTS: tuple[Variable, ...] = PERSON_INPUTS + UNIT_INPUTS
