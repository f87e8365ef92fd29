"""Handing work to Celery without letting a broker outage fail the change that asked for it.

Every background job here has a beat sweep that finds in the database what is still owed
(pending outbox rows, unsent emails, due webhook deliveries, waiting exports, stale search
entries, votes newer than their fit). Queueing a task is therefore only a way to do the work
sooner, never its record: when the broker cannot be reached the call is not retried (the
sweep is the retry), a warning naming the task and its arguments is logged, and the caller
carries on. Under eager Celery (``make run``, tests) the task runs at once.

This module is a leaf: it imports nothing from the apps, so every app may use it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from celery import Task
from django.db import transaction

logger = logging.getLogger(__name__)


def queue_task(task: Task, args: Sequence = (), kwargs: dict | None = None, *, countdown: float | None = None) -> bool:
    """Queue ``task`` now, or log that its beat sweep will do the work. Returns whether it was queued."""
    try:
        task.apply_async(tuple(args), kwargs or {}, countdown=countdown or None, retry=False)
    except Exception:
        logger.warning(
            "Could not queue %s%r; its periodic sweep will do the work later.", task.name, tuple(args), exc_info=True
        )
        return False
    return True


def queue_task_after_commit(task: Task, args: Sequence = (), kwargs: dict | None = None) -> None:
    """Queue ``task`` once the current transaction commits (the task must see the change that
    asked for it, and a rolled-back change asks for nothing)."""
    args = tuple(args)
    transaction.on_commit(lambda: queue_task(task, args, kwargs))
