"""Celery tasks that keep search right. Each takes ids, reads the ideas as they are now and
is safe to run twice; they are enqueued after the idea's transaction commits."""

import logging

from celery import shared_task
from celery.exceptions import Retry
from django.db import DatabaseError
from django.db.models import F, Q

from . import services
from .backends import get_backend
from .backends.base import SearchUnavailable
from .encoder import current_model_id
from .models import IndexedIdea
from .vectors import stale_filter

logger = logging.getLogger(__name__)
RECONCILE_BATCH = 1000


@shared_task(
    bind=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
    acks_late=True,
    soft_time_limit=100,
    time_limit=120,
)
def index_ideas(self, idea_ids: list[int]) -> int:
    """Refresh these ideas in search's index, encode their meaning, score their novelty,
    and push them to the configured backend when it keeps its own copy."""
    ids = sorted({int(pk) for pk in idea_ids})
    try:
        indexed = services.index_refresh(idea_ids=ids)
        services.novelty_compute(idea_ids=ids)
    except DatabaseError:
        logger.exception("Indexing ideas %s failed; retrying.", ids)
        raise
    if get_backend().keeps_own_copy:
        try:
            push_ideas.delay(ids)
        except Retry:
            # Only when tasks run eagerly (no broker holds the retry): say so and go on.
            logger.warning("Search service unavailable; ideas %s were indexed in the database only.", ids)
    return indexed


@shared_task(
    bind=True,
    autoretry_for=(SearchUnavailable,),
    retry_backoff=5,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=None,
    acks_late=True,
    soft_time_limit=100,
    time_limit=120,
)
def push_ideas(self, idea_ids: list[int]) -> int:
    """Send these ideas (or their removal) to the search service. While it is down the task
    retries with exponential backoff, without limit: nothing is lost."""
    try:
        return get_backend().index_ideas(idea_ids)
    except SearchUnavailable as exc:
        logger.warning("Search service unavailable for ideas %s (attempt %s): %s", idea_ids, self.request.retries, exc)
        raise


@shared_task(acks_late=True, soft_time_limit=280, time_limit=300)
def reconcile_index() -> int:
    """Safety net run by beat: index what is missing or stale (text or meaning vector), drop
    what is no longer public."""
    indexable = services.indexable_ideas()
    missing = indexable.filter(search_entry__isnull=True).values_list("pk", flat=True)[:RECONCILE_BATCH]
    stale = indexable.filter(
        Q(search_entry__indexed_at__lt=F("updated_at")) | ~Q(search_entry__support_count=F("support_count"))
    ).values_list("pk", flat=True)[:RECONCILE_BATCH]
    unencoded = IndexedIdea.objects.filter(stale_filter(current_model_id())).values_list("pk", flat=True)
    unencoded = unencoded[:RECONCILE_BATCH]
    gone = IndexedIdea.objects.exclude(idea__in=indexable.values("pk")).values_list("pk", flat=True)[:RECONCILE_BATCH]
    ids = set(missing) | set(stale) | set(unencoded) | set(gone)
    if ids:
        logger.info("Reconciling %s ideas with the search index.", len(ids))
        index_ideas.delay(sorted(ids))
    return len(ids)
