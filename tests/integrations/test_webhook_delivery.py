"""Webhooks delivered by a real Celery worker to a real receiver process: one signed
delivery per event, retries after errors, no second delivery when a worker dies
mid-request, and a stuck receiver holds up nothing else."""

import json
import time

import pytest
from standardwebhooks import Webhook

from integrations.models import AttemptOutcome, DeliveryStatus, WebhookDelivery
from integrations.tasks import webhook_sweep
from notifications.outbox import relay_pending

from .webhooks import endpoint_for, publish_idea

pytestmark = pytest.mark.django_db(transaction=True)


def with_beat(condition):
    """``condition``, while sending the sweep every second as beat would (every minute).
    The worker runs the test settings' eager Celery for tasks it queues itself, so retries
    due later are found by the sweep here."""
    last = 0.0

    def check():
        nonlocal last
        if time.monotonic() - last > 1:
            webhook_sweep.delay()
            last = time.monotonic()
        return condition()

    return check


def outcomes(delivery) -> list[str]:
    return list(delivery.attempts.order_by("number").values_list("outcome", flat=True))


def test_one_signed_delivery_per_event(webhook_settings, start_receiver, celery_worker, home_page):
    receiver = start_receiver()
    endpoint = endpoint_for(receiver.url)
    idea = publish_idea()

    requests = celery_worker.wait_until(lambda: receiver.requests())
    request = requests[0]
    event = Webhook(endpoint.secret).verify(request["body"], request["headers"])
    assert event["type"] == "idea.published"
    assert event["data"]["idea"]["id"] == idea.pk
    assert event["data"]["idea"]["title"] == "Drinking fountains in Riverside Park"
    assert request["headers"]["webhook-id"] == event["id"]
    assert "@" not in request["body"]  # no email address leaves

    # Relaying again, sweeping again: still one request.
    relay_pending()
    webhook_sweep.delay()
    time.sleep(2)
    assert len(receiver.requests()) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert outcomes(delivery) == [AttemptOutcome.SUCCEEDED]


def test_retried_after_the_receiver_answers_500(webhook_settings, start_receiver, celery_worker, home_page):
    receiver = start_receiver("--fail", "2")
    endpoint_for(receiver.url)
    publish_idea()

    celery_worker.wait_until(with_beat(lambda: len(receiver.requests()) >= 3), timeout=40)
    requests = receiver.requests()
    assert len({r["headers"]["webhook-id"] for r in requests}) == 1
    assert len({r["body"] for r in requests}) == 1
    # Backoff: the second try waits at least the base (1 s), the third three times that.
    assert requests[1]["at"] - requests[0]["at"] >= 0.9
    assert requests[2]["at"] - requests[1]["at"] >= 2.7
    delivery = celery_worker.wait_until(lambda: WebhookDelivery.objects.filter(status=DeliveryStatus.DELIVERED).first())
    attempts = list(delivery.attempts.order_by("number"))
    assert [a.outcome for a in attempts] == [
        AttemptOutcome.HTTP_ERROR,
        AttemptOutcome.HTTP_ERROR,
        AttemptOutcome.SUCCEEDED,
    ]
    assert attempts[0].status_code == 500
    assert "database is busy" in attempts[0].response_excerpt


def test_no_second_delivery_after_a_worker_dies_mid_request(webhook_settings, start_receiver, celery_worker, home_page):
    receiver = start_receiver("--hang", "60")
    endpoint_for(receiver.url)
    publish_idea()

    # The receiver has the request and keeps the worker waiting: kill the worker now.
    celery_worker.wait_until(lambda: receiver.requests())
    celery_worker.kill()
    delivery = WebhookDelivery.objects.get()
    assert outcomes(delivery) == [AttemptOutcome.RUNNING]

    celery_worker.start_again()
    celery_worker.wait_until(with_beat(lambda: len(receiver.requests()) >= 2), timeout=40)
    time.sleep(2)
    requests = receiver.requests()
    assert len(requests) == 2
    # The same event again, not a second event: a receiver drops it by its id.
    assert len({r["headers"]["webhook-id"] for r in requests}) == 1
    assert requests[0]["body"] == requests[1]["body"]
    assert WebhookDelivery.objects.count() == 1
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert outcomes(delivery) == [AttemptOutcome.INTERRUPTED, AttemptOutcome.SUCCEEDED]


def test_a_stuck_receiver_does_not_hold_up_other_deliveries(webhook_settings, start_receiver, celery_worker, home_page):
    stuck = start_receiver("--hang", "60")
    healthy = start_receiver()
    endpoint_for(stuck.url, name="Old asset register")
    endpoint_for(healthy.url, name="Open data portal")
    started = time.monotonic()
    publish_idea()

    celery_worker.wait_until(lambda: healthy.requests(), timeout=20)
    # At most one timeout (2 s here) of waiting, not the receiver's 60 s.
    assert time.monotonic() - started < 15
    stuck_delivery = celery_worker.wait_until(
        lambda: WebhookDelivery.objects.filter(endpoint__name="Old asset register", attempts__outcome="timeout").first()
    )
    assert stuck_delivery.status == DeliveryStatus.PENDING
    assert stuck_delivery.next_attempt_at is not None
    assert json.loads(healthy.requests()[0]["body"])["type"] == "idea.published"
