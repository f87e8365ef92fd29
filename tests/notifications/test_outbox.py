"""The outbox contract: rows commit or roll back with the change, keys make recording
idempotent, each consumer gets each message once, failing consumers are retried and parked."""

import pytest
from django.db import transaction

from notifications import outbox
from notifications.models import DeliveryStatus, OutboxDelivery, OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def received(settings):
    """A consumer that remembers what it was handed (registered for one test)."""
    settings.OUTBOX_RETRY_BASE_SECONDS = 0
    seen = []
    outbox.register_consumer("test-log", lambda message: seen.append(message.pk))
    yield seen
    outbox._CONSUMERS.pop("test-log", None)


def test_a_rolled_back_change_leaves_no_message():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.outbox_record(event="idea.published", payload={"idea": 1, "actor": None})
        raise RuntimeError("the change failed")
    assert not OutboxMessage.objects.exists()


def test_a_key_records_once():
    first = outbox.outbox_record(
        event="challenge.phase_opened", payload={"challenge": 12}, key="phase:voting_open:challenge:12"
    )
    again = outbox.outbox_record(
        event="challenge.phase_opened", payload={"challenge": 12}, key="phase:voting_open:challenge:12"
    )
    assert first.pk == again.pk
    assert OutboxMessage.objects.count() == 1


def test_each_consumer_gets_each_message_once(received, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.outbox_record(event="idea.published", payload={"idea": 1, "actor": None})
    assert received == [message.pk]
    outbox.relay_pending()
    outbox.relay_message(message.pk)
    assert received == [message.pk]
    message.refresh_from_db()
    assert message.relayed_at is not None
    assert OutboxDelivery.objects.get(message=message, consumer="test-log").status == DeliveryStatus.DONE


def test_a_failing_consumer_is_retried_then_parked_and_retried_from_the_admin(received, settings, leadership):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    calls = []

    def flaky(message):
        calls.append(message.pk)
        if len(calls) <= 3:
            raise ConnectionError("webhook receiver is down")

    outbox.register_consumer("test-flaky", flaky)
    try:
        message = outbox.outbox_record(event="idea.published", payload={"idea": 1, "actor": None})
        for _ in range(5):
            outbox.relay_pending()
        delivery = OutboxDelivery.objects.get(message=message, consumer="test-flaky")
        assert delivery.status == DeliveryStatus.PARKED
        assert delivery.attempts == 3
        assert "webhook receiver is down" in delivery.last_error
        assert received == [message.pk]  # the healthy consumer got it once, despite the retries

        outbox.delivery_retry(delivery=delivery, actor=leadership)
        outbox.relay_pending()
        delivery.refresh_from_db()
        assert delivery.status == DeliveryStatus.DONE
        assert calls == [message.pk] * 4
        assert received == [message.pk]
    finally:
        outbox._CONSUMERS.pop("test-flaky", None)
