"""The documents an application needs, derived from the program's rules and the catalogue. Pure.

Each input the program's formulas read maps to the document types that prove it (``EVIDENCE``);
inputs that are the officer's own assessment (client type) need none. The catalogue's "documents
usually needed" are matched to a type by keywords (``CATALOGUE_KEYWORDS``) and shown beside the
item; anything unmatched is its own item. Every missing item carries plain instructions, EN and FR.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from onestop.cases.applications.casedata import Member

#: Document types that prove each input (first: the one to ask for). ``None``: officer's assessment.
EVIDENCE: dict[str, tuple[str, ...] | None] = {
    "age": ("identity",),
    "monthly_net_employment_income": ("income_proof", "bank_statement"),
    "monthly_other_income": ("income_proof", "bank_statement"),
    "annual_net_income": ("income_proof",),
    "projected_annual_net_income": ("income_proof",),
    "receives_oas": ("income_proof",),
    "receives_gis": ("income_proof",),
    "liquid_assets": ("bank_statement",),
    "non_exempt_assets": ("bank_statement", "other"),
    "monthly_shelter_cost": ("lease_rent_receipt",),
    "housing": ("lease_rent_receipt", "other"),
    "monthly_health_costs": ("medical",),
    "annual_eligible_drug_costs": ("medical",),
    "severe_handicap": ("medical",),
    "pregnant": ("medical",),
    "school_grade": ("other",),
    "attending_high_school": ("other",),
    "child_care_type": ("other",),
    "client_type": None,
    "receives_income_support": None,
}

#: Person inputs about children: asked of dependants, not of the adults.
DEPENDANT_INPUTS = frozenset({"school_grade", "attending_high_school", "child_care_type"})

#: Lower-case words that place a catalogue line on a document type (English and French text).
CATALOGUE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "identity": ("identification", "identity", "photo id", "pièce d'identité", "identité"),
    "income_proof": ("income", "pay stub", "revenu", "talons de paie", "tax return", "avis de cotisation"),
    "bank_statement": ("bank", "bancaire"),
    "lease_rent_receipt": ("rent", "lease", "shelter", "bail", "loyer", "logement"),
    "medical": ("medical", "physician", "doctor", "médical", "médecin"),
    "immigration_status": ("immigration", "citizenship", "citoyenneté"),
}

INSTRUCTIONS: dict[str, dict[str, dict[str, str]]] = {
    "identity": {
        "label": {"en": "Identification", "fr": "Pièce d'identité"},
        "how": {
            "en": "Bring government-issued photo identification (for example a driver's licence, a "
            "provincial identification card or a passport). If it was lost, a registry office can issue "
            "a replacement; tell the officer, who can say what is accepted meanwhile.",
            "fr": "Apportez une pièce d'identité avec photo délivrée par un gouvernement (par exemple un "
            "permis de conduire, une carte d'identité provinciale ou un passeport). En cas de perte, un "
            "bureau d'enregistrement peut la remplacer; dites-le à l'agent, qui indiquera ce qui est "
            "accepté entre-temps.",
        },
    },
    "income_proof": {
        "label": {"en": "Proof of income", "fr": "Preuve de revenu"},
        "how": {
            "en": "Bring your most recent pay stubs or benefit statements (Employment Insurance, pensions, "
            "support payments). Your employer or the paying agency can give you a copy. If you have no "
            "income, say so: the officer will record your signed declaration.",
            "fr": "Apportez vos derniers talons de paie ou relevés de prestations (assurance-emploi, "
            "pensions, pensions alimentaires). Votre employeur ou l'organisme payeur peut vous en donner "
            "une copie. Si vous n'avez aucun revenu, dites-le : l'agent consignera votre déclaration signée.",
        },
    },
    "bank_statement": {
        "label": {"en": "Bank statements", "fr": "Relevés bancaires"},
        "how": {
            "en": "Bring last month's statement for each bank or credit union account, showing the "
            "balance. The branch can print one, or you can download it from online banking.",
            "fr": "Apportez le relevé du mois dernier de chaque compte bancaire ou de caisse, avec le "
            "solde. La succursale peut l'imprimer, ou vous pouvez le télécharger en ligne.",
        },
    },
    "lease_rent_receipt": {
        "label": {
            "en": "Rental agreement or proof of shelter costs",
            "fr": "Bail ou preuve des frais de logement",
        },
        "how": {
            "en": "Bring your rental agreement, a rent receipt or a letter from your landlord giving the "
            "monthly rent; for a home you own, the mortgage statement.",
            "fr": "Apportez votre bail, un reçu de loyer ou une lettre du propriétaire indiquant le loyer "
            "mensuel; si vous êtes propriétaire, le relevé hypothécaire.",
        },
    },
    "medical": {
        "label": {"en": "Medical information", "fr": "Renseignements médicaux"},
        "how": {
            "en": "Bring the report or form completed by your doctor or nurse practitioner. The officer "
            "can give you the program's form to take to your appointment.",
            "fr": "Apportez le rapport ou le formulaire rempli par votre médecin ou votre infirmière "
            "praticienne. L'agent peut vous remettre le formulaire du programme pour votre rendez-vous.",
        },
    },
    "immigration_status": {
        "label": {"en": "Immigration status", "fr": "Statut d'immigration"},
        "how": {
            "en": "Bring your permanent resident card, work or study permit, or refugee claimant document.",
            "fr": "Apportez votre carte de résident permanent, votre permis de travail ou d'études, ou "
            "votre document de demandeur d'asile.",
        },
    },
    "other": {
        "label": {"en": "Other supporting document", "fr": "Autre pièce justificative"},
        "how": {
            "en": "Bring the document the officer names (for example a school enrolment letter or a "
            "child-care agreement).",
            "fr": "Apportez le document que l'agent précise (par exemple une attestation d'inscription "
            "scolaire ou une entente de garde d'enfants).",
        },
    },
}

#: Best first: a document in one of these states satisfies (or nearly satisfies) an item.
_STATUS_ORDER = ("verified", "received", "rejected")


@dataclass(frozen=True)
class KnownDocument:
    """A document of a unit member that may count for the application."""

    id: uuid.UUID
    person_id: uuid.UUID
    doc_type: str
    status: str


@dataclass
class ChecklistItem:
    """One document to obtain: for a person, or for the household (``person_id`` None)."""

    doc_type: str
    person_id: uuid.UUID | None
    needed_for: list[str] = field(default_factory=list)
    catalogue: list[dict[str, str]] = field(default_factory=list)
    status: str = "missing"
    document_ids: list[uuid.UUID] = field(default_factory=list)

    @property
    def label(self) -> dict[str, str]:
        """The item's name, EN and FR."""
        return INSTRUCTIONS[self.doc_type]["label"]

    @property
    def how_to_obtain(self) -> dict[str, str]:
        """Plain instructions, EN and FR."""
        return INSTRUCTIONS[self.doc_type]["how"]


def accepted_types(input_name: str) -> tuple[str, ...] | None:
    """Document types that prove an input; None when the officer's assessment is the evidence."""
    return EVIDENCE.get(input_name)


def catalogue_type(text_en: str, text_fr: str) -> str | None:
    """The document type a catalogue line speaks of, if its words say."""
    words = f"{text_en} {text_fr}".lower()
    for doc_type, keys in CATALOGUE_KEYWORDS.items():
        if any(k in words for k in keys):
            return doc_type
    return None


def build(
    members: Sequence[Member],
    person_inputs: Iterable[str],
    unit_inputs: Iterable[str],
    documents: Sequence[KnownDocument],
    catalogue: Sequence[dict[str, str]] = (),
) -> list[ChecklistItem]:
    """The checklist: identity for each adult, items per input used (children's for dependants), catalogue."""
    items: dict[tuple[str, uuid.UUID | None], ChecklistItem] = {}
    adults = [m for m in members if m.is_adult]
    for member in adults:
        _item(items, "identity", member.person_id)
    dependants = [m for m in members if not m.is_adult]
    for name in sorted(set(person_inputs)):
        types = accepted_types(name)
        for member in (dependants if name in DEPENDANT_INPUTS else adults) if types else ():
            assert types is not None
            _item(items, types[0], member.person_id).needed_for.append(f"people[{member.person_id}].{name}")
    for name in sorted(set(unit_inputs)):
        types = accepted_types(name)
        if types:
            _item(items, types[0], None).needed_for.append(f"unit.{name}")
    for line in catalogue:
        doc_type = catalogue_type(line.get("en", ""), line.get("fr", "")) or "other"
        matching = [i for i in items.values() if i.doc_type == doc_type] or [_item(items, doc_type, None)]
        for item in matching:
            item.catalogue.append(dict(line))
    for item in items.values():
        _status(item, members, documents)
    return list(items.values())


def _item(
    items: dict[tuple[str, uuid.UUID | None], ChecklistItem], doc_type: str, person_id: uuid.UUID | None
) -> ChecklistItem:
    key = (doc_type, person_id)
    if key not in items:
        items[key] = ChecklistItem(doc_type, person_id)
    return items[key]


def _status(item: ChecklistItem, members: Sequence[Member], documents: Sequence[KnownDocument]) -> None:
    people = {item.person_id} if item.person_id else {m.person_id for m in members}
    found = [d for d in documents if d.doc_type == item.doc_type and d.person_id in people]
    for status in _STATUS_ORDER:
        chosen = [d.id for d in found if d.status == status]
        if chosen:
            item.status, item.document_ids = status, chosen
            return


def missing(items: Sequence[ChecklistItem]) -> list[ChecklistItem]:
    """Items not yet proven by a verified document."""
    return [i for i in items if i.status != "verified"]
