"""Background work of the insights app: building large exports and removing expired files.
Each task takes ids and is safe to run twice."""

import logging

from celery import shared_task
from django.db import DatabaseError

from . import services

logger = logging.getLogger(__name__)


@shared_task(
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
    acks_late=True,
    soft_time_limit=1500,
    time_limit=1800,
)
def build_export(export_id: int) -> int:
    """Build the file of a large export; returns its number of rows."""
    export = services.export_build(export_id=int(export_id))
    return export.rows_total if export else 0


@shared_task(acks_late=True, soft_time_limit=60, time_limit=90)
def build_waiting_exports() -> int:
    """Queue every export still waiting two minutes after it was asked for (its task was never
    queued because the broker was down, or was lost)."""
    from datetime import timedelta

    waiting = services.exports_waiting(older_than=timedelta(minutes=2))
    for export_id in waiting:
        build_export.delay(export_id)
    return len(waiting)


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def purge_expired_exports() -> int:
    purged = services.exports_purge_expired()
    if purged:
        logger.info("Removed %s expired export files.", purged)
    return purged


@shared_task(acks_late=True, soft_time_limit=240, time_limit=300)
def refresh_dashboard() -> int:
    """Compute the programme's figures for the usual periods into the cache, so leadership
    never waits for them (beat runs this more often than the cache expires)."""
    from .dashboard import figures
    from .periods import SPANS, period_ending

    spans = [span for span, (_label, days) in SPANS.items() if days]
    for span in spans:
        figures(period=period_ending(span=span), refresh=True)
    return len(spans)
