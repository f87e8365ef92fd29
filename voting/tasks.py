"""Background work of the voting app: refitting pairwise scores, debounced so that a burst
of votes leads to one fit, and once more after voting closes."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError
from django.db.models import Max
from django.utils import timezone

from ideas.models import ChallengePage, VotingMethod

from . import services
from .models import PairwiseVote

logger = logging.getLogger(__name__)


def _refit_key(challenge_id: int) -> str:
    return f"voting:pairwise-refit:{challenge_id}"


def pairwise_refit_soon(challenge_id: int) -> None:
    """Schedule a refit of the challenge's scores unless one is already waiting. Call after
    commit: the fit must see the vote that asked for it."""
    delay = settings.VOTING_PAIRWISE_REFIT_DELAY
    if cache.add(_refit_key(challenge_id), 1, timeout=delay + 120):
        pairwise_refit.apply_async(args=[challenge_id], countdown=delay)


@shared_task(
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
    soft_time_limit=240,
    time_limit=300,
)
def pairwise_refit(challenge_id: int) -> int:
    """Refit one challenge's pairwise scores from its votes."""
    # Votes arriving from now on schedule the next fit; this one reads what is committed.
    cache.delete(_refit_key(challenge_id))
    challenge = ChallengePage.objects.filter(pk=challenge_id).first()
    if challenge is None:
        logger.info("Pairwise refit skipped: challenge %s no longer exists", challenge_id)
        return 0
    try:
        return services.pairwise_scores_fit(challenge=challenge)
    except Exception:
        logger.exception("Pairwise refit failed for challenge %s", challenge_id)
        raise


@shared_task(soft_time_limit=60, time_limit=90)
def pairwise_refit_closed() -> list[int]:
    """Refit every pairwise challenge whose voting has closed and which has votes newer than
    its last fit, so that the final scores include the last minute's votes."""
    now = timezone.now()
    refitted = []
    for challenge in ChallengePage.objects.live().filter(voting_method=VotingMethod.PAIRWISE, voting_close__lte=now):
        last_vote = PairwiseVote.objects.filter(challenge=challenge).aggregate(last=Max("updated_at"))["last"]
        last_fit = challenge.pairwise_scores.aggregate(last=Max("fitted_at"))["last"]
        if last_vote and (last_fit is None or last_fit < last_vote):
            pairwise_refit.delay(challenge.pk)
            refitted.append(challenge.pk)
    return refitted
