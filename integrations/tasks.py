"""Webhook work in the background: one task per delivery (a slow receiver holds up only
its own), retries scheduled from the database and a sweep that finds what is due."""

from celery import shared_task

from innovation.queue import queue_task

from . import deliveries

# Retries sooner than this are queued with a countdown; later ones wait for the sweep.
COUNTDOWN_LIMIT = 10 * 60


def enqueue_delivery(delivery_id: int, *, countdown: float = 0, requested_by_id: int | None = None) -> None:
    """Queue one delivery; a broker outage is logged and left to the sweep."""
    queue_task(deliver_webhook, [delivery_id], {"requested_by_id": requested_by_id}, countdown=countdown)


@shared_task(ignore_result=True, acks_late=True)
def deliver_webhook(delivery_id: int, requested_by_id: int | None = None) -> None:
    delay = deliveries.delivery_attempt(delivery_id=delivery_id, requested_by_id=requested_by_id)
    if delay is not None and delay <= COUNTDOWN_LIMIT:
        # Under eager Celery this runs at once, finds the delivery not yet due and does nothing.
        enqueue_delivery(delivery_id, countdown=delay)


@shared_task(ignore_result=True)
def webhook_sweep() -> int:
    """Queue every delivery whose try is due (beat, every minute)."""
    due = deliveries.due_deliveries()
    for delivery_id in due:
        enqueue_delivery(delivery_id)
    return len(due)
