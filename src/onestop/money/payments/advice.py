"""The payment advice letter: a one-off payment, once it is issued, tells the person what is coming.

Queued by ``issuances.on_approved`` in the transaction that commits the money (within the officer's
authority at once, or when a supervisor approves), so there is a letter exactly when there is a
payment. Recurring payments send none (the decision letter gave the monthly amount and its start;
a payment run would otherwise write a letter per household per month); a vendor's invoice sends
none (the money goes to the vendor, not to the person).
"""

from __future__ import annotations

from typing import Any

from babel.dates import format_date

from onestop import notices
from onestop.db import UnitOfWork
from onestop.jurisdictions import JURISDICTIONS, load_catalogue
from onestop.money import repository
from onestop.money.domain import PayeeKind, PaymentMethod, PaymentType
from onestop.money.models import Issuance, Payee

NO_ADVICE = frozenset({PaymentType.RECURRING.value, PaymentType.INVOICE.value})
OFFICE_PHONE = "1-800-555-0100"
METHOD_WORDS = {
    PaymentMethod.DIRECT_DEPOSIT.value: {"en": "your bank account", "fr": "dans votre compte bancaire"},
    PaymentMethod.CHEQUE.value: {"en": "you by cheque", "fr": "par chèque"},
    PaymentMethod.VOUCHER.value: {"en": "you as a voucher", "fr": "sous forme de bon"},
}


def queue_payment_advice(uow: UnitOfWork, issuance: Issuance, *, by: str) -> None:
    """Queue the advice to the unit's applicant in the current transaction (none for the kinds above)."""
    if issuance.payment_type in NO_ADVICE:
        return
    payee = repository.get(uow.session, Payee, issuance.payee_id, kind="payee")
    notices.queue_for_unit(
        uow,
        unit_id=issuance.unit_id,
        kind=notices.Kind.PAYMENT_ADVICE,
        params=advice_params(issuance, payee),
        subject_type="issuance",
        subject_id=issuance.id,
        created_by=by,
    )


def advice_params(issuance: Issuance, payee: Payee) -> dict[str, Any]:
    """What the advice says: how much, for what, when, and where the money goes."""
    if payee.kind != PayeeKind.CLIENT.value or issuance.method == PaymentMethod.THIRD_PARTY.value:
        method = {"en": f"{payee.name}, for you", "fr": f"à {payee.name}, pour vous"}
    else:
        method = METHOD_WORDS.get(issuance.method, METHOD_WORDS[PaymentMethod.CHEQUE.value])
    return {
        "program": program_words(issuance.program),
        "amount": notices.money(issuance.net_cents),
        "period": {
            lang: format_date(issuance.pay_date, "MMMM y", locale=f"{lang}_CA") for lang in ("en", "fr")
        },
        "paid_on": notices.date(issuance.pay_date),
        "method": method,
        "legal_source": {
            "en": "the program's rules on payments",
            "fr": "les règles du programme sur les paiements",
        },
        "office_phone": OFFICE_PHONE,
    }


def program_words(program: str) -> dict[str, str]:
    """The program's public name from whichever catalogue has it (its id in words otherwise)."""
    for jurisdiction in JURISDICTIONS:
        catalogue = load_catalogue(jurisdiction)
        if program in catalogue:
            name = catalogue.get(program).name
            return {"en": name.en, "fr": name.fr}
    words = program.split(".")[-1].replace("_", " ")
    return {"en": words, "fr": words}
