"""What ``/healthz`` reports: whether the database, the cache and the task broker answer.

The site serves pages as long as the database answers; without the cache it is slower and
its rate limits are off, without the broker background work waits. Each check is bounded by
a short timeout so that a load balancer's probe never hangs."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils.crypto import get_random_string

logger = logging.getLogger(__name__)

OK, UNAVAILABLE, NOT_USED = "ok", "unavailable", "not used"


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        logger.exception("Health check: the database does not answer.")
        return UNAVAILABLE
    return OK


def check_cache() -> str:
    probe = getattr(cache, "is_available", None)
    if probe is not None:
        return OK if probe() else UNAVAILABLE
    token = get_random_string(12)
    cache.set("healthz:probe", token, 10)
    return OK if cache.get("healthz:probe") == token else UNAVAILABLE


def check_broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return NOT_USED
    from celery import current_app

    try:
        with current_app.connection_for_write(connect_timeout=1) as broker:
            broker.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=1)
    except Exception:
        return UNAVAILABLE
    return OK


def health() -> tuple[dict, int]:
    """The report and its HTTP status: 200 while the database answers ("ok" or "degraded",
    naming what is not), 503 when it does not."""
    checks = {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
    if checks["database"] != OK:
        return {"status": "down", **checks}, 503
    degraded = any(value == UNAVAILABLE for value in checks.values())
    return {"status": "degraded" if degraded else "ok", **checks}, 200
