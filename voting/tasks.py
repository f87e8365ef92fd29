"""Background work of the voting app: refitting pairwise scores, debounced so that a burst
of votes leads to one fit, and once more after voting closes."""

import contextlib
import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError

from ideas.models import ChallengePage
from innovation.queue import queue_task

from . import selectors, services

logger = logging.getLogger(__name__)


def _refit_key(challenge_id: int) -> str:
    return f"voting:pairwise-refit:{challenge_id}"


def pairwise_refit_soon(challenge_id: int) -> None:
    """Schedule a refit of the challenge's scores unless one is already waiting. Call after
    commit: the fit must see the vote that asked for it. With eager tasks (``make run``) the
    fit runs at once. A broker or cache outage is logged and never fails the vote: the votes
    themselves say that a refit is due, and :func:`pairwise_refit_stale` makes it."""
    delay = settings.VOTING_PAIRWISE_REFIT_DELAY
    key = _refit_key(challenge_id)
    try:
        if not cache.add(key, 1, timeout=delay + 120):
            return
    except Exception:
        logger.warning("Pairwise refit of challenge %s: the cache is unavailable.", challenge_id, exc_info=True)
    if not queue_task(pairwise_refit, [challenge_id], countdown=delay):
        # The next vote may try again (if the cache is down too, the key expires by itself).
        with contextlib.suppress(Exception):
            cache.delete(key)


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
def pairwise_refit_stale() -> list[int]:
    """Beat's safety net: refit every pairwise challenge, open or closed, that has votes
    newer than its last fit and none in the last debounce delay (so a burst still ends in one
    fit). This makes the final scores include the last minute's votes, and makes up for a
    refit that could not be queued while the broker was down."""
    refitted = []
    for challenge_id in selectors.pairwise_refits_due(settle=timedelta(seconds=settings.VOTING_PAIRWISE_REFIT_DELAY)):
        pairwise_refit.delay(challenge_id)
        refitted.append(challenge_id)
    return refitted
