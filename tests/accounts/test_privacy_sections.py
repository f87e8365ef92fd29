"""Download my data includes what the other apps hold: notifications and the email choices,
API tokens (never their secret); and Delete my account makes them go."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from integrations import services as integration_services
from integrations.models import ApiToken
from notifications import services as notification_services
from notifications.models import EmailPreference, Kind, Notification
from tests.factories import PASSWORD, ChallengeFactory, IdeaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def resident(home_page):
    return UserFactory(email="amara.okafor@example.org", display_name="Amara O.", roles=["Residents"])


@pytest.fixture
def notified(resident):
    challenge = ChallengeFactory.create("voting", title="Safer walks to school")
    idea = IdeaFactory(challenge=challenge, author=resident, title="A crossing guard at Elm and 5th")
    now = timezone.now()
    Notification.objects.create(
        recipient=resident,
        event="idea.stage_changed",
        kind=Kind.MY_IDEAS,
        data={"idea": idea.title, "to": "shortlisted", "note": "Parents at Lincoln Elementary back it."},
        url=idea.get_absolute_url(),
        created_at=now - timedelta(days=1),
        read_at=now,
    )
    Notification.objects.create(
        recipient=resident,
        event="comment.posted",
        kind=Kind.COMMENTS_ON_MY_IDEAS,
        data={"idea": idea.title, "author": "Tomás R.", "excerpt": "The morning rush is the worst part."},
        url=idea.get_absolute_url() + "#comment-1",
        created_at=now,
    )
    notification_services.preferences_set(user=resident, choices={Kind.REPLIES: "weekly"})
    return idea


@pytest.fixture
def token_secret(resident):
    token, secret = integration_services.token_create(owner=resident, name="Neighbourhood dashboard", access="read")
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return secret


def _download(client, resident, capture) -> zipfile.ZipFile:
    client.force_login(resident)
    with capture(execute=True):
        client.post("/me/data/")
    token = resident.data_exports.get().token
    response = client.get(f"/me/data/{token}/")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_zip_holds_notifications_email_choices_and_token_details_without_the_secret(
    client, resident, notified, token_secret, django_capture_on_commit_callbacks
):
    archive = _download(client, resident, django_capture_on_commit_callbacks)
    assert {"notifications.csv", "notification_preferences.csv", "api_tokens.csv"} <= set(archive.namelist())
    data = json.loads(archive.read("data.json"))

    headlines = [row["headline"] for row in data["notifications"]]
    assert headlines == [
        "“A crossing guard at Elm and 5th” moved to “Shortlisted”",
        "Tomás R. commented on “A crossing guard at Elm and 5th”",
    ]
    assert data["notifications"][0]["detail"] == "Parents at Lincoln Elementary back it."
    assert data["notifications"][0]["read_at"] and data["notifications"][1]["read_at"] is None

    choices = {row["kind"]: row for row in data["notification_preferences"]}
    assert choices["replies"]["email"] == "weekly" and choices["replies"]["chosen"] is True
    assert choices["my_ideas"]["email"] == "immediate" and choices["my_ideas"]["chosen"] is False

    [token] = data["api_tokens"]
    assert token["name"] == "Neighbourhood dashboard" and token["access"] == "read"
    assert token["created_at"] and token["last_used_at"] and token_secret.startswith(token["prefix"])
    whole = b"".join(archive.read(name) for name in archive.namelist()).decode()
    assert token_secret not in whole
    assert ApiToken.objects.get().digest not in whole
    assert "Tomás R. commented" in archive.read("notifications.csv").decode()


def test_deleting_the_account_removes_notifications_email_choices_and_tokens(
    client, api_client, resident, notified, token_secret
):
    client.force_login(resident)
    assert client.post("/me/delete/", {"password": PASSWORD}).status_code == 302
    assert not Notification.objects.filter(recipient=resident).exists()
    assert not EmailPreference.objects.filter(user=resident).exists()
    assert not ApiToken.objects.filter(user=resident).exists()
    refused = api_client.get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {token_secret}")
    assert refused.status_code in (401, 403)
