"""The ISB benchmark rule (shared/bench/isb) as an ordinary onestop rule pack, jurisdiction ``isb``.

Nothing here is tuned for speed: it is written the way any program is (docs/dev/adding-a-program.md),
so the benchmark measures the engine, not a hand-written kernel.
"""

from __future__ import annotations

from pathlib import Path

from onestop.rules import INT, MONEY, PERSON, Pack, input_variable

from .benefit.program import program as benefit

INPUTS = (
    input_variable(
        "age",
        PERSON,
        INT,
        label="Age",
        question={"en": "How old is this person?", "fr": "Quel âge a cette personne?"},
    ),
    input_variable(
        "salary",
        PERSON,
        MONEY,
        label="Salary (gross, monthly)",
        question={
            "en": "What is this person's gross monthly salary?",
            "fr": "Quel est le salaire mensuel brut?",
        },
    ),
    input_variable(
        "other_income",
        PERSON,
        MONEY,
        label="Other income (monthly)",
        question={
            "en": "What other income does this person receive each month?",
            "fr": "Quels autres revenus cette personne reçoit-elle par mois?",
        },
    ),
    input_variable(
        "savings",
        PERSON,
        MONEY,
        label="Savings",
        question={
            "en": "How much does this person have in savings?",
            "fr": "Quel est le montant de l'épargne?",
        },
    ),
)

PACK = Pack(
    "isb",
    label={"en": "ISB benchmark", "fr": "Banc d'essai ISB"},
    root=Path(__file__).parent,
    programs=[benefit],
    inputs=INPUTS,
)
