"""Issue 18, part 5 in the demo: the staff knowledge base. The demo's knowledge editor writes each
article and the supervisor publishes it (maker-checker), through the knowledge services; one article
has a second, corrected version (its history shows both); one draft waits in the review queue.

The words follow the published sources in ``/work/shared/reference/policy`` and the catalogue's
contacts, and the officers' job descriptions (the NL officer's $1,000 emergency authority, food
vouchers and after-hours coverage; the Alberta coordinator's emergency income support and funeral
benefits). Phone numbers are the catalogue's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from onestop import knowledge
from onestop.demo.context import Ctx

#: The ``ArticleDraft`` fields a demo article gives in order, then the days to its review date and the
#: catalogue entries it names.
FIELDS = (
    "kind",
    "jurisdiction",
    "title_en",
    "body_en",
    "title_fr",
    "body_fr",
    "source_title",
    "source_url",
    "source_document",
)
Demo = tuple[Any, ...]


VOUCHER: Demo = (
    "howto",
    "ca-nl",
    "How to issue an emergency food voucher",
    """A client who has no food today and no other way to get it can get a food voucher the same day.
Emergency help is paid under section 28 of the Income and Employment Support Regulations.

1. Check who the client is and that the household is in Newfoundland and Labrador.
2. Ask what food the household has and when its next income arrives; write it in the contact note.
3. Issue the voucher from the client's file (Money, Issue emergency help). Within your $1,000 emergency
  authority it is issued at once; above it a supervisor approves it.
4. Tell the client which grocers take the voucher and how long it is good for.
5. If the need will come back, book a follow-up task to review the budget with the client.

- A voucher is for food and household basics, not for alcohol, tobacco or lottery tickets.
- After hours, the on-call officer may issue a voucher the same way and leaves a handover task.""",
    "Comment remettre un bon alimentaire d'urgence",
    """Un client qui n'a pas de nourriture aujourd'hui et aucun autre moyen d'en obtenir peut recevoir un
bon alimentaire le jour même.
L'aide d'urgence est versée en vertu de l'article 28 du Income and Employment Support Regulations.

1. Vérifiez l'identité du client et que le ménage est à Terre-Neuve-et-Labrador.
2. Demandez quelle nourriture le ménage a et quand arrive son prochain revenu; notez-le dans la note de
  contact.
3. Remettez le bon à partir du dossier (Argent, Aide d'urgence). Dans votre pouvoir d'urgence de 1 000 $,
  il est remis tout de suite; au-delà, un superviseur l'approuve.
4. Dites au client quelles épiceries acceptent le bon et pendant combien de temps il est valide.
5. Si le besoin risque de revenir, créez une tâche de suivi pour revoir le budget avec le client.

- Le bon sert à la nourriture et aux articles de base, pas à l'alcool, au tabac ni à la loterie.
- En dehors des heures, l'agent de garde peut remettre un bon de la même façon et laisse une tâche de
  relève.""",
    (
        "Income and Employment Support Regulations (NLR 144/04), s. 28: Emergencies, disasters and other "
        "circumstances"
    ),
    "http://www.assembly.nl.ca/legislation/sr/annualregs/2004/Nr040144.htm",
    None,
    180,
    ("nl.emergency_assistance", "nl.income_support"),
)

MOVING: Demo = (
    "contacts",
    "ca",
    "Inter-provincial contacts: moving from NL to AB",
    """Income support does not move with a client: each province pays its own residents. When a client
tells you they are moving from Newfoundland and Labrador to Alberta:

1. Close the Newfoundland and Labrador income support file on the day they leave; pay nothing for days
  after it.
2. Give the client the Alberta numbers below and tell them to apply in Alberta once they live there.
3. Remind them to apply for Alberta health care coverage; MCP covers them for the rest of the month of
  the move and two more months.
4. If they are stranded on the way with no money, Alberta's 24-hour contact centre assesses emergency
  needs by phone.

- Alberta emergency income support, 24 hours: 1-866-644-5135 (Edmonton area 780-644-5135)
- Newfoundland and Labrador income support applications: 1-877-729-7888
- MCP (NL health coverage), St. John's: 1-866-449-4459""",
    "Contacts interprovinciaux : déménager de T.-N.-L. en Alberta",
    """Le soutien du revenu ne suit pas le client : chaque province aide ses propres résidents. Quand un
client vous dit qu'il déménage de Terre-Neuve-et-Labrador en Alberta :

1. Fermez le dossier de soutien du revenu de Terre-Neuve-et-Labrador le jour de son départ; ne payez rien
  pour les jours suivants.
2. Donnez au client les numéros de l'Alberta ci-dessous et dites-lui de faire une demande en Alberta une
  fois installé.
3. Rappelez-lui de demander la couverture de soins de santé de l'Alberta; le MCP le couvre jusqu'à la fin
  du mois du déménagement et deux mois de plus.
4. S'il est bloqué en route sans argent, le centre de contact de l'Alberta (24 h) évalue les besoins
  urgents par téléphone.

- Soutien du revenu d'urgence de l'Alberta, 24 h : 1-866-644-5135 (région d'Edmonton 780-644-5135)
- Demandes de soutien du revenu de Terre-Neuve-et-Labrador : 1-877-729-7888
- MCP (couverture santé de T.-N.-L.), St. John's : 1-866-449-4459""",
    "Alberta: Emergency financial assistance; Newfoundland and Labrador: Income Support application",
    "https://www.alberta.ca/emergency-financial-assistance.aspx",
    "NL Income Support: how to apply (https://www.gov.nl.ca/aesl/income-support/application/)",
    365,
    ("nl.income_support", "ab.income_support", "ab.emergency_income_support"),
)

AFTER_HOURS: Demo = (
    "procedure",
    "ca-ab",
    "Emergency income support outside office hours",
    """Outside business hours, clients and people who are not clients call the 24-hour Emergency Income
Support Contact Centre. It assesses food, transportation, temporary shelter, medication and medical
supplies by phone.

1. Give the caller the number: 1-866-644-5135 (Edmonton area 780-644-5135).
2. The next business day, read the contact centre's note on the file and check what was issued.
3. If the need continues, book an appointment to review the client's Income Support.

- Emergency income support is one-time help when an emergency beyond the household's control creates a
  serious health or safety risk (ISTHB Regulation, Schedule 4 s. 26).""",
    "Soutien du revenu d'urgence en dehors des heures de bureau",
    """En dehors des heures de bureau, les clients et les non-clients appellent le centre de contact
d'urgence du soutien du revenu (24 h). Il évalue par téléphone la nourriture, le transport, l'hébergement
temporaire, les médicaments et les fournitures médicales.

1. Donnez le numéro à la personne : 1-866-644-5135 (région d'Edmonton 780-644-5135).
2. Le jour ouvrable suivant, lisez la note du centre de contact au dossier et vérifiez ce qui a été remis.
3. Si le besoin continue, fixez un rendez-vous pour revoir le soutien du revenu du client.

- Le soutien du revenu d'urgence est une aide ponctuelle lorsqu'une urgence hors du contrôle du ménage
  crée un risque grave pour la santé ou la sécurité (ISTHB Regulation, annexe 4, art. 26).""",
    "Income Support: what you get (emergency needs)",
    "https://alberta.ca/income-support-what-you-get.aspx",
    "Income Supports, Health and Training Benefits Regulation, Schedule 4 s. 26",
    20,
    ("ab.emergency_income_support",),
)

FUNERAL: Demo = (
    "howto",
    "ca-ab",
    "Funeral benefits for AISH and Income Support clients",
    """Services Coordinators decide funeral benefits for AISH and Income Support clients and register,
assist and bill for other clients.

1. Confirm the deceased was an AISH or Income Support client, or check the estate and family's income and
  assets.
2. Ask the funeral home for its statement of funeral goods and services.
3. Approve the basic funeral within the published limits and record the decision with its reasons.
4. Send the funeral home the billing instructions.""",
    "Prestations funéraires pour les clients de l'AISH et du soutien du revenu",
    """Les coordonnateurs de services décident des prestations funéraires pour les clients de l'AISH et
du soutien du revenu et inscrivent, aident et facturent pour les autres clients.

1. Confirmez que la personne décédée était cliente de l'AISH ou du soutien du revenu, ou vérifiez le
  revenu et les biens de la succession et de la famille.
2. Demandez au salon funéraire son relevé des biens et services funéraires.
3. Approuvez les funérailles de base dans les limites publiées et consignez la décision et ses motifs.
4. Envoyez au salon funéraire les instructions de facturation.""",
    "Funeral benefits",
    "https://www.alberta.ca/funeral-benefits",
    None,
    270,
    ("ab.funeral_benefit",),
)

DRUG_CARD: Demo = (
    "procedure",
    "ca-nl",
    "Emergency drug cards (NLPDP)",
    """An officer may issue an emergency drug card when a client cannot wait for the NLPDP assessment.

1. Check the client's NLPDP plan and the prescription.
2. Issue the card for the shortest period that covers the need.
3. Record the reason on the file.""",
    "Cartes de médicaments d'urgence (NLPDP)",
    """Un agent peut remettre une carte de médicaments d'urgence quand un client ne peut pas attendre
l'évaluation du NLPDP.

1. Vérifiez le régime NLPDP du client et l'ordonnance.
2. Remettez la carte pour la période la plus courte qui couvre le besoin.
3. Consignez le motif au dossier.""",
    "NLPDP plan overview",
    "https://www.gov.nl.ca/hcs/prescription/nlpdp-plan-overview/",
    None,
    180,
    ("nl.nlpdp.foundation", "nl.nlpdp.access"),
)


def load_articles(ctx: Ctx) -> None:
    """Write and publish the articles; correct one (two versions); leave one draft for review."""
    editor, supervisor = ctx.staff["editor"], ctx.staff["supervisor"]
    today = ctx.clock.today()
    ids = {}
    for demo in (VOUCHER, MOVING, AFTER_HOURS, FUNERAL):
        made = knowledge.create_article(ctx.container.uow(), actor=editor, data=_draft(demo, today))
        knowledge.publish(
            ctx.container.uow(),
            actor=supervisor,
            article_id=made.id,
            number=1,
            data=knowledge.Review(note="Checked against the source"),
        )
        ids[demo[2]] = made.id
    voucher = ids[VOUCHER[2]]
    current = knowledge.get_article(ctx.container.uow(), actor=editor, article_id=voucher)
    corrected = _draft(VOUCHER, today, version=current.version, note="Added the after-hours line")
    knowledge.edit_article(ctx.container.uow(), actor=editor, article_id=voucher, data=corrected)
    knowledge.publish(
        ctx.container.uow(), actor=supervisor, article_id=voucher, number=2, data=knowledge.Review()
    )
    knowledge.create_article(ctx.container.uow(), actor=editor, data=_draft(DRUG_CARD, today))
    ctx.made.add("knowledge_articles", 5)
    ctx.made.guide["knowledge_article"] = f"/staff/knowledge/{voucher}"


def _draft(
    demo: Demo, today: dt.date, *, version: int | None = None, note: str = ""
) -> knowledge.ArticleDraft:
    words = dict(zip(FIELDS, demo[: len(FIELDS)], strict=True))
    review_in, links = demo[len(FIELDS) :]
    return knowledge.ArticleDraft(
        **words,
        version=version,
        review_on=today + dt.timedelta(days=review_in),
        links=list(links),
        note=note,
    )
