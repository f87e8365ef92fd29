"""Webhook signatures follow the Standard Webhooks scheme (checked with its reference
library), and URLs that lead into the city's own network are refused."""

import json
import time

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from standardwebhooks import Webhook, WebhookVerificationError

from integrations import addresses, sending, services, signing
from integrations.models import AttemptOutcome, WebhookEndpoint


def test_signature_verifies_with_the_standard_webhooks_reference_library():
    secret = signing.generate_secret()
    body = json.dumps({"id": "evt_12", "type": "idea.published", "data": {"idea": {"id": 12}}})
    timestamp = int(time.time())
    headers = signing.signed_headers(secret=secret, message_id="evt_12", timestamp=timestamp, body=body)
    assert Webhook(secret).verify(body, headers)["type"] == "idea.published"
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(body.replace("12", "13"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(signing.generate_secret()).verify(body, headers)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "http://localhost/hook",
        "http://[::1]/hook",
        "http://10.0.0.8/hook",
        "http://192.168.1.20/hook",
        "http://172.16.5.4/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/hook",
        "http://0.0.0.0/hook",
        "http://[::ffff:10.0.0.1]/hook",
        "http://240.0.0.1/hook",
    ],
)
def test_private_and_reserved_addresses_are_refused(url, settings):
    settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS = []
    with pytest.raises(addresses.AddressRefused):
        addresses.check_url(url)


@pytest.mark.parametrize("url", ["ftp://example.org/x", "http://user:pw@example.org/", "http:///nohost"])
def test_only_plain_http_urls(url):
    with pytest.raises(addresses.AddressRefused):
        addresses.split_url(url)


def test_named_private_hosts_may_be_allowed(settings):
    settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS = ["127.0.0.1"]
    addresses.check_url("http://127.0.0.1:9/hook")
    with pytest.raises(addresses.AddressRefused):
        addresses.check_url("http://10.0.0.8/hook")


def test_delivery_checks_the_address_again_and_never_connects(settings):
    """DNS may change after saving: a delivery to a private address is refused, not sent."""
    settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS = []
    result = sending.post(
        url="http://169.254.169.254/latest/meta-data/", secret=signing.generate_secret(), message_id="evt_1", body="{}"
    )
    assert result.outcome == AttemptOutcome.REFUSED
    assert "169.254.169.254" in result.error


@pytest.mark.django_db
def test_endpoint_service_refuses_internal_urls(settings):
    from accounts import roles
    from tests.factories import UserFactory

    settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS = []
    lead = UserFactory(roles=[roles.LEADERSHIP])
    with pytest.raises(ValidationError) as refused:
        services.webhook_endpoint_save(
            actor=lead,
            name="Metadata",
            url="http://169.254.169.254/",
            events=["idea.published"],
            secret=signing.generate_secret(),
        )
    assert "url" in refused.value.message_dict
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
def test_admin_form_shows_the_refusal(client, settings):
    from accounts import roles
    from tests.factories import UserFactory

    settings.WEBHOOK_ALLOWED_PRIVATE_HOSTS = []
    client.force_login(UserFactory(roles=[roles.LEADERSHIP]))
    form = client.get(reverse("integrations_admin:endpoint_add"))
    assert form.status_code == 200
    secret = form.context["form"].initial["secret"]
    assert secret.startswith("whsec_")
    response = client.post(
        reverse("integrations_admin:endpoint_add"),
        {
            "name": "Work orders",
            "url": "http://10.1.2.3/hooks",
            "events": ["idea.published"],
            "secret": secret,
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "private or reserved address" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()
