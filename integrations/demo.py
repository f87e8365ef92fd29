"""Demo integrations: a webhook endpoint for the public works order system, whose receiver
does not exist (``.invalid`` never resolves), so the admin shows deliveries failing and
waiting for their retry; and a system account for the 311 service desk with a read-only
service token. Idempotent: what exists is left alone."""

from accounts import roles
from accounts.models import User
from notifications.models import OutboxMessage

from . import deliveries, services
from .models import SystemAccount, WebhookEndpoint

ENDPOINT_NAME = "Public works order system"
ENDPOINT_URL = "https://orders.public-works.invalid/greenlight/webhooks"
EVENTS = ["idea.published", "idea.stage_changed", "pilot.started", "pilot.decided"]
SHOWN_EVENTS = 3


def load(*, stdout) -> None:
    leadership = User.objects.get(email="leadership@greenlight.test")
    endpoint = WebhookEndpoint.objects.filter(name=ENDPOINT_NAME).first()
    if endpoint is None:
        from . import signing

        endpoint = services.webhook_endpoint_save(
            actor=leadership, name=ENDPOINT_NAME, url=ENDPOINT_URL, events=EVENTS, secret=signing.generate_secret()
        )
        # The latest events it would have heard about, each tried once (and failing).
        latest = OutboxMessage.objects.filter(event__in=EVENTS).order_by("-id")[:SHOWN_EVENTS]
        for message in latest:
            for delivery_id in deliveries.deliveries_create(
                event=message.event,
                event_id=deliveries.event_id_for(message),
                timestamp=message.created_at,
                payload=message.payload,
            ):
                deliveries.delivery_attempt(delivery_id=delivery_id)
        stdout.write(f"Webhook endpoint “{ENDPOINT_NAME}” (its receiver is unreachable: see Admin → Integrations).")
    if not SystemAccount.objects.filter(name="311 service desk").exists():
        account = services.system_account_create(
            actor=leadership,
            name="311 service desk",
            role=roles.CITY_STAFF,
            description="Links residents' service requests to ideas about the same street.",
        )
        services.service_token_create(
            actor=leadership, account=account, name="Request sync", access="read", lifetime_days=365
        )
