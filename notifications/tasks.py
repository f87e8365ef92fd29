"""Celery tasks of notifications. Each is safe to run twice, takes ids (or nothing), uses
``acks_late`` with time limits, and retries with backoff when the database is unavailable.
Beat runs the sweeps (see ``CELERY_BEAT_SCHEDULE`` in settings)."""

import logging

from celery import shared_task
from django.db import DatabaseError

from . import outbox

logger = logging.getLogger(__name__)

RETRYING = {
    "bind": True,
    "acks_late": True,
    "autoretry_for": (DatabaseError,),
    "retry_backoff": 2,
    "retry_backoff_max": 300,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(**RETRYING, soft_time_limit=110, time_limit=120)
def relay_outbox(self) -> int:
    """Hand pending outbox messages to every consumer (kicked after commit, swept by beat)."""
    handled, unsettled = outbox.relay_pending()
    if unsettled:
        logger.info("Outbox: %s of %s messages wait for a consumer's retry.", unsettled, handled)
    return handled


@shared_task(**RETRYING, soft_time_limit=280, time_limit=300)
def send_pending_emails(self) -> int:
    """Send the emails people want right away, in bounded batches; queues itself again while
    more are waiting (beat sweeps too)."""
    from . import emails

    sent, more = emails.send_pending()
    if more:
        emails.kick_sender()
    return sent


@shared_task(**RETRYING, soft_time_limit=1700, time_limit=1800)
def send_digests(self, frequency: str) -> int:
    """Send the daily or weekly digests that are due, recipient batch by batch."""
    from . import digests

    return digests.send_due(frequency=frequency)


@shared_task(**RETRYING, soft_time_limit=110, time_limit=120)
def record_phase_events(self) -> int:
    """Record the challenge phases that opened or will close soon (exactly once each)."""
    from . import phases

    return phases.record_due()
