"""What the voting app holds about a person, for "Download my data" and "Delete my account"
(registered into ``accounts.privacy`` from ``VotingConfig.ready``)."""

from django.utils import timezone

from accounts.privacy import register_eraser, register_exporter
from ideas.models import ChallengePage

from . import services
from .methods import VotingMethod
from .models import PairwiseVote, ResidentCode, ResidentVerification, Support


def support_rows(user) -> list[dict]:
    supports = Support.objects.filter(voter=user).select_related("idea__challenge").order_by("created_at")
    return [{"idea": s.idea.title, "challenge": s.idea.challenge.title, "supported_at": s.created_at} for s in supports]


def comparison_rows(user) -> list[dict]:
    votes = PairwiseVote.objects.filter(voter=user).select_related("challenge", "first", "second")
    return [
        {
            "challenge": vote.challenge.title,
            "first_idea": vote.first.title,
            "second_idea": vote.second.title,
            "choice": vote.outcome,
            "voted_at": vote.created_at,
        }
        for vote in votes.order_by("created_at")
    ]


def verification_rows(user) -> list[dict]:
    verifications = ResidentVerification.objects.filter(user=user).select_related("challenge", "code__district")
    return [
        {
            "challenge": v.challenge.title,
            "method": v.get_method_display(),
            "district": v.code.district.name if v.code and v.code.district else "",
            "verified_at": v.verified_at,
        }
        for v in verifications.order_by("verified_at")
    ]


def erase_verifications(*, user, remove_contributions: bool) -> None:
    """The person's resident verifications go; the codes they redeemed stay spent, without
    saying who spent them."""
    ResidentCode.objects.filter(redeemed_by=user).update(redeemed_by=None)
    ResidentVerification.objects.filter(user=user).delete()


def erase(*, user, remove_contributions: bool) -> None:
    """Supports and pairwise votes in challenges still voting are withdrawn through the voting
    services, so every tally stays exact and the pairwise scores are refitted without them; in
    closed challenges they stay, counted without the person (the account behind them no
    longer says who it was)."""
    now = timezone.now()
    for support in Support.objects.filter(voter=user).select_related("idea__challenge"):
        challenge = support.idea.challenge
        if challenge.voting_method == VotingMethod.SUPPORT and challenge.accepts_votes_at(now):
            services.support_withdraw(voter=user, idea=support.idea)
    compared = ChallengePage.objects.filter(pk__in=PairwiseVote.objects.filter(voter=user).values("challenge_id"))
    for challenge in compared:
        if challenge.voting_method == VotingMethod.PAIRWISE and challenge.accepts_votes_at(now):
            services.pairwise_votes_withdraw(voter=user, challenge=challenge)


def register() -> None:
    register_exporter("supports", support_rows)
    register_exporter("comparisons", comparison_rows)
    register_eraser("votes", erase)
    register_exporter("resident_verifications", verification_rows)
    register_eraser("resident_verifications", erase_verifications)
