"""What an event sends: public details only, nothing for what is not public, and only to
endpoints that asked for it. Attempts are logged and shown in the admin, with redelivery."""

import json

import pytest
from django.urls import reverse

from accounts import roles
from integrations import deliveries, events, services, signing
from integrations.models import AttemptOutcome, DeliveryStatus, WebhookDelivery
from notifications.models import OutboxMessage
from tests.factories import ChallengeFactory, IdeaFactory, PilotFactory, UserFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "https://orders.greenlight-receiver.invalid/hooks"


@pytest.fixture
def lead():
    return UserFactory(roles=[roles.LEADERSHIP], display_name="Lena Okafor")


def endpoint(lead, events_wanted, url=UNREACHABLE):
    return services.webhook_endpoint_save(
        actor=lead, name="Work orders", url=url, events=events_wanted, secret=signing.generate_secret()
    )


def handed_over(event: str, **payload) -> OutboxMessage:
    from integrations.consumer import handle_outbox_message

    message = OutboxMessage.objects.create(event=event, payload={"actor": 99, **payload})
    handle_outbox_message(message)
    return message


def test_stage_change_sends_public_details_and_the_idea(lead, home_page):
    endpoint(lead, ["idea.stage_changed"])
    idea = IdeaFactory(
        title="Night buses on weekends", stage="under_review", challenge=ChallengeFactory.create("review")
    )
    handed_over(
        "idea.stage_changed",
        idea=idea.pk,
        challenge=idea.challenge_id,
        change=5,
        note="The transport board will review it in March.",
        **{"from": "published", "to": "under_review"},
    )
    body = json.loads(WebhookDelivery.objects.get().body)
    assert body["type"] == "idea.stage_changed"
    assert body["data"]["from"] == "published" and body["data"]["to"] == "under_review"
    assert body["data"]["note"] == "The transport board will review it in March."
    assert body["data"]["idea"]["title"] == "Night buses on weekends"
    assert "actor" not in json.dumps(body)


def test_nothing_is_sent_about_a_hidden_idea(lead, home_page):
    endpoint(lead, ["idea.published"])
    idea = IdeaFactory(title="Cheap watches for sale", is_hidden=True)
    handed_over("idea.published", idea=idea.pk, challenge=idea.challenge_id)
    assert not WebhookDelivery.objects.exists()


def test_only_subscribed_endpoints_get_an_event(lead, home_page):
    endpoint(lead, ["pilot.decided"])
    idea = IdeaFactory(title="Street library boxes")
    handed_over("idea.published", idea=idea.pk, challenge=idea.challenge_id)
    assert not WebhookDelivery.objects.exists()


def test_an_event_handed_over_twice_is_delivered_once(lead, home_page):
    endpoint(lead, ["idea.published"])
    idea = IdeaFactory(title="Street library boxes")
    message = handed_over("idea.published", idea=idea.pk, challenge=idea.challenge_id)
    from integrations.consumer import handle_outbox_message

    handle_outbox_message(message)
    assert WebhookDelivery.objects.get().event_id == f"evt_{message.pk}"


def test_a_started_pilot_names_its_public_ideas_not_the_draft(lead, home_page):
    endpoint(lead, ["pilot.started"])
    idea = IdeaFactory(title="Car-free Sundays on Market Street", stage="selected")
    draft = PilotFactory.create(title="Internal working title", publish=False)
    handed_over("pilot.started", pilot=draft.pk, ideas=[idea.pk])
    body = WebhookDelivery.objects.get().body
    data = json.loads(body)["data"]
    assert data["pilot"] == {"id": draft.pk, "published": False}
    assert [i["title"] for i in data["ideas"]] == ["Car-free Sundays on Market Street"]
    assert "Internal working title" not in body


def test_event_list_matches_the_admin_choices():
    assert set(events.EVENTS) == {
        "idea.published",
        "idea.stage_changed",
        "idea.merged",
        "pilot.started",
        "pilot.updated",
        "pilot.decided",
        "challenge.phase_opened",
    }


def test_unreachable_receiver_is_logged_retried_and_redelivered_from_the_admin(
    client, lead, home_page, django_capture_on_commit_callbacks
):
    hook = endpoint(lead, ["idea.published"])
    idea = IdeaFactory(title="Solar lights for the allotments")
    handed_over("idea.published", idea=idea.pk, challenge=idea.challenge_id)
    delivery = WebhookDelivery.objects.get()

    delay = deliveries.delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    attempt = delivery.attempts.get()
    assert attempt.outcome == AttemptOutcome.UNREACHABLE
    assert "does not resolve" in attempt.error
    assert delivery.status == DeliveryStatus.PENDING and delay == 30
    assert delivery.next_attempt_at > attempt.started_at
    # Not due yet: asking again sends nothing.
    assert deliveries.delivery_attempt(delivery_id=delivery.pk) is None
    assert delivery.attempts.count() == 1

    client.force_login(lead)
    page = client.get(reverse("integrations_admin:endpoint", args=[hook.pk])).content.decode()
    assert "Could not connect" in page and "does not resolve" in page and "Redeliver" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("integrations_admin:redeliver", args=[delivery.pk]))
    assert response.status_code == 302
    second = delivery.attempts.order_by("number").last()
    assert second.number == 2 and second.requested_by == lead


def test_gives_up_after_the_retry_window(lead, home_page, settings):
    settings.WEBHOOK_RETRY_WINDOW = 10
    endpoint(lead, ["idea.published"])
    idea = IdeaFactory(title="Solar lights for the allotments")
    handed_over("idea.published", idea=idea.pk, challenge=idea.challenge_id)
    delivery = WebhookDelivery.objects.get()
    assert deliveries.delivery_attempt(delivery_id=delivery.pk) is None
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED


def test_backoff_grows_three_times_and_stops_at_six_hours(settings):
    settings.WEBHOOK_RETRY_BASE = 30
    assert [deliveries.retry_delay(n) for n in (1, 2, 3)] == [30, 90, 270]
    assert deliveries.retry_delay(12) == 6 * 60 * 60


def test_residents_cannot_open_the_integrations_admin(client, home_page):
    client.force_login(UserFactory(roles=[roles.RESIDENTS]))
    response = client.get(reverse("integrations_admin:index"))
    assert response.status_code in (302, 403)


def test_leadership_sees_endpoints_and_system_accounts(client, lead, home_page):
    endpoint(lead, ["idea.published", "pilot.decided"])
    services.system_account_create(actor=lead, name="Open data portal", role=roles.RESIDENTS)
    client.force_login(lead)
    page = client.get(reverse("integrations_admin:index")).content.decode()
    assert "Work orders" in page and "An idea was published" in page
    assert "Open data portal" in page
