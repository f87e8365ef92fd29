"""The webhook channel of the transactional outbox: every outbox message becomes one
delivery per subscribed endpoint, each sent by its own task after commit."""

import logging

from django.db import transaction

from notifications.outbox import register_consumer

from . import deliveries

logger = logging.getLogger(__name__)
CONSUMER_NAME = "webhooks"


def handle_outbox_message(message) -> None:
    """Create the deliveries of ``message`` and queue them once they are committed.
    Safe to call twice for the same message (deliveries are unique per endpoint and event)."""
    from .tasks import enqueue_delivery

    created = deliveries.deliveries_create(
        event=message.event,
        event_id=deliveries.event_id_for(message),
        timestamp=message.created_at,
        payload=message.payload or {},
    )
    for delivery_id in created:
        transaction.on_commit(lambda delivery_id=delivery_id: enqueue_delivery(delivery_id))


def register() -> None:
    register_consumer(CONSUMER_NAME, handle_outbox_message)
