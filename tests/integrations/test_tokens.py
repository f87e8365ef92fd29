"""Personal and service API tokens: made once, stored hashed, read-only or read-write,
revocable, and every write made with one is in the audit log in its owner's name."""

import hashlib

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from accounts import roles
from integrations import services
from integrations.models import ApiToken
from tests.factories import ChallengeFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_profile_page_makes_a_token_shown_once_and_stored_hashed(client, person):
    client.force_login(person)
    response = client.post(
        reverse("integrations:tokens"), {"name": "Neighbourhood newsletter", "access": "read", "expires_in_days": "90"}
    )
    assert response.status_code == 200
    secret = response.context["new_token"]["secret"]
    assert secret.startswith("glt_")
    assert secret in response.content.decode()
    assert response["Cache-Control"] == "no-store"

    token = ApiToken.objects.get(user=person)
    assert token.name == "Neighbourhood newsletter"
    assert token.digest == hashlib.sha512(secret.encode()).hexdigest()
    assert secret not in token.digest and secret != token.token_key

    # Listed afterwards by name and first characters, never the token itself.
    page = client.get(reverse("integrations:tokens")).content.decode()
    assert "Neighbourhood newsletter" in page
    assert secret not in page
    assert "Never used" in page


def test_token_authenticates_and_records_last_use(api_client, person):
    token, secret = services.token_create(owner=person, name="Calendar sync", access="read")
    assert token.last_used_at is None
    response = api_client.get("/api/v1/me/", **bearer(secret))
    assert response.status_code == 200
    assert response.json()["id"] == person.pk
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_wrong_or_revoked_token_is_refused(api_client, person):
    token, secret = services.token_create(owner=person, name="Old laptop", access="write")
    # Session sign-in comes first in the API's authentication, so refusals are 403s.
    response = api_client.get("/api/v1/me/", **bearer(secret[:-2] + "00"))
    assert response.status_code == 403 and response.json()["detail"] == "Invalid token."
    services.token_revoke(actor=person, token_id=token.pk)
    response = api_client.get("/api/v1/me/", **bearer(secret))
    assert response.status_code == 403 and response.json()["detail"] == "Invalid token."


def test_read_only_token_cannot_write(api_client, person):
    idea = IdeaFactory(title="Shade sails over the Riverside playground")
    _token, secret = services.token_create(owner=person, name="Dashboard", access="read")
    response = api_client.post(f"/api/v1/ideas/{idea.pk}/follow/", **bearer(secret))
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]
    assert not idea.follows.exists()


def test_write_with_a_token_is_in_the_audit_log_in_the_owners_name(api_client, person):
    challenge = ChallengeFactory.create("submission")
    _token, secret = services.token_create(owner=person, name="Ideas importer", access="write")
    response = api_client.post(
        f"/api/v1/challenges/{challenge.pk}/ideas/",
        {"title": "Water fountains at every tram stop", "summary": "Free refills on hot days along line 4."},
        format="json",
        **bearer(secret),
    )
    assert response.status_code == 201, response.content
    entry = ModelLogEntry.objects.get(action="integrations.token_write")
    assert entry.user == person
    assert entry.data["token"] == "Ideas importer"
    assert entry.data["method"] == "POST"
    assert entry.data["path"] == f"/api/v1/challenges/{challenge.pk}/ideas/"


def test_tokens_api_lists_creates_and_revokes(api_client, person):
    api_client.force_authenticate(person)
    created = api_client.post(
        "/api/v1/me/tokens/", {"name": "Open data notebook", "access": "read", "expires_in_days": 30}, format="json"
    )
    assert created.status_code == 201
    body = created.json()
    assert body["token"].startswith("glt_") and body["access"] == "read" and body["expires_at"]

    listed = api_client.get("/api/v1/me/tokens/").json()
    assert [item["name"] for item in listed] == ["Open data notebook"]
    assert "token" not in listed[0]

    assert api_client.delete(f"/api/v1/me/tokens/{body['id']}/").status_code == 204
    assert api_client.get("/api/v1/me/tokens/").json() == []


def test_tokens_api_refuses_bad_input_and_other_peoples_tokens(api_client, person, user_factory):
    api_client.force_authenticate(person)
    response = api_client.post("/api/v1/me/tokens/", {"name": "  ", "expires_in_days": 7}, format="json")
    assert response.status_code == 400
    assert set(response.json()) >= {"expires_in_days"}
    response = api_client.post("/api/v1/me/tokens/", {"name": "   ", "expires_in_days": 30}, format="json")
    assert response.status_code == 400 and "name" in response.json()

    other = user_factory()
    their_token, _secret = services.token_create(owner=other, name="Theirs", access="read")
    assert api_client.delete(f"/api/v1/me/tokens/{their_token.pk}/").status_code == 404
    assert ApiToken.objects.filter(pk=their_token.pk).exists()


def test_a_token_cannot_make_more_tokens(api_client, person):
    _token, secret = services.token_create(owner=person, name="Scripts", access="write")
    response = api_client.post("/api/v1/me/tokens/", {"name": "Another"}, format="json", **bearer(secret))
    assert response.status_code == 403
    assert ApiToken.objects.filter(user=person).count() == 1


def test_tokens_are_in_the_api_schema(client):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/me/tokens/:" in schema
    assert "/api/v1/me/tokens/{id}/:" in schema


def test_leadership_makes_a_service_token_for_a_system_account(client, api_client, leadership):
    client.force_login(leadership)
    response = client.post(
        reverse("integrations_admin:system_add"),
        {"name": "311 service desk", "role": roles.CITY_STAFF, "description": "Links requests to ideas"},
    )
    assert response.status_code == 302
    account = leadership.__class__.objects.get(system_account__name="311 service desk").system_account
    assert list(account.user.groups.values_list("name", flat=True)) == [roles.CITY_STAFF]
    assert not account.user.has_usable_password()

    response = client.post(
        reverse("integrations_admin:service_token", args=[account.pk]),
        {"name": "Production", "access": "write", "expires_in_days": ""},
    )
    assert response.status_code == 200
    secret = response.context["new_token"]["secret"]
    token = ApiToken.objects.get(user=account.user)
    assert token.expiry is None and token.created_by == leadership

    assert "no-store" in response["Cache-Control"]

    me = api_client.get("/api/v1/me/", **bearer(secret)).json()
    assert me["roles"] == [roles.CITY_STAFF]
    assert me["public_name"] == "311 service desk"

    response = client.post(reverse("integrations_admin:service_token_revoke", args=[token.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("integrations_admin:index")
    assert "The token was revoked." in response.content.decode()
    assert api_client.get("/api/v1/me/", **bearer(secret)).status_code in (401, 403)


def test_residents_cannot_reach_service_tokens(client, person):
    client.force_login(person)
    response = client.post(reverse("integrations_admin:system_add"), {"name": "Sneaky", "role": roles.LEADERSHIP})
    assert response.status_code in (302, 403)
    assert not ApiToken.objects.exists()
    from integrations.models import SystemAccount

    assert not SystemAccount.objects.exists()
