"""The transactional outbox: the one way an event leaves the database for the world.

Record an event with :func:`outbox_record` inside the transaction of the change that caused
it; the row commits or rolls back with that change. After commit the relay task is kicked
(and beat sweeps every minute, so a broker outage delays delivery but loses nothing). The
relay hands every pending message to every consumer registered with
:func:`register_consumer`, once: each (message, consumer) pair is recorded in the same
transaction as the consumer's own database writes. A consumer that raises is retried with
backoff and finally parked, visible in the admin with its error and a "retry" action.

A consumer that reaches outside the database (email, webhooks) must itself be idempotent:
a crash between its delivery and the record of it repeats the delivery.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from innovation.queue import queue_task_after_commit

from .models import DeliveryStatus, OutboxDelivery, OutboxMessage

logger = logging.getLogger(__name__)

Consumer = Callable[[OutboxMessage], None]
_CONSUMERS: dict[str, Consumer] = {}


def register_consumer(name: str, handle: Consumer) -> None:
    """Hand every outbox message recorded from now on to ``handle`` (called from an app's
    ``AppConfig.ready()``). Registering the same name again replaces the handler."""
    _CONSUMERS[name] = handle


def consumers() -> dict[str, Consumer]:
    return dict(_CONSUMERS)


def outbox_record(*, event: str, payload: dict, key: str | None = None) -> OutboxMessage:
    """Record ``event`` in the current transaction. With ``key``, recording is idempotent:
    the message already recorded under that key is returned instead of a second one."""
    if key:
        existing = OutboxMessage.objects.filter(key=key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                message = OutboxMessage.objects.create(event=event, payload=payload, key=key)
        except IntegrityError:
            return OutboxMessage.objects.get(key=key)
    else:
        message = OutboxMessage.objects.create(event=event, payload=payload)
    kick_after_commit()
    return message


def kick_after_commit() -> None:
    """Start the relay once the current transaction commits. Each kick relays everything
    pending, so a transaction that records several messages may kick more than once."""
    from .tasks import relay_outbox

    queue_task_after_commit(relay_outbox)  # a broker outage is left to beat's sweep


def _backoff(attempts: int) -> timedelta:
    base = getattr(settings, "OUTBOX_RETRY_BASE_SECONDS", 30)
    return timedelta(seconds=min(base * 2 ** (attempts - 1), 6 * 3600))


def relay_message(message_id: int, *, now=None) -> bool:
    """Hand one message to every consumer that has not had it yet. Returns whether the
    message is settled (delivered to every consumer, or parked where one keeps failing)."""
    now = now or timezone.now()
    max_attempts = getattr(settings, "OUTBOX_MAX_ATTEMPTS", 6)
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, relayed_at__isnull=True)
            .first()
        )
        if message is None:  # settled already, or another relay holds it
            return True
        records = {delivery.consumer: delivery for delivery in message.deliveries.all()}
        settled = True
        for name, handle in consumers().items():
            delivery = records.get(name) or OutboxDelivery(message=message, consumer=name)
            if delivery.status in (DeliveryStatus.DONE, DeliveryStatus.PARKED):
                continue
            if delivery.next_attempt_at and delivery.next_attempt_at > now:
                settled = False
                continue
            delivery.attempts += 1
            try:
                with transaction.atomic():
                    handle(message)
            except Exception as exc:
                logger.exception("Outbox consumer %s failed on message %s (%s)", name, message.pk, message.event)
                delivery.last_error = f"{type(exc).__name__}: {exc}"[:2000]
                if delivery.attempts >= max_attempts:
                    delivery.status = DeliveryStatus.PARKED
                    delivery.next_attempt_at = None
                else:
                    delivery.next_attempt_at = now + _backoff(delivery.attempts)
                    settled = False
            else:
                delivery.status = DeliveryStatus.DONE
                delivery.last_error = ""
                delivery.next_attempt_at = None
            delivery.save()
        if settled:
            message.relayed_at = now
            message.save(update_fields=["relayed_at"])
        return settled


def relay_pending(*, limit: int = 500) -> tuple[int, int]:
    """Relay up to ``limit`` pending messages, oldest first. Returns (handled, still pending)."""
    now = timezone.now()
    ids = list(
        OutboxMessage.objects.filter(relayed_at__isnull=True).order_by("id").values_list("id", flat=True)[:limit]
    )
    unsettled = sum(0 if relay_message(pk, now=now) else 1 for pk in ids)
    return len(ids), unsettled


def delivery_retry(*, delivery: OutboxDelivery, actor) -> OutboxDelivery:
    """Give a parked delivery a fresh start (from the admin); the relay takes it after commit."""
    from django.core.exceptions import PermissionDenied
    from wagtail.log_actions import log

    if not actor.has_perm("notifications.retry_delivery"):
        raise PermissionDenied
    with transaction.atomic():
        delivery = OutboxDelivery.objects.select_for_update().select_related("message").get(pk=delivery.pk)
        if delivery.status != DeliveryStatus.PARKED:
            return delivery
        delivery.status = DeliveryStatus.PENDING
        delivery.attempts = 0
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
        OutboxMessage.objects.filter(pk=delivery.message_id).update(relayed_at=None)
        log(instance=delivery, action="notifications.delivery_retry", user=actor)
        kick_after_commit()
    return delivery
