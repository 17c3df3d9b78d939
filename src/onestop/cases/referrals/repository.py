"""Queries for referrals and case conferences (the only SQL of this sub-area)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from onestop.cases.referrals.domain import ConsentFacts, ReferralStatus
from onestop.cases.referrals.errors import ConferenceNotFound, ReferralNotFound
from onestop.cases.referrals.models import CaseConference, ConferenceParticipant, Referral
from onestop.db import Repository
from onestop.registry import Consent


class ReferralRepository(Repository[object]):
    """Referrals and conferences by id and by person; the consent facts the rule needs."""

    def get(self, referral_id: uuid.UUID) -> Referral:
        """The referral; raises ReferralNotFound."""
        return self.fetch(Referral, referral_id, ReferralNotFound, "referral")

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[Referral]:
        """These people's referrals, newest first."""
        stmt = select(Referral).where(Referral.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(Referral.created_at.desc(), Referral.id)))

    def incoming(self, specialist_id: uuid.UUID) -> list[Referral]:
        """Referrals addressed to a specialist that are still open, oldest first."""
        stmt = select(Referral).where(
            Referral.specialist_id == specialist_id,
            Referral.status.in_([ReferralStatus.SENT, ReferralStatus.ACCEPTED]),
        )
        return list(self.session.scalars(stmt.order_by(Referral.created_at, Referral.id)))

    def consents(self, person_ids: Sequence[uuid.UUID]) -> list[ConsentFacts]:
        """The people's consent records (from the registry's table)."""
        stmt = select(Consent.id, Consent.recipient, Consent.given_at, Consent.withdrawn_at).where(
            Consent.person_id.in_(person_ids)
        )
        return [ConsentFacts(*row) for row in self.session.execute(stmt)]

    def get_conference(self, conference_id: uuid.UUID) -> CaseConference:
        """The conference; raises ConferenceNotFound."""
        return self.fetch(CaseConference, conference_id, ConferenceNotFound, "case conference")

    def conferences_for_people(self, person_ids: Sequence[uuid.UUID]) -> list[CaseConference]:
        """These people's case conferences, newest first."""
        stmt = select(CaseConference).where(CaseConference.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(CaseConference.held_on.desc(), CaseConference.id)))

    def participants(
        self, conference_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[ConferenceParticipant]]:
        """Participants by conference."""
        out: dict[uuid.UUID, list[ConferenceParticipant]] = defaultdict(list)
        if conference_ids:
            stmt = select(ConferenceParticipant).where(
                ConferenceParticipant.conference_id.in_(conference_ids)
            )
            for p in self.session.scalars(stmt.order_by(ConferenceParticipant.name)):
                out[p.conference_id].append(p)
        return out
