"""Turning outbox events into webhook deliveries, and making one attempt at a delivery.

Guarantees: one delivery per (endpoint, event), however often the event is handed over;
one attempt at a time per delivery (a lease held in the row); the same ``webhook-id`` and
body on every attempt, so a receiver can drop a repeat. A worker that dies mid-attempt
leaves its attempt "running" and its lease to expire; the next attempt marks it
interrupted and sends again — at-least-once, as the receiver is told to expect."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import events, sending
from .models import AttemptOutcome, DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)
MAX_DELAY = 6 * 60 * 60


def event_id_for(message) -> str:
    return f"evt_{message.pk}"


def retry_delay(attempts: int) -> float:
    """Seconds before the next try after ``attempts`` failed ones: base, ×3 each time, at most 6 h."""
    return min(settings.WEBHOOK_RETRY_BASE * 3 ** max(attempts - 1, 0), MAX_DELAY)


def lease_seconds() -> float:
    return settings.WEBHOOK_CONNECT_TIMEOUT + settings.WEBHOOK_TIMEOUT + settings.WEBHOOK_LEASE_GRACE


def deliveries_create(*, event: str, event_id: str, timestamp, payload: dict) -> list[int]:
    """The deliveries of one event to every active endpoint that wants it (ids of the new
    ones). Idempotent: an event handed over again creates nothing new."""
    endpoints = [endpoint for endpoint in WebhookEndpoint.objects.filter(is_active=True) if event in endpoint.events]
    if not endpoints:
        return []
    body = events.body_for(event_id=event_id, event=event, timestamp=timestamp, payload=payload)
    if body is None:
        return []
    created = []
    now = timezone.now()
    for endpoint in endpoints:
        try:
            with transaction.atomic():
                delivery, is_new = WebhookDelivery.objects.get_or_create(
                    endpoint=endpoint,
                    event_id=event_id,
                    defaults={"event_type": event, "body": body, "created_at": now, "next_attempt_at": now},
                )
        except IntegrityError:
            continue
        if is_new:
            created.append(delivery.pk)
    return created


def _claim(delivery_id: int, *, requested_by_id: int | None, now) -> tuple[WebhookDelivery, WebhookAttempt] | None:
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().select_related("endpoint").filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.PENDING or not delivery.endpoint.is_active:
            return None
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return None
        if delivery.leased_until and delivery.leased_until > now:
            return None
        delivery.attempts.filter(outcome=AttemptOutcome.RUNNING).update(
            outcome=AttemptOutcome.INTERRUPTED, error=_("The worker stopped during this attempt.")
        )
        delivery.attempt_count += 1
        delivery.leased_until = now + timedelta(seconds=lease_seconds())
        delivery.save(update_fields=["attempt_count", "leased_until"])
        attempt = WebhookAttempt.objects.create(
            delivery=delivery, number=delivery.attempt_count, started_at=now, requested_by_id=requested_by_id
        )
    return delivery, attempt


def delivery_attempt(*, delivery_id: int, requested_by_id: int | None = None) -> float | None:
    """Try to send one delivery if it is due and nobody else is sending it. Returns the
    seconds until the next try when it failed and will be retried, else None."""
    claimed = _claim(delivery_id, requested_by_id=requested_by_id, now=timezone.now())
    if claimed is None:
        return None
    delivery, attempt = claimed
    result = sending.post(
        url=delivery.endpoint.url, secret=delivery.endpoint.secret, message_id=delivery.event_id, body=delivery.body
    )
    now = timezone.now()
    delay = None
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
        attempt.outcome = result.outcome
        attempt.status_code = result.status_code
        attempt.response_excerpt = result.excerpt[:500]
        attempt.error = result.error[:300]
        attempt.duration_ms = result.duration_ms
        attempt.save(update_fields=["outcome", "status_code", "response_excerpt", "error", "duration_ms"])
        delivery.leased_until = None
        if result.succeeded:
            delivery.status = DeliveryStatus.DELIVERED
            delivery.delivered_at = now
            delivery.next_attempt_at = None
        else:
            delay = retry_delay(delivery.attempt_count)
            give_up_at = delivery.created_at + timedelta(seconds=settings.WEBHOOK_RETRY_WINDOW)
            if now + timedelta(seconds=delay) > give_up_at:
                delivery.status = DeliveryStatus.FAILED
                delivery.next_attempt_at = None
                delay = None
            else:
                delivery.next_attempt_at = now + timedelta(seconds=delay)
        delivery.save(update_fields=["status", "delivered_at", "next_attempt_at", "leased_until"])
    if not result.succeeded:
        logger.warning(
            "Webhook delivery %s (%s to endpoint %s) attempt %s: %s %s",
            delivery.pk,
            delivery.event_type,
            delivery.endpoint_id,
            attempt.number,
            result.outcome,
            result.status_code or result.error,
        )
    return delay


def due_deliveries(*, now=None, limit: int = 500) -> list[int]:
    """Pending deliveries whose next try is due and that nobody holds."""
    now = now or timezone.now()
    from django.db.models import Q

    return list(
        WebhookDelivery.objects.filter(
            status=DeliveryStatus.PENDING, endpoint__is_active=True, next_attempt_at__lte=now
        )
        .filter(Q(leased_until__isnull=True) | Q(leased_until__lte=now))
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
