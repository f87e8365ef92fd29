"""The demo shows integrations at work: a webhook endpoint whose receiver is unreachable,
with its failed attempts in the admin, and a system account with a service token."""

import os

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from integrations.models import ApiToken, AttemptOutcome, SystemAccount, WebhookAttempt, WebhookEndpoint

pytestmark = pytest.mark.django_db


def test_demo_endpoint_shows_failed_attempts_and_loads_once(client):
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
        call_command("load_demo", stdout=devnull)
    endpoint = WebhookEndpoint.objects.get()
    attempts = WebhookAttempt.objects.filter(delivery__endpoint=endpoint)
    assert attempts.exists()
    assert set(attempts.values_list("outcome", flat=True)) == {AttemptOutcome.UNREACHABLE}
    assert SystemAccount.objects.get().name == "311 service desk"
    assert ApiToken.objects.filter(user__system_account__isnull=False).count() == 1

    client.force_login(User.objects.get(email="leadership@greenlight.test"))
    page = client.get(reverse("integrations_admin:endpoint", args=[endpoint.pk])).content.decode()
    assert "Could not connect" in page
    assert "Pending" in page
